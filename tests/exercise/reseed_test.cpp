// Exercise::reseedFrom, the "from here" hook of what-if replications: the past stands,
// the future is drawn anew from the salted streams (sim/core/random_streams.hpp).
#include <catch2/catch.hpp>

#include <optional>
#include <sstream>
#include <string>

#include "incident_builders.hpp"
#include "sim/core/random_streams.hpp"
#include "sim/exercise/event_log_jsonl.hpp"
#include "sim/exercise/exercise.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "tests/support/bundled_scenario.hpp"

using namespace irdrill;

namespace {

scenario::ScenarioDef bundled(const std::string& name) { return irdrill::test::bundledScenario(name); }

// One run's JSON Lines log, closed by the score, and where the log stood at the re-seed.
struct Played {
  std::string log;
  std::size_t bytesAtReseed = 0;
  std::uint64_t eventsAtReseed = 0;
};

// Runs to `atUs`, re-seeds with `salt` (if any), runs to the end.
Played play(const scenario::ScenarioDef& s, std::uint64_t seed, core::TimeUs atUs, std::optional<std::uint64_t> salt) {
  std::ostringstream out;
  exercise::JsonLinesEventSink sink(out);
  exercise::Exercise run(s, seed, 0, &sink);
  run.runUntil(atUs);
  Played played;
  played.bytesAtReseed = out.str().size();
  played.eventsAtReseed = run.eventsLogged();
  if (salt) run.reseedFrom(*salt);
  run.runToEnd();
  exercise::writeScoreLines(out, run.score());
  played.log = out.str();
  return played;
}

}  // namespace

TEST_CASE("a salted stream depends on key and salt only and is never the unsalted stream") {
  const core::StreamKey key{11, 3, "incident.phishing", 0};
  CHECK(core::deriveSaltedStreamSeed(key, 7) == core::deriveSaltedStreamSeed(key, 7));
  CHECK(core::deriveSaltedStreamSeed(key, 7) != core::deriveSaltedStreamSeed(key, 8));
  CHECK(core::deriveSaltedStreamSeed(key, 0) != core::deriveStreamSeed(key));
  // The formula of random_streams.hpp, spelled out.
  const std::uint64_t expected =
      core::splitMix64(core::deriveStreamSeed(key) ^ core::splitMix64(7 ^ core::fnv1a64("irdrill.reseed")));
  CHECK(core::deriveSaltedStreamSeed(key, 7) == expected);
  const core::RandomStreams streams(11, 3);
  core::RandomEngine salted = streams.salted(7).stream("incident.phishing");
  core::RandomEngine direct(expected);
  CHECK(salted() == direct());
  // A later salt replaces the earlier one.
  CHECK(streams.salted(1).salted(7).stream("incident.phishing")() == core::RandomEngine(expected)());
}

TEST_CASE("re-seeding from a time keeps the log up to it and the same salt gives the same future") {
  const std::string name = GENERATE(as<std::string>{}, "phishing-exfiltration.yaml", "lost-laptop.yaml");
  const auto s = bundled(name);
  // Mid-morning of the first day: the office day is running, the intruder is under way.
  const core::TimeUs atUs = 11 * core::kUsPerHour;
  for (std::uint64_t seed = 1; seed <= (name == "lost-laptop.yaml" ? 2u : 8u); ++seed) {
    INFO(name << " seed " << seed);
    const Played plain = play(s, seed, atUs, std::nullopt);
    const Played a = play(s, seed, atUs, 5);
    const Played b = play(s, seed, atUs, 5);
    CHECK(a.log == b.log);
    // The past is untouched: byte for byte up to the re-seed.
    REQUIRE(a.bytesAtReseed == plain.bytesAtReseed);
    CHECK(a.log.compare(0, a.bytesAtReseed, plain.log, 0, plain.bytesAtReseed) == 0);
    CHECK(a.eventsAtReseed == plain.eventsAtReseed);
  }
}

TEST_CASE("different salts give different futures, seed after seed") {
  const auto s = bundled("phishing-exfiltration.yaml");
  // Early on the first day: stages, detection and the team's steps are all still to draw.
  const core::TimeUs atUs = 10 * core::kUsPerHour;
  int different = 0, differentFromPlain = 0;
  constexpr int kSeeds = 30;
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    const Played plain = play(s, seed, atUs, std::nullopt);
    const Played a = play(s, seed, atUs, 1);
    const Played b = play(s, seed, atUs, 2);
    different += a.log != b.log ? 1 : 0;
    differentFromPlain += a.log != plain.log ? 1 : 0;
  }
  // Every future here draws continuous stage durations: two salts coincide only if every
  // draw after 10:00 does, which does not happen.
  CHECK(different == kSeeds);
  CHECK(differentFromPlain == kSeeds);
}

TEST_CASE("the office day's streams are re-drawn too") {
  // lost-laptop: people, tags and a thief; its future draws are the day's (radio,
  // reactions, human error) as much as the incidents'.
  const auto s = bundled("lost-laptop.yaml");
  const core::TimeUs atUs = 11 * core::kUsPerHour;
  for (std::uint64_t seed = 1; seed <= 2; ++seed) {
    const Played a = play(s, seed, atUs, 1);
    const Played b = play(s, seed, atUs, 2);
    CHECK(a.log != b.log);
    // The day's own events (phone alerts, items left) differ, not only the incidents'.
    auto dayLines = [](const Played& p) {
      std::string out;
      std::istringstream lines(p.log.substr(p.bytesAtReseed));
      for (std::string line; std::getline(lines, line);) {
        if (line.find("\"incident\"") == std::string::npos) out += line + "\n";
      }
      return out;
    };
    CHECK(dayLines(a) != dayLines(b));
  }
}

TEST_CASE("a salt applied when nothing is drawn any more changes nothing") {
  const std::string name = GENERATE(as<std::string>{}, "phishing-exfiltration.yaml", "lost-laptop.yaml");
  const auto s = bundled(name);
  exercise::Exercise probe(s, 1, 0);
  const core::TimeUs endUs = probe.endUs();
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    INFO(name << " seed " << seed);
    // At the horizon no draw follows: the re-seed itself logs and schedules nothing.
    CHECK(play(s, seed, endUs, 9).log == play(s, seed, endUs, std::nullopt).log);
  }
}

TEST_CASE("a salt changes nothing in a future whose every draw is fixed") {
  // Every stage 1 h, reported with certainty 6 h in, fixed step durations: the draws after
  // the re-seed still happen, but none can change a value.
  using response::Effect;
  scenario::ScenarioDef s = testing::incidentsOnly();
  s.detection = testing::reportOnlyDetection(6 * 3600.0);
  s.incidents.push_back(testing::fixedIntrusion("phish", 10 * 3600.0, 3600.0));
  const auto p = testing::procedure(
      "fixed", {testing::step("isolate", "it_admin", core::DurationDist::fixed(1800), {Effect::IsolateNetwork})});
  s.procedures[p.id] = p;
  s.procedureForKind[static_cast<int>(incident::IncidentKind::CyberIntrusion)] = p.id;
  const core::TimeUs atUs = GENERATE(11 * core::kUsPerHour, 17 * core::kUsPerHour);
  const Played plain = play(s, 4, atUs, std::nullopt);
  const Played salted = play(s, 4, atUs, 12345);
  CHECK(salted.log == plain.log);
  CHECK(plain.log.find("attacker_cut_off") != std::string::npos);  // the future did happen
}
