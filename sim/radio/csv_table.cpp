// Located CSV parsing for measurement files (see csv_table.hpp).
#include "sim/radio/csv_table.hpp"

#include "sim/core/input_file.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>

namespace irdrill::radio {
namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }

struct ParsedField {
  std::string text;
  std::size_t column = 0;  // 0-based byte offset where the field's text starts
};

// Splits one line (without its line end) into fields. On a malformed line returns false
// with errorColumn (0-based) and errorMessage set.
bool splitLine(std::string_view line, std::vector<ParsedField>& fields, std::size_t& errorColumn,
               std::string& errorMessage) {
  fields.clear();
  std::size_t i = 0;
  while (true) {
    while (i < line.size() && isBlank(line[i])) ++i;
    ParsedField field;
    field.column = i;
    if (i < line.size() && line[i] == '"') {
      const std::size_t open = i++;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field.text += '"';
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        field.text += line[i++];
      }
      if (!closed) {
        errorColumn = open;
        errorMessage = "unterminated quoted field (a quoted field cannot span lines)";
        return false;
      }
      while (i < line.size() && isBlank(line[i])) ++i;
      if (i < line.size() && line[i] != ',') {
        errorColumn = i;
        errorMessage = "unexpected text after a quoted field (expected ',')";
        return false;
      }
    } else {
      const std::size_t start = i;
      while (i < line.size() && line[i] != ',') {
        if (line[i] == '"') {
          errorColumn = i;
          errorMessage = "quote inside an unquoted field (quote the whole field)";
          return false;
        }
        ++i;
      }
      std::size_t end = i;
      while (end > start && isBlank(line[end - 1])) --end;
      field.text.assign(line.substr(start, end - start));
    }
    fields.push_back(std::move(field));
    if (i >= line.size()) return true;
    ++i;  // the comma; a trailing comma yields one more, empty field
  }
}

bool isBlankLine(std::string_view line) {
  for (char c : line) {
    if (!isBlank(c)) return false;
  }
  return true;
}

}  // namespace

std::optional<double> parseStrictNumber(std::string_view text) {
  if (!text.empty() && text.front() == '+') {
    text.remove_prefix(1);
    if (text.empty() || text.front() == '-' || text.front() == '+') return std::nullopt;
  }
  if (text.empty()) return std::nullopt;
  double value = 0;
  const char* end = text.data() + text.size();
  const auto result = std::from_chars(text.data(), end, value, std::chars_format::general);
  if (result.ec != std::errc() || result.ptr != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<CsvTable> CsvTable::parse(std::string_view text, std::string fileName,
                                        core::Diagnostics& diagnostics) {
  CsvTable table;
  table.fileName_ = std::move(fileName);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

  std::size_t errors = 0;
  auto report = [&](int line, std::size_t column0, std::string message) {
    diagnostics.error({table.fileName_, line, static_cast<int>(column0 + 1)}, std::move(message));
    ++errors;
  };

  bool haveHeader = false;
  std::vector<ParsedField> fields;
  std::size_t errorColumn = 0;
  std::string errorMessage;
  int lineNumber = 0;
  std::size_t pos = 0;
  while (pos < text.size() && errors < kMaxParseErrors) {
    std::size_t newline = text.find('\n', pos);
    if (newline == std::string_view::npos) newline = text.size();
    std::string_view line = text.substr(pos, newline - pos);
    pos = newline + 1;
    ++lineNumber;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (isBlankLine(line)) continue;

    if (!splitLine(line, fields, errorColumn, errorMessage)) {
      report(lineNumber, errorColumn, errorMessage);
      continue;
    }
    if (!haveHeader) {
      haveHeader = true;
      table.headerLine_ = lineNumber;
      for (const auto& field : fields) {
        if (field.text.empty()) {
          report(lineNumber, field.column, "empty column name in the header row");
        }
        for (const auto& earlier : table.columns_) {
          if (earlier == field.text && !field.text.empty()) {
            report(lineNumber, field.column, "duplicate column name '" + field.text + "'");
          }
        }
        table.columns_.push_back(field.text);
      }
      continue;
    }
    if (fields.size() != table.columns_.size()) {
      const std::size_t at = fields.size() > table.columns_.size()
                                 ? fields[table.columns_.size()].column
                                 : line.size();
      report(lineNumber, at,
             "expected " + std::to_string(table.columns_.size()) + " fields (as in the " +
                 "header), found " + std::to_string(fields.size()));
      continue;
    }
    if (table.values_.size() + line.size() > std::numeric_limits<std::uint32_t>::max()) {
      report(lineNumber, 0, "file too large (limit 4 GiB of cell text)");
      break;
    }
    for (const auto& field : fields) {
      table.cells_.push_back({static_cast<std::uint32_t>(table.values_.size()),
                              static_cast<std::uint32_t>(field.text.size()),
                              static_cast<std::uint32_t>(field.column + 1)});
      table.values_ += field.text;
    }
    table.lines_.push_back(lineNumber);
  }
  if (errors >= kMaxParseErrors && pos < text.size()) {
    diagnostics.error({table.fileName_, lineNumber, 0},
                      "too many errors, stopped reading the file here");
  }
  if (!haveHeader && errors == 0) {
    diagnostics.error({table.fileName_, 0, 0}, "empty file (expected a header row)");
    ++errors;
  }
  if (errors > 0) return std::nullopt;
  return table;
}

std::optional<CsvTable> CsvTable::readFile(const std::string& path,
                                           core::Diagnostics& diagnostics) {
  // Only a regular file within the size limit (input_file.hpp): /dev/zero, /dev/urandom
  // or a FIFO are refused at once instead of read forever or waited on.
  std::string problem;
  const auto text = core::readInputFile(path, core::kCsvFileMaxBytes, "a CSV file", problem);
  if (!text) {
    diagnostics.error({path, 0, 0}, "cannot open the file: " + problem);
    return std::nullopt;
  }
  return parse(*text, path, diagnostics);
}

std::optional<std::size_t> CsvTable::findColumn(std::string_view name) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == name) return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> CsvTable::requireColumn(std::string_view name, std::string_view what,
                                                   core::Diagnostics& diagnostics) const {
  if (auto index = findColumn(name)) return index;
  std::string valid;
  for (const auto& column : columns_) {
    if (!valid.empty()) valid += ", ";
    valid += column;
  }
  diagnostics.error({fileName_, headerLine_, 1}, "no column '" + std::string(name) + "' for " +
                                                     std::string(what) + " (columns: " + valid +
                                                     ")");
  return std::nullopt;
}

std::string_view CsvTable::cell(std::size_t row, std::size_t column) const {
  const Cell& c = cells_[row * columns_.size() + column];
  return std::string_view(values_).substr(c.offset, c.length);
}

core::SourceLocation CsvTable::where(std::size_t row, std::size_t column) const {
  return {fileName_, lines_[row], static_cast<int>(cells_[row * columns_.size() + column].column)};
}

std::optional<double> CsvTable::number(std::size_t row, std::size_t column,
                                       core::Diagnostics& diagnostics) const {
  const std::string_view text = cell(row, column);
  if (auto value = parseStrictNumber(text)) return value;
  diagnostics.error(
      where(row, column),
      "column '" + columns_[column] + "': expected a number, got '" + std::string(text) + "'");
  return std::nullopt;
}

}  // namespace irdrill::radio
