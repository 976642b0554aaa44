// Duration distributions: moments and shape against the analytic distributions, the text
// form, and reproducible draws.
#include "sim/core/distribution.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <vector>

#include "sim/core/random_streams.hpp"

using namespace irdrill;
using core::DurationDist;

namespace {

std::vector<double> draws(const DurationDist& d, int n, std::uint64_t entity) {
  core::RandomEngine rng = core::RandomStreams(11, 0).stream("test.core.distribution", entity);
  std::vector<double> out(static_cast<std::size_t>(n));
  for (double& x : out) x = core::sampleS(d, rng);
  return out;
}

struct Moments {
  double mean = 0;
  double variance = 0;  // unbiased
};

Moments moments(const std::vector<double>& xs) {
  double sum = 0;
  for (double x : xs) sum += x;
  const double n = static_cast<double>(xs.size());
  const double mean = sum / n;
  double squares = 0;
  for (double x : xs) squares += (x - mean) * (x - mean);
  return {mean, squares / (n - 1)};
}

// The analytic moments the sample must match: mean, variance, and the fourth central
// moment (kurtosis * variance^2), which sets the standard error of the sample variance.
struct Analytic {
  double mean;
  double variance;
  double kurtosis;  // mu4 / sigma^4 (not the excess)
};

// Sample mean and variance within 4.5 standard errors: a correct implementation fails one
// of these checks with a probability well below 1e-4, a wrong parameterisation (sd of
// the logarithm instead of the duration, rate instead of mean) misses by far more.
void checkMoments(const DurationDist& d, const Analytic& a, std::uint64_t entity) {
  constexpr int kN = 400'000;
  const Moments m = moments(draws(d, kN, entity));
  const double meanSe = std::sqrt(a.variance / kN);
  const double varianceSe = a.variance * std::sqrt((a.kurtosis - 1.0) / kN);
  INFO(core::describe(d));
  CHECK(core::meanS(d) == Approx(a.mean));
  CHECK(m.mean == Approx(a.mean).margin(4.5 * meanSe));
  CHECK(m.variance == Approx(a.variance).margin(4.5 * varianceSe));
}

// Kolmogorov-Smirnov distance between the empirical CDF of the draws and `cdf`.
double ksDistance(std::vector<double> xs, const std::function<double(double)>& cdf) {
  std::sort(xs.begin(), xs.end());
  const double n = static_cast<double>(xs.size());
  double worst = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double f = cdf(xs[i]);
    worst = std::max({worst, std::abs(static_cast<double>(i + 1) / n - f),
                      std::abs(f - static_cast<double>(i) / n)});
  }
  return worst;
}

// Critical value of the KS statistic at the 0.1% level for large n: 1.949 / sqrt(n).
constexpr int kKsN = 50'000;
const double kKsCritical = 1.949 / std::sqrt(static_cast<double>(kKsN));

}  // namespace

TEST_CASE("A uniform duration has the mean and variance of the continuous uniform law") {
  const double lo = 600, hi = 1800;
  checkMoments(DurationDist::uniform(lo, hi),
               {(lo + hi) / 2, (hi - lo) * (hi - lo) / 12, 9.0 / 5.0}, 1);
}

TEST_CASE("A triangular duration has the mean and variance of the triangular law") {
  const double a = 600, c = 1200, b = 3600;
  const double variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
  checkMoments(DurationDist::triangular(a, c, b), {(a + b + c) / 3, variance, 12.0 / 5.0}, 2);
}

TEST_CASE("A lognormal duration has the mean and sd given, not those of its logarithm") {
  const double mean = 7200, sd = 3600;
  const double w = 1 + (sd / mean) * (sd / mean);  // exp(s^2)
  const double kurtosis = w * w * w * w + 2 * w * w * w + 3 * w * w - 3;
  checkMoments(DurationDist::lognormal(mean, sd), {mean, sd * sd, kurtosis}, 3);
}

TEST_CASE("An exponential duration is parameterised by its mean") {
  const double mean = 1800;
  checkMoments(DurationDist::exponential(mean), {mean, mean * mean, 9.0}, 4);
}

TEST_CASE("A fixed duration always gives its value and consumes no draw") {
  core::RandomEngine rng(5);
  const core::RandomEngine before = rng;
  CHECK(core::sampleS(DurationDist::fixed(1200), rng) == 1200.0);
  CHECK(core::sampleUs(DurationDist::fixed(1.5), rng) == 1'500'000);
  CHECK(core::meanS(DurationDist::fixed(1200)) == 1200.0);
  CHECK(rng == before);
}

TEST_CASE("Each kind's draws follow its analytic CDF (Kolmogorov-Smirnov at 0.1%)") {
  SECTION("uniform") {
    const auto xs = draws(DurationDist::uniform(10, 30), kKsN, 21);
    CHECK(ksDistance(xs, [](double x) { return std::clamp((x - 10) / 20, 0.0, 1.0); }) <
          kKsCritical);
  }
  SECTION("triangular, mode off centre") {
    const double a = 10, c = 20, b = 60;
    const auto cdf = [=](double x) {
      if (x <= a) return 0.0;
      if (x <= c) return (x - a) * (x - a) / ((b - a) * (c - a));
      if (x < b) return 1 - (b - x) * (b - x) / ((b - a) * (b - c));
      return 1.0;
    };
    CHECK(ksDistance(draws(DurationDist::triangular(a, c, b), kKsN, 22), cdf) < kKsCritical);
  }
  SECTION("triangular, mode at the minimum") {
    const double a = 0, b = 10;
    const auto cdf = [=](double x) {
      return x <= a ? 0.0 : x >= b ? 1.0 : 1 - (b - x) * (b - x) / ((b - a) * (b - a));
    };
    CHECK(ksDistance(draws(DurationDist::triangular(a, a, b), kKsN, 23), cdf) < kKsCritical);
  }
  SECTION("lognormal") {
    const double mean = 7200, sd = 3600;
    const double s2 = std::log(1 + sd * sd / (mean * mean));
    const double m = std::log(mean) - s2 / 2;
    const auto cdf = [=](double x) {
      return x <= 0 ? 0.0 : 0.5 * std::erfc(-(std::log(x) - m) / std::sqrt(2 * s2));
    };
    CHECK(ksDistance(draws(DurationDist::lognormal(mean, sd), kKsN, 24), cdf) < kKsCritical);
  }
  SECTION("exponential") {
    const auto cdf = [](double x) { return x <= 0 ? 0.0 : 1 - std::exp(-x / 1800); };
    CHECK(ksDistance(draws(DurationDist::exponential(1800), kKsN, 25), cdf) < kKsCritical);
  }
}

TEST_CASE("The KS check rejects a distribution with the wrong parameter") {
  // Guards the oracle itself: draws with mean 1800 s are far from an exponential CDF
  // with mean 2000 s at this sample size.
  const auto xs = draws(DurationDist::exponential(1800), kKsN, 26);
  CHECK(ksDistance(xs, [](double x) { return x <= 0 ? 0.0 : 1 - std::exp(-x / 2000); }) >
        kKsCritical);
}

TEST_CASE("sampleUs is sampleS rounded to the nearest microsecond") {
  const DurationDist d = DurationDist::lognormal(90, 60);
  core::RandomEngine a(77), b(77);
  for (int i = 0; i < 1000; ++i) {
    const double s = core::sampleS(d, a);
    CHECK(core::sampleUs(d, b) == std::llround(s * 1e6));
  }
}

TEST_CASE("Durations are never negative, even when the parameters reach below zero") {
  core::RandomEngine rng(3);
  CHECK(core::sampleS(DurationDist::fixed(-5), rng) == 0.0);
  for (int i = 0; i < 1000; ++i) {
    CHECK(core::sampleS(DurationDist::uniform(-10, 1), rng) >= 0.0);
    CHECK(core::sampleUs(DurationDist::triangular(-10, -5, 1), rng) >= 0);
  }
}

TEST_CASE("Zero-width distributions give their single value and spend exactly one draw") {
  core::RandomEngine rng(8), reference(8);
  CHECK(core::sampleS(DurationDist::uniform(60, 60), rng) == 60.0);
  CHECK(core::sampleS(DurationDist::triangular(60, 60, 60), rng) == 60.0);
  reference.discard(2);
  CHECK(rng == reference);
  CHECK(core::sampleS(DurationDist::lognormal(60, 0), rng) == Approx(60.0).epsilon(1e-12));
}

TEST_CASE("Invalid parameters are rejected instead of drawing nonsense") {
  core::RandomEngine rng(1);
  CHECK_THROWS_AS(core::sampleS(DurationDist::uniform(30, 10), rng), std::invalid_argument);
  CHECK_THROWS_AS(core::sampleS(DurationDist::triangular(10, 40, 30), rng),
                  std::invalid_argument);
  CHECK_THROWS_AS(core::sampleS(DurationDist::lognormal(0, 10), rng), std::invalid_argument);
  CHECK_THROWS_AS(core::sampleS(DurationDist::lognormal(10, -1), rng), std::invalid_argument);
  CHECK_THROWS_AS(core::sampleS(DurationDist::exponential(0), rng), std::invalid_argument);
  CHECK_THROWS_AS(core::sampleS(DurationDist::fixed(std::nan("")), rng),
                  std::invalid_argument);
}

TEST_CASE("describe writes each kind in the text form the scenario files use") {
  CHECK(core::describe(DurationDist::fixed(20 * 60)) == "20m");
  CHECK(core::describe(DurationDist::uniform(600, 1800)) == "uniform(10m, 30m)");
  CHECK(core::describe(DurationDist::triangular(600, 1200, 3600)) ==
        "triangular(10m, 20m, 1h)");
  CHECK(core::describe(DurationDist::lognormal(7200, 3600)) == "lognormal(2h, 1h)");
  CHECK(core::describe(DurationDist::exponential(1800)) == "exponential(30m)");
}

TEST_CASE("describe picks the largest unit that prints the number exactly") {
  const auto text = [](double s) { return core::describe(DurationDist::fixed(s)); };
  CHECK(text(5400) == "1.5h");
  CHECK(text(90) == "90s");  // a fraction of a minute reads better in seconds
  CHECK(text(2700) == "45m");  // below one hour: minutes, not "0.75h"
  CHECK(text(8100) == "2.25h");
  CHECK(text(3780) == "1.05h");
  CHECK(text(3660) == "61m");  // 1.01666...h is not a short decimal
  CHECK(text(601) == "601s");
  CHECK(text(86400) == "1d");
  CHECK(text(7 * 86400) == "7d");
  CHECK(text(129600) == "1.5d");
  CHECK(text(12 * 3600) == "12h");
  CHECK(text(45) == "45s");
  CHECK(text(0.25) == "0.25s");
  CHECK(text(0.000001) == "0.000001s");
  CHECK(text(0) == "0s");
  CHECK(text(-300) == "-5m");
  CHECK(text(1e9) == "1000000000s");
}

TEST_CASE("The same engine seed gives the same draws, for every kind") {
  const std::vector<DurationDist> kinds{
      DurationDist::fixed(60), DurationDist::uniform(1, 100),
      DurationDist::triangular(1, 5, 100), DurationDist::lognormal(100, 50),
      DurationDist::exponential(100)};
  const core::RandomStreams streams(2024, 3);
  core::RandomEngine a = streams.stream("response.duration", 7);
  core::RandomEngine b = streams.stream("response.duration", 7);
  std::vector<core::TimeUs> first, second;
  for (int i = 0; i < 200; ++i) {
    for (const DurationDist& d : kinds) {
      first.push_back(core::sampleUs(d, a));
      second.push_back(core::sampleUs(d, b));
    }
  }
  CHECK(first == second);
  // A different stream gives different draws (the check above is not vacuous).
  core::RandomEngine c = streams.stream("response.duration", 8);
  std::vector<core::TimeUs> third;
  for (int i = 0; i < 200; ++i) {
    for (const DurationDist& d : kinds) third.push_back(core::sampleUs(d, c));
  }
  CHECK(third != first);
}
