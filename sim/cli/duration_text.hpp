// Durations and clock times as people type and read them: "9h", "90m", "1h30m", "45s",
// "2.5h" or a plain number of seconds; printed as HH:MM:SS.
#pragma once

#include <cctype>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "sim/core/time.hpp"

namespace irdrill::cli {

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
    if (unit == 'h') totalS += value * 3600;
    else if (unit == 'm') totalS += value * 60;
    else if (unit == 's') totalS += value;
    else return std::nullopt;
    i = end + 1;
  }
  return totalS;
}

inline std::string clockText(core::TimeUs timeUs) {
  const long long totalS = static_cast<long long>(timeUs / core::kUsPerSecond);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld", totalS / 3600, totalS / 60 % 60,
                totalS % 60);
  return buffer;
}

}  // namespace irdrill::cli
