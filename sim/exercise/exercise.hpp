// One seeded run of a whole scenario: the office day (people, tagged items, radio,
// alerts), the incidents it and the attackers produce, their detection, the response
// team working its procedures, containment and recovery; scored at the end.
//
// Driving: like the kernel and the office day, an Exercise is stepped by time
// (runUntil) and read through const accessors; the training GUI and the CLI drive it the
// same way. Incidents can also be injected while it runs (inject), as a facilitator does.
//
// Time: microseconds since midnight of day 0. The office day covers
// [dayStartS, dayEndS] of day 0; incidents play until horizonS.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/day/office_day.hpp"
#include "sim/exercise/decision.hpp"
#include "sim/exercise/exercise_events.hpp"
#include "sim/response/procedure_run.hpp"
#include "sim/scenario/scenario_def.hpp"
#include "sim/scoring/incident_outcome.hpp"
#include "sim/scoring/score.hpp"

namespace irdrill::exercise {

// A deadline of an incident as of now: running (due in the future), met or missed.
struct DeadlineView {
  std::string id;
  core::TimeUs dueUs = 0;
  std::optional<core::TimeUs> doneUs;
  bool met = false;
};

// What the GUI shows of an incident now. Fields marked "truth" are what the simulation
// knows; the others are what the team knows (a player view shows only those).
struct IncidentView {
  std::string id;
  incident::IncidentKind kind = incident::IncidentKind::LostItem;
  std::string summary;
  std::string procedure;
  core::TimeUs startUs = 0;  // truth
  std::optional<core::TimeUs> detectedUs, engagedUs, containedUs, recoveredUs;
  std::string detectedBy;
  std::string state;  // "undetected", "detected", "responding", "contained", "recovered"
  double recordsExfiltrated = 0;  // truth
  bool leaked = false;            // truth: data left
  bool leakConfirmed = false;     // the team knows data left
  std::string attackerStage;      // truth: the intruder's stage name, "" if none
  std::string item;               // lost or stolen item id, "" if none
  std::string arrival;            // the arrival (scenario source or inject) it came from, "" if none
  int stepsDone = 0, stepsTotal = 0;
  std::vector<DeadlineView> deadlines;  // those whose clock has started
};

// One step of an incident's procedure as it stands now.
struct StepView {
  std::string id, title, role;
  response::StepState state = response::StepState::Waiting;
  int responder = -1;            // 1-based within the role once started, -1 before
  core::TimeUs readyUs = -1;     // -1: not ready yet
  core::TimeUs startUs = -1;
  core::TimeUs finishUs = -1;
  core::TimeUs queueWaitUs = -1;  // start - ready, -1 until started
  bool byDecision = false;        // ordered or skipped by a decision
};

// An incident arrival of the master scenario events list: from the scenario (scheduled
// or drawn from its Poisson rate) or injected by the facilitator.
struct ArrivalView {
  std::string id;        // "phishing-1", "phishing-1#3", "inject@2"
  std::string source;    // the source or template id
  incident::IncidentKind kind = incident::IncidentKind::CyberIntrusion;
  core::TimeUs atUs = 0;
  std::string what;      // one line for people
  std::string procedure; // the procedure the team is expected to run
  bool injected = false;
  enum class Status { Pending, Fired, Skipped } status = Status::Pending;
  std::string incident;  // the incident it created, once fired
};

// What became of a planned incident: an entry of the scenario's incidents: list
// (docs/incident-model.md, "Planned incidents"). Injected incidents are not listed.
struct PlannedIncidentView {
  std::string source;  // the entry's id
  incident::IncidentKind kind = incident::IncidentKind::LostItem;
  // Pending: not settled yet (the run has not reached it). Happened: it started one or
  // more incidents. Averted: it was set off but stopped before it became an incident (the
  // owner got the item back). NotTriggered: its conditions never arose.
  enum class Status { Pending, Happened, Averted, NotTriggered } status = Status::Pending;
  std::string reason;  // a code: kPlannedReasons in docs/incident-model.md, "" while pending
  std::string detail;  // one line for people
  std::vector<std::string> incidents;  // those it started
};
inline constexpr const char* kPlannedStatusNames[] = {"pending", "happened", "averted", "not_triggered"};

// Why a separation went without an alert its owner acted on (docs/day-model.md, "Missed
// alerts"). AlertIgnored separations were alerted (the day counts them detected).
enum class MissedAlertReason { Untagged, PhoneNotListening, TimeoutNotReached, RuleNotMet, AlertIgnored };
inline constexpr const char* kMissedAlertReasonNames[] = {"untagged", "phone_not_listening", "timeout_not_reached",
                                                          "rule_not_met", "alert_ignored"};
inline constexpr std::size_t kMissedAlertReasonCount = 5;

// A template the facilitator can inject: the scenario's incident sources, then built-in
// templates (docs/gui.md lists them).
struct InjectTemplate {
  std::string id;
  incident::IncidentKind kind = incident::IncidentKind::CyberIntrusion;
  std::string what;
  bool needsPeople = false;  // a lost-item or theft template: needs the office day running
};

class Exercise {
 public:
  // The scenario must outlive the exercise.
  Exercise(const scenario::ScenarioDef& scenario, std::uint64_t masterSeed,
           std::uint64_t replication, ExerciseEventSink* sink = nullptr);
  ~Exercise();
  Exercise(const Exercise&) = delete;
  Exercise& operator=(const Exercise&) = delete;

  core::TimeUs now() const;
  core::TimeUs endUs() const;  // the horizon
  void runUntil(core::TimeUs untilUs);
  // Stepping by count: runs until `count` more events have been logged (or the horizon),
  // the clock stopping at the time of the last of them. Returns the events logged. The log
  // is the same as with runUntil, whatever mix of the two drives the run.
  std::uint64_t runEvents(std::uint64_t count);
  // The same, stopping at `limitUs` at the latest (after every event of that time): a
  // session replaying a branch applies its next entry there.
  std::uint64_t runEvents(std::uint64_t count, core::TimeUs limitUs);
  void runToEnd();
  bool finished() const;

  // "From here": re-seeds every random stream of the run - the office day's, the
  // thieves', log review, the team's on-call delays, each incident's and each procedure
  // run's, and those of incidents and runs created later - with `salt`
  // (sim/core/random_streams.hpp, "Re-seeding"), so the log up to now stands and every
  // later draw is drawn anew. The same salt at the same time gives the same future. Logs
  // and schedules nothing: with no draw after now, the run goes on exactly as it would
  // have. What was drawn before now stays drawn, including events it scheduled for later
  // (the arrival times of the scenario's incidents, the end of an attacker's current
  // stage, the duration of a step already queued, the day plans). docs/montecarlo.md.
  void reseedFrom(std::uint64_t salt);

  // Starts an incident from `source` at `atUs` (>= now; its `arrival` is ignored) and
  // returns its arrival id. Lost-item and theft sources need the office day still running.
  std::string inject(const incident::IncidentSourceDef& source, core::TimeUs atUs);

  // --- Play: decisions and injects (sim/exercise/decision.hpp) ---
  // Whether the decision / inject can apply now; the reason when it cannot. Nothing changes.
  DecisionResult check(const Decision& decision) const;
  DecisionResult check(const InjectOrder& order) const;
  // Applies it now (after check) and logs it; a refused one changes nothing.
  DecisionResult decide(const Decision& decision);
  DecisionResult injectOrder(const InjectOrder& order);
  std::vector<InjectTemplate> injectCatalogue() const;
  // The time of the next pending event of the exercise or the office day (the end of the
  // horizon when nothing is pending).
  core::TimeUs nextEventUs() const;

  // The office day, when the scenario has people (nullptr otherwise).
  const day::OfficeDay* officeDay() const;
  std::vector<IncidentView> incidents() const;
  // The steps of an incident's procedure run (empty before the team engages, or for an
  // unknown id).
  std::vector<StepView> procedureSteps(std::string_view incidentId) const;
  // The master scenario events list: every arrival, in time order.
  std::vector<ArrivalView> arrivals() const;
  const scenario::ScenarioDef& scenario() const;
  // Outcomes and score as of now: open milestones are censored at now (the final ones
  // after runToEnd).
  std::vector<scoring::IncidentOutcome> outcomes() const;
  scoring::ScoreCard score() const;
  std::uint64_t eventsLogged() const;
  // What became of each planned incident so far, in the scenario's order.
  std::vector<PlannedIncidentView> plannedIncidents() const;
  // Separations of the office day that ended without an alert their owner acted on, by
  // MissedAlertReason (each also logged as a separation_missed event).
  std::array<int, kMissedAlertReasonCount> separationsMissed() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace irdrill::exercise
