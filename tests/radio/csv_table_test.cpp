// The measurement-file reader: cells, quoting, strict numbers, and located errors.
#include "sim/radio/csv_table.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace irdrill;
using Catch::Matchers::Contains;

namespace {

std::string firstError(const core::Diagnostics& diagnostics) {
  REQUIRE_FALSE(diagnostics.items().empty());
  return core::formatDiagnostic(diagnostics.items().front());
}

}  // namespace

TEST_CASE("A CSV table gives trimmed, unquoted cells and their locations") {
  core::Diagnostics diagnostics;
  const auto table = radio::CsvTable::parse(
      "\xEF\xBB\xBF"
      "distance_m, rssi_dbm ,note\r\n"
      "\n"
      "1.5,-60,\"a, b\"\r\n"
      "  2e0 ,\t-61.25,\"say \"\"hi\"\"\"\n",
      "m.csv", diagnostics);
  REQUIRE(table);
  CHECK_FALSE(diagnostics.hasErrors());
  CHECK(table->columns() == std::vector<std::string>{"distance_m", "rssi_dbm", "note"});
  REQUIRE(table->rowCount() == 2);
  CHECK(table->cell(0, 2) == "a, b");
  CHECK(table->cell(1, 0) == "2e0");
  CHECK(table->cell(1, 2) == "say \"hi\"");
  CHECK(table->where(1, 1).line == 4);
  CHECK(table->where(1, 1).column == 9);  // after "  2e0 ,\t"
  CHECK(*table->number(1, 1, diagnostics) == -61.25);
  CHECK(*table->number(1, 0, diagnostics) == 2.0);
  CHECK(table->findColumn("rssi_dbm") == 1u);
  CHECK_FALSE(table->findColumn("rssi").has_value());
}

TEST_CASE("A bad number is reported at file:line:col with the column and the text") {
  core::Diagnostics diagnostics;
  const auto table = radio::CsvTable::parse("d,rssi\n1,-60\n2,-6O\n3,nan\n4,12 dB\n+5,1e999\n",
                                            "m.csv", diagnostics);
  REQUIRE(table);
  CHECK(*table->number(0, 1, diagnostics) == -60.0);
  CHECK_FALSE(diagnostics.hasErrors());
  CHECK_FALSE(table->number(1, 1, diagnostics));
  CHECK(firstError(diagnostics) == "m.csv:3:3: error: column 'rssi': expected a number, got '-6O'");
  CHECK_FALSE(table->number(2, 1, diagnostics));    // not finite
  CHECK_FALSE(table->number(3, 1, diagnostics));    // trailing unit
  CHECK_FALSE(table->number(4, 1, diagnostics));    // out of range
  CHECK(*table->number(4, 0, diagnostics) == 5.0);  // a leading + is fine
  CHECK(diagnostics.items().size() == 4);
}

TEST_CASE("Strict number parsing accepts decimal and scientific forms only") {
  CHECK(radio::parseStrictNumber("-54") == -54.0);
  CHECK(radio::parseStrictNumber("3.048") == 3.048);
  CHECK(radio::parseStrictNumber(".5") == 0.5);
  CHECK(radio::parseStrictNumber("1e-3") == 0.001);
  CHECK(radio::parseStrictNumber("+2") == 2.0);
  for (const char* bad :
       {"", "+", "+-1", "--1", "1,5", "0x10", "inf", "-nan", "1e", " 1", "1.2.3"}) {
    INFO(bad);
    CHECK_FALSE(radio::parseStrictNumber(bad).has_value());
  }
}

TEST_CASE("An unknown column name lists the valid ones at the header line") {
  core::Diagnostics diagnostics;
  // The header is the first non-blank line, here line 2.
  const auto table =
      radio::CsvTable::parse("\ntx_carry,distance_m,rssi_dbm\nHand,1,-50\n", "m.csv", diagnostics);
  REQUIRE(table);
  CHECK(table->requireColumn("rssi_dbm", "--rssi-column", diagnostics) == 2u);
  CHECK_FALSE(table->requireColumn("rssi", "--rssi-column", diagnostics).has_value());
  CHECK(firstError(diagnostics) ==
        "m.csv:2:1: error: no column 'rssi' for --rssi-column (columns: "
        "tx_carry, distance_m, rssi_dbm)");
}

TEST_CASE("Malformed lines are reported where they go wrong") {
  core::Diagnostics diagnostics;
  SECTION("too many fields points at the first extra one") {
    CHECK_FALSE(radio::CsvTable::parse("a,b\n1,2\n1,2,3\n", "m.csv", diagnostics));
    CHECK(firstError(diagnostics) ==
          "m.csv:3:5: error: expected 2 fields (as in the header), found 3");
  }
  SECTION("too few fields points at the end of the line") {
    CHECK_FALSE(radio::CsvTable::parse("a,b\n1\n", "m.csv", diagnostics));
    CHECK(firstError(diagnostics) ==
          "m.csv:2:2: error: expected 2 fields (as in the header), found 1");
  }
  SECTION("an unterminated quote points at the quote") {
    CHECK_FALSE(radio::CsvTable::parse("a,b\n1,\"x\n", "m.csv", diagnostics));
    CHECK_THAT(firstError(diagnostics), Contains("m.csv:2:3: error: unterminated quoted field"));
  }
  SECTION("duplicate and empty column names") {
    CHECK_FALSE(radio::CsvTable::parse("a,,a\n", "m.csv", diagnostics));
    REQUIRE(diagnostics.items().size() == 2);
    CHECK(core::formatDiagnostic(diagnostics.items()[0]) ==
          "m.csv:1:3: error: empty column name in the header row");
    CHECK(core::formatDiagnostic(diagnostics.items()[1]) ==
          "m.csv:1:4: error: duplicate column name 'a'");
  }
  SECTION("an empty file") {
    CHECK_FALSE(radio::CsvTable::parse(" \n\n", "m.csv", diagnostics));
    CHECK(firstError(diagnostics) == "m.csv: error: empty file (expected a header row)");
  }
  SECTION("errors stop after a limit") {
    std::string text = "a,b\n";
    for (int i = 0; i < 100; ++i) text += "1\n";
    CHECK_FALSE(radio::CsvTable::parse(text, "m.csv", diagnostics));
    CHECK(diagnostics.items().size() == radio::CsvTable::kMaxParseErrors + 1);
    CHECK_THAT(core::formatDiagnostic(diagnostics.items().back()), Contains("too many errors"));
  }
}

TEST_CASE("A missing file is a located error, not an exception") {
  core::Diagnostics diagnostics;
  CHECK_FALSE(radio::CsvTable::readFile("/nonexistent/m.csv", diagnostics));
  CHECK_THAT(firstError(diagnostics), Contains("/nonexistent/m.csv: error: cannot open"));
}
