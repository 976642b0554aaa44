#include "sim/cli/merge_command.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <vector>

#include "sim/cli/atomic_file.hpp"
#include "sim/core/input_file.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/mc_output.hpp"
#include "sim/cli/output_directory.hpp"
#include "sim/montecarlo/report_html.hpp"
#include "sim/montecarlo/run_statistics.hpp"
#include "sim/montecarlo/runner.hpp"
#include "sim/montecarlo/runs_csv.hpp"

namespace irdrill::cli {
namespace fs = std::filesystem;

namespace {

struct MergeOptions {
  std::vector<std::string> shardDirs;
  std::string outDir;
};

struct Shard {
  std::string dir;
  std::string summaryPath;
  std::string csvPath;
  SummaryInfo info;
};

bool sameMetrics(const std::vector<montecarlo::MetricDef>& a, const std::vector<montecarlo::MetricDef>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.name == y.name && x.unit == y.unit && x.description == y.description;
  });
}

void fail(const std::string& where, const std::string& message) {
  std::fprintf(stderr, "%s: error: %s\n", where.c_str(), message.c_str());
}

// Checks the shards are the N slices of one run; prints every problem found.
bool checkShards(std::vector<Shard>& shards) {
  bool ok = true;
  for (const Shard& s : shards) {
    if (!s.info.shard) {
      fail(s.summaryPath, "not the output of a shard (it was run without --shard)");
      ok = false;
    } else if (s.info.partial) {
      fail(s.summaryPath, "shard " + std::to_string(s.info.shard->first) + "/" +
                              std::to_string(s.info.shard->second) + " is partial (" +
                              std::to_string(s.info.replications) +
                              " replications were finished): run it again to completion");
      ok = false;
    }
  }
  if (!ok) return false;
  const Shard& first = shards.front();
  for (const Shard& s : shards) {
    const auto differs = [&](const char* what) {
      fail(s.summaryPath, std::string("not a slice of the same run as '") + first.summaryPath +
                              "': the " + what + " differs");
      ok = false;
    };
    if (s.info.scenarioHash != first.info.scenarioHash) differs("scenario (scenario_hash)");
    else if (s.info.seed != first.info.seed) differs("seed");
    else if (s.info.requested != first.info.requested) differs("number of replications requested");
    else if (s.info.shard->second != first.info.shard->second) differs("shard count");
    else if (!sameMetrics(s.info.metrics, first.info.metrics)) differs("metric list");
    else if (s.info.overrides != first.info.overrides) differs("list of --set overrides");
  }
  if (!ok) return false;
  const std::uint64_t count = first.info.shard->second;
  std::sort(shards.begin(), shards.end(), [](const Shard& a, const Shard& b) {
    return a.info.shard->first < b.info.shard->first;
  });
  std::vector<std::string> missing;
  for (std::uint64_t i = 0, k = 0; i < count; ++i) {
    std::size_t found = 0;
    while (k < shards.size() && shards[k].info.shard->first == i) {
      if (++found > 1) {
        fail(shards[k].summaryPath, "shard " + std::to_string(i) + "/" + std::to_string(count) +
                                        " is given twice (also '" + shards[k - 1].summaryPath + "')");
        ok = false;
      }
      ++k;
    }
    if (found == 0) missing.push_back(std::to_string(i));
  }
  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    std::fprintf(stderr, "irdrill merge: error: shard%s %s of %llu missing\n",
                 missing.size() == 1 ? "" : "s", list.c_str(), static_cast<unsigned long long>(count));
    ok = false;
  }
  for (const Shard& s : shards) {
    const auto range = montecarlo::shardRange(s.info.requested, s.info.shard->first, count);
    if (s.info.firstReplication != range.first || s.info.replications != range.count) {
      fail(s.summaryPath, "holds replications from " + std::to_string(s.info.firstReplication) + " (" +
                              std::to_string(s.info.replications) + "), but shard " +
                              std::to_string(s.info.shard->first) + "/" + std::to_string(count) +
                              " of " + std::to_string(s.info.requested) + " is " +
                              std::to_string(range.first) + " (" + std::to_string(range.count) + ")");
      ok = false;
    }
  }
  return ok;
}

// Streams one shard's rows, in order, into the merged file and the statistics.
bool copyRows(const Shard& s, std::uint64_t& next, std::ostream& out, montecarlo::RunStatistics& stats) {
  // Streamed line by line, so no size limit; but only a regular file (never /dev/zero's
  // endless line or a FIFO that blocks).
  std::string problem;
  if (!core::checkInputFile(s.csvPath, SIZE_MAX, "runs.csv", problem)) {
    fail(s.csvPath, "cannot read the file: " + problem);
    return false;
  }
  std::ifstream in(s.csvPath, std::ios::binary);
  if (!in) {
    fail(s.csvPath, "cannot read the file");
    return false;
  }
  std::string line;
  int lineNumber = 0;
  montecarlo::CsvError error;
  const auto located = [&](const montecarlo::CsvError& e) {
    fail(s.csvPath + ":" + std::to_string(lineNumber) + ":" + std::to_string(e.column), e.message);
  };
  std::vector<std::string> expected;
  for (const auto& m : s.info.metrics) expected.push_back(m.name);
  if (!std::getline(in, line)) {
    fail(s.csvPath, "empty file (expected a runs.csv header)");
    return false;
  }
  ++lineNumber;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  const auto names = montecarlo::parseRunsCsvHeader(line, error);
  if (!names) {
    located(error);
    return false;
  }
  if (*names != expected) {
    located({1, "the columns differ from the metrics of summary.json"});
    return false;
  }
  const std::uint64_t end = s.info.firstReplication + s.info.replications;
  while (std::getline(in, line)) {
    ++lineNumber;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto row = montecarlo::parseRunsCsvRow(line, expected.size(), error);
    if (!row) {
      located(error);
      return false;
    }
    if (row->replication != next || next >= end) {
      located({1, "expected replication " + (next < end ? std::to_string(next) : std::string("none (the shard is complete)")) +
                      ", got " + std::to_string(row->replication)});
      return false;
    }
    if (row->seed != s.info.seed) {
      located({static_cast<int>(line.find(',')) + 2, "seed " + std::to_string(row->seed) +
                                                        " differs from the run's " + std::to_string(s.info.seed)});
      return false;
    }
    out << montecarlo::runsCsvRow(row->replication, row->seed, row->values) << '\n';
    stats.add(row->values);
    ++next;
  }
  if (next != end) {
    fail(s.csvPath, "has replications up to " + std::to_string(next) + ", summary.json says up to " +
                        std::to_string(end) + " (exclusive)");
    return false;
  }
  return true;
}

int runMerge(const MergeOptions& o) {
  const std::string command = "merge";
  std::vector<Shard> shards;
  bool ok = true;
  // --out must not be one of the shards: a merge that replaced a shard's files would leave
  // no way to check or redo it.
  for (const auto& dir : o.shardDirs) {
    std::error_code error;
    if (fs::exists(o.outDir, error) && fs::equivalent(o.outDir, dir, error)) {
      std::fprintf(stderr, "irdrill merge: error: --out '%s' is one of the shards being merged ('%s'); "
                   "write the merged run to another directory\n", o.outDir.c_str(), dir.c_str());
      return kExitUsage;
    }
  }
  for (const auto& dir : o.shardDirs) {
    Shard s;
    s.dir = dir;
    s.summaryPath = (fs::path(dir) / "summary.json").string();
    s.csvPath = (fs::path(dir) / "runs.csv").string();
    std::string error;
    if (auto info = readSummaryJson(s.summaryPath, error)) {
      s.info = std::move(*info);
      shards.push_back(std::move(s));
    } else {
      fail(s.summaryPath, error);
      ok = false;
    }
  }
  // The readable shards are checked even when some are not, so a shard whose task failed
  // before writing anything is also named in "shard I of COUNT missing".
  if (shards.empty()) return kExitUsage;
  const bool consistent = checkShards(shards);
  if (!ok || !consistent) return kExitUsage;

  // Staged and swapped in when complete (output_directory.hpp).
  std::optional<OutputDirectory> dir;
  try {
    dir.emplace(o.outDir, kRunOutputFiles);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "irdrill merge: error: %s\n", e.what());
    return kExitIo;
  }
  const SummaryInfo& first = shards.front().info;
  montecarlo::RunStatistics stats(first.metrics);
  {
    std::optional<AtomicFile> csv;
    try {
      csv.emplace(dir->stagedPath("runs.csv"), dir->finalPath("runs.csv"));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "irdrill merge: error: %s\n", e.what());
      return kExitIo;
    }
    csv->stream() << montecarlo::runsCsvHeader(first.metrics) << '\n';
    std::uint64_t next = 0;
    for (const Shard& s : shards) {
      if (!copyRows(s, next, csv->stream(), stats)) return kExitUsage;
    }
    try {
      csv->commit();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "irdrill merge: error: %s\n", e.what());
      return kExitIo;
    }
  }

  SummaryInfo info = first;
  info.firstReplication = 0;
  info.replications = stats.replications();
  info.partial = false;
  info.shard.reset();
  info.metrics.clear();
  const auto summaries = stats.summaries();
  const std::string summaryPath = dir->finalPath("summary.json");
  const std::string reportPath = dir->finalPath("report.html");
  if (!writeFileAtomically(dir->stagedPath("summary.json"),
                           [&](std::ostream& out) { writeSummaryJson(out, info, summaries); }, command,
                           summaryPath)) {
    return kExitIo;
  }
  std::string commandText = "irdrill merge --out " + shellWord(o.outDir);
  for (const auto& d : o.shardDirs) commandText += " " + shellWord(d);
  const auto report = makeRunReport(info, summaries, commandText);
  if (!writeFileAtomically(dir->stagedPath("report.html"),
                           [&](std::ostream& out) { montecarlo::writeReportHtml(report, out); }, command,
                           reportPath)) {
    return kExitIo;
  }
  if (!dir->commitOrReport("merge")) return kExitIo;
  std::printf("scenario '%s', seed %llu: %llu replications from %zu shards\n", info.scenarioName.c_str(),
              static_cast<unsigned long long>(info.seed), static_cast<unsigned long long>(info.replications),
              shards.size());
  printMetricTable(stdout, summaries);
  std::printf("wrote %s, %s, %s\n", dir->finalPath("runs.csv").c_str(), summaryPath.c_str(),
              reportPath.c_str());
  return kExitOk;
}

}  // namespace

void setupMergeCommand(CLI::App& app) {
  auto o = std::make_shared<MergeOptions>();
  CLI::App* sub = app.add_subcommand("merge", "Combine the outputs of `mc --shard i/N` into one run's");
  sub->add_option("shards", o->shardDirs, "output directories of the shards, in any order")->required();
  sub->add_option("--out", o->outDir, "output directory (created if missing)")->required();
  sub->callback([o] {
    const int code = runMerge(*o);
    if (code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace irdrill::cli
