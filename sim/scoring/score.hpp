// The total score of a run and its ledger: every point gained or lost, tied to the event
// that caused it. Formula and weights: docs/scoring.md, score_def.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/scoring/incident_outcome.hpp"
#include "sim/scoring/score_def.hpp"

namespace irdrill::scoring {

struct LedgerEntry {
  std::string incident;  // empty for the base
  std::string term;      // "time_to_contain", "deadline_missed", ... (kScoreTermNames)
  double quantity = 0;   // in `unit`
  std::string unit;      // "h", "records", "items", "" (a count)
  double points = 0;     // weight * quantity
  core::TimeUs timeUs = 0;
  std::uint64_t eventSeq = 0;  // the event behind it (0: none)
  std::string detail;    // "contained by step isolate (isolate_network)", "not detected"
};

inline constexpr const char* kScoreTermNames[] = {
    "base",          "time_to_detect",  "time_to_contain", "time_to_recover",
    "records_exfiltrated", "items_lost", "downtime",       "deadline_met",
    "deadline_missed", "step_not_done", "step_out_of_order", "uncontained"};

struct ScoreCard {
  double total = 0;
  std::vector<LedgerEntry> ledger;  // in incident order, then term order
};

ScoreCard scoreRun(const std::vector<IncidentOutcome>& incidents, const ScoreWeights& weights);

// Sum of the ledger's points per term (kScoreTermNames order): the score breakdown.
std::vector<double> pointsByTerm(const ScoreCard& card);

}  // namespace irdrill::scoring
