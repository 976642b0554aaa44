// `irdrill aar`: the after-action report of a saved tabletop session - the session replayed
// to its clock, its branches, its debrief notes and optionally a what-if distribution - as
// one self-contained HTML file, DIR/aar.html, written whole or not at all (docs/cli.md,
// docs/debrief.md).
#pragma once

#include <CLI/CLI.hpp>

namespace irdrill::cli {

void setupAarCommand(CLI::App& app);

}  // namespace irdrill::cli
