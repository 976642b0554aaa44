// What happens during an office day, as records handed to a caller-provided sink, and the
// day's figures. sim/ never prints: the CLI writes these as JSON Lines, the GUI shows them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/time.hpp"

namespace irdrill::day {

enum class DayEventKind {
  ItemLeftBehind,  // human error: an item stays where its owner was
  Separated,       // truth: the owner is now more than the separation distance away
  PhoneAlert,      // the owner's phone raised a separation alert (value: 1 true, 0 false)
  GatewayAlert,    // gateways report a tag left in the office while its owner is away
  AlertIgnored,    // the owner did not respond (probability, alert fatigue)
  FalseAlarmChecked,  // the owner responded and found the item with them
  WentBack,        // the owner set off to fetch the item
  ItemRecovered,   // the owner has the item again
  ItemLost,        // still left behind at the end of the day
  CrowdReport,     // a colleague's phone heard a left-behind tag
  TagSilent,       // a tag's battery ran out
  ItemFoundMissing,  // the owner came back for an item and it was gone (taken)
};
inline constexpr const char* kDayEventKindNames[] = {
    "item_left_behind", "separated",     "phone_alert",
    "gateway_alert", "alert_ignored", "false_alarm_checked", "went_back", "item_recovered",
    "item_lost", "crowd_report",   "tag_silent", "item_found_missing"};

struct DayEvent {
  core::TimeUs timeUs = 0;
  DayEventKind kind = DayEventKind::ItemLeftBehind;
  int person = -1;  // index into the scenario's employees, -1 if none
  int item = -1;    // index into the day's item list, -1 if none
  double value = 0;
  std::string detail;
};

class DayEventSink {
 public:
  virtual ~DayEventSink() = default;
  virtual void onDayEvent(const DayEvent& event) = 0;
};

// Figures of one simulated day. Counts are exact; latencies are listed so callers can
// compute any statistic (Monte Carlo streams them into summaries).
struct DayMetrics {
  int people = 0;
  int tags = 0;
  std::uint64_t advertisingEvents = 0;
  std::uint64_t linkEvaluations = 0;  // packet link budgets computed
  std::uint64_t packetsHeard = 0;     // by owners' phones
  int phoneAlerts = 0;
  int trueAlerts = 0;
  int falseAlerts = 0;
  int gatewayAlerts = 0;
  int crowdReports = 0;
  int itemsLeftBehind = 0;  // human-error events
  int separations = 0;      // left-behind events where the owner got beyond the distance
  int separationsDetected = 0;  // ... that an alert (phone or gateway) reported
  std::vector<double> detectionLatenciesS;  // first alert - separation start, detected ones
  int itemsRecovered = 0;
  int itemsLost = 0;
  int tagsSilent = 0;
  double falseAlarmsPerPersonDay() const {
    return people == 0 ? 0.0 : static_cast<double>(falseAlerts) / people;
  }
  double detectionProbability() const {
    return separations == 0 ? 0.0 : static_cast<double>(separationsDetected) / separations;
  }
};

}  // namespace irdrill::day
