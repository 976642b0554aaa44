#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/sweep/grid.hpp"

using irdrill::sweep::GridAxis;
using irdrill::sweep::parseGridAxis;

namespace {

GridAxis parsed(const std::string& text) {
  std::string error;
  const auto axis = parseGridAxis(text, error);
  INFO(text << ": " << error);
  REQUIRE(axis);
  return *axis;
}

std::string errorOf(const std::string& text) {
  std::string error;
  CHECK_FALSE(parseGridAxis(text, error));
  return error;
}

}  // namespace

TEST_CASE("A range includes its stop and gives START + i STEP") {
  const GridAxis axis = parsed("alerts.phone.hold_s=5:60:5");
  CHECK(axis.key == "alerts.phone.hold_s");
  REQUIRE(axis.values.size() == 12);
  for (std::size_t i = 0; i < 12; ++i) CHECK(axis.values[i] == 5.0 + 5.0 * static_cast<double>(i));
  CHECK(axis.valueTexts.front() == "5");
  CHECK(axis.valueTexts.back() == "60");
}

TEST_CASE("alert.X is short for alerts.phone.X; other keys are kept") {
  CHECK(parsed("alert.rssi_threshold_dbm=-90,-80").key == "alerts.phone.rssi_threshold_dbm");
  CHECK(parsed("reaction.respond_probability=0.5,0.9").key == "reaction.respond_probability");
  CHECK(parsed("alerts.gateway.hold_s=30").key == "alerts.gateway.hold_s");
}

TEST_CASE("Decimal steps land on STOP and on the decimals they are written with") {
  // 0.1 is not exact in binary: accumulating it would give 0.30000000000000004 and miss 1.
  const GridAxis tenths = parsed("k=0:1:0.1");
  REQUIRE(tenths.values.size() == 11);
  CHECK(tenths.values[3] == 0.3);
  CHECK(tenths.valueTexts[3] == "0.3");
  CHECK(tenths.values.back() == 1.0);

  const GridAxis rssi = parsed("alert.rssi_threshold_dbm=-95:-60:1.84");
  // floor(35 / 1.84) + 1 = 20 values, -95 to -60.04: STOP is not on the grid.
  REQUIRE(rssi.values.size() == 20);
  CHECK(rssi.values[1] == -93.16);
  CHECK(rssi.valueTexts[1] == "-93.16");
  CHECK(rssi.values.back() == -60.04);

  // 35 / 19 steps (rounded by the user) reach STOP within the tolerance: STOP itself.
  const GridAxis exact = parsed("k=-95:-60:1.8421052631578947");
  REQUIRE(exact.values.size() == 20);
  CHECK(exact.values.back() == -60.0);
}

TEST_CASE("Descending ranges, single values and lists") {
  const GridAxis down = parsed("k=-60:-95:-5");
  REQUIRE(down.values.size() == 8);
  CHECK(down.values.front() == -60);
  CHECK(down.values.back() == -95);
  CHECK(parsed("k=7:7:0").values == std::vector<double>{7});
  CHECK(parsed("k=42").values == std::vector<double>{42});
  const GridAxis list = parsed("k= -90, -85.5 ,+3,1e-3");
  CHECK(list.values == std::vector<double>{-90, -85.5, 3, 0.001});
  CHECK(list.valueTexts == std::vector<std::string>{"-90", "-85.5", "3", "0.001"});
}

TEST_CASE("Bad grid texts say what is wrong") {
  CHECK_THAT(errorOf("alert.hold_s"), Catch::Contains("expected KEY=START:STOP:STEP"));
  CHECK_THAT(errorOf("=1,2"), Catch::Contains("no key"));
  CHECK_THAT(errorOf("k="), Catch::Contains("no values"));
  CHECK_THAT(errorOf("k=5:60"), Catch::Contains("three numbers"));
  CHECK_THAT(errorOf("k=5:sixty:5"), Catch::Contains("STOP 'sixty'"));
  CHECK_THAT(errorOf("k=5:60:0"), Catch::Contains("STEP is 0"));
  CHECK_THAT(errorOf("k=5:60:-5"), Catch::Contains("goes away from STOP"));
  CHECK_THAT(errorOf("k=1,two,3"), Catch::Contains("value 'two'"));
  CHECK_THAT(errorOf("k=1,2,1"), Catch::Contains("listed twice"));
  CHECK_THAT(errorOf("k=0:1e6:1"), Catch::Contains("more than 1000 values"));
  CHECK_THAT(errorOf("k=nan,1"), Catch::Contains("not a number"));
}

TEST_CASE("Grid points are row-major with the last axis fastest") {
  std::vector<GridAxis> axes{parsed("a=1,2,3"), parsed("b=10,20")};
  CHECK(irdrill::sweep::gridPointCount(axes) == 6);
  CHECK(irdrill::sweep::gridPointDigits(axes, 0) == std::vector<std::size_t>{0, 0});
  CHECK(irdrill::sweep::gridPointDigits(axes, 1) == std::vector<std::size_t>{0, 1});
  CHECK(irdrill::sweep::gridPointDigits(axes, 4) == std::vector<std::size_t>{2, 0});
  std::string error;
  CHECK(irdrill::sweep::checkGrid(axes, error));
  axes.push_back(parsed("a=4"));
  CHECK_FALSE(irdrill::sweep::checkGrid(axes, error));
  CHECK_THAT(error, Catch::Contains("two --grid options"));
}

TEST_CASE("Only the phone rule's numeric keys are trace-mode keys") {
  using irdrill::sweep::phoneRuleKey;
  using irdrill::sweep::RuleKey;
  CHECK(phoneRuleKey("alerts.phone.rssi_threshold_dbm") == RuleKey::RssiThresholdDbm);
  CHECK(phoneRuleKey("alerts.phone.hold_s") == RuleKey::HoldS);
  CHECK(phoneRuleKey("alerts.phone.no_packet_timeout_s") == RuleKey::NoPacketTimeoutS);
  CHECK(phoneRuleKey("alerts.phone.moving_average_samples") == RuleKey::MovingAverageSamples);
  CHECK_FALSE(phoneRuleKey("alerts.gateway.hold_s"));
  CHECK_FALSE(phoneRuleKey("alerts.phone.smoothing"));
  CHECK_FALSE(phoneRuleKey("reaction.respond_probability"));
}
