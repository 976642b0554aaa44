#include "sim/scenario/yaml_text_checks.hpp"

#include <cstdio>
#include <vector>

#include "sim/scenario/yaml_sources.hpp"

namespace irdrill::scenario {

std::optional<TextPosition> findNulByte(std::string_view text) {
  const std::size_t at = text.find('\0');
  if (at == std::string_view::npos) return std::nullopt;
  TextPosition position;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

std::optional<std::size_t> firstInvalidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      continue;
    }
    // Length and the smallest code point of that length (smaller ones are overlong).
    std::size_t length = 0;
    char32_t point = 0, smallest = 0;
    if ((byte & 0xE0) == 0xC0) {
      length = 2, point = byte & 0x1F, smallest = 0x80;
    } else if ((byte & 0xF0) == 0xE0) {
      length = 3, point = byte & 0x0F, smallest = 0x800;
    } else if ((byte & 0xF8) == 0xF0) {
      length = 4, point = byte & 0x07, smallest = 0x10000;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      point = (point << 6) | (next & 0x3F);
    }
    if (point < smallest || point > 0x10FFFF || (point >= 0xD800 && point <= 0xDFFF)) return i;
    i += length;
  }
  return std::nullopt;
}

namespace {

// A walk of the document as the loader sees it: an aliased node is visited every time it
// is used, which is what costs; the walk stops at the first problem, so its own work is
// at most kMaxExpandedNodes visits.
class DocumentCheck {
 public:
  std::optional<DocumentProblem> run(const YAML::Node& root) {
    visit(root, 1);
    return problem_;
  }

 private:
  void visit(const YAML::Node& node, int depth) {
    if (problem_) return;
    if (++visited_ > kMaxExpandedNodes) {
      fail(node, "the document is too large: more than " + std::to_string(kMaxExpandedNodes) +
                     " values with YAML aliases expanded (the limit of a scenario document; an "
                     "alias repeats its anchor's whole content each time it is used)");
      return;
    }
    if (depth > kMaxNestingDepth) {
      fail(node, "nested more than " + std::to_string(kMaxNestingDepth) +
                     " levels deep (the limit of a scenario document)");
      return;
    }
    if (node.IsScalar()) {
      checkText(node);
    } else if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end() && !problem_; ++it) {
        visit(it->first, depth + 1);
        visit(it->second, depth + 1);
      }
    } else if (node.IsSequence()) {
      for (auto it = node.begin(); it != node.end() && !problem_; ++it) visit(*it, depth + 1);
    }
  }

  void checkText(const YAML::Node& node) {
    const std::string& text = node.Scalar();
    if (text.find('\0') != std::string::npos) {
      fail(node, "a text with a NUL character (\\0), which no name or value may hold");
    } else if (const auto at = firstInvalidUtf8(text)) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(text[*at]));
      fail(node, std::string("a text that is not valid UTF-8 (byte ") + byte + " at byte " +
                     std::to_string(*at + 1) + "; scenario files are UTF-8)");
    }
  }

  void fail(const YAML::Node& node, std::string message) { problem_ = DocumentProblem{node.Mark(), std::move(message)}; }

  std::size_t visited_ = 0;
  std::optional<DocumentProblem> problem_;
};

}  // namespace

std::optional<DocumentProblem> checkDocument(const YAML::Node& root) { return DocumentCheck().run(root); }

}  // namespace irdrill::scenario
