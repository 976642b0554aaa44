// Reading, parsing and including the YAML files of a scenario (see yaml_sources.hpp).
#include "sim/scenario/yaml_sources.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include <yaml-cpp/depthguard.h>

#include "sim/core/input_file.hpp"
#include "sim/scenario/yaml_text_checks.hpp"

namespace irdrill::scenario {
namespace fs = std::filesystem;

namespace {

// The path used to recognise one file reached by two spellings (a/../b.yaml, symlinks).
std::string identityOf(const std::string& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::path(path), ec);
  if (ec) canonical = fs::absolute(fs::path(path), ec).lexically_normal();
  return canonical.string();
}

std::string directoryOf(const std::string& path) {
  return fs::path(path).parent_path().string();
}

// yaml-cpp marks are 0-based and null (-1) for an empty document.
core::SourceLocation toLocation(const std::string& file, const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0) return {file, 1, 1};
  return {file, mark.line + 1, mark.column + 1};
}

}  // namespace

std::optional<Node> SourceSet::openRoot(const std::string& path) {
  const SourceFile& file = load(path, path, nullptr);
  return rootNode(file, pushFrame(&file, nullptr));
}

std::optional<Node> SourceSet::openRootText(std::string_view yaml,
                                            const std::string& displayName) {
  auto file = std::make_unique<SourceFile>();
  file->displayPath = displayName;
  file->identity = identityOf(displayName);
  file->directory = directoryOf(displayName);
  const SourceFile& parsed = parse(std::move(file), std::string(yaml));
  return rootNode(parsed, pushFrame(&parsed, nullptr));
}

std::optional<Node> SourceSet::include(const Node& pathNode) {
  if (!pathNode.yaml.IsScalar() || pathNode.yaml.Scalar().empty()) {
    error(pathNode, "expected a file path for 'include' (relative to this file)");
    return std::nullopt;
  }
  const std::string& written = pathNode.yaml.Scalar();
  const SourceFile& including = *pathNode.frame->file;
  const fs::path target = fs::path(written).is_absolute()
                              ? fs::path(written)
                              : fs::path(including.directory) / written;
  const std::string displayPath = target.lexically_normal().string();

  // A cycle is the target already on the chain that led here. The message names the
  // whole chain from the root file, so the user sees how the cycle is reached and which
  // include closes it.
  const std::string identity = identityOf(displayPath);
  std::vector<const SourceFile*> chain;
  bool cycle = false;
  for (const IncludeFrame* f = pathNode.frame; f != nullptr; f = f->parent) {
    chain.push_back(f->file);
    cycle = cycle || f->file->identity == identity;
  }
  if (cycle) {
    std::string text;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) text += (*it)->displayPath + " -> ";
    error(pathNode, "include cycle: " + text + displayPath);
    return std::nullopt;
  }

  const SourceFile& file = load(displayPath, displayPath, &pathNode);
  return rootNode(file, pushFrame(&file, pathNode.frame));
}

Node SourceSet::child(const Node& parent, const YAML::Node& yaml, const YAML::Node* key) const {
  YAML::Mark mark = yaml.Mark();
  if ((yaml.IsNull() || mark.is_null()) && key != nullptr) mark = key->Mark();
  return Node{yaml, parent.frame, mark};
}

core::SourceLocation SourceSet::locate(const Node& node) const {
  return toLocation(node.frame->file->displayPath, node.mark);
}

const SourceFile& SourceSet::load(const std::string& path, const std::string& displayPath,
                                  const Node* from) {
  const std::string identity = identityOf(path);
  if (auto it = files_.find(identity); it != files_.end()) return *it->second;

  auto file = std::make_unique<SourceFile>();
  file->displayPath = displayPath;
  file->identity = identity;
  file->directory = directoryOf(displayPath);

  // Only a regular file of at most kScenarioFileMaxBytes is read: never a device, a FIFO
  // (which would block) or a huge sparse file.
  std::string problem;
  std::error_code ec;
  std::string text;
  if (!fs::exists(path, ec)) {
    problem = "no such file";
  } else if (auto read = core::readInputFile(path, core::kScenarioFileMaxBytes, "a scenario file", problem)) {
    text = std::move(*read);
  }
  if (!problem.empty()) {
    if (from != nullptr) {
      error(*from, "cannot read included file '" + displayPath + "': " + problem);
    } else {
      error(core::SourceLocation{displayPath, 0, 0}, "cannot read scenario file: " + problem);
    }
    const SourceFile& stored = *file;
    files_.emplace(identity, std::move(file));
    return stored;
  }
  return parse(std::move(file), text);
}

const SourceFile& SourceSet::parse(std::unique_ptr<SourceFile> file, const std::string& text) {
  file->lineCount = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  // What the YAML reader would misread or pass on raw is refused with the reason first.
  if (const auto bad = findNulByte(text)) {
    error(core::SourceLocation{file->displayPath, bad->line, bad->column},
          "a NUL byte in the file (a scenario file is UTF-8 text)");
  } else {
    try {
      std::vector<YAML::Node> documents = YAML::LoadAll(text);
      if (documents.size() > 1) {
        error(toLocation(file->displayPath, documents[1].Mark()),
              "a second YAML document in one file (a scenario file holds one document; "
              "use 'include' to combine files)");
      } else if (const auto problem = checkDocument(documents.empty() ? YAML::Node() : documents[0])) {
        error(toLocation(file->displayPath, problem->mark), problem->message);
      } else {
        file->root = documents.empty() ? YAML::Node() : documents[0];
      }
    } catch (const YAML::DeepRecursion& e) {
      error(toLocation(file->displayPath, e.mark),
            "invalid YAML: nested more than " + std::to_string(e.depth() - 1) +
                " levels deep (the YAML reader's limit; a scenario nests at most " +
                std::to_string(kMaxNestingDepth) + ")");
    } catch (const YAML::Exception& e) {
      error(toLocation(file->displayPath, e.mark), "invalid YAML: " + e.msg);
    }
  }
  const SourceFile& stored = *file;
  const std::string identity = file->identity;
  files_[identity] = std::move(file);
  return stored;
}

const IncludeFrame* SourceSet::pushFrame(const SourceFile* file, const IncludeFrame* parent) {
  frames_.push_back(IncludeFrame{file, parent});
  return &frames_.back();
}

std::optional<Node> SourceSet::rootNode(const SourceFile& file, const IncludeFrame* frame) {
  if (!file.root) return std::nullopt;
  return Node{*file.root, frame, file.root->Mark()};
}

}  // namespace irdrill::scenario
