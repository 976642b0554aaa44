// The replication model of a scenario played as a whole exercise (sim/exercise/): the
// office day's figures when it has people, then the incidents' figures and the score with
// its breakdown by ledger term. What `irdrill mc` and `irdrill compare` run.
#pragma once

#include <memory>
#include <vector>

#include "sim/montecarlo/replication_model.hpp"
#include "sim/scenario/scenario_def.hpp"
#include "sim/session/session.hpp"

namespace irdrill::montecarlo {

// The model keeps its own copy of the scenario.
std::unique_ptr<ReplicationModel> makeExerciseModel(const scenario::ScenarioDef& scenario);

// The same with a tabletop session's decisions and injects replayed in every replication
// at their simulated times, through the same code as `irdrill replay` and the training app
// (session::LiveSession). On other seeds a decision may not apply (its incident not yet
// detected, say): it is passed over and counted in the metric `decisions_refused`.
std::unique_ptr<ReplicationModel> makeExerciseModel(const scenario::ScenarioDef& scenario,
                                                    std::vector<session::SessionEntry> decisions);

}  // namespace irdrill::montecarlo
