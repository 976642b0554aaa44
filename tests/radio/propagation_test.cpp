// Mean received power: path-loss formula, wall and body losses, link culling range, and
// the statistics of independently drawn packets.
#include "sim/radio/propagation.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "sim/core/random_streams.hpp"
#include "sim/radio/fading.hpp"

using namespace irdrill;
using radio::CarryPosition;

namespace {

radio::PropagationDef testDef() {
  radio::PropagationDef def;
  def.referenceLossDb = 40.0;
  def.pathLossExponent = 2.0;
  def.bodyLossDb = {0.0, 3.0, 11.0, 4.5, 1.5, -2.0};
  return def;
}

}  // namespace

TEST_CASE("Path loss follows reference loss + 10 n log10(d) at several distances") {
  const radio::PropagationModel model(testDef());
  // 40 + 20 log10(d): hand-computed values.
  CHECK(model.pathLossDb(1.0) == Approx(40.0).margin(1e-12));
  CHECK(model.pathLossDb(10.0) == Approx(60.0).margin(1e-12));
  CHECK(model.pathLossDb(2.0) == Approx(46.0206).margin(1e-4));
  CHECK(model.pathLossDb(0.5) == Approx(33.9794).margin(1e-4));
  CHECK(model.pathLossDb(35.0) == Approx(70.8814).margin(1e-4));
}

TEST_CASE("Path loss is clamped at 0.1 m so touching devices do not gain power") {
  const radio::PropagationModel model(testDef());
  const double atClamp = 40.0 - 20.0;  // 20 log10(0.1) = -20
  CHECK(model.pathLossDb(0.1) == Approx(atClamp));
  CHECK(model.pathLossDb(0.01) == Approx(atClamp));
  CHECK(model.pathLossDb(0.0) == Approx(atClamp));
  CHECK(model.pathLossDb(std::nan("")) == Approx(atClamp));
}

TEST_CASE("Mean RSSI subtracts path loss, walls and both ends' body losses") {
  const radio::PropagationModel model(testDef());
  // 4 dBm - (40 + 20 log10 5 = 53.9794) - 7 walls - 11 back pocket - 1.5 bag.
  CHECK(model.meanRssiDbm(4.0, 5.0, 7.0, CarryPosition::BackPocket, CarryPosition::Bag) ==
        Approx(4.0 - 53.9794 - 7.0 - 11.0 - 1.5).margin(1e-4));
  // Symmetric in the carry positions, and hand-to-hand costs nothing extra.
  CHECK(model.meanRssiDbm(0, 3, 0, CarryPosition::Bag, CarryPosition::ShirtPocket) ==
        Approx(model.meanRssiDbm(0, 3, 0, CarryPosition::ShirtPocket, CarryPosition::Bag)));
  CHECK(model.meanRssiDbm(0.0, 1.0, 0.0, CarryPosition::Hand, CarryPosition::Hand) ==
        Approx(-40.0));
  // A negative loss (a position better than hand) raises the power.
  CHECK(model.meanRssiDbm(0.0, 1.0, 0.0, CarryPosition::Surface, CarryPosition::Hand) ==
        Approx(-38.0));
}

TEST_CASE("The default propagation is the PACT calibration and is sane") {
  const radio::PropagationDef def;
  core::Diagnostics diagnostics;
  radio::checkPropagationDef(def, diagnostics);
  CHECK_FALSE(diagnostics.hasErrors());
  const radio::PropagationModel model(def);
  // Hand to hand at 1 m, 0 dBm: about -54 dBm in dB-average once fading's dB mean is
  // added (docs/radio-model.md), as measured in PACT.
  const double meanDb = model.meanRssiDbm(0, 1, 0, CarryPosition::Hand, CarryPosition::Hand) +
                        radio::fadingDbMoments(def.fading, def.ricianK).meanDb;
  CHECK(meanDb == Approx(-54.0).margin(2.0));
  CHECK(def.pathLossExponent == Approx(1.5).margin(0.3));
  // Every pocket or bag costs something relative to hand; the back pocket the most.
  for (std::size_t i = 1; i <= 4; ++i) CHECK(def.bodyLossDb[i] > 0.0);
  CHECK(def.bodyLossDb[2] ==
        Approx(*std::max_element(def.bodyLossDb.begin(), def.bodyLossDb.end())));
}

TEST_CASE("At maxRangeM the best-case link is exactly at sensitivity minus the margin") {
  radio::PropagationDef def = testDef();
  SECTION("hand is the least lossy position") { def.bodyLossDb[5] = 0.5; }
  SECTION("a negative loss widens the range") { def.bodyLossDb[5] = -2.0; }
  const radio::PropagationModel model(def);
  const double best = *std::min_element(def.bodyLossDb.begin(), def.bodyLossDb.end());
  const double tx = 4.0, sensitivity = -95.0, margin = 12.0;
  const double rangeM = model.maxRangeM(tx, sensitivity, margin);
  CHECK(tx - model.pathLossDb(rangeM) - 2 * best + margin == Approx(sensitivity).margin(1e-9));
  // Beyond it nothing is received even with all the margin; just inside it can be.
  CHECK(tx - model.pathLossDb(rangeM * 1.01) - 2 * best + margin < sensitivity);
  CHECK(tx - model.pathLossDb(rangeM * 0.99) - 2 * best + margin > sensitivity);
}

TEST_CASE("An insane propagation definition is reported, located, and refused") {
  radio::PropagationDef def;
  def.pathLossExponent = 0.0;
  def.shadowingSigmaDb = -1.0;
  def.where = {"scenario.yaml", 12, 3};
  core::Diagnostics diagnostics;
  radio::checkPropagationDef(def, diagnostics);
  REQUIRE(diagnostics.items().size() == 2);
  CHECK(core::formatDiagnostic(diagnostics.items()[0]).starts_with("scenario.yaml:12:3: error: "));
  CHECK_THROWS_AS(radio::PropagationModel(def), std::invalid_argument);
}

TEST_CASE("Independently drawn packets have mean meanRssi + fading dB mean and the combined sd") {
  radio::PropagationDef def;
  def.shadowingSigmaDb = 4.5;
  def.fading = radio::FadingKind::Rician;
  def.ricianK = 3.0;
  core::RandomEngine engine = core::RandomStreams(7, 0).stream("test.radio.packets");
  constexpr int kDraws = 200'000;
  double sum = 0, squares = 0;
  std::vector<double> draws(kDraws);
  for (auto& x : draws) {
    x = radio::drawIndependentRssiDbm(def, -60.0, engine);
    sum += x;
  }
  const double mean = sum / kDraws;
  for (double x : draws) squares += (x - mean) * (x - mean);
  const double sd = std::sqrt(squares / (kDraws - 1));
  const auto fading = radio::fadingDbMoments(def.fading, def.ricianK);
  const double expectedSd = std::hypot(def.shadowingSigmaDb, fading.sdDb);
  // 4 standard errors: sd / sqrt(n) for the mean; the sd's error is below
  // sd * sqrt((kurtosis - 1) / (4 n)) with kurtosis < 6 for this mixture.
  CHECK(mean == Approx(-60.0 + fading.meanDb).margin(4 * expectedSd / std::sqrt(kDraws)));
  CHECK(sd == Approx(expectedSd).margin(4 * expectedSd * std::sqrt(5.0 / (4.0 * kDraws))));
}
