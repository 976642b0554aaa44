// Kaplan-Meier curves (see survival.hpp).
#include "sim/montecarlo/survival.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace irdrill::montecarlo {

std::vector<SurvivalPoint> kaplanMeier(std::vector<TimedObservations> observations) {
  std::sort(observations.begin(), observations.end(),
            [](const TimedObservations& a, const TimedObservations& b) { return a.time < b.time; });
  std::uint64_t atRisk = 0;
  for (const auto& o : observations) atRisk += o.events + o.censored;
  std::vector<SurvivalPoint> curve;
  double survival = 1;
  for (std::size_t i = 0; i < observations.size();) {
    SurvivalPoint point;
    point.time = observations[i].time;
    for (; i < observations.size() && observations[i].time == point.time; ++i) {
      point.events += observations[i].events;
      point.censored += observations[i].censored;
    }
    if (point.events + point.censored == 0) continue;
    point.atRisk = atRisk;
    if (point.events > 0) {
      survival *= 1 - static_cast<double>(point.events) / static_cast<double>(atRisk);
    }
    point.survival = survival;
    atRisk -= point.events + point.censored;
    curve.push_back(point);
  }
  return curve;
}

double survivalQuantile(const std::vector<SurvivalPoint>& curve, double q) {
  // A hair of tolerance: 1 - 2/4 must count as reaching 0.5.
  const double level = 1 - q + 1e-12;
  for (const auto& point : curve) {
    if (point.events > 0 && point.survival <= level) return point.time;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

void SurvivalSketch::add(double time, bool censored) {
  if (std::isnan(time)) return;
  (censored ? censored_ : events_).add(time);
}

std::vector<SurvivalPoint> SurvivalSketch::curve() const {
  std::vector<TimedObservations> observations;
  for (const auto& m : events_.masses()) observations.push_back({m.value, m.count, 0});
  for (const auto& m : censored_.masses()) observations.push_back({m.value, 0, m.count});
  return kaplanMeier(std::move(observations));
}

}  // namespace irdrill::montecarlo
