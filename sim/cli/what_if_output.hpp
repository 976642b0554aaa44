// `irdrill replay SESSION --what-if N --out DIR`: runs the what-if replications of a
// session's decision log (sim/montecarlo/what_if.hpp) and writes what `irdrill mc`
// writes - runs.csv, summary.json and report.html - into DIR as one unit, with the
// variant named in each: summary.json gains a "what_if" member, the report a "What if"
// section under its header (docs/cli.md, "irdrill replay --what-if").
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "sim/scenario/scenario_def.hpp"
#include "sim/session/session.hpp"

namespace irdrill::cli {

struct WhatIfCommand {
  std::string sessionPath;
  std::string outDir;
  std::uint64_t replications = 0;
  bool fromHere = false;
  int threads = 0;                         // 0: every core
  std::optional<std::uint64_t> seedBase;   // fresh only
  std::string scenarioHash;                // of the scenario as loaded (with overrides)
};

// Runs and writes; returns the exit code (0, 2 bad option, 3 output, 130 interrupted:
// the finished replications are written, marked partial). Prints progress on stderr and
// the summary table on stdout.
int runWhatIfCommand(const WhatIfCommand& command, std::shared_ptr<const scenario::ScenarioDef> scenario,
                     const session::SessionDef& session);

}  // namespace irdrill::cli
