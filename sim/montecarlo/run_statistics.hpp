// The statistics of a Monte Carlo run, fed one replication at a time in replication order
// (by the runner's sink, or by `irdrill merge` from the shards' rows), and the comparison
// of two scenarios replication by replication.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sim/montecarlo/replication_model.hpp"
#include "sim/montecarlo/report_data.hpp"
#include "sim/montecarlo/streaming_stats.hpp"

namespace irdrill::montecarlo {

// Points of the empirical CDF kept per metric in summaries and reports.
inline constexpr std::size_t kCdfPoints = 200;

class RunStatistics {
 public:
  explicit RunStatistics(std::vector<MetricDef> metrics);
  // One replication's values, one per metric; NaN values are skipped.
  void add(std::span<const double> values);
  std::uint64_t replications() const { return replications_; }
  const std::vector<MetricDef>& metrics() const { return metrics_; }
  const StreamingStats& stats(std::size_t metric) const { return stats_[metric]; }
  // Mean, sd, min, max, median, p90, p95, 95% CI of the mean and CDF of every metric.
  std::vector<MetricSummary> summaries() const;

 private:
  std::vector<MetricDef> metrics_;
  std::vector<StreamingStats> stats_;
  std::uint64_t replications_ = 0;
};

MetricSummary summarise(const MetricDef& metric, const StreamingStats& stats);

// Scenario B against scenario A, run with the same seed and replication indices (common
// random numbers): per metric the means of each and the paired difference B - A, with
// the 95% CI from Student's t on the per-replication differences. A replication counts
// for a metric's difference only where the metric applies in both.
class CompareStatistics {
 public:
  explicit CompareStatistics(std::vector<MetricDef> metrics);
  void add(std::span<const double> a, std::span<const double> b);
  std::uint64_t replications() const { return replications_; }
  std::vector<MetricDifference> differences() const;
  const std::vector<MetricDef>& metrics() const { return metrics_; }

 private:
  std::vector<MetricDef> metrics_;
  std::vector<StreamingStats> a_, b_, difference_;
  std::uint64_t replications_ = 0;
};

}  // namespace irdrill::montecarlo
