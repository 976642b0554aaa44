// The players' decisions form: a kind, the fields that kind reads (offered as lists from
// the exercise and the scenario), the seat deciding and a free-text rationale (any
// language). The library checks the decision live as it is filled in: the button is
// greyed out and the reason shown until it would apply.
#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "gui/i18n.hpp"
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

// In response::StepState order.
const char* const kStepStateKeys[] = {"gui.step_state.waiting",  "gui.step_state.queued",  "gui.step_state.started",
                                      "gui.step_state.finished", "gui.step_state.skipped", "gui.step_state.cancelled"};

// Tag alerts the item list offers: those of the last day.
constexpr core::TimeUs kAlertWindowUs = 24 * core::kUsPerHour;

std::vector<std::string> incidentIds(const std::vector<exercise::IncidentView>& incidents) {
  std::vector<std::string> ids;
  for (const auto& x : incidents) ids.push_back(x.id);
  return ids;
}

// The first field the decision's kind needs and lacks, as a catalogue key (the same order
// as view_model::missingChoice, whose English text this replaces).
const char* missingChoiceKey(const exercise::Decision& decision) {
  const vm::DecisionFields f = vm::fieldsOf(decision.kind);
  if (f.incident && decision.incident.empty()) return "gui.decide.choose_incident";
  if (f.step && decision.step.empty()) return "gui.decide.choose_step";
  if (f.procedure && decision.procedure.empty()) return "gui.decide.choose_procedure";
  if (f.role && decision.role.empty()) return "gui.decide.choose_role";
  if (f.item && decision.item.empty()) return "gui.decide.choose_item";
  if (f.deadline && decision.deadline.empty()) return "gui.decide.choose_deadline";
  return nullptr;
}

const char* kindLabel(const UiState& ui, exercise::DecisionKind kind) {
  return trOr(ui, std::string("gui.decision_kind.") + exercise::kDecisionKindNames[static_cast<int>(kind)],
              vm::decisionKindLabel(kind));
}

}  // namespace

void drawDecisionsSection(const session::LiveSession& session, UiState& ui) {
  DecisionForm& form = panelState().decision;
  const exercise::Exercise& exercise = session.exercise();
  const auto incidents = vm::visibleIncidents(exercise.incidents(), ui.view);

  form.kind = std::clamp(form.kind, 0, exercise::kDecisionKindCount - 1);
  const auto kind = static_cast<exercise::DecisionKind>(form.kind);
  if (ImGui::BeginCombo(trId(ui, "gui.decide.kind").c_str(), kindLabel(ui, kind))) {
    for (int k = 0; k < exercise::kDecisionKindCount; ++k) {
      if (ImGui::Selectable(kindLabel(ui, static_cast<exercise::DecisionKind>(k)), k == form.kind)) form.kind = k;
    }
    ImGui::EndCombo();
  }
  const vm::DecisionFields fields = vm::fieldsOf(kind);
  // The checklist's selection is the default incident.
  if (form.incident.empty()) form.incident = ui.selectedIncident;
  if (fields.incident) widgets::stringCombo(trId(ui, "gui.decide.incident").c_str(), incidentIds(incidents), form.incident, ui.language);
  if (fields.step) {
    const auto steps = exercise.procedureSteps(form.incident);
    const char* preview = form.step.empty() ? tr(ui, "gui.widgets.choose") : form.step.c_str();
    if (ImGui::BeginCombo(trId(ui, "gui.decide.step").c_str(), preview)) {
      for (const auto& step : steps) {
        const std::string label = step.id + "  (" + tr(ui, kStepStateKeys[static_cast<int>(step.state)]) + ")";
        if (ImGui::Selectable(label.c_str(), step.id == form.step)) form.step = step.id;
      }
      if (steps.empty()) ImGui::TextDisabled("%s", tr(ui, "gui.decide.not_engaged"));
      ImGui::EndCombo();
    }
  }
  if (fields.procedure) widgets::stringCombo(trId(ui, "gui.decide.procedure").c_str(), vm::procedureIds(session.scenario()), form.procedure,
                                               ui.language);
  if (fields.role) widgets::stringCombo(trId(ui, "gui.decide.role").c_str(), vm::roleIds(session.scenario()), form.role, ui.language);
  if (fields.item) {
    const auto alerted = vm::itemsWithRecentAlerts(session.events(), session.now(), kAlertWindowUs);
    if (ImGui::BeginCombo(trId(ui, "gui.decide.item").c_str(), form.item.empty() ? tr(ui, "gui.widgets.choose") : form.item.c_str())) {
      for (const auto& a : alerted) {
        const std::string label =
            a.item + "  " +
            trf(ui, a.alerts == 1 ? "gui.decide.item_alerts_one" : "gui.decide.item_alerts",
                {{"count", std::to_string(a.alerts)}, {"last", vm::clockText(a.lastAlertUs)}});
        if (ImGui::Selectable(label.c_str(), a.item == form.item)) form.item = a.item;
      }
      if (alerted.empty()) ImGui::TextDisabled("%s", tr(ui, "gui.decide.no_alert"));
      ImGui::EndCombo();
    }
  }
  if (fields.deadline) widgets::stringCombo(trId(ui, "gui.decide.deadline").c_str(), vm::deadlineIds(session.scenario()), form.deadline,
                                              ui.language);
  ImGui::InputTextWithHint(trId(ui, "gui.decide.seat").c_str(), tr(ui, "gui.decide.seat_hint"), &ui.seat);
  ImGui::TextDisabled("%s", tr(ui, "gui.decide.why"));
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
  if (const char* missing = missingChoiceKey(decision)) {
    check.reason = tr(ui, missing);
  } else {
    check = exercise.check(decision);
  }
  if (widgets::checkedButton(trId(ui, "gui.decide.decide").c_str(), check, true)) {
    ui.actions.push_back(vm::decisionEntry(std::move(decision)));
    form.rationale.clear();
  }
  widgets::showFeedback(ui, {"decisions"});
}

}  // namespace irdrill::gui
