// Run and comparison statistics (see run_statistics.hpp).
#include "sim/montecarlo/run_statistics.hpp"

#include <cmath>
#include <stdexcept>

namespace irdrill::montecarlo {

MetricSummary summarise(const MetricDef& metric, const StreamingStats& stats) {
  MetricSummary s;
  s.name = metric.name;
  s.unit = metric.unit;
  s.description = metric.description;
  s.count = stats.count();
  s.mean = stats.mean();
  s.sd = stats.sd();
  s.min = stats.min();
  s.max = stats.max();
  s.median = stats.quantile(0.5);
  s.p90 = stats.quantile(0.9);
  s.p95 = stats.quantile(0.95);
  const auto [low, high] = stats.confidenceInterval95();
  s.ciLow = low;
  s.ciHigh = high;
  s.cdf = stats.sketch().cdf(kCdfPoints);
  return s;
}

RunStatistics::RunStatistics(std::vector<MetricDef> metrics)
    : metrics_(std::move(metrics)), stats_(metrics_.size()) {}

void RunStatistics::add(std::span<const double> values) {
  if (values.size() != stats_.size()) throw std::invalid_argument("RunStatistics: wrong value count");
  for (std::size_t i = 0; i < values.size(); ++i) stats_[i].add(values[i]);
  ++replications_;
}

std::vector<MetricSummary> RunStatistics::summaries() const {
  std::vector<MetricSummary> out;
  for (std::size_t i = 0; i < metrics_.size(); ++i) out.push_back(summarise(metrics_[i], stats_[i]));
  return out;
}

CompareStatistics::CompareStatistics(std::vector<MetricDef> metrics)
    : metrics_(std::move(metrics)),
      a_(metrics_.size()),
      b_(metrics_.size()),
      difference_(metrics_.size()) {}

void CompareStatistics::add(std::span<const double> a, std::span<const double> b) {
  if (a.size() != metrics_.size() || b.size() != metrics_.size()) {
    throw std::invalid_argument("CompareStatistics: wrong value count");
  }
  for (std::size_t i = 0; i < metrics_.size(); ++i) {
    a_[i].add(a[i]);
    b_[i].add(b[i]);
    if (!std::isnan(a[i]) && !std::isnan(b[i])) difference_[i].add(b[i] - a[i]);
  }
  ++replications_;
}

std::vector<MetricDifference> CompareStatistics::differences() const {
  std::vector<MetricDifference> out;
  for (std::size_t i = 0; i < metrics_.size(); ++i) {
    MetricDifference d;
    d.name = metrics_[i].name;
    d.unit = metrics_[i].unit;
    d.meanA = a_[i].mean();
    d.meanB = b_[i].mean();
    d.meanDifference = difference_[i].mean();
    const auto [low, high] = difference_[i].confidenceInterval95();
    d.ciLow = low;
    d.ciHigh = high;
    d.pairs = difference_[i].count();
    out.push_back(d);
  }
  return out;
}

}  // namespace irdrill::montecarlo
