// The replication model of a loaded scenario: what `irdrill mc` and `irdrill compare` run.
// One replication is one whole exercise (sim/exercise/): the office day when the scenario
// has people, its incidents, the team's response and the score. The metrics (one table
// in exercise_model.cpp) are the day's figures, the incidents' (time to detect, contain,
// recover, records, downtime, deadlines) and the score with its breakdown by ledger term.
#pragma once

#include <memory>

#include "sim/montecarlo/replication_model.hpp"
#include "sim/scenario/scenario_def.hpp"

namespace irdrill::montecarlo {

// The model keeps its own copy of the scenario.
std::unique_ptr<ReplicationModel> makeScenarioModel(const scenario::ScenarioDef& scenario);

}  // namespace irdrill::montecarlo
