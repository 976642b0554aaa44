// The strict reader the section parsers are written with: typed getters with range
// checks, `include` resolution, and key tracking so that every key a parser did not ask
// for becomes an "unknown key" error listing the keys it did ask for. Errors are
// collected, never thrown: a bad value leaves the default in place and parsing goes on,
// so one run reports every error of a file.
//
// Internal to the scenario loader (sim/scenario/).
//
//   MapReader r(sources, node, "scan_mode");
//   r.number("window_ms", mode.windowMs, Bounds::positive());
//   // ~MapReader: keys other than window_ms... are reported as unknown.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/yaml_sources.hpp"
#include "sim/world/geometry.hpp"

namespace irdrill::scenario {

// An allowed interval for a number; messages print it as "> 0", ">= 0" or "in [0, 1]".
struct Bounds {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool minExclusive = false;
  bool maxExclusive = false;

  static Bounds positive() { return {0.0, std::numeric_limits<double>::infinity(), true, false}; }
  static Bounds nonNegative() { return {0.0, std::numeric_limits<double>::infinity()}; }
  static Bounds unitInterval() { return {0.0, 1.0}; }  // probabilities, fractions
  static Bounds between(double lo, double hi) { return {lo, hi}; }
  bool contains(double value) const;
  std::string describe() const;
};

enum class Need { Optional, Required };

// "'fast'", "a mapping", "a list", "nothing": how a wrong value is named in messages.
std::string describeValue(const Node& node);

// The shortest decimal that reads back as `value` ("0.1", not "0.10000000000000001").
std::string formatNumber(double value);

// "08:45", or "08:45:30" when there are seconds.
std::string formatClockTime(double secondsSinceMidnight);

// "expected one of: a, b, c". Long lists keep the names closest to `given` (edit
// distance), in their original order, and say how many were left out.
std::string expectedOneOf(const std::vector<std::string>& valid, std::string_view given);

// Letters, digits, '-' and '_': ids appear in generated ids ("eng-07/laptop"), reports
// and file names, so no spaces, slashes or dots.
bool isValidId(std::string_view id);

// Scalar converters. `name` (usually the key) is used in messages. Each reports what is
// wrong at the node and returns empty.
std::optional<double> readNumber(SourceSet& s, const Node& n, std::string_view name,
                                 Bounds bounds = {});
std::optional<long long> readInteger(SourceSet& s, const Node& n, std::string_view name,
                                     long long min, long long max);
std::optional<std::uint64_t> readUnsigned(SourceSet& s, const Node& n, std::string_view name);
std::optional<bool> readBool(SourceSet& s, const Node& n, std::string_view name);
std::optional<std::string> readText(SourceSet& s, const Node& n, std::string_view name);
std::optional<std::string> readId(SourceSet& s, const Node& n, std::string_view name);
// Index of the node's name in `names`; `noun` names the kind: "unknown room kind 'x'".
std::optional<std::size_t> readChoice(SourceSet& s, const Node& n, std::string_view noun,
                                      std::span<const char* const> names);
// "HH:MM" or "HH:MM:SS" from 00:00 to 24:00, as seconds since midnight.
std::optional<double> readClockTime(SourceSet& s, const Node& n, std::string_view name);
// A point written [x, y], metres.
std::optional<world::Vec2> readPoint(SourceSet& s, const Node& n, std::string_view name);

// A `{include: path}` mapping is replaced by the included document; any other node is
// returned as is. Empty (after reporting) when the include fails, or when `include`
// stands beside other keys (an include replaces the whole value, it does not merge).
std::optional<Node> resolveInclude(SourceSet& s, const Node& n);

// The elements of a list. An element `{include: path}` is replaced by the included
// document, or by its elements when that document is itself a list (a shared list of
// people or places). An empty value is an empty list.
std::vector<Node> readList(SourceSet& s, const Node& n, std::string_view name);

// The entries of a mapping whose keys are names the file chooses (day plans, scan
// modes). Duplicate or malformed names are reported and skipped.
struct NamedEntry {
  std::string name;
  Node key;
  Node value;
};
std::vector<NamedEntry> readNamedEntries(SourceSet& s, const Node& n, std::string_view name);

class MapReader {
 public:
  // `section` names the kind of mapping in messages and in the key catalogue; it is the
  // schema's $defs name (scenarios/scenario.schema.json), e.g. "scan_mode".
  MapReader(SourceSet& sources, const Node& node, std::string section);
  // Reports every key no getter asked for (a typo must not pass silently) and records
  // the accepted keys in the catalogue. Done here so no parser can forget it.
  ~MapReader();
  MapReader(const MapReader&) = delete;
  MapReader& operator=(const MapReader&) = delete;

  bool isMap() const { return isMap_; }
  const Node& node() const { return node_; }
  core::SourceLocation where() const { return sources_.locate(node_); }
  SourceSet& sources() { return sources_; }

  // The value of `key`, `{include:}` not resolved. Every key asked for is accepted, so
  // parsers ask for all their keys whatever the file contains.
  std::optional<Node> get(std::string_view key, Need need = Need::Optional);

  // Typed getters: store into `out` and return true when the key is present and valid;
  // otherwise `out` keeps its default.
  bool number(std::string_view key, double& out, Bounds bounds = {}, Need need = Need::Optional);
  bool integer(std::string_view key, int& out, int min, int max, Need need = Need::Optional);
  bool boolean(std::string_view key, bool& out);
  bool text(std::string_view key, std::string& out, Need need = Need::Optional);
  bool id(std::string_view key, std::string& out, Need need = Need::Required);
  bool clockTime(std::string_view key, double& secondsSinceMidnight);
  // A duration written in the unit the key names (`_ms`, `_min`, `_h`...), stored in
  // seconds: `secondsPerUnit` is 60 for `_min`. Bounds apply to the written value.
  bool duration(std::string_view key, double& seconds, double secondsPerUnit, Bounds bounds);
  // `x_m` and `y_m`, both required.
  bool position(world::Vec2& out);

  template <typename Enum, std::size_t N>
  bool choice(std::string_view key, Enum& out, const std::array<const char*, N>& names,
              std::string_view noun, Need need = Need::Optional) {
    const auto value = get(key, need);
    if (!value) return false;
    const auto index = readChoice(sources_, *value, noun, names);
    if (!index) return false;
    out = static_cast<Enum>(*index);
    return true;
  }

 private:
  struct Entry {
    std::string key;
    Node keyNode;
    Node value;
  };

  SourceSet& sources_;
  Node node_;
  std::string section_;
  bool isMap_ = false;
  std::vector<Entry> entries_;
  std::vector<std::string> accepted_;  // in the order asked for: messages list them so
};

}  // namespace irdrill::scenario
