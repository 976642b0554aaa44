// A whole scenario as plain data: the office, its people and their day, the radio and
// the alert rules; the incidents, attackers and detection; the response team, its
// procedures and the scoring rules. The loader (sim/scenario/) fills it from YAML; tests build it in code.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/incident/incident_def.hpp"
#include "sim/radio/radio_def.hpp"
#include "sim/response/procedure_def.hpp"
#include "sim/response/team_def.hpp"
#include "sim/scoring/score_def.hpp"
#include "sim/world/office_def.hpp"
#include "sim/world/people_def.hpp"

namespace irdrill::scenario {

struct ScenarioDef {
  std::string name;
  std::string description;
  // Japanese text beside the English (`name_ja`, `description_ja`; empty: not given).
  std::string nameJa;
  std::string descriptionJa;
  std::uint64_t defaultSeed = 1;
  double dayStartS = 7 * 3600.0;  // simulated day window, seconds since midnight
  double dayEndS = 20 * 3600.0;

  world::OfficeDef office;
  std::map<std::string, world::DayPlanDef> dayPlans;  // "default" always exists
  std::vector<world::EmployeeDef> employees;          // groups already expanded
  world::HumanErrorDef humanError;

  radio::PropagationDef propagation;
  std::map<std::string, radio::ScanModeDef> scanModes;  // built-in modes plus the file's
  radio::AlertRuleDef phoneAlert;
  radio::AlertRuleDef gatewayAlert;  // "left in the office" alerts from gateways
  radio::ReactionDef reaction;
  bool crowdFinding = true;  // colleagues' phones report separated tags they hear

  // Ground truth: an item is separated from its owner when they are more than this far
  // apart, or on different floors / places.
  double separationDistanceM = 10.0;

  // --- Incidents and the response (sim/exercise/ plays them) ---
  // How long incidents are played, from the start of day 0; the office day itself is one
  // day (dayStartS..dayEndS of day 0).
  double horizonS = 30 * 24 * 3600.0;
  int startWeekday = 0;  // day 0's weekday: 0 Monday ... 6 Sunday (team working days)
  std::vector<incident::IncidentSourceDef> incidents;
  incident::ThievesDef thieves;
  incident::ItemFateDef itemFate;
  incident::DetectionDef detection;
  response::TeamDef team;
  std::map<std::string, response::ProcedureDef> procedures;  // by id
  // The procedure each incident kind gets unless its entry names one
  // (incident::kIncidentKindNames order); empty: none (the incident plays unanswered).
  std::array<std::string, 4> procedureForKind;
  scoring::ScoringDef scoring;

  core::SourceLocation where;
};

}  // namespace irdrill::scenario
