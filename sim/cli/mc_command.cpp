#include "sim/cli/mc_command.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "sim/cli/atomic_file.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/cli/mc_output.hpp"
#include "sim/cli/option_checks.hpp"
#include "sim/cli/output_directory.hpp"
#include "sim/cli/progress.hpp"
#include "sim/cli/scale_out_script.hpp"
#include "sim/montecarlo/report_html.hpp"
#include "sim/montecarlo/run_statistics.hpp"
#include "sim/montecarlo/runner.hpp"
#include "sim/montecarlo/runs_csv.hpp"
#include "sim/montecarlo/scenario_model.hpp"
#include "sim/montecarlo/exercise_model.hpp"
#include "sim/scenario/scenario_hash.hpp"
#include "sim/session/session_file.hpp"

namespace irdrill::cli {
namespace fs = std::filesystem;

namespace {

// A new option of the run must also be carried into the scale-out scripts
// (emitScaleOutScripts, ScaleOutRun in scale_out_script.hpp).
struct McOptions {
  std::string scenarioPath;
  std::uint64_t runs = 0;
  std::optional<std::uint64_t> seed;
  int threads = 0;
  std::vector<std::string> sets;
  std::string outDir;
  std::string shard;  // "i/N", empty for the whole run
  std::string decisionsPath;  // a session file whose decisions every replication replays
  // Scale-out scripts instead of a run (scale_out_script.hpp): --shards N with
  // --emit-slurm FILE and/or --emit-parallel FILE.
  std::uint64_t shards = 0;
  std::string emitSlurmPath;
  std::string emitParallelPath;
  bool threadsGiven = false;
};

// "i/N" with 0 <= i < N.
std::optional<std::pair<std::uint64_t, std::uint64_t>> parseShard(const std::string& text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  std::uint64_t index = 0, count = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  const auto a = std::from_chars(begin, begin + slash, index);
  const auto b = std::from_chars(begin + slash + 1, end, count);
  if (slash == 0 || a.ec != std::errc() || a.ptr != begin + slash || b.ec != std::errc() ||
      b.ptr != end || count == 0 || index >= count) {
    return std::nullopt;
  }
  return std::pair(index, count);
}

// Writes each replication to runs.csv and into the statistics.
class McSink : public montecarlo::ReplicationSink {
 public:
  McSink(montecarlo::RunsCsvWriter& csv, montecarlo::RunStatistics& stats) : csv_(csv), stats_(stats) {}
  void onReplication(std::uint64_t replication, std::span<const double> values) override {
    csv_.onReplication(replication, values);
    stats_.add(values);
  }

 private:
  montecarlo::RunsCsvWriter& csv_;
  montecarlo::RunStatistics& stats_;
};

// The command that gives these replications' figures, for summary.json: without --out,
// --threads and --shard (a shard is recorded apart), so a merge of shards records the
// whole run's command.
std::string reproducingCommand(const McOptions& o, std::uint64_t seed) {
  std::string text = "irdrill mc --scenario " + shellWord(o.scenarioPath) + " --runs " + std::to_string(o.runs) +
                     " --seed " + std::to_string(seed);
  for (const auto& set : o.sets) text += " --set " + shellWord(set);
  if (!o.decisionsPath.empty()) text += " --decisions " + shellWord(o.decisionsPath);
  return text;
}

std::string commandLine(const McOptions& o, std::uint64_t seed) {
  std::string text = "irdrill mc --scenario " + shellWord(o.scenarioPath) +
                     " --runs " + std::to_string(o.runs) + " --seed " + std::to_string(seed);
  for (const auto& set : o.sets) text += " --set " + shellWord(set);
  if (!o.shard.empty()) text += " --shard " + o.shard;
  if (!o.decisionsPath.empty()) text += " --decisions " + shellWord(o.decisionsPath);
  return text + " --out " + shellWord(o.outDir);
}

// The model of every replication: the scenario's, or an exercise replaying the
// --decisions session; nullptr (with the reason printed) when the session does not fit.
std::unique_ptr<montecarlo::ReplicationModel> makeModel(const McOptions& o, const scenario::ScenarioDef& def,
                                                        const std::vector<scenario::Override>& overrides) {
  if (o.decisionsPath.empty()) return montecarlo::makeScenarioModel(def);
  core::Diagnostics diagnostics;
  const auto played = session::readSessionFile(o.decisionsPath, diagnostics);
  for (const auto& d : diagnostics.items()) std::fprintf(stderr, "%s\n", core::formatDiagnostic(d).c_str());
  if (!played) return nullptr;
  const std::string hash = scenario::scenarioHash(o.scenarioPath, overrides);
  if (played->scenarioHash != hash) {
    std::fprintf(stderr,
                 "irdrill mc: error: --decisions '%s' was played on another scenario or other --set values "
                 "(session %s, this scenario %s)\n",
                 o.decisionsPath.c_str(), played->scenarioHash.c_str(), hash.c_str());
    return nullptr;
  }
  return montecarlo::makeExerciseModel(def, played->entries);
}

// Gives the script the permission to execute wherever it may be read (a new file is
// 0666 less the umask), so `./FILE.sh` works as well as `bash FILE.sh`.
void makeExecutable(const std::string& path) {
  std::error_code error;
  const auto status = fs::status(path, error);
  if (error || !fs::is_regular_file(status)) return;  // a device or FIFO: nothing to do
  const auto perms = status.permissions();
  auto exec = fs::perms::none;
  if ((perms & fs::perms::owner_read) != fs::perms::none) exec |= fs::perms::owner_exec;
  if ((perms & fs::perms::group_read) != fs::perms::none) exec |= fs::perms::group_exec;
  if ((perms & fs::perms::others_read) != fs::perms::none) exec |= fs::perms::others_exec;
  fs::permissions(path, exec, fs::perm_options::add, error);  // best effort: `bash FILE` works anyway
}

// --emit-slurm / --emit-parallel: the inputs are checked as for a run (so a mistake shows
// now, not in N jobs), then each script is written whole; nothing is simulated.
int emitScaleOutScripts(const McOptions& o, const std::string& program) {
  const std::string command = "mc";
  if (!o.shard.empty()) {
    std::fprintf(stderr,
                 "irdrill mc: error: --shard runs one shard here; with --emit-slurm or --emit-parallel, "
                 "give --shards COUNT and the script runs them all\n");
    return kExitUsage;
  }
  if (o.shards == 0) {
    std::fprintf(stderr, "irdrill mc: error: --emit-slurm and --emit-parallel need --shards COUNT (e.g. --shards 8)\n");
    return kExitUsage;
  }
  if (o.emitSlurmPath == o.emitParallelPath) {
    std::fprintf(stderr, "irdrill mc: error: --emit-slurm and --emit-parallel name the same file '%s'\n",
                 o.emitSlurmPath.c_str());
    return kExitUsage;
  }
  if (o.shards > o.runs) {
    std::fprintf(stderr, "irdrill mc: error: --shards %llu: more shards than --runs %llu (a shard has at least one replication)\n",
                 static_cast<unsigned long long>(o.shards), static_cast<unsigned long long>(o.runs));
    return kExitUsage;
  }
  const auto overrides = parseOverrideOptions(o.sets, command);
  if (!overrides) return kExitUsage;
  const auto def = loadScenarioWithOverrides(o.scenarioPath, *overrides);
  if (!def || !makeModel(o, *def, *overrides)) return kExitUsage;

  ScaleOutRun run;
  run.program = program;
  run.scenarioPath = o.scenarioPath;
  run.runs = o.runs;
  run.seed = o.seed;
  run.threadsGiven = o.threadsGiven && o.threads > 0;
  run.threadsPerShard = run.threadsGiven ? o.threads : 1;
  run.sets = o.sets;
  run.decisionsPath = o.decisionsPath;
  run.outDir = o.outDir;
  run.shardCount = o.shards;
  const struct {
    const std::string& path;
    std::string text;
    const char* what;
  } scripts[] = {{o.emitSlurmPath, o.emitSlurmPath.empty() ? "" : slurmScript(run), "a Slurm job array"},
                 {o.emitParallelPath, o.emitParallelPath.empty() ? "" : parallelScript(run), "GNU parallel"}};
  for (const auto& script : scripts) {
    if (script.path.empty()) continue;
    if (!writeFileAtomically(script.path, [&](std::ostream& out) { out << script.text; }, command)) return kExitIo;
    makeExecutable(script.path);
    std::printf("wrote %s: %llu shard%s with %s, then the merge into %s; run it with: bash %s\n", script.path.c_str(),
                static_cast<unsigned long long>(o.shards), o.shards == 1 ? "" : "s", script.what, o.outDir.c_str(),
                shellWord(script.path).c_str());
  }
  return kExitOk;
}

int runMc(const McOptions& o) {
  const std::string command = "mc";
  if (o.shards != 0) {
    std::fprintf(stderr,
                 "irdrill mc: error: --shards %llu needs --emit-slurm FILE or --emit-parallel FILE (to run one "
                 "shard here: --shard INDEX/COUNT)\n",
                 static_cast<unsigned long long>(o.shards));
    return kExitUsage;
  }
  const auto overrides = parseOverrideOptions(o.sets, command);
  if (!overrides) return kExitUsage;
  std::optional<std::pair<std::uint64_t, std::uint64_t>> shard;
  if (!o.shard.empty()) {
    shard = parseShard(o.shard);
    if (!shard) {
      std::fprintf(stderr, "irdrill mc: error: --shard '%s': expected INDEX/COUNT with 0 <= INDEX < COUNT (e.g. 0/4)\n",
                   o.shard.c_str());
      return kExitUsage;
    }
  }
  const auto def = loadScenarioWithOverrides(o.scenarioPath, *overrides);
  if (!def) return kExitUsage;

  const std::uint64_t seed = o.seed.value_or(def->defaultSeed);
  const montecarlo::ReplicationRange range =
      shard ? montecarlo::shardRange(o.runs, shard->first, shard->second)
            : montecarlo::ReplicationRange{0, o.runs};
  const auto model = makeModel(o, *def, *overrides);
  if (!model) return kExitUsage;
  const int threads = resolveThreads(o.threads);

  // Every file goes into a staging directory swapped in at the end: the directory never
  // holds files of two runs (output_directory.hpp).
  std::optional<OutputDirectory> outDir;
  std::optional<AtomicFile> csvFile;
  try {
    outDir.emplace(o.outDir, kRunOutputFiles);
    csvFile.emplace(outDir->stagedPath("runs.csv"), outDir->finalPath("runs.csv"));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "irdrill mc: error: %s\n", e.what());
    return kExitIo;
  }

  montecarlo::RunsCsvWriter csv(csvFile->stream(), model->metrics(), seed);
  montecarlo::RunStatistics stats(model->metrics());
  McSink sink(csv, stats);
  montecarlo::RunPlan plan{seed, range.first, range.count, threads};

  std::fprintf(stderr, "irdrill mc: scenario '%s', seed %llu, replications %llu to %llu of %llu, %d thread%s\n",
               def->name.c_str(), static_cast<unsigned long long>(seed),
               static_cast<unsigned long long>(range.first),
               static_cast<unsigned long long>(range.first + range.count) - (range.count ? 1 : 0),
               static_cast<unsigned long long>(o.runs), threads, threads == 1 ? "" : "s");
  ProgressReporter progress(stderr, ProgressReporter::stderrIsTerminal(), "mc");
  montecarlo::RunProgress last{0, range.count, 0};
  montecarlo::RunResult result;
  {
    InterruptGuard interrupt;
    result = montecarlo::runReplications(*model, plan, sink, interrupt.flag(),
                                         [&](const montecarlo::RunProgress& p) {
                                           last = p;
                                           progress.update(p);
                                         });
  }
  progress.finish(last, result.stopped ? "interrupted: writing the finished replications" : "");

  SummaryInfo info;
  info.scenarioName = def->name;
  info.scenarioHash = scenario::scenarioHash(o.scenarioPath, *overrides);
  for (const auto& ov : *overrides) info.overrides.push_back(ov.path + "=" + ov.value);
  info.seed = seed;
  info.requested = o.runs;
  info.firstReplication = range.first;
  info.replications = result.completed;
  info.partial = result.stopped;
  info.shard = shard;
  info.scoreTerms = model->scoreTerms();
  info.scenarioFile = o.scenarioPath;
  info.command = reproducingCommand(o, seed);
  const auto summaries = stats.summaries();

  try {
    csvFile->commit();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "irdrill mc: error: %s\n", e.what());
    return kExitIo;
  }
  const std::string summaryPath = outDir->finalPath("summary.json");
  const std::string reportPath = outDir->finalPath("report.html");
  if (!writeFileAtomically(outDir->stagedPath("summary.json"),
                           [&](std::ostream& out) { writeSummaryJson(out, info, summaries); }, command,
                           summaryPath)) {
    return kExitIo;
  }
  const auto report = makeRunReport(info, summaries, commandLine(o, seed));
  if (!writeFileAtomically(outDir->stagedPath("report.html"),
                           [&](std::ostream& out) { montecarlo::writeReportHtml(report, out); }, command,
                           reportPath)) {
    return kExitIo;
  }
  if (!outDir->commitOrReport("mc")) return kExitIo;

  std::printf("scenario '%s', seed %llu: %llu replications%s\n", def->name.c_str(),
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(result.completed),
              result.stopped ? " (partial: interrupted)" : "");
  printMetricTable(stdout, summaries);
  std::printf("wrote %s, %s, %s\n", outDir->finalPath("runs.csv").c_str(), summaryPath.c_str(),
              reportPath.c_str());
  return result.stopped ? kExitInterrupted : kExitOk;
}

}  // namespace

int resolveThreads(int requested) {
  if (requested > 0) return requested;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void setupMcCommand(CLI::App& app) {
  auto o = std::make_shared<McOptions>();
  CLI::App* sub = app.add_subcommand("mc", "Monte Carlo: N replications of a scenario, summarised");
  sub->add_option("--scenario", o->scenarioPath, "scenario YAML file")->required();
  sub->add_option("--runs", o->runs, "replications of the whole run")->required()->check(atLeast(1));
  sub->add_option("--seed", o->seed, "master seed (default: the scenario's)");
  CLI::Option* threads = sub->add_option("--threads", o->threads, "worker threads (0: every core)")
                             ->capture_default_str()->check(atLeast(0));
  sub->add_option("--set", o->sets, "override a scenario value: PATH=VALUE (repeatable)")
      ->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--shard", o->shard, "run only block INDEX of COUNT (0-based), e.g. 2/8");
  sub->add_option("--out", o->outDir, "output directory (created if missing)")->required();
  sub->add_option("--decisions", o->decisionsPath,
                  "a tabletop session file: its decisions and injects replay in every replication "
                  "(docs/decisions.md)");
  sub->add_option("--shards", o->shards,
                  "with --emit-slurm/--emit-parallel: the number of shards the scripts run")
      ->check(atLeast(1));
  sub->add_option("--emit-slurm", o->emitSlurmPath,
                  "write a bash script submitting the shards as a Slurm job array and the merge as a "
                  "dependent job, instead of running (docs/montecarlo.md)");
  sub->add_option("--emit-parallel", o->emitParallelPath,
                  "write a bash script running the shards with GNU parallel, then the merge, instead of running");
  sub->callback([o, sub, threads] {
    o->threadsGiven = threads->count() > 0;
    // CLI11 names the top-level app after argv[0]: the scripts call irdrill as it was called.
    const bool emit = !o->emitSlurmPath.empty() || !o->emitParallelPath.empty();
    const int code = emit ? emitScaleOutScripts(*o, sub->get_parent()->get_name()) : runMc(*o);
    if (code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace irdrill::cli
