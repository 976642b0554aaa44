// 95% confidence intervals of a mean over replications that respect the quantity
// (metric_kind.hpp): a proportion's interval stays inside [0, 1], a count's and a time's
// never goes below zero. Each interval says which method made it, for summary.json and
// the report.
//
//  - Proportion: Wilson score interval with p = the mean and n = the replications. Exact
//    in form for 0/1 values; for fractions in [0, 1] it is conservative, since their
//    variance is at most p (1 - p). (Wilson, JASA 22, 1927.)
//  - Count: exact Poisson interval of the mean count (Garwood, Biometrika 28, 1936):
//    with S the total over n replications, [Gamma^-1(S, 0.025), Gamma^-1(S + 1, 0.975)] / n
//    (Gamma^-1 the quantile of the unit-scale gamma distribution; the lower bound is 0 for
//    S = 0). Poisson assumes the variance equals the mean; when the counts are
//    overdispersed (sample variance above 1.5 times the mean, an assumption for "clearly
//    more spread than Poisson") it would be too narrow, and the bootstrap is used instead.
//  - Duration and Amount (times; records, rates, score terms: quantities of one sign):
//    percentile bootstrap of the mean (Efron and Tibshirani, An
//    Introduction to the Bootstrap, 1993, ch. 13) with kBootstrapResamples resamples drawn
//    from the quantile sketch's buckets (their means and counts) by a generator with a
//    fixed seed: the same values give the same interval, whatever the number of threads,
//    and the bounds never leave [min, max] of the values.
//  - Signed: Student's t on the mean.
// Below 2 values there is no interval (NaN bounds, method None).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>

#include "sim/montecarlo/metric_kind.hpp"
#include "sim/montecarlo/streaming_stats.hpp"

namespace irdrill::montecarlo {

enum class IntervalMethod { None, Wilson, PoissonExact, BootstrapPercentile, StudentT };

// "none", "wilson", "poisson-exact", "bootstrap-percentile", "student-t".
std::string_view methodName(IntervalMethod method);
// One phrase for people: "Wilson score", "exact Poisson (Garwood)", ...
std::string_view methodDescription(IntervalMethod method);

struct Interval {
  double low = 0, high = 0;
  IntervalMethod method = IntervalMethod::None;
};

inline constexpr double kZ95 = 1.959963984540054;
inline constexpr int kBootstrapResamples = 2000;
// Below this many replications an interval is reported but flagged as rough, and below
// kMinReplicationsForTailQuantiles p90 and p95 are not reported (with n = 10, p90 is the
// largest value but one: a tail figure needs values beyond it). Both are assumptions.
inline constexpr std::uint64_t kMinReplicationsForInterval = 10;
inline constexpr std::uint64_t kMinReplicationsForTailQuantiles = 20;

// Wilson score interval for `successes` out of `trials` (successes may be fractional: a
// mean times n); (NaN, NaN) without trials. Exactly 0 and 1 at the ends.
std::pair<double, double> wilsonInterval(double successes, double trials, double z = kZ95);

// Exact (Garwood) 95% interval of a Poisson mean from `total` events over `exposures`
// units (replications).
std::pair<double, double> poissonExactInterval(std::uint64_t total, double exposures);

// Percentile bootstrap 95% interval of the mean of the values given as (value, count)
// masses; `seed` fixes the resampling.
std::pair<double, double> bootstrapMeanInterval(std::span<const QuantileSketch::Mass> masses,
                                                std::uint64_t seed,
                                                int resamples = kBootstrapResamples);

// The interval of the mean of `stats` for a metric of `kind`.
Interval meanInterval(MetricKind kind, const StreamingStats& stats);

}  // namespace irdrill::montecarlo
