// Rewinding (sim/session/rewind.hpp): the exercise rebuilt at an earlier moment logs
// exactly the events the session logged up to there, from the start or from a
// checkpoint; checkpoints follow the log they are valid for; the checkpoint worker is
// safe to drive from another thread; a different decision after a rewind forks a branch
// that replays to its own log.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "sim/exercise/event_log_jsonl.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/session/branches.hpp"
#include "sim/session/rewind.hpp"
#include "tests/support/bundled_scenario.hpp"

using irdrill::core::kUsPerHour;
using irdrill::core::kUsPerMinute;
using irdrill::core::TimeUs;
namespace exercise = irdrill::exercise;
namespace session = irdrill::session;

namespace {

std::shared_ptr<const irdrill::scenario::ScenarioDef> bundled(const std::string& name) {
  return irdrill::test::sharedBundledScenario(name);
}

// The event log as `irdrill run --events` writes it (JSON Lines), first `count` events.
std::string jsonLines(const std::vector<exercise::ExerciseEvent>& events, std::size_t count) {
  std::ostringstream out;
  for (std::size_t i = 0; i < std::min(count, events.size()); ++i) exercise::writeEventLine(out, events[i]);
  return out.str();
}

// "" when two logs are equal, else their first differing lines (a readable failure).
std::string firstDifference(const std::string& a, const std::string& b) {
  std::istringstream as(a), bs(b);
  std::string al, bl;
  for (int line = 1;; ++line) {
    const bool aMore = static_cast<bool>(std::getline(as, al));
    const bool bMore = static_cast<bool>(std::getline(bs, bl));
    if (!aMore && !bMore) return "";
    if (!aMore || !bMore || al != bl) {
      return "line " + std::to_string(line) + ":\n  " + (aMore ? al : "(end)") + "\n  " + (bMore ? bl : "(end)");
    }
  }
}

// A scripted player: every third `stepUs` it fires the next inject template that applies,
// and every `stepUs` it orders the first procedure step that applies, so logs have entries of both kinds
// on any seed. Returns the live session at `untilUs` and, for each entry, how many events
// had been logged just before it applied.
struct PlayedSession {
  std::unique_ptr<session::LiveSession> live;
  std::vector<std::size_t> eventsBeforeEntry;
};
PlayedSession play(std::shared_ptr<const irdrill::scenario::ScenarioDef> scenario, std::uint64_t seed,
                   TimeUs stepUs, TimeUs untilUs) {
  session::SessionDef header;
  header.seed = seed;
  PlayedSession out{std::make_unique<session::LiveSession>(scenario, header), {}};
  session::LiveSession& live = *out.live;
  std::size_t slice = 0, nextTemplate = 0;
  const auto tryApply = [&](const session::SessionEntry& entry) {
    if (!live.check(entry)) return false;
    const std::size_t before = live.events().size();
    REQUIRE(live.apply(entry));
    out.eventsBeforeEntry.push_back(before);
    return true;
  };
  while (live.now() + stepUs <= untilUs && !live.finished()) {
    live.runUntil(live.now() + stepUs);
    if (slice++ % 3 == 0) {
      const auto catalogue = live.exercise().injectCatalogue();
      for (std::size_t i = 0; i < catalogue.size(); ++i) {
        session::SessionEntry entry;
        entry.kind = session::SessionEntry::Kind::Inject;
        entry.inject.source = catalogue[(nextTemplate + i) % catalogue.size()].id;
        entry.inject.seat = "facilitator";
        if (tryApply(entry)) {
          nextTemplate += i + 1;
          break;
        }
      }
    }
    bool ordered = false;
    for (const auto& incident : live.exercise().incidents()) {
      for (const auto& step : live.exercise().procedureSteps(incident.id)) {
        session::SessionEntry entry;
        entry.kind = session::SessionEntry::Kind::Decision;
        entry.decision.kind = exercise::DecisionKind::OrderStep;
        entry.decision.incident = incident.id;
        entry.decision.step = step.id;
        entry.decision.seat = "IT lead";
        if (tryApply(entry)) {
          ordered = true;
          break;
        }
      }
      if (ordered) break;
    }
  }
  live.runUntil(untilUs);
  return out;
}

}  // namespace

TEST_CASE("A rewind to a logged entry logs exactly the events the session logged before it") {
  struct Case {
    const char* scenario;
    TimeUs stepUs, untilUs;
  };
  const Case which = GENERATE(Case{"phishing-exfiltration.yaml", 3 * kUsPerHour, 2 * 24 * kUsPerHour},
                              Case{"lost-laptop.yaml", 40 * kUsPerMinute, 20 * kUsPerHour},
                              Case{"website-defacement.yaml", 2 * kUsPerHour, 30 * kUsPerHour});
  const std::uint64_t seed = GENERATE(1, 2, 3);
  INFO(which.scenario << " seed " << seed);
  const auto scenario = bundled(which.scenario);
  const PlayedSession played = play(scenario, seed, which.stepUs, which.untilUs);
  const session::LiveSession& original = *played.live;
  const std::vector<session::SessionEntry> log = original.log();
  REQUIRE(log.size() >= 2);
  session::RewindCheckpoints checkpoints(scenario, original.session(), 4 * kUsPerHour);
  checkpoints.follow(log, original.now());
  checkpoints.waitUntilIdle();
  REQUIRE_FALSE(checkpoints.readyTimes().empty());
  for (std::size_t k = 0; k < log.size(); ++k) {
    INFO("before entry " << k);
    const session::RewindPoint point = session::rewindPointBefore(log, k);
    const std::string expected = jsonLines(original.events(), played.eventsBeforeEntry[k]);
    const auto fromStart = session::rebuildFromStart(scenario, original.session(), log, point);
    CHECK(fromStart->now() == log[k].atUs);
    CHECK(fromStart->log().size() == k);
    CHECK(firstDifference(jsonLines(fromStart->events(), fromStart->events().size()), expected) == "");
    // From a checkpoint: the first, the middle and the last entry (each rewind takes its
    // checkpoint, built again before the next).
    if (k != 0 && k != log.size() / 2 && k + 1 != log.size()) continue;
    session::RewindStats stats;
    checkpoints.waitUntilIdle();
    const auto fromCheckpoint = checkpoints.rebuild(log, point, &stats);
    CHECK(firstDifference(jsonLines(fromCheckpoint->events(), fromCheckpoint->events().size()), expected) == "");
    if (log[k].atUs >= 4 * kUsPerHour) CHECK(stats.fromCheckpoint);
  }
  // Rewound to the first entry, then played on: the pending entries replay and the whole
  // log comes out the same, to the last byte, as the session played once.
  auto rewound = session::rewindSession(original, session::rewindPointBefore(log, 0), &checkpoints);
  CHECK(rewound->pending().size() == log.size());
  rewound->runUntil(original.now());
  CHECK(rewound->pending().empty());
  CHECK(rewound->log() == log);
  CHECK(firstDifference(jsonLines(rewound->events(), rewound->events().size()), jsonLines(original.events(), original.events().size())) == "");
  CHECK(session::listBranches(rewound->session()).size() == 1);
}

TEST_CASE("Stepping by events after a rewind applies the pending entries at their times") {
  const auto scenario = bundled("lost-laptop.yaml");
  const PlayedSession played = play(scenario, 5, 30 * kUsPerMinute, 16 * kUsPerHour);
  const auto& original = *played.live;
  REQUIRE(original.log().size() >= 2);
  auto rewound = session::rewindSession(original, session::rewindPointBefore(original.log(), 0), nullptr);
  while (rewound->now() < original.now() && !rewound->finished()) rewound->runEvents(7);
  // Steps may run past the original's clock: compare what both logged.
  CHECK(rewound->log() == original.log());
  CHECK(firstDifference(jsonLines(rewound->events(), original.events().size()),
                        jsonLines(original.events(), original.events().size())) == "");
}

TEST_CASE("A rewind to a time applies the entries before it and leaves the rest pending") {
  const auto scenario = bundled("lost-laptop.yaml");
  const PlayedSession played = play(scenario, 2, 30 * kUsPerMinute, 16 * kUsPerHour);
  const auto& log = played.live->log();
  REQUIRE(log.size() >= 3);
  const TimeUs atUs = log[1].atUs + 1;
  const auto rewound = session::rewindSession(*played.live, session::rewindPointAt(log, atUs), nullptr);
  CHECK(rewound->now() == atUs);
  CHECK(rewound->log().size() == 2);
  CHECK(rewound->pending().size() == log.size() - 2);
  // Saved now, the session still holds the whole branch and its clock.
  const session::SessionDef saved = rewound->session();
  CHECK(saved.entries == log);
  CHECK(saved.lastUs == played.live->now());
  // A rewind to an entry's exact time leaves that entry pending.
  CHECK(session::rewindPointAt(log, log[1].atUs).entryCount == 1);
}

TEST_CASE("A different decision after a rewind forks a branch; both replay to their own logs") {
  const auto scenario = bundled("lost-laptop.yaml");
  const PlayedSession played = play(scenario, 3, 30 * kUsPerMinute, 16 * kUsPerHour);
  const auto& original = *played.live;
  const auto& log = original.log();
  REQUIRE(log.size() >= 3);
  session::RewindCheckpoints checkpoints(scenario, original.session());
  auto rewound = session::rewindSession(original, session::rewindPointBefore(log, 2), &checkpoints);
  // Another path: the facilitator fires a denial of service instead.
  session::SessionEntry other;
  other.kind = session::SessionEntry::Kind::Inject;
  other.inject.source = "tpl-denial-of-service";
  other.inject.seat = "facilitator";
  // (Paused at entry 2's time, before it: running even to this same time would apply it.)
  // Refused: nothing forks.
  session::SessionEntry refused = other;
  refused.inject.source = "no-such-template";
  CHECK_FALSE(rewound->apply(refused));
  CHECK(rewound->currentBranch() == "branch 1");
  CHECK_FALSE(rewound->pending().empty());
  REQUIRE(rewound->apply(other));
  CHECK(rewound->currentBranch() == "branch 2");
  CHECK(rewound->pending().empty());
  rewound->runUntil(original.now());
  const session::SessionDef tree = rewound->session();
  const auto branches = session::listBranches(tree);
  REQUIRE(branches.size() == 2);
  CHECK(branches[1].parent == "branch 1");
  CHECK(branches[1].forkEntryCount == 2);
  CHECK(session::branchLog(tree, "branch 1") == log);
  const auto branchTwo = session::branchLog(tree, "branch 2");
  REQUIRE(branchTwo.size() == 3);
  CHECK(std::equal(log.begin(), log.begin() + 2, branchTwo.begin()));

  // Switching back replays the first branch to its clock, as it was played.
  auto back = session::switchToBranch(*rewound, "branch 1", &checkpoints);
  CHECK(back->currentBranch() == "branch 1");
  CHECK(back->now() == original.now());
  CHECK(back->log() == log);
  CHECK(firstDifference(jsonLines(back->events(), back->events().size()), jsonLines(original.events(), original.events().size())) == "");
  auto again = session::switchToBranch(*back, "branch 2", &checkpoints);
  CHECK(again->log() == branchTwo);
  CHECK(firstDifference(jsonLines(again->events(), again->events().size()), jsonLines(rewound->events(), rewound->events().size())) == "");
}

TEST_CASE("A checkpoint is valid only for logs with the same entries before its time") {
  const auto scenario = bundled("lost-laptop.yaml");
  const PlayedSession played = play(scenario, 4, 30 * kUsPerMinute, 14 * kUsPerHour);
  std::vector<session::SessionEntry> log = played.live->log();
  REQUIRE(log.size() >= 3);
  session::RewindCheckpoints checkpoints(scenario, played.live->session(), kUsPerHour);
  checkpoints.follow(log, 14 * kUsPerHour);
  checkpoints.waitUntilIdle();
  CHECK(checkpoints.readyTimes().size() == 14);
  // Another rationale on the second entry: every checkpoint after it is dropped (and built
  // again for the new log), the ones before it stay.
  const TimeUs changedUs = log[1].atUs;
  log[1].decision.rationale += " (edited)";
  log[1].inject.rationale += " (edited)";
  checkpoints.follow(log, 0);  // nothing to build: only what survived is held
  checkpoints.waitUntilIdle();
  for (const TimeUs atUs : checkpoints.readyTimes()) CHECK(atUs <= changedUs);
  CHECK(checkpoints.readyTimes().size() == static_cast<std::size_t>(changedUs / kUsPerHour));
  // A rewind past it with the changed log comes from a checkpoint before the change and
  // carries the change.
  session::RewindStats stats;
  const auto rebuilt = checkpoints.rebuild(log, session::rewindPointBefore(log, 2), &stats);
  CHECK(stats.checkpointUs <= changedUs);
  REQUIRE(rebuilt->log().size() == 2);
  CHECK(rebuilt->log()[1] == log[1]);
}

TEST_CASE("The checkpoint worker can be followed, drained and destroyed while another thread rewinds") {
  const auto scenario = bundled("lost-laptop.yaml");
  const PlayedSession played = play(scenario, 6, 30 * kUsPerMinute, 12 * kUsPerHour);
  const std::vector<session::SessionEntry> log = played.live->log();
  const std::string expected = jsonLines(played.live->events(), played.live->events().size());
  for (int round = 0; round < 3; ++round) {
    session::RewindCheckpoints checkpoints(scenario, played.live->session(), 2 * kUsPerHour);
    std::atomic<bool> done{false};
    // One thread keeps moving what the checkpoints follow while this one rewinds.
    std::thread follower([&] {
      for (int i = 0; !done; ++i) {
        checkpoints.follow(i % 2 ? log : std::vector<session::SessionEntry>(log.begin(), log.begin() + 1),
                           (i % 6 + 1) * 2 * kUsPerHour);
        std::this_thread::yield();
      }
    });
    for (int i = 0; i < 4; ++i) {
      const auto rebuilt = checkpoints.rebuild(log, session::RewindPoint{log.size(), played.live->now()});
      CHECK(firstDifference(jsonLines(rebuilt->events(), rebuilt->events().size()), expected) == "");
    }
    done = true;
    follower.join();
    if (round == 1) checkpoints.waitUntilIdle();
  }  // destroyed with a build possibly running (round 0 and 2)
}
