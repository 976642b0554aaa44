// Source locations and user-facing diagnostics.
//
// Model definitions loaded from files carry the location they came from, so a check
// made far from the parser (a desk inside a wall, an unreachable room) still reports
// `file:line:col: error: ...`. Diagnostics are collected, never printed, by sim/.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace irdrill::core {

struct SourceLocation {
  std::string file;  // as given by the user (relative paths stay relative)
  int line = 0;      // 1-based; 0 when unknown (a definition built in code)
  int column = 0;    // 1-based; 0 when unknown
};

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLocation where;
  std::string message;  // "what is wrong (expected one of: a, b, c)"
};

// `text` on one line: a line break or other control character (from a multi-line value
// or a file name echoed into a message) is written as an escape (\n, \r, \x01), so a
// diagnostic is always exactly one line.
inline std::string oneLine(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if ((byte < 0x20 && c != '\t') || byte == 0x7f) {
      const char* digits = "0123456789abcdef";
      out += "\\x";
      out += digits[byte >> 4];
      out += digits[byte & 15];
    } else {
      out += c;
    }
  }
  return out;
}

// "file:line:col: error: message", the format compilers use, so editors can jump to it.
// Always one line (oneLine).
inline std::string formatDiagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.where.file.empty()) {
    out += d.where.file;
    if (d.where.line > 0) {
      out += ':' + std::to_string(d.where.line);
      if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
    }
    out += ": ";
  }
  out += d.severity == Severity::Error ? "error: " : "warning: ";
  out += d.message;
  return oneLine(out);
}

// A number as people write it in messages: "800", "0.25", "1e-06" (up to 6 significant
// digits), not std::to_string's "800.000000".
inline std::string formatNumber(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

class Diagnostics {
 public:
  void error(SourceLocation where, std::string message) {
    items_.push_back({Severity::Error, std::move(where), std::move(message)});
  }
  void warning(SourceLocation where, std::string message) {
    items_.push_back({Severity::Warning, std::move(where), std::move(message)});
  }
  bool hasErrors() const {
    for (const auto& d : items_) {
      if (d.severity == Severity::Error) return true;
    }
    return false;
  }
  const std::vector<Diagnostic>& items() const { return items_; }
  void append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace irdrill::core
