// Scenario overrides (see overrides.hpp): finding where a path points in the YAML
// documents of a load, putting the value there, and moving messages about what was put
// there to the option that put it.
//
// How messages find the option: every node an override creates is parsed from text padded
// with newlines, so its line lies past the last node of the file it is put in (each
// override has its own two lines there: one for keys and mappings, one for the value).
// The section parsers locate their messages as usual (the file of the enclosing node, the
// node's line); relocateOverrideDiagnostics recognises those lines, which no real node
// has, and replaces the location with the option.
#include "sim/scenario/overrides.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "sim/scenario/yaml_reader.hpp"
#include "sim/scenario/yaml_sources.hpp"

namespace irdrill::scenario {
namespace {

bool isPathCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '_' || c == '/';
}

// Splits "a.b.c"; empty when any part is empty or has other characters.
std::vector<std::string> splitPath(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    const std::string_view part = path.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (part.empty() || !std::all_of(part.begin(), part.end(), isPathCharacter)) return {};
    parts.emplace_back(part);
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

bool isIndex(std::string_view part) {
  return !part.empty() && part.size() < 10 &&
         std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The element of a list a path part names: an index, or the `id`, `group` or `item` an
// element declares.
std::optional<std::size_t> findElement(const std::vector<Node>& elements, const std::string& part,
                                       std::vector<std::string>& names) {
  if (isIndex(part)) {
    const std::size_t index = std::stoul(part);
    if (index < elements.size()) return index;
    return std::nullopt;
  }
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const YAML::Node& element = elements[i].yaml;
    if (!element.IsMap()) continue;
    for (auto it = element.begin(); it != element.end(); ++it) {
      if (!it->first.IsScalar() || !it->second.IsScalar()) continue;
      const std::string& key = it->first.Scalar();
      if (key != "id" && key != "group" && key != "item") continue;
      if (it->second.Scalar() == part) return i;
      names.push_back(it->second.Scalar());
      break;
    }
  }
  return std::nullopt;
}

class Applier {
 public:
  Applier(SourceSet& s, const Node& root, OverrideMarks& marks)
      : s_(s), root_(root), marks_(marks) {}

  void apply(std::size_t index) {
    index_ = index;
    const Override& o = marks_.overrides[index];
    parts_ = splitPath(o.path);
    if (parts_.empty()) {
      pathError("invalid path '" + o.path + "': parts are letters, digits, '-', '_' and '/', "
                "separated by '.'");
      return;
    }
    if (!root_.yaml.IsMap()) return;  // the loader says what is wrong with the file
    if (parts_[0] == "include") {
      pathError("'include' cannot be overridden: it names files, not values");
      return;
    }
    std::vector<Node> occurrences;
    collectOccurrences(root_, parts_[0], occurrences);
    if (occurrences.empty()) {
      insert(root_, 0);
      return;
    }
    if (parts_.size() == 1) {
      if (occurrences.size() > 1) {
        pathError("section '" + parts_[0] + "' is combined from " +
                  std::to_string(occurrences.size()) +
                  " places; override its elements or keys instead");
        return;
      }
      replace(occurrences.front(), std::nullopt);
      return;
    }
    // A section combined from several files: a list counts its elements across all of
    // them; a mapping (day plans) is the occurrence that has the key, else the first.
    const bool allLists = std::all_of(occurrences.begin(), occurrences.end(),
                                      [](const Node& n) { return n.yaml.IsSequence(); });
    if (occurrences.size() > 1 && allLists) {
      std::vector<Node> elements;
      for (const Node& occurrence : occurrences) {
        for (const Node& element : readList(s_, occurrence, parts_[0])) elements.push_back(element);
      }
      const auto element = selectElement(elements, 1);
      if (!element) return;
      if (parts_.size() == 2) {
        replace(*element, std::nullopt);
      } else {
        descend(*element, 2);
      }
      return;
    }
    const Node* section = &occurrences.front();
    for (const Node& occurrence : occurrences) {
      if (occurrence.yaml.IsMap() && findKey(occurrence.yaml, parts_[1])) {
        section = &occurrence;
        break;
      }
    }
    descend(*section, 1);
  }

 private:
  // Top-level values named `section`, in the order the loader combines them: this
  // document's keys in order, an `include:` standing for the sections of its files.
  void collectOccurrences(const Node& document, const std::string& section, std::vector<Node>& out) {
    if (!document.yaml.IsMap()) return;
    for (auto it = document.yaml.begin(); it != document.yaml.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      const Node value = s_.child(document, it->second, &it->first);
      if (it->first.Scalar() == "include") {
        std::vector<Node> paths;
        if (value.yaml.IsSequence()) {
          for (const auto& element : value.yaml) paths.push_back(s_.child(value, element));
        } else {
          paths.push_back(value);
        }
        for (const Node& path : paths) {
          if (const auto included = s_.include(path)) collectOccurrences(*included, section, out);
        }
      } else if (it->first.Scalar() == section) {
        if (const auto resolved = resolveInclude(s_, value)) out.push_back(*resolved);
      }
    }
  }

  static std::optional<std::pair<YAML::Node, YAML::Node>> findKey(const YAML::Node& map,
                                                                  const std::string& key) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (it->first.IsScalar() && it->first.Scalar() == key) {
        return std::pair<YAML::Node, YAML::Node>(it->first, it->second);
      }
    }
    return std::nullopt;
  }

  // Follows parts_[i...] from `start`, which holds the value parts_[i - 1] named.
  //
  // Nodes are never assigned to: assigning a YAML::Node (or a Node holding one) replaces
  // the content of the node it refers to in the document. So the position is re-emplaced.
  void descend(const Node& start, std::size_t i) {
    std::optional<Node> position(start);
    while (true) {
      const Node& at = *position;
      const std::string& part = parts_[i];
      const bool last = i + 1 == parts_.size();
      if (at.yaml.IsMap()) {
        const auto entry = findKey(at.yaml, part);
        if (!entry) {
          insert(at, i);
          return;
        }
        if (last) {
          replace(s_.child(at, entry->second, &entry->first), entry->first);
          return;
        }
        position.emplace(s_.child(at, entry->second, &entry->first));
      } else if (at.yaml.IsSequence()) {
        const auto element = selectElement(readList(s_, at, parts_[i - 1]), i);
        if (!element) return;
        if (last) {
          replace(*element, std::nullopt);
          return;
        }
        position.emplace(*element);
      } else if (at.yaml.IsNull()) {
        // An empty value (`alerts:` with nothing under it) becomes the mapping the rest of
        // the path needs.
        const auto value = parsedValue(at);
        if (!value) return;
        YAML::Node map = parse(lines(at).first, "{}");
        map[parsedKey(at, part)] = chain(at, i, *value);
        YAML::Node slot = at.yaml;
        slot = map;
        return;
      } else {
        // (Built by appending: GCC 12 warns falsely on "literal" + std::string&&.)
        std::string message = "'";
        message += prefix(i) + "' is " + describeValue(at) +
                   ", not a mapping or a list, so it has no '" + part + "'";
        pathError(std::move(message));
        return;
      }
      ++i;
    }
  }

  std::optional<Node> selectElement(const std::vector<Node>& elements, std::size_t i) {
    std::vector<std::string> names;
    if (const auto index = findElement(elements, parts_[i], names)) return elements[*index];
    std::string message;
    if (isIndex(parts_[i])) {
      message = "no element " + parts_[i] + " in '" + prefix(i) + "' (it has " +
                std::to_string(elements.size()) + ")";
    } else {
      message = "no element with id '" + parts_[i] + "' in '" + prefix(i) + "' (";
      message += names.empty() ? "its elements have no id" : expectedOneOf(names, parts_[i]);
      message += ")";
    }
    pathError(message);
    return std::nullopt;
  }

  // Adds key parts_[i] (and the mappings for the rest of the path) to the mapping `at`.
  void insert(const Node& at, std::size_t i) {
    const auto value = parsedValue(at);
    if (!value) return;
    YAML::Node map = at.yaml;
    map[parsedKey(at, parts_[i])] = chain(at, i, *value);
  }

  // Replaces the value at `target` in place (and its key, so that messages pointing at
  // the key of an empty value reach the option too).
  void replace(const Node& target, std::optional<YAML::Node> key) {
    const auto value = parsedValue(target);
    if (!value) return;
    if (key) {
      YAML::Node keySlot = *key;
      keySlot = parsedKey(target, keySlot.Scalar());
    }
    YAML::Node slot = target.yaml;
    slot = *value;
  }

  // The value to store under parts_[i]: the override's value, wrapped in one mapping per
  // remaining part.
  YAML::Node chain(const Node& at, std::size_t i, const YAML::Node& value) {
    if (i + 1 == parts_.size()) return value;
    YAML::Node map = parse(lines(at).first, "{}");
    map[parsedKey(at, parts_[i + 1])] = chain(at, i + 1, value);
    return map;
  }

  // The (0-based) key and value lines of this override in the file of `at`.
  std::pair<int, int> lines(const Node& at) {
    const SourceFile& file = *at.frame->file;
    auto base = bases_.find(file.displayPath);
    if (base == bases_.end()) {
      // Past the file's last line; counted from its text, not by walking its tree, which
      // aliases can make exponentially large.
      base = bases_.emplace(file.displayPath, file.lineCount + 1).first;
    }
    const int keyLine = base->second + 2 * static_cast<int>(index_);
    const auto mark = std::find_if(marks_.marks.begin(), marks_.marks.end(), [&](const auto& m) {
      return m.file == file.displayPath && m.override == index_;
    });
    if (mark == marks_.marks.end()) {
      marks_.marks.push_back({file.displayPath, keyLine + 1, keyLine + 2, index_});
    }
    return {keyLine, keyLine + 1};
  }

  static YAML::Node parse(int line, const std::string& text) {
    return YAML::Load(std::string(static_cast<std::size_t>(line), '\n') + text);
  }

  // Keys are quoted: a path part such as `null` or `true` is a key name, not a value.
  YAML::Node parsedKey(const Node& at, const std::string& key) {
    return parse(lines(at).first, "\"" + key + "\"");
  }

  std::optional<YAML::Node> parsedValue(const Node& at) {
    const Override& o = marks_.overrides[index_];
    try {
      return parse(lines(at).second, o.value);
    } catch (const YAML::Exception& e) {
      s_.error(core::SourceLocation{overrideText(o), 0, 0}, "invalid YAML value: " + e.msg);
      return std::nullopt;
    }
  }

  std::string prefix(std::size_t i) const {
    std::string text;
    for (std::size_t k = 0; k < i; ++k) text += (k == 0 ? "" : ".") + parts_[k];
    return text;
  }

  void pathError(std::string message) {
    s_.error(core::SourceLocation{"--set " + marks_.overrides[index_].path, 0, 0},
             std::move(message));
  }

  SourceSet& s_;
  const Node& root_;
  OverrideMarks& marks_;
  std::size_t index_ = 0;
  std::vector<std::string> parts_;
  std::map<std::string, int> bases_;  // first free (0-based) line of each file touched
};

}  // namespace

std::string expandOverridePath(std::string_view path) {
  // Only "alert.KEY": a longer path ("alert.phone.hold_s") is a misspelt full path and
  // gets its error about "alert", not one about a doubled "phone".
  constexpr std::string_view kShort = "alert.";
  const std::string_view key = path.substr(std::min(kShort.size(), path.size()));
  if (path.substr(0, kShort.size()) == kShort && !key.empty() && key.find('.') == std::string_view::npos) {
    return "alerts.phone." + std::string(key);
  }
  return std::string(path);
}

std::optional<Override> parseOverride(std::string_view text, std::string& error) {
  const std::size_t equals = text.find('=');
  if (equals == std::string_view::npos) {
    error = "expected PATH=VALUE (e.g. alerts.phone.hold_s=20), got '" + std::string(text) + "'";
    return std::nullopt;
  }
  Override o{expandOverridePath(text.substr(0, equals)), std::string(text.substr(equals + 1))};
  if (splitPath(o.path).empty()) {
    error = "invalid path '" + o.path + "' in '" + std::string(text) +
            "': parts are letters, digits, '-', '_' and '/', separated by '.'";
    return std::nullopt;
  }
  if (o.value.empty()) {
    error = "no value after '=' in '" + std::string(text) +
            "' (write a YAML value: 20, true, \"text\", [1, 2])";
    return std::nullopt;
  }
  if (o.value.find_first_of("\r\n") != std::string::npos) {
    error = "the value of '" + o.path + "' must be on one line (use YAML flow style: [a, b], {k: v})";
    return std::nullopt;
  }
  return o;
}

std::string overrideText(const Override& o) { return "--set " + o.path + "=" + o.value; }

void applyOverrides(SourceSet& s, const Node& root, const std::vector<Override>& overrides,
                    OverrideMarks& marks) {
  marks.overrides = overrides;
  Applier applier(s, root, marks);
  for (std::size_t i = 0; i < overrides.size(); ++i) applier.apply(i);
}

core::Diagnostics relocateOverrideDiagnostics(const core::Diagnostics& diagnostics,
                                              const OverrideMarks& marks) {
  if (marks.overrides.empty()) return diagnostics;
  core::Diagnostics out;
  std::set<std::tuple<int, std::string, int, int, std::string>> seen;
  for (core::Diagnostic d : diagnostics.items()) {
    for (const auto& mark : marks.marks) {
      if (d.where.file != mark.file) continue;
      const Override& o = marks.overrides[mark.override];
      if (d.where.line == mark.keyLine) {
        d.where = {"--set " + o.path, 0, 0};
      } else if (d.where.line == mark.valueLine) {
        d.where = {overrideText(o), 0, 0};
      } else {
        continue;
      }
      break;
    }
    const auto key = std::tuple(static_cast<int>(d.severity), d.where.file, d.where.line,
                                d.where.column, d.message);
    if (!seen.insert(key).second) continue;
    if (d.severity == core::Severity::Error) {
      out.error(std::move(d.where), std::move(d.message));
    } else {
      out.warning(std::move(d.where), std::move(d.message));
    }
  }
  return out;
}

}  // namespace irdrill::scenario
