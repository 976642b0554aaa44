// Judging alerts and estimating containment (see sweep_outcome.hpp).
#include "sim/sweep/sweep_outcome.hpp"

#include <algorithm>
#include <cmath>

namespace irdrill::sweep {

using core::TimeUs;

namespace {
constexpr double kSecondsPerHour = 3600.0;
// Chance below which the remaining alerts of an episode are not worth a term.
constexpr double kNegligible = 1e-15;
}  // namespace

void judgeTraceAlerts(const day::ItemTrace& item, std::span<const TimeUs> alertsUs, TimeUs dayEndUs,
                      const ContainmentModel& containment, PointOutcome& out) {
  const auto& episodes = item.episodes;
  // False alarms: alerts outside every [left, recovered). Episodes are in time order and
  // do not overlap, so one pass over both does it.
  std::size_t e = 0;
  for (const TimeUs t : alertsUs) {
    while (e < episodes.size() && episodes[e].recoveredUs && *episodes[e].recoveredUs <= t) ++e;
    if (e == episodes.size() || t < episodes[e].leftUs) ++out.falseAlarms;
  }

  const double p = containment.respondProbability;
  const double mu = containment.responseDelayMeanS;
  for (const day::LeftBehindEpisode& episode : episodes) {
    if (!episode.separatedUs) continue;
    ++out.separations;
    const TimeUs separatedUs = *episode.separatedUs;
    const TimeUs endUs = episode.recoveredUs.value_or(core::kTimeNeverUs);
    const auto first = std::lower_bound(alertsUs.begin(), alertsUs.end(), episode.leftUs);
    const auto last = std::lower_bound(first, alertsUs.end(), endUs);
    // Times from here on are seconds after the separation.
    const double openS = core::usToSeconds(episode.recoveredUs.value_or(dayEndUs) - separatedUs);
    const double lostOpen = episode.recoveredUs ? 0.0 : 1.0;
    double containS = openS;
    double lost = lostOpen;
    if (first != last) {
      ++out.detected;
      out.latenciesS.push_back(core::usToSeconds(std::max<TimeUs>(0, *first - separatedUs)));
      // Every true alert of the episode is a chance: until the owner answers one, the
      // closed-loop day is the open-loop day, so the alerts that follow an ignored one are
      // the ones in the trace. The i-th alert is the first answered with probability
      // (1 - p)^(i - 1) p; none is with (1 - p)^k.
      containS = 0;
      lost = 0;
      double unanswered = 1;  // (1 - p)^(i - 1)
      for (auto alert = first; alert != last && unanswered > kNegligible; ++alert) {
        const TimeUs tripUs = day::tripAtUs(episode, *alert + core::secondsToUs(mu)).value_or(0);
        const double backS = core::usToSeconds(*alert + tripUs - separatedUs);
        double answeredS = openS;
        double answeredLost = lostOpen;
        if (backS < openS) {
          // E[min(back + X, open)] for X ~ Exp(mean mu): back + mu (1 - exp(-slack / mu)).
          const double slackS = openS - backS;
          answeredS = mu > 0 ? backS - mu * std::expm1(-slackS / mu) : backS;
          answeredLost = mu > 0 ? lostOpen * std::exp(-slackS / mu) : 0.0;
        }
        containS += unanswered * p * answeredS;
        lost += unanswered * p * answeredLost;
        unanswered *= 1 - p;
      }
      containS += unanswered * openS;
      lost += unanswered * lostOpen;
    }
    // An alert before the separation with a short trip could put the expectation before
    // the separation itself; containment cannot take less than no time.
    out.containH.push_back(std::max(0.0, containS) / kSecondsPerHour);
    out.lostExpected += lost;
  }
}

ReplicationOutcome evaluateTrace(const day::ReceptionTrace& trace, const RuleSetEvaluator& rules,
                                 const ContainmentModel& containment,
                                 RuleSetEvaluator::Scratch& scratch) {
  ReplicationOutcome outcome;
  outcome.points.resize(rules.size());
  for (PointOutcome& point : outcome.points) point.people = trace.people;
  for (const day::ItemTrace& item : trace.items) {
    rules.evaluate(item, trace.dayEndUs, scratch,
                   [&](std::size_t rule, std::span<const TimeUs> alertsUs) {
                     judgeTraceAlerts(item, alertsUs, trace.dayEndUs, containment,
                                      outcome.points[rule]);
                   });
  }
  return outcome;
}

void LiveDayCollector::onDayEvent(const day::DayEvent& event) {
  if (event.item < 0) return;
  const auto item = static_cast<std::size_t>(event.item);
  if (open_.size() <= item) open_.resize(item + 1, -1);
  int& open = open_[item];
  switch (event.kind) {
    case day::DayEventKind::ItemLeftBehind:
      open = static_cast<int>(episodes_.size());
      episodes_.push_back({event.item, event.timeUs, {}, {}, {}});
      break;
    case day::DayEventKind::Separated:
      if (open >= 0) episodes_[static_cast<std::size_t>(open)].separatedUs = event.timeUs;
      break;
    case day::DayEventKind::PhoneAlert:
      if (event.value == 0) {
        ++falseAlarms_;
      } else if (open >= 0 && !episodes_[static_cast<std::size_t>(open)].firstAlertUs) {
        episodes_[static_cast<std::size_t>(open)].firstAlertUs = event.timeUs;
      }
      break;
    case day::DayEventKind::ItemRecovered:
      if (open >= 0) episodes_[static_cast<std::size_t>(open)].recoveredUs = event.timeUs;
      open = -1;
      break;
    default:
      break;
  }
}

PointOutcome LiveDayCollector::outcome(const day::OfficeDay& day) const {
  PointOutcome out;
  out.people = day.personCount();
  out.falseAlarms = falseAlarms_;
  const TimeUs dayEndUs = day.dayEndUs();
  for (const Episode& episode : episodes_) {
    if (!episode.separatedUs || !day.itemAt(episode.item, dayEndUs).tagged) continue;
    ++out.separations;
    const TimeUs separatedUs = *episode.separatedUs;
    if (episode.firstAlertUs) {
      ++out.detected;
      out.latenciesS.push_back(core::usToSeconds(std::max<TimeUs>(0, *episode.firstAlertUs - separatedUs)));
    }
    const double containS = core::usToSeconds(episode.recoveredUs.value_or(dayEndUs) - separatedUs);
    out.containH.push_back(std::max(0.0, containS) / kSecondsPerHour);
    out.lostExpected += episode.recoveredUs ? 0.0 : 1.0;
  }
  return out;
}

}  // namespace irdrill::sweep
