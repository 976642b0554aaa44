// `irdrill compare A.yaml B.yaml --runs N`: both scenarios on the same seeds and
// replication indices (common random numbers), each metric's difference B - A with its 95%
// confidence interval from the paired replications (docs/montecarlo.md).
#pragma once

#include <CLI/CLI.hpp>

namespace irdrill::cli {

void setupCompareCommand(CLI::App& app);

}  // namespace irdrill::cli
