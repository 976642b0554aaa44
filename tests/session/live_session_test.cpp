// LiveSession and the exercise's decisions and injects: slicing invariance, replay of a
// session log, what each decision does and why a refused one is refused.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/scenario_loader.hpp"
#include "sim/session/live_session.hpp"
#include "tests/support/bundled_scenario.hpp"

using irdrill::core::TimeUs;
using irdrill::core::kUsPerHour;
using irdrill::core::kUsPerSecond;
namespace exercise = irdrill::exercise;
namespace session = irdrill::session;

namespace {

std::shared_ptr<const irdrill::scenario::ScenarioDef> bundled(const std::string& name) {
  return irdrill::test::sharedBundledScenario(name);
}

session::SessionDef header(std::uint64_t seed) {
  session::SessionDef h;
  h.seed = seed;
  return h;
}

// One line per event, every field: two logs are equal when these are.
std::vector<std::string> lines(const std::vector<exercise::ExerciseEvent>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) {
    out.push_back(std::to_string(e.seq) + " " + std::to_string(e.timeUs) + " " + std::string(e.type()) + " " +
                  e.incident + " " + e.actor + " " + e.subject + " " + e.detail + " " + std::to_string(e.value));
  }
  return out;
}

// Runs until `done` holds or the horizon, in 10-minute slices; returns whether it held.
template <typename Done>
bool runUntilThat(session::LiveSession& live, Done done) {
  while (!live.finished()) {
    if (done()) return true;
    live.runUntil(live.now() + 600 * kUsPerSecond);
  }
  return done();
}

// When the incident was first contained (it may be lost and regained later).
std::optional<TimeUs> firstContainedUs(const session::LiveSession& live, const std::string& id) {
  for (const auto& e : live.events()) {
    if (e.kind == exercise::ExerciseEventKind::Contained && e.incident == id) return e.timeUs;
  }
  return std::nullopt;
}

// A copy: views are made on request and the vector they come in is a temporary.
std::optional<exercise::IncidentView> incidentNamed(const std::vector<exercise::IncidentView>& all,
                                                    const std::string& id) {
  const auto it = std::find_if(all.begin(), all.end(), [&](const auto& v) { return v.id == id; });
  if (it == all.end()) return std::nullopt;
  return *it;
}

// A decision entry of `kind`; `fill` sets the fields the kind reads.
template <typename Fill>
session::SessionEntry decision(exercise::DecisionKind kind, Fill fill) {
  session::SessionEntry e;
  e.kind = session::SessionEntry::Kind::Decision;
  e.decision.kind = kind;
  fill(e.decision);
  return e;
}

}  // namespace

TEST_CASE("running the exercise in GUI-sized slices gives the same event log as one run to the end") {
  const auto scenario = bundled(GENERATE(as<std::string>{}, "lost-laptop.yaml", "phishing-exfiltration.yaml",
                                         "website-defacement.yaml", "insider-usb.yaml"));
  const std::uint64_t seed = GENERATE(1, 2, 3);
  session::LiveSession whole(scenario, header(seed));
  whole.runToEnd();
  session::LiveSession sliced(scenario, header(seed));
  // Uneven slices, as a GUI at varying speeds and frame times makes them: from one
  // simulated second to several hours.
  const TimeUs slicesUs[] = {1 * kUsPerSecond, 17 * kUsPerSecond, 600 * kUsPerSecond, 3 * kUsPerHour,
                             40 * kUsPerSecond};
  for (int k = 0; !sliced.finished(); ++k) sliced.runUntil(sliced.now() + slicesUs[k % 5]);
  REQUIRE(whole.events().size() > 3);
  CHECK(lines(sliced.events()) == lines(whole.events()));
  CHECK(sliced.exercise().score().total == whole.exercise().score().total);

  // Stepping by count (the GUI's "step"), mixed with slices by time.
  session::LiveSession stepped(scenario, header(seed));
  for (int k = 0; !stepped.finished(); ++k) {
    if (k % 3 == 2) {
      stepped.runUntil(stepped.now() + slicesUs[k % 5]);
      continue;
    }
    const std::size_t before = stepped.events().size();
    const std::uint64_t logged = stepped.runEvents(1);
    CHECK(logged == stepped.events().size() - before);
    // The clock stops at the event that was logged, unless the horizon came first.
    if (logged > 0) CHECK(stepped.now() == stepped.events().back().timeUs);
  }
  CHECK(lines(stepped.events()) == lines(whole.events()));
}

TEST_CASE("ordering the isolate step as soon as the team engages contains the intrusion sooner") {
  const auto scenario = bundled("phishing-exfiltration.yaml");
  int earlier = 0, engaged = 0;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    session::LiveSession baseline(scenario, header(seed));
    baseline.runToEnd();
    session::LiveSession live(scenario, header(seed));
    const bool teamOn = runUntilThat(live, [&] {
      const auto x = incidentNamed(live.exercise().incidents(), "phishing");
      return x && x->engagedUs;
    });
    if (!teamOn) continue;
    ++engaged;
    const TimeUs decidedUs = live.now();
    const auto result = live.apply(decision(exercise::DecisionKind::OrderStep, [](exercise::Decision& d) { d.incident = "phishing"; d.step = "isolate"; d.seat = "IT lead"; d.rationale = "ネットワークを先に遮断する"; }));
    REQUIRE(result.applied);
    const exercise::ExerciseEvent& logged = live.events().at(result.eventSeq - 1);
    CHECK(logged.type() == "decision");
    CHECK(logged.subject == "order_step:isolate");
    CHECK(logged.actor == "IT lead");
    CHECK(logged.detail == "ネットワークを先に遮断する");
    live.runToEnd();
    const auto containedUs = firstContainedUs(live, "phishing");
    REQUIRE(containedUs);  // isolation cuts the intruder off
    CHECK(*containedUs >= decidedUs);
    const auto baselineUs = firstContainedUs(baseline, "phishing");
    INFO("seed " << seed << ": contained at " << *containedUs << " us, without the decision at "
                 << (baselineUs ? std::to_string(*baselineUs) : "never"));
    CHECK((!baselineUs || *baselineUs > *containedUs));
    if (!baselineUs || *baselineUs > *containedUs) ++earlier;
    // The checklist shows the step as ordered and done.
    const auto steps = live.exercise().procedureSteps("phishing");
    const auto isolate = std::find_if(steps.begin(), steps.end(), [](const auto& s) { return s.id == "isolate"; });
    REQUIRE(isolate != steps.end());
    CHECK(isolate->byDecision);
    CHECK(isolate->state == irdrill::response::StepState::Finished);
  }
  REQUIRE(engaged >= 3);
  CHECK(earlier == engaged);
}

TEST_CASE("a session log replays into a fresh session event for event") {
  const auto scenario = bundled("phishing-exfiltration.yaml");
  session::LiveSession live(scenario, header(4));
  REQUIRE(runUntilThat(live, [&] {
    const auto x = incidentNamed(live.exercise().incidents(), "phishing");
    return x && x->engagedUs;
  }));
  REQUIRE(live.apply(decision(exercise::DecisionKind::SkipStep, [](exercise::Decision& d) { d.incident = "phishing"; d.step = "take-backups"; d.seat = "CISO"; d.rationale = "no time for disk copies"; })));
  live.runUntil(live.now() + 2 * kUsPerHour + 123);
  session::SessionEntry inject;
  inject.kind = session::SessionEntry::Kind::Inject;
  inject.inject.action = exercise::InjectAction::Fire;
  inject.inject.source = "tpl-website-defacement";
  inject.inject.seat = "facilitator";
  REQUIRE(live.apply(inject));
  session::SessionEntry mark;
  mark.kind = session::SessionEntry::Kind::Mark;
  mark.mark = {"phishing", "triage", session::StepMark::Partly, "slow to confirm"};
  REQUIRE(live.apply(mark));
  live.runToEnd();

  session::LiveSession again(scenario, header(4));
  REQUIRE_FALSE(again.replay(live.log(), live.exercise().endUs()));
  CHECK(lines(again.events()) == lines(live.events()));
  CHECK(again.exercise().score().total == live.exercise().score().total);
  REQUIRE(again.markOf("phishing", "triage"));
  CHECK(again.markOf("phishing", "triage")->mark == session::StepMark::Partly);
  // The inject is linked to the incident it started.
  const auto arrivals = again.exercise().arrivals();
  const auto fired = std::find_if(arrivals.begin(), arrivals.end(), [](const auto& a) { return a.injected; });
  REQUIRE(fired != arrivals.end());
  CHECK(fired->status == exercise::ArrivalView::Status::Fired);
  CHECK(incidentNamed(again.exercise().incidents(), fired->incident).has_value());
}

TEST_CASE("a replayed entry that no longer applies is refused, naming the entry") {
  const auto scenario = bundled("phishing-exfiltration.yaml");
  session::SessionEntry order = decision(exercise::DecisionKind::OrderStep, [](exercise::Decision& d) { d.incident = "phishing"; d.step = "isolate"; d.seat = "IT lead"; });
  order.atUs = 9 * kUsPerHour;  // before the phishing mail is even opened
  session::LiveSession live(scenario, header(1));
  const auto error = live.replay({order}, std::nullopt);
  REQUIRE(error);
  CHECK(error->find("entry 1 (decision order_step at 09:00:00)") != std::string::npos);
  CHECK(error->find("no incident 'phishing'") != std::string::npos);
}

TEST_CASE("refused decisions say why and change nothing") {
  const auto scenario = bundled("phishing-exfiltration.yaml");
  session::LiveSession live(scenario, header(2));
  REQUIRE(runUntilThat(live, [&] {
    const auto x = incidentNamed(live.exercise().incidents(), "phishing");
    return x && x->engagedUs;
  }));
  const std::size_t eventsBefore = live.events().size();
  auto refused = [&](exercise::DecisionKind kind, auto fill, const std::string& because) {
    const auto r = live.apply(decision(kind, fill));
    CHECK_FALSE(r.applied);
    CHECK_THAT(r.reason, Catch::Contains(because));
  };
  refused(exercise::DecisionKind::OrderStep, [](exercise::Decision& d) { d.incident = "no-such"; d.step = "isolate"; }, "incidents now: phishing");
  refused(exercise::DecisionKind::OrderStep, [](exercise::Decision& d) { d.incident = "phishing"; d.step = "isolat"; }, "steps: triage, contact-it");
  refused(exercise::DecisionKind::SwitchProcedure, [](exercise::Decision& d) { d.incident = "phishing"; d.procedure = "no-such-procedure"; }, "isolate-first");
  refused(exercise::DecisionKind::SwitchProcedure, [](exercise::Decision& d) { d.incident = "phishing"; d.procedure = "unauthorized-access"; }, "already follows");
  refused(exercise::DecisionKind::CallOnCall, [](exercise::Decision& d) { d.role = "janitor"; }, "roles: ");
  refused(exercise::DecisionKind::ReactToAlert, [](exercise::Decision& d) { d.item = "nobody/laptop"; }, "no item");
  refused(exercise::DecisionKind::MarkReportSent, [](exercise::Decision& d) { d.incident = "phishing"; d.deadline = "no-such"; }, "authority_preliminary_report");
  CHECK(live.events().size() == eventsBefore);
  CHECK(live.log().empty());
}

TEST_CASE("switching to a variant carries the steps already done over and follows the variant") {
  const auto scenario = bundled("phishing-exfiltration.yaml");
  session::LiveSession live(scenario, header(3));
  REQUIRE(runUntilThat(live, [&] {
    const auto steps = live.exercise().procedureSteps("phishing");
    return !steps.empty() && steps.front().state == irdrill::response::StepState::Finished;
  }));
  REQUIRE(live.apply(decision(exercise::DecisionKind::SwitchProcedure, [](exercise::Decision& d) { d.incident = "phishing"; d.procedure = "isolate-first"; d.seat = "CISO"; d.rationale = "isolate now"; })));
  const auto x = incidentNamed(live.exercise().incidents(), "phishing");
  CHECK(x->procedure == "isolate-first");
  const auto steps = live.exercise().procedureSteps("phishing");
  REQUIRE_FALSE(steps.empty());
  CHECK(steps.front().id == "triage");
  CHECK(steps.front().state == irdrill::response::StepState::Finished);
  CHECK(steps.front().byDecision);  // carried over, not run twice
  live.runToEnd();
  CHECK(incidentNamed(live.exercise().incidents(), "phishing")->containedUs);
}

TEST_CASE("a report marked sent meets its deadline") {
  const auto scenario = bundled("phishing-exfiltration.yaml");
  session::LiveSession live(scenario, header(5));
  REQUIRE(runUntilThat(live, [&] {
    const auto x = incidentNamed(live.exercise().incidents(), "phishing");
    return x && x->detectedUs;
  }));
  REQUIRE(live.apply(decision(exercise::DecisionKind::MarkReportSent, [](exercise::Decision& d) { d.incident = "phishing"; d.deadline = "authority_preliminary_report"; d.seat = "legal"; d.rationale = "sent by mail"; })));
  CHECK_FALSE(live.apply(decision(exercise::DecisionKind::MarkReportSent, [](exercise::Decision& d) { d.incident = "phishing"; d.deadline = "authority_preliminary_report"; d.seat = "legal"; })));
  live.runToEnd();
  const auto x = incidentNamed(live.exercise().incidents(), "phishing");
  const auto d = std::find_if(x->deadlines.begin(), x->deadlines.end(),
                              [](const auto& v) { return v.id == "authority_preliminary_report"; });
  if (d != x->deadlines.end()) CHECK(d->met);  // it applies when the leak is confirmed
}

TEST_CASE("a skipped arrival never starts its incident, and a scheduled inject starts at its time") {
  const auto scenario = bundled("phishing-exfiltration.yaml");
  session::LiveSession live(scenario, header(1));
  const auto arrivals = live.exercise().arrivals();
  REQUIRE(arrivals.size() == 1);
  CHECK(arrivals.front().status == exercise::ArrivalView::Status::Pending);
  session::SessionEntry skip;
  skip.kind = session::SessionEntry::Kind::Inject;
  skip.inject.action = exercise::InjectAction::Skip;
  skip.inject.arrival = arrivals.front().id;
  REQUIRE(live.apply(skip));
  session::SessionEntry schedule;
  schedule.kind = session::SessionEntry::Kind::Inject;
  schedule.inject.action = exercise::InjectAction::Schedule;
  schedule.inject.source = "phishing";
  schedule.inject.atUs = 13 * kUsPerHour;
  const auto made = live.apply(schedule);
  REQUIRE(made);
  live.runUntil(12 * kUsPerHour);
  CHECK(live.exercise().incidents().empty());
  live.runUntil(13 * kUsPerHour);
  const auto incidents = live.exercise().incidents();
  REQUIRE(incidents.size() == 1);
  CHECK(incidents.front().id == made.createdId);
  CHECK(incidents.front().startUs == 13 * kUsPerHour);
  CHECK(incidents.front().arrival == made.createdId);
}
