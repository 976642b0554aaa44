// Structural checks of a procedure against the team, with messages located in the
// scenario files: what a ProcedureRun needs to be well defined.
#pragma once

#include "sim/core/diagnostics.hpp"
#include "sim/response/procedure_def.hpp"
#include "sim/response/team_def.hpp"

namespace irdrill::response {

// Reports, as errors:
//   - a procedure with no steps (at the procedure);
//   - a step with no id, or an id used twice (at the second, naming the first's place);
//   - a role the team does not have (at the `role:` value, listing the team's roles);
//   - an `after` entry naming the step itself, or no step of the procedure (at the entry,
//     listing the procedure's other steps);
//   - a dependency cycle, once per group of steps that depend on each other, at the
//     cycle's first step in written order, naming the path "a -> b -> c -> a" (each step
//     comes after the one before it).
void validateProcedure(const ProcedureDef& procedure, const TeamDef& team,
                       core::Diagnostics& diagnostics);

}  // namespace irdrill::response
