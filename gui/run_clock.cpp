// Clock text, typed times and frame targets of the run control (see run_clock.hpp).
#include "run_clock.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "sim/core/clock_text.hpp"

namespace irdrill::gui {
namespace {

constexpr core::TimeUs kUsPerDay = 24 * core::kUsPerHour;
constexpr const char* kWeekdayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::optional<long long> wholeNumber(std::string_view text) {
  long long value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

// "HH:MM" or "HH:MM:SS" -> microseconds since midnight.
std::optional<core::TimeUs> timeOfDayUs(std::string_view text) {
  long long parts[3] = {0, 0, 0};
  int count = 0;
  while (count < 3) {
    const auto colon = text.find(':');
    const auto value = wholeNumber(text.substr(0, colon));
    if (!value) return std::nullopt;
    parts[count++] = *value;
    if (colon == std::string_view::npos) break;
    text.remove_prefix(colon + 1);
    if (count == 3) return std::nullopt;
  }
  if (count < 2 || parts[0] > 23 || parts[1] > 59 || parts[2] > 59) return std::nullopt;
  return (parts[0] * 3600 + parts[1] * 60 + parts[2]) * core::kUsPerSecond;
}

// "d1 14:00" or "14:00" (day = defaultDay).
std::optional<core::TimeUs> clockFormUs(std::string_view text, long long defaultDay) {
  long long day = defaultDay;
  if (!text.empty() && (text.front() == 'd' || text.front() == 'D')) {
    const auto space = text.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    const auto index = wholeNumber(text.substr(1, space - 1));
    if (!index) return std::nullopt;
    day = *index;
    text = trim(text.substr(space));
  }
  const auto inDay = timeOfDayUs(text);
  if (!inDay) return std::nullopt;
  return day * kUsPerDay + *inDay;
}

// 'text', built by appending: GCC 12 warns (falsely, -Wrestrict) on "'" + std::string(...).
std::string quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out.append(text);
  out += '\'';
  return out;
}

}  // namespace

std::string topBarClockText(core::TimeUs timeUs, int startWeekday) {
  const long long totalS = static_cast<long long>(std::max<core::TimeUs>(timeUs, 0) / core::kUsPerSecond);
  const long long dayIndex = totalS / 86400;
  const long long inDayS = totalS % 86400;
  const int weekday = static_cast<int>((dayIndex + ((startWeekday % 7) + 7) % 7) % 7);
  char buffer[64];
  // Days counted as in every other time the app and the CLI show ("d0 10:32:05"), with the
  // weekday, which the team's working hours depend on.
  std::snprintf(buffer, sizeof buffer, "d%lld %s %02lld:%02lld:%02lld", dayIndex, kWeekdayNames[weekday],
                inDayS / 3600, inDayS / 60 % 60, inDayS % 60);
  return buffer;
}

TimeParse parseRunUntilText(std::string_view text, core::TimeUs nowUs) {
  text = trim(text);
  TimeParse out;
  const auto atUs = clockFormUs(text, nowUs / kUsPerDay);
  if (!atUs) {
    out.error = quoted(text) + " is not a time (expected \"d1 14:00\" or \"14:00\")";
    return out;
  }
  if (*atUs < nowUs) {
    out.error = quoted(text) + " is before the clock (" + core::dayClockText(nowUs) + ")";
    return out;
  }
  out.timeUs = atUs;
  return out;
}

TimeParse parseUntilOption(std::string_view text) {
  text = trim(text);
  TimeParse out;
  if (text.find(':') != std::string_view::npos) {
    out.timeUs = clockFormUs(text, 0);
  } else if (const auto seconds = core::parseDurationS(text); seconds && std::isfinite(*seconds)) {
    out.timeUs = core::secondsToUs(*seconds);
  }
  if (!out.timeUs) {
    out.error = quoted(text) +
                " is neither a time (\"d0 11:00\", \"11:00\") nor a duration since midnight of day 0 "
                "(\"11h\", \"1d2h30m\")";
  }
  return out;
}

core::TimeUs frameTargetUs(core::TimeUs nowUs, double simSPerWallS, double wallDtS, core::TimeUs stopUs) {
  const double advanceUs = std::max(0.0, simSPerWallS * wallDtS * 1e6);
  // Checked in double first: at a day per second a long stall must not overflow the clock.
  if (static_cast<double>(nowUs) + advanceUs >= static_cast<double>(stopUs)) return std::max(nowUs, stopUs);
  return nowUs + static_cast<core::TimeUs>(std::llround(advanceUs));
}

std::optional<core::TimeUs> nextDeadlineUs(const std::vector<exercise::IncidentView>& incidents,
                                           core::TimeUs nowUs) {
  std::optional<core::TimeUs> best;
  for (const auto& incident : incidents) {
    for (const auto& deadline : incident.deadlines) {
      if (deadline.doneUs || deadline.dueUs <= nowUs) continue;
      if (!best || deadline.dueUs < *best) best = deadline.dueUs;
    }
  }
  return best;
}

std::optional<core::TimeUs> nextPendingArrivalUs(const std::vector<exercise::ArrivalView>& arrivals,
                                                 core::TimeUs nowUs) {
  std::optional<core::TimeUs> best;
  for (const auto& arrival : arrivals) {
    if (arrival.status != exercise::ArrivalView::Status::Pending || arrival.atUs < nowUs) continue;
    if (!best || arrival.atUs < *best) best = arrival.atUs;
  }
  return best;
}

}  // namespace irdrill::gui
