#include "sim/cli/run_command.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "sim/cli/atomic_file.hpp"
#include "sim/cli/duration_text.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/json_text.hpp"
#include "sim/day/office_day.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace irdrill::cli {
namespace {

struct RunOptions {
  std::string scenarioPath;
  std::optional<std::uint64_t> seed;
  std::uint64_t replication = 0;
  std::string until;
  std::string eventsPath;
};

// Names the people and items of the scenario in the event log.
class JsonLinesSink : public day::DayEventSink {
 public:
  JsonLinesSink(std::ostream& out, const scenario::ScenarioDef& scenario) : out_(out) {
    for (const auto& employee : scenario.employees) {
      personIds_.push_back(employee.id);
      for (const auto& item : employee.items) itemIds_.push_back(item.id);
    }
  }
  void onDayEvent(const day::DayEvent& e) override {
    out_ << "{\"t_s\":" << jsonSecondsFromUs(e.timeUs)
         << ",\"time\":" << jsonString(clockText(e.timeUs))
         << ",\"type\":" << jsonString(day::kDayEventKindNames[static_cast<int>(e.kind)]);
    if (e.person >= 0) out_ << ",\"person\":" << jsonString(personIds_[static_cast<std::size_t>(e.person)]);
    if (e.item >= 0) out_ << ",\"item\":" << jsonString(itemIds_[static_cast<std::size_t>(e.item)]);
    if (e.value != 0) out_ << ",\"value\":" << jsonNumber(e.value);
    if (!e.detail.empty()) out_ << ",\"detail\":" << jsonString(e.detail);
    out_ << "}\n";
  }

 private:
  std::ostream& out_;
  std::vector<std::string> personIds_;
  std::vector<std::string> itemIds_;
};

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const double rank = p * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(rank);
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (values[hi] - values[lo]) * (rank - static_cast<double>(lo));
}

void printSummary(const scenario::ScenarioDef& scenario, std::uint64_t seed, const day::OfficeDay& run) {
  const day::DayMetrics& m = run.metrics();
  std::printf("scenario %s, seed %llu, %s to %s\n", scenario.name.c_str(),
              static_cast<unsigned long long>(seed), clockText(run.dayStartUs()).c_str(),
              clockText(run.now()).c_str());
  std::printf("  people %d, tags %d, advertising events %llu, link budgets %llu\n", m.people,
              m.tags, static_cast<unsigned long long>(m.advertisingEvents),
              static_cast<unsigned long long>(m.linkEvaluations));
  std::printf("  items left behind %d: separations %d, detected %d (%.0f%%), recovered %d, lost %d\n",
              m.itemsLeftBehind, m.separations, m.separationsDetected,
              100.0 * m.detectionProbability(), m.itemsRecovered, m.itemsLost);
  if (!m.detectionLatenciesS.empty()) {
    std::printf("  detection latency: median %.0f s, p90 %.0f s\n",
                percentile(m.detectionLatenciesS, 0.5), percentile(m.detectionLatenciesS, 0.9));
  }
  std::printf("  phone alerts %d: true %d, false %d (%.2f false alarms per person-day)\n",
              m.phoneAlerts, m.trueAlerts, m.falseAlerts, m.falseAlarmsPerPersonDay());
  std::printf("  gateway alerts %d, crowd-finding reports %d, tags gone silent %d\n",
              m.gatewayAlerts, m.crowdReports, m.tagsSilent);
}

int runScenario(const RunOptions& options) {
  scenario::LoadResult loaded = scenario::loadScenarioFile(options.scenarioPath);
  for (const auto& d : loaded.diagnostics.items()) {
    std::fprintf(stderr, "%s\n", core::formatDiagnostic(d).c_str());
  }
  if (!loaded.scenario || loaded.diagnostics.hasErrors()) return kExitUsage;
  const scenario::ScenarioDef& def = *loaded.scenario;

  std::optional<double> untilS;
  if (!options.until.empty()) {
    untilS = parseDurationS(options.until);
    if (!untilS || *untilS < 0) {
      std::fprintf(stderr, "irdrill run: error: --until '%s' is not a duration (e.g. 9h, 90m, 1h30m, 3600)\n",
                   options.until.c_str());
      return kExitUsage;
    }
  }
  const std::uint64_t seed = options.seed.value_or(def.defaultSeed);

  std::optional<AtomicFile> eventsFile;
  std::unique_ptr<JsonLinesSink> sink;
  if (!options.eventsPath.empty()) {
    try {
      eventsFile.emplace(options.eventsPath);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "irdrill run: error: %s\n", e.what());
      return kExitIo;
    }
    sink = std::make_unique<JsonLinesSink>(eventsFile->stream(), def);
  }
  day::OfficeDay run(def, seed, options.replication, sink.get());
  if (untilS) {
    run.runUntil(run.dayStartUs() + core::secondsToUs(*untilS));
  } else {
    run.runToEnd();
  }
  if (eventsFile) {
    try {
      eventsFile->commit();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "irdrill run: error: %s\n", e.what());
      return kExitIo;
    }
  }
  printSummary(def, seed, run);
  if (eventsFile) std::printf("  event log: %s\n", options.eventsPath.c_str());
  return kExitOk;
}

}  // namespace

void setupRunCommand(CLI::App& app) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* sub = app.add_subcommand("run", "One seeded run of a scenario, with a summary and an event log");
  sub->add_option("--scenario", options->scenarioPath, "scenario YAML file")->required();
  sub->add_option("--seed", options->seed, "master seed (default: the scenario's)");
  sub->add_option("--replication", options->replication, "replication index")->capture_default_str();
  sub->add_option("--until", options->until,
                  "stop this long after the start of the day (9h, 90m, 1h30m, seconds)");
  sub->add_option("--events", options->eventsPath, "write every event as JSON Lines to this file");
  sub->callback([options] {
    const int code = runScenario(*options);
    if (code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace irdrill::cli
