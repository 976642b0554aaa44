// `irdrill run`: one seeded run of a scenario, a readable summary on stdout and, on
// request, the full event log as JSON Lines.
#pragma once

#include <CLI/CLI.hpp>

namespace irdrill::cli {

void setupRunCommand(CLI::App& app);

}  // namespace irdrill::cli
