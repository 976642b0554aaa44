// Statistics of a stream of values in bounded memory: count, mean and variance (Welford),
// min, max, quantiles and a CDF from a relative-error sketch, and the 95% confidence
// interval of the mean (Student's t). Results depend on the order values arrive in only
// through floating-point rounding; the Monte Carlo code always adds in replication order,
// so a run gives the same bits on any number of threads and a merge of shards gives the
// bits of one run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

namespace irdrill::montecarlo {

// A quantile sketch with logarithmic buckets (DDSketch: Masson, Rim and Lee, VLDB 2019).
//
// A positive value x goes to bucket i = ceil(log(x) / log(gamma)), gamma = (1 + a) /
// (1 - a), which covers (gamma^(i-1), gamma^i] and is represented by 2 gamma^i / (gamma +
// 1): every value of the bucket is within relative error `a` of it. Negative values have
// their own buckets (by magnitude); zero, and magnitudes below the smallest normal double,
// are counted exactly as 0.
//
// Each bucket also keeps the smallest and largest value it received, and estimates are
// clamped to them: a bucket holding one distinct value (a count, a tie) is exact, and the
// CDF's points are exact points of the empirical CDF (a bucket's largest value and the
// fraction of values up to it).
//
// Guarantee: quantile(q) returns a value within relative error kRelativeAccuracy (0.5 %)
// of the exact sample quantile x[floor(q (n - 1))] (0-based, sorted), provided that value
// is not in a collapsed bucket. Memory is bounded: each sign keeps at most kMaxBuckets
// buckets; beyond that the buckets of the smallest magnitudes merge into one. 2048 buckets
// span a factor gamma^2048 = 7.8e8 (almost 9 decades) below the largest magnitude, so
// only values more than 9 decades smaller than the largest of their sign lose accuracy.
class QuantileSketch {
 public:
  static constexpr double kRelativeAccuracy = 0.005;
  static constexpr std::size_t kMaxBuckets = 2048;  // per sign

  QuantileSketch();

  void add(double value);  // finite values only
  std::uint64_t count() const { return count_; }
  // The q-quantile (0 <= q <= 1), clamped to [min, max] of the values; NaN when empty.
  double quantile(double q) const;
  // The empirical CDF as at most `maxPoints` points (value, fraction of values <= it),
  // increasing in both, each exact for its value; the last point is (max, 1).
  std::vector<std::pair<double, double>> cdf(std::size_t maxPoints) const;
  // Buckets in use (both signs and zero): the memory the sketch holds.
  std::size_t bucketCount() const;
  // The non-empty buckets in increasing order of value, each as the mean of the values it
  // received and their number: the data for resampling (the bootstrap) and for survival
  // curves. Exact where a bucket received one distinct value; otherwise every value of
  // the bucket is within kRelativeAccuracy of the mean.
  struct Mass {
    double value = 0;
    std::uint64_t count = 0;
  };
  std::vector<Mass> masses() const;

 private:
  struct Bucket {
    std::uint64_t count = 0;
    double lo = 0, hi = 0;  // smallest and largest value received (signed)
    double sum = 0;         // of the values received, in the order they came
  };
  // Contiguous buckets for one sign, indexed from `offset`.
  struct Store {
    std::deque<Bucket> buckets;  // deque: grows and collapses at both ends
    int offset = 0;
    void add(int index, double value);
  };

  int indexOf(double magnitude) const;
  double valueOf(int index) const;
  // Calls visit(estimate, bucket) for every non-empty bucket in increasing order of value;
  // the estimate is the bucket's representative clamped to its [lo, hi].
  template <typename Visit>
  void forEachBucket(Visit visit) const;

  double logGamma_;
  double multiplier_;  // 1 / log(gamma)
  Store positive_;
  Store negative_;     // by magnitude
  std::uint64_t zeros_ = 0;
  std::uint64_t count_ = 0;
  double min_ = 0, max_ = 0;
};

// Count, Welford mean and variance, min, max and the sketch's quantiles of the values
// added; NaN values ("does not apply") are skipped. Infinite values are a model bug
// (std::invalid_argument).
class StreamingStats {
 public:
  void add(double value);

  std::uint64_t count() const { return count_; }
  double mean() const;      // NaN when empty
  double variance() const;  // sample variance (n - 1); NaN below 2 values
  double sd() const;
  double min() const;       // NaN when empty
  double max() const;
  double quantile(double q) const { return sketch_.quantile(q); }
  // The 95% confidence interval of the mean: mean -+ t(0.975, n - 1) sd / sqrt(n). NaN
  // below 2 values; (mean, mean) when every value is the same.
  std::pair<double, double> confidenceInterval95() const;
  const QuantileSketch& sketch() const { return sketch_; }

 private:
  std::uint64_t count_ = 0;
  double mean_ = 0;
  double m2_ = 0;  // sum of squared deviations from the running mean
  double min_ = 0, max_ = 0;
  QuantileSketch sketch_;
};

}  // namespace irdrill::montecarlo
