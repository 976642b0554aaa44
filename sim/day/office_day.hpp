// One simulated office day: people follow their plans, carry tagged items, sometimes
// leave one behind; tags advertise, phones and gateways scan, the phones' separation rule
// raises alerts, people respond (or, fatigued by false alarms, do not) and go back.
//
// The simulation knows the truth (where every item and person is), so every alert is
// classified true or false and every separation detected or missed, with its latency.
//
// Driving: an object over an EventKernel, stepped by count or time exactly like the
// kernel, and read through const accessors (the GUI draws from them). Output goes to an
// optional DayEventSink; figures accumulate in metrics().
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "sim/core/event_kernel.hpp"
#include "sim/day/day_events.hpp"
#include "sim/day/itinerary.hpp"
#include "sim/day/reception_trace.hpp"
#include "sim/scenario/scenario_def.hpp"
#include "sim/world/office_def.hpp"

namespace irdrill::day {

// What a caller may read about an item at a time.
struct ItemView {
  int owner = -1;
  bool tagged = false;
  bool withOwner = true;
  std::optional<Whereabouts> whereabouts;  // nullopt while its carrier is in transit
  // The owner's phone and the tag's separation rule (tagged items only): the last packet
  // the phone handed to the rule, and the rule's state (docs/day-model.md).
  std::optional<core::TimeUs> lastHeardUs;
  double lastRssiDbm = 0;      // meaningful when lastHeardUs is set
  bool ruleArmed = true;       // false: quiet after an alert until it re-arms
  bool ruleWeak = false;       // the smoothed signal is below the threshold now
  bool tagSilent = false;      // the battery has run out
};

// How a day runs beyond what the scenario says.
struct OfficeDayOptions {
  // Trace mode, for rule sweeps (docs/sweeps.md): when set, the day runs open loop
  // (owners ignore their phones' alerts: no response, no alert fatigue, no random draw)
  // and fills *trace, cleared first, with every packet handed to each tag's separation
  // rule and every left-behind episode. The phones' alerts are still raised, counted
  // and sent to the sink, so a replay of the scenario's rule can be checked against them.
  ReceptionTrace* trace = nullptr;
};

class OfficeDay {
 public:
  // The scenario must outlive the day. masterSeed and replication name the random
  // streams (sim/core/random_streams.hpp).
  OfficeDay(const scenario::ScenarioDef& scenario, std::uint64_t masterSeed,
            std::uint64_t replication, DayEventSink* sink = nullptr);
  // The same with options; the trace, if any, must outlive the day.
  OfficeDay(const scenario::ScenarioDef& scenario, std::uint64_t masterSeed,
            std::uint64_t replication, const OfficeDayOptions& options,
            DayEventSink* sink = nullptr);
  ~OfficeDay();
  OfficeDay(const OfficeDay&) = delete;
  OfficeDay& operator=(const OfficeDay&) = delete;

  core::TimeUs now() const;
  core::TimeUs dayStartUs() const;
  core::TimeUs dayEndUs() const;

  // Runs up to untilUs (clamped to the end of the day); returns events fired.
  std::uint64_t runUntil(core::TimeUs untilUs);
  // Runs the whole day and closes the books (lost items, missed separations).
  void runToEnd();
  bool finished() const;

  const DayMetrics& metrics() const;
  int personCount() const;
  int itemCount() const;
  std::optional<Whereabouts> personAt(int person, core::TimeUs timeUs) const;
  ItemView itemAt(int item, core::TimeUs timeUs) const;
  // Place names: 0 the office floor, then the off-site places, then "home".
  const std::vector<std::string>& placeNames() const;
  // The room kind at a point of the office floor (nullopt outside every room).
  std::optional<world::RoomKind> officeRoomKindAt(world::Vec2 positionM) const;

  // --- Hooks for the incident layer (sim/exercise/) ---
  // Makes `person` leave `item` (index into the day's items) at the first place they
  // leave whose index is in `places`, whatever the human-error probability. Call before
  // running. The usual draws are still made, so other people's days do not change.
  void planLeaveBehind(int item, std::vector<int> places);
  // A thief takes a left-behind item now: from here on no receiver hears its tag, and an
  // owner coming back finds it gone (ItemFoundMissing). Returns false if the item is with
  // its owner (or already taken).
  bool takeItem(int item);
  // Re-seeds every random stream the day still draws from (reactions, human error, each
  // tag's radio) with `salt` (sim/core/random_streams.hpp, "Re-seeding"): what happened up
  // to now stands, what is drawn after it is drawn anew. Logs and schedules nothing. Events
  // already scheduled (the day plans drawn at the start, a pending advertising event) keep
  // their times.
  void reseedFrom(std::uint64_t salt);
  // Index of the first item of `person`; the person's items follow in their written order.
  int firstItemOf(int person) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace irdrill::day
