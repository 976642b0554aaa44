// The score ledger as the record tab shows it: largest |points| first, each line linked to
// the event that caused it (a click focuses that event in the log).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/scoring/score.hpp"

namespace irdrill::gui::view_model {

struct LedgerRow {
  std::string incident;  // "" for the base
  std::string term;      // kScoreTermNames
  std::string quantity;  // "3.2 h", "4000 records", "1"
  double points = 0;
  std::string pointsText;  // "-32.0", "+10.0"
  std::string time;        // clock text of the line's moment
  std::uint64_t eventSeq = 0;  // 0: no event behind it
  std::string detail;
};

// Sorted by |points|, largest first; equal ones keep the ledger's order (incident, term).
std::vector<LedgerRow> ledgerRows(const scoring::ScoreCard& card);

}  // namespace irdrill::gui::view_model
