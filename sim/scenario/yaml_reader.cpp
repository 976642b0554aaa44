// The strict YAML reader of the scenario loader (see yaml_reader.hpp).
//
// Sections: bounds and messages / scalar converters / includes, lists and named
// entries / MapReader.
#include "sim/scenario/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <utility>

namespace irdrill::scenario {

// ---------------------------------------------------------------------------------------
// Bounds and messages

bool Bounds::contains(double value) const {
  const bool aboveMin = minExclusive ? value > min : value >= min;
  const bool belowMax = maxExclusive ? value < max : value <= max;
  return aboveMin && belowMax;
}

std::string Bounds::describe() const {
  const bool hasMin = std::isfinite(min);
  const bool hasMax = std::isfinite(max);
  if (hasMin && hasMax) {
    return std::string("in ") + (minExclusive ? "(" : "[") + formatNumber(min) + ", " +
           formatNumber(max) + (maxExclusive ? ")" : "]");
  }
  if (hasMin) return (minExclusive ? "> " : ">= ") + formatNumber(min);
  if (hasMax) return (maxExclusive ? "< " : "<= ") + formatNumber(max);
  return "a finite number";
}

std::string describeValue(const Node& node) {
  switch (node.yaml.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar:
      // A quoted "10" is text to YAML; say so, or "got '10'" reads like a loader bug.
      if (node.yaml.Tag() != "?") return "the text \"" + node.yaml.Scalar() + "\"";
      return "'" + node.yaml.Scalar() + "'";
    default: return "nothing";
  }
}

std::string formatNumber(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string formatClockTime(double secondsSinceMidnight) {
  const long total = std::lround(secondsSinceMidnight);
  char buffer[64];  // room for any long, so the format can never truncate
  const long h = total / 3600, m = total / 60 % 60, sec = total % 60;
  if (sec == 0) {
    std::snprintf(buffer, sizeof buffer, "%02ld:%02ld", h, m);
  } else {
    std::snprintf(buffer, sizeof buffer, "%02ld:%02ld:%02ld", h, m, sec);
  }
  return buffer;
}

namespace {

std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// A message line stays readable up to about this many names.
constexpr std::size_t kMaxListedNames = 24;

}  // namespace

std::string expectedOneOf(const std::vector<std::string>& valid, std::string_view given) {
  if (valid.empty()) return "none are defined";
  std::vector<std::size_t> shown(valid.size());
  for (std::size_t i = 0; i < valid.size(); ++i) shown[i] = i;
  if (valid.size() > kMaxListedNames) {
    std::stable_sort(shown.begin(), shown.end(), [&](std::size_t a, std::size_t b) {
      return editDistance(valid[a], given) < editDistance(valid[b], given);
    });
    shown.resize(kMaxListedNames);
    std::sort(shown.begin(), shown.end());
  }
  std::string text = "expected one of: ";
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if (i > 0) text += ", ";
    text += valid[shown[i]];
  }
  if (shown.size() < valid.size()) {
    text += " and " + std::to_string(valid.size() - shown.size()) + " more";
  }
  return text;
}

bool isValidId(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_';
  });
}

// ---------------------------------------------------------------------------------------
// Scalar converters

namespace {

// Numbers and booleans must be plain scalars: "5" in quotes is a string to YAML and to
// the JSON Schema, so accepting it here would let the two disagree.
bool isPlainScalar(const Node& n) { return n.yaml.IsScalar() && n.yaml.Tag() == "?"; }

template <typename T>
bool parseWhole(std::string_view text, T& out) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  const auto result = std::from_chars(text.data(), text.data() + text.size(), out);
  return result.ec == std::errc() && result.ptr == text.data() + text.size();
}

}  // namespace

std::optional<double> readNumber(SourceSet& s, const Node& n, std::string_view name,
                                 Bounds bounds) {
  double value = 0;
  if (!isPlainScalar(n) || !parseWhole(n.yaml.Scalar(), value)) {
    s.error(n, "expected a number for '" + std::string(name) + "', got " + describeValue(n));
    return std::nullopt;
  }
  if (!std::isfinite(value) || !bounds.contains(value)) {
    s.error(n, "'" + std::string(name) + "' must be " + bounds.describe() + ", got " +
                   n.yaml.Scalar());
    return std::nullopt;
  }
  return value;
}

std::optional<long long> readInteger(SourceSet& s, const Node& n, std::string_view name,
                                     long long min, long long max) {
  long long value = 0;
  if (!isPlainScalar(n) || !parseWhole(n.yaml.Scalar(), value)) {
    s.error(n, "expected a whole number for '" + std::string(name) + "', got " +
                   describeValue(n));
    return std::nullopt;
  }
  if (value < min || value > max) {
    s.error(n, "'" + std::string(name) + "' must be in [" + std::to_string(min) + ", " +
                   std::to_string(max) + "], got " + n.yaml.Scalar());
    return std::nullopt;
  }
  return value;
}

std::optional<std::uint64_t> readUnsigned(SourceSet& s, const Node& n, std::string_view name) {
  std::uint64_t value = 0;
  if (!isPlainScalar(n) || !parseWhole(n.yaml.Scalar(), value)) {
    s.error(n, "expected a whole number >= 0 for '" + std::string(name) + "', got " +
                   describeValue(n));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> readBool(SourceSet& s, const Node& n, std::string_view name) {
  if (isPlainScalar(n)) {
    const std::string& text = n.yaml.Scalar();
    if (text == "true" || text == "True" || text == "TRUE") return true;
    if (text == "false" || text == "False" || text == "FALSE") return false;
  }
  s.error(n, "expected true or false for '" + std::string(name) + "', got " + describeValue(n));
  return std::nullopt;
}

std::optional<std::string> readText(SourceSet& s, const Node& n, std::string_view name) {
  if (!n.yaml.IsScalar()) {
    s.error(n, "expected text for '" + std::string(name) + "', got " + describeValue(n));
    return std::nullopt;
  }
  return n.yaml.Scalar();
}

std::optional<std::string> readId(SourceSet& s, const Node& n, std::string_view name) {
  if (!n.yaml.IsScalar() || !isValidId(n.yaml.Scalar())) {
    s.error(n, "expected an id (letters, digits, '-' and '_') for '" + std::string(name) +
                   "', got " + describeValue(n));
    return std::nullopt;
  }
  return n.yaml.Scalar();
}

std::optional<std::size_t> readChoice(SourceSet& s, const Node& n, std::string_view noun,
                                      std::span<const char* const> names) {
  std::vector<std::string> valid(names.begin(), names.end());
  if (!n.yaml.IsScalar()) {
    s.error(n, "expected a " + std::string(noun) + " name, got " + describeValue(n) + " (" +
                   expectedOneOf(valid, "") + ")");
    return std::nullopt;
  }
  const std::string& given = n.yaml.Scalar();
  for (std::size_t i = 0; i < valid.size(); ++i) {
    if (valid[i] == given) return i;
  }
  s.error(n, "unknown " + std::string(noun) + " '" + given + "' (" + expectedOneOf(valid, given) +
                 ")");
  return std::nullopt;
}

std::optional<double> readClockTime(SourceSet& s, const Node& n, std::string_view name) {
  // H:MM, HH:MM or HH:MM:SS, digits only; 24:00 allowed (the end of the day).
  auto fail = [&]() -> std::optional<double> {
    s.error(n, "expected a time of day \"HH:MM\" or \"HH:MM:SS\" (00:00 to 24:00) for '" +
                   std::string(name) + "', got " + describeValue(n));
    return std::nullopt;
  };
  if (!n.yaml.IsScalar()) return fail();
  std::vector<std::string_view> fields;
  std::string_view rest = n.yaml.Scalar();
  for (std::size_t colon = rest.find(':'); ; colon = rest.find(':')) {
    fields.push_back(rest.substr(0, colon));
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  if (fields.size() < 2 || fields.size() > 3) return fail();
  int values[3] = {0, 0, 0};
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string_view field = fields[i];
    const bool widthOk = i == 0 ? (field.size() == 1 || field.size() == 2) : field.size() == 2;
    const bool digitsOnly = std::all_of(field.begin(), field.end(),
                                        [](char c) { return c >= '0' && c <= '9'; });
    if (!widthOk || !digitsOnly || !parseWhole(field, values[i])) return fail();
  }
  const int hours = values[0], minutes = values[1], seconds = values[2];
  if (minutes > 59 || seconds > 59 || hours > 24 || (hours == 24 && minutes + seconds > 0)) {
    return fail();
  }
  return hours * 3600.0 + minutes * 60.0 + seconds;
}

std::optional<world::Vec2> readPoint(SourceSet& s, const Node& n, std::string_view name) {
  if (!n.yaml.IsSequence() || n.yaml.size() != 2) {
    s.error(n, "expected a point [x_m, y_m] for '" + std::string(name) + "', got " +
                   describeValue(n));
    return std::nullopt;
  }
  const auto x = readNumber(s, s.child(n, n.yaml[0]), std::string(name) + "[0] (x_m)");
  const auto y = readNumber(s, s.child(n, n.yaml[1]), std::string(name) + "[1] (y_m)");
  if (!x || !y) return std::nullopt;
  return world::Vec2{*x, *y};
}

// ---------------------------------------------------------------------------------------
// Includes, lists and named entries

std::optional<Node> resolveInclude(SourceSet& s, const Node& n) {
  if (!n.yaml.IsMap()) return n;
  const YAML::Node* includeKey = nullptr;
  YAML::Node includeValue;
  std::vector<std::string> others;
  for (auto it = n.yaml.begin(); it != n.yaml.end(); ++it) {
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string("?");
    if (key == "include" && includeKey == nullptr) {
      includeKey = &it->first;
      includeValue = it->second;
    } else {
      others.push_back(key);
    }
  }
  if (includeKey == nullptr) return n;
  if (KeyCatalogue* catalogue = s.catalogue()) (*catalogue)["include_directive"].insert("include");
  const Node pathNode = s.child(n, includeValue, includeKey);
  if (!others.empty()) {
    std::string list;
    for (const auto& k : others) list += (list.empty() ? "" : ", ") + k;
    s.error(pathNode, "'include' replaces the whole value, so it must be the only key here "
                      "(also found: " + list + ")");
    return std::nullopt;
  }
  return s.include(pathNode);
}

namespace {
void appendElements(SourceSet& s, const Node& list, std::vector<Node>& out) {
  for (const auto& element : list.yaml) {
    const Node item = s.child(list, element);
    const bool isInclude = element.IsMap() && element["include"].IsDefined();
    if (!isInclude) {
      out.push_back(item);
      continue;
    }
    const auto included = resolveInclude(s, item);
    if (!included) continue;
    if (included->yaml.IsSequence()) {
      appendElements(s, *included, out);
    } else {
      out.push_back(*included);
    }
  }
}
}  // namespace

std::vector<Node> readList(SourceSet& s, const Node& n, std::string_view name) {
  std::vector<Node> out;
  if (n.yaml.IsNull()) return out;
  if (!n.yaml.IsSequence()) {
    s.error(n, "expected a list for '" + std::string(name) + "', got " + describeValue(n));
    return out;
  }
  appendElements(s, n, out);
  return out;
}

std::vector<NamedEntry> readNamedEntries(SourceSet& s, const Node& n, std::string_view name) {
  std::vector<NamedEntry> out;
  if (n.yaml.IsNull()) return out;
  if (!n.yaml.IsMap()) {
    s.error(n, "expected a mapping of names to definitions for '" + std::string(name) +
                   "', got " + describeValue(n));
    return out;
  }
  for (auto it = n.yaml.begin(); it != n.yaml.end(); ++it) {
    const Node key = s.child(n, it->first);
    const Node value = s.child(n, it->second, &it->first);
    if (!key.yaml.IsScalar() || !isValidId(key.yaml.Scalar())) {
      s.error(key, "expected a name (letters, digits, '-' and '_') in '" + std::string(name) +
                       "', got " + describeValue(key));
      continue;
    }
    const std::string* entryName = &key.yaml.Scalar();
    const auto previous = std::find_if(out.begin(), out.end(),
                                       [&](const NamedEntry& e) { return e.name == *entryName; });
    if (previous != out.end()) {
      const auto first = s.locate(previous->key);
      s.error(key, "duplicate name '" + *entryName + "' in '" + std::string(name) +
                       "' (first at " + std::to_string(first.line) + ":" +
                       std::to_string(first.column) + ")");
      continue;
    }
    out.push_back(NamedEntry{*entryName, key, value});
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// MapReader

MapReader::MapReader(SourceSet& sources, const Node& node, std::string section)
    : sources_(sources), node_(node), section_(std::move(section)) {
  isMap_ = node.yaml.IsMap();
  if (!isMap_) {
    std::string noun = section_;
    std::replace(noun.begin(), noun.end(), '_', ' ');
    sources_.error(node_, "expected " + noun + " (a mapping), got " + describeValue(node_));
    return;
  }
  for (auto it = node.yaml.begin(); it != node.yaml.end(); ++it) {
    const Node keyNode = sources_.child(node_, it->first);
    if (!it->first.IsScalar()) {
      sources_.error(keyNode, "expected a key name, got " + describeValue(keyNode));
      continue;
    }
    const std::string& key = it->first.Scalar();
    const auto previous = std::find_if(entries_.begin(), entries_.end(),
                                       [&](const Entry& e) { return e.key == key; });
    if (previous != entries_.end()) {
      const auto first = sources_.locate(previous->keyNode);
      sources_.error(keyNode, "duplicate key '" + key + "' (first at " +
                                  std::to_string(first.line) + ":" +
                                  std::to_string(first.column) + ")");
      continue;
    }
    entries_.push_back(Entry{key, keyNode, sources_.child(node_, it->second, &it->first)});
  }
}

MapReader::~MapReader() {
  if (KeyCatalogue* catalogue = sources_.catalogue()) {
    (*catalogue)[section_].insert(accepted_.begin(), accepted_.end());
  }
  for (const auto& entry : entries_) {
    if (std::find(accepted_.begin(), accepted_.end(), entry.key) != accepted_.end()) continue;
    sources_.error(entry.keyNode,
                   "unknown key '" + entry.key + "' (" + expectedOneOf(accepted_, entry.key) + ")");
  }
}

std::optional<Node> MapReader::get(std::string_view key, Need need) {
  if (std::find(accepted_.begin(), accepted_.end(), key) == accepted_.end()) {
    accepted_.emplace_back(key);
  }
  if (!isMap_) return std::nullopt;
  for (const auto& entry : entries_) {
    if (entry.key == key) return entry.value;
  }
  if (need == Need::Required) {
    std::string noun = section_;
    std::replace(noun.begin(), noun.end(), '_', ' ');
    sources_.error(node_, "missing required key '" + std::string(key) + "' in " + noun);
  }
  return std::nullopt;
}

bool MapReader::number(std::string_view key, double& out, Bounds bounds, Need need) {
  const auto value = get(key, need);
  if (!value) return false;
  const auto number = readNumber(sources_, *value, key, bounds);
  if (number) out = *number;
  return number.has_value();
}

bool MapReader::integer(std::string_view key, int& out, int min, int max, Need need) {
  const auto value = get(key, need);
  if (!value) return false;
  const auto number = readInteger(sources_, *value, key, min, max);
  if (number) out = static_cast<int>(*number);
  return number.has_value();
}

bool MapReader::boolean(std::string_view key, bool& out) {
  const auto value = get(key);
  if (!value) return false;
  const auto flag = readBool(sources_, *value, key);
  if (flag) out = *flag;
  return flag.has_value();
}

bool MapReader::text(std::string_view key, std::string& out, Need need) {
  const auto value = get(key, need);
  if (!value) return false;
  const auto text = readText(sources_, *value, key);
  if (text) out = *text;
  return text.has_value();
}

bool MapReader::id(std::string_view key, std::string& out, Need need) {
  const auto value = get(key, need);
  if (!value) return false;
  const auto id = readId(sources_, *value, key);
  if (id) out = *id;
  return id.has_value();
}

bool MapReader::clockTime(std::string_view key, double& secondsSinceMidnight) {
  const auto value = get(key);
  if (!value) return false;
  const auto time = readClockTime(sources_, *value, key);
  if (time) secondsSinceMidnight = *time;
  return time.has_value();
}

bool MapReader::duration(std::string_view key, double& seconds, double secondsPerUnit,
                         Bounds bounds) {
  const auto value = get(key);
  if (!value) return false;
  const auto written = readNumber(sources_, *value, key, bounds);
  if (written) seconds = *written * secondsPerUnit;
  return written.has_value();
}

bool MapReader::position(world::Vec2& out) {
  double x = 0, y = 0;
  const bool hasX = number("x_m", x, {}, Need::Required);
  const bool hasY = number("y_m", y, {}, Need::Required);
  if (hasX && hasY) out = {x, y};
  return hasX && hasY;
}

}  // namespace irdrill::scenario
