#include "sim/scenario/scenario_hash.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

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
  material += std::to_string(text->size()) + ":" + *text;
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
