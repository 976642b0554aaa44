// The training app's view models, without a window: clock text, timeline geometry,
// checklist rows, the ledger's order, the event filter, the player view's redaction, the
// MSEL and the decision journal. Exercises are built in code (tests/exercise) or loaded
// from the bundled scenarios.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "gui/view_model/checklist.hpp"
#include "gui/view_model/decision_form.hpp"
#include "gui/view_model/event_filter.hpp"
#include "gui/view_model/journal.hpp"
#include "gui/view_model/ledger.hpp"
#include "gui/view_model/msel.hpp"
#include "gui/view_model/player_view.hpp"
#include "gui/view_model/time_text.hpp"
#include "gui/view_model/timeline.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "tests/exercise/incident_builders.hpp"

using namespace irdrill;
using namespace irdrill::gui;
using namespace irdrill::gui::view_model;
using exercise::ExerciseEventKind;
using response::Effect;

namespace {

constexpr double kHourS = 3600;
constexpr core::TimeUs kHourUs = core::kUsPerHour;
constexpr core::TimeUs kDayUs = 24 * kHourUs;

core::TimeUs at(double hours) { return core::secondsToUs(hours * kHourS); }

// A phishing intrusion at 10:00 (stages of 1 h), reported at 13:00; the team analyses for
// 2 h, then isolates for 30 min (contained at 15:30), then reports to the authority.
scenario::ScenarioDef phishingCase() {
  scenario::ScenarioDef s = testing::incidentsOnly();
  s.detection = testing::reportOnlyDetection(3 * kHourS);
  s.incidents.push_back(testing::fixedIntrusion("phish", 10 * kHourS, kHourS));
  const auto p = testing::procedure(
      "respond",
      {testing::step("analyse", "security_lead", core::DurationDist::fixed(2 * kHourS), {Effect::Investigate}),
       testing::step("isolate", "it_admin", core::DurationDist::fixed(0.5 * kHourS), {Effect::IsolateNetwork},
                     {"analyse"}),
       testing::step("report", "security_lead", core::DurationDist::fixed(kHourS), {Effect::ReportAuthority},
                     {"isolate"})});
  s.procedures[p.id] = p;
  s.procedureForKind[static_cast<int>(incident::IncidentKind::CyberIntrusion)] = p.id;
  return s;
}

exercise::ExerciseEvent event(std::uint64_t seq, core::TimeUs timeUs, ExerciseEventKind kind,
                              std::string incident = {}, std::string subject = {}, std::string detail = {}) {
  exercise::ExerciseEvent e;
  e.seq = seq;
  e.timeUs = timeUs;
  e.kind = kind;
  e.incident = std::move(incident);
  e.subject = std::move(subject);
  e.detail = std::move(detail);
  return e;
}

bool hasKind(const std::vector<exercise::ExerciseEvent>& events, const std::vector<std::size_t>& rows,
             ExerciseEventKind kind) {
  return std::any_of(rows.begin(), rows.end(), [&](std::size_t i) { return events[i].kind == kind; });
}

scenario::ScenarioDef bundled(const std::string& name) {
  auto loaded = scenario::loadScenarioFile(std::string(IRDRILL_SOURCE_DIR) + "/scenarios/" + name);
  REQUIRE(loaded.scenario);
  return *loaded.scenario;
}

}  // namespace

// --- Clock text -------------------------------------------------------------------------

TEST_CASE("Clock text always names the day, like the session files") {
  CHECK(clockText(at(10) + 32 * core::kUsPerMinute + 5 * core::kUsPerSecond) == "d0 10:32:05");
  CHECK(clockText(kDayUs + at(10.5)) == "d1 10:30:00");
  CHECK(clockText(kDayUs + at(10.5) + core::kUsPerSecond - 1) == "d1 10:30:00");  // rounded down
  CHECK(shortClockText(3 * kDayUs + at(14)) == "d3 14:00");
  CHECK(spanText(-1) == "-");
  CHECK(spanText(12 * core::kUsPerMinute) == "12 min");
}

TEST_CASE("Typed times: a day and time, a time today, or a span from now") {
  const core::TimeUs nowUs = kDayUs + at(9);  // d1 09:00
  CHECK(parseClockText("d1 14:00", nowUs).timeUs == kDayUs + at(14));
  CHECK(parseClockText(" day 2 08:15:30 ", nowUs).timeUs == 2 * kDayUs + at(8.25) + 30 * core::kUsPerSecond);
  CHECK(parseClockText("14:00", nowUs).timeUs == kDayUs + at(14));
  CHECK(parseClockText("+1h30m", nowUs).timeUs == nowUs + at(1.5));
  for (const char* bad : {"", "d1", "d1 25:00", "14", "14:60", "tomorrow", "+soon", "d1 14:00 x", "d 14:00"}) {
    INFO(bad);
    const ParsedTime parsed = parseClockText(bad, nowUs);
    CHECK_FALSE(parsed.timeUs);
    CHECK_FALSE(parsed.error.empty());
  }
}

// --- Timeline -----------------------------------------------------------------------------

TEST_CASE("Timeline geometry maps time to x and back, and rows to y and back") {
  const TimeRange range{at(10), at(12)};
  CHECK(timeToX(range, 400, at(10)) == Approx(0));
  CHECK(timeToX(range, 400, at(11)) == Approx(200));
  CHECK(timeToX(range, 400, at(13)) == Approx(600));  // beyond the strip: the caller clips
  CHECK(xToTime(range, 400, 100) == at(10.5));
  const RowLayout layout{20, 10};
  CHECK(rowTopPx(layout, 3) == Approx(50));
  CHECK_FALSE(rowAtY(layout, 5, 4));  // the axis
  CHECK(rowAtY(layout, 20, 4) == 0);
  CHECK(rowAtY(layout, 59.9f, 4) == 3);
  CHECK_FALSE(rowAtY(layout, 60, 4));  // below the last row
}

TEST_CASE("Axis ticks fall on round times at least the minimum spacing apart") {
  const TimeRange range{at(9) + 7 * core::kUsPerMinute, at(15)};
  const auto ticks = axisTicks(range, 600, 80);
  REQUIRE(ticks.size() >= 2);
  CHECK(ticks.front().atUs == at(10));  // 1 h steps: 6 h over 600 px, 100 px each
  CHECK(ticks.front().label == "d0 10:00");
  for (std::size_t i = 1; i < ticks.size(); ++i) CHECK(ticks[i].xPx - ticks[i - 1].xPx >= 80);
  CHECK(ticks.back().atUs <= range.toUs);
}

TEST_CASE("Zoom: fit all spans every incident and deadline, last hour ends just after now") {
  exercise::IncidentView x;
  x.id = "a";
  x.startUs = at(10);
  x.detectedUs = at(13);
  x.deadlines.push_back({"report", at(13) + 3 * kDayUs, std::nullopt, false});
  const core::TimeUs nowUs = at(16);
  const TimeRange all = timelineRange(TimelineZoom::FitAll, {x}, nowUs);
  CHECK(all.fromUs <= at(10));
  CHECK(all.toUs >= at(13) + 3 * kDayUs);
  const TimeRange hour = timelineRange(TimelineZoom::LastHour, {x}, nowUs);
  CHECK(hour.fromUs == at(15));
  CHECK(hour.toUs > nowUs);
  CHECK(hour.toUs - nowUs < 10 * core::kUsPerMinute);
  const TimeRange day = timelineRange(TimelineZoom::LastDay, {x}, nowUs);
  CHECK(day.fromUs == 0);  // never before the start of day 0
  const TimeRange empty = timelineRange(TimelineZoom::FitAll, {}, 0);
  CHECK(empty.toUs > empty.fromUs);
}

TEST_CASE("A timeline row has one phase per milestone reached, the last open until now") {
  exercise::IncidentView x;
  x.id = "phish";
  x.kind = incident::IncidentKind::CyberIntrusion;
  x.startUs = at(10);
  x.detectedUs = at(13);
  x.engagedUs = at(13);  // engaged at detection: no "detected" phase of zero length
  x.deadlines.push_back({"authority_preliminary_report", at(1), std::nullopt, false});
  x.deadlines.push_back({"users_notified", at(40), std::nullopt, false});
  x.deadlines.push_back({"public_statement", at(30), at(14), true});
  scoring::ScoringDef scoring;
  scoring.deadlines.push_back({});
  scoring.deadlines.back().id = "authority_preliminary_report";
  scoring.deadlines.back().withinS = 72 * kHourS;
  const TimelineRow row = timelineRow(x, at(16), scoring);
  CHECK(row.label == "phish (cyber_intrusion)");
  REQUIRE(row.phases.size() == 2);
  CHECK(row.phases[0].phase == IncidentPhase::Undetected);
  CHECK(row.phases[0].toUs == at(13));
  CHECK(row.phases[1].phase == IncidentPhase::Responding);
  CHECK(row.phases[1].toUs == at(16));
  CHECK(row.milestones.size() == 3);
  REQUIRE(row.deadlines.size() == 3);
  CHECK(row.deadlines[0].status == DeadlineStatus::Missed);  // past due, not done
  CHECK(row.deadlines[0].label.find("3.0 days from detection") != std::string::npos);
  CHECK(row.deadlines[1].status == DeadlineStatus::Running);
  CHECK(row.deadlines[2].status == DeadlineStatus::Met);
}

// --- An exercise: checklist, player view, MSEL --------------------------------------------

TEST_CASE("The checklist lists every step with its state, wait, checks and the evaluator's mark") {
  const scenario::ScenarioDef s = phishingCase();
  exercise::Exercise run(s, 1, 0);
  const auto noMarks = [](const std::string&, const std::string&) { return std::optional<session::EvaluatorMark>(); };
  run.runUntil(at(12));
  CHECK(checklistRows(run, "phish", noMarks).empty());  // the team has not engaged yet

  run.runUntil(at(14));  // analysing since 13:00
  std::map<std::string, session::StepMark> marks{{"analyse", session::StepMark::Partly}};
  const MarkLookup markOf = [&](const std::string& incident, const std::string& step) {
    std::optional<session::EvaluatorMark> m;
    if (const auto it = marks.find(step); incident == "phish" && it != marks.end()) {
      m = session::EvaluatorMark{incident, step, it->second, "slow to start"};
    }
    return m;
  };
  const auto rows = checklistRows(run, "phish", markOf);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].stepId == "analyse");
  CHECK(rows[0].stateText == "in progress");
  CHECK(rows[0].responder == "security_lead #1");
  CHECK(rows[0].wait == "0 s");
  CHECK(rows[0].started == "d0 13:00:00");
  REQUIRE(rows[0].mark);
  CHECK(stepMarkName(*rows[0].mark) == std::string("partly"));
  CHECK(rows[0].markNote == "slow to start");
  CHECK_FALSE(rows[0].orderCheck.applied);
  CHECK(rows[0].orderCheck.reason.find("in progress") != std::string::npos);
  CHECK_FALSE(rows[0].skipCheck.applied);
  CHECK(rows[1].stateText == "waiting");
  CHECK(rows[1].wait == "-");
  CHECK_FALSE(rows[1].mark);
  CHECK(rows[1].orderCheck.applied);  // the lead may order the isolation now
  CHECK(rows[1].skipCheck.applied);

  // Ordered by a decision, the step shows it.
  exercise::Decision order;
  order.kind = exercise::DecisionKind::OrderStep;
  order.incident = "phish";
  order.step = "isolate";
  REQUIRE(run.decide(order).applied);
  const auto after = checklistRows(run, "phish", markOf);
  CHECK(after[1].state != response::StepState::Waiting);
  CHECK(after[1].stateText.find("(decision)") != std::string::npos);
}

TEST_CASE("Step states and marks have the names the checklist shows") {
  CHECK(stepStateName(response::StepState::Waiting) == std::string("waiting"));
  CHECK(stepStateName(response::StepState::Queued) == std::string("queued"));
  CHECK(stepStateName(response::StepState::Started) == std::string("in progress"));
  CHECK(stepStateName(response::StepState::Finished) == std::string("done"));
  CHECK(stepStateName(response::StepState::Skipped) == std::string("skipped"));
  CHECK(stepStateName(response::StepState::Cancelled) == std::string("not done"));
  CHECK(stepMarkName(session::StepMark::NotMet) == std::string("not met"));
  CHECK(stepMarkName(session::StepMark::NotObserved) == std::string("not observed"));
}

TEST_CASE("The player view hides an undetected incident and shows it once detected") {
  const scenario::ScenarioDef s = phishingCase();
  testing::RecordingSink sink;
  exercise::Exercise run(s, 1, 0, &sink);
  run.runUntil(at(12));  // the intruder is at work, nobody has reported it
  auto incidents = run.incidents();
  REQUIRE(incidents.size() == 1);
  REQUIRE_FALSE(incidents[0].attackerStage.empty());
  CHECK(visibleIncidents(incidents, ViewMode::Facilitator).size() == 1);
  CHECK(visibleIncidents(incidents, ViewMode::Player).empty());
  auto player = visibleEvents(sink.events, incidents, run.now(), ViewMode::Player);
  auto truth = visibleEvents(sink.events, incidents, run.now(), ViewMode::Facilitator);
  CHECK(hasKind(sink.events, truth, ExerciseEventKind::StageReached));
  CHECK(player.empty());
  CHECK(knownMissingItems(incidents).empty());

  run.runUntil(at(17));  // reported at 13:00; exfiltration began at 14:00 (stages of 1 h)
  incidents = run.incidents();
  REQUIRE(incidents[0].detectedUs);
  REQUIRE(incidents[0].recordsExfiltrated > 0);
  const auto seen = visibleIncidents(incidents, ViewMode::Player);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].attackerStage.empty());
  CHECK(seen[0].startUs == *incidents[0].detectedUs);  // the team's first knowledge
  CHECK_FALSE(seen[0].leakConfirmed);
  CHECK(seen[0].recordsExfiltrated == 0);  // an unconfirmed leak is not shown
  CHECK_FALSE(seen[0].leaked);
  player = visibleEvents(sink.events, incidents, run.now(), ViewMode::Player);
  CHECK(hasKind(sink.events, player, ExerciseEventKind::Detected));
  CHECK(hasKind(sink.events, player, ExerciseEventKind::StepStarted));
  CHECK_FALSE(hasKind(sink.events, player, ExerciseEventKind::StageReached));
  CHECK_FALSE(hasKind(sink.events, player, ExerciseEventKind::IncidentStarted));
  for (const std::size_t i : player) CHECK(sink.events[i].timeUs >= *incidents[0].detectedUs);

  // The ledger: the records line is the facilitator's until the leak is confirmed.
  const auto ledger = ledgerRows(run.score());
  const auto hasTerm = [](const std::vector<LedgerRow>& rows, const std::string& term) {
    return std::any_of(rows.begin(), rows.end(), [&](const LedgerRow& r) { return r.term == term; });
  };
  REQUIRE(hasTerm(ledger, "records_exfiltrated"));
  CHECK_FALSE(hasTerm(visibleLedger(ledger, incidents, ViewMode::Player), "records_exfiltrated"));
  CHECK(hasTerm(visibleLedger(ledger, incidents, ViewMode::Player), "base"));
}

TEST_CASE("Future events are hidden in both views") {
  const std::vector<exercise::ExerciseEvent> events{event(1, at(9), ExerciseEventKind::PhoneAlert, "", "a/laptop"),
                                                    event(2, at(11), ExerciseEventKind::PhoneAlert, "", "a/laptop")};
  CHECK(visibleEvents(events, {}, at(10), ViewMode::Facilitator) == std::vector<std::size_t>{0});
  CHECK(visibleEvents(events, {}, at(10), ViewMode::Player) == std::vector<std::size_t>{0});
  CHECK(isTruthOnlyKind(ExerciseEventKind::ItemLeftBehind));
  CHECK_FALSE(isTruthOnlyKind(ExerciseEventKind::ItemFoundMissing));
}

TEST_CASE("Items are known missing once their incident is detected") {
  exercise::IncidentView lost;
  lost.id = "lost-1";
  lost.item = "sales-03/laptop";
  CHECK(knownMissingItems({lost}).empty());
  lost.detectedUs = at(12);
  CHECK(knownMissingItems({lost}) == std::set<std::string>{"sales-03/laptop"});
}

TEST_CASE("MSEL rows: arrivals in time order; fire now starts the source and skips the arrival") {
  scenario::ScenarioDef s = phishingCase();
  s.incidents.push_back(testing::fixedIntrusion("later", 20 * kHourS, kHourS));
  exercise::Exercise run(s, 1, 0);
  run.runUntil(at(11));
  auto rows = mselRows(run.arrivals(), s);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].arrival == "phish");
  CHECK(rows[0].time == "d0 10:00:00");
  CHECK(rows[0].statusText == "fired -> phish");
  CHECK(rows[0].procedure == "respond");
  CHECK(rows[0].target == "team");
  CHECK(rows[1].arrival == "later");
  CHECK(rows[1].status == exercise::ArrivalView::Status::Pending);

  // The player view shows no pending arrival, nor one whose incident is undetected.
  CHECK(visibleArrivals(run.arrivals(), run.incidents(), ViewMode::Player).empty());
  CHECK(visibleArrivals(run.arrivals(), run.incidents(), ViewMode::Facilitator).size() == 2);

  for (const session::SessionEntry& entry : fireArrivalNowEntries(rows[1], "facilitator")) {
    REQUIRE(entry.kind == session::SessionEntry::Kind::Inject);
    const auto result = run.injectOrder(entry.inject);
    INFO(result.reason);
    REQUIRE(result.applied);
  }
  rows = mselRows(run.arrivals(), s);
  REQUIRE(rows.size() == 3);
  const auto later = std::find_if(rows.begin(), rows.end(), [](const MselRow& r) { return r.arrival == "later"; });
  CHECK(later->status == exercise::ArrivalView::Status::Skipped);
  const auto fired = std::find_if(rows.begin(), rows.end(), [](const MselRow& r) { return r.injected; });
  REQUIRE(fired != rows.end());
  CHECK(fired->source == "later");
  CHECK(fired->atUs == at(11));
  // Skipping it again is refused, with the reason.
  const auto again = run.check(skipArrivalEntry("later", "facilitator", "").inject);
  CHECK_FALSE(again.applied);
  CHECK_FALSE(again.reason.empty());
}

TEST_CASE("Scheduled injects need a time typed by the facilitator") {
  const scenario::ScenarioDef s = phishingCase();
  exercise::Exercise run(s, 1, 0);
  run.runUntil(at(11));
  const ParsedTime when = parseClockText("+2h", run.now());
  REQUIRE(when.timeUs);
  const auto entry = scheduleEntry("tpl-website-defacement", "", *when.timeUs, "facilitator", "");
  REQUIRE(run.injectOrder(entry.inject).applied);
  const auto rows = mselRows(run.arrivals(), s);
  const auto it = std::find_if(rows.begin(), rows.end(), [](const MselRow& r) { return r.injected; });
  REQUIRE(it != rows.end());
  CHECK(it->time == "d0 13:00:00");
  CHECK(it->status == exercise::ArrivalView::Status::Pending);
  // In the past: refused by the library.
  CHECK_FALSE(run.check(scheduleEntry("tpl-website-defacement", "", at(10), "f", "").inject).applied);
}

// --- Ledger and event log -----------------------------------------------------------------

TEST_CASE("Ledger rows: largest points first, each with its event") {
  scoring::ScoreCard card;
  auto line = [](std::string term, double points, std::uint64_t seq, std::string unit, double quantity) {
    scoring::LedgerEntry e;
    e.term = std::move(term);
    e.points = points;
    e.eventSeq = seq;
    e.unit = std::move(unit);
    e.quantity = quantity;
    return e;
  };
  card.ledger = {line("base", 1000, 0, "", 1), line("time_to_contain", -55, 7, "h", 5.5),
                 line("deadline_met", 10, 9, "", 1), line("records_exfiltrated", -1000, 5, "records", 100000),
                 line("deadline_missed", -55, 8, "", 1)};
  const auto rows = ledgerRows(card);
  REQUIRE(rows.size() == 5);
  CHECK((rows[0].term == "base" || rows[0].term == "records_exfiltrated"));
  CHECK(std::fabs(rows[1].points) == 1000);
  CHECK(rows[2].term == "time_to_contain");  // ties keep the ledger's order
  CHECK(rows[3].term == "deadline_missed");
  CHECK(rows[4].term == "deadline_met");
  CHECK(rows[2].quantity == "5.5 h");
  CHECK(rows[2].pointsText == "-55.0");
  CHECK(rows[4].pointsText == "+10.0");
  CHECK(rows[2].eventSeq == 7);
  const auto records = std::find_if(rows.begin(), rows.end(), [](const LedgerRow& r) { return r.term == "records_exfiltrated"; });
  CHECK(records->quantity == "100000 records");
}

TEST_CASE("The event filter selects by incident, kind and text, incrementally") {
  std::vector<exercise::ExerciseEvent> events{
      event(1, at(9), ExerciseEventKind::PhoneAlert, "", "sales-03/laptop", "rssi -91 dBm"),
      event(2, at(10), ExerciseEventKind::IncidentStarted, "phish", "cyber_intrusion"),
      event(3, at(13), ExerciseEventKind::Detected, "phish", "", "Reported by a USER"),
      event(4, at(13), ExerciseEventKind::StepStarted, "phish", "analyse"),
      event(5, at(14), ExerciseEventKind::StepStarted, "other", "analyse")};
  EventFilter filter;
  std::vector<std::size_t> rows;
  CHECK(filterEventsFrom(events, 0, filter, nullptr, rows) == 5);
  CHECK(rows.size() == 5);

  filter.incident = "phish";
  rows.clear();
  filterEventsFrom(events, 0, filter, nullptr, rows);
  CHECK(rows == std::vector<std::size_t>{1, 2, 3});

  filter.kinds[static_cast<std::size_t>(ExerciseEventKind::IncidentStarted)] = false;
  filter.text = "user";  // case-insensitive, in the detail
  rows.clear();
  filterEventsFrom(events, 0, filter, nullptr, rows);
  CHECK(rows == std::vector<std::size_t>{2});

  // Incremental: the first part, then the rest, gives the same rows as one pass.
  EventFilter analyse;
  analyse.text = "ANALYSE";
  std::vector<std::size_t> inTwo;
  const std::vector<exercise::ExerciseEvent> firstPart(events.begin(), events.begin() + 4);
  const std::size_t next = filterEventsFrom(firstPart, 0, analyse, nullptr, inTwo);
  filterEventsFrom(events, next, analyse, nullptr, inTwo);
  std::vector<std::size_t> inOne;
  filterEventsFrom(events, 0, analyse, nullptr, inOne);
  CHECK(inTwo == inOne);
  CHECK(inOne == std::vector<std::size_t>{3, 4});
  CHECK(rowOfEventSeq(inOne, events, 5) == 1);
  CHECK_FALSE(rowOfEventSeq(inOne, events, 1));

  // Players: truth-only kinds and undetected incidents drop out.
  exercise::IncidentView phish;
  phish.id = "phish";
  phish.detectedUs = at(13);
  const TeamKnowledge knowledge = teamKnowledge({phish}, at(15));
  std::vector<std::size_t> playerRows;
  filterEventsFrom(events, 0, EventFilter{}, &knowledge, playerRows);
  CHECK(playerRows == std::vector<std::size_t>{0, 2, 3});  // not the start, not "other"
}

TEST_CASE("Items with recent tag alerts, latest first, within the window") {
  const std::vector<exercise::ExerciseEvent> events{
      event(1, at(8), ExerciseEventKind::PhoneAlert, "", "a/laptop"),
      event(2, at(10), ExerciseEventKind::GatewayAlert, "", "b/keys"),
      event(3, at(10.5), ExerciseEventKind::ItemLeftBehind, "", "c/bag"),
      event(4, at(11), ExerciseEventKind::PhoneAlert, "", "a/laptop")};
  const auto items = itemsWithRecentAlerts(events, at(11.5), 2 * kHourUs);
  REQUIRE(items.size() == 2);
  CHECK(items[0].item == "a/laptop");
  CHECK(items[0].alerts == 1);  // the 08:00 alert is outside the window
  CHECK(items[0].lastAlertUs == at(11));
  CHECK(items[1].item == "b/keys");
}

// --- Decision journal ---------------------------------------------------------------------

TEST_CASE("The journal pairs each decision and inject with its event and exports CSV") {
  session::SessionEntry isolate;
  isolate.atUs = at(13.5);
  isolate.kind = session::SessionEntry::Kind::Decision;
  isolate.decision.kind = exercise::DecisionKind::OrderStep;
  isolate.decision.incident = "phish";
  isolate.decision.step = "isolate";
  isolate.decision.seat = "IT lead";
  isolate.decision.rationale = "ネットワークを遮断する, \"今すぐ\"\n二行目";
  session::SessionEntry mark;
  mark.atUs = at(14);
  mark.kind = session::SessionEntry::Kind::Mark;
  mark.mark = {"phish", "analyse", session::StepMark::Met, ""};
  mark.decision.seat = "evaluator";
  session::SessionEntry inject;
  inject.atUs = at(15);
  inject.kind = session::SessionEntry::Kind::Inject;
  inject.inject.action = exercise::InjectAction::Fire;
  inject.inject.source = "tpl-website-defacement";
  inject.inject.seat = "facilitator";
  const std::vector<exercise::ExerciseEvent> events{
      event(10, at(13), ExerciseEventKind::Detected, "phish"),
      event(11, at(13.5), ExerciseEventKind::Decision, "phish", "order_step:isolate"),
      event(12, at(13.5), ExerciseEventKind::StepQueued, "phish", "isolate"),
      event(13, at(15), ExerciseEventKind::Inject, "", "tpl-website-defacement@1")};
  const auto rows = journalRows({isolate, mark, inject}, events);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].time == "d0 13:30:00");
  CHECK(rows[0].seat == "IT lead");
  CHECK(rows[0].what == "order_step isolate of phish");
  CHECK(rows[0].result == "applied (event #11)");
  CHECK(rows[1].what == "mark analyse of phish: met");
  CHECK(rows[1].result == "marked");
  CHECK(rows[2].what == "fire tpl-website-defacement");
  CHECK(rows[2].result == "created tpl-website-defacement@1 (event #13)");

  const std::string csv = journalCsv(rows);
  CHECK(csv.rfind("time,seat,kind,what,rationale,result\r\n", 0) == 0);
  CHECK(csv.find("d0 13:30:00,IT lead,decision,order_step isolate of phish,"
                 "\"ネットワークを遮断する, \"\"今すぐ\"\"\n二行目\",applied (event #11)\r\n") != std::string::npos);
  CHECK(std::count(csv.begin(), csv.end(), '\r') == 4);  // the header and three rows
  CHECK(csvField("plain") == "plain");
  CHECK(csvField("a,b") == "\"a,b\"");
}

// --- The bundled scenarios ------------------------------------------------------------------

TEST_CASE("The decisions form lists the bundled scenario's procedures, roles and deadlines") {
  const scenario::ScenarioDef s = bundled("phishing-exfiltration.yaml");
  const auto deadlines = deadlineIds(s);
  CHECK(std::find(deadlines.begin(), deadlines.end(), "authority_preliminary_report") != deadlines.end());
  CHECK(std::find(deadlines.begin(), deadlines.end(), "authority_final_report") != deadlines.end());
  CHECK(procedureIds(s).size() == s.procedures.size());
  CHECK_FALSE(roleIds(s).empty());
  for (int k = 0; k < exercise::kDecisionKindCount; ++k) {
    const auto kind = static_cast<exercise::DecisionKind>(k);
    CHECK(std::string(decisionKindLabel(kind)) != "?");
    const DecisionFields f = fieldsOf(kind);
    CHECK((f.incident || f.role || f.item));  // every kind names what it acts on
  }
}

TEST_CASE("The bundled lost laptop offers its salespeople as inject targets") {
  const scenario::ScenarioDef s = bundled("lost-laptop.yaml");
  const auto targets = injectTargets(s);
  CHECK(targets.size() == 6);
  CHECK(std::find(targets.begin(), targets.end(), "sales-03") != targets.end());
}

TEST_CASE("Deadline rules read as sentences, conditions included") {
  const scenario::ScenarioDef s = bundled("phishing-exfiltration.yaml");
  const auto texts = deadlineRuleTexts(s.scoring);
  REQUIRE(texts.size() == s.scoring.deadlines.size());
  CHECK(std::find(texts.begin(), texts.end(),
                  "authority_preliminary_report: report_authority within 3.0 days from detection, "
                  "if leak_confirmed and personal_data") != texts.end());
  CHECK(std::find(texts.begin(), texts.end(),
                  "lost_device_wiped: remote_wipe within 24.0 h from detection, if item_missing and not encrypted") !=
        texts.end());
}

TEST_CASE("An injected lost laptop shows its target person in the MSEL") {
  const scenario::ScenarioDef s = bundled("lost-laptop.yaml");
  exercise::Exercise run(s, 1, 0);
  run.runUntil(at(10));
  std::vector<session::SessionEntry> log{fireEntry("tpl-lost-laptop-cafe", "sales-05", "facilitator", "")};
  const auto result = run.injectOrder(log[0].inject);
  INFO(result.reason);
  REQUIRE(result.applied);
  log[0].atUs = run.now();
  const auto rows = mselRows(run.arrivals(), s, log);
  const auto it = std::find_if(rows.begin(), rows.end(), [&](const MselRow& r) { return r.arrival == result.createdId; });
  REQUIRE(it != rows.end());
  CHECK(it->injected);
  CHECK(it->target == "sales-05");
  CHECK(mselRows(run.arrivals(), s).size() == rows.size());  // without the log: the same rows, target unknown
}

TEST_CASE("The decisions form asks for each field its kind reads before the library judges it") {
  exercise::Decision d;
  d.kind = exercise::DecisionKind::OrderStep;
  CHECK(missingChoice(d) == "choose an incident");
  d.incident = "phish";
  CHECK(missingChoice(d) == "choose a step");
  d.step = "isolate";
  CHECK_FALSE(missingChoice(d));
  d.kind = exercise::DecisionKind::CallOnCall;  // reads only the role
  CHECK(missingChoice(d) == "choose a role");
  d.kind = exercise::DecisionKind::DismissAlert;
  CHECK(missingChoice(d) == "choose an item with a tag alert");
  d.item = "sales-03/laptop";
  CHECK_FALSE(missingChoice(d));
}
