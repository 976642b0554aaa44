// The scenario replication model (see scenario_model.hpp): every replication is a whole
// exercise (sim/exercise/), whose metrics are listed in exercise_model.cpp.
#include "sim/montecarlo/scenario_model.hpp"

#include "sim/montecarlo/exercise_model.hpp"

namespace irdrill::montecarlo {

std::unique_ptr<ReplicationModel> makeScenarioModel(const scenario::ScenarioDef& scenario) {
  return makeExerciseModel(scenario);
}

}  // namespace irdrill::montecarlo
