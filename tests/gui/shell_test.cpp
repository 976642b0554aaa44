// Unit tests of the GUI shell's pure parts: window layout, the run control's clock and
// typed times, auto-pause rules, --play scripts and the command line. No window needed.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "gui/auto_pause.hpp"
#include "gui/cli_options.hpp"
#include "gui/input_script.hpp"
#include "gui/layout.hpp"
#include "gui/run_clock.hpp"

using namespace irdrill;
using namespace irdrill::gui;

namespace {

constexpr core::TimeUs kDayUs = 24 * core::kUsPerHour;

core::TimeUs at(int day, int hour, int minute, int second = 0) {
  return day * kDayUs + hour * core::kUsPerHour + minute * core::kUsPerMinute + second * core::kUsPerSecond;
}

ParseOutcome parseArgs(std::vector<std::string> args) {
  args.insert(args.begin(), "irdrill-gui");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  return parseCommandLine(static_cast<int>(argv.size()), argv.data());
}

exercise::ExerciseEvent event(std::uint64_t seq, exercise::ExerciseEventKind kind, std::string incident = "x-1") {
  exercise::ExerciseEvent e;
  e.seq = seq;
  e.timeUs = static_cast<core::TimeUs>(seq) * core::kUsPerSecond;
  e.kind = kind;
  e.incident = std::move(incident);
  return e;
}

}  // namespace

TEST_CASE("The layout tiles the display: top bar, map over timeline on the left, panels on the right") {
  const ShellLayout l = computeLayout(1600, 900, 40, LayoutSplits{});
  CHECK(l.topBar.x == 0);
  CHECK(l.topBar.w == 1600);
  CHECK(l.topBar.h == 40);
  CHECK(l.map.y == 40);
  CHECK(l.map.w == 960);  // 60 %
  CHECK(l.timeline.y == l.map.y + l.map.h);
  CHECK(l.timeline.y + l.timeline.h == Approx(900));
  CHECK(l.panels.x == l.map.w);
  CHECK(l.panels.x + l.panels.w == Approx(1600));
  CHECK(l.panels.h == 860);
  CHECK(l.timeline.h == Approx(860 * 0.28f).margin(1));
}

TEST_CASE("Layout splits are clamped so no window disappears") {
  LayoutSplits extreme;
  extreme.mapWidthShare = 0.99f;
  extreme.timelineHeightShare = 0.0f;
  const ShellLayout l = computeLayout(1000, 800, 30, extreme);
  CHECK(l.map.w == Approx(1000 * kMaxShare));
  CHECK(l.panels.w >= 1000 * (1 - kMaxShare) - 1);
  CHECK(l.timeline.h > 0);
  const ShellLayout tiny = computeLayout(0, 0, 30, LayoutSplits{});
  CHECK(tiny.map.w >= 1);
  CHECK(tiny.panels.w >= 1);
  CHECK(tiny.timeline.h >= 1);
}

TEST_CASE("The top bar clock counts days from 1 with the scenario's weekdays") {
  CHECK(topBarClockText(at(0, 10, 32, 5), 0) == "d0 Mon 10:32:05");
  CHECK(topBarClockText(at(1, 0, 0), 0) == "d1 Tue 00:00:00");
  CHECK(topBarClockText(at(6, 23, 59, 59), 0) == "d6 Sun 23:59:59");
  CHECK(topBarClockText(at(0, 9, 0), 4) == "d0 Fri 09:00:00");
  CHECK(topBarClockText(at(3, 9, 0), 4) == "d3 Mon 09:00:00");
}

TEST_CASE("Run-until accepts a day and a time, or a time on today's day") {
  const core::TimeUs now = at(1, 9, 0);
  CHECK(parseRunUntilText("d1 14:00", now).timeUs == at(1, 14, 0));
  CHECK(parseRunUntilText("  d2 14:00:30 ", now).timeUs == at(2, 14, 0, 30));
  CHECK(parseRunUntilText("14:00", now).timeUs == at(1, 14, 0));
  SECTION("times before the clock and malformed text are refused with a reason") {
    const TimeParse past = parseRunUntilText("08:00", now);
    CHECK_FALSE(past.timeUs);
    CHECK(past.error.find("before the clock") != std::string::npos);
    for (const char* bad : {"", "14", "25:00", "d 14:00", "14:61", "tomorrow", "d1 14:00:00:00", "-1:00"}) {
      INFO(bad);
      const TimeParse parsed = parseRunUntilText(bad, now);
      CHECK_FALSE(parsed.timeUs);
      CHECK_FALSE(parsed.error.empty());
    }
  }
}

TEST_CASE("The --until option takes a clock time from day 0 or a duration since midnight of day 0") {
  CHECK(parseUntilOption("d0 11:00").timeUs == at(0, 11, 0));
  CHECK(parseUntilOption("11:00").timeUs == at(0, 11, 0));
  CHECK(parseUntilOption("11h").timeUs == at(0, 11, 0));
  CHECK(parseUntilOption("1d2h30m").timeUs == at(1, 2, 30));
  CHECK(parseUntilOption("39600").timeUs == at(0, 11, 0));
  CHECK_FALSE(parseUntilOption("soon").timeUs);
  CHECK_FALSE(parseUntilOption("1h30").timeUs);
}

TEST_CASE("One frame advances the clock by speed x wall time and stops at the stop time") {
  CHECK(frameTargetUs(at(0, 9, 0), 3600, 1.0 / 60, at(1, 0, 0)) == at(0, 9, 1));
  CHECK(frameTargetUs(at(0, 9, 0), 86400, 10.0, at(0, 12, 0)) == at(0, 12, 0));
  CHECK(frameTargetUs(at(0, 9, 0), 60, 0.0, at(1, 0, 0)) == at(0, 9, 0));
  CHECK(nextSliceEndUs(0, 100, 30) == 30);
  CHECK(nextSliceEndUs(90, 100, 30) == 100);
}

TEST_CASE("Run until the next deadline or inject picks the earliest one still ahead") {
  std::vector<exercise::IncidentView> incidents(2);
  incidents[0].deadlines.push_back({"gdpr_72h", at(3, 10, 0), std::nullopt, false});
  incidents[0].deadlines.push_back({"done", at(1, 10, 0), at(0, 12, 0), true});
  incidents[1].deadlines.push_back({"appi_prelim", at(2, 10, 0), std::nullopt, false});
  incidents[1].deadlines.push_back({"missed", at(0, 8, 0), std::nullopt, false});
  CHECK(nextDeadlineUs(incidents, at(0, 9, 0)) == at(2, 10, 0));
  CHECK_FALSE(nextDeadlineUs(incidents, at(4, 0, 0)));

  std::vector<exercise::ArrivalView> arrivals(3);
  arrivals[0].atUs = at(0, 10, 0);
  arrivals[0].status = exercise::ArrivalView::Status::Fired;
  arrivals[1].atUs = at(0, 15, 0);
  arrivals[2].atUs = at(0, 11, 0);
  arrivals[2].status = exercise::ArrivalView::Status::Skipped;
  CHECK(nextPendingArrivalUs(arrivals, at(0, 9, 0)) == at(0, 15, 0));
  CHECK_FALSE(nextPendingArrivalUs(arrivals, at(0, 16, 0)));
}

TEST_CASE("Auto-pause fires on the first new event an enabled rule matches") {
  using K = exercise::ExerciseEventKind;
  PauseRule rules[kPauseTriggerCount];
  scoring::ScoringDef scoring;
  const std::vector<exercise::ExerciseEvent> events = {event(1, K::StepStarted), event(2, K::Detected),
                                                       event(3, K::Contained)};
  SECTION("no rule enabled: no card") { CHECK_FALSE(checkAutoPause(events, rules, scoring)); }
  SECTION("containment only: the contained event, with the rule's prompt") {
    rules[static_cast<int>(PauseTrigger::Containment)] = {true, "Who tells the regulator?"};
    const auto card = checkAutoPause(events, rules, scoring);
    REQUIRE(card);
    CHECK(card->trigger == PauseTrigger::Containment);
    CHECK(card->eventSeq == 3);
    CHECK(card->atUs == 3 * core::kUsPerSecond);
    CHECK(card->prompt == "Who tells the regulator?");
    CHECK(card->title == "Contained: x-1");
  }
  SECTION("detection and containment: the earlier event wins") {
    rules[static_cast<int>(PauseTrigger::Containment)].enabled = true;
    rules[static_cast<int>(PauseTrigger::Detection)].enabled = true;
    const auto card = checkAutoPause(events, rules, scoring);
    REQUIRE(card);
    CHECK(card->eventSeq == 2);
  }
  SECTION("a deadline starts only when the scenario counts one from that event") {
    rules[static_cast<int>(PauseTrigger::DeadlineStarted)].enabled = true;
    CHECK_FALSE(checkAutoPause(events, rules, scoring));
    scoring::DeadlineDef deadline;
    deadline.id = "gdpr_72h";
    deadline.from = scoring::DeadlineFrom::Detection;
    scoring.deadlines.push_back(deadline);
    const auto card = checkAutoPause(events, rules, scoring);
    REQUIRE(card);
    CHECK(card->eventSeq == 2);
    CHECK(card->title.find("gdpr_72h") != std::string::npos);
  }
  SECTION("an inject or an arrival starting an incident fires inject_fired") {
    rules[static_cast<int>(PauseTrigger::InjectFired)].enabled = true;
    CHECK_FALSE(checkAutoPause(events, rules, scoring));
    const std::vector<exercise::ExerciseEvent> more = {event(4, K::StepFinished), event(5, K::IncidentStarted)};
    const auto card = checkAutoPause(more, rules, scoring);
    REQUIRE(card);
    CHECK(card->eventSeq == 5);
  }
}

TEST_CASE("A --play script parses inputs, commands and session entries in frame order") {
  const std::string script =
      "# a comment\n"
      "{\"frame\":1,\"mouse\":[10,20]}\n"
      "\n"
      "{\"frame\":2,\"click\":[100.5,200]}\n"
      "{\"frame\":2,\"key\":\"space\"}\n"
      "{\"frame\":3,\"text\":\"漏えい\"}\n"
      "{\"frame\":4,\"run_until\":\"d0 11:00\"}\n"
      "{\"frame\":5,\"decision\":{\"kind\":\"order_step\",\"incident\":\"phishing-1\",\"step\":\"isolate\","
      "\"seat\":\"IT lead\",\"rationale\":\"早めに隔離\"}}\n"
      "{\"frame\":6,\"inject\":{\"action\":\"schedule\",\"source\":\"defacement\",\"at\":\"d0 14:00\"}}\n"
      "{\"frame\":7,\"mark\":{\"incident\":\"phishing-1\",\"step\":\"isolate\",\"mark\":\"partly\"}}\n"
      "{\"frame\":8,\"speed\":3600}\n"
      "{\"frame\":9,\"view\":\"player\"}\n"
      "{\"frame\":10,\"screenshot\":\"a.png\"}\n"
      "{\"frame\":11,\"quit\":true}\n";
  const ScriptParse parsed = parseInputScript(script, "s.jsonl");
  REQUIRE(parsed.errors.empty());
  REQUIRE(parsed.steps.size() == 12);
  const auto& click = std::get<ScriptInput>(parsed.steps[1].what);
  CHECK(click.kind == ScriptInput::Kind::Click);
  CHECK(click.xPx == 100.5f);
  CHECK(parsed.steps[1].line == 4);
  CHECK(std::get<ScriptInput>(parsed.steps[3].what).text == "漏えい");
  const auto& decision = std::get<ScriptCommand>(parsed.steps[5].what);
  REQUIRE(decision.kind == ScriptCommand::Kind::Entry);
  CHECK(decision.entry.kind == session::SessionEntry::Kind::Decision);
  CHECK(decision.entry.decision.kind == exercise::DecisionKind::OrderStep);
  CHECK(decision.entry.decision.step == "isolate");
  CHECK(decision.entry.decision.rationale == "早めに隔離");
  const auto& inject = std::get<ScriptCommand>(parsed.steps[6].what);
  CHECK(inject.entry.kind == session::SessionEntry::Kind::Inject);
  CHECK(inject.entry.inject.action == exercise::InjectAction::Schedule);
  CHECK(inject.entry.inject.atUs == at(0, 14, 0));
  CHECK(std::get<ScriptCommand>(parsed.steps[7].what).entry.mark.mark == session::StepMark::Partly);
  CHECK(std::get<ScriptCommand>(parsed.steps[8].what).speedSimSPerWallS == 3600);
  CHECK(std::get<ScriptCommand>(parsed.steps[11].what).kind == ScriptCommand::Kind::Quit);
}

TEST_CASE("Bad script lines are all reported with their line numbers") {
  const std::string script =
      "{\"frame\":2,\"key\":\"space\"}\n"
      "{\"frame\":1,\"key\":\"space\"}\n"
      "not json\n"
      "{\"frame\":3,\"key\":\"hyperspace\"}\n"
      "{\"frame\":3,\"decision\":{\"kind\":\"panic\"}}\n"
      "{\"frame\":3,\"click\":[1]}\n"
      "{\"frame\":3}\n"
      "{\"frame\":3,\"run_until\":\"later\"}\n"
      "{\"frame\":3,\"decision\":{\"kind\":\"order_step\",\"colour\":\"red\"}}\n";
  const ScriptParse parsed = parseInputScript(script, "s.jsonl");
  REQUIRE(parsed.errors.size() == 8);
  CHECK(parsed.errors[0].rfind("s.jsonl:2: error: frame 1 comes after frame 2", 0) == 0);
  CHECK(parsed.errors[1].rfind("s.jsonl:3: error: not valid JSON", 0) == 0);
  CHECK(parsed.errors[2].find("expected one of: space") != std::string::npos);
  CHECK(parsed.errors[3].find("'panic' is not a decision") != std::string::npos);
  CHECK(parsed.errors[4].find("[x, y]") != std::string::npos);
  CHECK(parsed.errors[5].find("exactly one action") != std::string::npos);
  CHECK(parsed.errors[6].rfind("s.jsonl:8: error: run_until", 0) == 0);
  CHECK(parsed.errors[7].find("unknown key 'decision.colour'") != std::string::npos);
}

TEST_CASE("The command line takes the documented options and refuses bad usage") {
  const ParseOutcome ok = parseArgs({"--scenario", "s.yaml", "--seed", "7", "--set", "a.b=1", "--set", "c=2",
                                     "--until", "d0 11:00", "--screenshot", "o.PNG", "--ui-scale", "1.5"});
  REQUIRE_FALSE(ok.error);
  CHECK(ok.options.scenario == std::filesystem::path("s.yaml"));
  CHECK(ok.options.seed == 7u);
  CHECK(ok.options.overrides == std::vector<std::string>{"a.b=1", "c=2"});
  CHECK(ok.options.untilUs == at(0, 11, 0));
  CHECK(ok.options.uiScale == 1.5f);
  CHECK(ok.options.nonInteractive());
  CHECK_FALSE(parseArgs({}).options.nonInteractive());
  CHECK(parseArgs({"--help"}).showHelp);
  for (const auto& bad : std::vector<std::vector<std::string>>{
           {"--no-such-flag"}, {"--frames", "abc"}, {"--frames", "0"}, {"--screenshot", "x.bmp"},
           {"--scenario", "a.yaml", "--session", "s.json"}, {"--session", "s.json", "--seed", "3"},
           {"--until", "later"}, {"--set", "novalue"}, {"--ui-scale", "9"}, {"stray"}}) {
    INFO(bad.front());
    CHECK(parseArgs(bad).error);
  }
  CHECK(usageText().find("Exit codes") != std::string::npos);
}
