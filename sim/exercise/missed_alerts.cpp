// Why a separation went without an alert its owner acted on. Each separation of the
// office day is watched from the item being left to its end (the owner has it again, or
// the day ends with it still left); one that ended with no alert acted on is logged as
// separation_missed with its reason (docs/day-model.md, "Missed alerts"):
//   untagged             the item has no tag: nothing could alert;
//   phone_not_listening  the owner's phone's rule was quiet (after an earlier alert it
//                        waits to hear the tag strongly again) when the separation began;
//   timeout_not_reached  the separation ended sooner than the rule's no-packet timeout;
//   rule_not_met         it lasted longer, yet the rule never fired (the phone kept
//                        hearing the tag above the threshold, or not weakly for long enough);
//   alert_ignored        alerts came, and the owner ignored every one.
#include "sim/exercise/exercise_impl.hpp"

namespace irdrill::exercise {
namespace {

const char* missedAlertText(MissedAlertReason reason) {
  switch (reason) {
    case MissedAlertReason::Untagged: return "no tag on the item";
    case MissedAlertReason::PhoneNotListening: return "the owner's phone was not listening (quiet after an earlier alert)";
    case MissedAlertReason::TimeoutNotReached: return "over before the rule's no-packet timeout";
    case MissedAlertReason::RuleNotMet: return "the phone kept hearing the tag: the rule never fired";
    case MissedAlertReason::AlertIgnored: return "alerted, but the owner ignored every alert";
  }
  return "";
}

}  // namespace

void Exercise::Impl::sampleSeparation(const day::DayEvent& e) {
  if (e.kind != day::DayEventKind::Separated || e.item < 0 || !day) return;
  if (ruleArmedAtSeparation.size() < itemIds.size()) ruleArmedAtSeparation.resize(itemIds.size());
  ruleArmedAtSeparation[static_cast<std::size_t>(e.item)].push_back(day->itemAt(e.item, e.timeUs).ruleArmed);
}

void Exercise::Impl::watchSeparation(const day::DayEvent& e) {
  if (e.item < 0) return;
  if (separationWatch.size() < itemIds.size()) separationWatch.resize(itemIds.size());
  if (ruleArmedAtSeparation.size() < itemIds.size()) ruleArmedAtSeparation.resize(itemIds.size());
  SeparationWatch& watch = separationWatch[static_cast<std::size_t>(e.item)];
  switch (e.kind) {
    case day::DayEventKind::ItemLeftBehind: watch = SeparationWatch{}; break;
    case day::DayEventKind::Separated: {
      watch.separated = true;
      watch.separatedUs = e.timeUs;
      auto& samples = ruleArmedAtSeparation[static_cast<std::size_t>(e.item)];
      if (!samples.empty()) {
        watch.ruleArmed = samples.front();
        samples.pop_front();
      }
      break;
    }
    // Only true alerts: an item left behind cannot raise a false one.
    case day::DayEventKind::PhoneAlert:
      if (e.value != 0) ++watch.alerts;
      break;
    case day::DayEventKind::GatewayAlert: ++watch.alerts; break;
    case day::DayEventKind::AlertIgnored: ++watch.ignored; break;
    case day::DayEventKind::ItemRecovered:
    case day::DayEventKind::ItemLost: settleSeparation(e.item, e.person, e.timeUs); break;
    default: break;
  }
}

void Exercise::Impl::settleSeparation(int item, int owner, TimeUs t) {
  SeparationWatch& watch = separationWatch[static_cast<std::size_t>(item)];
  if (!watch.separated) return;
  watch.separated = false;
  MissedAlertReason reason;
  if (watch.alerts > 0) {
    if (watch.ignored < watch.alerts) return;  // an alert was acted on
    reason = MissedAlertReason::AlertIgnored;
  } else if (!itemDefs[static_cast<std::size_t>(item)]->tag) {
    reason = MissedAlertReason::Untagged;
  } else if (!watch.ruleArmed) {
    reason = MissedAlertReason::PhoneNotListening;
  } else if (t - watch.separatedUs < core::secondsToUs(scenario.phoneAlert.noPacketTimeoutS)) {
    reason = MissedAlertReason::TimeoutNotReached;
  } else {
    reason = MissedAlertReason::RuleNotMet;
  }
  ++separationsMissed[static_cast<std::size_t>(reason)];
  logWhy(t, Kind::SeparationMissed, std::string(), owner >= 0 ? personIds[static_cast<std::size_t>(owner)] : "",
         itemIds[static_cast<std::size_t>(item)], missedAlertText(reason),
         kMissedAlertReasonNames[static_cast<std::size_t>(reason)]);
}

std::array<int, kMissedAlertReasonCount> Exercise::separationsMissed() const { return impl_->separationsMissed; }

}  // namespace irdrill::exercise
