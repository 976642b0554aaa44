// The incidents tab: one line per incident the view shows (click to select), then the
// procedure checklist of the selected incident: every step with its state, role,
// responder, queue wait, the evaluator's mark (facilitator only) and "order now" / "skip"
// buttons that make decisions, greyed out with the library's reason when they cannot apply.
#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "gui/panels/panel_state.hpp"
#include "gui/panels/panels.hpp"
#include "gui/panels/widgets.hpp"
#include "gui/ui_dump.hpp"
#include "gui/view_model/checklist.hpp"
#include "gui/view_model/player_view.hpp"
#include "gui/view_model/time_text.hpp"

namespace irdrill::gui {
namespace {

namespace vm = view_model;

std::string optionalClock(const std::optional<core::TimeUs>& t) { return t ? vm::clockText(*t) : "-"; }

void drawIncidentList(const std::vector<exercise::IncidentView>& incidents, UiState& ui) {
  const bool truth = ui.view == ViewMode::Facilitator;
  const int columns = truth ? 8 : 6;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  const float heightPx = ImGui::GetTextLineHeightWithSpacing() * (std::min<float>(incidents.size(), 6) + 1.5f);
  if (!ImGui::BeginTable("incidents", columns, flags, ImVec2(0, heightPx))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("incident");
  ImGui::TableSetupColumn("state");
  ImGui::TableSetupColumn(truth ? "start" : "known since");
  ImGui::TableSetupColumn("detected");
  ImGui::TableSetupColumn("contained");
  ImGui::TableSetupColumn("steps");
  if (truth) {
    ImGui::TableSetupColumn("attacker");
    ImGui::TableSetupColumn("records out");
  }
  ImGui::TableHeadersRow();
  for (const exercise::IncidentView& x : incidents) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const bool selected = x.id == ui.selectedIncident;
    if (ImGui::Selectable(x.id.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) ui.selectedIncident = x.id;
    if (ImGui::IsItemHovered() && !x.summary.empty()) ImGui::SetTooltip("%s", x.summary.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(x.state.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(vm::clockText(x.startUs).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(optionalClock(x.detectedUs).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(optionalClock(x.containedUs).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%d/%d", x.stepsDone, x.stepsTotal);
    if (truth) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(x.attackerStage.empty() ? "-" : x.attackerStage.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%.0f%s", x.recordsExfiltrated, x.leakConfirmed ? " (confirmed)" : "");
    }
  }
  ImGui::EndTable();
}

session::SessionEntry stepDecision(exercise::DecisionKind kind, const std::string& incident, const std::string& step,
                                   const UiState& ui) {
  session::SessionEntry entry;
  entry.kind = session::SessionEntry::Kind::Decision;
  entry.decision.kind = kind;
  entry.decision.incident = incident;
  entry.decision.step = step;
  entry.decision.seat = ui.seat;
  entry.decision.rationale = "from the checklist";
  return entry;
}

void drawChecklist(const session::LiveSession& session, const exercise::IncidentView& x, UiState& ui) {
  PanelState& state = panelState();
  const bool evaluator = ui.view == ViewMode::Facilitator;
  const vm::MarkLookup markOf = [&](const std::string& incident, const std::string& step) {
    return session.markOf(incident, step);
  };
  const auto rows = vm::checklistRows(session.exercise(), x.id, markOf);
  ImGui::Text("Procedure %s of %s", x.procedure.empty() ? "(none)" : x.procedure.c_str(), x.id.c_str());
  if (rows.empty()) {
    ImGui::TextDisabled(x.procedure.empty() ? "This incident has no procedure."
                                            : "The team has not engaged yet: no step has started.");
    return;
  }
  if (evaluator) {
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##mark_note", "evaluator's note for the next mark", &state.markNote);
  }
  const int columns = evaluator ? 6 : 5;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("checklist", columns, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("step", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("state");
  ImGui::TableSetupColumn("who");
  ImGui::TableSetupColumn("queue wait");
  if (evaluator) ImGui::TableSetupColumn("mark");
  ImGui::TableSetupColumn("decide");
  ImGui::TableHeadersRow();
  for (const vm::ChecklistRow& row : rows) {
    ImGui::PushID(row.stepId.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    widgets::cellText(row.title == row.stepId ? row.stepId : row.title + " (" + row.stepId + ")");
    if (ImGui::IsItemHovered() && !row.started.empty()) {
      ImGui::SetTooltip("started %s%s%s", row.started.c_str(), row.finished.empty() ? "" : ", finished ",
                        row.finished.c_str());
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.stateText.c_str());
    ImGui::TableNextColumn();
    // The responder once someone started it, the role (greyed) before.
    if (row.responder == "-") ImGui::TextDisabled("%s", row.role.c_str());
    else ImGui::TextUnformatted(row.responder.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.wait.c_str());
    if (evaluator) {
      ImGui::TableNextColumn();
      const int current = row.mark ? static_cast<int>(*row.mark) : -1;
      ImGui::SetNextItemWidth(110);
      if (ImGui::BeginCombo("##mark", current < 0 ? "-" : vm::stepMarkName(*row.mark))) {
        for (int m = 0; m < vm::kStepMarkCount; ++m) {
          const auto mark = static_cast<session::StepMark>(m);
          if (ImGui::Selectable(vm::stepMarkName(mark), m == current)) {
            session::SessionEntry entry;
            entry.kind = session::SessionEntry::Kind::Mark;
            entry.mark = {x.id, row.stepId, mark, state.markNote};
            entry.decision.seat = ui.seat;
            ui.actions.push_back(std::move(entry));
            state.markNote.clear();
          }
        }
        ImGui::EndCombo();
      }
      if (ImGui::IsItemHovered() && !row.markNote.empty()) ImGui::SetTooltip("%s", row.markNote.c_str());
    }
    ImGui::TableNextColumn();
    if (widgets::checkedButton("order now", row.orderCheck)) {
      ui.actions.push_back(stepDecision(exercise::DecisionKind::OrderStep, x.id, row.stepId, ui));
    }
    noteItemForDump(("order_now:" + row.stepId).c_str());
    ImGui::SameLine();
    if (widgets::checkedButton("skip", row.skipCheck)) {
      ui.actions.push_back(stepDecision(exercise::DecisionKind::SkipStep, x.id, row.stepId, ui));
    }
    noteItemForDump(("skip_step:" + row.stepId).c_str());
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

void drawIncidentsTab(const session::LiveSession& session, UiState& ui) {
  const auto incidents = vm::visibleIncidents(session.exercise().incidents(), ui.view);
  if (incidents.empty()) {
    ImGui::TextDisabled(ui.view == ViewMode::Player ? "No incident known to the team yet." : "No incident yet.");
    return;
  }
  drawIncidentList(incidents, ui);
  // The evaluator's marks are not the players' business.
  if (ui.view == ViewMode::Facilitator) widgets::showFeedback(ui, {"checklist", "decisions"});
  else widgets::showFeedback(ui, {"decisions"});
  ImGui::Separator();
  const exercise::IncidentView* selected = &incidents.front();
  for (const auto& x : incidents) {
    if (x.id == ui.selectedIncident) selected = &x;
  }
  // Nothing selected, or hidden by the player view: the first incident shown.
  ui.selectedIncident = selected->id;
  drawChecklist(session, *selected, ui);
}

}  // namespace irdrill::gui
