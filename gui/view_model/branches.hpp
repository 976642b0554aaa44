// The Branches tab and the timeline's rewind parts as plain data (no ImGui): the branch
// list, the side-by-side table of two branches (session::compareBranches), the other
// branch's milestones placed on the timeline's rows (ghosts), and where a click on the
// timeline's axis rewinds to.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gui/view_model/timeline.hpp"
#include "sim/core/time.hpp"
#include "sim/session/branch_compare.hpp"
#include "sim/session/branches.hpp"

namespace irdrill::gui::view_model {

struct BranchRow {
  std::string name;
  std::string parent;  // "" for the root
  std::string forkTime;  // "d0 12:00"; "" for the root
  std::size_t forkEntryCount = 0;
  std::size_t entryCount = 0;
  std::string lastTime;  // the clock the branch was last played to
  bool current = false;
};
std::vector<BranchRow> branchRows(const std::vector<session::BranchInfo>& branches);

// One line of the side-by-side table: a ledger term, the total, the deadlines missed, or
// one incident's time to contain, deadlines missed or points. `difference` is b - a
// ("" when it is not a number: an incident in one branch only, or a censored time).
struct ComparisonRow {
  std::string incident;  // "" for the whole session's lines
  // A ledger term (kScoreTermNames), "total", "deadlines_missed", "hours_to_contain" or
  // "points": the panel's label is the catalogue's "rewind.metric.<metric>".
  std::string metric;
  std::string a, b, difference;
};
// Points and hours with one decimal, never "-0.0"; a time not contained by the moment
// compared is "> N h" (censored) and has no difference.
std::vector<ComparisonRow> comparisonRows(const session::BranchComparison& comparison);

// A milestone of the other branch on the row of its incident (rows by incident id; an
// incident without a row here is left out).
struct GhostMark {
  int row = 0;
  int milestone = 0;  // index into session::kMilestoneNames
  core::TimeUs atUs = 0;
};
std::vector<GhostMark> ghostMarks(const std::vector<session::BranchMilestone>& milestones,
                                  const std::vector<std::string>& rowIncidents);

// The time a press at `xPx` on a strip `widthPx` wide showing `range` rewinds to: clamped
// to the strip and to 0; nullopt when it is not before `nowUs` (the future is played, not
// scrubbed to).
std::optional<core::TimeUs> scrubTargetUs(const TimeRange& range, float widthPx, float xPx, core::TimeUs nowUs);

}  // namespace irdrill::gui::view_model
