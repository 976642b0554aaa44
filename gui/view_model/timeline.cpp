#include "gui/view_model/timeline.hpp"

#include <algorithm>

#include "gui/view_model/time_text.hpp"
#include "sim/core/clock_text.hpp"

namespace irdrill::gui::view_model {
namespace {

constexpr core::TimeUs kMinSpanUs = core::kUsPerMinute;
constexpr core::TimeUs kUsPerDay = 24 * core::kUsPerHour;

// A twentieth of the span after the last moment shown, so markers are not on the edge.
core::TimeUs marginOf(core::TimeUs spanUs) { return std::max<core::TimeUs>(spanUs / 20, core::kUsPerSecond); }

const scoring::DeadlineDef* deadlineDef(const scoring::ScoringDef& scoring, const std::string& id) {
  for (const auto& def : scoring.deadlines) {
    if (def.id == id) return &def;
  }
  return nullptr;
}

}  // namespace

TimeRange timelineRange(TimelineZoom zoom, const std::vector<exercise::IncidentView>& incidents,
                        core::TimeUs nowUs) {
  TimeRange range;
  if (zoom == TimelineZoom::LastDay || zoom == TimelineZoom::LastHour) {
    const core::TimeUs spanUs = zoom == TimelineZoom::LastDay ? kUsPerDay : core::kUsPerHour;
    range.fromUs = std::max<core::TimeUs>(0, nowUs - spanUs);
    range.toUs = range.fromUs + spanUs + marginOf(spanUs);
    return range;
  }
  core::TimeUs firstUs = nowUs;
  core::TimeUs lastUs = nowUs;
  auto include = [&](core::TimeUs t) {
    firstUs = std::min(firstUs, t);
    lastUs = std::max(lastUs, t);
  };
  for (const auto& x : incidents) {
    include(x.startUs);
    for (const auto& t : {x.detectedUs, x.engagedUs, x.containedUs, x.recoveredUs}) {
      if (t) include(*t);
    }
    for (const auto& d : x.deadlines) include(d.dueUs);
  }
  const core::TimeUs spanUs = std::max(lastUs - firstUs, kMinSpanUs);
  const core::TimeUs marginUs = marginOf(spanUs);
  range.fromUs = std::max<core::TimeUs>(0, firstUs - marginUs);
  range.toUs = firstUs + spanUs + marginUs;
  return range;
}

float timeToX(const TimeRange& range, float widthPx, core::TimeUs timeUs) {
  const double fraction = static_cast<double>(timeUs - range.fromUs) /
                          static_cast<double>(std::max<core::TimeUs>(range.toUs - range.fromUs, 1));
  return static_cast<float>(fraction * widthPx);
}

core::TimeUs xToTime(const TimeRange& range, float widthPx, float xPx) {
  if (!(widthPx > 0)) return range.fromUs;
  const double fraction = static_cast<double>(xPx) / widthPx;
  return range.fromUs + static_cast<core::TimeUs>(fraction * static_cast<double>(range.toUs - range.fromUs));
}

TimelineRow timelineRow(const exercise::IncidentView& x, core::TimeUs nowUs,
                        const scoring::ScoringDef& scoring) {
  TimelineRow row;
  row.incident = x.id;
  row.label = x.id + " (" + incident::kIncidentKindNames[static_cast<std::size_t>(x.kind)] + ")";
  // Milestones in phase order; a later milestone never comes before an earlier one in
  // time, but a missing one (contained without detection cannot happen, engaged without
  // contained can) simply ends nothing.
  const std::optional<core::TimeUs> boundaries[] = {x.startUs, x.detectedUs, x.engagedUs, x.containedUs,
                                                    x.recoveredUs};
  const char* milestoneNames[] = {"start", "detected", "engaged", "contained", "recovered"};
  for (int i = 0; i < 5; ++i) {
    if (boundaries[i]) row.milestones.push_back({milestoneNames[i], *boundaries[i]});
  }
  for (int phase = 0; phase < 5; ++phase) {
    if (!boundaries[phase]) continue;
    core::TimeUs endUs = phase == 4 ? nowUs : -1;
    for (int next = phase + 1; next < 5 && endUs < 0; ++next) {
      if (boundaries[next]) endUs = *boundaries[next];
    }
    if (endUs < 0) endUs = nowUs;
    if (endUs > *boundaries[phase]) {
      row.phases.push_back({static_cast<IncidentPhase>(phase), *boundaries[phase], endUs});
    }
  }
  for (const auto& d : x.deadlines) {
    DeadlineMarker marker;
    marker.id = d.id;
    marker.dueUs = d.dueUs;
    marker.doneUs = d.doneUs;
    marker.status = d.doneUs ? (d.met ? DeadlineStatus::Met : DeadlineStatus::Missed)
                    : d.dueUs < nowUs ? DeadlineStatus::Missed
                                      : DeadlineStatus::Running;
    marker.label = d.id;
    if (const scoring::DeadlineDef* def = deadlineDef(scoring, d.id)) {
      marker.label += ": " + core::spanText(def->withinS) + " from " +
                      scoring::kDeadlineFromNames[static_cast<std::size_t>(def->from)];
    }
    marker.label += ", due " + clockText(d.dueUs) + " (" + kDeadlineStatusNames[static_cast<int>(marker.status)] + ")";
    row.deadlines.push_back(std::move(marker));
  }
  return row;
}

std::vector<TimelineRow> timelineRows(const std::vector<exercise::IncidentView>& incidents,
                                      core::TimeUs nowUs, const scoring::ScoringDef& scoring) {
  std::vector<TimelineRow> rows;
  rows.reserve(incidents.size());
  for (const auto& x : incidents) rows.push_back(timelineRow(x, nowUs, scoring));
  return rows;
}

std::vector<std::string> deadlineRuleTexts(const scoring::ScoringDef& scoring) {
  std::vector<std::string> texts;
  for (const scoring::DeadlineDef& def : scoring.deadlines) {
    std::string text = def.id + ": " + response::kEffectNames[static_cast<std::size_t>(def.effect)] + " within " +
                       core::spanText(def.withinS) + " from " +
                       scoring::kDeadlineFromNames[static_cast<std::size_t>(def.from)];
    for (std::size_t i = 0; i < def.appliesIf.size(); ++i) {
      const response::ConditionTerm& term = def.appliesIf[i];
      text += i == 0 ? ", if " : " and ";
      if (term.negated) text += "not ";
      text += response::kConditionNames[static_cast<std::size_t>(term.condition)];
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

float rowTopPx(const RowLayout& layout, int row) {
  return layout.headerPx + static_cast<float>(row) * layout.rowHeightPx;
}

std::optional<int> rowAtY(const RowLayout& layout, float yPx, int rowCount) {
  if (yPx < layout.headerPx || !(layout.rowHeightPx > 0)) return std::nullopt;
  const int row = static_cast<int>((yPx - layout.headerPx) / layout.rowHeightPx);
  if (row >= rowCount) return std::nullopt;
  return row;
}

std::vector<AxisTick> axisTicks(const TimeRange& range, float widthPx, float minSpacingPx) {
  static constexpr core::TimeUs kStepsUs[] = {
      core::kUsPerMinute,      5 * core::kUsPerMinute, 15 * core::kUsPerMinute, 30 * core::kUsPerMinute,
      core::kUsPerHour,        3 * core::kUsPerHour,   6 * core::kUsPerHour,    12 * core::kUsPerHour,
      kUsPerDay,               2 * kUsPerDay,          7 * kUsPerDay};
  std::vector<AxisTick> ticks;
  if (!(widthPx > 0)) return ticks;
  core::TimeUs stepUs = kStepsUs[std::size(kStepsUs) - 1];
  for (const core::TimeUs candidateUs : kStepsUs) {
    if (timeToX(range, widthPx, range.fromUs + candidateUs) >= minSpacingPx) {
      stepUs = candidateUs;
      break;
    }
  }
  // Ticks on multiples of the step since midnight of day 0 (round clock times).
  core::TimeUs atUs = (range.fromUs + stepUs - 1) / stepUs * stepUs;
  for (; atUs <= range.toUs; atUs += stepUs) {
    ticks.push_back({atUs, timeToX(range, widthPx, atUs), shortClockText(atUs)});
  }
  return ticks;
}

}  // namespace irdrill::gui::view_model
