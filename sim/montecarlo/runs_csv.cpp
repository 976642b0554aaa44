// runs.csv writing and reading (see runs_csv.hpp).
#include "sim/montecarlo/runs_csv.hpp"

#include <charconv>
#include <cmath>
#include <limits>

namespace irdrill::montecarlo {
namespace {

// The fields of a line with the 1-based column each starts at.
std::vector<std::pair<std::string_view, int>> splitFields(std::string_view line) {
  std::vector<std::pair<std::string_view, int>> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    fields.emplace_back(line.substr(start, comma == std::string_view::npos ? comma : comma - start),
                        static_cast<int>(start) + 1);
    if (comma == std::string_view::npos) return fields;
    start = comma + 1;
  }
}

std::optional<std::uint64_t> parseUnsigned(std::string_view text) {
  std::uint64_t value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || result.ec != std::errc() || result.ptr != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::string runsCsvHeader(const std::vector<MetricDef>& metrics) {
  std::string line = "replication,seed";
  for (const auto& metric : metrics) line += "," + metric.name;
  return line;
}

std::string csvNumber(double value) {
  if (std::isnan(value)) return "";
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string runsCsvRow(std::uint64_t replication, std::uint64_t seed, std::span<const double> values) {
  std::string line = std::to_string(replication) + "," + std::to_string(seed);
  for (const double value : values) {
    line += ',';
    line += csvNumber(value);
  }
  return line;
}

RunsCsvWriter::RunsCsvWriter(std::ostream& out, const std::vector<MetricDef>& metrics,
                             std::uint64_t masterSeed)
    : out_(out), masterSeed_(masterSeed) {
  out_ << runsCsvHeader(metrics) << '\n';
}

void RunsCsvWriter::onReplication(std::uint64_t replication, std::span<const double> values) {
  out_ << runsCsvRow(replication, masterSeed_, values) << '\n';
}

std::optional<std::vector<std::string>> parseRunsCsvHeader(std::string_view line, CsvError& error) {
  const auto fields = splitFields(line);
  if (fields.size() < 2 || fields[0].first != "replication" || fields[1].first != "seed") {
    error = {1, "not a runs.csv header (expected 'replication,seed,' and metric names)"};
    return std::nullopt;
  }
  std::vector<std::string> names;
  for (std::size_t i = 2; i < fields.size(); ++i) {
    if (fields[i].first.empty()) {
      error = {fields[i].second, "empty metric name in the header"};
      return std::nullopt;
    }
    names.emplace_back(fields[i].first);
  }
  return names;
}

std::optional<RunsCsvRow> parseRunsCsvRow(std::string_view line, std::size_t metricCount,
                                          CsvError& error) {
  const auto fields = splitFields(line);
  if (fields.size() != metricCount + 2) {
    error = {1, "expected " + std::to_string(metricCount + 2) + " fields, got " +
                    std::to_string(fields.size())};
    return std::nullopt;
  }
  RunsCsvRow row;
  const auto replication = parseUnsigned(fields[0].first);
  const auto seed = parseUnsigned(fields[1].first);
  if (!replication) {
    error = {fields[0].second, "expected a replication index, got '" + std::string(fields[0].first) + "'"};
    return std::nullopt;
  }
  if (!seed) {
    error = {fields[1].second, "expected a seed, got '" + std::string(fields[1].first) + "'"};
    return std::nullopt;
  }
  row.replication = *replication;
  row.seed = *seed;
  for (std::size_t i = 2; i < fields.size(); ++i) {
    const std::string_view text = fields[i].first;
    double value = std::numeric_limits<double>::quiet_NaN();
    if (!text.empty()) {
      const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
      if (result.ec != std::errc() || result.ptr != text.data() + text.size() || !std::isfinite(value)) {
        error = {fields[i].second, "expected a number or nothing, got '" + std::string(text) + "'"};
        return std::nullopt;
      }
    }
    row.values.push_back(value);
  }
  return row;
}

}  // namespace irdrill::montecarlo
