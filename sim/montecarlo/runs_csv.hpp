// runs.csv: one row per replication, written as the run goes and read back by `irdrill
// merge`.
//
//   replication,seed,items_left_behind,...,crowd_reports
//   0,20240611,3,2,1,0.5,42.5,,0.125,...
//
// `replication` is the replication index and `seed` the run's master seed (so `irdrill
// run --seed S --replication R` replays a row). Numbers are the shortest decimal text that
// reads back as the same double (std::to_chars), so a merge recomputes the statistics
// bit for bit; an empty field is NaN (the metric does not apply). Lines end in "\n".
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/montecarlo/replication_model.hpp"
#include "sim/montecarlo/runner.hpp"

namespace irdrill::montecarlo {

std::string runsCsvHeader(const std::vector<MetricDef>& metrics);
// Shortest round-trip text; "" for NaN.
std::string csvNumber(double value);
std::string runsCsvRow(std::uint64_t replication, std::uint64_t seed, std::span<const double> values);

// Writes rows to a stream the caller owns (the header too, on construction).
class RunsCsvWriter : public ReplicationSink {
 public:
  RunsCsvWriter(std::ostream& out, const std::vector<MetricDef>& metrics, std::uint64_t masterSeed);
  void onReplication(std::uint64_t replication, std::span<const double> values) override;

 private:
  std::ostream& out_;
  std::uint64_t masterSeed_;
};

// Reading back. Errors carry the 1-based column of the field at fault.
struct CsvError {
  int column = 1;
  std::string message;
};
struct RunsCsvRow {
  std::uint64_t replication = 0;
  std::uint64_t seed = 0;
  std::vector<double> values;
};
// The metric names of a header line; an error when it is not a runs.csv header.
std::optional<std::vector<std::string>> parseRunsCsvHeader(std::string_view line, CsvError& error);
std::optional<RunsCsvRow> parseRunsCsvRow(std::string_view line, std::size_t metricCount,
                                          CsvError& error);

}  // namespace irdrill::montecarlo
