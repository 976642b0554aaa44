// A small reader for user measurement files (comma-separated values with a header row),
// strict enough to point at the exact bad cell: every problem is reported as a
// core::Diagnostic located at `file:line:col`, never printed.
//
// Format: the first non-blank line names the columns; each later non-blank line is one
// row with exactly as many fields. Fields are separated by commas; spaces and tabs around
// a field are ignored; a field may be double-quoted (RFC 4180: "" inside stands for a
// quote; a quoted field cannot span lines). CRLF line ends and a UTF-8 byte-order mark
// are accepted. Numbers are decimal or scientific, optionally signed, and finite
// (`nan`, `inf`, `12 dB`, `1,5` are errors).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/diagnostics.hpp"

namespace irdrill::radio {

class CsvTable {
 public:
  // Stop parsing after this many malformed lines (a binary file would report thousands).
  static constexpr std::size_t kMaxParseErrors = 20;

  // Parses `text`; `fileName` is only used in diagnostics. Returns nullopt when any
  // error was reported.
  static std::optional<CsvTable> parse(std::string_view text, std::string fileName,
                                       core::Diagnostics& diagnostics);
  // Reads and parses the file at `path` (an unreadable file is reported, not thrown).
  static std::optional<CsvTable> readFile(const std::string& path, core::Diagnostics& diagnostics);

  const std::string& fileName() const { return fileName_; }
  const std::vector<std::string>& columns() const { return columns_; }
  std::size_t rowCount() const { return lines_.size(); }

  std::optional<std::size_t> findColumn(std::string_view name) const;
  // As findColumn, but reports an unknown name at the header line together with the
  // valid ones: "no column 'x' (columns: a, b, c)". `what` says which option asked.
  std::optional<std::size_t> requireColumn(std::string_view name, std::string_view what,
                                           core::Diagnostics& diagnostics) const;

  // Unquoted, trimmed text of a cell. row < rowCount(), column < columns().size().
  std::string_view cell(std::size_t row, std::size_t column) const;
  // Where the cell starts in the file (1-based line and column, in bytes).
  core::SourceLocation where(std::size_t row, std::size_t column) const;
  // The cell as a finite number, or nullopt after reporting
  // "column 'name': expected a number, got 'text'" at the cell.
  std::optional<double> number(std::size_t row, std::size_t column,
                               core::Diagnostics& diagnostics) const;

 private:
  struct Cell {
    std::uint32_t offset = 0;  // into values_
    std::uint32_t length = 0;
    std::uint32_t column = 0;  // 1-based byte column in the source line
  };

  std::string fileName_;
  int headerLine_ = 1;
  std::vector<std::string> columns_;
  std::string values_;       // every cell's text, concatenated
  std::vector<Cell> cells_;  // row-major, columns_.size() per row
  std::vector<int> lines_;   // source line of each row
};

// Strict number parsing shared with the CLI: the whole of `text` must be a finite decimal
// or scientific number (a leading '+' is allowed).
std::optional<double> parseStrictNumber(std::string_view text);

}  // namespace irdrill::radio
