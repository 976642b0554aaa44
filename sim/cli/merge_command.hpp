// `irdrill merge --out DIR SHARD_DIR...`: combines the outputs of `irdrill mc --shard i/N`
// into exactly what one `irdrill mc` of the whole run writes (runs.csv and summary.json
// byte for byte; report.html too, but for its command line).
#pragma once

#include <CLI/CLI.hpp>

namespace irdrill::cli {

void setupMergeCommand(CLI::App& app);

}  // namespace irdrill::cli
