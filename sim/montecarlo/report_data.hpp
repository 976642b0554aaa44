// What a Monte Carlo, compare or sweep report shows, as plain data: filled by the
// Monte Carlo code from its streamed statistics, drawn by report_html.hpp into one
// self-contained HTML file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/montecarlo/intervals.hpp"
#include "sim/montecarlo/metric_kind.hpp"
#include "sim/montecarlo/survival.hpp"

namespace irdrill::montecarlo {

struct MetricSummary {
  std::string name;         // "time_to_contain_h"
  std::string unit;         // "h", "records", "per person-day", "" (a count or a ratio)
  std::string description;  // one sentence for people
  std::string countOf = "replications";  // what `count` counts
  MetricKind kind = MetricKind::Signed;
  Better better = Better::Neither;
  std::uint64_t count = 0;  // replications where the metric applies (NaN rows excluded)
  double mean = 0, sd = 0, min = 0, max = 0;
  // Quantiles over the replications; NaN where not defined: p90 and p95 below
  // kMinReplicationsForTailQuantiles replications, and for a censored time wherever the
  // Kaplan-Meier curve does not fall that far ("not reached").
  double median = 0, p90 = 0, p95 = 0;
  double ciLow = 0, ciHigh = 0;  // 95% confidence interval of the mean
  IntervalMethod intervalMethod = IntervalMethod::None;
  // Times censored at the end of the run (MetricDef::censoredBy): the censoring metric,
  // how many of the `count` replications had a censored time, and the Kaplan-Meier curve
  // the quantiles above come from. `censoredBy` empty: not a censored time.
  std::string censoredBy;
  std::uint64_t censored = 0;
  std::vector<SurvivalPoint> survival;
  // The empirical distribution as (value, cumulative fraction) points, increasing in
  // both, for CDF plots and histograms; at most a few hundred points.
  std::vector<std::pair<double, double>> cdf;
};

// One row of the score breakdown: mean points per replication from one ledger term.
struct ScoreTerm {
  std::string term;  // "time_to_contain", "records_exfiltrated", ...
  double meanPoints = 0;
};

// compare: B - A per metric, paired by replication (common random numbers).
struct MetricDifference {
  std::string name;
  std::string unit;
  double meanA = 0, meanB = 0;
  double meanDifference = 0, ciLow = 0, ciHigh = 0;  // 95% CI of the mean of B - A
  std::uint64_t pairs = 0;
  Better better = Better::Neither;
  IntervalMethod method = IntervalMethod::StudentT;
};

// sweep: one grid point.
struct SweepPoint {
  std::vector<std::pair<std::string, double>> settings;  // {"alerts.phone.hold_s", 20}
  double detectionProbability = 0;
  double medianLatencyS = 0, p90LatencyS = 0;
  double falseAlarmsPerPersonDay = 0;
  // Mean hours from a separation until the owner has the item back (not an incident's
  // time to contain); NaN when there was no separation.
  double timeToContainMeanH = 0;
  bool onParetoFront = false;
  bool meetsConstraint = false;
};

struct ReportData {
  std::string title;         // "office-day: 1000 replications"
  std::string scenarioName;
  std::string command;       // the command line that made it, for reproducibility
  std::uint64_t masterSeed = 0;
  std::uint64_t replications = 0;
  bool partial = false;      // stopped early (Ctrl-C): figures cover `replications` only
  std::vector<MetricSummary> metrics;
  std::vector<ScoreTerm> scoreBreakdown;  // empty when the scenario has no scoring
  std::vector<MetricDifference> differences;  // compare only
  std::string labelA, labelB;                 // compare only
  // compare only: `metrics` and `scoreBreakdown` are A's, these B's; the verdict line
  // (compareVerdict) and warnings (B not a variant of A, say) shown at the top.
  std::vector<MetricSummary> metricsB;
  std::vector<ScoreTerm> scoreBreakdownB;
  std::string verdict;
  std::vector<std::string> warnings;
  // sweep only: axes in grid order, points in row-major order of the axes.
  std::vector<std::pair<std::string, std::vector<double>>> sweepAxes;
  std::vector<SweepPoint> sweepPoints;
  int recommendedPoint = -1;     // index into sweepPoints, -1 when none meets the constraint
  std::string constraintText;    // "false alarms per person-day <= 0.5"
  std::string recommendedSet;    // "--set alerts.phone.hold_s=40 --set ..."
  std::string currentSetting;    // the scenario's own values of the axes, for people
  std::vector<std::optional<double>> sweepCurrent;  // per axis, nullopt: unknown
};

}  // namespace irdrill::montecarlo
