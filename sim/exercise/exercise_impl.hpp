// Internal state of an Exercise, shared by its implementation files:
//   exercise.cpp       public interface, the clock (lock-step with the office day), the
//                      log, incident arrivals and injection
//   lost_items.cpp     office-day events: items left behind, thieves, what becomes of an
//                      item nobody recovers
//   attackers.cpp      the cyber intruder's kill chain and the insider
//   detection.cpp      monitoring, log review, user reports, outside notice
//   response_link.cpp  procedures: facts for conditions, effects on the world, outcomes
//
// Internal to sim/exercise/.
#pragma once

#include <array>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/event_kernel.hpp"
#include "sim/core/random_streams.hpp"
#include "sim/day/office_day.hpp"
#include "sim/exercise/exercise.hpp"
#include "sim/response/procedure_run.hpp"
#include "sim/response/response_team.hpp"

namespace irdrill::exercise {

using core::TimeUs;
using Kind = ExerciseEventKind;

// The office day's kinds come first in ExerciseEventKind, in the same order.
inline ExerciseEventKind dayEventKind(day::DayEventKind kind) {
  static_assert(static_cast<int>(Kind::ItemFoundMissing) == static_cast<int>(day::DayEventKind::ItemFoundMissing));
  return static_cast<ExerciseEventKind>(static_cast<int>(kind));
}

// One line for people about what a source starts ("intrusion by phishing, objective
// exfiltration"); decisions.cpp.
std::string sourceSummary(const incident::IncidentSourceDef& source);

// One incident's truth and progress. Times are absolute (µs since midnight of day 0).
struct Incident {
  std::string id;
  incident::IncidentKind kind = incident::IncidentKind::LostItem;
  const incident::IncidentSourceDef* source = nullptr;  // null for office-day incidents
  std::string arrival;  // the arrival (scenario source or inject) it came from, "" if none
  std::string summary;
  TimeUs startUs = 0;
  std::uint64_t startSeq = 0;
  core::RandomEngine rng;  // this incident's own stream: its draws do not shift others'

  scoring::Milestone detected, teamEngaged, contained, recovered;
  std::string detectedBy;
  double recordsExfiltrated = 0;
  std::uint64_t recordsSeq = 0;
  bool leaked = false;
  std::optional<TimeUs> leakConfirmedUs;
  std::uint64_t leakConfirmedSeq = 0;
  double downtimeS = 0;
  std::optional<TimeUs> downSinceUs;  // business or site down since
  std::uint64_t downtimeSeq = 0;

  // What the team knows / has done (conditions read these).
  bool knownUnauthorizedAccess = false;
  bool knownHumanError = false;
  bool causeKnown = false;
  bool backupsTaken = false;
  bool credentialsRevoked = false;
  bool passwordsReset = false;
  bool patched = false;
  std::vector<std::pair<response::Effect, std::pair<TimeUs, std::uint64_t>>> effectsDone;

  // --- Lost or stolen item ---
  int item = -1;   // index into the office day's items
  int owner = -1;  // person index
  int place = -1;  // where it was left (office day place index)
  bool taken = false;
  std::optional<TimeUs> takenUs;
  bool itemBack = false;
  bool wiped = false;
  bool locationKnown = false;  // a gateway, a colleague's phone or the owner's phone heard it
  bool accessed = false;
  core::EventId theftEvent, handInEvent, finderAccessEvent;
  bool opened = false;  // reported: the team knows

  // --- Cyber intrusion ---
  int stage = -1;  // incident::Stage, -1 before initial access
  TimeUs stageStartUs = 0;
  core::EventId stageEnd, monitoringEvent;
  bool cutOff = false;
  bool objectiveReached = false;
  std::optional<TimeUs> exfiltrationSinceUs;  // exfiltration running since
  bool siteHarm = false;                      // defaced or denied, not yet stopped
  std::vector<int> stagesReached;

  // --- Insider ---
  std::optional<TimeUs> copyStartUs, copyEndUs, walkedOutUs;
  bool insiderStopped = false;
  core::EventId walkOutEvent, copyDoneEvent;

  // --- Response ---
  const response::ProcedureDef* procedure = nullptr;
  std::unique_ptr<response::ProcedureRun> run;
  // Runs of procedures the incident was switched away from (a decision): kept so that
  // steps already started there finish and apply their effects.
  std::vector<std::unique_ptr<response::ProcedureRun>> pastRuns;
  bool procedureFinished = false;
};

struct Exercise::Impl : day::DayEventSink {
  const scenario::ScenarioDef& scenario;
  core::RandomStreams streams;
  ExerciseEventSink* sink;
  core::EventKernel kernel;
  TimeUs endUs;
  std::unique_ptr<day::OfficeDay> day;
  std::unique_ptr<response::ResponseTeam> team;
  std::vector<std::unique_ptr<Incident>> incidents;
  std::vector<int> incidentOfItem;  // office-day item -> incident index, -1
  std::vector<std::string> itemIds;  // "eng-03/laptop"
  std::vector<std::string> personIds;
  std::vector<const world::ItemDef*> itemDefs;
  std::uint64_t seq = 0;
  int injected = 0;
  // Incidents waiting for their start time (handlers hold an index: the kernel stores
  // small handlers inline).
  struct Arrival {
    Arrival() = default;
    Arrival(const incident::IncidentSourceDef* from, std::shared_ptr<const incident::IncidentSourceDef> copy,
            std::string arrivalId, TimeUs startUs)
        : source(from), owned(std::move(copy)), id(std::move(arrivalId)), atUs(startUs) {}
    const incident::IncidentSourceDef* source = nullptr;
    std::shared_ptr<const incident::IncidentSourceDef> owned;  // injected copies
    std::string id;
    TimeUs atUs = 0;
    bool injected = false;
    core::EventId event;
    ArrivalView::Status status = ArrivalView::Status::Pending;
    std::string incident;  // the incident it started
  };
  std::vector<Arrival> arrivals;
  std::deque<day::DayEvent> dayEvents;  // forwarded to the kernel, handled in time order

  // An item left behind, watched until its owner has it again; it becomes an incident
  // when it is taken, or still missing at the end of the day.
  struct LeftItem {
    TimeUs leftUs = 0;
    std::uint64_t leftSeq = 0;
    int place = -1;
    scoring::Milestone detected;
    std::string detectedBy;
    bool locationKnown = false;
    bool reportedByTags = false;  // a gateway or a colleague's phone told the support desk
    bool alerted = false;         // a tag alert (phone, gateway, crowd) fired about it
    bool dismissed = false;       // a decision judged the alert false: tags no longer report it
    core::EventId theft;
  };
  std::vector<std::optional<LeftItem>> leftItems;  // by office-day item

  // A separation under way, for explaining a missed alert when it ends (missed_alerts.cpp).
  struct SeparationWatch {
    bool separated = false;
    TimeUs separatedUs = 0;
    bool ruleArmed = true;  // the owner's phone's rule was armed when the separation began
    int alerts = 0;         // true phone alerts and gateway alerts since the item was left
    int ignored = 0;        // of those, ignored by the owner
  };
  std::vector<SeparationWatch> separationWatch;  // by office-day item
  // Whether each item's rule was armed at its separations, sampled when the day emits
  // them (the day may run a slice ahead of the exercise); consumed in order.
  std::vector<std::deque<bool>> ruleArmedAtSeparation;  // by office-day item
  std::array<int, kMissedAlertReasonCount> separationsMissed{};

  // A planned incident (an entry of the scenario's incidents:) and what became of it
  // (planned_incidents.cpp).
  struct Planned {
    const incident::IncidentSourceDef* source = nullptr;
    int item = -1;             // planned losses: the office-day item
    std::vector<int> places;   // planned losses: office-day places where it is left
    bool triggered = false;    // planned loss: left at one of `places`
    PlannedIncidentView::Status status = PlannedIncidentView::Status::Pending;
    std::string reason, detail;
    std::vector<std::string> incidents;
  };
  std::vector<Planned> planned;  // in the scenario's order
  std::vector<core::RandomEngine> thiefRng;       // by office-day item
  std::vector<bool> plannedTheft;                 // by office-day item
  core::RandomEngine logReviewRng;

  Impl(const scenario::ScenarioDef& s, std::uint64_t seed, std::uint64_t replication,
       ExerciseEventSink* eventSink);

  // exercise.cpp
  std::uint64_t log(TimeUs t, ExerciseEventKind kind, const Incident* incident, std::string actor,
                    std::string subject = {}, std::string detail = {}, double value = 0);
  // An explanation: an event with a reason code (ExerciseEvent::reason).
  std::uint64_t logWhy(TimeUs t, ExerciseEventKind kind, std::string incidentId, std::string actor,
                       std::string subject, std::string detail, std::string reason);
  // Logs "incident_started" now; `startSeq`, when given, is the earlier event the
  // incident really started with (an item left behind hours before it became one).
  Incident& newIncident(std::string id, incident::IncidentKind kind,
                        const incident::IncidentSourceDef* source, TimeUs startUs,
                        std::string summary, std::uint64_t startSeq = 0);
  void scheduleArrivals();
  void addArrival(Arrival arrival);
  void startSourced(const incident::IncidentSourceDef& source, std::string id, TimeUs atUs);
  void runUntil(TimeUs untilUs);
  std::uint64_t runEvents(std::uint64_t count, TimeUs limitUs);
  // Runs the office day up to the next time the exercise kernel must stop at (its next
  // event, the day's slice, `untilUs`) and returns that time.
  TimeUs advanceDay(TimeUs untilUs);

  // lost_items.cpp
  void onDayEvent(const day::DayEvent& event) override;
  void handleDayEvent(const day::DayEvent& event);
  void planLoss(const incident::IncidentSourceDef& source);
  void onItemLeft(const day::DayEvent& event);
  double theftRatePerMinute(int item) const;
  void onTheft(int item);
  Incident& itemIncident(int item, TimeUs nowUs, incident::IncidentKind kind);
  void openLostItemIncident(Incident& x, TimeUs reportUs);
  void scheduleItemFate(Incident& x);
  void onDeviceAccess(int incidentIndex);
  void itemBack(Incident& x, const char* how);

  // missed_alerts.cpp
  void sampleSeparation(const day::DayEvent& event);  // as the day emits it
  void watchSeparation(const day::DayEvent& event);   // in time order
  void settleSeparation(int item, int owner, TimeUs t);

  // planned_incidents.cpp
  // The office-day item and places a planned loss names; item -1 if none.
  std::pair<int, std::vector<int>> plannedLossTarget(const incident::IncidentSourceDef& source) const;
  void watchPlannedIncidents();
  void settlePlanned(Planned& p, PlannedIncidentView::Status status, std::string reason, std::string detail,
                     const std::string& incidentId);
  void onPlannedArrival(const Arrival& arrival);
  void onPlannedItemLeft(int item, int place);
  void onPlannedItemRecovered(int item);
  void onPlannedItemIncident(int item, const Incident& x);
  void closePlannedLosses();

  // attackers.cpp
  void startIntrusion(Incident& x, int firstStage);
  void enterStage(int incidentIndex, int stage);
  void onStageDone(int incidentIndex);
  void startInsider(Incident& x);
  void onCopyDone(int incidentIndex);
  void onWalkOut(int incidentIndex);
  double recordsSoFar(const Incident& x, TimeUs t) const;
  void stopExfiltration(Incident& x, TimeUs t);
  void cutOffAttacker(Incident& x, const char* how);

  // detection.cpp
  void detect(Incident& x, TimeUs t, const char* by, bool reachesTeam);
  void detectLater(Incident& x, TimeUs atUs, const char* by);
  void armMonitoring(int incidentIndex);
  void scheduleLogReviews();
  void onLogReview();
  void scheduleOutsideNotice(Incident& x, TimeUs fromUs);
  void confirmLeak(Incident& x, TimeUs t, const char* how);

  // response_link.cpp
  void engageTeam(Incident& x, TimeUs t);
  // Starts the incident's current procedure at t; steps of `carried` (a run being
  // replaced) that finished there count as done.
  void startProcedureRun(Incident& x, TimeUs t, const response::ProcedureRun* carried);

  // decisions.cpp
  DecisionResult checkDecision(const Decision& d) const;
  DecisionResult applyDecision(const Decision& d);
  DecisionResult checkInject(const InjectOrder& order, incident::IncidentSourceDef* resolved) const;
  DecisionResult applyInject(const InjectOrder& order);
  Incident* findIncident(const std::string& id) const;
  int findItem(const std::string& id) const;
  bool fact(const Incident& x, response::Condition c) const;
  bool truth(const Incident& x, response::Condition c) const;
  void applyEffect(int incidentIndex, response::Effect effect, const response::StepDef& step, TimeUs t);
  void updateContainment(Incident& x, TimeUs t, const char* how);
  void goDown(Incident& x, TimeUs t);
  void comeUp(Incident& x, TimeUs t);
  scoring::IncidentOutcome outcomeOf(const Incident& x, TimeUs nowUs) const;
  int indexOf(const Incident& x) const;
};

}  // namespace irdrill::exercise
