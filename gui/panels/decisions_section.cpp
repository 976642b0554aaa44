// The players' decisions form: a kind, the fields that kind reads (offered as lists from
// the exercise and the scenario), the seat deciding and a free-text rationale (any
// language). The library checks the decision live as it is filled in: the button is
// greyed out and the reason shown until it would apply.
#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "gui/panels/panel_state.hpp"
#include "gui/panels/play_sections.hpp"
#include "gui/panels/widgets.hpp"
#include "gui/view_model/checklist.hpp"
#include "gui/view_model/decision_form.hpp"
#include "gui/view_model/player_view.hpp"
#include "gui/view_model/time_text.hpp"

namespace irdrill::gui {
namespace {

namespace vm = view_model;

// Tag alerts the item list offers: those of the last day.
constexpr core::TimeUs kAlertWindowUs = 24 * core::kUsPerHour;

std::vector<std::string> incidentIds(const std::vector<exercise::IncidentView>& incidents) {
  std::vector<std::string> ids;
  for (const auto& x : incidents) ids.push_back(x.id);
  return ids;
}

}  // namespace

void drawDecisionsSection(const session::LiveSession& session, UiState& ui) {
  DecisionForm& form = panelState().decision;
  const exercise::Exercise& exercise = session.exercise();
  const auto incidents = vm::visibleIncidents(exercise.incidents(), ui.view);

  form.kind = std::clamp(form.kind, 0, exercise::kDecisionKindCount - 1);
  const auto kind = static_cast<exercise::DecisionKind>(form.kind);
  if (ImGui::BeginCombo("decision", vm::decisionKindLabel(kind))) {
    for (int k = 0; k < exercise::kDecisionKindCount; ++k) {
      if (ImGui::Selectable(vm::decisionKindLabel(static_cast<exercise::DecisionKind>(k)), k == form.kind)) form.kind = k;
    }
    ImGui::EndCombo();
  }
  const vm::DecisionFields fields = vm::fieldsOf(kind);
  // The checklist's selection is the default incident.
  if (form.incident.empty()) form.incident = ui.selectedIncident;
  if (fields.incident) widgets::stringCombo("incident", incidentIds(incidents), form.incident);
  if (fields.step) {
    const auto steps = exercise.procedureSteps(form.incident);
    const char* preview = form.step.empty() ? "(choose)" : form.step.c_str();
    if (ImGui::BeginCombo("step", preview)) {
      for (const auto& step : steps) {
        const std::string label = step.id + "  (" + vm::stepStateName(step.state) + ")";
        if (ImGui::Selectable(label.c_str(), step.id == form.step)) form.step = step.id;
      }
      if (steps.empty()) ImGui::TextDisabled("(the team has not engaged yet)");
      ImGui::EndCombo();
    }
  }
  if (fields.procedure) widgets::stringCombo("procedure", vm::procedureIds(session.scenario()), form.procedure);
  if (fields.role) widgets::stringCombo("role", vm::roleIds(session.scenario()), form.role);
  if (fields.item) {
    const auto alerted = vm::itemsWithRecentAlerts(session.events(), session.now(), kAlertWindowUs);
    if (ImGui::BeginCombo("item", form.item.empty() ? "(choose)" : form.item.c_str())) {
      for (const auto& a : alerted) {
        const std::string label = a.item + "  (" + std::to_string(a.alerts) + " alert" + (a.alerts == 1 ? "" : "s") +
                                  ", last " + vm::clockText(a.lastAlertUs) + ")";
        if (ImGui::Selectable(label.c_str(), a.item == form.item)) form.item = a.item;
      }
      if (alerted.empty()) ImGui::TextDisabled("(no tag alert in the last day)");
      ImGui::EndCombo();
    }
  }
  if (fields.deadline) widgets::stringCombo("deadline", vm::deadlineIds(session.scenario()), form.deadline);
  ImGui::InputTextWithHint("seat", "who decides: IT lead, CISO, PR...", &ui.seat);
  ImGui::TextDisabled("why (any language)");
  ImGui::InputTextMultiline("##why", &form.rationale, ImVec2(-1, ImGui::GetTextLineHeight() * 3.5f));

  exercise::Decision decision;
  decision.kind = kind;
  if (fields.incident) decision.incident = form.incident;
  if (fields.step) decision.step = form.step;
  if (fields.procedure) decision.procedure = form.procedure;
  if (fields.role) decision.role = form.role;
  if (fields.item) decision.item = form.item;
  if (fields.deadline) decision.deadline = form.deadline;
  decision.seat = ui.seat;
  decision.rationale = form.rationale;
  exercise::DecisionResult check;
  if (const auto missing = vm::missingChoice(decision)) {
    check.reason = *missing;
  } else {
    check = exercise.check(decision);
  }
  if (widgets::checkedButton("Decide", check, true)) {
    ui.actions.push_back(vm::decisionEntry(std::move(decision)));
    form.rationale.clear();
  }
  widgets::showFeedback(ui, {"decisions"});
}

}  // namespace irdrill::gui
