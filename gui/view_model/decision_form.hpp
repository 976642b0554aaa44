// What the player-decisions form offers for each decision kind: labels, the choices of
// each field (steps, procedures, roles, items with recent tag alerts, deadlines) and the
// session entry it makes. Whether a decision applies is the library's call
// (Exercise::check), made live as the form is filled.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/exercise/exercise.hpp"
#include "sim/session/session.hpp"

namespace irdrill::gui::view_model {

// "Order a step now", "Skip a step", ... (kDecisionKindNames order).
const char* decisionKindLabel(exercise::DecisionKind kind);

// The fields a kind reads (the form shows only those).
struct DecisionFields {
  bool incident = false, step = false, procedure = false, role = false, item = false, deadline = false;
};
DecisionFields fieldsOf(exercise::DecisionKind kind);

// An item whose tag alerted (phone or gateway) within `windowUs` before now, latest first.
struct AlertedItem {
  std::string item;  // "<employee>/<item>"
  core::TimeUs lastAlertUs = 0;
  int alerts = 0;
};
std::vector<AlertedItem> itemsWithRecentAlerts(const std::vector<exercise::ExerciseEvent>& events,
                                               core::TimeUs nowUs, core::TimeUs windowUs);

std::vector<std::string> procedureIds(const scenario::ScenarioDef& scenario);
std::vector<std::string> roleIds(const scenario::ScenarioDef& scenario);
std::vector<std::string> deadlineIds(const scenario::ScenarioDef& scenario);

// What the form still lacks before the library can judge the decision ("choose a step"),
// nullopt when every field its kind reads is filled in.
std::optional<std::string> missingChoice(const exercise::Decision& decision);

session::SessionEntry decisionEntry(exercise::Decision decision);

}  // namespace irdrill::gui::view_model
