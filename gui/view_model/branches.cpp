// Branch list, comparison table, ghosts and scrubber target (see branches.hpp).
#include "branches.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/core/clock_text.hpp"

namespace irdrill::gui::view_model {
namespace {

std::string oneDecimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  std::string out = text;
  if (out == "-0.0") out = "0.0";  // a difference that rounds to nothing has no sign
  return out;
}

std::string signedDecimal(double value) {
  std::string out = oneDecimal(value);
  if (out != "0.0" && out.front() != '-') out.insert(out.begin(), '+');
  return out;
}

// Built by appending: GCC 12 warns (falsely, -Wrestrict) on "literal" + std::string.
std::string signedCount(int value) {
  std::string out = value > 0 ? "+" : "";
  out += std::to_string(value);
  return out;
}

std::string containText(bool present, const std::optional<double>& hours, double censoredHours) {
  if (!present) return "-";
  if (hours) return oneDecimal(*hours) + " h";
  return "> " + oneDecimal(censoredHours) + " h";
}

}  // namespace

std::vector<BranchRow> branchRows(const std::vector<session::BranchInfo>& branches) {
  std::vector<BranchRow> rows;
  rows.reserve(branches.size());
  for (const session::BranchInfo& b : branches) {
    BranchRow row;
    row.name = b.name;
    row.parent = b.parent;
    if (!b.parent.empty()) {
      row.forkTime = core::clockText(b.forkUs);
      row.forkEntryCount = b.forkEntryCount;
    }
    row.entryCount = b.entryCount;
    row.lastTime = core::clockText(b.lastUs);
    row.current = b.current;
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<ComparisonRow> comparisonRows(const session::BranchComparison& c) {
  std::vector<ComparisonRow> rows;
  for (const session::TermComparison& t : c.terms) {
    rows.push_back({"", t.term, oneDecimal(t.pointsA), oneDecimal(t.pointsB), signedDecimal(t.difference())});
  }
  rows.push_back({"", "deadlines_missed", std::to_string(c.deadlinesMissedA), std::to_string(c.deadlinesMissedB),
                  signedCount(c.deadlinesMissedB - c.deadlinesMissedA)});
  for (const session::IncidentComparison& i : c.incidents) {
    const bool both = i.inA && i.inB;
    ComparisonRow contain{i.incident, "hours_to_contain", containText(i.inA, i.containHoursA, i.censoredHoursA),
                          containText(i.inB, i.containHoursB, i.censoredHoursB), ""};
    if (both && i.containHoursA && i.containHoursB) contain.difference = signedDecimal(*i.containHoursB - *i.containHoursA);
    rows.push_back(std::move(contain));
    rows.push_back({i.incident, "deadlines_missed", i.inA ? std::to_string(i.deadlinesMissedA) : "-",
                    i.inB ? std::to_string(i.deadlinesMissedB) : "-",
                    both ? signedCount(i.deadlinesMissedB - i.deadlinesMissedA) : ""});
    rows.push_back({i.incident, "points", i.inA ? oneDecimal(i.pointsA) : "-", i.inB ? oneDecimal(i.pointsB) : "-",
                    both ? signedDecimal(i.pointsB - i.pointsA) : ""});
  }
  return rows;
}

std::vector<GhostMark> ghostMarks(const std::vector<session::BranchMilestone>& milestones,
                                  const std::vector<std::string>& rowIncidents) {
  std::vector<GhostMark> marks;
  for (const session::BranchMilestone& m : milestones) {
    const auto found = std::find(rowIncidents.begin(), rowIncidents.end(), m.incident);
    if (found == rowIncidents.end()) continue;
    marks.push_back({static_cast<int>(found - rowIncidents.begin()), m.milestone, m.atUs});
  }
  return marks;
}

std::optional<core::TimeUs> scrubTargetUs(const TimeRange& range, float widthPx, float xPx, core::TimeUs nowUs) {
  const float clampedPx = std::clamp(xPx, 0.0f, std::max(widthPx, 0.0f));
  const core::TimeUs atUs = std::max<core::TimeUs>(xToTime(range, widthPx, clampedPx), 0);
  if (atUs >= nowUs) return std::nullopt;
  return atUs;
}

}  // namespace irdrill::gui::view_model
