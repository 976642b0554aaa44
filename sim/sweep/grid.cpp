#include "sim/sweep/grid.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "sim/scenario/overrides.hpp"

namespace irdrill::sweep {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// A finite decimal number, the whole text ("+" allowed in front).
std::optional<double> parseNumber(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// Decimal places a number is written with: "1.84" 2, "-95" 0, "1e-3" 3, "2.5e1" 0.
int decimalsOf(std::string_view text) {
  text = trim(text);
  const std::size_t e = text.find_first_of("eE");
  const std::string_view mantissa = text.substr(0, e);
  const std::size_t dot = mantissa.find('.');
  int decimals = dot == std::string_view::npos ? 0 : static_cast<int>(mantissa.size() - dot - 1);
  if (e != std::string_view::npos) {
    int exponent = 0;
    std::string_view digits = text.substr(e + 1);
    if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
    std::from_chars(digits.data(), digits.data() + digits.size(), exponent);
    decimals -= exponent;
  }
  return std::clamp(decimals, 0, 15);
}

// Shortest text that reads back as the same double: what an override gets.
std::string shortestText(double value) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

// `value` rounded to `decimals` places, when that is representable without loss of range.
double roundTo(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  if (!(std::fabs(value) * scale < 0x1p52)) return value;
  const double rounded = std::round(value * scale) / scale;
  return rounded == 0 ? 0.0 : rounded;  // no "-0" in texts
}

std::string formatExample() {
  return "expected KEY=START:STOP:STEP (e.g. alert.hold_s=5:60:5) or KEY=V1,V2,... "
         "(e.g. alert.rssi_threshold_dbm=-90,-85,-80)";
}

}  // namespace

std::string normaliseGridKey(std::string_view key) {
  return scenario::expandOverridePath(trim(key));
}

std::optional<GridAxis> parseGridAxis(std::string_view text, std::string& error) {
  const std::size_t equals = text.find('=');
  if (equals == std::string_view::npos) {
    error = formatExample() + ", got '" + std::string(text) + "'";
    return std::nullopt;
  }
  GridAxis axis;
  axis.text = std::string(text);
  axis.key = normaliseGridKey(text.substr(0, equals));
  if (axis.key.empty()) {
    error = "no key before '=' in '" + std::string(text) + "' (" + formatExample() + ")";
    return std::nullopt;
  }
  const std::string_view spec = trim(text.substr(equals + 1));
  if (spec.empty()) {
    error = "no values after '=' in '" + std::string(text) + "' (" + formatExample() + ")";
    return std::nullopt;
  }

  if (spec.find(':') != std::string_view::npos) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
      const std::size_t colon = spec.find(':', start);
      parts.push_back(spec.substr(start, colon == std::string_view::npos ? colon : colon - start));
      if (colon == std::string_view::npos) break;
      start = colon + 1;
    }
    if (parts.size() != 3) {
      error = "a range is START:STOP:STEP (three numbers), got '" + std::string(spec) + "'";
      return std::nullopt;
    }
    const char* names[3] = {"START", "STOP", "STEP"};
    double numbers[3] = {0, 0, 0};
    for (int i = 0; i < 3; ++i) {
      const auto n = parseNumber(parts[static_cast<std::size_t>(i)]);
      if (!n) {
        error = std::string(names[i]) + " '" + std::string(trim(parts[static_cast<std::size_t>(i)])) +
                "' of '" + std::string(spec) + "' is not a number";
        return std::nullopt;
      }
      numbers[i] = *n;
    }
    const double first = numbers[0], last = numbers[1], step = numbers[2];
    std::size_t count = 1;
    if (first != last) {
      if (step == 0) {
        error = "STEP is 0 in '" + std::string(spec) + "': it would never reach STOP";
        return std::nullopt;
      }
      const double steps = (last - first) / step;
      if (steps < 0) {
        error = "STEP " + shortestText(step) + " goes away from STOP in '" + std::string(spec) +
                "' (use a " + (step > 0 ? "negative" : "positive") + " step to go from " +
                shortestText(first) + " to " + shortestText(last) + ")";
        return std::nullopt;
      }
      // The tolerance lets a decimal step that binary cannot hold land on STOP.
      const double whole = std::floor(steps + 1e-9);
      if (!(whole + 1 <= static_cast<double>(kMaxAxisValues))) {
        error = "'" + std::string(spec) + "' has more than " + std::to_string(kMaxAxisValues) +
                " values";
        return std::nullopt;
      }
      count = static_cast<std::size_t>(whole) + 1;
    }
    const int decimals = std::max(decimalsOf(parts[0]), decimalsOf(parts[2]));
    for (std::size_t i = 0; i < count; ++i) {
      double value = roundTo(first + static_cast<double>(i) * step, decimals);
      // Landing within the tolerance of STOP means STOP itself.
      if (std::fabs(value - last) <= 1e-9 * std::fabs(step)) value = last;
      axis.values.push_back(value);
    }
  } else {
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = spec.find(',', start);
      const std::string_view part = spec.substr(start, comma == std::string_view::npos ? comma : comma - start);
      const auto n = parseNumber(part);
      if (!n) {
        error = "value '" + std::string(trim(part)) + "' of '" + std::string(spec) +
                "' is not a number (" + formatExample() + ")";
        return std::nullopt;
      }
      axis.values.push_back(*n == 0 ? 0.0 : *n);
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    if (axis.values.size() > kMaxAxisValues) {
      error = "'" + std::string(spec) + "' has more than " + std::to_string(kMaxAxisValues) + " values";
      return std::nullopt;
    }
    std::set<double> seen;
    for (const double v : axis.values) {
      if (!seen.insert(v).second) {
        error = "value " + shortestText(v) + " is listed twice in '" + std::string(spec) + "'";
        return std::nullopt;
      }
    }
  }
  for (const double v : axis.values) axis.valueTexts.push_back(shortestText(v));
  return axis;
}

bool checkGrid(const std::vector<GridAxis>& axes, std::string& error) {
  std::set<std::string> keys;
  for (const GridAxis& axis : axes) {
    if (!keys.insert(axis.key).second) {
      error = "'" + axis.key + "' has two --grid options; give all its values in one";
      return false;
    }
  }
  double points = 1;
  for (const GridAxis& axis : axes) points *= static_cast<double>(axis.values.size());
  if (points > static_cast<double>(kMaxGridPoints)) {
    error = "the grid has " + shortestText(points) + " points; at most " +
            std::to_string(kMaxGridPoints) + " are allowed";
    return false;
  }
  return true;
}

std::size_t gridPointCount(const std::vector<GridAxis>& axes) {
  std::size_t count = 1;
  for (const GridAxis& axis : axes) count *= axis.values.size();
  return count;
}

std::vector<std::size_t> gridPointDigits(const std::vector<GridAxis>& axes, std::size_t point) {
  std::vector<std::size_t> digits(axes.size(), 0);
  for (std::size_t k = axes.size(); k-- > 0;) {
    const std::size_t size = axes[k].values.size();
    digits[k] = point % size;
    point /= size;
  }
  return digits;
}

std::optional<RuleKey> phoneRuleKey(std::string_view key) {
  constexpr std::string_view kPrefix = "alerts.phone.";
  if (key.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  const std::string_view field = key.substr(kPrefix.size());
  if (field == "rssi_threshold_dbm") return RuleKey::RssiThresholdDbm;
  if (field == "moving_average_samples") return RuleKey::MovingAverageSamples;
  if (field == "hold_s") return RuleKey::HoldS;
  if (field == "no_packet_timeout_s") return RuleKey::NoPacketTimeoutS;
  return std::nullopt;
}

void copyRuleField(RuleKey key, const radio::AlertRuleDef& from, radio::AlertRuleDef& to) {
  switch (key) {
    case RuleKey::RssiThresholdDbm: to.rssiThresholdDbm = from.rssiThresholdDbm; break;
    case RuleKey::MovingAverageSamples: to.movingAverageSamples = from.movingAverageSamples; break;
    case RuleKey::HoldS: to.holdS = from.holdS; break;
    case RuleKey::NoPacketTimeoutS: to.noPacketTimeoutS = from.noPacketTimeoutS; break;
  }
}

}  // namespace irdrill::sweep
