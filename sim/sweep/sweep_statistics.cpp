// Sweep statistics (see sweep_statistics.hpp).
#include "sim/sweep/sweep_statistics.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <tuple>

#include "sim/montecarlo/intervals.hpp"

namespace irdrill::sweep {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

std::pair<double, double> wilsonInterval(std::uint64_t successes, std::uint64_t trials, double z) {
  if (trials == 0) return {kNaN, kNaN};
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half = z / (1 + z2 / n) * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  // At 0 or n successes the bound is exactly 0 or 1; rounding would leave it a hair off.
  return {successes == 0 ? 0.0 : std::max(0.0, centre - half),
          successes == trials ? 1.0 : std::min(1.0, centre + half)};
}

SweepStatistics::SweepStatistics(std::size_t points) : points_(points) {}

void SweepStatistics::add(const ReplicationOutcome& outcome) {
  if (outcome.points.size() != points_.size()) {
    throw std::invalid_argument("SweepStatistics: wrong number of points");
  }
  for (std::size_t i = 0; i < points_.size(); ++i) {
    const PointOutcome& o = outcome.points[i];
    Point& p = points_[i];
    p.separations += static_cast<std::uint64_t>(o.separations);
    p.detected += static_cast<std::uint64_t>(o.detected);
    p.lostExpected += o.lostExpected;
    for (const double v : o.latenciesS) p.latencyS.add(v);
    for (const double v : o.containH) p.containH.add(v);
    p.falseAlarms.add(o.people == 0 ? kNaN : static_cast<double>(o.falseAlarms) / o.people);
  }
  ++replications_;
}

PointResult SweepStatistics::result(std::size_t point) const {
  const Point& p = points_.at(point);
  PointResult r;
  r.separations = p.separations;
  r.detected = p.detected;
  r.detectionProbability =
      p.separations == 0 ? kNaN : static_cast<double>(p.detected) / static_cast<double>(p.separations);
  std::tie(r.detectionCiLow, r.detectionCiHigh) = wilsonInterval(p.detected, p.separations);
  r.latencyMedianS = p.latencyS.quantile(0.5);
  r.latencyP90S = p.latencyS.quantile(0.9);
  r.falseAlarmsPerPersonDay = p.falseAlarms.mean();
  // Intervals that respect the quantity (montecarlo/intervals.hpp): never below zero.
  const montecarlo::Interval falseAlarms = montecarlo::meanInterval(montecarlo::MetricKind::Amount, p.falseAlarms);
  r.falseAlarmsCiLow = falseAlarms.low;
  r.falseAlarmsCiHigh = falseAlarms.high;
  r.timeToContainMeanH = p.containH.mean();
  const montecarlo::Interval contain = montecarlo::meanInterval(montecarlo::MetricKind::Duration, p.containH);
  r.timeToContainCiLowH = contain.low;
  r.timeToContainCiHighH = contain.high;
  r.lostFraction = p.separations == 0 ? kNaN : p.lostExpected / static_cast<double>(p.separations);
  return r;
}

std::vector<PointResult> SweepStatistics::results() const {
  std::vector<PointResult> out;
  for (std::size_t i = 0; i < points_.size(); ++i) out.push_back(result(i));
  return out;
}

}  // namespace irdrill::sweep
