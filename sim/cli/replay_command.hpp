// `irdrill replay`: plays a saved tabletop session headless - its scenario, seed and the
// logged decisions, injects and marks at their simulated times - and writes the same
// event log and summary as `irdrill run` (docs/cli.md, docs/session-format.md).
#pragma once

#include <CLI/CLI.hpp>

namespace irdrill::cli {

void setupReplayCommand(CLI::App& app);

}  // namespace irdrill::cli
