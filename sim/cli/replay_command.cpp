#include "sim/cli/replay_command.hpp"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/atomic_file.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/run_summary.hpp"
#include "sim/cli/what_if_output.hpp"
#include "sim/core/clock_text.hpp"
#include "sim/exercise/event_log_jsonl.hpp"
#include "sim/scenario/scenario_hash.hpp"
#include "sim/session/branches.hpp"
#include "sim/session/live_session.hpp"
#include "sim/session/session.hpp"
#include "sim/session/session_file.hpp"

namespace irdrill::cli {
namespace {

struct ReplayOptions {
  std::string sessionPath;
  std::string eventsPath;
  std::string until = "end";
  std::string branch;  // --branch: "" for the current one
  int ledgerLines = 12;
  bool rehash = false;
  // --what-if N: replications of the session's decisions instead of one replay.
  std::uint64_t whatIf = 0;
  std::string outDir;
  bool fromHere = false;
  int threads = 0;
  std::optional<std::uint64_t> seedBase;
};

// The what-if options make sense only together: a located complaint, or nothing.
std::optional<std::string> whatIfOptionProblem(const ReplayOptions& o) {
  if (o.whatIf == 0) {
    if (!o.outDir.empty()) return "--out DIR is for --what-if N";
    if (o.fromHere) return "--from-here is for --what-if N";
    if (o.seedBase) return "--seed-base is for --what-if N";
    if (o.threads != 0) return "--threads is for --what-if N";
    return std::nullopt;
  }
  if (o.outDir.empty()) return "--what-if needs --out DIR";
  if (!o.eventsPath.empty()) return "--events writes one replay's log, not with --what-if";
  if (o.until != "end") return "--until is not used with --what-if (--from-here starts at the session's clock)";
  if (o.rehash) return "--rehash is not used with --what-if";
  if (o.fromHere && o.seedBase) return "--seed-base is for fresh seeds, not with --from-here";
  return std::nullopt;
}

void printDiagnostics(const core::Diagnostics& diagnostics) {
  for (const auto& d : diagnostics.items()) std::fprintf(stderr, "%s\n", core::formatDiagnostic(d).c_str());
}

std::size_t countKind(const std::vector<session::SessionEntry>& entries, session::SessionEntry::Kind kind) {
  std::size_t n = 0;
  for (const auto& e : entries) n += e.kind == kind ? 1 : 0;
  return n;
}

// The session as read, with the hash of the scenario as it is now: what --rehash writes
// back once every entry has replayed.
// The session's --set overrides, as the scenario hash takes them (they were checked when
// the session's scenario was loaded).
std::vector<scenario::Override> sessionOverrides(const session::SessionDef& session) {
  std::vector<scenario::Override> overrides;
  for (const auto& text : session.overrides) {
    std::string unused;
    if (auto o = scenario::parseOverride(text, unused)) overrides.push_back(*o);
  }
  return overrides;
}

bool writeRehashedSession(const std::string& path, session::SessionDef session, const std::string& hash) {
  session.scenarioHash = hash;
  try {
    AtomicFile file(path);
    file.stream() << session::sessionToJson(session);
    file.commit();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "irdrill replay: error: %s\n", e.what());
    return false;
  }
  return true;
}

int replaySession(const ReplayOptions& options) {
  if (const auto problem = whatIfOptionProblem(options)) {
    std::fprintf(stderr, "irdrill replay: error: %s\n", problem->c_str());
    return kExitUsage;
  }
  std::optional<double> untilS;  // after the start of the office day; nullopt: the horizon
  if (options.until != "end") {
    untilS = core::parseDurationS(options.until);
    if (!untilS || *untilS < 0) {
      std::fprintf(stderr,
                   "irdrill replay: error: --until '%s' is not a duration (e.g. 9h, 90m, 1h30m, 2d, 3600) or 'end'\n",
                   options.until.c_str());
      return kExitUsage;
    }
  }
  core::Diagnostics readDiagnostics;
  std::optional<session::SessionDef> session = session::readSessionFile(options.sessionPath, readDiagnostics);
  printDiagnostics(readDiagnostics);
  if (!session) return kExitUsage;
  const session::SessionDef wholeSession = *session;  // every branch: what --rehash writes back
  if (!options.branch.empty()) {
    // --branch: that branch's log and clock take the place of the current one's.
    if (!session::hasBranch(*session, options.branch)) {
      std::string names;
      for (const auto& b : session::listBranches(*session)) names += (names.empty() ? "" : ", ") + b.name;
      std::fprintf(stderr, "%s: error: --branch '%s': the session has no such branch (expected one of: %s)\n",
                   options.sessionPath.c_str(), options.branch.c_str(), names.c_str());
      return kExitUsage;
    }
    session::switchBranch(*session, options.branch);
  }

  // --rehash accepts the scenario as it is now: the hash is not checked but recomputed.
  session::SessionDef header = *session;
  if (options.rehash) header.scenarioHash.clear();
  const std::string sessionDir = std::filesystem::path(options.sessionPath).parent_path().string();
  const session::SessionScenario loaded = session::loadSessionScenario(header, sessionDir);
  for (const auto& d : loaded.diagnostics.items()) {
    core::Diagnostic located = d;
    // Problems with the session's header, not with a scenario file: the session is at fault.
    if (located.where.file.empty()) located.where.file = options.sessionPath;
    std::fprintf(stderr, "%s\n", core::formatDiagnostic(located).c_str());
  }
  if (!loaded.scenario || loaded.diagnostics.hasErrors()) return kExitUsage;
  const scenario::ScenarioDef& def = *loaded.scenario;

  if (options.whatIf > 0) {
    WhatIfCommand command;
    command.sessionPath = options.sessionPath;
    command.outDir = options.outDir;
    command.replications = options.whatIf;
    command.fromHere = options.fromHere;
    command.threads = options.threads;
    command.seedBase = options.seedBase;
    command.scenarioHash = session->scenarioHash;
    return runWhatIfCommand(command, loaded.scenario, *session);
  }

  std::optional<AtomicFile> eventsFile;
  std::unique_ptr<exercise::JsonLinesEventSink> sink;
  if (!options.eventsPath.empty()) {
    try {
      eventsFile.emplace(options.eventsPath);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "irdrill replay: error: %s\n", e.what());
      return kExitIo;
    }
    sink = std::make_unique<exercise::JsonLinesEventSink>(eventsFile->stream());
    exercise::writeHeaderLine(eventsFile->stream(),
                              {std::filesystem::path(loaded.resolvedPath).filename().string(), def.name,
                               scenario::scenarioHash(loaded.resolvedPath, sessionOverrides(*session)),
                               session->seed, session->replication});
  }

  std::optional<core::TimeUs> untilUs;
  if (untilS) untilUs = core::secondsToUs(def.dayStartS) + core::secondsToUs(*untilS);
  // Entries after --until are not played: the replay stops where it was asked to.
  std::vector<session::SessionEntry> entries;
  for (const auto& e : session->entries) {
    if (!untilUs || e.atUs <= *untilUs) entries.push_back(e);
  }

  session::LiveSession live(loaded.scenario, header, sink.get());
  if (const auto refused = live.replay(entries, untilUs)) {
    std::fprintf(stderr, "%s: error: %s\n", options.sessionPath.c_str(), refused->c_str());
    return kExitUsage;  // the event log file is not written
  }
  if (!untilUs) live.runToEnd();

  const scoring::ScoreCard card = live.exercise().score();
  if (eventsFile) {
    exercise::writeScoreLines(eventsFile->stream(), card);
    try {
      eventsFile->commit();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "irdrill replay: error: %s\n", e.what());
      return kExitIo;
    }
  }
  if (options.rehash) {
    const std::string hash = scenario::scenarioHash(loaded.resolvedPath, sessionOverrides(*session));
    if (hash != session->scenarioHash) {
      if (!writeRehashedSession(options.sessionPath, wholeSession, hash)) return kExitIo;
      std::printf("session %s: scenario_hash %s -> %s (rewritten)\n", options.sessionPath.c_str(),
                  session->scenarioHash.c_str(), hash.c_str());
    }
  }

  using Kind = session::SessionEntry::Kind;
  if (!session->branches.empty()) std::printf("branch '%s' of %zu\n", session::currentBranchName(*session).c_str(), session->branches.size());
  std::printf("session %s: %zu of %zu entries replayed (%zu decisions, %zu injects, %zu marks), scenario %s\n",
              options.sessionPath.c_str(), entries.size(), session->entries.size(),
              countKind(entries, Kind::Decision), countKind(entries, Kind::Inject), countKind(entries, Kind::Mark),
              loaded.resolvedPath.c_str());
  printRunSummary(live.exercise(), card,
                  {def.name, session->seed, session->replication, options.ledgerLines, options.eventsPath});
  return kExitOk;
}

}  // namespace

void setupReplayCommand(CLI::App& app) {
  auto options = std::make_shared<ReplayOptions>();
  CLI::App* sub = app.add_subcommand(
      "replay", "Replay a saved tabletop session headless: its decisions and injects at their times, scored");
  sub->add_option("session", options->sessionPath, "session file (JSON, docs/session-format.md)")->required();
  sub->add_option("--events", options->eventsPath, "write every event and the score ledger as JSON Lines");
  sub->add_option("--branch", options->branch,
                  "replay this branch of the session (docs/session-format.md#branches); default: the current one");
  sub->add_option("--until", options->until,
                  "stop this long after the start of the office day (9h, 90m, 2d, seconds), or 'end' "
                  "for the scenario's horizon; later entries are not played")
      ->capture_default_str();
  sub->add_option("--ledger-lines", options->ledgerLines, "score ledger lines to print (largest first)")
      ->capture_default_str();
  sub->add_flag("--rehash", options->rehash,
                "accept the scenario as it is now: replay without checking its hash and, if every entry "
                "still applies, write the new hash into the session file (re-pinning golden sessions)");
  sub->add_option("--what-if", options->whatIf,
                  "run N replications of the session's decisions instead (what usually happens): runs.csv, "
                  "summary.json and report.html in --out")
      ->check(CLI::PositiveNumber);
  sub->add_option("--out", options->outDir, "output directory of --what-if (created if missing)");
  sub->add_flag("--from-here", options->fromHere,
                "--what-if keeps the session's run up to its clock and re-draws the future (salt = replication)");
  sub->add_option("--threads", options->threads, "worker threads of --what-if (0: every core; same results)")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--seed-base", options->seedBase,
                  "master seed of --what-if's fresh replications (default: the session's seed)");
  sub->callback([options] {
    const int code = replaySession(*options);
    if (code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace irdrill::cli
