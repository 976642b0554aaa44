// What the owners' phones received from each tag during one office day, with the truth
// needed to judge alerts: enough to replay the day through any phone separation rule
// without simulating the radio again (`irdrill sweep`, docs/sweeps.md).
//
// The day fills it in trace mode (OfficeDayOptions::trace). In that mode the day runs
// "open loop": owners do not react to their phones' alerts, so what the phones receive
// does not depend on the rule, and one trace serves every rule. Gateway alerts and
// owners noticing by themselves work as in the normal day.
#pragma once

#include <optional>
#include <vector>

#include "sim/core/time.hpp"

namespace irdrill::day {

// One packet as the owner's phone handed it to the separation rule: exactly the
// arguments of SeparationMonitor::onPacket in the live day (after coalescing, if any).
struct ReceivedPacket {
  core::TimeUs timeUs = 0;
  double rssiDbm = 0;
};

// How long a trip back for the item would take if the owner set off at timeUs: until the
// item is in hand again (waiting to arrive when in transit, travel, walking, picking up).
struct TripSample {
  core::TimeUs timeUs = 0;
  core::TimeUs tripUs = 0;
};

// One time the item was left behind. The item is not with its owner from leftUs until
// recoveredUs (or the end of the day): an alert in that interval is true.
struct LeftBehindEpisode {
  int place = 0;  // where it was left (0: the office floor)
  core::TimeUs leftUs = 0;
  std::optional<core::TimeUs> separatedUs;  // the owner got beyond the separation distance
  // The owner had it again: they noticed by themselves or answered a gateway alert.
  std::optional<core::TimeUs> recoveredUs;
  std::optional<core::TimeUs> wentBackUs;  // set off for it (the last time before recovery)
  // From separatedUs on, increasing in time: the trip back computed on the itinerary the
  // owner had at the separation (their plan, before any trip back). Empty when the
  // episode never became a separation.
  std::vector<TripSample> tripSamples;
};

struct ItemTrace {
  int item = -1;   // index into the day's items
  int owner = -1;  // index into the scenario's employees
  core::TimeUs monitorStartUs = 0;  // the phone's rule starts watching the tag here
  std::vector<ReceivedPacket> packets;      // non-decreasing in time
  std::vector<LeftBehindEpisode> episodes;  // in time order, never overlapping
};

struct ReceptionTrace {
  core::TimeUs dayStartUs = 0;
  core::TimeUs dayEndUs = 0;  // alerts due at or before it fire
  int people = 0;
  std::vector<ItemTrace> items;  // the tagged items, in item order
};

// The trip back if the owner responds at respondUs: the sample in force then (the last
// one at or before it; the first for an earlier time). nullopt without samples.
inline std::optional<core::TimeUs> tripAtUs(const LeftBehindEpisode& episode, core::TimeUs respondUs) {
  if (episode.tripSamples.empty()) return std::nullopt;
  const TripSample* chosen = &episode.tripSamples.front();
  for (const TripSample& sample : episode.tripSamples) {
    if (sample.timeUs > respondUs) break;
    chosen = &sample;
  }
  return chosen->tripUs;
}

}  // namespace irdrill::day
