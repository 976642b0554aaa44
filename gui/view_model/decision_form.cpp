#include "gui/view_model/decision_form.hpp"

#include <algorithm>

namespace irdrill::gui::view_model {

const char* decisionKindLabel(exercise::DecisionKind kind) {
  switch (kind) {
    case exercise::DecisionKind::OrderStep: return "Order a step now";
    case exercise::DecisionKind::SkipStep: return "Skip a step";
    case exercise::DecisionKind::SwitchProcedure: return "Switch procedure variant";
    case exercise::DecisionKind::CallOnCall: return "Call in on-call responders";
    case exercise::DecisionKind::ReactToAlert: return "React to a tag alert";
    case exercise::DecisionKind::DismissAlert: return "Dismiss a tag alert";
    case exercise::DecisionKind::MarkReportSent: return "Mark a report sent";
  }
  return "?";
}

DecisionFields fieldsOf(exercise::DecisionKind kind) {
  DecisionFields f;
  switch (kind) {
    case exercise::DecisionKind::OrderStep:
    case exercise::DecisionKind::SkipStep: f.incident = f.step = true; break;
    case exercise::DecisionKind::SwitchProcedure: f.incident = f.procedure = true; break;
    case exercise::DecisionKind::CallOnCall: f.role = true; break;
    case exercise::DecisionKind::ReactToAlert:
    case exercise::DecisionKind::DismissAlert: f.item = true; break;
    case exercise::DecisionKind::MarkReportSent: f.incident = f.deadline = true; break;
  }
  return f;
}

std::vector<AlertedItem> itemsWithRecentAlerts(const std::vector<exercise::ExerciseEvent>& events,
                                               core::TimeUs nowUs, core::TimeUs windowUs) {
  std::vector<AlertedItem> items;
  // Newest first, stopping at the window: the log is in time order.
  for (auto it = events.rbegin(); it != events.rend() && it->timeUs >= nowUs - windowUs; ++it) {
    if (it->timeUs > nowUs) continue;
    if (it->kind != exercise::ExerciseEventKind::PhoneAlert && it->kind != exercise::ExerciseEventKind::GatewayAlert) {
      continue;
    }
    if (it->subject.empty()) continue;
    const auto known = std::find_if(items.begin(), items.end(), [&](const AlertedItem& a) { return a.item == it->subject; });
    if (known != items.end()) {
      ++known->alerts;
    } else {
      items.push_back({it->subject, it->timeUs, 1});
    }
  }
  return items;
}

std::vector<std::string> procedureIds(const scenario::ScenarioDef& scenario) {
  std::vector<std::string> ids;
  for (const auto& [id, procedure] : scenario.procedures) ids.push_back(id);
  return ids;
}

std::vector<std::string> roleIds(const scenario::ScenarioDef& scenario) {
  std::vector<std::string> ids;
  for (const auto& role : scenario.team.roles) ids.push_back(role.id);
  return ids;
}

std::vector<std::string> deadlineIds(const scenario::ScenarioDef& scenario) {
  std::vector<std::string> ids;
  for (const auto& deadline : scenario.scoring.deadlines) ids.push_back(deadline.id);
  return ids;
}

std::optional<std::string> missingChoice(const exercise::Decision& decision) {
  const DecisionFields f = fieldsOf(decision.kind);
  if (f.incident && decision.incident.empty()) return "choose an incident";
  if (f.step && decision.step.empty()) return "choose a step";
  if (f.procedure && decision.procedure.empty()) return "choose a procedure";
  if (f.role && decision.role.empty()) return "choose a role";
  if (f.item && decision.item.empty()) return "choose an item with a tag alert";
  if (f.deadline && decision.deadline.empty()) return "choose a deadline";
  return std::nullopt;
}

session::SessionEntry decisionEntry(exercise::Decision decision) {
  session::SessionEntry entry;
  entry.kind = session::SessionEntry::Kind::Decision;
  entry.decision = std::move(decision);
  return entry;
}

}  // namespace irdrill::gui::view_model
