// runs.csv text: numbers read back to the same double, NaN as an empty field, and
// located errors for malformed rows.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>

#include "sim/montecarlo/runs_csv.hpp"

using namespace irdrill::montecarlo;

TEST_CASE("CSV numbers are the shortest text that reads back exactly") {
  CHECK(csvNumber(0.1) == "0.1");
  CHECK(csvNumber(3) == "3");
  CHECK(csvNumber(-0.0) == "-0");
  CHECK(csvNumber(std::nan("")) == "");
  const std::vector<double> values = {1.0 / 3, 1e-300, -2.5e17, 0.1 + 0.2, std::nan(""), -0.0,
                                      std::numeric_limits<double>::denorm_min()};
  const std::string line = runsCsvRow(4, 99, values);
  CsvError error;
  const auto row = parseRunsCsvRow(line, values.size(), error);
  REQUIRE(row);
  CHECK(row->replication == 4);
  CHECK(row->seed == 99);
  REQUIRE(row->values.size() == values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (std::isnan(values[i])) {
      CHECK(std::isnan(row->values[i]));
    } else {
      CHECK(std::memcmp(&row->values[i], &values[i], sizeof(double)) == 0);
    }
  }
}

TEST_CASE("The header names replication, seed and the metrics") {
  const std::vector<MetricDef> metrics = {{"a_s", "s", ""}, {"b", "", ""}};
  CHECK(runsCsvHeader(metrics) == "replication,seed,a_s,b");
  CsvError error;
  CHECK(parseRunsCsvHeader("replication,seed,a_s,b", error) == std::vector<std::string>{"a_s", "b"});
  CHECK_FALSE(parseRunsCsvHeader("rep,seed,a_s", error));
}

TEST_CASE("A malformed row names the column at fault") {
  CsvError error;
  CHECK_FALSE(parseRunsCsvRow("1,2,3", 2, error));
  CHECK(error.message == "expected 4 fields, got 3");
  CHECK_FALSE(parseRunsCsvRow("1,2,3,x4", 2, error));
  CHECK(error.column == 7);
  CHECK(error.message == "expected a number or nothing, got 'x4'");
  CHECK_FALSE(parseRunsCsvRow("-1,2,3,4", 2, error));
  CHECK(error.column == 1);
}
