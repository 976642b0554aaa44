#include "sim/session/json_locations.hpp"

#include <cstddef>

namespace irdrill::session {

// A recursive descent over already-validated JSON that records where each member and
// element begins. Below maxDepth, values are skipped by counting brackets, without
// recursion, so a deeply nested file cannot exhaust the stack.
class JsonLocationScanner {
 public:
  JsonLocationScanner(std::string_view text, JsonLocations& out, int maxDepth)
      : text_(text), out_(out), maxDepth_(maxDepth) {}

  void scan() {
    // The parser accepts a UTF-8 byte order mark; it is not part of the first value.
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    skipSpace();
    record("");
    value("", 0);
  }

 private:
  void advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      column_ = 1;
    } else {
      ++column_;
    }
    ++pos_;
  }
  bool more() const { return pos_ < text_.size(); }
  char peek() const { return more() ? text_[pos_] : '\0'; }
  void skipSpace() {
    while (more() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) advance();
  }
  void record(const std::string& path) { out_.positions_.emplace(path, JsonLocations::LineColumn{line_, column_}); }

  // A string literal's content (escapes kept as written: keys we look up are plain ASCII).
  std::string stringLiteral() {
    std::string content;
    advance();  // opening quote
    while (more() && peek() != '"') {
      if (peek() == '\\') {
        content += peek();
        advance();
      }
      if (more()) {
        content += peek();
        advance();
      }
    }
    if (more()) advance();  // closing quote
    return content;
  }

  void skipValue() {
    int depth = 0;
    while (more()) {
      const char c = peek();
      if (c == '"') {
        stringLiteral();
        if (depth == 0) return;
        continue;
      }
      if (depth == 0 && (c == ',' || c == '}' || c == ']')) return;  // a scalar's end: the parent's delimiter
      if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) {
          advance();
          return;
        }
      }
      advance();
    }
  }

  void value(const std::string& path, int depth) {
    skipSpace();
    if (depth >= maxDepth_) {
      skipValue();
      return;
    }
    const char c = peek();
    if (c == '{') {
      advance();
      skipSpace();
      while (more() && peek() != '}') {
        const int keyLine = line_;
        const int keyColumn = column_;
        const std::string key = stringLiteral();
        const std::string member = path.empty() ? key : path + "." + key;
        if (!out_.positions_.emplace(member, JsonLocations::LineColumn{keyLine, keyColumn}).second) {
          // Elements are numbered, so a path met again is a key repeated in one object.
          out_.duplicates_.push_back(member);
          out_.positions_[member] = {keyLine, keyColumn};
        }
        skipSpace();
        if (peek() == ':') advance();
        value(member, depth + 1);
        skipSpace();
        if (peek() == ',') {
          advance();
          skipSpace();
        }
      }
      if (more()) advance();
    } else if (c == '[') {
      advance();
      skipSpace();
      int index = 0;
      while (more() && peek() != ']') {
        const std::string element = path + "[" + std::to_string(index++) + "]";
        record(element);
        value(element, depth + 1);
        skipSpace();
        if (peek() == ',') {
          advance();
          skipSpace();
        }
      }
      if (more()) advance();
    } else {
      skipValue();
    }
  }

  std::string_view text_;
  JsonLocations& out_;
  int maxDepth_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

JsonLocations::JsonLocations(std::string_view text, std::string file, int maxDepth) : file_(std::move(file)) {
  JsonLocationScanner(text, *this, maxDepth).scan();
}

core::SourceLocation JsonLocations::at(const std::string& path) const {
  std::string prefix = path;
  for (;;) {
    if (const auto it = positions_.find(prefix); it != positions_.end()) {
      return {file_, it->second.line, it->second.column};
    }
    if (prefix.empty()) return {file_, 0, 0};
    // Up one level: drop the last ".key" or "[n]".
    const std::size_t cut = prefix.find_last_of(".[");
    prefix.resize(cut == std::string::npos ? 0 : cut);
  }
}

core::SourceLocation locationOfOffset(std::string_view text, std::size_t offset, const std::string& file) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {file, line, column};
}

}  // namespace irdrill::session
