// Checks of a scenario file's text and of its parsed document that protect everything
// after them (internal to the scenario loader, yaml_sources.cpp):
// - no NUL byte in the text (the YAML reader's message for one is misleading);
// - the document, aliases expanded, has at most kMaxExpandedNodes nodes and nests at most
//   kMaxNestingDepth levels: an alias bomb of a few hundred bytes or one wall list reused
//   by thousands of floors is refused at once, naming the limit, and the work of the
//   check itself is bounded by the limit;
// - every text (keys and values) is valid UTF-8 without NUL characters, so names are
//   never printed raw into messages, logs or reports.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace irdrill::scenario {

struct TextPosition {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in bytes
};
std::optional<TextPosition> findNulByte(std::string_view text);

// The byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and
// code points past U+10FFFF are invalid), nullopt when the text is valid.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text);

struct DocumentProblem {
  YAML::Mark mark;
  std::string message;
};
std::optional<DocumentProblem> checkDocument(const YAML::Node& root);

}  // namespace irdrill::scenario
