// Durations, distributions and times as text (see duration_text.hpp).
//
// Sections: scanning helpers / durations and distributions / times of day / the loader's
// readers.
#include "sim/scenario/duration_text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <vector>

namespace irdrill::scenario {
namespace {

// ---------------------------------------------------------------------------------------
// Scanning helpers

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isSpace(char c) { return c == ' ' || c == '\t'; }

void skipSpaces(std::string_view text, std::size_t& pos) {
  while (pos < text.size() && isSpace(text[pos])) ++pos;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

template <typename T>
TextParse<T> failure(std::string message, std::size_t offset) {
  TextParse<T> out;
  out.error = std::move(message);
  out.errorOffset = offset;
  return out;
}

// ---------------------------------------------------------------------------------------
// Durations and distributions

constexpr const char* kUnitHint = "expected s, m, h or d";
constexpr const char* kDurationHint =
    "a duration such as '20m' or a distribution such as 'uniform(10m, 30m)'";

std::optional<double> secondsPerUnit(std::string_view unit) {
  if (unit == "s") return 1.0;
  if (unit == "m") return 60.0;
  if (unit == "h") return 3600.0;
  if (unit == "d") return 86400.0;
  return std::nullopt;
}

// One duration at `pos`: numbers each followed by a unit ("1h30m"). On success `pos` is
// just after it.
TextParse<double> scanDuration(std::string_view text, std::size_t& pos) {
  const std::size_t start = pos;
  double totalS = 0;
  do {
    const std::size_t numberStart = pos;
    while (pos < text.size() && (isDigit(text[pos]) || text[pos] == '.')) ++pos;
    const std::string_view number = text.substr(numberStart, pos - numberStart);
    double value = 0;
    const auto parsed = std::from_chars(number.data(), number.data() + number.size(), value);
    if (number.empty() || parsed.ec != std::errc() || parsed.ptr != number.data() + number.size()) {
      return failure<double>("expected a number with a unit (such as '20m') at '" +
                                 std::string(text.substr(numberStart)) + "'",
                             numberStart);
    }
    const std::size_t numberEnd = pos;
    skipSpaces(text, pos);  // "3 d" reads as "3d"
    const std::size_t unitStart = pos;
    while (pos < text.size() && isLetter(text[pos])) ++pos;
    const std::string_view unit = text.substr(unitStart, pos - unitStart);
    if (unit.empty()) {
      return failure<double>("missing unit in '" +
                                 std::string(text.substr(start, numberEnd - start)) + "' (" +
                                 kUnitHint + ")",
                             numberStart);
    }
    const auto factor = secondsPerUnit(unit);
    if (!factor) {
      return failure<double>("unknown unit '" + std::string(unit) + "' in '" +
                                 std::string(text.substr(start, pos - start)) + "' (" +
                                 kUnitHint + ")",
                             unitStart);
    }
    totalS += value * *factor;
    // "1h30m" or "1h 30m": another number continues the duration.
    std::size_t next = pos;
    skipSpaces(text, next);
    if (next < text.size() && (isDigit(text[next]) || text[next] == '.')) pos = next;
  } while (pos < text.size() && (isDigit(text[pos]) || text[pos] == '.'));
  TextParse<double> out;
  out.value = totalS;
  return out;
}

struct Argument {
  double seconds = 0;
  std::size_t offset = 0;
  std::string_view text;
};

// Parameter names of each kind (core::kDistributionKindNames order), for messages.
constexpr std::array<const char*, 5> kParameterNames{"value", "min, max", "min, mode, max",
                                                     "mean, sd", "mean"};
constexpr std::array<std::size_t, 5> kParameterCounts{1, 2, 3, 2, 1};

std::string listed(const std::vector<Argument>& args) {
  std::string text = "(";
  for (std::size_t i = 0; i < args.size(); ++i) {
    text += (i > 0 ? ", " : "") + std::string(args[i].text);
  }
  return text + ")";
}

// The kind-specific checks, pointing at the argument that breaks them.
TextParse<core::DurationDist> makeDistribution(core::DistributionKind kind,
                                               const std::vector<Argument>& a) {
  using core::DistributionKind;
  using core::DurationDist;
  TextParse<DurationDist> out;
  switch (kind) {
    case DistributionKind::Fixed:
      out.value = DurationDist::fixed(a[0].seconds);
      break;
    case DistributionKind::Uniform:
      if (a[1].seconds < a[0].seconds) {
        return failure<DurationDist>("uniform needs min <= max, got " + listed(a), a[1].offset);
      }
      out.value = DurationDist::uniform(a[0].seconds, a[1].seconds);
      break;
    case DistributionKind::Triangular:
      if (a[1].seconds < a[0].seconds || a[2].seconds < a[1].seconds) {
        const std::size_t at = a[1].seconds < a[0].seconds ? a[1].offset : a[2].offset;
        return failure<DurationDist>("triangular needs min <= mode <= max, got " + listed(a), at);
      }
      out.value = DurationDist::triangular(a[0].seconds, a[1].seconds, a[2].seconds);
      break;
    case DistributionKind::Lognormal:
      // Both must be positive: the log-normal's parameters are logs of them.
      if (a[0].seconds <= 0) {
        return failure<DurationDist>("lognormal needs a mean > 0, got " + std::string(a[0].text),
                                     a[0].offset);
      }
      if (a[1].seconds <= 0) {
        return failure<DurationDist>("lognormal needs an sd > 0, got " + std::string(a[1].text) +
                                         " (write a fixed duration for no spread)",
                                     a[1].offset);
      }
      out.value = DurationDist::lognormal(a[0].seconds, a[1].seconds);
      break;
    case DistributionKind::Exponential:
      if (a[0].seconds <= 0) {
        return failure<DurationDist>(
            "exponential needs a mean > 0, got " + std::string(a[0].text), a[0].offset);
      }
      out.value = DurationDist::exponential(a[0].seconds);
      break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Times of day

// H:MM, HH:MM or HH:MM:SS, 00:00 to 24:00 (the rules of readClockTime).
std::optional<double> parseClock(std::string_view text) {
  std::vector<std::string_view> fields;
  for (std::size_t colon = text.find(':');; colon = text.find(':')) {
    fields.push_back(text.substr(0, colon));
    if (colon == std::string_view::npos) break;
    text.remove_prefix(colon + 1);
  }
  if (fields.size() < 2 || fields.size() > 3) return std::nullopt;
  int values[3] = {0, 0, 0};
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string_view field = fields[i];
    const bool widthOk = i == 0 ? (field.size() == 1 || field.size() == 2) : field.size() == 2;
    if (!widthOk || !isDigit(field[0]) || !isDigit(field.back())) return std::nullopt;
    std::from_chars(field.data(), field.data() + field.size(), values[i]);
  }
  const int hours = values[0], minutes = values[1], seconds = values[2];
  if (minutes > 59 || seconds > 59 || hours > 24 || (hours == 24 && minutes + seconds > 0)) {
    return std::nullopt;
  }
  return hours * 3600.0 + minutes * 60.0 + seconds;
}

// Days a scheduled start may lie ahead: far beyond any horizon, small enough for a typo
// (day 2000000) to be caught.
constexpr int kMaxStartDay = 100000;

}  // namespace

TextParse<core::DurationDist> parseDurationDist(std::string_view text) {
  using core::DurationDist;
  std::size_t pos = 0;
  skipSpaces(text, pos);
  if (pos < text.size() && (isDigit(text[pos]) || text[pos] == '.')) {
    const auto duration = scanDuration(text, pos);
    if (!duration.value) return failure<DurationDist>(duration.error, duration.errorOffset);
    skipSpaces(text, pos);
    if (pos < text.size()) {
      return failure<DurationDist>("unexpected '" + std::string(text.substr(pos)) +
                                       "' after the duration",
                                   pos);
    }
    TextParse<DurationDist> out;
    out.value = DurationDist::fixed(*duration.value);
    return out;
  }
  if (pos >= text.size() || !isLetter(text[pos])) {
    return failure<DurationDist>("expected " + std::string(kDurationHint) + ", got '" +
                                     std::string(text) + "'",
                                 pos);
  }

  const std::size_t nameStart = pos;
  while (pos < text.size() && (isLetter(text[pos]) || isDigit(text[pos]))) ++pos;
  const std::string name(text.substr(nameStart, pos - nameStart));
  std::size_t kindIndex = core::kDistributionKindNames.size();
  for (std::size_t i = 0; i < core::kDistributionKindNames.size(); ++i) {
    if (name == core::kDistributionKindNames[i]) kindIndex = i;
  }
  if (kindIndex == core::kDistributionKindNames.size()) {
    const std::vector<std::string> valid(core::kDistributionKindNames.begin(),
                                         core::kDistributionKindNames.end());
    return failure<DurationDist>(
        "unknown distribution '" + name + "' (" + expectedOneOf(valid, name) + ")", nameStart);
  }
  const std::string usage = name + "(" + kParameterNames[kindIndex] + ")";
  skipSpaces(text, pos);
  if (pos >= text.size() || text[pos] != '(') {
    return failure<DurationDist>("expected '(' after '" + name + "': write " + usage, pos);
  }
  ++pos;

  std::vector<Argument> args;
  skipSpaces(text, pos);
  if (pos < text.size() && text[pos] == ')') {
    ++pos;
  } else {
    while (true) {
      skipSpaces(text, pos);
      Argument arg;
      arg.offset = pos;
      const auto duration = scanDuration(text, pos);
      if (!duration.value) return failure<DurationDist>(duration.error, duration.errorOffset);
      arg.seconds = *duration.value;
      arg.text = text.substr(arg.offset, pos - arg.offset);
      args.push_back(arg);
      skipSpaces(text, pos);
      if (pos < text.size() && text[pos] == ',') {
        ++pos;
        continue;
      }
      if (pos < text.size() && text[pos] == ')') {
        ++pos;
        break;
      }
      if (pos >= text.size()) {
        return failure<DurationDist>("missing ')' at the end of '" + std::string(text) + "'", pos);
      }
      return failure<DurationDist>("expected ',' or ')' at '" + std::string(text.substr(pos)) +
                                       "'",
                                   pos);
    }
  }
  skipSpaces(text, pos);
  if (pos < text.size()) {
    return failure<DurationDist>("unexpected '" + std::string(text.substr(pos)) + "' after ')'",
                                 pos);
  }
  const std::size_t wanted = kParameterCounts[kindIndex];
  if (args.size() != wanted) {
    return failure<DurationDist>(name + " takes " + std::to_string(wanted) +
                                     (wanted == 1 ? " duration" : " durations") + ", " + usage +
                                     ", got " + std::to_string(args.size()),
                                 nameStart);
  }
  return makeDistribution(static_cast<core::DistributionKind>(kindIndex), args);
}

TextParse<double> parseStartTime(std::string_view text) {
  const std::string_view expected = "expected \"HH:MM\" (day 0) or \"day N HH:MM\"";
  std::string_view rest = trimmed(text);
  int day = 0;
  if (rest.starts_with("day")) {
    rest.remove_prefix(3);
    if (rest.empty() || !isSpace(rest.front())) return failure<double>(std::string(expected), 0);
    rest = trimmed(rest);
    std::size_t digits = 0;
    while (digits < rest.size() && isDigit(rest[digits])) ++digits;
    const auto parsed = std::from_chars(rest.data(), rest.data() + digits, day);
    if (digits == 0 || parsed.ec != std::errc() || day > kMaxStartDay ||
        digits == rest.size() || !isSpace(rest[digits])) {
      return failure<double>(std::string(expected), 0);
    }
    rest = trimmed(rest.substr(digits));
  }
  const auto clock = parseClock(rest);
  if (!clock) return failure<double>(std::string(expected), 0);
  TextParse<double> out;
  out.value = day * 86400.0 + *clock;
  return out;
}

TextParse<WorkingHours> parseWorkingHours(std::string_view text) {
  const std::size_t dash = text.find('-');
  const std::string expected = "expected working hours \"HH:MM-HH:MM\"";
  if (dash == std::string_view::npos) return failure<WorkingHours>(expected, 0);
  const auto start = parseClock(trimmed(text.substr(0, dash)));
  const auto end = parseClock(trimmed(text.substr(dash + 1)));
  if (!start || !end) return failure<WorkingHours>(expected, 0);
  if (*end <= *start) {
    std::size_t endOffset = dash + 1;
    skipSpaces(text, endOffset);
    return failure<WorkingHours>("working hours must end after they start (for all day, write "
                                 "00:00-24:00)",
                                 endOffset);
  }
  TextParse<WorkingHours> out;
  out.value = WorkingHours{*start, *end};
  return out;
}

std::string formatDuration(double seconds) {
  if (seconds < 0 || seconds != std::floor(seconds) || seconds > 1e15) {
    return formatNumber(seconds) + "s";
  }
  if (seconds == 0) return "0s";
  auto rest = static_cast<long long>(seconds);
  std::string text;
  for (const auto& [unitS, unit] : {std::pair{86400LL, "d"}, std::pair{3600LL, "h"},
                                    std::pair{60LL, "m"}, std::pair{1LL, "s"}}) {
    if (rest >= unitS) {
      text += std::to_string(rest / unitS) + unit;
      rest %= unitS;
    }
  }
  return text;
}

// ---------------------------------------------------------------------------------------
// The loader's readers

void errorInScalar(SourceSet& s, const Node& n, std::size_t offset, const std::string& message) {
  core::SourceLocation at = s.locate(n);
  // yaml-cpp tags quoted scalars "!" and plain ones "?"; the mark is on the opening quote.
  const bool quoted = n.yaml.Tag() == "!";
  const bool oneLine = n.yaml.Scalar().find('\n') == std::string::npos;
  if (at.line > 0 && oneLine) at.column += static_cast<int>(offset) + (quoted ? 1 : 0);
  s.error(std::move(at), message);
}

std::optional<core::DurationDist> readDurationDist(SourceSet& s, const Node& n,
                                                   std::string_view name) {
  if (!n.yaml.IsScalar()) {
    s.error(n, "expected " + std::string(kDurationHint) + " for '" + std::string(name) +
                   "', got " + describeValue(n));
    return std::nullopt;
  }
  const std::string& text = n.yaml.Scalar();
  auto parsed = parseDurationDist(text);
  if (!parsed.value) {
    // In a flow mapping or list, YAML ends an unquoted value at its first comma:
    // {duration: lognormal(2h, 1h)} leaves "lognormal(2h" here. Say so.
    const bool cutAtComma = n.yaml.Tag() == "?" && text.find('(') != std::string::npos &&
                            text.find(')') == std::string::npos;
    errorInScalar(s, n, parsed.errorOffset,
                  parsed.error + (cutAtComma ? " (quote distributions: inside {...} or [...] "
                                               "an unquoted value ends at a comma)"
                                             : ""));
  }
  return parsed.value;
}

std::optional<double> readFixedDuration(SourceSet& s, const Node& n, std::string_view name,
                                        Bounds bounds) {
  if (!n.yaml.IsScalar()) {
    s.error(n, "expected a duration such as '72h' for '" + std::string(name) + "', got " +
                   describeValue(n));
    return std::nullopt;
  }
  const auto dist = readDurationDist(s, n, name);
  if (!dist) return std::nullopt;
  if (dist->kind != core::DistributionKind::Fixed) {
    s.error(n, "expected a single duration such as '72h' for '" + std::string(name) +
                   "', not a distribution");
    return std::nullopt;
  }
  if (!bounds.contains(dist->valueS)) {
    s.error(n, "'" + std::string(name) + "' must be " + bounds.describe() + ", got " +
                   n.yaml.Scalar());
    return std::nullopt;
  }
  return dist->valueS;
}

bool durationDistKey(MapReader& r, std::string_view key, core::DurationDist& out) {
  const auto value = r.get(key);
  if (!value) return false;
  const auto dist = readDurationDist(r.sources(), *value, key);
  if (dist) out = *dist;
  return dist.has_value();
}

bool fixedDurationKey(MapReader& r, std::string_view key, double& seconds, Bounds bounds,
                      Need need) {
  const auto value = r.get(key, need);
  if (!value) return false;
  const auto duration = readFixedDuration(r.sources(), *value, key, bounds);
  if (duration) seconds = *duration;
  return duration.has_value();
}

}  // namespace irdrill::scenario
