// The exercise's event log: every happening of a run (office-day events, attacker steps,
// detections, the team's steps and their effects, containment, the players' decisions and
// the facilitator's injects) as one ordered record stream, handed to a caller-provided
// sink. Sequence numbers count the events from 1 (in the JSON Lines file, the line number
// minus one: a header line comes first); the score ledger points at them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/core/time.hpp"

namespace irdrill::exercise {

// Every kind of logged event. The names in kExerciseEventKindNames are the "type" field
// of the JSON Lines log (docs/cli.md): numbered for that table, do not reorder.
enum class ExerciseEventKind {
  // Office-day events, in the order of day::DayEventKind (forwarded one to one).
  ItemLeftBehind, Separated, PhoneAlert, GatewayAlert, AlertIgnored, FalseAlarmChecked,
  WentBack, ItemRecovered, ItemLost, CrowdReport, TagSilent, ItemFoundMissing,
  // Incidents and attackers.
  IncidentStarted, StageReached, ObjectiveReached, ExfiltrationStarted, ExfiltrationStopped,
  RecordsLeaked, AttackerCutOff, IntruderBack, CopyingStarted, CopyingDone, WalkedOut,
  InsiderStopped, ItemTaken, ItemBack, DeviceAccessed, DeviceWiped, CredentialsMisused,
  SearchFailed,
  // Detection.
  Detected, LogReview, LeakConfirmed,
  // The team and its procedures.
  TeamEngaged, StepQueued, StepStarted, StepFinished, StepSkipped, Effect, ProcedureFinished,
  Contained, ContainmentLost, Recovered, DowntimeStarted, DowntimeEnded,
  // Decisions and injects made during play (sim/exercise/decision.hpp).
  Decision, Inject, InjectSkipped,
  // Explanations: a separation no alert brought its owner back for, and what became of
  // each planned incident (the scenario's incidents: entries and injects).
  SeparationMissed, PlannedIncidentHappened, PlannedIncidentAverted, PlannedIncidentNotTriggered,
};
inline constexpr const char* kExerciseEventKindNames[] = {
    "item_left_behind", "separated", "phone_alert", "gateway_alert", "alert_ignored",
    "false_alarm_checked", "went_back", "item_recovered", "item_lost", "crowd_report",
    "tag_silent", "item_found_missing",
    "incident_started", "stage_reached", "objective_reached", "exfiltration_started",
    "exfiltration_stopped", "records_leaked", "attacker_cut_off", "intruder_back",
    "copying_started", "copying_done", "walked_out", "insider_stopped", "item_taken",
    "item_back", "device_accessed", "device_wiped", "credentials_misused", "search_failed",
    "detected", "log_review", "leak_confirmed",
    "team_engaged", "step_queued", "step_started", "step_finished", "step_skipped", "effect",
    "procedure_finished", "contained", "containment_lost", "recovered", "downtime_started",
    "downtime_ended",
    "decision", "inject", "inject_skipped",
    "separation_missed", "planned_incident_happened", "planned_incident_averted",
    "planned_incident_not_triggered"};
inline constexpr std::size_t kExerciseEventKindCount =
    sizeof kExerciseEventKindNames / sizeof kExerciseEventKindNames[0];
static_assert(kExerciseEventKindCount == static_cast<std::size_t>(ExerciseEventKind::PlannedIncidentNotTriggered) + 1,
              "one name per event kind");

inline std::string_view exerciseEventKindName(ExerciseEventKind kind) {
  return kExerciseEventKindNames[static_cast<std::size_t>(kind)];
}
// The kind named `name` (as in the JSON log), nullopt if none.
inline std::optional<ExerciseEventKind> exerciseEventKindNamed(std::string_view name) {
  for (std::size_t i = 0; i < kExerciseEventKindCount; ++i) {
    if (name == kExerciseEventKindNames[i]) return static_cast<ExerciseEventKind>(i);
  }
  return std::nullopt;
}

// The one quantity an event kind carries in ExerciseEvent::value, and its key in the JSON
// log: each kind has at most one, with one meaning (docs/cli.md, "Event log").
enum class EventQuantity { None, TrueAlert, RespondProbability, RssiDbm, Records, RecordsPerHour, DowntimeH };
inline constexpr const char* kEventQuantityKeys[] = {"",        "true_alert", "respond_probability", "rssi_dbm",
                                                     "records", "records_per_hour", "downtime_h"};

inline EventQuantity eventQuantity(ExerciseEventKind kind) {
  switch (kind) {
    case ExerciseEventKind::PhoneAlert: return EventQuantity::TrueAlert;  // 1 true, 0 false
    case ExerciseEventKind::AlertIgnored: return EventQuantity::RespondProbability;
    case ExerciseEventKind::CrowdReport: return EventQuantity::RssiDbm;
    case ExerciseEventKind::RecordsLeaked:
    case ExerciseEventKind::ExfiltrationStopped:
    case ExerciseEventKind::CopyingStarted:
    case ExerciseEventKind::WalkedOut: return EventQuantity::Records;
    case ExerciseEventKind::ExfiltrationStarted: return EventQuantity::RecordsPerHour;
    case ExerciseEventKind::DowntimeEnded: return EventQuantity::DowntimeH;
    default: return EventQuantity::None;
  }
}

struct ExerciseEvent {
  std::uint64_t seq = 0;
  core::TimeUs timeUs = 0;
  ExerciseEventKind kind = ExerciseEventKind::IncidentStarted;
  std::string incident;  // incident id, empty for office-day events outside incidents
  std::string actor;     // person id, role id ("it_admin#2"), "intruder", "thief", a detector, a seat
  std::string subject;   // item id, step id, stage name, effect name, decision kind...
  std::string detail;    // free text for people
  double value = 0;      // the kind's quantity (eventQuantity), 0 for kinds without one
  std::string reason;    // a code saying why (separation_missed, planned_incident_*), "" if none

  std::string_view type() const { return exerciseEventKindName(kind); }
};

class ExerciseEventSink {
 public:
  virtual ~ExerciseEventSink() = default;
  virtual void onExerciseEvent(const ExerciseEvent& event) = 0;
};

}  // namespace irdrill::exercise
