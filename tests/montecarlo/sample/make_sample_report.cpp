// Writes a sample report.html from synthetic, deterministic ReportData for the render test
// (report_render_test.sh): metrics with CDFs, a score breakdown, compare differences and a
// 5 x 4 sweep with its Pareto front and a recommended point. No randomness: every figure
// comes from closed-form quantiles, so the rendered text can be checked exactly.
//
// Usage: make_sample_report OUT.html [--partial]
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "sim/montecarlo/report_data.hpp"
#include "sim/montecarlo/report_html.hpp"

using irdrill::montecarlo::MetricDifference;
using irdrill::montecarlo::MetricSummary;
using irdrill::montecarlo::ReportData;
using irdrill::montecarlo::SweepPoint;

namespace {

// A metric whose replications are the 200 quantiles (i + 0.5) / 200 of a Weibull
// distribution with this shape and scale; the summary figures are computed from them.
MetricSummary weibullMetric(std::string name, std::string unit, std::string description,
                            double shape, double scale) {
  constexpr int kPoints = 200;
  MetricSummary metric;
  metric.name = std::move(name);
  metric.unit = std::move(unit);
  metric.description = std::move(description);
  std::vector<double> values;
  for (int i = 0; i < kPoints; ++i) {
    const double p = (i + 0.5) / kPoints;
    values.push_back(scale * std::pow(-std::log(1 - p), 1 / shape));
    metric.cdf.emplace_back(values.back(), (i + 1.0) / kPoints);
  }
  double sum = 0, squares = 0;
  for (const double v : values) sum += v;
  metric.count = kPoints;
  metric.mean = sum / kPoints;
  for (const double v : values) squares += (v - metric.mean) * (v - metric.mean);
  metric.sd = std::sqrt(squares / (kPoints - 1));
  metric.min = values.front();
  metric.max = values.back();
  metric.median = (values[99] + values[100]) / 2;
  metric.p90 = values[179];
  metric.p95 = values[189];
  const double halfWidth = 1.96 * metric.sd / std::sqrt(double{kPoints});
  metric.ciLow = metric.mean - halfWidth;
  metric.ciHigh = metric.mean + halfWidth;
  return metric;
}

ReportData sampleReport(bool partial) {
  ReportData data;
  data.title = "irdrill sample report: office day";
  data.scenarioName = "Office day <HQ> & \"annex\"";
  data.command =
      "irdrill montecarlo --scenario scenarios/office-day.yaml --replications 200 --seed 7 "
      "--sweep alerts.phone.hold_s=5,10,20,30,60 --sweep radio.scan.interval_ms=250,500,1000,2000";
  data.masterSeed = 7;
  data.replications = partial ? 137 : 200;
  data.partial = partial;

  data.metrics.push_back(weibullMetric(
      "time_to_detect_s", "s", "Time from an item being left behind to its detection.", 1.4, 240));
  data.metrics.push_back(weibullMetric(
      "time_to_contain_h", "h", "Time from the incident to the item being secured.", 2.0, 2.5));
  data.metrics.push_back(weibullMetric("records_exfiltrated", "records",
                                       "Records copied off a stolen laptop.", 0.9, 1200));
  MetricSummary alarms = weibullMetric("false_alarms_per_person_day", "per person-day",
                                       "Phone alerts that were not real separations.", 3.0, 0.4);
  data.metrics.push_back(alarms);

  data.scoreBreakdown = {{"time_to_contain", -42.5},
                         {"records_exfiltrated", -18.25},
                         {"false_alarms", -6.1},
                         {"procedure_steps", 12.4},
                         {"early_detection", 30}};

  data.labelA = "baseline";
  data.labelB = "hold 20 s";
  data.differences = {
      MetricDifference{"time_to_detect_s", "s", 230, 198, -32, -41.5, -22.5, 200},
      MetricDifference{"time_to_contain_h", "h", 2.2, 2.12, -0.08, -0.19, 0.03, 200},
      MetricDifference{"records_exfiltrated", "records", 1250, 1190, -60, -140, 20, 200},
      MetricDifference{"false_alarms_per_person_day", "per person-day", 0.36, 0.24, -0.12, -0.15,
                       -0.09, 200},
  };

  // A 5 x 4 grid: a longer hold and a slower scan both cut false alarms and detection.
  const std::vector<double> holds{5, 10, 20, 30, 60};
  const std::vector<double> intervals{250, 500, 1000, 2000};
  data.sweepAxes = {{"alerts.phone.hold_s", holds}, {"radio.scan.interval_ms", intervals}};
  for (const double hold : holds) {
    for (const double interval : intervals) {
      SweepPoint point;
      point.settings = {{"alerts.phone.hold_s", hold}, {"radio.scan.interval_ms", interval}};
      point.detectionProbability = 0.985 - 0.004 * hold - 0.00004 * interval;
      point.falseAlarmsPerPersonDay = 2.4 / (1 + hold / 6) * (0.55 + 150 / interval);
      point.medianLatencyS = hold + 3 * interval / 1000 + 12;
      point.p90LatencyS = 2 * point.medianLatencyS + 5;
      point.timeToContainMeanH = 1.8 + hold / 100;
      data.sweepPoints.push_back(point);
    }
  }
  // The Pareto front: no other point has at most as many false alarms and at least as
  // much detection, better in one. Recommended: the best detection within the limit.
  constexpr double kLimit = 0.5;
  double bestDetection = -1;
  for (std::size_t i = 0; i < data.sweepPoints.size(); ++i) {
    SweepPoint& point = data.sweepPoints[i];
    point.onParetoFront = true;
    for (const SweepPoint& other : data.sweepPoints) {
      const bool noWorse = other.falseAlarmsPerPersonDay <= point.falseAlarmsPerPersonDay &&
                           other.detectionProbability >= point.detectionProbability;
      const bool better = other.falseAlarmsPerPersonDay < point.falseAlarmsPerPersonDay ||
                          other.detectionProbability > point.detectionProbability;
      if (noWorse && better) point.onParetoFront = false;
    }
    if (point.falseAlarmsPerPersonDay <= kLimit && point.detectionProbability > bestDetection) {
      bestDetection = point.detectionProbability;
      data.recommendedPoint = static_cast<int>(i);
    }
  }
  data.constraintText = "false alarms per person-day <= 0.5";
  return data;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3 || (argc == 3 && std::string(argv[2]) != "--partial")) {
    std::fprintf(stderr, "usage: %s OUT.html [--partial]\n", argv[0]);
    return 2;
  }
  std::ofstream out(argv[1], std::ios::binary);
  if (!out) {
    std::fprintf(stderr, "%s: cannot write %s\n", argv[0], argv[1]);
    return 1;
  }
  irdrill::montecarlo::writeReportHtml(sampleReport(argc == 3), out);
  out.close();
  if (!out) {
    std::fprintf(stderr, "%s: error while writing %s\n", argv[0], argv[1]);
    return 1;
  }
  return 0;
}
