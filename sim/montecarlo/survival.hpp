// Times that are censored at the end of the run (an incident never contained within the
// horizon) as survival data: the Kaplan-Meier estimate of the share of replications whose
// time is still running, its median and quantiles only where the curve gets there ("not
// reached" otherwise), and the censored share. Drawing such times as if they ended at the
// horizon would show every incident contained by then.
//
// Kaplan-Meier (Kaplan and Meier, JASA 53, 1958): at each distinct event time t_i with d_i
// events among n_i still at risk, S(t) = prod over t_i <= t of (1 - d_i / n_i). A value
// censored at t is at risk at t (events first at ties) and leaves afterwards.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/montecarlo/streaming_stats.hpp"

namespace irdrill::montecarlo {

// Observations at one time: how many ended there (events) and how many were censored.
struct TimedObservations {
  double time = 0;
  std::uint64_t events = 0;
  std::uint64_t censored = 0;
};

// One point of the curve: just after `time`, S = `survival`. Every input time appears
// (event times as steps, censoring-only times as marks on the curve).
struct SurvivalPoint {
  double time = 0;
  double survival = 1;
  std::uint64_t atRisk = 0;  // just before `time`
  std::uint64_t events = 0;
  std::uint64_t censored = 0;
};

// The Kaplan-Meier curve of `observations` (any order; equal times are combined).
std::vector<SurvivalPoint> kaplanMeier(std::vector<TimedObservations> observations);

// The smallest time at which the curve falls to 1 - q or below (q = 0.5: the median);
// NaN when it never does ("not reached").
double survivalQuantile(const std::vector<SurvivalPoint>& curve, double q);

// Streaming survival data in bounded memory: events and censorings in two quantile
// sketches, so times are kept to the sketch's 0.5% relative accuracy (exact when values
// do not share a bucket).
class SurvivalSketch {
 public:
  void add(double time, bool censored);  // NaN times are skipped
  std::uint64_t count() const { return events_.count() + censored_.count(); }
  std::uint64_t censoredCount() const { return censored_.count(); }
  std::vector<SurvivalPoint> curve() const;

 private:
  QuantileSketch events_;
  QuantileSketch censored_;
};

}  // namespace irdrill::montecarlo
