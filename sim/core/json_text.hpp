// Minimal JSON text helpers for the files irdrill writes by hand (JSON Lines event logs,
// summaries): string escaping per RFC 8259 and numbers that round-trip. Shared by the
// library's writers (sim/exercise/event_log_jsonl.hpp) and the command line.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace irdrill::core {

inline std::string jsonString(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// Shortest decimal text that reads back to the same double; JSON has no NaN or
// infinity, so those become null.
inline std::string jsonNumber(double value) {
  if (!std::isfinite(value)) return "null";
  char buffer[32];
  // Whole numbers as people write them ("1000", not "1e+03").
  if (value == std::trunc(value) && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
  }
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
}

// Seconds from integer microseconds, exactly: "25230", "25230.5", "25230.000123".
inline std::string jsonSecondsFromUs(long long timeUs) {
  const bool negative = timeUs < 0;
  const unsigned long long magnitude =
      negative ? 0ULL - static_cast<unsigned long long>(timeUs) : static_cast<unsigned long long>(timeUs);
  // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) about
  // `const char* + std::string&&` here once inlined.
  std::string text;
  if (negative) text += '-';
  text += std::to_string(magnitude / 1000000);
  const unsigned long long fraction = magnitude % 1000000;
  if (fraction != 0) {
    char digits[8];
    std::snprintf(digits, sizeof digits, "%06llu", fraction);
    std::size_t length = 6;
    while (digits[length - 1] == '0') --length;  // fraction != 0: some digit is not 0
    text += '.';
    text.append(digits, length);
  }
  return text;
}

}  // namespace irdrill::core
