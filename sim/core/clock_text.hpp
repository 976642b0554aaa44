// Durations and clock times as people type and read them: "2d", "9h", "90m", "1h30m",
// "45s", "2.5h" or a plain number of seconds; printed as HH:MM:SS ("d2 09:30:00" from the
// second day on), or always with the day ("d0 10:30:00") where a file names a moment.
// Shared by the command line, the GUI and the session files (sim/session/).
#pragma once

#include <cctype>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "sim/core/time.hpp"

namespace irdrill::core {

inline std::optional<double> parseDurationS(std::string_view text) {
  if (text.empty()) return std::nullopt;
  double totalS = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = i;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == '.')) ++end;
    if (end == i) return std::nullopt;
    double value = 0;
    try {
      value = std::stod(std::string(text.substr(i, end - i)));
    } catch (...) {
      return std::nullopt;
    }
    if (end == text.size()) {
      if (i != 0) return std::nullopt;  // "1h30" is ambiguous
      return value;
    }
    const char unit = text[end];
    if (unit == 'd') totalS += value * 86400;
    else if (unit == 'h') totalS += value * 3600;
    else if (unit == 'm') totalS += value * 60;
    else if (unit == 's') totalS += value;
    else return std::nullopt;
    i = end + 1;
  }
  return totalS;
}

// "HH:MM:SS" on day 0, "dN HH:MM:SS" from day 1 on (the event log's "time" field).
inline std::string clockText(TimeUs timeUs) {
  const long long totalS = static_cast<long long>(timeUs / kUsPerSecond);
  const long long dayIndex = totalS / 86400;
  const long long inDayS = totalS % 86400;
  char buffer[48];
  if (dayIndex == 0) {
    std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld", inDayS / 3600, inDayS / 60 % 60,
                  inDayS % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "d%lld %02lld:%02lld:%02lld", dayIndex, inDayS / 3600,
                  inDayS / 60 % 60, inDayS % 60);
  }
  return buffer;
}

// "dN HH:MM:SS" on every day, day 0 included: unambiguous in files people read
// (session files' "time"). Whole seconds, rounded down.
inline std::string dayClockText(TimeUs timeUs) {
  const long long totalS = static_cast<long long>(timeUs / kUsPerSecond);
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "d%lld %02lld:%02lld:%02lld", totalS / 86400,
                totalS % 86400 / 3600, totalS % 3600 / 60, totalS % 60);
  return buffer;
}

// A span for people: "45 s", "12 min", "3.4 h", "2.1 days".
inline std::string spanText(double seconds) {
  char buffer[32];
  if (seconds < 90) std::snprintf(buffer, sizeof buffer, "%.0f s", seconds);
  else if (seconds < 90 * 60) std::snprintf(buffer, sizeof buffer, "%.0f min", seconds / 60);
  else if (seconds < 48 * 3600) std::snprintf(buffer, sizeof buffer, "%.1f h", seconds / 3600);
  else std::snprintf(buffer, sizeof buffer, "%.1f days", seconds / 86400);
  return buffer;
}

}  // namespace irdrill::core
