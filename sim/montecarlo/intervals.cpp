// Confidence intervals of a mean (see intervals.hpp).
#include "sim/montecarlo/intervals.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include <boost/math/distributions/gamma.hpp>
#include <boost/random/binomial_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>

namespace irdrill::montecarlo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The bootstrap's generator seed: fixed, so an interval is a function of the values only.
constexpr std::uint64_t kBootstrapSeed = 0x626f6f7473747261ULL;  // "bootstra"

// Resampling cost is resamples x groups; adjacent sketch buckets (0.5% wide) are pooled
// into at most this many groups, which changes the spread of the values by far less than
// the interval's own sampling error.
constexpr std::size_t kMaxBootstrapGroups = 256;

// Below this many values a resample draws them one by one; above, it draws each group's
// count from a binomial (same distribution: a multinomial drawn sequentially).
constexpr std::uint64_t kDirectDrawLimit = 4096;

// Overdispersion beyond which counts are not treated as Poisson (assumption).
constexpr double kMaxPoissonDispersion = 1.5;

std::vector<QuantileSketch::Mass> pooled(std::span<const QuantileSketch::Mass> masses) {
  const std::size_t per = (masses.size() + kMaxBootstrapGroups - 1) / kMaxBootstrapGroups;
  if (per <= 1) return {masses.begin(), masses.end()};
  std::vector<QuantileSketch::Mass> groups;
  for (std::size_t i = 0; i < masses.size(); i += per) {
    double sum = 0;
    std::uint64_t count = 0;
    for (std::size_t k = i; k < std::min(masses.size(), i + per); ++k) {
      sum += masses[k].value * static_cast<double>(masses[k].count);
      count += masses[k].count;
    }
    groups.push_back({sum / static_cast<double>(count), count});
  }
  return groups;
}

}  // namespace

std::string_view methodName(IntervalMethod method) {
  switch (method) {
    case IntervalMethod::Wilson: return "wilson";
    case IntervalMethod::PoissonExact: return "poisson-exact";
    case IntervalMethod::BootstrapPercentile: return "bootstrap-percentile";
    case IntervalMethod::StudentT: return "student-t";
    case IntervalMethod::None: break;
  }
  return "none";
}

std::string_view methodDescription(IntervalMethod method) {
  switch (method) {
    case IntervalMethod::Wilson: return "Wilson score";
    case IntervalMethod::PoissonExact: return "exact Poisson (Garwood)";
    case IntervalMethod::BootstrapPercentile: return "bootstrap percentile";
    case IntervalMethod::StudentT: return "Student's t";
    case IntervalMethod::None: break;
  }
  return "none (fewer than 2 values)";
}

std::pair<double, double> wilsonInterval(double successes, double trials, double z) {
  if (!(trials > 0)) return {kNaN, kNaN};
  const double n = trials;
  const double p = std::clamp(successes / n, 0.0, 1.0);
  const double z2 = z * z;
  const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  // At 0 or n successes the bound is exactly 0 or 1; rounding would leave it a hair off.
  return {p == 0 ? 0.0 : std::max(0.0, centre - half), p == 1 ? 1.0 : std::min(1.0, centre + half)};
}

std::pair<double, double> poissonExactInterval(std::uint64_t total, double exposures) {
  if (!(exposures > 0)) return {kNaN, kNaN};
  const double s = static_cast<double>(total);
  const double low = total == 0 ? 0.0 : boost::math::quantile(boost::math::gamma_distribution<>(s), 0.025);
  const double high = boost::math::quantile(boost::math::gamma_distribution<>(s + 1), 0.975);
  return {low / exposures, high / exposures};
}

std::pair<double, double> bootstrapMeanInterval(std::span<const QuantileSketch::Mass> masses,
                                                std::uint64_t seed, int resamples) {
  const std::vector<QuantileSketch::Mass> groups = pooled(masses);
  std::uint64_t n = 0;
  for (const auto& g : groups) n += g.count;
  if (n < 2 || resamples < 1) return {kNaN, kNaN};

  boost::random::mt19937_64 engine(seed);
  std::vector<std::uint64_t> cumulative;  // values up to and including group k
  for (const auto& g : groups) cumulative.push_back((cumulative.empty() ? 0 : cumulative.back()) + g.count);
  std::vector<double> means;
  means.reserve(static_cast<std::size_t>(resamples));
  for (int b = 0; b < resamples; ++b) {
    double sum = 0;
    if (n <= kDirectDrawLimit) {
      boost::random::uniform_int_distribution<std::uint64_t> pick(0, n - 1);
      for (std::uint64_t i = 0; i < n; ++i) {
        const auto k = std::upper_bound(cumulative.begin(), cumulative.end(), pick(engine)) - cumulative.begin();
        sum += groups[static_cast<std::size_t>(k)].value;
      }
    } else {
      // A multinomial as a chain of binomials: each group's share of what is left.
      long long left = static_cast<long long>(n);
      std::uint64_t countLeft = n;
      for (std::size_t k = 0; k < groups.size() && left > 0; ++k) {
        long long drawn = left;
        if (k + 1 < groups.size()) {
          const double p = static_cast<double>(groups[k].count) / static_cast<double>(countLeft);
          drawn = boost::random::binomial_distribution<long long>(left, std::min(1.0, p))(engine);
        }
        sum += static_cast<double>(drawn) * groups[k].value;
        left -= drawn;
        countLeft -= groups[k].count;
      }
    }
    means.push_back(sum / static_cast<double>(n));
  }
  std::sort(means.begin(), means.end());
  const auto at = [&](double q) {
    const auto i = static_cast<std::size_t>(std::floor(q * static_cast<double>(means.size() - 1) + 0.5));
    return means[std::min(i, means.size() - 1)];
  };
  // A resample's mean lies within the values' range; pooling's rounding must not take a
  // bound a hair outside it.
  const double lowest = groups.front().value, highest = groups.back().value;
  return {std::clamp(at(0.025), lowest, highest), std::clamp(at(0.975), lowest, highest)};
}

Interval meanInterval(MetricKind kind, const StreamingStats& stats) {
  const std::uint64_t n = stats.count();
  if (n < 2) return {kNaN, kNaN, IntervalMethod::None};
  const double count = static_cast<double>(n);
  const auto bootstrap = [&] {
    const auto masses = stats.sketch().masses();
    const auto [low, high] = bootstrapMeanInterval(masses, kBootstrapSeed);
    return Interval{low, high, IntervalMethod::BootstrapPercentile};
  };
  switch (kind) {
    case MetricKind::Proportion: {
      if (stats.min() < 0 || stats.max() > 1) break;  // not a proportion after all
      const auto [low, high] = wilsonInterval(stats.mean() * count, count);
      return {low, high, IntervalMethod::Wilson};
    }
    case MetricKind::Count: {
      const double total = stats.mean() * count;
      const bool wholeNonNegative = stats.min() >= 0 && std::fabs(total - std::round(total)) < 1e-6 * std::max(1.0, total);
      const bool poissonLike = !(stats.variance() > kMaxPoissonDispersion * stats.mean());
      if (wholeNonNegative && poissonLike) {
        const auto [low, high] = poissonExactInterval(static_cast<std::uint64_t>(std::llround(total)), count);
        return {low, high, IntervalMethod::PoissonExact};
      }
      return bootstrap();
    }
    case MetricKind::Duration:
    case MetricKind::Amount:
      return bootstrap();
    case MetricKind::Signed:
      break;
  }
  const auto [low, high] = stats.confidenceInterval95();
  return {low, high, IntervalMethod::StudentT};
}

}  // namespace irdrill::montecarlo
