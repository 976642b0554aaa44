// The YAML files of one scenario load: reading and parsing them, resolving `include`
// directives relative to the including file, detecting include cycles, and turning a
// node's position into a 1-based `file:line:col` in the file it really came from.
//
// Internal to the scenario loader (sim/scenario/); the public API is scenario_loader.hpp.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "sim/core/diagnostics.hpp"
#include "sim/scenario/key_catalogue.hpp"

namespace irdrill::scenario {

// One parsed file.
struct SourceFile {
  std::string displayPath;    // shown in messages; relative when the user gave it so
  std::string identity;       // canonical path, to recognise a file met twice
  std::string directory;      // where its includes are resolved from ("" = cwd)
  std::optional<YAML::Node> root;  // empty when it could not be read, parsed or checked
  int lineCount = 0;               // lines of its text: overrides place their nodes past them
};

// Limits of one scenario document, checked right after parsing (yaml_sources.cpp), so
// no later walk of an alias-multiplied tree can hang the program or eat its memory.
// Documented in docs/scenario-format.md "Limits".
inline constexpr std::size_t kMaxExpandedNodes = 2'000'000;  // nodes, aliases counted each time used
inline constexpr int kMaxNestingDepth = 64;                  // mappings and lists within one another

// One step of an include chain: this file, included from `parent` (null for the root).
struct IncludeFrame {
  const SourceFile* file = nullptr;
  const IncludeFrame* parent = nullptr;
};

// A YAML node with the file it was read from. `mark` is where messages about it point:
// the node itself, or its key when the value is empty (yaml-cpp then marks the next
// token, often on a later line).
//
// Assigning a Node rebinds it to the other's YAML node; it never writes into the
// document. (Assigning a YAML::Node that refers to a node replaces that node's content in
// the document: `entry.at = other` would turn a shared employee mapping into a desk name,
// and a file included twice, or an alias used twice, would then read differently the
// second time. Loading must never modify its input.)
struct Node {
  YAML::Node yaml;
  const IncludeFrame* frame = nullptr;
  YAML::Mark mark;

  Node() = default;
  Node(YAML::Node y, const IncludeFrame* f, YAML::Mark m) : yaml(std::move(y)), frame(f), mark(m) {}
  // Copying makes a Node that refers to the same YAML node, as YAML::Node's copy does.
  Node(const Node&) = default;
  Node& operator=(const Node& other) {
    yaml.reset(other.yaml);
    frame = other.frame;
    mark = other.mark;
    return *this;
  }
};

class SourceSet {
 public:
  SourceSet(core::Diagnostics& diagnostics, KeyCatalogue* catalogue)
      : diagnostics_(diagnostics), catalogue_(catalogue) {}
  SourceSet(const SourceSet&) = delete;
  SourceSet& operator=(const SourceSet&) = delete;

  // The root document, from disk or from memory (then `displayName` stands for its path:
  // includes resolve from its directory). Empty after reporting why it failed.
  std::optional<Node> openRoot(const std::string& path);
  std::optional<Node> openRootText(std::string_view yaml, const std::string& displayName);

  // The document named by `pathNode` (a scalar path relative to its own file). Reports,
  // at `pathNode`, a missing file, a syntax error's location in the included file, or a
  // cycle with the whole chain. Empty on failure.
  std::optional<Node> include(const Node& pathNode);

  // A child node of `parent`'s file; `key` (if any) locates an empty value.
  Node child(const Node& parent, const YAML::Node& yaml, const YAML::Node* key = nullptr) const;

  core::SourceLocation locate(const Node& node) const;
  void error(const Node& at, std::string message) { diagnostics_.error(locate(at), std::move(message)); }
  void error(core::SourceLocation at, std::string message) {
    diagnostics_.error(std::move(at), std::move(message));
  }
  core::Diagnostics& diagnostics() { return diagnostics_; }
  KeyCatalogue* catalogue() { return catalogue_; }

 private:
  // The file at `path` (shown as `displayPath`), parsed once and cached by identity.
  // Reports a read or syntax error at `from` (null: at the file itself) the first time.
  const SourceFile& load(const std::string& path, const std::string& displayPath,
                         const Node* from);
  const SourceFile& parse(std::unique_ptr<SourceFile> file, const std::string& text);
  const IncludeFrame* pushFrame(const SourceFile* file, const IncludeFrame* parent);
  std::optional<Node> rootNode(const SourceFile& file, const IncludeFrame* frame);

  core::Diagnostics& diagnostics_;
  KeyCatalogue* catalogue_;
  std::map<std::string, std::unique_ptr<SourceFile>> files_;  // by identity
  std::deque<IncludeFrame> frames_;  // deque: frames are pointed to, never moved
};

}  // namespace irdrill::scenario
