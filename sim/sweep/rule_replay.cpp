// Rule replay (see rule_replay.hpp).
//
// How RuleSetEvaluator follows SeparationMonitor. Number the packets 0..P-1 (times t_i),
// let t_-1 be the monitor's start and t_P the end of the day, and call "check i" the poll
// the monitor gets just before packet i (check P: the end of the day). A check raises an
// alert when the monitor is armed and its deadline min(t_last + T, weakSince + H) is at or
// before t_i. Whether packet i is weak (W_i) depends only on the packets, the smoothing and
// the threshold, never on H. Then:
//  - after a packet that is not weak the monitor is armed with nothing weak, so check i
//    (packet i - 1 not weak, or i = 0) alerts exactly when the gap t_i - t_(i-1) >= T, at
//    t_(i-1) + T ("quiet" alerts, independent of H);
//  - in a run of weak packets a..b, weakSince = t_a. If check a alerted (a quiet alert)
//    the monitor stays quiet until the run ends. Otherwise the first check i in a+1..b+1
//    with t_(i-1) + T <= t_i (a big gap) or t_a + H <= t_i raises the run's one alert, at
//    min(t_(i-1) + T, t_a + H); the run's next packet (b + 1, not weak) re-arms.
// So per hold time only the weak runs are visited, each with one binary search.
#include "sim/sweep/rule_replay.hpp"

#include <algorithm>
#include <stdexcept>

#include "sim/day/separation_monitor.hpp"

namespace irdrill::sweep {

using core::TimeUs;

std::vector<TimeUs> replayRule(const day::ItemTrace& item, const radio::AlertRuleDef& rule,
                               TimeUs dayEndUs) {
  day::SeparationMonitor monitor(rule, item.monitorStartUs);
  std::vector<TimeUs> alerts;
  // At most one alert between two packets: the monitor is quiet after one until a packet
  // re-arms it.
  const auto pollUpTo = [&](TimeUs limitUs) {
    const auto deadlineUs = monitor.nextDeadlineUs();
    if (deadlineUs && *deadlineUs <= limitUs && monitor.poll(*deadlineUs)) alerts.push_back(*deadlineUs);
  };
  for (const day::ReceivedPacket& packet : item.packets) {
    if (packet.timeUs > dayEndUs) break;
    pollUpTo(packet.timeUs);
    monitor.onPacket(packet.timeUs, packet.rssiDbm);
  }
  pollUpTo(dayEndUs);
  return alerts;
}

RuleSetEvaluator::RuleSetEvaluator(const std::vector<radio::AlertRuleDef>& rules)
    : ruleCount_(rules.size()) {
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const radio::AlertRuleDef& rule = rules[r];
    SmoothingGroup key;
    key.smoothing = rule.smoothing;
    const bool average = rule.smoothing == radio::Smoothing::MovingAverage;
    key.window = average ? rule.movingAverageSamples : rule.nOfMM;
    key.nOfMN = average ? 0 : rule.nOfMN;
    key.timeoutUs = core::secondsToUs(rule.noPacketTimeoutS);
    if (key.window < 1 || key.window > radio::kMaxAlertWindowPackets) {
      throw std::invalid_argument("RuleSetEvaluator: smoothing window must be 1..32 packets");
    }
    auto group = std::find_if(groups_.begin(), groups_.end(), [&](const SmoothingGroup& g) {
      return g.smoothing == key.smoothing && g.window == key.window && g.nOfMN == key.nOfMN &&
             g.timeoutUs == key.timeoutUs;
    });
    if (group == groups_.end()) group = groups_.insert(groups_.end(), key);
    auto threshold = std::find_if(group->thresholds.begin(), group->thresholds.end(),
                                  [&](const ThresholdGroup& t) { return t.thresholdDbm == rule.rssiThresholdDbm; });
    if (threshold == group->thresholds.end()) {
      threshold = group->thresholds.insert(group->thresholds.end(), ThresholdGroup{rule.rssiThresholdDbm, {}});
    }
    threshold->holds.push_back({core::secondsToUs(rule.holdS), r});
  }
}

void RuleSetEvaluator::evaluate(const day::ItemTrace& item, TimeUs dayEndUs, Scratch& scratch,
                                const AlertsCallback& onAlerts) const {
  for (const SmoothingGroup& group : groups_) evaluateGroup(group, item, dayEndUs, scratch, onAlerts);
}

void RuleSetEvaluator::evaluateGroup(const SmoothingGroup& group, const day::ItemTrace& item,
                                     TimeUs dayEndUs, Scratch& scratch,
                                     const AlertsCallback& onAlerts) const {
  // Packets after the end of the day never reach the rule (the live day stops there).
  const auto& packets = item.packets;
  const std::size_t count = static_cast<std::size_t>(
      std::upper_bound(packets.begin(), packets.end(), dayEndUs,
                       [](TimeUs t, const day::ReceivedPacket& p) { return t < p.timeUs; }) -
      packets.begin());
  const TimeUs startUs = item.monitorStartUs;
  const TimeUs timeoutUs = group.timeoutUs;
  const auto timeAt = [&](std::size_t i) { return i < count ? packets[i].timeUs : dayEndUs; };
  const auto previousTime = [&](std::size_t i) { return i == 0 ? startUs : packets[i - 1].timeUs; };

  // Checks after a silence of at least the timeout; the same packets restart smoothing.
  auto& bigGaps = scratch.bigGaps;
  bigGaps.clear();
  for (std::size_t i = 0; i <= count; ++i) {
    if (timeAt(i) - previousTime(i) >= timeoutUs) bigGaps.push_back(i);
  }
  // Packets the smoothing window holds at each packet, as the monitor's ring counts them.
  auto& windowCount = scratch.windowCount;
  windowCount.resize(count);
  {
    std::size_t gap = 0;
    int held = 0;
    for (std::size_t i = 0; i < count; ++i) {
      while (gap < bigGaps.size() && bigGaps[gap] < i) ++gap;
      if (gap < bigGaps.size() && bigGaps[gap] == i) held = 0;
      held = std::min(held + 1, radio::kMaxAlertWindowPackets);
      windowCount[i] = held;
    }
  }
  const bool average = group.smoothing == radio::Smoothing::MovingAverage;
  auto& smoothed = scratch.smoothedDbm;
  if (average) {
    // The same sum in the same order as SeparationMonitor (newest packet first), so the
    // comparison with each threshold gives the same answer bit for bit.
    smoothed.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
      const int k = std::min(windowCount[i], group.window);
      double sum = 0;
      for (int j = 0; j < k; ++j) sum += packets[i - static_cast<std::size_t>(j)].rssiDbm;
      smoothed[i] = sum / k;
    }
  }

  auto& weak = scratch.weak;
  weak.resize(count);
  for (const ThresholdGroup& threshold : group.thresholds) {
    const double thresholdDbm = threshold.thresholdDbm;
    if (average) {
      for (std::size_t i = 0; i < count; ++i) weak[i] = smoothed[i] < thresholdDbm;
    } else {
      for (std::size_t i = 0; i < count; ++i) {
        const int m = std::min(windowCount[i], group.window);
        int below = 0;
        for (int j = 0; j < m; ++j) below += packets[i - static_cast<std::size_t>(j)].rssiDbm < thresholdDbm;
        weak[i] = below >= group.nOfMN;
      }
    }
    // Runs of weak packets, and the quiet alerts (after packets that are not weak).
    auto& runStarts = scratch.weakRunStarts;
    auto& runEnds = scratch.weakRunEnds;
    runStarts.clear();
    runEnds.clear();
    for (std::size_t i = 0; i < count; ++i) {
      if (!weak[i]) continue;
      if (i == 0 || !weak[i - 1]) runStarts.push_back(i);
      if (i + 1 == count || !weak[i + 1]) runEnds.push_back(i);
    }
    auto& quiet = scratch.quietAlerts;
    quiet.clear();
    for (const std::size_t i : bigGaps) {
      if (i == 0 || !weak[i - 1]) quiet.push_back(previousTime(i) + timeoutUs);
    }

    for (const HoldRule& hold : threshold.holds) {
      auto& alerts = scratch.alerts;
      alerts.clear();
      std::size_t nextQuiet = 0;
      for (std::size_t run = 0; run < runStarts.size(); ++run) {
        const std::size_t a = runStarts[run], b = runEnds[run];
        // A silence before the run's first packet alerted already: quiet until re-armed.
        if (std::binary_search(bigGaps.begin(), bigGaps.end(), a)) continue;
        const TimeUs dueUs = packets[a].timeUs + hold.holdUs;
        // First check in a+1..b+1 at or after the due time (check count is the day's end).
        std::size_t byHold = static_cast<std::size_t>(
            std::lower_bound(packets.begin() + static_cast<std::ptrdiff_t>(a) + 1,
                             packets.begin() + static_cast<std::ptrdiff_t>(b) + 1, dueUs,
                             [](const day::ReceivedPacket& p, TimeUs t) { return p.timeUs < t; }) -
            packets.begin());
        const std::size_t none = count + 1;
        if (byHold == b + 1 && timeAt(b + 1) < dueUs) byHold = none;
        const auto gap = std::upper_bound(bigGaps.begin(), bigGaps.end(), a);
        const std::size_t byGap = gap != bigGaps.end() && *gap <= b + 1 ? *gap : none;
        const std::size_t check = std::min(byHold, byGap);
        if (check == none) continue;
        const TimeUs alertUs = std::min(previousTime(check) + timeoutUs, dueUs);
        while (nextQuiet < quiet.size() && quiet[nextQuiet] <= alertUs) alerts.push_back(quiet[nextQuiet++]);
        alerts.push_back(alertUs);
      }
      alerts.insert(alerts.end(), quiet.begin() + static_cast<std::ptrdiff_t>(nextQuiet), quiet.end());
      onAlerts(hold.rule, alerts);
    }
  }
}

}  // namespace irdrill::sweep
