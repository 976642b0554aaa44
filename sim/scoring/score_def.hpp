// The scoring rules of a scenario: deadlines and the weights of the total score. The
// formula is in docs/scoring.md; sim/scoring/score.hpp applies it.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/response/procedure_def.hpp"

namespace irdrill::scoring {

// A deadline: the step effect `effect` must be done within `withinS` of `from`, for the
// incidents where `appliesIf` holds (at the end of the run, on the truth).
enum class DeadlineFrom { IncidentStart, Detection, LeakConfirmed };
inline constexpr std::array<const char*, 3> kDeadlineFromNames{"incident_start", "detection",
                                                               "leak_confirmed"};
struct DeadlineDef {
  std::string id;  // "authority_preliminary_report"
  response::Effect effect = response::Effect::ReportAuthority;
  double withinS = 3 * 24 * 3600;
  DeadlineFrom from = DeadlineFrom::Detection;
  std::vector<response::ConditionTerm> appliesIf;  // empty: every incident
  core::SourceLocation where;
};

// Points per unit, usually negative for harm. The total is
//   base + sum over incidents and terms of weight * quantity
// and every addend is one ledger entry tied to the event that caused it.
struct ScoreWeights {
  double base = 1000;
  double perHourToDetect = -2;
  double perHourToContain = -10;
  double perHourToRecover = -1;
  double perRecordExfiltrated = -0.01;
  double perItemLost = -50;
  double perDowntimeHour = -5;
  double perDeadlineMet = 10;
  double perDeadlineMissed = -100;
  double perStepSkipped = -20;     // a reference step that never ran though it could
  double perStepOutOfOrder = -10;  // finished before a step the reference puts first
  double perUncontained = -200;    // still not contained at the end of the run
};

struct ScoringDef {
  ScoreWeights weights;
  std::vector<DeadlineDef> deadlines;
  core::SourceLocation where;
};

}  // namespace irdrill::scoring
