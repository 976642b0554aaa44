// Japanese free text (seats, rationales, evaluator notes, branch names) through a played
// session: the session file, the event log (JSON Lines) and a replay of the file read back
// keep it byte for byte, unescaped UTF-8.
#include <catch2/catch.hpp>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/core/diagnostics.hpp"
#include "sim/exercise/event_log_jsonl.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/session/live_session.hpp"
#include "sim/session/session.hpp"
#include "tests/support/bundled_scenario.hpp"

namespace exercise = irdrill::exercise;
namespace session = irdrill::session;
using irdrill::core::kUsPerHour;

namespace {

std::shared_ptr<const irdrill::scenario::ScenarioDef> bundled(const std::string& name) {
  return irdrill::test::sharedBundledScenario(name);
}

// The whole event log as `irdrill replay --events` writes it.
std::string jsonLines(const session::LiveSession& live) {
  std::ostringstream out;
  for (const auto& event : live.events()) exercise::writeEventLine(out, event);
  exercise::writeScoreLines(out, live.exercise().score());
  return out.str();
}

const std::string kSeat = "情報システム部・佐藤";
const std::string kRationale = "Webサイトの改ざんを想定した訓練。「初動対応」を確認する\n二行目：個人情報保護委員会への報告";
const std::string kNote = "封じ込めまで30分。手順どおり";

}  // namespace

TEST_CASE("Japanese seats, rationales and notes survive the session file, the event log and a replay") {
  const auto scenario = bundled("lost-laptop.yaml");
  session::SessionDef header;
  header.seed = 2;
  session::LiveSession live(scenario, header);
  live.runUntil(10 * kUsPerHour);

  session::SessionEntry inject;
  inject.kind = session::SessionEntry::Kind::Inject;
  inject.inject = {exercise::InjectAction::Fire, "tpl-website-defacement", "", "", 0, kSeat, kRationale};
  const exercise::DecisionResult fired = live.apply(inject);
  INFO(fired.reason);
  REQUIRE(fired.applied);
  live.runUntil(30 * kUsPerHour);
  const auto incidents = live.exercise().incidents();
  REQUIRE_FALSE(incidents.empty());
  const std::string incident = incidents.back().id;
  const auto steps = live.exercise().procedureSteps(incident);
  REQUIRE_FALSE(steps.empty());
  session::SessionEntry mark;
  mark.kind = session::SessionEntry::Kind::Mark;
  mark.mark = {incident, steps.front().id, session::StepMark::Met, kNote};
  mark.decision.seat = "評価者";
  REQUIRE(live.apply(mark).applied);
  live.runUntil(40 * kUsPerHour);

  // The session file: UTF-8 as written (not \u escapes), and the same entries read back.
  session::SessionDef saved = live.session();
  saved.scenarioPath = "lost-laptop.yaml";
  const std::string file = session::sessionToJson(saved);
  CHECK(file.find(kSeat) != std::string::npos);
  CHECK(file.find(kNote) != std::string::npos);
  irdrill::core::Diagnostics diagnostics;
  const auto read = session::sessionFromJson(file, "japanese.session.json", diagnostics);
  REQUIRE(read);
  REQUIRE_FALSE(diagnostics.hasErrors());
  REQUIRE(read->entries.size() == 2);
  CHECK(read->entries[0].inject.seat == kSeat);
  CHECK(read->entries[0].inject.rationale == kRationale);
  CHECK(read->entries[1].mark.note == kNote);
  CHECK(read->entries[1].decision.seat == "評価者");
  CHECK(session::sessionToJson(*read) == file);

  // The event log: the inject's line carries the seat as actor and the rationale as
  // detail, raw UTF-8 that a JSON parser gives back unchanged.
  const std::string log = jsonLines(live);
  bool found = false;
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    const auto json = nlohmann::json::parse(line);
    if (json.value("type", "") != "inject") continue;
    found = true;
    CHECK(json.value("actor", "") == kSeat);
    CHECK(json.value("detail", "") == kRationale);
    CHECK(line.find(kSeat) != std::string::npos);  // not escaped
  }
  CHECK(found);

  // Replaying the file read back gives the same log, byte for byte.
  session::LiveSession replayed(scenario, *read);
  REQUIRE_FALSE(replayed.replay(read->entries, 40 * kUsPerHour).has_value());
  CHECK(jsonLines(replayed) == log);
}
