// Per-packet fading: Rayleigh and Rician draws against their known distributions, and the
// numerically integrated dB moments against closed forms and asymptotics.
#include "sim/radio/fading.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include <vector>

#include "sim/core/random_streams.hpp"

using namespace irdrill;
using radio::FadingKind;

namespace {

struct Stats {
  double meanDb = 0;
  double sdDb = 0;
  double meanLinear = 0;
};

Stats drawStats(FadingKind kind, double k, int n, std::uint64_t entity) {
  core::RandomEngine engine = core::RandomStreams(11, 0).stream("test.radio.fading", entity);
  std::vector<double> db(n);
  double sum = 0, sumLinear = 0;
  for (auto& x : db) {
    x = radio::drawFadingDb(kind, k, engine);
    sum += x;
    sumLinear += std::pow(10.0, x / 10.0);
  }
  const double mean = sum / n;
  double squares = 0;
  for (double x : db) squares += (x - mean) * (x - mean);
  return {mean, std::sqrt(squares / (n - 1)), sumLinear / n};
}

// 10 / ln 10: dB per neper.
constexpr double kDbPerNeper = 10.0 / std::numbers::ln10;
// Rayleigh power in dB is 10 log10 of an Exp(1): mean -gamma, sd pi/sqrt(6) in nepers.
const double kRayleighMeanDb = -kDbPerNeper * std::numbers::egamma;            // -2.5068
const double kRayleighSdDb = kDbPerNeper * std::numbers::pi / std::sqrt(6.0);  // 5.5701

}  // namespace

TEST_CASE("Rayleigh fading in dB has mean -2.51 dB and sd 5.57 dB at unit mean power") {
  constexpr int kDraws = 200'000;
  const Stats s = drawStats(FadingKind::Rayleigh, 0.0, kDraws, 1);
  REQUIRE(kRayleighMeanDb == Approx(-2.5068).margin(1e-4));
  REQUIRE(kRayleighSdDb == Approx(5.5701).margin(1e-4));
  // Standard errors: sd/sqrt(n) for the mean; for the sd, sd*sqrt((kurtosis-1)/(4n)) with
  // the log-exponential (Gumbel) kurtosis 5.4. Tolerance 4 standard errors.
  CHECK(s.meanDb == Approx(kRayleighMeanDb).margin(4 * kRayleighSdDb / std::sqrt(kDraws)));
  CHECK(s.sdDb ==
        Approx(kRayleighSdDb).margin(4 * kRayleighSdDb * std::sqrt(4.4 / (4.0 * kDraws))));
  // Exponential power: mean 1, variance 1.
  CHECK(s.meanLinear == Approx(1.0).margin(4.0 / std::sqrt(kDraws)));
}

TEST_CASE("Rician fading keeps unit mean linear power for any K") {
  constexpr int kDraws = 200'000;
  const double k = GENERATE(0.0, 1.0, 3.0, 10.0, 100.0);
  const Stats s = drawStats(FadingKind::Rician, k, kDraws, static_cast<std::uint64_t>(k) + 2);
  // Variance of the Rician power with unit mean: (2K + 1) / (K + 1)^2.
  const double sdLinear = std::sqrt(2.0 * k + 1.0) / (k + 1.0);
  CHECK(s.meanLinear == Approx(1.0).margin(4 * sdLinear / std::sqrt(kDraws)));
}

TEST_CASE("Rician fading with a large K concentrates near 0 dB") {
  const Stats s = drawStats(FadingKind::Rician, 1000.0, 50'000, 3);
  // Delta method: sd(dB) ~ 10/ln10 * sqrt(2K+1)/(K+1) = 0.194 dB for K = 1000.
  CHECK(std::abs(s.meanDb) < 0.01);
  CHECK(s.sdDb == Approx(kDbPerNeper * std::sqrt(2001.0) / 1001.0).epsilon(0.03));
  // And a small K spreads more than a large one, less than Rayleigh.
  const Stats k3 = drawStats(FadingKind::Rician, 3.0, 50'000, 4);
  CHECK(k3.sdDb > s.sdDb);
  CHECK(k3.sdDb < kRayleighSdDb);
}

TEST_CASE("Rician K = 0 is Rayleigh in distribution") {
  constexpr int kDraws = 200'000;
  const Stats s = drawStats(FadingKind::Rician, 0.0, kDraws, 5);
  CHECK(s.meanDb == Approx(kRayleighMeanDb).margin(4 * kRayleighSdDb / std::sqrt(kDraws)));
  CHECK(s.sdDb ==
        Approx(kRayleighSdDb).margin(4 * kRayleighSdDb * std::sqrt(4.4 / (4.0 * kDraws))));
}

TEST_CASE("No fading is 0 dB and consumes no random draws") {
  core::RandomEngine engine = core::RandomStreams(1, 0).stream("test.radio.fading");
  const core::RandomEngine before = engine;
  CHECK(radio::drawFadingDb(FadingKind::None, 3.0, engine) == 0.0);
  CHECK(engine == before);
  CHECK(radio::fadingDbMoments(FadingKind::None, 3.0).meanDb == 0.0);
  CHECK(radio::fadingDbMoments(FadingKind::None, 3.0).sdDb == 0.0);
}

TEST_CASE("A negative or non-finite Rician K is refused") {
  core::RandomEngine engine = core::RandomStreams(1, 0).stream("test.radio.fading");
  CHECK_THROWS_AS(radio::drawFadingDb(FadingKind::Rician, -1.0, engine), std::invalid_argument);
  CHECK_THROWS_AS(radio::drawFadingDb(FadingKind::Rician, std::nan(""), engine),
                  std::invalid_argument);
  CHECK_THROWS_AS(radio::fadingDbMoments(FadingKind::Rician, INFINITY), std::invalid_argument);
}

TEST_CASE("Integrated dB moments match the Rayleigh closed form") {
  const auto rayleigh = radio::fadingDbMoments(FadingKind::Rayleigh, 0.0);
  CHECK(rayleigh.meanDb == Approx(kRayleighMeanDb).margin(1e-6));
  CHECK(rayleigh.sdDb == Approx(kRayleighSdDb).margin(1e-6));
  const auto ricianK0 = radio::fadingDbMoments(FadingKind::Rician, 0.0);
  CHECK(ricianK0.meanDb == Approx(kRayleighMeanDb).margin(1e-6));
  CHECK(ricianK0.sdDb == Approx(kRayleighSdDb).margin(1e-6));
}

TEST_CASE("Integrated Rician dB mean matches the closed form ln(K/(K+1)) + E1(K) in nepers") {
  // E[ln |s + w|^2] = ln |s|^2 + E1(|s|^2 / var w) for w ~ CN(0, var w) (noncentral
  // chi-square with 2 degrees of freedom). Here |s|^2 = K/(K+1), var w = 1/(K+1).
  // E1 values from tables (Abramowitz & Stegun 5.1): E1(1) = 0.219383934, E1(3) =
  // 0.013048381, E1(10) = 4.156968929e-6.
  const std::pair<double, double> cases[] = {
      {1.0, 0.219383934}, {3.0, 0.013048381}, {10.0, 4.156968929e-6}};
  for (auto [k, e1] : cases) {
    const double meanDb = kDbPerNeper * (std::log(k / (k + 1.0)) + e1);
    CHECK(radio::fadingDbMoments(FadingKind::Rician, k).meanDb == Approx(meanDb).margin(1e-6));
  }
}

TEST_CASE("Integrated Rician dB moments match Monte Carlo and the large-K asymptote") {
  constexpr int kDraws = 200'000;
  const auto k3 = radio::fadingDbMoments(FadingKind::Rician, 3.0);
  const Stats s = drawStats(FadingKind::Rician, 3.0, kDraws, 6);
  CHECK(s.meanDb == Approx(k3.meanDb).margin(4 * k3.sdDb / std::sqrt(kDraws)));
  CHECK(s.sdDb == Approx(k3.sdDb).margin(4 * k3.sdDb * std::sqrt(5.0 / (4.0 * kDraws))));
  // Large K: the Bessel function is evaluated by its asymptotic series; the delta method
  // gives sd = 10/ln10 sqrt(2K+1)/(K+1) up to O(1/K).
  for (double k : {1e4, 1e6}) {
    const auto m = radio::fadingDbMoments(FadingKind::Rician, k);
    CHECK(m.sdDb == Approx(kDbPerNeper * std::sqrt(2 * k + 1) / (k + 1)).epsilon(1e-3));
    CHECK(std::abs(m.meanDb) < 10.0 / k);
  }
}
