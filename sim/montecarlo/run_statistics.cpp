// Run and comparison statistics (see run_statistics.hpp).
#include "sim/montecarlo/run_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace irdrill::montecarlo {

MetricSummary summarise(const MetricDef& metric, const StreamingStats& stats,
                        const SurvivalSketch* survival) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  MetricSummary s;
  s.name = metric.name;
  s.unit = metric.unit;
  s.description = metric.description;
  s.kind = metric.kind;
  s.better = metric.better;
  s.count = stats.count();
  s.mean = stats.mean();
  s.sd = stats.sd();
  s.min = stats.min();
  s.max = stats.max();
  const bool tails = s.count >= kMinReplicationsForTailQuantiles;
  if (survival && !metric.censoredBy.empty()) {
    s.censoredBy = metric.censoredBy;
    s.censored = survival->censoredCount();
    s.survival = survival->curve();
    s.median = survivalQuantile(s.survival, 0.5);
    s.p90 = tails ? survivalQuantile(s.survival, 0.9) : kNaN;
    s.p95 = tails ? survivalQuantile(s.survival, 0.95) : kNaN;
  } else {
    s.median = stats.quantile(0.5);
    s.p90 = tails ? stats.quantile(0.9) : kNaN;
    s.p95 = tails ? stats.quantile(0.95) : kNaN;
  }
  const Interval interval = meanInterval(metric.kind, stats);
  s.ciLow = interval.low;
  s.ciHigh = interval.high;
  s.intervalMethod = interval.method;
  s.cdf = stats.sketch().cdf(kCdfPoints);
  return s;
}

RunStatistics::RunStatistics(std::vector<MetricDef> metrics)
    : metrics_(std::move(metrics)), stats_(metrics_.size()), censoring_(metrics_.size(), -1),
      survival_(metrics_.size()) {
  for (std::size_t i = 0; i < metrics_.size(); ++i) {
    if (metrics_[i].censoredBy.empty()) continue;
    for (std::size_t k = 0; k < metrics_.size(); ++k) {
      if (metrics_[k].name == metrics_[i].censoredBy) censoring_[i] = static_cast<int>(k);
    }
    if (censoring_[i] < 0) {
      throw std::invalid_argument("RunStatistics: '" + metrics_[i].name + "' is censored by the unknown metric '" +
                                  metrics_[i].censoredBy + "'");
    }
  }
}

void RunStatistics::add(std::span<const double> values) {
  if (values.size() != stats_.size()) throw std::invalid_argument("RunStatistics: wrong value count");
  for (std::size_t i = 0; i < values.size(); ++i) {
    stats_[i].add(values[i]);
    if (censoring_[i] >= 0) survival_[i].add(values[i], values[static_cast<std::size_t>(censoring_[i])] > 0);
  }
  ++replications_;
}

std::vector<MetricSummary> RunStatistics::summaries() const {
  std::vector<MetricSummary> out;
  for (std::size_t i = 0; i < metrics_.size(); ++i) {
    out.push_back(summarise(metrics_[i], stats_[i], censoring_[i] >= 0 ? &survival_[i] : nullptr));
  }
  return out;
}

CompareStatistics::CompareStatistics(std::vector<MetricDef> metrics)
    : metrics_(std::move(metrics)), a_(metrics_), b_(metrics_), difference_(metrics_.size()) {}

void CompareStatistics::add(std::span<const double> a, std::span<const double> b) {
  if (a.size() != metrics_.size() || b.size() != metrics_.size()) {
    throw std::invalid_argument("CompareStatistics: wrong value count");
  }
  a_.add(a);
  b_.add(b);
  for (std::size_t i = 0; i < metrics_.size(); ++i) {
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
    d.better = metrics_[i].better;
    d.meanA = a_.stats(i).mean();
    d.meanB = b_.stats(i).mean();
    d.meanDifference = difference_[i].mean();
    const auto [low, high] = difference_[i].confidenceInterval95();
    d.ciLow = low;
    d.ciHigh = high;
    d.method = difference_[i].count() < 2 ? IntervalMethod::None : IntervalMethod::StudentT;
    d.pairs = difference_[i].count();
    out.push_back(d);
  }
  return out;
}

Verdict verdictOf(const MetricDifference& d) {
  if (d.pairs < 2 || !(d.ciLow > 0 || d.ciHigh < 0)) return Verdict::NotSignificant;
  if (d.better == Better::Neither) return Verdict::Different;
  const bool higher = d.ciLow > 0;
  return higher == (d.better == Better::Higher) ? Verdict::Better : Verdict::Worse;
}

std::string compareVerdict(const std::vector<MetricDifference>& differences) {
  std::vector<std::string> better, worse;
  std::size_t others = 0;
  std::uint64_t pairs = 0;
  for (const MetricDifference& d : differences) {
    pairs = std::max(pairs, d.pairs);
    if (d.name.rfind("score_", 0) == 0) continue;  // the ledger terms: see the score breakdown
    switch (verdictOf(d)) {
      case Verdict::Better: better.push_back(d.name); break;
      case Verdict::Worse: worse.push_back(d.name); break;
      case Verdict::NotSignificant: ++others; break;
      case Verdict::Different: break;
    }
  }
  const auto list = [](const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
      text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    }
    return text;
  };
  if (pairs < 2) return "Too few paired replications to judge any difference.";
  std::string text;
  if (better.empty() && worse.empty()) {
    text = "No significant difference between B and A in any metric with a better direction";
  } else {
    if (!better.empty()) text = "B is significantly better than A in " + list(better);
    if (!worse.empty()) {
      text += (text.empty() ? "B is significantly worse than A in " : "; worse in ") + list(worse);
    }
    if (others > 0) {
      text += "; no significant difference in the other " + std::to_string(others) + " metric" +
              (others == 1 ? "" : "s");
    }
  }
  text += " (95% intervals of the paired differences, " + std::to_string(pairs) + " pairs)";
  if (pairs < kMinReplicationsForInterval) text += "; with so few pairs this is rough";
  return text + ".";
}

}  // namespace irdrill::montecarlo
