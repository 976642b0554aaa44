// Streaming statistics (see streaming_stats.hpp).
#include "sim/montecarlo/streaming_stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <boost/math/distributions/students_t.hpp>

namespace irdrill::montecarlo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kGamma =
    (1 + QuantileSketch::kRelativeAccuracy) / (1 - QuantileSketch::kRelativeAccuracy);

}  // namespace

// ---------------------------------------------------------------------------------------
// QuantileSketch

QuantileSketch::QuantileSketch() : logGamma_(std::log(kGamma)), multiplier_(1 / std::log(kGamma)) {}

void QuantileSketch::Store::add(int index, double value) {
  const auto merge = [](Bucket& into, const Bucket& from) {
    if (from.count == 0) return;
    if (into.count == 0) {
      into = from;
      return;
    }
    into.count += from.count;
    into.sum += from.sum;
    into.lo = std::min(into.lo, from.lo);
    into.hi = std::max(into.hi, from.hi);
  };
  if (buckets.empty()) {
    buckets.push_back({1, value, value, value});
    offset = index;
    return;
  }
  const int highest = offset + static_cast<int>(buckets.size()) - 1;
  if (index > highest) {
    buckets.resize(static_cast<std::size_t>(index - offset) + 1);
    // Over the limit: the smallest magnitudes merge into the lowest bucket kept, so the
    // large values (the tail people read p90 and p95 from) keep their accuracy.
    while (buckets.size() > kMaxBuckets) {
      const Bucket dropped = buckets.front();
      buckets.pop_front();
      merge(buckets.front(), dropped);
      ++offset;
    }
  } else if (index < offset) {
    const int lowestKept = highest - static_cast<int>(kMaxBuckets) + 1;
    index = std::max(index, lowestKept);
    if (index < offset) {
      buckets.insert(buckets.begin(), static_cast<std::size_t>(offset - index), Bucket{});
      offset = index;
    }
  }
  merge(buckets[static_cast<std::size_t>(index - offset)], Bucket{1, value, value, value});
}

int QuantileSketch::indexOf(double magnitude) const {
  return static_cast<int>(std::ceil(std::log(magnitude) * multiplier_));
}

double QuantileSketch::valueOf(int index) const {
  // The point of (gamma^(i-1), gamma^i] with the same relative distance to both ends.
  return std::exp(index * logGamma_) * (2 / (1 + kGamma));
}

void QuantileSketch::add(double value) {
  if (!std::isfinite(value)) throw std::invalid_argument("QuantileSketch: non-finite value");
  if (count_ == 0) {
    min_ = max_ = value;
  } else {
    min_ = std::min(min_, value);
    max_ = std::max(max_, value);
  }
  ++count_;
  const double magnitude = std::fabs(value);
  if (magnitude < std::numeric_limits<double>::min()) {
    ++zeros_;
  } else if (value > 0) {
    positive_.add(indexOf(magnitude), value);
  } else {
    negative_.add(indexOf(magnitude), value);
  }
}

template <typename Visit>
void QuantileSketch::forEachBucket(Visit visit) const {
  // Clamping to the bucket's own values only moves the estimate towards the exact value,
  // which lies in [lo, hi], so the relative-error guarantee still holds.
  const auto estimate = [](double representative, const Bucket& b) {
    return std::clamp(representative, b.lo, b.hi);
  };
  for (std::size_t k = negative_.buckets.size(); k-- > 0;) {
    const Bucket& b = negative_.buckets[k];
    if (b.count != 0) visit(estimate(-valueOf(negative_.offset + static_cast<int>(k)), b), b);
  }
  if (zeros_ != 0) visit(0.0, Bucket{zeros_, 0.0, 0.0, 0.0});
  for (std::size_t k = 0; k < positive_.buckets.size(); ++k) {
    const Bucket& b = positive_.buckets[k];
    if (b.count != 0) visit(estimate(valueOf(positive_.offset + static_cast<int>(k)), b), b);
  }
}

double QuantileSketch::quantile(double q) const {
  if (count_ == 0) return kNaN;
  q = std::clamp(q, 0.0, 1.0);
  const auto rank = static_cast<std::uint64_t>(std::floor(q * static_cast<double>(count_ - 1)));
  std::uint64_t seen = 0;
  double found = max_;
  bool done = false;
  forEachBucket([&](double value, const Bucket& b) {
    if (done) return;
    seen += b.count;
    if (seen > rank) {
      found = value;
      done = true;
    }
  });
  return found;
}

std::vector<std::pair<double, double>> QuantileSketch::cdf(std::size_t maxPoints) const {
  std::vector<std::pair<double, double>> points;
  if (count_ == 0 || maxPoints == 0) return points;
  const double n = static_cast<double>(count_);
  const double steps = static_cast<double>(maxPoints);
  std::uint64_t seen = 0;
  double nextFraction = 1 / steps;
  forEachBucket([&](double, const Bucket& b) {
    seen += b.count;
    const double fraction = seen == count_ ? 1.0 : static_cast<double>(seen) / n;
    if (fraction < nextFraction && seen != count_) return;
    nextFraction = (std::floor(fraction * steps) + 1) / steps;
    // Every value of later buckets is larger than this bucket's largest, so `fraction` is
    // exactly the fraction of values <= b.hi.
    points.emplace_back(b.hi, fraction);
  });
  return points;
}

std::vector<QuantileSketch::Mass> QuantileSketch::masses() const {
  std::vector<Mass> out;
  forEachBucket([&](double, const Bucket& b) {
    // The mean of a bucket's values lies in [lo, hi]; clamped against rounding.
    const double mean = std::clamp(b.sum / static_cast<double>(b.count), b.lo, b.hi);
    out.push_back({b.lo == b.hi ? b.lo : mean, b.count});
  });
  return out;
}

std::size_t QuantileSketch::bucketCount() const {
  return positive_.buckets.size() + negative_.buckets.size() + (zeros_ != 0 ? 1 : 0);
}

// ---------------------------------------------------------------------------------------
// StreamingStats

void StreamingStats::add(double value) {
  if (std::isnan(value)) return;
  if (std::isinf(value)) throw std::invalid_argument("StreamingStats: infinite value");
  sketch_.add(value);
  ++count_;
  if (count_ == 1) {
    min_ = max_ = value;
  } else {
    min_ = std::min(min_, value);
    max_ = std::max(max_, value);
  }
  // Welford: no catastrophic cancellation, one pass.
  const double delta = value - mean_;
  mean_ += delta / static_cast<double>(count_);
  m2_ += delta * (value - mean_);
}

double StreamingStats::mean() const { return count_ == 0 ? kNaN : mean_; }

double StreamingStats::variance() const {
  return count_ < 2 ? kNaN : m2_ / static_cast<double>(count_ - 1);
}

double StreamingStats::sd() const { return std::sqrt(variance()); }
double StreamingStats::min() const { return count_ == 0 ? kNaN : min_; }
double StreamingStats::max() const { return count_ == 0 ? kNaN : max_; }

std::pair<double, double> StreamingStats::confidenceInterval95() const {
  if (count_ < 2) return {kNaN, kNaN};
  const double s = sd();
  if (s == 0) return {mean_, mean_};
  const boost::math::students_t distribution(static_cast<double>(count_ - 1));
  const double t = boost::math::quantile(distribution, 0.975);
  const double halfWidth = t * s / std::sqrt(static_cast<double>(count_));
  return {mean_ - halfWidth, mean_ + halfWidth};
}

}  // namespace irdrill::montecarlo
