// The run control's arithmetic, apart from any window: the clock as the top bar shows it,
// times typed into "run until" and --until, the speed choices, how far one frame advances
// the clock, and where "run until the next deadline / inject" stops. Pure: unit-tested.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/exercise/exercise.hpp"

namespace irdrill::gui {

struct SpeedChoice {
  double simSPerWallS;
  const char* label;
};
// 1 simulated minute per second ... 1 simulated day per second.
inline constexpr SpeedChoice kSpeedChoices[] = {
    {60, "1 min/s"}, {600, "10 min/s"}, {3600, "1 h/s"}, {21600, "6 h/s"}, {86400, "1 day/s"}};
inline constexpr int kSpeedChoiceCount = 5;

// "Day 1 Mon 10:32:05": days counted from 1 for people (day index 0 is "Day 1"), the
// weekday from the scenario's startWeekday (0 Monday ... 6 Sunday).
std::string topBarClockText(core::TimeUs timeUs, int startWeekday);

struct TimeParse {
  std::optional<core::TimeUs> timeUs;
  std::string error;  // for people, when timeUs is unset
};

// A moment typed by the facilitator: "d1 14:00", "d1 14:00:30" (day index as in the event
// log, d0 is the first day) or "14:00" (on the day the clock is on now). Must not be
// before nowUs.
TimeParse parseRunUntilText(std::string_view text, core::TimeUs nowUs);

// --until: the same clock forms from day 0 ("d0 11:00", "11:00") or a duration since
// midnight of day 0 ("11h", "1d2h30m", "39600").
TimeParse parseUntilOption(std::string_view text);

// The clock target of one frame: now + speed x wall time, never past stopUs.
core::TimeUs frameTargetUs(core::TimeUs nowUs, double simSPerWallS, double wallDtS,
                           core::TimeUs stopUs);

// End of the next slice from nowUs towards targetUs, slices of at most maxSliceUs.
inline core::TimeUs nextSliceEndUs(core::TimeUs nowUs, core::TimeUs targetUs, core::TimeUs maxSliceUs) {
  return targetUs - nowUs > maxSliceUs ? nowUs + maxSliceUs : targetUs;
}

// The earliest deadline still running (due after nowUs, not done) over `incidents`.
std::optional<core::TimeUs> nextDeadlineUs(const std::vector<exercise::IncidentView>& incidents,
                                           core::TimeUs nowUs);
// The earliest pending arrival of the MSEL at or after nowUs.
std::optional<core::TimeUs> nextPendingArrivalUs(const std::vector<exercise::ArrivalView>& arrivals,
                                                 core::TimeUs nowUs);

}  // namespace irdrill::gui
