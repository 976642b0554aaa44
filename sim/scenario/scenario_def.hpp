// A whole scenario as plain data: the office, its people and their day, the radio and
// the alert rules. The loader (sim/scenario/) fills it from YAML; tests build it in code.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/radio/radio_def.hpp"
#include "sim/world/office_def.hpp"
#include "sim/world/people_def.hpp"

namespace irdrill::scenario {

struct ScenarioDef {
  std::string name;
  std::string description;
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

  core::SourceLocation where;
};

}  // namespace irdrill::scenario
