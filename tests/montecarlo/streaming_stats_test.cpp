// Streaming statistics against exact oracles: quantiles within the sketch's guaranteed
// relative error of the exact sample quantiles, mean and sd against a two-pass
// computation, the t interval's coverage, and bounded memory.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "sim/core/random_streams.hpp"
#include "sim/montecarlo/streaming_stats.hpp"

using irdrill::montecarlo::QuantileSketch;
using irdrill::montecarlo::StreamingStats;

namespace {

irdrill::core::RandomEngine engine(const char* name) {
  return irdrill::core::RandomStreams(2024, 0).stream(name);
}

// The exact sample quantile the sketch promises to approximate: x[floor(q (n - 1))].
double exactQuantile(std::vector<double> sorted, double q) {
  std::sort(sorted.begin(), sorted.end());
  return sorted[static_cast<std::size_t>(std::floor(q * static_cast<double>(sorted.size() - 1)))];
}

// Relative error, with the bound's own rounding allowed for (bucket edges are computed
// with log and exp).
bool withinGuarantee(double estimate, double exact) {
  if (exact == 0) return estimate == 0;
  return std::fabs(estimate - exact) <= QuantileSketch::kRelativeAccuracy * std::fabs(exact) * (1 + 1e-9);
}

void checkQuantiles(const std::vector<double>& values) {
  QuantileSketch sketch;
  for (const double v : values) sketch.add(v);
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  for (const double q : {0.0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0}) {
    const double exact = exactQuantile(sorted, q);
    const double estimate = sketch.quantile(q);
    INFO("q " << q << ": exact " << exact << ", sketch " << estimate);
    CHECK(withinGuarantee(estimate, exact));
  }
}

}  // namespace

TEST_CASE("Sketch quantiles of a lognormal sample are within 0.5% of the exact ones") {
  auto rng = engine("lognormal");
  boost::random::lognormal_distribution<double> dist(3, 1.5);
  std::vector<double> values(100000);
  for (double& v : values) v = dist(rng);
  checkQuantiles(values);
}

TEST_CASE("Sketch quantiles hold for negative values, zeros and ties") {
  SECTION("normal around zero: both signs") {
    auto rng = engine("normal");
    boost::random::normal_distribution<double> dist(0.5, 3);
    std::vector<double> values(50000);
    for (double& v : values) v = dist(rng);
    checkQuantiles(values);
  }
  SECTION("Poisson counts: many exact zeros and ties") {
    auto rng = engine("poisson");
    boost::random::poisson_distribution<int> dist(1.2);
    std::vector<double> values(20000);
    for (double& v : values) v = dist(rng);
    checkQuantiles(values);
    QuantileSketch sketch;
    for (const double v : values) sketch.add(v);
    CHECK(sketch.quantile(0.1) == 0.0);  // zero is exact, not approximately zero
  }
  SECTION("a single value and a constant sample") {
    QuantileSketch one;
    one.add(42.5);
    CHECK(one.quantile(0) == 42.5);  // clamped to [min, max]: exact
    CHECK(one.quantile(1) == 42.5);
    checkQuantiles(std::vector<double>(100, -7.25));
  }
}

TEST_CASE("The CDF is increasing in value and fraction, bounded in size, and ends at (max, 1)") {
  auto rng = engine("cdf");
  boost::random::lognormal_distribution<double> dist(0, 2);
  QuantileSketch sketch;
  std::vector<double> values(30000);
  for (double& v : values) {
    v = dist(rng);
    sketch.add(v);
  }
  const auto cdf = sketch.cdf(200);
  REQUIRE(cdf.size() >= 100);
  REQUIRE(cdf.size() <= 200);
  for (std::size_t i = 1; i < cdf.size(); ++i) {
    CHECK(cdf[i].first > cdf[i - 1].first);
    CHECK(cdf[i].second > cdf[i - 1].second);
  }
  CHECK(cdf.back().first == *std::max_element(values.begin(), values.end()));
  CHECK(cdf.back().second == 1.0);
  // Each point is an exact point of the empirical CDF: a sample value and the fraction of
  // the sample at or below it.
  std::sort(values.begin(), values.end());
  for (const auto& [value, fraction] : cdf) {
    CHECK(std::binary_search(values.begin(), values.end(), value));
    const auto upTo = std::upper_bound(values.begin(), values.end(), value) - values.begin();
    CHECK(fraction == double(upTo) / double(values.size()));
  }
}

TEST_CASE("Counts and ties come out exact, not as bucket midpoints") {
  QuantileSketch sketch;
  for (int i = 0; i < 1000; ++i) sketch.add(i % 7);  // 0..6, each about 143 times
  CHECK(sketch.quantile(0.5) == 3.0);
  CHECK(sketch.quantile(0.9) == 6.0);
  const auto cdf = sketch.cdf(200);
  REQUIRE(cdf.size() == 7);
  for (std::size_t k = 0; k < cdf.size(); ++k) CHECK(cdf[k].first == double(k));
}

TEST_CASE("Memory stays bounded for a million values spanning twenty decades") {
  auto rng = engine("decades");
  boost::random::uniform_real_distribution<double> exponent(-10, 10);
  QuantileSketch sketch;
  std::vector<double> values;
  values.reserve(1000000);
  for (int i = 0; i < 1000000; ++i) {
    const double v = std::pow(10.0, exponent(rng)) * (i % 2 == 0 ? 1 : -1);
    values.push_back(v);
    sketch.add(v);
  }
  CHECK(sketch.bucketCount() <= 2 * QuantileSketch::kMaxBuckets + 1);
  // Twenty decades need about 4600 buckets per sign at 0.5%: collapsing happened, yet the
  // quantiles of large magnitudes keep their guarantee.
  std::sort(values.begin(), values.end());
  for (const double q : {0.01, 0.1, 0.2, 0.8, 0.9, 0.99}) {
    const double exact = exactQuantile(values, q);
    INFO("q " << q << ": exact " << exact << ", sketch " << sketch.quantile(q));
    CHECK(withinGuarantee(sketch.quantile(q), exact));
  }
}

TEST_CASE("Welford mean and sd match a two-pass computation; NaN is skipped") {
  auto rng = engine("welford");
  // A large offset makes the naive sum-of-squares formula lose every digit.
  boost::random::normal_distribution<double> dist(1e9, 0.5);
  StreamingStats stats;
  std::vector<double> values(10000);
  for (double& v : values) {
    v = dist(rng);
    stats.add(v);
    stats.add(std::nan(""));
  }
  // The oracle: two passes in long double (64-bit mantissa on x86), far more accurate
  // than a double sum of 10^4 values near 10^9.
  long double sum = 0;
  for (const double v : values) sum += v;
  const long double exactMean = sum / values.size();
  long double squares = 0;
  for (const double v : values) squares += (v - exactMean) * (v - exactMean);
  const double mean = static_cast<double>(exactMean);
  const double sd = static_cast<double>(std::sqrt(squares / (values.size() - 1)));
  CHECK(stats.count() == values.size());
  CHECK(stats.mean() == Approx(mean).epsilon(1e-13));  // 10^4 updates, each rounded at 1e9
  CHECK(stats.sd() == Approx(sd).epsilon(1e-6));  // sd 0.5 from values near 1e9: ~1e-7 is the best a double does
  CHECK(stats.min() == *std::min_element(values.begin(), values.end()));
  CHECK(stats.max() == *std::max_element(values.begin(), values.end()));
  CHECK_THROWS_AS(stats.add(INFINITY), std::invalid_argument);
}

TEST_CASE("Too few values give NaN figures; equal values give a zero-width interval") {
  StreamingStats none;
  CHECK(std::isnan(none.mean()));
  CHECK(std::isnan(none.quantile(0.5)));
  StreamingStats one;
  one.add(3);
  CHECK(one.mean() == 3);
  CHECK(std::isnan(one.sd()));
  CHECK(std::isnan(one.confidenceInterval95().first));
  StreamingStats same;
  for (int i = 0; i < 5; ++i) same.add(2.5);
  CHECK(same.confidenceInterval95() == std::pair(2.5, 2.5));
}

TEST_CASE("The 95% t interval of n = 30 normal samples covers the mean 95% +- 2% of the time") {
  auto rng = engine("coverage");
  boost::random::normal_distribution<double> dist(5, 2);
  int covered = 0;
  const int repetitions = 1000;
  for (int r = 0; r < repetitions; ++r) {
    StreamingStats stats;
    for (int i = 0; i < 30; ++i) stats.add(dist(rng));
    const auto [low, high] = stats.confidenceInterval95();
    if (low <= 5 && 5 <= high) ++covered;
  }
  const double coverage = double(covered) / repetitions;
  INFO("coverage " << coverage);
  CHECK(coverage >= 0.93);
  CHECK(coverage <= 0.97);
  // The t quantile, not the normal 1.96: the interval of n = 2 is wide (t(0.975, 1) = 12.71).
  StreamingStats two;
  two.add(0);
  two.add(2);
  CHECK(two.confidenceInterval95().second == Approx(1 + 12.7062047 * std::sqrt(2.0) / std::sqrt(2.0)));
}
