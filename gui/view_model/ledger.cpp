#include "gui/view_model/ledger.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "gui/view_model/time_text.hpp"

namespace irdrill::gui::view_model {

std::vector<LedgerRow> ledgerRows(const scoring::ScoreCard& card) {
  std::vector<LedgerRow> rows;
  rows.reserve(card.ledger.size());
  for (const scoring::LedgerEntry& entry : card.ledger) {
    LedgerRow row;
    row.incident = entry.incident;
    row.term = entry.term;
    char buffer[64];
    // Whole numbers for counts and records; hours to a tenth.
    const bool whole = entry.unit != "h";
    std::snprintf(buffer, sizeof buffer, whole ? "%.0f%s%s" : "%.1f%s%s", entry.quantity,
                  entry.unit.empty() ? "" : " ", entry.unit.c_str());
    row.quantity = buffer;
    row.points = entry.points;
    std::snprintf(buffer, sizeof buffer, "%+.1f", entry.points);
    row.pointsText = buffer;
    row.time = clockText(entry.timeUs);
    row.eventSeq = entry.eventSeq;
    row.detail = entry.detail;
    rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const LedgerRow& a, const LedgerRow& b) {
    return std::fabs(a.points) > std::fabs(b.points);
  });
  return rows;
}

}  // namespace irdrill::gui::view_model
