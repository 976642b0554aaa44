#include "sim/cli/run_command.hpp"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/atomic_file.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/mc_output.hpp"
#include "sim/cli/run_summary.hpp"
#include "sim/core/clock_text.hpp"
#include "sim/exercise/event_log_jsonl.hpp"
#include "sim/exercise/exercise.hpp"
#include "sim/scenario/scenario_hash.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace irdrill::cli {
namespace {

struct RunOptions {
  std::string scenarioPath;
  std::optional<std::uint64_t> seed;
  std::uint64_t replication = 0;
  std::string until;
  std::string eventsPath;
  int ledgerLines = 12;
  std::vector<std::string> sets;  // --set PATH=VALUE, in the order given
};

int runScenario(const RunOptions& options) {
  const auto overrides = parseOverrideOptions(options.sets, "run");
  if (!overrides) return kExitUsage;
  const auto loaded = loadScenarioWithOverrides(options.scenarioPath, *overrides);
  if (!loaded) return kExitUsage;
  const scenario::ScenarioDef& def = *loaded;

  std::optional<double> untilS;
  if (!options.until.empty()) {
    untilS = core::parseDurationS(options.until);
    if (!untilS || *untilS < 0) {
      std::fprintf(stderr, "irdrill run: error: --until '%s' is not a duration (e.g. 9h, 90m, 1h30m, 2d, 3600)\n",
                   options.until.c_str());
      return kExitUsage;
    }
  }
  const std::uint64_t seed = options.seed.value_or(def.defaultSeed);

  std::optional<AtomicFile> eventsFile;
  std::unique_ptr<exercise::JsonLinesEventSink> sink;
  if (!options.eventsPath.empty()) {
    try {
      eventsFile.emplace(options.eventsPath);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "irdrill run: error: %s\n", e.what());
      return kExitIo;
    }
    sink = std::make_unique<exercise::JsonLinesEventSink>(eventsFile->stream());
    exercise::writeHeaderLine(eventsFile->stream(),
                              {std::filesystem::path(options.scenarioPath).filename().string(), def.name,
                               scenario::scenarioHash(options.scenarioPath, *overrides), seed, options.replication});
  }
  exercise::Exercise run(def, seed, options.replication, sink.get());
  if (untilS) {
    run.runUntil(core::secondsToUs(def.dayStartS) + core::secondsToUs(*untilS));
  } else {
    run.runToEnd();
  }
  const scoring::ScoreCard card = run.score();
  if (eventsFile) {
    // The ledger closes the log: every line points at the event behind it.
    exercise::writeScoreLines(eventsFile->stream(), card);
    try {
      eventsFile->commit();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "irdrill run: error: %s\n", e.what());
      return kExitIo;
    }
  }
  printRunSummary(run, card, {def.name, seed, options.replication, options.ledgerLines, options.eventsPath});
  return kExitOk;
}

}  // namespace

void setupRunCommand(CLI::App& app) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* sub = app.add_subcommand(
      "run", "One seeded run of a scenario: the office day, its incidents and the response, scored");
  sub->add_option("--scenario", options->scenarioPath, "scenario YAML file")->required();
  sub->add_option("--seed", options->seed, "master seed (default: the scenario's)");
  sub->add_option("--replication", options->replication, "replication index")->capture_default_str();
  sub->add_option("--until", options->until,
                  "stop this long after the start of the office day (9h, 90m, 2d, seconds); "
                  "default: the scenario's horizon");
  sub->add_option("--events", options->eventsPath, "write every event and the score ledger as JSON Lines");
  sub->add_option("--set", options->sets,
                  "override a scenario value: PATH=VALUE (repeatable; alert.X means alerts.phone.X)");
  sub->add_option("--ledger-lines", options->ledgerLines, "score ledger lines to print (largest first)")
      ->capture_default_str();
  sub->callback([options] {
    const int code = runScenario(*options);
    if (code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace irdrill::cli
