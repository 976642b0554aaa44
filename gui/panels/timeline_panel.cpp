// The incident timeline: one Gantt row per incident (phases coloured from undetected to
// recovered), milestone ticks, deadline markers (running, met, missed) and the "now" line;
// zoom buttons; a click on a row selects the incident for the checklist and decisions.
// The axis is the scrubber: press before now, drag (a marker follows), release, and the
// shell rewinds there (a BranchRequest). The Branches tab's other branch shows as faded
// milestone ticks (ghosts).
#include <algorithm>

#include <imgui.h>

#include "gui/i18n.hpp"
#include "gui/panels/panel_state.hpp"
#include "gui/panels/panels.hpp"
#include "gui/ui_dump.hpp"
#include "gui/view_model/branches.hpp"
#include "gui/view_model/player_view.hpp"
#include "gui/view_model/time_text.hpp"
#include "gui/view_model/timeline.hpp"

namespace irdrill::gui {
namespace {

namespace vm = view_model;

ImU32 phaseColour(vm::IncidentPhase phase) {
  switch (phase) {
    case vm::IncidentPhase::Undetected: return IM_COL32(150, 60, 60, 200);
    case vm::IncidentPhase::Detected: return IM_COL32(210, 140, 40, 220);
    case vm::IncidentPhase::Responding: return IM_COL32(200, 190, 60, 220);
    case vm::IncidentPhase::Contained: return IM_COL32(70, 150, 210, 220);
    case vm::IncidentPhase::Recovered: return IM_COL32(80, 170, 90, 220);
  }
  return IM_COL32(128, 128, 128, 200);
}

ImU32 deadlineColour(vm::DeadlineStatus status) {
  switch (status) {
    case vm::DeadlineStatus::Running: return IM_COL32(240, 240, 240, 255);
    case vm::DeadlineStatus::Met: return IM_COL32(90, 220, 90, 255);
    case vm::DeadlineStatus::Missed: return IM_COL32(255, 70, 70, 255);
  }
  return IM_COL32(255, 255, 255, 255);
}

constexpr float kLabelWidthPx = 150;

}  // namespace

void drawTimeline(const session::LiveSession& session, UiState& ui) {
  PanelState& state = panelState();
  refreshBranchComparison(session, ui);  // the ghosts
  const core::TimeUs nowUs = session.now();
  const auto incidents = vm::visibleIncidents(session.exercise().incidents(), ui.view);

  for (int z = 0; z < vm::kTimelineZoomCount; ++z) {
    if (z > 0) ImGui::SameLine();
    const std::string label = std::string(trOr(ui, std::string("gui.timeline.zoom_") + std::to_string(z),
                                               vm::kTimelineZoomNames[z])) +
                              "###zoom" + std::to_string(z);
    if (ImGui::RadioButton(label.c_str(), state.zoom == static_cast<vm::TimelineZoom>(z))) {
      state.zoom = static_cast<vm::TimelineZoom>(z);
    }
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", trf(ui, "gui.timeline.now", {{"time", vm::clockText(nowUs)}}).c_str());
  if (ui.branches.comparison && !ui.branches.other.empty() && ui.view == ViewMode::Facilitator) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", trf(ui, "rewind.timeline.ghosts", {{"branch", ui.branches.other}}).c_str());
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(ui, "gui.timeline.deadlines"));
  if (ImGui::IsItemHovered()) {
    // Every rule of the scoring, also those no incident has started yet.
    std::string rules;
    for (const std::string& text : vm::deadlineRuleTexts(session.scenario().scoring)) rules += text + "\n";
    ImGui::SetTooltip("%s", rules.empty() ? tr(ui, "gui.timeline.no_deadline_rules") : rules.c_str());
  }
  if (incidents.empty()) {
    ImGui::TextDisabled("%s", tr(ui, ui.view == ViewMode::Player ? "gui.incidents.none_known" : "gui.incidents.none"));
    return;
  }

  const auto rows = vm::timelineRows(incidents, nowUs, session.scenario().scoring);
  const vm::TimeRange range = vm::timelineRange(state.zoom, incidents, nowUs);
  const float lineHeightPx = ImGui::GetTextLineHeight();
  const vm::RowLayout layout{lineHeightPx + 4, lineHeightPx + 8};
  const ImVec2 available = ImGui::GetContentRegionAvail();
  const float stripWidthPx = std::max(available.x - kLabelWidthPx, 50.0f);
  const float heightPx = vm::rowTopPx(layout, static_cast<int>(rows.size()));

  // The rows scroll when there are more incidents than room; the axis scrolls with them.
  ImGui::BeginChild("timeline_rows", ImVec2(0, std::max(available.y, layout.headerPx + layout.rowHeightPx)), false);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float stripLeftPx = origin.x + kLabelWidthPx;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  // The axis band: the scrubber (its own item, so scripts find it in the ui dump).
  ImGui::InvisibleButton("timeline_axis", ImVec2(kLabelWidthPx + stripWidthPx, layout.headerPx));
  noteItemForDump("timeline_axis");
  const auto scrubTarget = [&] { return vm::scrubTargetUs(range, stripWidthPx, mouse.x - stripLeftPx, nowUs); };
  if (ImGui::IsItemActivated() && mouse.x >= stripLeftPx && scrubTarget()) state.scrubbing = true;
  if (state.scrubbing) {
    state.scrubUs = scrubTarget();
    if (!ImGui::IsItemActive()) {  // released
      if (state.scrubUs) {
        BranchRequest request;
        request.kind = BranchRequest::Kind::RewindToTime;
        request.atUs = *state.scrubUs;
        ui.branchRequest = request;
      }
      state.scrubbing = false;
      state.scrubUs.reset();
    }
  }
  if (ImGui::IsItemHovered() && !state.scrubbing) ImGui::SetTooltip("%s", tr(ui, "rewind.timeline.scrub_tip"));
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + layout.headerPx));
  ImGui::InvisibleButton("timeline_canvas", ImVec2(kLabelWidthPx + stripWidthPx, std::max(heightPx - layout.headerPx, 1.0f)));
  const bool hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(origin, ImVec2(stripLeftPx + stripWidthPx, origin.y + heightPx), true);

  // Axis.
  for (const vm::AxisTick& tick : vm::axisTicks(range, stripWidthPx, 90)) {
    const float x = stripLeftPx + tick.xPx;
    draw->AddLine(ImVec2(x, origin.y + layout.headerPx - 3), ImVec2(x, origin.y + heightPx), IM_COL32(90, 90, 90, 120));
    draw->AddText(ImVec2(x + 2, origin.y), IM_COL32(180, 180, 180, 255), tick.label.c_str());
  }

  const auto xOf = [&](core::TimeUs t) { return stripLeftPx + vm::timeToX(range, stripWidthPx, t); };
  std::string tooltip;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const vm::TimelineRow& row = rows[r];
    const float top = origin.y + vm::rowTopPx(layout, static_cast<int>(r));
    const float bottom = top + layout.rowHeightPx - 3;
    if (row.incident == ui.selectedIncident) {
      draw->AddRectFilled(ImVec2(origin.x, top - 1), ImVec2(stripLeftPx + stripWidthPx, bottom + 1),
                          IM_COL32(255, 255, 255, 30));
    }
    draw->AddText(ImVec2(origin.x + 2, top + 2), IM_COL32(230, 230, 230, 255), row.label.c_str());
    for (const vm::PhaseSegment& phase : row.phases) {
      const float x0 = std::max(xOf(phase.fromUs), stripLeftPx);
      const float x1 = std::max(xOf(phase.toUs), x0 + 1);
      draw->AddRectFilled(ImVec2(x0, top + 3), ImVec2(x1, bottom - 3), phaseColour(phase.phase));
      if (hovered && mouse.y >= top && mouse.y < bottom && mouse.x >= x0 && mouse.x < x1) {
        const char* phaseName = vm::kIncidentPhaseNames[static_cast<int>(phase.phase)];
        tooltip = row.incident + ": " + trOr(ui, std::string("gui.incident_state.") + phaseName, phaseName) + " " +
                  vm::clockText(phase.fromUs) + " - " + vm::clockText(phase.toUs);
      }
    }
    for (const vm::Milestone& m : row.milestones) {
      const float x = xOf(m.atUs);
      draw->AddLine(ImVec2(x, top + 1), ImVec2(x, bottom - 1), IM_COL32(20, 20, 20, 255), 2);
    }
    for (const vm::DeadlineMarker& d : row.deadlines) {
      const float x = xOf(d.dueUs);
      const ImU32 colour = deadlineColour(d.status);
      // A downward triangle on the row's top edge, and a thin line through the row.
      draw->AddTriangleFilled(ImVec2(x - 5, top), ImVec2(x + 5, top), ImVec2(x, top + 7), colour);
      draw->AddLine(ImVec2(x, top), ImVec2(x, bottom), colour, 1);
      if (hovered && mouse.y >= top && mouse.y < bottom && mouse.x >= x - 5 && mouse.x <= x + 5) tooltip = d.label;
    }
  }
  // Ghosts: the other branch's milestones, faded, when the comparison is of this branch.
  const auto* comparison = ui.branches.comparison.get();
  if (comparison && ui.view == ViewMode::Facilitator && comparison->a.branch == session.currentBranch() && comparison->b.branch == ui.branches.other) {
    std::vector<std::string> rowIncidents;
    for (const vm::TimelineRow& row : rows) rowIncidents.push_back(row.incident);
    for (const vm::GhostMark& ghost : vm::ghostMarks(comparison->b.milestones, rowIncidents)) {
      const float top = origin.y + vm::rowTopPx(layout, ghost.row);
      const float bottom = top + layout.rowHeightPx - 3;
      const float x = xOf(ghost.atUs);
      draw->AddLine(ImVec2(x, top + 1), ImVec2(x, bottom - 1), IM_COL32(255, 255, 255, 80), 2);
      draw->AddCircle(ImVec2(x, top + 3), 3, IM_COL32(255, 255, 255, 110));
      if (hovered && mouse.y >= top && mouse.y < bottom && mouse.x >= x - 3 && mouse.x <= x + 3) {
        tooltip = comparison->b.branch + ": " + rows[static_cast<std::size_t>(ghost.row)].incident + " " +
                  session::kMilestoneNames[ghost.milestone] + " " + vm::clockText(ghost.atUs);
      }
    }
  }
  if (state.scrubUs) {
    const float x = xOf(*state.scrubUs);
    draw->AddLine(ImVec2(x, origin.y), ImVec2(x, origin.y + heightPx), IM_COL32(120, 200, 255, 255), 2);
    const std::string label = trf(ui, "rewind.timeline.scrub_to", {{"time", vm::clockText(*state.scrubUs)}});
    draw->AddText(ImVec2(x + 4, origin.y + layout.headerPx), IM_COL32(120, 200, 255, 255), label.c_str());
  }
  const float nowX = xOf(nowUs);
  draw->AddLine(ImVec2(nowX, origin.y), ImVec2(nowX, origin.y + heightPx), IM_COL32(255, 60, 60, 255), 2);
  draw->PopClipRect();

  if (hovered && !tooltip.empty()) ImGui::SetTooltip("%s", tooltip.c_str());
  if (clicked) {
    if (const auto row = vm::rowAtY(layout, mouse.y - origin.y, static_cast<int>(rows.size()))) {
      ui.selectedIncident = rows[static_cast<std::size_t>(*row)].incident;
    }
  }
  ImGui::EndChild();
}

}  // namespace irdrill::gui
