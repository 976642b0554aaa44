// `irdrill mc`: N seeded replications of a scenario on all cores, streamed to
// DIR/runs.csv, summarised in DIR/summary.json and DIR/report.html (docs/montecarlo.md).
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace irdrill::cli {

void setupMcCommand(CLI::App& app);

// "--threads 0": every core the machine reports (at least one).
int resolveThreads(int requested);

}  // namespace irdrill::cli
