// The incident-response team as data: roles, head counts, working hours, on-call.
#pragma once

#include <string>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/core/distribution.hpp"

namespace irdrill::response {

// One role of the team (security lead, IT administrator, recovery team, PR/legal,
// management, support desk...). Procedures name roles by id.
struct RoleDef {
  std::string id;
  std::string title;  // for people: "IT administrator"
  std::string titleJa;  // `title_ja`: "IT管理者" (empty: not given)
  int headCount = 1;  // people who can each work one task at a time
  double workStartS = 9 * 3600;  // working hours, seconds since midnight
  double workEndS = 18 * 3600;
  // Working days as a bit mask, bit 0 = Monday ... bit 6 = Sunday (0x1F: Monday-Friday).
  unsigned workDaysMask = 0x1F;
  // Outside working hours: an on-call role starts after the call-in delay; one that is not
  // on call waits for its next working hours.
  bool onCall = true;
  core::DurationDist onCallDelay = core::DurationDist::lognormal(45 * 60, 30 * 60);
  core::SourceLocation where;
};

struct TeamDef {
  std::vector<RoleDef> roles;
  core::SourceLocation where;
};

}  // namespace irdrill::response
