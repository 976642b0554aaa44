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
#include "gui/i18n.hpp"
#include "gui/ui_dump.hpp"
#include "gui/view_model/checklist.hpp"
#include "gui/view_model/player_view.hpp"
#include "gui/view_model/time_text.hpp"

namespace irdrill::gui {
namespace {

namespace vm = view_model;

// In response::StepState order.
const char* const kStepStateKeys[] = {"gui.step_state.waiting",  "gui.step_state.queued",  "gui.step_state.started",
                                      "gui.step_state.finished", "gui.step_state.skipped", "gui.step_state.cancelled"};
// In session::StepMark order.
const char* const kStepMarkKeys[] = {"gui.mark.not_observed", "gui.mark.met", "gui.mark.partly", "gui.mark.not_met"};

// The procedure as the heading names it: its id, with its Japanese title in Japanese.
std::string procedureLabel(const scenario::ScenarioDef& scenario, const std::string& id, const UiState& ui) {
  const auto it = scenario.procedures.find(id);
  if (ui.language != text::Language::Japanese || it == scenario.procedures.end() || it->second.titleJa.empty()) {
    return id;
  }
  return it->second.titleJa + "（" + id + "）";
}

// A step's title in the app's language (the view model carries the English one).
std::string stepTitle(const scenario::ScenarioDef& scenario, const std::string& procedure, const vm::ChecklistRow& row,
                      const UiState& ui) {
  const auto it = scenario.procedures.find(procedure);
  if (it == scenario.procedures.end()) return row.title;
  for (const auto& step : it->second.steps) {
    if (step.id == row.stepId) return text::localized(ui.language, row.title, step.titleJa);
  }
  return row.title;
}

std::string optionalClock(const std::optional<core::TimeUs>& t) { return t ? vm::clockText(*t) : "-"; }

void drawIncidentList(const std::vector<exercise::IncidentView>& incidents, UiState& ui) {
  const bool truth = ui.view == ViewMode::Facilitator;
  const int columns = truth ? 8 : 6;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  const float heightPx = ImGui::GetTextLineHeightWithSpacing() * (std::min<float>(incidents.size(), 6) + 1.5f);
  if (!ImGui::BeginTable("incidents", columns, flags, ImVec2(0, heightPx))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(ui, "gui.incidents.col_incident"));
  ImGui::TableSetupColumn(tr(ui, "gui.incidents.col_state"));
  ImGui::TableSetupColumn(tr(ui, truth ? "gui.incidents.col_start" : "gui.incidents.col_known_since"));
  ImGui::TableSetupColumn(tr(ui, "gui.incidents.col_detected"));
  ImGui::TableSetupColumn(tr(ui, "gui.incidents.col_contained"));
  ImGui::TableSetupColumn(tr(ui, "gui.incidents.col_steps"));
  if (truth) {
    ImGui::TableSetupColumn(tr(ui, "gui.incidents.col_attacker"));
    ImGui::TableSetupColumn(tr(ui, "gui.incidents.col_records_out"));
  }
  ImGui::TableHeadersRow();
  for (const exercise::IncidentView& x : incidents) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const bool selected = x.id == ui.selectedIncident;
    if (ImGui::Selectable(x.id.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) ui.selectedIncident = x.id;
    if (ImGui::IsItemHovered() && !x.summary.empty()) ImGui::SetTooltip("%s", x.summary.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(trOr(ui, "gui.incident_state." + x.state, x.state.c_str()));
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
      ImGui::TextUnformatted(x.attackerStage.empty() ? "-"
                                                     : trOr(ui, "gui.stage." + x.attackerStage, x.attackerStage.c_str()));
      ImGui::TableNextColumn();
      ImGui::Text("%.0f%s", x.recordsExfiltrated, x.leakConfirmed ? tr(ui, "gui.incidents.confirmed") : "");
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
  ImGui::TextUnformatted(trf(ui, "gui.checklist.heading",
                             {{"procedure", x.procedure.empty() ? tr(ui, "gui.checklist.no_procedure_short")
                                                                : procedureLabel(session.scenario(), x.procedure, ui)},
                              {"incident", x.id}})
                             .c_str());
  if (rows.empty()) {
    ImGui::TextDisabled("%s", tr(ui, x.procedure.empty() ? "gui.checklist.no_procedure" : "gui.checklist.not_engaged"));
    return;
  }
  if (evaluator) {
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##mark_note", tr(ui, "gui.checklist.note_hint"), &state.markNote);
  }
  const int columns = evaluator ? 6 : 5;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("checklist", columns, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(ui, "gui.checklist.col_step"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(tr(ui, "gui.checklist.col_state"));
  ImGui::TableSetupColumn(tr(ui, "gui.checklist.col_who"));
  ImGui::TableSetupColumn(tr(ui, "gui.checklist.col_queue_wait"));
  if (evaluator) ImGui::TableSetupColumn(tr(ui, "gui.checklist.col_mark"));
  ImGui::TableSetupColumn(tr(ui, "gui.checklist.col_decide"));
  ImGui::TableHeadersRow();
  for (const vm::ChecklistRow& row : rows) {
    ImGui::PushID(row.stepId.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const std::string title = stepTitle(session.scenario(), x.procedure, row, ui);
    widgets::cellText(title == row.stepId ? row.stepId : title + " (" + row.stepId + ")");
    if (ImGui::IsItemHovered() && !row.started.empty()) {
      const std::string when =
          row.finished.empty() ? trf(ui, "gui.checklist.started", {{"time", row.started}})
                               : trf(ui, "gui.checklist.started_finished", {{"start", row.started}, {"end", row.finished}});
      ImGui::SetTooltip("%s", when.c_str());
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(ui, kStepStateKeys[static_cast<int>(row.state)]));
    if (row.stateText.find("(decision)") != std::string::npos) {
      ImGui::SameLine(0, 0);
      ImGui::TextUnformatted(tr(ui, "gui.checklist.by_decision"));
    }
    ImGui::TableNextColumn();
    // The responder once someone started it, the role (greyed) before.
    if (row.responder == "-") ImGui::TextDisabled("%s", row.role.c_str());
    else ImGui::TextUnformatted(row.responder.c_str());
    ImGui::TableNextColumn();
    // The view model's "30 min so far" (still queued): the span, then the words.
    const std::string soFar = " so far";
    const bool waiting = row.wait.size() > soFar.size() && row.wait.ends_with(soFar);
    ImGui::TextUnformatted(waiting ? trf(ui, "gui.checklist.wait_so_far",
                                         {{"span", row.wait.substr(0, row.wait.size() - soFar.size())}})
                                         .c_str()
                                   : row.wait.c_str());
    if (evaluator) {
      ImGui::TableNextColumn();
      const int current = row.mark ? static_cast<int>(*row.mark) : -1;
      ImGui::SetNextItemWidth(110);
      if (ImGui::BeginCombo("##mark", current < 0 ? "-" : tr(ui, kStepMarkKeys[current]))) {
        for (int m = 0; m < vm::kStepMarkCount; ++m) {
          const auto mark = static_cast<session::StepMark>(m);
          if (ImGui::Selectable(tr(ui, kStepMarkKeys[m]), m == current)) {
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
    if (widgets::checkedButton(trId(ui, "gui.checklist.order_now").c_str(), row.orderCheck)) {
      ui.actions.push_back(stepDecision(exercise::DecisionKind::OrderStep, x.id, row.stepId, ui));
    }
    noteItemForDump(("order_now:" + row.stepId).c_str());
    ImGui::SameLine();
    if (widgets::checkedButton(trId(ui, "gui.checklist.skip").c_str(), row.skipCheck)) {
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
    ImGui::TextDisabled("%s", tr(ui, ui.view == ViewMode::Player ? "gui.incidents.none_known" : "gui.incidents.none"));
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
