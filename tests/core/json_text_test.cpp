// JSON text helpers: seconds written exactly from integer microseconds, strings escaped.
#include <catch2/catch.hpp>

#include "sim/core/json_text.hpp"

using irdrill::core::jsonSecondsFromUs;
using irdrill::core::jsonString;

TEST_CASE("seconds from microseconds are exact, with no trailing zeros") {
  CHECK(jsonSecondsFromUs(25230000000LL) == "25230");
  CHECK(jsonSecondsFromUs(25230500000LL) == "25230.5");
  CHECK(jsonSecondsFromUs(25230000123LL) == "25230.000123");
  CHECK(jsonSecondsFromUs(1100000) == "1.1");
  CHECK(jsonSecondsFromUs(0) == "0");
  CHECK(jsonSecondsFromUs(-1500000) == "-1.5");
  CHECK(jsonSecondsFromUs(-1) == "-0.000001");
}

TEST_CASE("strings are quoted with quotes, backslashes and control characters escaped") {
  CHECK(jsonString("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"");
  CHECK(jsonString(std::string("\x01", 1)) == "\"\\u0001\"");
  CHECK(jsonString("漏えい") == "\"漏えい\"");
}
