// The readable summary `irdrill run` and `irdrill replay` print on stdout: the run's
// header line, the office day's figures, each incident's milestones and the score with
// its largest ledger lines. One implementation, so both commands print the same thing.
#pragma once

#include <cstdint>
#include <string>

#include "sim/exercise/exercise.hpp"

namespace irdrill::cli {

struct RunSummaryInfo {
  std::string scenarioName;
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
  int ledgerLines = 12;    // ledger lines to print, largest first
  std::string eventsPath;  // the event log written, "" if none
};

// Prints the summary of `run` as it stands (call after the last runUntil).
void printRunSummary(const exercise::Exercise& run, const scoring::ScoreCard& card,
                     const RunSummaryInfo& info);

}  // namespace irdrill::cli
