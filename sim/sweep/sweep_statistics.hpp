// The statistics of a sweep, fed one replication's outcomes at a time in replication
// order (so any number of threads gives the same bits), and the figures of each grid
// point: detection probability with its Wilson interval, latency median and p90, false
// alarms per person-day with the 95% CI of the mean, time to contain.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "sim/montecarlo/streaming_stats.hpp"
#include "sim/sweep/sweep_outcome.hpp"

namespace irdrill::sweep {

// Wilson score interval of a binomial proportion at z (1.96: 95%); (NaN, NaN) without
// trials. Unlike the normal approximation it stays inside [0, 1] and is not empty at 0
// or n successes.
std::pair<double, double> wilsonInterval(std::uint64_t successes, std::uint64_t trials,
                                         double z = 1.959963984540054);

struct PointResult {
  std::uint64_t separations = 0;
  std::uint64_t detected = 0;
  double detectionProbability = 0;  // detected / separations; NaN without separations
  double detectionCiLow = 0, detectionCiHigh = 0;  // Wilson 95%
  double latencyMedianS = 0, latencyP90S = 0;       // over detected separations; NaN: none
  double falseAlarmsPerPersonDay = 0;               // mean over replications
  double falseAlarmsCiLow = 0, falseAlarmsCiHigh = 0;  // 95% bootstrap percentile CI of the mean
  double timeToContainMeanH = 0;                    // over separations; NaN: none
  double timeToContainCiLowH = 0, timeToContainCiHighH = 0;  // 95% bootstrap percentile
  double lostFraction = 0;  // expected fraction of separations still open at the end of the day
};

class SweepStatistics {
 public:
  explicit SweepStatistics(std::size_t points);
  // One replication: outcome.points.size() must be the number of points.
  void add(const ReplicationOutcome& outcome);
  std::uint64_t replications() const { return replications_; }
  std::size_t points() const { return points_.size(); }
  PointResult result(std::size_t point) const;
  std::vector<PointResult> results() const;
  // Per-value statistics of a point, for the report's distributions.
  const montecarlo::StreamingStats& latencies(std::size_t point) const { return points_[point].latencyS; }
  const montecarlo::StreamingStats& containment(std::size_t point) const { return points_[point].containH; }
  const montecarlo::StreamingStats& falseAlarms(std::size_t point) const { return points_[point].falseAlarms; }

 private:
  struct Point {
    std::uint64_t separations = 0, detected = 0;
    double lostExpected = 0;
    montecarlo::StreamingStats latencyS;
    montecarlo::StreamingStats falseAlarms;  // per person-day, one value per replication
    montecarlo::StreamingStats containH;
  };
  std::vector<Point> points_;
  std::uint64_t replications_ = 0;
};

}  // namespace irdrill::sweep
