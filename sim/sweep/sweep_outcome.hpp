// What one grid point gives in one replication: separations of tagged items, how many the
// phone rule detected and how fast, false alarms, and the time to contain each separation.
//
// Trace mode judges replayed alerts against the open-loop truth of a reception trace and
// estimates the containment time (docs/sweeps.md, "Time to contain"); full mode reads
// the same figures off a live (closed-loop) day's events.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/day/day_events.hpp"
#include "sim/day/office_day.hpp"
#include "sim/day/reception_trace.hpp"
#include "sim/sweep/rule_replay.hpp"

namespace irdrill::sweep {

// How owners answer a true phone alert, for the containment estimate of trace mode:
// scenario.reaction without alert fatigue.
struct ContainmentModel {
  double respondProbability = 0.9;
  double responseDelayMeanS = 60.0;  // exponential
};

struct PointOutcome {
  int people = 0;       // person-days of the replication (false alarms are per person-day)
  int separations = 0;  // left-behind episodes of tagged items that became separations
  int detected = 0;     // ... with a true phone alert while the item was left
  int falseAlarms = 0;  // phone alerts while the item was with its owner
  std::vector<double> latenciesS;  // per detected separation: max(0, first alert - separation)
  // Per separation: (expected) time from the separation until the owner has the item
  // again, censored at the end of the day, in hours.
  std::vector<double> containH;
  // Expected number of separations still open at the end of the day (the item lost).
  double lostExpected = 0;
};

struct ReplicationOutcome {
  std::vector<PointOutcome> points;  // one per grid point
};

// Trace mode, one rule on one item: judges `alertsUs` (increasing) against the item's
// episodes and adds to `out`.
//  - An alert is true when leftUs <= t < recoveredUs of an episode (no recovery: to the end
//    of the day), else a false alarm.
//  - A separation is detected by the first true alert of its episode; latency as above.
//  - Containment of a separation at s with open-loop containment O (recovery, or the end
//    of the day E) and true alerts a_1 < ... < a_k before O: the owner answers each with
//    probability p, the first answered being a_i with probability (1 - p)^(i-1) p (until
//    then the closed-loop day is the open-loop one, so the later alerts are the trace's).
//    Answering a_i, after an exponential delay X (mean mu), has the item in hand at
//    c_i + X, c_i = a_i + trip (the trip back sampled at a_i + mu), unless O comes first:
//      E[contain] = sum_i (1 - p)^(i-1) p E[min(c_i + X, O)] + (1 - p)^k O,
//      E[min(c + X, O)] = O if c >= O, else c + mu (1 - exp(-(O - c) / mu)),
//    and likewise the chance that the item is still out at E (exp(-(E - c) / mu) after an
//    answer, when it was lost in the open loop). Without an alert: O.
void judgeTraceAlerts(const day::ItemTrace& item, std::span<const core::TimeUs> alertsUs,
                      core::TimeUs dayEndUs, const ContainmentModel& containment,
                      PointOutcome& out);

// Trace mode: every rule of `rules` on every item of `trace` (rule i -> points[i]).
ReplicationOutcome evaluateTrace(const day::ReceptionTrace& trace, const RuleSetEvaluator& rules,
                                 const ContainmentModel& containment,
                                 RuleSetEvaluator::Scratch& scratch);

// Full mode: collects a live day's phone alerts and left-behind episodes from its events
// (pass it as the day's sink), then outcome() gives the day's figures: detection by the
// first true phone alert of an episode, false alarms, and the actual containment
// (recovery, or the end of the day; lost items count as still out).
class LiveDayCollector : public day::DayEventSink {
 public:
  void onDayEvent(const day::DayEvent& event) override;
  // Call once the day has run to its end.
  PointOutcome outcome(const day::OfficeDay& day) const;

 private:
  struct Episode {
    int item = -1;
    core::TimeUs leftUs = 0;
    std::optional<core::TimeUs> separatedUs, firstAlertUs, recoveredUs;
  };
  std::vector<Episode> episodes_;
  std::vector<int> open_;  // per item: index into episodes_ of the episode under way, -1
  int falseAlarms_ = 0;
};

}  // namespace irdrill::sweep
