// `irdrill phold`: a seeded run of the PHOLD kernel workload, printing its trace hash, so
// a user can check a build is deterministic (same seed, same hash on any machine).
#pragma once

#include <CLI/CLI.hpp>

namespace irdrill::cli {

void setupPholdCommand(CLI::App& app);

}  // namespace irdrill::cli
