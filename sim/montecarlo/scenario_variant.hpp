// When two scenarios may be compared on common random numbers (`irdrill compare`).
//
// B is a *variant* of A when both describe the same world and the same trouble, and
// differ only in how the organisation prepares and responds: the same office (name and
// floor ids), the same people (ids, in order), the same planned incidents (ids and kinds,
// in order) and the same horizon and day window. Everything else may differ: alert rules,
// tags, reaction, procedures, the team, deadlines. Only then do the named random streams
// of the two runs describe the same days, so the paired difference measures the change
// and not two unrelated worlds. Different scoring weights are allowed but make the score
// and its terms incomparable: that is a warning, not a refusal.
#pragma once

#include <string>
#include <vector>

#include "sim/scenario/scenario_def.hpp"

namespace irdrill::montecarlo {

// Why B is not a variant of A, one sentence each; empty when it is.
std::vector<std::string> variantDifferences(const scenario::ScenarioDef& a, const scenario::ScenarioDef& b);

// Whether the two score their runs with the same weights.
bool sameScoringWeights(const scenario::ScenarioDef& a, const scenario::ScenarioDef& b);

}  // namespace irdrill::montecarlo
