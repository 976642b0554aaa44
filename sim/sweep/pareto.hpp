// Choosing among grid points: the Pareto front of false alarms against detection, and
// the recommended setting under the user's constraint.
//
// Dominance: a beats b when a has no more false alarms per person-day and no lower
// detection probability, and is strictly better on one of the two; when both are equal,
// a lower median latency beats. The front is every point nothing beats. A point whose
// false-alarm rate or detection probability is NaN (no separation seen) is on no front and
// beats nothing. A NaN latency (nothing detected) counts as the worst.
//
// Recommendation: among points meeting the constraint (false alarms per person-day at most
// the limit, detection at least the minimum if one is given), the highest detection
// probability; ties go to the lower median latency, then to fewer false alarms, then to the
// first in grid order. Because detection ties are broken by latency before false alarms,
// the recommended point can sit just off the front (same detection, faster, more false
// alarms yet within the limit): the constraint, not the front, says how many false alarms
// are acceptable.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace irdrill::sweep {

struct Candidate {
  double falseAlarmsPerPersonDay = 0;
  double detectionProbability = 0;
  double medianLatencyS = 0;
};

struct Constraint {
  double maxFalseAlarmsPerPersonDay = 0.5;
  std::optional<double> minDetectionProbability;
};

bool dominates(const Candidate& a, const Candidate& b);
// front[i] is true when no candidate dominates candidate i.
std::vector<bool> paretoFront(std::span<const Candidate> candidates);
bool meetsConstraint(const Candidate& candidate, const Constraint& constraint);
// Index of the recommended candidate, -1 when none meets the constraint.
int recommend(std::span<const Candidate> candidates, const Constraint& constraint);
// "false alarms per person-day <= 0.5" (and "detection probability >= 0.8").
std::string constraintText(const Constraint& constraint);

}  // namespace irdrill::sweep
