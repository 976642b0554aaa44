// Day plan drawing. The working block [arrive, leave) is filled with desk work, and the
// other activities are placed into it where they do not collide with what is there.
#include "sim/day/day_plan.hpp"

#include <algorithm>

#include <boost/random/normal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

namespace irdrill::day {
namespace {

using core::TimeUs;

template <typename T>
const T& pick(const std::vector<T>& options, core::RandomEngine& engine) {
  boost::random::uniform_int_distribution<std::size_t> index(0, options.size() - 1);
  return options[index(engine)];
}

// Mean-preserving spread of durations: uniform on [0.5, 1.5] x mean.
TimeUs drawDurationUs(double meanS, core::RandomEngine& engine) {
  boost::random::uniform_real_distribution<double> factor(0.5, 1.5);
  return core::secondsToUs(std::max(60.0, meanS * factor(engine)));
}

bool overlaps(const std::vector<Activity>& placed, TimeUs startUs, TimeUs endUs) {
  for (const Activity& a : placed) {
    if (startUs < a.endUs && a.startUs < endUs) return true;
  }
  return false;
}

}  // namespace

std::vector<Activity> drawDayPlan(const world::DayPlanDef& def, const PlanContext& context,
                                  core::RandomEngine& engine) {
  boost::random::uniform_01<double> unit;
  const TimeUs marginUs = 30 * core::kUsPerMinute;

  boost::random::normal_distribution<double> arriveS(def.arriveMeanS, def.arriveSdS);
  boost::random::normal_distribution<double> leaveS(def.leaveMeanS, def.leaveSdS);
  TimeUs arriveUs = core::secondsToUs(arriveS(engine));
  TimeUs leaveUs = core::secondsToUs(leaveS(engine));
  arriveUs = std::clamp(arriveUs, context.dayStartUs + marginUs, context.dayEndUs - 4 * marginUs);
  leaveUs = std::clamp(leaveUs, arriveUs + 2 * marginUs, context.dayEndUs - marginUs);

  // Fixed-time activities first (they are the ones people plan around), then the rest.
  std::vector<Activity> placed;
  auto placeAt = [&](ActivityKind kind, int place, world::Vec2 p, TimeUs startUs, TimeUs durUs) {
    const TimeUs endUs = startUs + durUs;
    if (startUs < arriveUs + 10 * core::kUsPerMinute || endUs > leaveUs - 10 * core::kUsPerMinute) {
      return;
    }
    if (overlaps(placed, startUs - 5 * core::kUsPerMinute, endUs + 5 * core::kUsPerMinute)) return;
    placed.push_back(Activity{kind, place, p, startUs, endUs});
  };
  auto uniformTimeUs = [&](TimeUs fromUs, TimeUs toUs) {
    if (toUs <= fromUs) return fromUs;
    boost::random::uniform_int_distribution<TimeUs> t(fromUs, toUs);
    return t(engine);
  };

  if (!context.clientPlaces.empty() && unit(engine) < def.clientVisitProbability) {
    const TimeUs durUs = drawDurationUs(def.clientVisitDurationMeanS, engine);
    placeAt(ActivityKind::ClientVisit, pick(context.clientPlaces, engine), {0, 0},
            uniformTimeUs(arriveUs + 3600 * core::kUsPerSecond, leaveUs - durUs - 1800 * core::kUsPerSecond),
            durUs);
  }
  {
    const bool out = !context.cafePlaces.empty() && unit(engine) < def.lunchOffsiteProbability;
    const TimeUs durUs = drawDurationUs(def.lunchDurationMeanS, engine);
    const TimeUs startUs = uniformTimeUs(12 * core::kUsPerHour - 30 * core::kUsPerMinute,
                                         12 * core::kUsPerHour + 45 * core::kUsPerMinute);
    if (out) {
      placeAt(ActivityKind::Lunch, pick(context.cafePlaces, engine), {0, 0}, startUs, durUs);
    } else if (!context.breakSpotsM.empty()) {
      placeAt(ActivityKind::Lunch, kOfficePlace, pick(context.breakSpotsM, engine), startUs,
              durUs);
    }
  }
  if (!context.meetingSpotsM.empty()) {
    boost::random::poisson_distribution<int> meetings(def.meetingsPerDayMean);
    const int count = def.meetingsPerDayMean > 0 ? meetings(engine) : 0;
    for (int i = 0; i < count; ++i) {
      const TimeUs durUs = drawDurationUs(def.meetingDurationMeanS, engine);
      // Meetings start on the quarter hour, as calendars make them.
      TimeUs startUs = uniformTimeUs(arriveUs, leaveUs - durUs);
      startUs -= startUs % (15 * core::kUsPerMinute);
      placeAt(ActivityKind::Meeting, kOfficePlace, pick(context.meetingSpotsM, engine),
              startUs, durUs);
    }
  }
  if (!context.breakSpotsM.empty()) {
    boost::random::poisson_distribution<int> breaks(def.breaksPerDayMean);
    const int count = def.breaksPerDayMean > 0 ? breaks(engine) : 0;
    for (int i = 0; i < count; ++i) {
      const TimeUs durUs = drawDurationUs(8 * 60.0, engine);
      placeAt(ActivityKind::Break, kOfficePlace, pick(context.breakSpotsM, engine),
              uniformTimeUs(arriveUs, leaveUs - durUs), durUs);
    }
  }
  std::sort(placed.begin(), placed.end(),
            [](const Activity& a, const Activity& b) { return a.startUs < b.startUs; });

  // Desk work fills the gaps; home brackets the day.
  std::vector<Activity> plan;
  plan.push_back(Activity{ActivityKind::Home, context.homePlace, {0, 0}, context.dayStartUs, arriveUs});
  TimeUs cursorUs = arriveUs;
  for (const Activity& a : placed) {
    if (a.startUs > cursorUs) {
      plan.push_back(Activity{ActivityKind::DeskWork, kOfficePlace, context.deskM, cursorUs, a.startUs});
    }
    plan.push_back(a);
    cursorUs = a.endUs;
  }
  if (leaveUs > cursorUs) {
    plan.push_back(Activity{ActivityKind::DeskWork, kOfficePlace, context.deskM, cursorUs, leaveUs});
  }
  plan.push_back(Activity{ActivityKind::Home, context.homePlace, {0, 0}, leaveUs, context.dayEndUs});
  return plan;
}

}  // namespace irdrill::day
