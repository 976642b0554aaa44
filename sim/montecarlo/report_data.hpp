// What a Monte Carlo, compare or sweep report shows, as plain data: filled by the
// Monte Carlo code from its streamed statistics, drawn by report_html.hpp into one
// self-contained HTML file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace irdrill::montecarlo {

struct MetricSummary {
  std::string name;         // "time_to_contain_h"
  std::string unit;         // "h", "records", "per person-day", "" (a count or a ratio)
  std::string description;  // one sentence for people
  std::uint64_t count = 0;  // replications where the metric applies (NaN rows excluded)
  double mean = 0, sd = 0, min = 0, max = 0;
  double median = 0, p90 = 0, p95 = 0;
  double ciLow = 0, ciHigh = 0;  // 95% confidence interval of the mean
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
};

// sweep: one grid point.
struct SweepPoint {
  std::vector<std::pair<std::string, double>> settings;  // {"alerts.phone.hold_s", 20}
  double detectionProbability = 0;
  double medianLatencyS = 0, p90LatencyS = 0;
  double falseAlarmsPerPersonDay = 0;
  double timeToContainMeanH = 0;  // equipment-loss incidents; NaN when there were none
  bool onParetoFront = false;
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
  // sweep only: axes in grid order, points in row-major order of the axes.
  std::vector<std::pair<std::string, std::vector<double>>> sweepAxes;
  std::vector<SweepPoint> sweepPoints;
  int recommendedPoint = -1;     // index into sweepPoints, -1 when none meets the constraint
  std::string constraintText;    // "false alarms per person-day <= 0.5"
};

}  // namespace irdrill::montecarlo
