#include "sim/cli/sweep_command.hpp"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "sim/cli/exit_codes.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/cli/mc_command.hpp"
#include "sim/cli/mc_output.hpp"
#include "sim/cli/option_checks.hpp"
#include "sim/cli/output_directory.hpp"
#include "sim/cli/progress.hpp"
#include "sim/cli/sweep_output.hpp"
#include "sim/montecarlo/report_html.hpp"
#include "sim/scenario/scenario_hash.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/sweep/grid.hpp"
#include "sim/sweep/pareto.hpp"
#include "sim/sweep/sweep_model.hpp"

namespace irdrill::cli {
namespace fs = std::filesystem;

namespace {

// The scenario's own value of a swept key, where the sweep knows the field: the phone
// rule's keys.
std::optional<double> scenarioValue(const scenario::ScenarioDef& s, const std::string& key) {
  const auto rule = sweep::phoneRuleKey(key);
  if (!rule) return std::nullopt;
  switch (*rule) {
    case sweep::RuleKey::RssiThresholdDbm: return s.phoneAlert.rssiThresholdDbm;
    case sweep::RuleKey::MovingAverageSamples: return static_cast<double>(s.phoneAlert.movingAverageSamples);
    case sweep::RuleKey::HoldS: return s.phoneAlert.holdS;
    case sweep::RuleKey::NoPacketTimeoutS: return s.phoneAlert.noPacketTimeoutS;
  }
  return std::nullopt;
}

struct SweepOptions {
  std::string scenarioPath;
  std::vector<std::string> grids;
  std::uint64_t runs = 0;
  std::optional<std::uint64_t> seed;
  int threads = 0;
  std::vector<std::string> sets;
  std::string outDir;
  double maxFalseAlarms = 0.5;
  std::optional<double> minDetection;
  std::string mode = "auto";
};

const char* const kCommand = "sweep";

std::string commandLine(const SweepOptions& o, std::uint64_t seed) {
  std::string text = "irdrill sweep --scenario " + shellWord(o.scenarioPath);
  for (const auto& grid : o.grids) text += " --grid " + shellWord(grid);
  text += " --runs " + std::to_string(o.runs) + " --seed " + std::to_string(seed);
  for (const auto& set : o.sets) text += " --set " + shellWord(set);
  text += " --max-false-alarms " + core::formatNumber(o.maxFalseAlarms);
  if (o.minDetection) text += " --min-detection " + core::formatNumber(*o.minDetection);
  if (o.mode != "auto") text += " --mode " + o.mode;
  return text + " --out " + shellWord(o.outDir);
}

// Loads the scenario with the --set overrides and the grid values `extra`; prints its
// errors, with those about a grid value located at its --grid option. Warnings were
// printed by the base load already.
std::optional<scenario::ScenarioDef> loadGridPoint(const std::string& path,
                                                   std::vector<scenario::Override> overrides,
                                                   const std::vector<const sweep::GridAxis*>& axes,
                                                   const std::vector<std::size_t>& digits) {
  for (std::size_t k = 0; k < axes.size(); ++k) {
    overrides.push_back({axes[k]->key, axes[k]->valueTexts[digits[k]]});
  }
  scenario::LoadResult loaded = scenario::loadScenarioFile(path, nullptr, overrides);
  for (core::Diagnostic d : loaded.diagnostics.items()) {
    if (d.severity != core::Severity::Error) continue;
    for (std::size_t k = 0; k < axes.size(); ++k) {
      // "--set KEY" locates a problem with the key, "--set KEY=VALUE" one with the value.
      const std::string option = "--set " + axes[k]->key;
      const bool aboutValue = d.where.file == option + "=" + axes[k]->valueTexts[digits[k]];
      if (d.where.file == option || aboutValue) {
        d.where = {"--grid " + axes[k]->text, 0, 0};
        if (aboutValue) d.message += " (grid value " + axes[k]->valueTexts[digits[k]] + ")";
      }
    }
    std::fprintf(stderr, "%s\n", core::formatDiagnostic(d).c_str());
  }
  if (!loaded.scenario || loaded.diagnostics.hasErrors()) return std::nullopt;
  return std::move(*loaded.scenario);
}

int runSweepCommand(const SweepOptions& o) {
  const auto overrides = parseOverrideOptions(o.sets, kCommand);
  if (!overrides) return kExitUsage;
  std::vector<sweep::GridAxis> axes;
  bool gridOk = true;
  for (const auto& text : o.grids) {
    std::string error;
    if (auto axis = sweep::parseGridAxis(text, error)) {
      axes.push_back(std::move(*axis));
    } else {
      std::fprintf(stderr, "irdrill sweep: error: --grid %s: %s\n", text.c_str(), error.c_str());
      gridOk = false;
    }
  }
  if (!gridOk) return kExitUsage;
  if (std::string error; !sweep::checkGrid(axes, error)) {
    std::fprintf(stderr, "irdrill sweep: error: --grid: %s\n", error.c_str());
    return kExitUsage;
  }
  const auto base = loadScenarioWithOverrides(o.scenarioPath, *overrides);
  if (!base) return kExitUsage;

  // Trace mode when every axis only changes the phone's decision rule.
  const sweep::GridAxis* notRule = nullptr;
  for (const auto& axis : axes) {
    if (!sweep::phoneRuleKey(axis.key) && !notRule) notRule = &axis;
  }
  if (o.mode == "trace" && notRule) {
    std::fprintf(stderr,
                 "irdrill sweep: error: --mode trace: --grid %s does not sweep the phone's rule "
                 "(trace mode takes alerts.phone.rssi_threshold_dbm, moving_average_samples, "
                 "hold_s and no_packet_timeout_s; use --mode full or auto)\n",
                 notRule->text.c_str());
    return kExitUsage;
  }
  const bool traceMode = o.mode == "trace" || (o.mode == "auto" && !notRule);

  // Every value of every axis is checked as the loader checks a --set, so a bad one is
  // reported at its --grid option before anything runs. Trace mode keeps each value's
  // rule field as the loader read it.
  std::vector<std::vector<radio::AlertRuleDef>> axisRules(axes.size());
  bool valuesOk = true;
  for (std::size_t k = 0; k < axes.size(); ++k) {
    for (std::size_t v = 0; v < axes[k].values.size(); ++v) {
      const auto point = loadGridPoint(o.scenarioPath, *overrides, {&axes[k]}, {v});
      if (!point) {
        valuesOk = false;
        break;  // one message per axis is enough
      }
      axisRules[k].push_back(point->phoneAlert);
    }
  }
  if (!valuesOk) return kExitUsage;

  const std::size_t pointCount = sweep::gridPointCount(axes);
  std::unique_ptr<sweep::SweepModel> model;
  if (traceMode) {
    std::vector<radio::AlertRuleDef> rules;
    for (std::size_t i = 0; i < pointCount; ++i) {
      radio::AlertRuleDef rule = base->phoneAlert;
      const auto digits = sweep::gridPointDigits(axes, i);
      for (std::size_t k = 0; k < axes.size(); ++k) {
        sweep::copyRuleField(*sweep::phoneRuleKey(axes[k].key), axisRules[k][digits[k]], rule);
      }
      rules.push_back(rule);
    }
    model = sweep::makeTraceSweepModel(*base, std::move(rules));
  } else {
    std::vector<const sweep::GridAxis*> all;
    for (const auto& axis : axes) all.push_back(&axis);
    std::vector<scenario::ScenarioDef> scenarios;
    for (std::size_t i = 0; i < pointCount; ++i) {
      auto point = loadGridPoint(o.scenarioPath, *overrides, all, sweep::gridPointDigits(axes, i));
      if (!point) return kExitUsage;
      scenarios.push_back(std::move(*point));
    }
    model = sweep::makeFullSweepModel(std::move(scenarios));
  }

  const std::uint64_t seed = o.seed.value_or(base->defaultSeed);
  const int threads = resolveThreads(o.threads);
  // Staged and swapped in when complete (output_directory.hpp); refused before the work
  // when it cannot be written.
  std::optional<OutputDirectory> dir;
  try {
    dir.emplace(o.outDir, kSweepOutputFiles);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "irdrill sweep: error: %s\n", e.what());
    return kExitIo;
  }

  std::string shape;
  for (const auto& axis : axes) shape += (shape.empty() ? "" : " x ") + std::to_string(axis.values.size());
  std::fprintf(stderr,
               "irdrill sweep: scenario '%s', seed %llu, %llu replications, %zu grid points (%s), "
               "%s, %d thread%s\n",
               base->name.c_str(), static_cast<unsigned long long>(seed),
               static_cast<unsigned long long>(o.runs), pointCount, shape.c_str(),
               traceMode ? "trace mode (one open-loop day per replication, every rule replayed on it)"
                         : "full mode (one closed-loop day per grid point and replication)",
               threads, threads == 1 ? "" : "s");
  ProgressReporter progress(stderr, ProgressReporter::stderrIsTerminal(), kCommand);
  montecarlo::RunProgress last{0, o.runs, 0};
  std::optional<sweep::SweepRun> run;
  {
    InterruptGuard interrupt;
    run.emplace(sweep::runSweep(*model, {seed, 0, o.runs, threads}, interrupt.flag(),
                                [&](const montecarlo::RunProgress& p) {
                                  last = p;
                                  progress.update(p);
                                }));
  }
  progress.finish(last, run->run.stopped ? "interrupted: writing the finished replications" : "");

  SweepSummary summary;
  summary.scenarioName = base->name;
  summary.scenarioHash = scenario::scenarioHash(o.scenarioPath, *overrides);
  for (const auto& ov : *overrides) summary.overrides.push_back(ov.path + "=" + ov.value);
  summary.command = commandLine(o, seed);
  summary.seed = seed;
  summary.requested = o.runs;
  summary.replications = run->run.completed;
  summary.partial = run->run.stopped;
  summary.traceMode = traceMode;
  summary.axes = axes;
  for (const auto& axis : axes) summary.current.push_back(scenarioValue(*base, axis.key));
  summary.constraint = {o.maxFalseAlarms, o.minDetection};
  summary.points = run->statistics.results();
  std::vector<sweep::Candidate> candidates;
  for (const auto& p : summary.points) {
    candidates.push_back({p.falseAlarmsPerPersonDay, p.detectionProbability, p.latencyMedianS});
  }
  summary.front = sweep::paretoFront(candidates);
  summary.recommended = sweep::recommend(candidates, summary.constraint);

  const std::string csvPath = dir->finalPath("sweep.csv");
  const std::string jsonPath = dir->finalPath("sweep.json");
  const std::string reportPath = dir->finalPath("report.html");
  if (!writeFileAtomically(dir->stagedPath("sweep.csv"), [&](std::ostream& out) { writeSweepCsv(out, summary); },
                           kCommand, csvPath) ||
      !writeFileAtomically(dir->stagedPath("sweep.json"), [&](std::ostream& out) { writeSweepJson(out, summary); },
                           kCommand, jsonPath)) {
    return kExitIo;
  }
  const auto report = makeSweepReport(summary, run->statistics);
  if (!writeFileAtomically(dir->stagedPath("report.html"),
                           [&](std::ostream& out) { montecarlo::writeReportHtml(report, out); }, kCommand,
                           reportPath)) {
    return kExitIo;
  }
  if (!dir->commitOrReport("sweep")) return kExitIo;

  std::printf("scenario '%s', seed %llu: %llu replications%s, %s mode\n", base->name.c_str(),
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(summary.replications),
              summary.partial ? " (partial: interrupted)" : "", traceMode ? "trace" : "full");
  printSweepTable(stdout, summary);
  std::printf("wrote %s, %s, %s\n", csvPath.c_str(), jsonPath.c_str(), reportPath.c_str());
  return summary.partial ? kExitInterrupted : kExitOk;
}

}  // namespace

void setupSweepCommand(CLI::App& app) {
  auto o = std::make_shared<SweepOptions>();
  CLI::App* sub = app.add_subcommand(
      "sweep", "Sweep alert settings over a grid: detection, false alarms, the Pareto front and a recommendation");
  sub->add_option("--scenario", o->scenarioPath, "scenario YAML file")->required();
  sub->add_option("--grid", o->grids,
                  "an axis: KEY=START:STOP:STEP or KEY=V1,V2,... (repeatable; alert.X means alerts.phone.X)")
      ->required()->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--runs", o->runs, "replications (the same seeds at every grid point)")
      ->required()->check(atLeast(1));
  sub->add_option("--seed", o->seed, "master seed (default: the scenario's)");
  sub->add_option("--threads", o->threads, "worker threads (0: every core)")
      ->capture_default_str()->check(atLeast(0));
  sub->add_option("--set", o->sets, "override a scenario value: PATH=VALUE (repeatable)")
      ->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--max-false-alarms", o->maxFalseAlarms,
                  "constraint: at most this many false alarms per person-day")
      ->capture_default_str()->check(atLeast(0));
  sub->add_option("--min-detection", o->minDetection,
                  "constraint: detection probability at least this (0 to 1)")
      ->check(CLI::Range(0.0, 1.0));
  sub->add_option("--mode", o->mode,
                  "auto: trace when every axis is a phone-rule key, else full; trace; full")
      ->capture_default_str()->check(CLI::IsMember({"auto", "trace", "full"}));
  sub->add_option("--out", o->outDir, "output directory (created if missing)")->required();
  sub->callback([o] {
    const int code = runSweepCommand(*o);
    if (code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace irdrill::cli
