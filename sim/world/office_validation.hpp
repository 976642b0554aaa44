// Semantic checks of an office definition, each error located at the offending def's
// `where` and saying what is wrong (and, for an unknown name, the valid ones).
//
// What is checked (thresholds are the constants below):
//   office   at least one floor; walking speed > 0; no negative per-material wall loss;
//            ids unique: floors, off-site places, and doors, desks and gateways across
//            the whole office (people refer to desks by id alone); rooms per floor
//   floor    positive size; the entrance inside the plan
//   wall     both ends inside the plan; a loss override not negative
//   room     at least 3 corners, non-zero area, every corner inside the plan
//   desk     names a known room and stands inside it; at least kDeskWallClearanceM from
//            every wall (reports the nearest wall and its distance)
//   door     names known rooms ("outside" too), two different ones; positive width; lies
//            on the boundary of each room it joins (within kDoorBoundaryToleranceM of the
//            room's outline); stands in a gap of the walls at least its width: no wall
//            passes closer than widthM / 2 to its centre
//   gateway  inside the plan (on a wall is fine: gateways are wall-mounted)
//   place    travel time not negative
//   reach    every room has a walking path from its floor's entrance (NavGraph); checked
//            only on a floor whose other checks passed, where it is not an echo of them
// Plan bounds are inclusive: a wall along the plan's edge is inside.
#pragma once

#include "sim/core/diagnostics.hpp"
#include "sim/world/office_def.hpp"

namespace irdrill::world {

inline constexpr double kDeskWallClearanceM = 0.3;
inline constexpr double kDoorBoundaryToleranceM = 0.5;

void validateOffice(const OfficeDef& office, core::Diagnostics& diagnostics);

}  // namespace irdrill::world
