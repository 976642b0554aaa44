// One procedure played on a team: dependency order, conditions and skips, effects,
// adherence against a reference, abandon, and reproducible draws.
#include "sim/response/procedure_run.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/core/event_kernel.hpp"
#include "sim/core/random_streams.hpp"
#include "team_helpers.hpp"

using namespace irdrill;
using namespace irdrill::testing;
using response::Condition;
using response::Effect;
using response::ProcedureRun;
using response::StepEvent;
using response::StepState;

namespace {

response::TeamDef smallTeam() {
  response::TeamDef team;
  team.roles = {alwaysOn("lead", 1), alwaysOn("it", 2)};
  return team;
}

// A kernel, a team and the log of what one or more runs reported.
struct Bench {
  core::EventKernel kernel;
  response::ResponseTeam team;
  std::map<Condition, bool> facts;
  std::vector<std::string> log;  // "<time in min> <kind> <step id>[ #responder]"
  std::vector<std::string> effects;  // "<time in min> <effect> by <step id>"

  explicit Bench(const response::TeamDef& def = smallTeam())
      : team(def, 0, kernel, core::RandomStreams(1, 0).stream("team.on_call")) {}

  ProcedureRun::Hooks hooks(const response::ProcedureDef& procedure) {
    ProcedureRun::Hooks h;
    h.fact = [this](Condition c) {
      const auto it = facts.find(c);
      return it != facts.end() && it->second;
    };
    h.applyEffect = [this](Effect e, const response::StepDef& step, core::TimeUs t) {
      effects.push_back(std::to_string(t / kMinuteUs) + " " +
                        response::kEffectNames[static_cast<std::size_t>(e)] + " by " + step.id);
    };
    h.onStepEvent = [this, &procedure](const StepEvent& e) {
      static constexpr const char* kKinds[] = {"queued", "started", "finished", "skipped"};
      std::string line = std::to_string(e.timeUs / kMinuteUs) + " " +
                         kKinds[static_cast<int>(e.kind)] + " " +
                         procedure.steps[static_cast<std::size_t>(e.step)].id;
      if (e.responder >= 0) line += " #" + std::to_string(e.responder);
      log.push_back(line);
    };
    return h;
  }

  std::unique_ptr<ProcedureRun> run(const response::ProcedureDef& procedure,
                                    const response::ProcedureDef& reference,
                                    std::uint64_t seed = 9) {
    return std::make_unique<ProcedureRun>(procedure, reference, team,
                                          core::RandomStreams(seed, 0).stream("procedure.x"),
                                          hooks(procedure));
  }
};

response::ConditionTerm when(Condition c, bool negated = false) { return {c, negated}; }

// triage -> analyse -> isolate -> report: the reference order.
response::ProcedureDef reference() {
  return procedure("intrusion", {step("triage", "lead", 600), step("analyse", "it", 3600, {"triage"}),
                                 step("isolate", "it", 1200, {"analyse"}),
                                 step("report", "lead", 1800, {"isolate"})});
}

}  // namespace

TEST_CASE("Steps start only when their after steps are done, in parallel where allowed") {
  Bench bench;
  const auto p = procedure("p", {step("a", "lead", 600), step("b", "it", 1200, {"a"}),
                                 step("c", "it", 300, {"a"}), step("d", "lead", 600, {"b", "c"})});
  auto run = bench.run(p, p);
  bench.kernel.scheduleAt(0, [&] { run->start(0); });
  bench.kernel.runUntilEmpty();
  CHECK(bench.log == std::vector<std::string>{
                         "0 queued a", "0 started a #0", "10 finished a #0", "10 queued b",
                         "10 started b #0", "10 queued c", "10 started c #1", "15 finished c #1",
                         "30 finished b #0", "30 queued d", "30 started d #0", "40 finished d #0"});
  CHECK(run->finished());
  CHECK(run->idle());
  CHECK(run->step(3).startUs == 30 * kMinuteUs);
  CHECK(run->step(3).readyUs == 30 * kMinuteUs);
  CHECK(run->step(1).responder == 0);
  CHECK(run->step(2).responder == 1);
}

TEST_CASE("A step whose conditions do not hold is skipped and unblocks its dependants") {
  Bench bench;
  bench.facts[Condition::Encrypted] = true;
  auto notify = step("notify", "lead", 600, {"assess"});
  notify.when = {when(Condition::LeakConfirmed)};  // not known: skipped
  auto wipe = step("wipe", "it", 600, {"assess"});
  wipe.when = {when(Condition::Encrypted, true)};  // "not encrypted" while it is: skipped
  auto close = step("close", "lead", 300, {"notify", "wipe"});
  auto keep = step("keep", "it", 300, {"assess"});
  keep.when = {when(Condition::Encrypted), when(Condition::LeakConfirmed, true)};  // holds
  const auto p = procedure("p", {step("assess", "lead", 600), notify, wipe, close, keep});
  auto run = bench.run(p, p);
  bench.kernel.scheduleAt(0, [&] { run->start(0); });
  bench.kernel.runUntilEmpty();
  CHECK(bench.log == std::vector<std::string>{
                         "0 queued assess", "0 started assess #0", "10 finished assess #0",
                         "10 skipped notify", "10 skipped wipe", "10 queued keep",
                         "10 started keep #0", "10 queued close", "10 started close #0",
                         "15 finished keep #0", "15 finished close #0"});
  CHECK(run->step(1).state == StepState::Skipped);
  CHECK(run->step(2).state == StepState::Skipped);
  CHECK(run->step(1).durationUs == -1);  // a skipped step draws no duration
  CHECK(run->finished());
  const response::Adherence a = run->adherence();
  CHECK(a.stepsDone == 3);
  CHECK(a.stepsSkippedByCondition == 2);
  CHECK(a.stepsNotDone == 0);
  CHECK(a.skipped[0].stepId == "notify");
  CHECK(a.skipped[0].timeUs == 10 * kMinuteUs);
}

TEST_CASE("Conditions are read when the step becomes ready, after earlier effects") {
  Bench bench;
  auto investigate = step("investigate", "it", 3600);
  investigate.effects = {Effect::Investigate};
  auto fix = step("fix", "it", 600, {"investigate"});
  fix.when = {when(Condition::CauseKnown)};
  const auto p = procedure("p", {investigate, fix});
  ProcedureRun::Hooks hooks = bench.hooks(p);
  hooks.applyEffect = [&bench](Effect e, const response::StepDef&, core::TimeUs) {
    if (e == Effect::Investigate) bench.facts[Condition::CauseKnown] = true;
  };
  ProcedureRun run(p, p, bench.team, core::RandomEngine(1), hooks);
  bench.facts[Condition::CauseKnown] = false;  // not known when the run starts
  run.start(0);
  bench.kernel.runUntilEmpty();
  CHECK(run.step(1).state == StepState::Finished);
  CHECK(run.step(1).startUs == kHourUs);
}

TEST_CASE("Effects are applied at the step's finish time, in the step's order, before its event") {
  Bench bench;
  auto cut = step("cut", "it", 1200);
  cut.effects = {Effect::TakeBackups, Effect::IsolateNetwork};
  auto restore = step("restore", "it", 7200, {"cut"});
  restore.effects = {Effect::Patch, Effect::Restore};
  const auto p = procedure("p", {cut, restore});
  ProcedureRun::Hooks hooks = bench.hooks(p);
  std::vector<std::string> sequence;
  hooks.applyEffect = [&sequence](Effect e, const response::StepDef& s, core::TimeUs t) {
    sequence.push_back(std::to_string(t / kMinuteUs) + " " +
                       response::kEffectNames[static_cast<std::size_t>(e)] + " by " + s.id);
  };
  ProcedureRun* self = nullptr;
  hooks.onStepEvent = [&sequence, &self](const StepEvent& e) {
    if (e.kind != StepEvent::Kind::Finished) return;
    // The owner hears "finished" with the effects in place and, for the last step, with
    // the run already finished.
    sequence.push_back(std::to_string(e.timeUs / kMinuteUs) + " finished " +
                       std::to_string(e.step) + (self->finished() ? " (run finished)" : ""));
  };
  ProcedureRun run(p, p, bench.team, core::RandomEngine(1), hooks);
  self = &run;
  run.start(0);
  bench.kernel.runUntilEmpty();
  CHECK(sequence == std::vector<std::string>{
                        "20 take_backups by cut", "20 isolate_network by cut", "20 finished 0",
                        "140 patch by restore", "140 restore by restore",
                        "140 finished 1 (run finished)"});
}

TEST_CASE("The reference procedure played as written adheres fully") {
  Bench bench;
  const auto ref = reference();
  auto run = bench.run(ref, ref);
  run->start(0);
  bench.kernel.runUntilEmpty();
  const response::Adherence a = run->adherence();
  CHECK(a.stepsDone == 4);
  CHECK(a.stepsNotDone == 0);
  CHECK(a.stepsOutOfOrder == 0);
  CHECK(a.stepsSkippedByCondition == 0);
  CHECK(a.addedIds.empty());
  REQUIRE(a.done.size() == 4);
  CHECK(a.done[3].stepId == "report");
  CHECK(a.done[3].timeUs == (10 + 60 + 20 + 30) * kMinuteUs);
}

TEST_CASE("An 'isolate first' variant is counted out of order against its reference") {
  Bench bench;
  const auto ref = reference();
  // The variant isolates right after triage, before the analysis.
  auto variant = procedure("intrusion-isolate-first",
                           {step("triage", "lead", 600), step("isolate", "it", 1200, {"triage"}),
                            step("analyse", "it", 3600, {"isolate"}),
                            step("report", "lead", 1800, {"analyse"})});
  variant.referenceId = "intrusion";
  auto run = bench.run(variant, ref);
  run->start(0);
  bench.kernel.runUntilEmpty();
  CHECK(run->finished());
  const response::Adherence a = run->adherence();
  CHECK(a.stepsDone == 4);
  CHECK(a.stepsNotDone == 0);
  REQUIRE(a.stepsOutOfOrder == 1);
  CHECK(a.outOfOrder[0].stepId == "isolate");
  CHECK(a.outOfOrder[0].timeUs == 30 * kMinuteUs);
  CHECK(a.outOfOrder[0].aheadOfId == "analyse");
  CHECK(a.outOfOrder[0].aheadOfFinishUs == 90 * kMinuteUs);
}

TEST_CASE("Steps a variant removes are counted not done; steps it adds are named") {
  Bench bench;
  const auto ref = reference();
  auto variant = procedure("short", {step("triage", "lead", 600), step("analyse", "it", 3600, {"triage"}),
                                     step("call_police", "lead", 600, {"analyse"})});
  auto run = bench.run(variant, ref);
  run->start(0);
  bench.kernel.runUntilEmpty();
  const response::Adherence a = run->adherence();
  CHECK(a.stepsDone == 3);
  CHECK(a.stepsNotDone == 2);
  REQUIRE(a.notDone.size() == 2);
  CHECK(a.notDone[0].stepId == "isolate");
  CHECK(a.notDone[1].stepId == "report");
  CHECK(a.notDone[0].timeUs == -1);
  CHECK(a.addedIds == std::vector<std::string>{"call_police"});
  CHECK(a.stepsOutOfOrder == 0);
}

TEST_CASE("Abandon cancels queued steps, lets started ones finish and submits nothing more") {
  Bench bench;
  // One lead: "busy" occupies it, so the run's "notify" waits in the queue.
  const response::TaskId busy = bench.team.submit(0, 2 * kHourUs, nullptr, nullptr);
  auto search = step("search", "it", 3600);
  search.effects = {Effect::SearchItem};
  const auto p = procedure("lost", {search, step("notify", "lead", 600),
                                    step("wipe", "it", 600, {"search"})});
  auto run = bench.run(p, p);
  run->start(0);
  bench.kernel.runUntil(30 * kMinuteUs);
  CHECK(run->step(0).state == StepState::Started);
  CHECK(run->step(1).state == StepState::Queued);
  run->abandon();  // the owner found the item
  CHECK(run->step(1).state == StepState::Cancelled);
  CHECK(bench.team.task(run->step(1).task).state == response::TaskState::Cancelled);
  CHECK_FALSE(run->idle());  // the search is still going
  bench.kernel.runUntilEmpty();
  CHECK(run->step(0).state == StepState::Finished);
  CHECK(run->step(0).finishUs == kHourUs);
  CHECK(bench.effects == std::vector<std::string>{"60 search_item by search"});
  CHECK(run->step(2).state == StepState::Waiting);  // never submitted
  CHECK(bench.team.taskCount() == 3);               // busy, search, notify: no wipe
  CHECK(bench.team.task(busy).state == response::TaskState::Finished);
  CHECK_FALSE(run->finished());
  CHECK(run->idle());
  CHECK(run->abandoned());
  const response::Adherence a = run->adherence();
  CHECK(a.stepsDone == 1);
  CHECK(a.stepsNotDone == 2);
}

TEST_CASE("Step durations are drawn from the run's stream in the order steps become ready") {
  Bench bench;
  auto a = step("a", "it", 0);
  a.duration = core::DurationDist::lognormal(3600, 1800);
  auto skipped = step("skipped", "it", 0, {"a"});
  skipped.duration = core::DurationDist::exponential(600);
  skipped.when = {when(Condition::LeakConfirmed)};
  auto b = step("b", "it", 0, {"a"});
  b.duration = core::DurationDist::triangular(60, 600, 6000);
  const auto p = procedure("p", {a, skipped, b});
  auto run = bench.run(p, p, 77);
  run->start(0);
  bench.kernel.runUntilEmpty();
  core::RandomEngine expected = core::RandomStreams(77, 0).stream("procedure.x");
  const core::TimeUs aUs = core::sampleUs(a.duration, expected);
  const core::TimeUs bUs = core::sampleUs(b.duration, expected);  // the skip drew nothing
  CHECK(run->step(0).durationUs == aUs);
  CHECK(run->step(0).finishUs == aUs);
  CHECK(run->step(2).durationUs == bUs);
  CHECK(run->step(2).finishUs == aUs + bUs);
}

TEST_CASE("The same seed plays the same procedure identically; another seed differs") {
  const auto play = [](std::uint64_t seed) {
    Bench bench;
    auto p = reference();
    for (auto& s : p.steps) s.duration = core::DurationDist::lognormal(1800, 900);
    auto run = bench.run(p, p, seed);
    run->start(0);
    bench.kernel.runUntilEmpty();
    std::vector<core::TimeUs> finishes;
    for (int i = 0; i < run->stepCount(); ++i) finishes.push_back(run->step(i).finishUs);
    return std::make_pair(bench.log, finishes);
  };
  CHECK(play(3) == play(3));
  CHECK(play(3).second != play(4).second);
}

TEST_CASE("Two runs on one team share its responders in queue order") {
  Bench bench;
  const auto p = procedure("p", {step("triage", "lead", 1800), step("fix", "it", 600, {"triage"})});
  auto first = bench.run(p, p, 1);
  auto second = bench.run(p, p, 2);
  first->start(0);
  second->start(0);
  bench.kernel.runUntilEmpty();
  // One lead: the second incident's triage waits for the first's.
  CHECK(first->step(0).startUs == 0);
  CHECK(second->step(0).startUs == 30 * kMinuteUs);
  CHECK(second->step(0).finishUs == kHourUs);
  CHECK(second->step(1).startUs == kHourUs);
}

TEST_CASE("A run destroyed with steps queued and in progress leaves the team working safely") {
  Bench bench;
  const auto p = procedure("p", {step("a", "lead", 3600), step("b", "lead", 3600)});
  {
    auto run = bench.run(p, p);
    run->start(0);
    bench.kernel.runUntil(10 * kMinuteUs);
  }
  CHECK(bench.team.task(2).state == response::TaskState::Cancelled);
  bench.kernel.runUntilEmpty();  // "a" finishes without calling into the destroyed run
  CHECK(bench.team.task(1).state == response::TaskState::Finished);
  CHECK(bench.log.size() == 3);  // queued a, started a, queued b: nothing after
}

TEST_CASE("A procedure naming an unknown role or step is rejected when the run is built") {
  Bench bench;
  const auto badRole = procedure("p", {step("a", "janitor", 60)});
  CHECK_THROWS_AS(bench.run(badRole, badRole), std::invalid_argument);
  const auto badAfter = procedure("p", {step("a", "lead", 60, {"zzz"})});
  CHECK_THROWS_AS(bench.run(badAfter, badAfter), std::invalid_argument);
}
