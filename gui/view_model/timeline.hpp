// Geometry of the incident timeline: which span of time is shown (zoom), where a moment
// falls in pixels, one Gantt row per incident (its phases, milestones and deadline
// markers), the row under the mouse and the axis ticks. Pure: the panel draws the result.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/exercise/exercise.hpp"
#include "sim/scoring/score_def.hpp"

namespace irdrill::gui::view_model {

// A span of simulated time; toUs > fromUs always (timelineRange guarantees it).
struct TimeRange {
  core::TimeUs fromUs = 0;
  core::TimeUs toUs = core::kUsPerHour;
};

enum class TimelineZoom { FitAll, LastDay, LastHour };
inline constexpr const char* kTimelineZoomNames[] = {"fit all", "last day", "last hour"};
inline constexpr int kTimelineZoomCount = 3;

// FitAll: every incident's start and milestones, its running deadlines and now, with a
// small margin. LastDay / LastHour: the day / hour up to now, with the same margin after
// now so the "now" line is not on the edge.
TimeRange timelineRange(TimelineZoom zoom, const std::vector<exercise::IncidentView>& incidents,
                        core::TimeUs nowUs);

// x of `timeUs` in a strip `widthPx` wide showing `range` (outside the range: beyond
// [0, widthPx], the caller clips). And back.
float timeToX(const TimeRange& range, float widthPx, core::TimeUs timeUs);
core::TimeUs xToTime(const TimeRange& range, float widthPx, float xPx);

// The phases of an incident, each from its milestone to the next (open ones end now).
enum class IncidentPhase { Undetected, Detected, Responding, Contained, Recovered };
inline constexpr const char* kIncidentPhaseNames[] = {"undetected", "detected", "responding",
                                                      "contained", "recovered"};

struct PhaseSegment {
  IncidentPhase phase = IncidentPhase::Undetected;
  core::TimeUs fromUs = 0;
  core::TimeUs toUs = 0;
};

struct Milestone {
  std::string name;  // "start", "detected", "engaged", "contained", "recovered"
  core::TimeUs atUs = 0;
};

enum class DeadlineStatus { Running, Met, Missed };
inline constexpr const char* kDeadlineStatusNames[] = {"running", "met", "missed"};

struct DeadlineMarker {
  std::string id;
  std::string label;  // "authority_preliminary_report: 72h from detection"
  core::TimeUs dueUs = 0;
  std::optional<core::TimeUs> doneUs;
  DeadlineStatus status = DeadlineStatus::Running;
};

struct TimelineRow {
  std::string incident;
  std::string label;  // "phishing-1 (cyber_intrusion)"
  std::vector<PhaseSegment> phases;
  std::vector<Milestone> milestones;
  std::vector<DeadlineMarker> deadlines;
};

// The deadlines of IncidentView::deadlines (those whose clock has started), labelled with
// the scoring rule that defines them; a deadline past due and not done is missed.
TimelineRow timelineRow(const exercise::IncidentView& incident, core::TimeUs nowUs,
                        const scoring::ScoringDef& scoring);
std::vector<TimelineRow> timelineRows(const std::vector<exercise::IncidentView>& incidents,
                                      core::TimeUs nowUs, const scoring::ScoringDef& scoring);

// The scoring's deadline rules for people, including those whose clock has not started
// for any incident yet: "authority_preliminary_report: report_authority within 3.0 days
// from detection, if leak_confirmed and personal_data".
std::vector<std::string> deadlineRuleTexts(const scoring::ScoringDef& scoring);

// Rows below a header strip (the axis), each rowHeightPx high.
struct RowLayout {
  float headerPx = 18;
  float rowHeightPx = 22;
};
float rowTopPx(const RowLayout& layout, int row);
// The row at `yPx` (from the top of the strip), nullopt on the header or below the last.
std::optional<int> rowAtY(const RowLayout& layout, float yPx, int rowCount);

// Axis ticks at a round step (1 min ... 7 days) at least minSpacingPx apart.
struct AxisTick {
  core::TimeUs atUs = 0;
  float xPx = 0;
  std::string label;  // "d1 14:00"
};
std::vector<AxisTick> axisTicks(const TimeRange& range, float widthPx, float minSpacingPx);

}  // namespace irdrill::gui::view_model
