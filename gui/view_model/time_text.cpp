#include "gui/view_model/time_text.hpp"

#include <cctype>
#include <cstdio>

#include "sim/core/clock_text.hpp"

namespace irdrill::gui::view_model {
namespace {

constexpr core::TimeUs kUsPerDay = 24 * core::kUsPerHour;

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// Digits at the front of `text` as a number (consumed); nullopt when there are none.
std::optional<long long> takeNumber(std::string_view& text) {
  std::size_t n = 0;
  long long value = 0;
  while (n < text.size() && std::isdigit(static_cast<unsigned char>(text[n]))) {
    if (n >= 9) return std::nullopt;  // no field of a clock time has that many digits
    value = value * 10 + (text[n] - '0');
    ++n;
  }
  if (n == 0) return std::nullopt;
  text.remove_prefix(n);
  return value;
}

// "HH:MM" or "HH:MM:SS" as seconds since midnight.
std::optional<long long> timeOfDayS(std::string_view text, std::string& error) {
  const auto hours = takeNumber(text);
  if (!hours || text.empty() || text.front() != ':') {
    error = "expected a time of day like 14:00";
    return std::nullopt;
  }
  text.remove_prefix(1);
  const auto minutes = takeNumber(text);
  long long seconds = 0;
  if (minutes && !text.empty() && text.front() == ':') {
    text.remove_prefix(1);
    const auto s = takeNumber(text);
    if (!s) {
      error = "expected seconds after the second ':'";
      return std::nullopt;
    }
    seconds = *s;
  }
  if (!minutes || !text.empty()) {
    error = "expected a time of day like 14:00 or 14:00:30";
    return std::nullopt;
  }
  if (*hours > 23 || *minutes > 59 || seconds > 59) {
    error = "hours 0-23, minutes and seconds 0-59";
    return std::nullopt;
  }
  return *hours * 3600 + *minutes * 60 + seconds;
}

}  // namespace

std::string clockText(core::TimeUs timeUs) { return core::dayClockText(timeUs); }

std::string shortClockText(core::TimeUs timeUs) {
  const long long totalMin = static_cast<long long>(timeUs / core::kUsPerMinute);
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "d%lld %02lld:%02lld", totalMin / 1440, totalMin % 1440 / 60,
                totalMin % 60);
  return buffer;
}

std::string spanText(core::TimeUs spanUs) {
  if (spanUs < 0) return "-";
  return core::spanText(core::usToSeconds(spanUs));
}

ParsedTime parseClockText(std::string_view text, core::TimeUs nowUs) {
  ParsedTime out;
  text = trimmed(text);
  if (text.empty()) {
    out.error = "empty: type a time like d1 14:00, 14:00 or +30m";
    return out;
  }
  if (text.front() == '+') {
    const auto spanS = core::parseDurationS(text.substr(1));
    if (!spanS || *spanS < 0) {
      out.error = "expected a duration after '+' like +30m or +1h30m";
      return out;
    }
    out.timeUs = nowUs + core::secondsToUs(*spanS);
    return out;
  }
  long long day = nowUs / kUsPerDay;
  if (text.front() == 'd') {
    text.remove_prefix(text.substr(0, 3) == "day" ? 3 : 1);
    text = trimmed(text);
    const auto dayNumber = takeNumber(text);
    if (!dayNumber) {
      out.error = "expected a day number after 'd' like d1 14:00";
      return out;
    }
    day = *dayNumber;
    const std::size_t before = text.size();
    text = trimmed(text);
    if (text.size() == before) {
      out.error = "expected a space and a time of day after the day, like d1 14:00";
      return out;
    }
  }
  const auto inDayS = timeOfDayS(text, out.error);
  if (!inDayS) return out;
  out.timeUs = day * kUsPerDay + *inDayS * core::kUsPerSecond;
  return out;
}

}  // namespace irdrill::gui::view_model
