// Pareto front and recommendation (see pareto.hpp).
#include "sim/sweep/pareto.hpp"

#include <cmath>
#include <limits>

#include "sim/core/diagnostics.hpp"

namespace irdrill::sweep {
namespace {

bool comparable(const Candidate& c) {
  return std::isfinite(c.falseAlarmsPerPersonDay) && std::isfinite(c.detectionProbability);
}

double latencyOrWorst(const Candidate& c) {
  return std::isnan(c.medianLatencyS) ? std::numeric_limits<double>::infinity() : c.medianLatencyS;
}

}  // namespace

bool dominates(const Candidate& a, const Candidate& b) {
  if (!comparable(a) || !comparable(b)) return false;
  if (a.falseAlarmsPerPersonDay > b.falseAlarmsPerPersonDay) return false;
  if (a.detectionProbability < b.detectionProbability) return false;
  if (a.falseAlarmsPerPersonDay < b.falseAlarmsPerPersonDay) return true;
  if (a.detectionProbability > b.detectionProbability) return true;
  return latencyOrWorst(a) < latencyOrWorst(b);
}

std::vector<bool> paretoFront(std::span<const Candidate> candidates) {
  // Quadratic, which is nothing next to simulating the points (100,000 at most).
  std::vector<bool> front(candidates.size(), false);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!comparable(candidates[i])) continue;
    bool beaten = false;
    for (std::size_t j = 0; j < candidates.size() && !beaten; ++j) {
      beaten = j != i && dominates(candidates[j], candidates[i]);
    }
    front[i] = !beaten;
  }
  return front;
}

bool meetsConstraint(const Candidate& c, const Constraint& constraint) {
  if (!comparable(c)) return false;
  if (!(c.falseAlarmsPerPersonDay <= constraint.maxFalseAlarmsPerPersonDay)) return false;
  if (constraint.minDetectionProbability &&
      !(c.detectionProbability >= *constraint.minDetectionProbability)) {
    return false;
  }
  return true;
}

int recommend(std::span<const Candidate> candidates, const Constraint& constraint) {
  int best = -1;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (!meetsConstraint(c, constraint)) continue;
    if (best < 0) {
      best = static_cast<int>(i);
      continue;
    }
    const Candidate& b = candidates[static_cast<std::size_t>(best)];
    // Strictly better only: on a full tie the earlier point in grid order stays.
    bool better = false;
    if (c.detectionProbability != b.detectionProbability) {
      better = c.detectionProbability > b.detectionProbability;
    } else if (latencyOrWorst(c) != latencyOrWorst(b)) {
      better = latencyOrWorst(c) < latencyOrWorst(b);
    } else {
      better = c.falseAlarmsPerPersonDay < b.falseAlarmsPerPersonDay;
    }
    if (better) best = static_cast<int>(i);
  }
  return best;
}

std::string constraintText(const Constraint& constraint) {
  std::string text = "false alarms per person-day <= " +
                     core::formatNumber(constraint.maxFalseAlarmsPerPersonDay);
  if (constraint.minDetectionProbability) {
    text += " and detection probability >= " + core::formatNumber(*constraint.minDetectionProbability);
  }
  return text;
}

}  // namespace irdrill::sweep
