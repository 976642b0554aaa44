#include "sim/scenario/scenario_hash.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "sim/core/random_streams.hpp"

namespace irdrill::scenario {
namespace fs = std::filesystem;

namespace {

std::optional<std::string> readWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Paths named by `include` keys anywhere in a document (a top-level list, a section's
// value, a list element), in document order.
void collectIncludes(const YAML::Node& node, std::vector<std::string>& out, int depth = 0) {
  if (depth > 64) return;
  if (node.IsMap()) {
    // Key and value copied into named nodes: yaml-cpp's iterator proxy is a temporary, and
    // GCC 12 warns about its members dangling when they are used through `it->`.
    for (const auto& pair : node) {
      const YAML::Node key = pair.first;
      const YAML::Node value = pair.second;
      if (key.IsScalar() && key.Scalar() == "include") {
        if (value.IsScalar()) out.push_back(value.Scalar());
        if (value.IsSequence()) {
          for (const auto& path : value) {
            if (path.IsScalar()) out.push_back(path.Scalar());
          }
        }
      } else {
        collectIncludes(value, out, depth + 1);
      }
    }
  } else if (node.IsSequence()) {
    for (const auto& element : node) collectIncludes(element, out, depth + 1);
  }
}

// True for a line that gives only a Japanese text: `  title_ja: ...` (optionally as a list
// element, `- title_ja: ...`). Scalars of these keys are written on one line.
bool isTranslationLine(std::string_view line) {
  std::size_t i = line.find_first_not_of(' ');
  if (i == std::string_view::npos) return false;
  if (line.compare(i, 2, "- ") == 0) i = line.find_first_not_of(' ', i + 2);
  if (i == std::string_view::npos) return false;
  for (const std::string_view key : {"name_ja:", "title_ja:", "description_ja:"}) {
    if (line.compare(i, key.size(), key) == 0) return true;
  }
  return false;
}

// The file's text without its translation lines.
std::string withoutTranslations(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t next = end == std::string::npos ? text.size() : end + 1;
    if (!isTranslationLine(std::string_view(text).substr(start, next - start))) out.append(text, start, next - start);
    start = next;
  }
  return out;
}

void hashFile(const fs::path& path, std::set<std::string>& seen, std::string& material) {
  std::error_code ec;
  const std::string identity = fs::weakly_canonical(path, ec).string();
  if (!seen.insert(identity).second) return;
  const auto text = readWholeFile(path);
  if (!text) {
    material += "missing file\n";
    return;
  }
  // Length-prefixed, so two files cannot be cut differently into the same bytes.
  const std::string hashed = withoutTranslations(*text);
  material += std::to_string(hashed.size()) + ":" + hashed;
  std::vector<std::string> includes;
  try {
    collectIncludes(YAML::Load(*text), includes);
  } catch (const YAML::Exception&) {
    return;  // the loader reports it; the bytes are hashed already
  }
  for (const auto& include : includes) {
    const fs::path target = fs::path(include).is_absolute() ? fs::path(include) : path.parent_path() / include;
    hashFile(target, seen, material);
  }
}

std::string hex64(std::uint64_t value) {
  char buffer[20];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

}  // namespace

std::string scenarioHash(const std::string& path, const std::vector<Override>& overrides) {
  std::string material;
  std::set<std::string> seen;
  hashFile(path, seen, material);
  for (const auto& o : overrides) material += "\n--set " + o.path + "=" + o.value;
  return "fnv1a64:" + hex64(core::fnv1a64(material));
}

}  // namespace irdrill::scenario
