// Team and procedure pieces built in code for the response tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "sim/core/distribution.hpp"
#include "sim/core/time.hpp"
#include "sim/response/procedure_def.hpp"
#include "sim/response/team_def.hpp"

namespace irdrill::testing {

inline constexpr core::TimeUs kMinuteUs = core::kUsPerMinute;
inline constexpr core::TimeUs kHourUs = core::kUsPerHour;
inline constexpr core::TimeUs kDayUs = 24 * core::kUsPerHour;

// Day `day` (0-based) at hh:mm, as simulated time.
constexpr core::TimeUs at(int day, int hour, int minute = 0) {
  return day * kDayUs + hour * kHourUs + minute * kMinuteUs;
}

// A role working every hour of every day: always available, never on call.
inline response::RoleDef alwaysOn(std::string id, int headCount) {
  response::RoleDef role;
  role.id = std::move(id);
  role.headCount = headCount;
  role.workStartS = 0;
  role.workEndS = 24 * 3600;
  role.workDaysMask = 0x7F;
  role.onCall = false;
  return role;
}

// Office hours 09:00-18:00, Monday to Friday; on call with a fixed delay if delayS > 0.
inline response::RoleDef officeHours(std::string id, int headCount, double onCallDelayS = 0) {
  response::RoleDef role;
  role.id = std::move(id);
  role.headCount = headCount;
  role.onCall = onCallDelayS > 0;
  role.onCallDelay = core::DurationDist::fixed(onCallDelayS);
  return role;
}

inline response::StepDef step(std::string id, std::string role, double durationS,
                              std::vector<std::string> after = {}) {
  response::StepDef s;
  s.id = std::move(id);
  s.title = s.id;
  s.role = std::move(role);
  s.duration = core::DurationDist::fixed(durationS);
  s.after = std::move(after);
  return s;
}

inline response::ProcedureDef procedure(std::string id, std::vector<response::StepDef> steps) {
  response::ProcedureDef p;
  p.id = id;
  p.title = id;
  p.referenceId = std::move(id);
  p.steps = std::move(steps);
  return p;
}

}  // namespace irdrill::testing
