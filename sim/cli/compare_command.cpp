#include "sim/cli/compare_command.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "sim/cli/atomic_file.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/cli/mc_command.hpp"
#include "sim/cli/mc_output.hpp"
#include "sim/cli/option_checks.hpp"
#include "sim/cli/output_directory.hpp"
#include "sim/cli/progress.hpp"
#include "sim/core/json_text.hpp"
#include "sim/montecarlo/paired_model.hpp"
#include "sim/montecarlo/report_html.hpp"
#include "sim/montecarlo/run_statistics.hpp"
#include "sim/montecarlo/runner.hpp"
#include "sim/montecarlo/runs_csv.hpp"
#include "sim/montecarlo/scenario_variant.hpp"
#include "sim/montecarlo/scenario_model.hpp"
#include "sim/scenario/scenario_hash.hpp"

namespace irdrill::cli {
namespace fs = std::filesystem;
using core::jsonNumber;
using core::jsonString;

namespace {

struct CompareOptions {
  std::vector<std::string> scenarios;  // A, B
  std::uint64_t runs = 0;
  std::optional<std::uint64_t> seed;
  int threads = 0;
  std::vector<std::string> sets, setsA, setsB;
  std::string outDir;
  bool allowUnrelated = false;  // compare scenarios that are not variants of one (with a warning)
};

class CompareSink : public montecarlo::ReplicationSink {
 public:
  // `pairs` (may be null) receives every replication's A and B values (pairs.csv).
  CompareSink(montecarlo::CompareStatistics& stats, std::size_t half, montecarlo::ReplicationSink* pairs)
      : stats_(stats), half_(half), pairs_(pairs) {}
  void onReplication(std::uint64_t replication, std::span<const double> values) override {
    stats_.add(values.first(half_), values.subspan(half_));
    if (pairs_) pairs_->onReplication(replication, values);
  }

 private:
  montecarlo::CompareStatistics& stats_;
  std::size_t half_;
  montecarlo::ReplicationSink* pairs_;
};

// The 95% CI of the mean difference excludes zero.
bool significant(const montecarlo::MetricDifference& d) {
  return montecarlo::verdictOf(d) != montecarlo::Verdict::NotSignificant;
}

// pairs.csv's columns: every metric of A as "a.NAME", then of B as "b.NAME".
std::vector<montecarlo::MetricDef> pairColumns(const std::vector<montecarlo::MetricDef>& metrics) {
  std::vector<montecarlo::MetricDef> columns;
  for (const char* side : {"a.", "b."}) {
    for (const auto& m : metrics) {
      columns.push_back(m);
      columns.back().name = side + m.name;
      columns.back().censoredBy.clear();
    }
  }
  return columns;
}

std::string verdictWord(const montecarlo::MetricDifference& d) {
  switch (montecarlo::verdictOf(d)) {
    case montecarlo::Verdict::Better: return "B better";
    case montecarlo::Verdict::Worse: return "B worse";
    case montecarlo::Verdict::Different: return "differs";
    case montecarlo::Verdict::NotSignificant: break;
  }
  return "";
}

std::string signedNumber(double value) {
  if (std::isnan(value)) return "-";
  if (value == 0) value = 0;  // never "-0": a -0.0 difference is no difference
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%+.4g", value);
  return buffer;
}

std::string commandLine(const CompareOptions& o, std::uint64_t seed) {
  std::string text = "irdrill compare " + shellWord(o.scenarios[0]) + " " + shellWord(o.scenarios[1]) +
                     " --runs " + std::to_string(o.runs) + " --seed " + std::to_string(seed);
  for (const auto& s : o.sets) text += " --set " + shellWord(s);
  for (const auto& s : o.setsA) text += " --set-a " + shellWord(s);
  for (const auto& s : o.setsB) text += " --set-b " + shellWord(s);
  if (o.allowUnrelated) text += " --allow-unrelated";
  if (!o.outDir.empty()) text += " --out " + shellWord(o.outDir);
  return text;
}

struct Side {
  std::string path;
  std::vector<scenario::Override> overrides;
  std::optional<scenario::ScenarioDef> def;
};

void writeSideJson(std::ostream& out, const Side& side) {
  out << "{\"file\": " << jsonString(side.path) << ", \"scenario\": " << jsonString(side.def->name)
      << ", \"scenario_hash\": " << jsonString(scenario::scenarioHash(side.path, side.overrides))
      << ", \"overrides\": [";
  for (std::size_t i = 0; i < side.overrides.size(); ++i) {
    out << (i ? ", " : "") << jsonString(side.overrides[i].path + "=" + side.overrides[i].value);
  }
  out << "]}";
}

void writeCompareJson(std::ostream& out, const Side& a, const Side& b, std::uint64_t seed,
                      std::uint64_t requested, const montecarlo::RunResult& result,
                      const std::vector<montecarlo::MetricDifference>& differences,
                      const std::vector<std::string>& warnings) {
  out << "{\n  \"format\": \"irdrill-compare/1\",\n  \"a\": ";
  writeSideJson(out, a);
  out << ",\n  \"b\": ";
  writeSideJson(out, b);
  out << ",\n  \"seed\": " << seed << ",\n  \"replications_requested\": " << requested
      << ",\n  \"replications\": " << result.completed
      << ",\n  \"partial\": " << (result.stopped ? "true" : "false") << ",\n  \"metrics\": [";
  for (std::size_t i = 0; i < differences.size(); ++i) {
    const auto& d = differences[i];
    out << (i ? ",\n" : "\n") << "    {\"name\": " << jsonString(d.name) << ", \"unit\": "
        << jsonString(d.unit) << ", \"pairs\": " << d.pairs << ", \"mean_a\": " << jsonNumber(d.meanA)
        << ", \"mean_b\": " << jsonNumber(d.meanB) << ", \"difference\": " << jsonNumber(d.meanDifference)
        << ", \"ci95_low\": " << jsonNumber(d.ciLow) << ", \"ci95_high\": " << jsonNumber(d.ciHigh)
        << ", \"interval\": " << jsonString(std::string(montecarlo::methodName(d.method)))
        << ", \"better\": " << jsonString(std::string(montecarlo::betterName(d.better)))
        << ", \"significant\": " << (significant(d) ? "true" : "false")
        << ", \"verdict\": " << jsonString(verdictWord(d).empty() ? "not significant" : verdictWord(d)) << "}";
  }
  out << (differences.empty() ? "],\n" : "\n  ],\n");
  out << "  \"verdict\": " << jsonString(montecarlo::compareVerdict(differences)) << ",\n";
  out << "  \"warnings\": [";
  for (std::size_t i = 0; i < warnings.size(); ++i) out << (i ? ", " : "") << jsonString(warnings[i]);
  out << "]\n}\n";
}

int runCompare(const CompareOptions& o) {
  const std::string command = "compare";
  const auto common = parseOverrideOptions(o.sets, command);
  const auto onlyA = parseOverrideOptions(o.setsA, command);
  const auto onlyB = parseOverrideOptions(o.setsB, command);
  if (!common || !onlyA || !onlyB) return kExitUsage;
  Side a{o.scenarios[0], *common, {}};
  Side b{o.scenarios[1], *common, {}};
  a.overrides.insert(a.overrides.end(), onlyA->begin(), onlyA->end());
  b.overrides.insert(b.overrides.end(), onlyB->begin(), onlyB->end());
  a.def = loadScenarioWithOverrides(a.path, a.overrides);
  b.def = loadScenarioWithOverrides(b.path, b.overrides);
  if (!a.def || !b.def) return kExitUsage;
  // Common random numbers mean something only between variants of one scenario.
  std::vector<std::string> warnings;
  if (const auto reasons = montecarlo::variantDifferences(*a.def, *b.def); !reasons.empty()) {
    if (!o.allowUnrelated) {
      std::fprintf(stderr, "irdrill compare: error: '%s' and '%s' are not variants of one scenario, so a paired "
                   "comparison would compare two unrelated worlds:\n", a.path.c_str(), b.path.c_str());
      for (const auto& r : reasons) std::fprintf(stderr, "  - %s\n", r.c_str());
      std::fprintf(stderr, "  (variants share the office, people, planned incidents and horizon: docs/montecarlo.md; "
                   "--allow-unrelated compares them anyway, with a warning)\n");
      return kExitUsage;
    }
    std::string text = "A and B are not variants of one scenario (";
    for (std::size_t i = 0; i < reasons.size(); ++i) text += (i ? "; " : "") + reasons[i];
    warnings.push_back(text + "): the replications are paired by seed only, and the differences compare "
                              "two unrelated worlds.");
  }
  if (!montecarlo::sameScoringWeights(*a.def, *b.def)) {
    warnings.push_back("A and B score with different weights: the score and its terms are not comparable.");
  }
  for (const auto& w : warnings) std::fprintf(stderr, "irdrill compare: warning: %s\n", w.c_str());

  const auto modelA = montecarlo::makeScenarioModel(*a.def);
  const auto modelB = montecarlo::makeScenarioModel(*b.def);
  std::optional<montecarlo::PairedModel> paired;
  try {
    paired.emplace(*modelA, *modelB);
  } catch (const std::invalid_argument&) {
    std::fprintf(stderr, "irdrill compare: error: '%s' and '%s' report different metrics, so they "
                 "cannot be compared\n", a.path.c_str(), b.path.c_str());
    return kExitUsage;
  }
  const std::uint64_t seed = o.seed.value_or(a.def->defaultSeed);
  const int threads = resolveThreads(o.threads);
  std::optional<OutputDirectory> dir;  // staged, swapped in when complete
  if (!o.outDir.empty()) {
    try {
      dir.emplace(o.outDir, kCompareOutputFiles);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "irdrill compare: error: %s\n", e.what());
      return kExitIo;
    }
  }

  montecarlo::CompareStatistics stats(modelA->metrics());
  // pairs.csv is written as the run goes, into the staged directory.
  std::optional<AtomicFile> pairsFile;
  std::optional<montecarlo::RunsCsvWriter> pairsCsv;
  if (dir) {
    try {
      pairsFile.emplace(dir->stagedPath("pairs.csv"), dir->finalPath("pairs.csv"));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "irdrill compare: error: %s\n", e.what());
      return kExitIo;
    }
    pairsCsv.emplace(pairsFile->stream(), pairColumns(modelA->metrics()), seed);
  }
  CompareSink sink(stats, paired->half(), pairsCsv ? &*pairsCsv : nullptr);
  std::fprintf(stderr, "irdrill compare: seed %llu, %llu replications of each, %d thread%s\n",
               static_cast<unsigned long long>(seed), static_cast<unsigned long long>(o.runs), threads,
               threads == 1 ? "" : "s");
  ProgressReporter progress(stderr, ProgressReporter::stderrIsTerminal(), "compare");
  montecarlo::RunProgress last{0, o.runs, 0};
  montecarlo::RunResult result;
  {
    InterruptGuard interrupt;
    result = montecarlo::runReplications(*paired, {seed, 0, o.runs, threads}, sink, interrupt.flag(),
                                         [&](const montecarlo::RunProgress& p) {
                                           last = p;
                                           progress.update(p);
                                         });
  }
  progress.finish(last, result.stopped ? "interrupted" : "");
  const auto differences = stats.differences();

  std::printf("A: %s ('%s')\nB: %s ('%s')\nseed %llu, %llu paired replications%s (common random numbers)\n",
              a.path.c_str(), a.def->name.c_str(), b.path.c_str(), b.def->name.c_str(),
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(result.completed),
              result.stopped ? ", partial: interrupted" : "");
  std::printf("  %-34s %10s %10s %11s %25s %-7s %s\n", "metric", "mean A", "mean B", "B - A", "95% CI of B - A",
              "better", "verdict");
  for (const auto& d : differences) {
    std::string ci = "[";  // appended: GCC 12 warns falsely on "literal" + std::string&&
    ci += signedNumber(d.ciLow) + ", " + signedNumber(d.ciHigh) + "]";
    std::printf("  %-34s %10s %10s %11s %25s %-7s %s\n", d.name.c_str(), tableNumber(d.meanA).c_str(),
                tableNumber(d.meanB).c_str(), signedNumber(d.meanDifference).c_str(), ci.c_str(),
                std::string(montecarlo::betterName(d.better)).c_str(), verdictWord(d).c_str());
  }
  std::printf("  (verdict: the paired 95%% interval excludes 0; better or worse for B by the metric's good direction)\n");
  std::printf("verdict: %s\n", montecarlo::compareVerdict(differences).c_str());

  if (dir) {
    const std::string jsonPath = dir->finalPath("compare.json");
    const std::string reportPath = dir->finalPath("report.html");
    if (!writeFileAtomically(dir->stagedPath("compare.json"), [&](std::ostream& out) {
          writeCompareJson(out, a, b, seed, o.runs, result, differences, warnings);
        }, command, jsonPath)) {
      return kExitIo;
    }
    montecarlo::ReportData report;
    report.title = "Compare: " + a.def->name + " (A) vs " + b.def->name + " (B), " +
                   std::to_string(result.completed) + " paired replications";
    report.scenarioName = a.def->name + " / " + b.def->name;
    report.command = commandLine(o, seed);
    report.masterSeed = seed;
    report.replications = result.completed;
    report.partial = result.stopped;
    report.differences = differences;
    report.labelA = a.path;
    report.labelB = b.path;
    report.metrics = stats.summariesA();
    report.metricsB = stats.summariesB();
    for (const auto& term : modelA->scoreTerms()) {
      for (const auto& m : report.metrics) {
        if (m.name == term) report.scoreBreakdown.push_back({term, m.mean});
      }
      for (const auto& m : report.metricsB) {
        if (m.name == term) report.scoreBreakdownB.push_back({term, m.mean});
      }
    }
    report.verdict = montecarlo::compareVerdict(differences);
    report.warnings = warnings;
    try {
      pairsFile->commit();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "irdrill compare: error: %s\n", e.what());
      return kExitIo;
    }
    if (!writeFileAtomically(dir->stagedPath("report.html"),
                             [&](std::ostream& out) { montecarlo::writeReportHtml(report, out); }, command,
                             reportPath)) {
      return kExitIo;
    }
    if (!dir->commitOrReport("compare")) return kExitIo;
    std::printf("wrote %s, %s, %s\n", jsonPath.c_str(), dir->finalPath("pairs.csv").c_str(), reportPath.c_str());
  }
  return result.stopped ? kExitInterrupted : kExitOk;
}

}  // namespace

void setupCompareCommand(CLI::App& app) {
  auto o = std::make_shared<CompareOptions>();
  CLI::App* sub = app.add_subcommand(
      "compare", "Two scenarios on common random numbers: each metric's difference with its 95% CI");
  sub->add_option("scenarios", o->scenarios, "scenario files A and B")->required()->expected(2);
  sub->add_option("--runs", o->runs, "paired replications")->required()->check(atLeast(1));
  sub->add_option("--seed", o->seed, "master seed of both (default: A's)");
  sub->add_option("--threads", o->threads, "worker threads (0: every core)")
      ->capture_default_str()->check(atLeast(0));
  sub->add_option("--set", o->sets, "override a value in both: PATH=VALUE (repeatable)")
      ->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--set-a", o->setsA, "override a value in A only (repeatable)")
      ->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--set-b", o->setsB, "override a value in B only (repeatable)")
      ->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--out", o->outDir, "write compare.json, pairs.csv and report.html here");
  sub->add_flag("--allow-unrelated", o->allowUnrelated,
                "compare scenarios that are not variants of one (different office, people, planned incidents "
                "or horizon), with a warning");
  sub->callback([o] {
    const int code = runCompare(*o);
    if (code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace irdrill::cli
