// The replication model of a scenario played as a whole exercise (sim/exercise/): the
// office day's figures when it has people, then the incidents' figures and the score with
// its breakdown by ledger term. What `irdrill mc` and `irdrill compare` run.
#pragma once

#include <memory>

#include "sim/montecarlo/replication_model.hpp"
#include "sim/scenario/scenario_def.hpp"

namespace irdrill::montecarlo {

// The model keeps its own copy of the scenario.
std::unique_ptr<ReplicationModel> makeExerciseModel(const scenario::ScenarioDef& scenario);

}  // namespace irdrill::montecarlo
