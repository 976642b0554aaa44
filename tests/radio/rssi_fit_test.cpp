// Least-squares calibration: exact recovery on noise-free data, statistical recovery on
// simulated data, the PACT slices against an independent computation, and user errors.
#include "sim/radio/rssi_fit.hpp"

#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/core/random_streams.hpp"
#include "sim/radio/csv_table.hpp"

using namespace irdrill;
using radio::CarryPosition;

namespace {

// Distances log-uniform over 0.5..20 m.
std::vector<double> distances(int n, core::RandomEngine& engine) {
  boost::random::uniform_real_distribution<double> u(std::log10(0.5), std::log10(20.0));
  std::vector<double> d(n);
  for (auto& x : d) x = std::pow(10.0, u(engine));
  return d;
}

// Reads a PACT-format CSV of the test data into carry samples (environment as group).
std::vector<radio::CarrySample> readPact(const std::string& name) {
  core::Diagnostics diagnostics;
  const auto table =
      radio::CsvTable::readFile(std::string(IRDRILL_TEST_DATA_DIR) + "/" + name, diagnostics);
  REQUIRE(table);
  const auto tx = table->findColumn("tx_carry"), rx = table->findColumn("rx_carry"),
             env = table->findColumn("environment"), d = table->findColumn("distance_m"),
             rssi = table->findColumn("rssi_dbm");
  REQUIRE((tx && rx && env && d && rssi));
  std::vector<radio::CarrySample> samples;
  for (std::size_t row = 0; row < table->rowCount(); ++row) {
    radio::CarrySample s;
    s.distanceM = *table->number(row, *d, diagnostics);
    s.rssiDbm = *table->number(row, *rssi, diagnostics);
    s.txCarry = *radio::carryPositionFromLabel(table->cell(row, *tx));
    s.rxCarry = *radio::carryPositionFromLabel(table->cell(row, *rx));
    s.group = std::string(table->cell(row, *env));
    samples.push_back(s);
  }
  REQUIRE_FALSE(diagnostics.hasErrors());
  return samples;
}

}  // namespace

TEST_CASE("The log-distance fit is exact on noise-free data") {
  std::vector<radio::RssiSample> samples;
  for (double d : {0.5, 1.0, 2.0, 3.3, 8.0, 15.0}) {
    samples.push_back({d, -47.5 - 10 * 2.7 * std::log10(d), ""});
  }
  const auto fit = radio::fitLogDistance(samples);
  CHECK(fit.rssiAt1mDbm == Approx(-47.5).margin(1e-9));
  CHECK(fit.exponent == Approx(2.7).margin(1e-9));
  CHECK(fit.sigmaDb == Approx(0.0).margin(1e-6));
  CHECK(fit.rSquared == Approx(1.0).margin(1e-12));
  CHECK(fit.count == 6);
}

TEST_CASE("The log-distance fit recovers A, n and sigma from simulated data") {
  core::RandomEngine engine = core::RandomStreams(5, 0).stream("test.radio.fit");
  constexpr int kSamples = 20'000;
  const double a = -50.0, n = 2.2, sigma = 4.0;
  boost::random::normal_distribution<double> noise(0.0, sigma);
  std::vector<radio::RssiSample> samples;
  for (double d : distances(kSamples, engine)) {
    samples.push_back({d, a - 10 * n * std::log10(d) + noise(engine), ""});
  }
  const auto fit = radio::fitLogDistance(samples);
  // Standard errors here: n ~0.006, A ~0.04 dB, sigma ~0.02 dB; tolerances ~5 of them.
  CHECK(fit.rssiAt1mDbm == Approx(a).margin(0.2));
  CHECK(fit.exponent == Approx(n).margin(0.03));
  CHECK(fit.sigmaDb == Approx(sigma).margin(0.1));
  // R^2 = signal variance / (signal variance + sigma^2), signal = 10 n log10 d with
  // log10 d uniform over a width w: variance (10 n)^2 w^2 / 12.
  const double w = std::log10(20.0) - std::log10(0.5);
  const double signal = 100 * n * n * w * w / 12;
  CHECK(fit.rSquared == Approx(signal / (signal + sigma * sigma)).margin(0.01));
}

TEST_CASE("The grouped fit recovers known group offsets with a shared exponent") {
  core::RandomEngine engine = core::RandomStreams(5, 0).stream("test.radio.fit", 1);
  const std::map<std::string, double> offsets{{"hall", -6.0}, {"lab", 3.5}, {"office", 0.0}};
  const double a = -55.0, n = 1.8;
  SECTION("exactly without noise") {
    std::vector<radio::RssiSample> samples;
    for (const auto& [group, offset] : offsets) {
      for (double d : {1.0, 2.0, 4.0})
        samples.push_back({d, a - 18 * std::log10(d) + offset, group});
    }
    const auto fit = radio::fitLogDistanceGrouped(samples, "office");
    CHECK(fit.rssiAt1mDbm == Approx(a).margin(1e-9));
    CHECK(fit.exponent == Approx(n).margin(1e-9));
    for (const auto& [group, offset] : offsets) {
      CHECK(fit.groupOffsetDb.at(group) == Approx(offset).margin(1e-9));
    }
    CHECK(fit.referenceGroup == "office");
  }
  SECTION("within a few standard errors with noise, reference chosen elsewhere") {
    boost::random::normal_distribution<double> noise(0.0, 5.0);
    std::vector<radio::RssiSample> samples;
    for (const auto& [group, offset] : offsets) {
      for (double d : distances(5'000, engine)) {
        samples.push_back({d, a - 10 * n * std::log10(d) + offset + noise(engine), group});
      }
    }
    const auto fit = radio::fitLogDistanceGrouped(samples, "hall");
    CHECK(fit.rssiAt1mDbm == Approx(a - 6.0).margin(0.3));
    CHECK(fit.exponent == Approx(n).margin(0.05));
    CHECK(fit.sigmaDb == Approx(5.0).margin(0.1));
    CHECK(fit.groupOffsetDb.at("hall") == 0.0);
    CHECK(fit.groupOffsetDb.at("lab") == Approx(9.5).margin(0.3));
    CHECK(fit.groupOffsetDb.at("office") == Approx(6.0).margin(0.3));
  }
}

TEST_CASE("The carry fit recovers known per-position losses shared by both ends") {
  // L[hand] = 0 by definition; surface never occurs.
  const std::array<double, 6> loss{0.0, 3.0, 12.0, 4.0, 1.5, 0.0};
  const std::pair<CarryPosition, CarryPosition> configs[] = {
      {CarryPosition::Hand, CarryPosition::Hand},
      {CarryPosition::Hand, CarryPosition::BackPocket},
      {CarryPosition::FrontPocket, CarryPosition::Bag},
      {CarryPosition::ShirtPocket, CarryPosition::Hand},
      {CarryPosition::FrontPocket, CarryPosition::FrontPocket},
      {CarryPosition::ShirtPocket, CarryPosition::BackPocket},
      {CarryPosition::Bag, CarryPosition::Hand}};
  const std::map<std::string, double> rooms{{"hall", -9.0}, {"room", 0.0}};
  core::RandomEngine engine = core::RandomStreams(5, 0).stream("test.radio.fit", 2);
  boost::random::normal_distribution<double> noise(0.0, 6.0);
  const bool noisy = GENERATE(false, true);
  std::vector<radio::CarrySample> samples;
  int i = 0;
  for (const auto& [tx, rx] : configs) {
    // Configurations in alternating rooms, as PACT measured them in different places.
    const std::string room = (i++ % 2 == 0) ? "room" : "hall";
    for (double d : distances(noisy ? 4'000 : 4, engine)) {
      const double rssi = -52.0 - 10 * 1.6 * std::log10(d) - loss[static_cast<int>(tx)] -
                          loss[static_cast<int>(rx)] + rooms.at(room) +
                          (noisy ? noise(engine) : 0.0);
      samples.push_back({d, rssi, tx, rx, room});
    }
  }
  const double tolerance = noisy ? 0.4 : 1e-9;
  const auto fit = radio::fitLogDistanceCarry(samples, "room");
  CHECK(fit.rssiAt1mDbm == Approx(-52.0).margin(tolerance));
  CHECK(fit.exponent == Approx(1.6).margin(noisy ? 0.05 : 1e-9));
  for (std::size_t pos = 0; pos < 5; ++pos) {
    REQUIRE(fit.bodyLossDb[pos].has_value());
    CHECK(*fit.bodyLossDb[pos] == Approx(loss[pos]).margin(tolerance));
  }
  CHECK_FALSE(fit.bodyLossDb[5].has_value());
  CHECK(fit.groupOffsetDb.at("hall") == Approx(-9.0).margin(tolerance));
  if (noisy) CHECK(fit.sigmaDb == Approx(6.0).margin(0.1));
}

TEST_CASE("Fitting the PACT hand-to-hand slice gives A -54.06 dBm, n 1.49, sigma 5.91 dB") {
  std::vector<radio::RssiSample> samples;
  for (const auto& s : readPact("pact-hand-to-hand.csv")) {
    REQUIRE(s.txCarry == CarryPosition::Hand);
    REQUIRE(s.rxCarry == CarryPosition::Hand);
    samples.push_back({s.distanceM, s.rssiDbm, ""});
  }
  const auto fit = radio::fitLogDistance(samples);
  // Physically: the PACT README's rough figures (RSSI(1 m) ~ -54 dBm, n ~ 1.5) ...
  CHECK(fit.rssiAt1mDbm == Approx(-54.0).margin(2.0));
  CHECK(fit.exponent == Approx(1.5).margin(0.3));
  CHECK(fit.sigmaDb == Approx(6.0).margin(1.0));
  // ... and exactly: an independent least-squares computation (Python, normal equations
  // with pivoting, on the same file) gave A = -54.0565, n = 1.49106, sigma = 5.91355,
  // R^2 = 0.246517 over 2421 samples.
  CHECK(fit.count == 2421);
  CHECK(fit.rssiAt1mDbm == Approx(-54.0565).margin(1e-3));
  CHECK(fit.exponent == Approx(1.49106).margin(1e-4));
  CHECK(fit.sigmaDb == Approx(5.91355).margin(1e-4));
  CHECK(fit.rSquared == Approx(0.246517).margin(1e-5));
}

TEST_CASE("The PACT carry fit with environment offsets gives pocket and bag losses") {
  const auto fit =
      radio::fitLogDistanceCarry(readPact("pact-carry-sample.csv"), "large room center congested");
  // Independent computation (Python) on the same file, same design.
  CHECK(fit.count == 2334);
  CHECK(fit.rssiAt1mDbm == Approx(-55.1545).margin(1e-3));
  CHECK(fit.exponent == Approx(1.34854).margin(1e-4));
  CHECK(fit.sigmaDb == Approx(7.31075).margin(1e-4));
  CHECK(*fit.bodyLossDb[1] == Approx(3.59952).margin(1e-3));   // front pocket
  CHECK(*fit.bodyLossDb[2] == Approx(11.18478).margin(1e-3));  // back pocket
  CHECK(*fit.bodyLossDb[3] == Approx(4.52358).margin(1e-3));   // shirt pocket
  CHECK(*fit.bodyLossDb[4] == Approx(1.38832).margin(1e-3));   // bag (purse)
  CHECK_FALSE(fit.bodyLossDb[5].has_value());                  // surface: not measured
  CHECK(fit.groupOffsetDb.at("hallway center congested") == Approx(-10.32523).margin(1e-3));
  CHECK(fit.groupOffsetDb.at("large room center open") == Approx(-1.50837).margin(1e-3));
  CHECK(fit.groupOffsetDb.at("medium room center open") == Approx(-3.38797).margin(1e-3));
}

TEST_CASE("Fits refuse data that cannot determine the model, saying why") {
  using Catch::Matchers::Contains;
  SECTION("a single distance") {
    std::vector<radio::RssiSample> samples{{2.0, -60, ""}, {2.0, -61, ""}, {2.0, -65, ""}};
    CHECK_THROWS_WITH(radio::fitLogDistance(samples), Contains("two different distances"));
  }
  SECTION("too few samples") {
    std::vector<radio::RssiSample> samples{{1.0, -60, ""}, {2.0, -61, ""}};
    CHECK_THROWS_WITH(radio::fitLogDistance(samples), Contains("need at least 3 samples"));
  }
  SECTION("a non-positive distance") {
    std::vector<radio::RssiSample> samples{{1.0, -60, ""}, {0.0, -61, ""}, {3.0, -70, ""}};
    CHECK_THROWS_WITH(radio::fitLogDistance(samples), Contains("sample 2: distance"));
  }
  SECTION("a reference group absent from the data lists the groups") {
    std::vector<radio::RssiSample> samples{
        {1.0, -60, "a"}, {2.0, -61, "b"}, {3.0, -70, "a"}, {4.0, -72, "b"}};
    CHECK_THROWS_WITH(radio::fitLogDistanceGrouped(samples, "c"),
                      Contains("'c' is not in the data (groups: 'a', 'b')"));
  }
  SECTION("a group confounded with distance") {
    std::vector<radio::RssiSample> samples{
        {1.0, -60, "a"}, {1.0, -61, "a"}, {3.0, -70, "b"}, {3.0, -72, "b"}};
    CHECK_THROWS_WITH(radio::fitLogDistanceGrouped(samples, "a"), Contains("group 'b'"));
  }
  SECTION("carry losses without any hand") {
    std::vector<radio::CarrySample> samples{
        {1.0, -60, CarryPosition::Bag, CarryPosition::Bag, ""},
        {2.0, -66, CarryPosition::Bag, CarryPosition::FrontPocket, ""},
        {3.0, -70, CarryPosition::FrontPocket, CarryPosition::Bag, ""}};
    CHECK_THROWS_WITH(radio::fitLogDistanceCarry(samples, ""), Contains("relative to 'hand'"));
  }
  SECTION("a carry position that always comes with the same group") {
    std::vector<radio::CarrySample> samples;
    for (double d : {1.0, 2.0, 3.0}) {
      samples.push_back({d, -60 - d, CarryPosition::Hand, CarryPosition::Hand, "room"});
      samples.push_back({d, -70 - d, CarryPosition::Hand, CarryPosition::Bag, "hall"});
    }
    CHECK_THROWS_AS(radio::fitLogDistanceCarry(samples, "room"), radio::FitError);
    // Without the group factor the same data is fine.
    CHECK(*radio::fitLogDistanceCarry(samples, "").bodyLossDb[4] == Approx(10.0));
  }
}

TEST_CASE("Carry labels map irdrill names and PACT names, ignoring the UP/DOWN suffix") {
  CHECK(radio::carryPositionFromLabel("hand") == CarryPosition::Hand);
  CHECK(radio::carryPositionFromLabel("surface") == CarryPosition::Surface);
  CHECK(radio::carryPositionFromLabel("HandUP") == CarryPosition::Hand);
  CHECK(radio::carryPositionFromLabel("HandDOWN") == CarryPosition::Hand);
  CHECK(radio::carryPositionFromLabel("FrontPantsPocketDOWN") == CarryPosition::FrontPocket);
  CHECK(radio::carryPositionFromLabel("BackPantsPocketUP") == CarryPosition::BackPocket);
  CHECK(radio::carryPositionFromLabel("ShirtPocket") == CarryPosition::ShirtPocket);
  CHECK(radio::carryPositionFromLabel("PurseDOWN") == CarryPosition::Bag);
  CHECK_FALSE(radio::carryPositionFromLabel("handUP").has_value());
  CHECK_FALSE(radio::carryPositionFromLabel("Pocket").has_value());
  CHECK_FALSE(radio::carryPositionFromLabel("").has_value());
}

TEST_CASE("Calibration takes fading's dB mean and spread out of the fit") {
  SECTION("without fading it is tx power - A and the residual sigma") {
    const auto c = radio::calibrateFromFit(-54.0, 5.9, 0.0, radio::FadingKind::None, 3.0);
    CHECK(c.referenceLossDb == Approx(54.0));
    CHECK(c.shadowingSigmaDb == Approx(5.9));
  }
  SECTION("with Rayleigh fading, by the closed-form moments") {
    const auto c = radio::calibrateFromFit(-60.0, 8.0, 4.0, radio::FadingKind::Rayleigh, 0.0);
    CHECK(c.referenceLossDb == Approx(64.0 - 2.5068).margin(1e-3));
    CHECK(c.shadowingSigmaDb == Approx(std::sqrt(64.0 - 5.5701 * 5.5701)).margin(1e-3));
    CHECK_FALSE(c.fadingExceedsResidual);
  }
  SECTION("fading wider than the residual leaves no shadowing and says so") {
    const auto c = radio::calibrateFromFit(-60.0, 3.0, 0.0, radio::FadingKind::Rayleigh, 0.0);
    CHECK(c.shadowingSigmaDb == 0.0);
    CHECK(c.fadingExceedsResidual);
  }
}
