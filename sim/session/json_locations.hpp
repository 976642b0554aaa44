// Where things are in a JSON text: the line and column of each member and element, by
// path ("entries[3].decision.kind"), so messages about a session file's content point at
// the line to fix, as the scenario loader's do. nlohmann::json keeps no positions, hence
// this second, cheap pass over text the parser has already accepted.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/diagnostics.hpp"

namespace irdrill::session {

class JsonLocations {
 public:
  // Scans valid JSON `text` (as accepted by nlohmann::json). Paths deeper than `maxDepth`
  // are not recorded (their nearest recorded parent stands for them).
  JsonLocations(std::string_view text, std::string file, int maxDepth = 4);

  // The location of `path` (a member: its key; an element: its first character), or of
  // the nearest enclosing path that has one; the file alone when none has.
  core::SourceLocation at(const std::string& path) const;
  // Paths of members whose key was met twice in the same object, at the second one.
  const std::vector<std::string>& duplicates() const { return duplicates_; }

 private:
  struct LineColumn {
    int line = 0;
    int column = 0;
  };
  std::string file_;
  std::map<std::string, LineColumn, std::less<>> positions_;
  std::vector<std::string> duplicates_;

  friend class JsonLocationScanner;
};

// Line and column (1-based, column in bytes) of byte `offset` of `text`.
core::SourceLocation locationOfOffset(std::string_view text, std::size_t offset, const std::string& file);

}  // namespace irdrill::session
