// Rewind benchmark: how long the training app takes to rebuild the office-day exercise at
// an earlier moment (sim/session/rewind.hpp), for sessions of 1 h, 4 h and a full office
// day, with checkpoints (every 30 simulated minutes by default) and without (replaying
// the log from the start, the reference measured in the same run). The target is 0.5 s
// at a full day (issue 10).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sim/scenario/scenario_loader.hpp"
#include "sim/session/rewind.hpp"

namespace {

using irdrill::core::kUsPerHour;
using irdrill::core::kUsPerMinute;
using irdrill::core::TimeUs;
namespace session = irdrill::session;

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A session on the office day from its start for `lengthUs`: the facilitator fires the
// next inject template that applies every 30 minutes (lost items, thefts, intrusions), so
// the log has entries all along and the exercise has incidents to play.
std::unique_ptr<session::LiveSession> playSession(std::shared_ptr<const irdrill::scenario::ScenarioDef> scenario,
                                                  TimeUs startUs, TimeUs lengthUs) {
  session::SessionDef header;
  header.seed = 1;
  auto live = std::make_unique<session::LiveSession>(scenario, header);
  live->runUntil(startUs);
  std::size_t next = 0;
  while (live->now() + 30 * kUsPerMinute <= startUs + lengthUs) {
    live->runUntil(live->now() + 30 * kUsPerMinute);
    const auto catalogue = live->exercise().injectCatalogue();
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
      session::SessionEntry entry;
      entry.kind = session::SessionEntry::Kind::Inject;
      entry.inject.source = catalogue[(next + i) % catalogue.size()].id;
      entry.inject.seat = "facilitator";
      if (live->apply(entry)) {
        next += i + 1;
        break;
      }
    }
  }
  live->runUntil(startUs + lengthUs);
  return live;
}

struct Figures {
  double meanS = 0, worstS = 0;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Rewind benchmark"};
  std::string scenarioPath = IRDRILL_SOURCE_DIR "/scenarios/office-day.yaml";
  int repeats = 2;
  int intervalMin = 30;
  app.add_option("--scenario", scenarioPath, "scenario file")->capture_default_str();
  app.add_option("--repeats", repeats, "rewinds per target")->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("--interval-min", intervalMin, "simulated minutes between checkpoints")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);

  auto loaded = irdrill::scenario::loadScenarioFile(scenarioPath);
  if (!loaded.scenario || loaded.diagnostics.hasErrors()) {
    for (const auto& d : loaded.diagnostics.items()) {
      std::fprintf(stderr, "%s\n", irdrill::core::formatDiagnostic(d).c_str());
    }
    return 2;
  }
  const auto scenario = std::make_shared<const irdrill::scenario::ScenarioDef>(std::move(*loaded.scenario));
  const TimeUs dayStartUs = irdrill::core::secondsToUs(scenario->dayStartS);
  const TimeUs dayLengthUs = irdrill::core::secondsToUs(scenario->dayEndS - scenario->dayStartS);

  std::printf("rewind (%s), checkpoints every %d simulated minutes, %d rewinds per target\n", scenario->name.c_str(),
              intervalMin, repeats);
  std::printf("  %-9s %8s %9s | %-22s | %-22s | %s\n", "session", "entries", "build s", "from the start: mean/worst",
              "checkpoint: mean/worst", "ratio (worst)");
  for (const TimeUs lengthUs : {kUsPerHour, 4 * kUsPerHour, dayLengthUs}) {
    const auto played = playSession(scenario, dayStartUs, lengthUs);
    const std::vector<session::SessionEntry> log = played->log();
    const TimeUs endUs = played->now();
    // Targets over the session: a quarter, half, three quarters in, and just before the
    // end (the farthest from the last checkpoint when it falls just short of an hour).
    std::vector<TimeUs> targets;
    for (const double f : {0.25, 0.5, 0.75}) targets.push_back(dayStartUs + static_cast<TimeUs>(f * lengthUs));
    targets.push_back(endUs - kUsPerMinute);

    Figures fromStart, fromCheckpoint;
    int runs = 0;
    for (int r = 0; r < repeats; ++r) {
      for (const TimeUs atUs : targets) {
        const auto start = std::chrono::steady_clock::now();
        const auto rebuilt = session::rewindSession(*played, session::rewindPointAt(log, atUs), nullptr);
        const double s = secondsSince(start);
        fromStart.meanS += s;
        fromStart.worstS = std::max(fromStart.worstS, s);
        ++runs;
      }
    }
    fromStart.meanS /= runs;

    session::RewindCheckpoints checkpoints(scenario, played->session(), intervalMin * kUsPerMinute);
    const auto buildStart = std::chrono::steady_clock::now();
    checkpoints.follow(log, endUs);
    checkpoints.waitUntilIdle();
    const double buildS = secondsSince(buildStart);
    runs = 0;
    for (int r = 0; r < repeats; ++r) {
      for (const TimeUs atUs : targets) {
        checkpoints.waitUntilIdle();  // the checkpoint the last rewind took is built again
        const auto start = std::chrono::steady_clock::now();
        const auto rebuilt = session::rewindSession(*played, session::rewindPointAt(log, atUs), &checkpoints);
        const double s = secondsSince(start);
        fromCheckpoint.meanS += s;
        fromCheckpoint.worstS = std::max(fromCheckpoint.worstS, s);
        ++runs;
      }
    }
    fromCheckpoint.meanS /= runs;
    std::printf("  %6.1f h  %8zu %9.2f | %9.3f / %9.3f s  | %9.3f / %9.3f s  | %.1fx faster%s\n",
                static_cast<double>(lengthUs) / kUsPerHour, log.size(), buildS, fromStart.meanS, fromStart.worstS,
                fromCheckpoint.meanS, fromCheckpoint.worstS, fromStart.worstS / fromCheckpoint.worstS,
                lengthUs == dayLengthUs ? (fromCheckpoint.worstS <= 0.5 ? " (target 0.5 s: met)" : " (target 0.5 s: MISSED)")
                                        : "");
  }
  std::printf("  (build s: the worker thread building every checkpoint of the session, in the background)\n");
  return 0;
}
