// Durations, duration distributions and times written as text in scenario files:
//   "20m", "1h30m", "2.5d"                      a duration: numbers with a unit s, m, h, d
//   "uniform(10m, 30m)", "triangular(10m, 20m, 1h)", "lognormal(2h, 1h)",
//   "exponential(30m)", "fixed(20m)"            a distribution (core::DurationDist)
//   "09:30", "day 2 14:00"                      a start time, seconds since day 0's midnight
//   "09:00-18:00"                               working hours
// The text parsers are pure (tests call them directly) and say where in the text a problem
// is, so the loader can point at the exact column: a typo inside "triangular(10m, 2O, 1h)"
// is found faster from a caret on the "2O" than on the opening quote.
//
// Internal to the scenario loader (sim/scenario/).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "sim/core/distribution.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace irdrill::scenario {

// The outcome of parsing a piece of text: a value, or what is wrong and where (a byte
// offset into the text).
template <typename T>
struct TextParse {
  std::optional<T> value;
  std::string error;
  std::size_t errorOffset = 0;
};

TextParse<core::DurationDist> parseDurationDist(std::string_view text);

// "day N HH:MM[:SS]" or "HH:MM[:SS]" (day 0), as seconds since midnight of day 0.
TextParse<double> parseStartTime(std::string_view text);

// "HH:MM-HH:MM", as seconds since midnight; the end after the start.
struct WorkingHours {
  double startS = 0;
  double endS = 0;
};
TextParse<WorkingHours> parseWorkingHours(std::string_view text);

// Reports `message` at `offset` bytes into the scalar `n` (its line, the column of that
// character; a quoted scalar's text starts one column after its opening quote).
void errorInScalar(SourceSet& s, const Node& n, std::size_t offset, const std::string& message);

// Loader-level readers: report at the node (or the exact column) and return empty.
// `name` (usually the key) is used in messages about a value of the wrong type.
std::optional<core::DurationDist> readDurationDist(SourceSet& s, const Node& n,
                                                   std::string_view name);
// A single duration ("72h"; a distribution is an error), seconds, within `bounds`.
std::optional<double> readFixedDuration(SourceSet& s, const Node& n, std::string_view name,
                                        Bounds bounds);

// The same for a key of a mapping: store into `out` and return true when present and valid.
bool durationDistKey(MapReader& r, std::string_view key, core::DurationDist& out);
bool fixedDurationKey(MapReader& r, std::string_view key, double& seconds, Bounds bounds,
                      Need need = Need::Optional);

// "20m", "1h30m", "2.5d": how a duration in seconds is written back in messages.
std::string formatDuration(double seconds);

}  // namespace irdrill::scenario
