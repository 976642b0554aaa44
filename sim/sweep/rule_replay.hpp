// Replaying a reception trace (sim/day/reception_trace.hpp) through phone separation
// rules: the alerts each rule would have raised on the same packets.
//
// Two ways that give the same alerts:
//  - replayRule: a SeparationMonitor fed packet by packet and polled at its deadlines, as
//    the live day drives it. The reference, and what the tests hold the live day to.
//  - RuleSetEvaluator: many rules at once, sharing the work the rules have in common.
//    Smoothing depends only on the window and the no-packet timeout; which packets are
//    "weak" only on the threshold; the hold time then only decides, for each run of weak
//    packets, where in the run the alert falls (one binary search). A 20 x 20 grid of
//    threshold x hold smooths the packets once, thresholds them 20 times and walks the
//    weak runs 400 times. Tests check it against replayRule alert for alert.
//
// Timing as in the live day: an alert is due at the monitor's deadline and fires at or
// before the end of the day; when a deadline falls exactly on the next packet's time, the
// poll comes first (the kernel fires the check scheduled earlier; with coalesced delivery
// on a fixed period, the deadlines of whole-second rules land on delivery times).
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/day/reception_trace.hpp"
#include "sim/radio/radio_def.hpp"

namespace irdrill::sweep {

// The alert times (increasing) of `rule` on `item`'s packets, up to dayEndUs.
std::vector<core::TimeUs> replayRule(const day::ItemTrace& item, const radio::AlertRuleDef& rule,
                                     core::TimeUs dayEndUs);

class RuleSetEvaluator {
 public:
  // Rules with a smoothing window outside 1..32 are refused (std::invalid_argument), as
  // SeparationMonitor refuses them.
  explicit RuleSetEvaluator(const std::vector<radio::AlertRuleDef>& rules);

  std::size_t size() const { return ruleCount_; }

  // Working memory, reused between calls; one per thread.
  struct Scratch {
    std::vector<double> smoothedDbm;
    std::vector<int> windowCount;
    std::vector<std::size_t> bigGaps;
    std::vector<char> weak;
    std::vector<std::size_t> weakRunStarts, weakRunEnds;
    std::vector<core::TimeUs> quietAlerts;
    std::vector<core::TimeUs> alerts;
  };

  using AlertsCallback = std::function<void(std::size_t rule, std::span<const core::TimeUs> alertsUs)>;
  // Calls onAlerts once for every rule (in no particular rule order) with that rule's
  // alert times on `item`, increasing, up to dayEndUs.
  void evaluate(const day::ItemTrace& item, core::TimeUs dayEndUs, Scratch& scratch,
                const AlertsCallback& onAlerts) const;

 private:
  struct HoldRule {
    core::TimeUs holdUs = 0;
    std::size_t rule = 0;
  };
  struct ThresholdGroup {
    double thresholdDbm = 0;
    std::vector<HoldRule> holds;
  };
  // Rules that smooth the packets the same way.
  struct SmoothingGroup {
    radio::Smoothing smoothing = radio::Smoothing::MovingAverage;
    int window = 1;  // k of the moving average, or M of N-of-M
    int nOfMN = 1;
    core::TimeUs timeoutUs = 0;
    std::vector<ThresholdGroup> thresholds;
  };

  void evaluateGroup(const SmoothingGroup& group, const day::ItemTrace& item,
                     core::TimeUs dayEndUs, Scratch& scratch, const AlertsCallback& onAlerts) const;

  std::vector<SmoothingGroup> groups_;
  std::size_t ruleCount_ = 0;
};

}  // namespace irdrill::sweep
