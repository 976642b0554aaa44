// `irdrill sweep --scenario FILE --grid KEY=START:STOP:STEP ... --runs N --out DIR`: every
// grid point's detection probability, latency, false alarms and time to contain, the
// Pareto front and the recommended setting under a constraint (docs/sweeps.md).
#pragma once

#include <CLI/CLI.hpp>

namespace irdrill::cli {

void setupSweepCommand(CLI::App& app);

}  // namespace irdrill::cli
