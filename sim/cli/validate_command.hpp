// `irdrill validate FILE...`: loads each scenario file and reports every problem as
// `file:line:col: error: ...` on stderr, and a one-line summary of each valid file on
// stdout. Exit 0 when every file is valid, 2 otherwise (docs/cli.md).
#pragma once

#include <CLI/CLI.hpp>

namespace irdrill::cli {

void setupValidateCommand(CLI::App& app);

}  // namespace irdrill::cli
