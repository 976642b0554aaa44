#include "sim/cli/run_command.hpp"

#include <algorithm>
#include <cmath>
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
#include "sim/exercise/exercise.hpp"
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
};

// One JSON object per line: seq, time, type, and whichever of incident, actor, subject,
// detail and value the event has (docs/cli.md lists the types).
class JsonLinesSink : public exercise::ExerciseEventSink {
 public:
  explicit JsonLinesSink(std::ostream& out) : out_(out) {}
  void onExerciseEvent(const exercise::ExerciseEvent& e) override {
    out_ << "{\"seq\":" << e.seq << ",\"t_s\":" << jsonSecondsFromUs(e.timeUs)
         << ",\"time\":" << jsonString(clockText(e.timeUs)) << ",\"type\":" << jsonString(e.type);
    if (!e.incident.empty()) out_ << ",\"incident\":" << jsonString(e.incident);
    if (!e.actor.empty()) out_ << ",\"actor\":" << jsonString(e.actor);
    if (!e.subject.empty()) out_ << ",\"subject\":" << jsonString(e.subject);
    if (!e.detail.empty()) out_ << ",\"detail\":" << jsonString(e.detail);
    if (e.value != 0) out_ << ",\"value\":" << jsonNumber(e.value);
    out_ << "}\n";
  }

 private:
  std::ostream& out_;
};

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const double rank = p * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(rank);
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (values[hi] - values[lo]) * (rank - static_cast<double>(lo));
}

void printDaySummary(const day::OfficeDay& run) {
  const day::DayMetrics& m = run.metrics();
  std::printf("office day: %d people, %d tags, %llu advertising events, %llu link budgets\n", m.people,
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

std::string sinceStart(const scoring::IncidentOutcome& o, const scoring::Milestone& m) {
  if (!m.timeUs) return "-";
  return spanText(core::usToSeconds(*m.timeUs - o.startUs));
}

void printIncidents(const std::vector<scoring::IncidentOutcome>& outcomes) {
  if (outcomes.empty()) {
    std::printf("incidents: none\n");
    return;
  }
  std::printf("incidents: %zu\n", outcomes.size());
  for (const auto& o : outcomes) {
    std::printf("  %s (%s, procedure %s)\n    %s\n", o.id.c_str(),
                incident::kIncidentKindNames[static_cast<int>(o.kind)],
                o.procedure.empty() ? "none" : o.procedure.c_str(), o.summary.c_str());
    std::printf("    started %s; detected after %s%s%s; contained after %s; recovered after %s\n",
                clockText(o.startUs).c_str(), sinceStart(o, o.detected).c_str(),
                o.detected.timeUs ? " by " : "", o.detected.timeUs ? o.detectedBy.c_str() : "",
                sinceStart(o, o.contained).c_str(), sinceStart(o, o.recovered).c_str());
    std::printf("    records exfiltrated %.0f, items lost %d, recovered %d, downtime %s\n",
                o.recordsExfiltrated, o.itemsLost, o.itemsRecovered, spanText(o.downtimeS).c_str());
    int met = 0;
    for (const auto& d : o.deadlines) met += d.met ? 1 : 0;
    std::printf("    deadlines met %d of %zu; steps done %d, not done %zu, out of order %zu\n", met,
                o.deadlines.size(), o.stepsDone, o.stepsNotDone.size(), o.stepsOutOfOrder.size());
  }
}

void printScore(const scoring::ScoreCard& card, int ledgerLines) {
  std::printf("score: %.1f\n", card.total);
  std::vector<const scoring::LedgerEntry*> entries;
  for (const auto& e : card.ledger) entries.push_back(&e);
  // The biggest causes first: what a team should look at.
  std::stable_sort(entries.begin(), entries.end(), [](const auto* a, const auto* b) {
    return std::abs(a->points) > std::abs(b->points);
  });
  const std::size_t shown = std::min(entries.size(), static_cast<std::size_t>(std::max(ledgerLines, 0)));
  for (std::size_t i = 0; i < shown; ++i) {
    const scoring::LedgerEntry& e = *entries[i];
    std::printf("  %+9.1f  %-20s %-28s %s%s%s\n", e.points, e.term.c_str(),
                e.incident.empty() ? "" : e.incident.c_str(), e.detail.c_str(),
                e.eventSeq ? " (event " : "", e.eventSeq ? (std::to_string(e.eventSeq) + ")").c_str() : "");
  }
  if (shown < entries.size()) std::printf("  ... %zu more ledger lines in the event log's score records\n", entries.size() - shown);
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
      std::fprintf(stderr, "irdrill run: error: --until '%s' is not a duration (e.g. 9h, 90m, 1h30m, 2d, 3600)\n",
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
    sink = std::make_unique<JsonLinesSink>(eventsFile->stream());
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
    std::ostream& out = eventsFile->stream();
    for (const auto& e : card.ledger) {
      out << "{\"type\":\"score\",\"term\":" << jsonString(e.term);
      if (!e.incident.empty()) out << ",\"incident\":" << jsonString(e.incident);
      out << ",\"quantity\":" << jsonNumber(e.quantity) << ",\"unit\":" << jsonString(e.unit)
          << ",\"points\":" << jsonNumber(e.points) << ",\"t_s\":" << jsonSecondsFromUs(e.timeUs)
          << ",\"event\":" << e.eventSeq << ",\"detail\":" << jsonString(e.detail) << "}\n";
    }
    out << "{\"type\":\"score_total\",\"points\":" << jsonNumber(card.total) << "}\n";
    try {
      eventsFile->commit();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "irdrill run: error: %s\n", e.what());
      return kExitIo;
    }
  }
  std::printf("scenario %s, seed %llu, replication %llu, run to %s\n", def.name.c_str(),
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(options.replication),
              clockText(run.now()).c_str());
  if (const day::OfficeDay* officeDay = run.officeDay()) printDaySummary(*officeDay);
  printIncidents(run.outcomes());
  printScore(card, options.ledgerLines);
  if (eventsFile) std::printf("event log: %s (%llu events)\n", options.eventsPath.c_str(),
                              static_cast<unsigned long long>(run.eventsLogged()));
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
  sub->add_option("--ledger-lines", options->ledgerLines, "score ledger lines to print (largest first)")
      ->capture_default_str();
  sub->callback([options] {
    const int code = runScenario(*options);
    if (code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace irdrill::cli
