// One employee's stochastic working day: a time-ordered list of activities, drawn from the
// scenario's DayPlanDef. Where activities take place is decided here; how the person gets
// there (walking routes, travel) is decided when the itinerary is built.
#pragma once

#include <string>
#include <vector>

#include "sim/core/random_streams.hpp"
#include "sim/core/time.hpp"
#include "sim/day/itinerary.hpp"
#include "sim/world/geometry.hpp"
#include "sim/world/people_def.hpp"

namespace irdrill::day {

enum class ActivityKind { DeskWork, Meeting, Break, Lunch, ClientVisit, Home };
inline constexpr const char* kActivityKindNames[] = {"desk_work", "meeting", "break",
                                                     "lunch",     "client_visit", "home"};

struct Activity {
  ActivityKind kind = ActivityKind::DeskWork;
  int place = 0;           // see itinerary.hpp: 0 office floor, >= 1 off-site, last home
  world::Vec2 positionM;   // where in the place
  core::TimeUs startUs = 0;
  core::TimeUs endUs = 0;  // the person leaves for the next activity at endUs
};

// What the plan generator needs to know about the office and this person.
struct PlanContext {
  world::Vec2 deskM;
  std::vector<world::Vec2> meetingSpotsM;  // one point per meeting room
  std::vector<world::Vec2> breakSpotsM;    // kitchen and similar
  std::vector<int> cafePlaces;             // place numbers of cafes (lunch out)
  std::vector<int> clientPlaces;           // place numbers of client sites
  int homePlace = 1;
  core::TimeUs dayStartUs = 0;
  core::TimeUs dayEndUs = 0;
};

// Draws the day. The result starts and ends at home and its activities do not overlap.
std::vector<Activity> drawDayPlan(const world::DayPlanDef& def, const PlanContext& context,
                                  core::RandomEngine& engine);

}  // namespace irdrill::day
