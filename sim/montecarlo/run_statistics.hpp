// The statistics of a Monte Carlo run, fed one replication at a time in replication order
// (by the runner's sink, or by `irdrill merge` from the shards' rows), and the comparison
// of two scenarios replication by replication.
#pragma once

#include <cstdint>
#include <span>
#include <string>
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
  // Mean, sd, min, max, median, p90, p95, 95% CI of the mean (by the metric's kind) and
  // CDF of every metric; for censored times the Kaplan-Meier curve and its quantiles.
  std::vector<MetricSummary> summaries() const;

 private:
  std::vector<MetricDef> metrics_;
  std::vector<StreamingStats> stats_;
  // Per metric: the index of its censoring metric (MetricDef::censoredBy), or -1.
  std::vector<int> censoring_;
  std::vector<SurvivalSketch> survival_;
  std::uint64_t replications_ = 0;
};

// The summary of one metric; `survival` given for a censored time.
MetricSummary summarise(const MetricDef& metric, const StreamingStats& stats,
                        const SurvivalSketch* survival = nullptr);

// Scenario B against scenario A, run with the same seed and replication indices (common
// random numbers): per metric each side's full summary and the paired difference B - A,
// with the 95% CI from Student's t on the per-replication differences (differences may
// take either sign). A replication counts for a metric's difference only where the metric
// applies in both.
class CompareStatistics {
 public:
  explicit CompareStatistics(std::vector<MetricDef> metrics);
  void add(std::span<const double> a, std::span<const double> b);
  std::uint64_t replications() const { return replications_; }
  std::vector<MetricDifference> differences() const;
  std::vector<MetricSummary> summariesA() const { return a_.summaries(); }
  std::vector<MetricSummary> summariesB() const { return b_.summaries(); }
  const std::vector<MetricDef>& metrics() const { return metrics_; }

 private:
  std::vector<MetricDef> metrics_;
  RunStatistics a_, b_;
  std::vector<StreamingStats> difference_;
  std::uint64_t replications_ = 0;
};

// Whether B - A is significant (its 95% interval excludes 0) and, by the metric's good
// direction, better or worse for B.
enum class Verdict { NotSignificant, Better, Worse, Different };
Verdict verdictOf(const MetricDifference& difference);

// One line for people: which metrics B improves and worsens significantly, and that the
// others show no significant difference; score ledger terms ("score_...") are left to the
// score breakdown. Says so when there are too few pairs to judge.
std::string compareVerdict(const std::vector<MetricDifference>& differences);

}  // namespace irdrill::montecarlo
