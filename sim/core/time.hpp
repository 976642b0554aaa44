// Simulated time: an integer count of microseconds since the start of the simulation.
//
// Integer time makes event order exact and reproducible: two events computed by different
// floating-point paths either have the same timestamp or they do not, on every machine.
// 2^63 microseconds is about 292,000 years, so overflow is not a practical concern.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace irdrill::core {

using TimeUs = std::int64_t;

inline constexpr TimeUs kUsPerMs = 1'000;
inline constexpr TimeUs kUsPerSecond = 1'000'000;
inline constexpr TimeUs kUsPerMinute = 60 * kUsPerSecond;
inline constexpr TimeUs kUsPerHour = 60 * kUsPerMinute;
inline constexpr TimeUs kTimeNeverUs = std::numeric_limits<TimeUs>::max();

// Conversions from real-valued durations round to the nearest microsecond (ties away
// from zero), the one rounding rule used everywhere a model turns a draw into a time.
inline TimeUs secondsToUs(double seconds) { return std::llround(seconds * 1e6); }
inline TimeUs millisToUs(double millis) { return std::llround(millis * 1e3); }
inline constexpr double usToSeconds(TimeUs timeUs) { return static_cast<double>(timeUs) * 1e-6; }

}  // namespace irdrill::core
