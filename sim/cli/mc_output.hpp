// What `irdrill mc`, `compare` and `merge` share: loading a scenario with --set
// overrides, the scenario hash, summary.json (written and read back), the report file and
// the metric table on stdout. File formats: docs/montecarlo.md.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "sim/montecarlo/replication_model.hpp"
#include "sim/montecarlo/report_data.hpp"
#include "sim/scenario/overrides.hpp"
#include "sim/scenario/scenario_def.hpp"

namespace irdrill::cli {

// The --set texts as overrides; prints "irdrill CMD: error: --set TEXT: ..." for each bad
// one and returns nullopt if any was bad.
std::optional<std::vector<scenario::Override>> parseOverrideOptions(
    const std::vector<std::string>& texts, const std::string& command);

// Loads a scenario with overrides, printing every diagnostic; nullopt when it has errors.
std::optional<scenario::ScenarioDef> loadScenarioWithOverrides(
    const std::string& path, const std::vector<scenario::Override>& overrides);

// The header of summary.json (see docs/montecarlo.md) and, read back, its metrics.
struct SummaryInfo {
  std::string scenarioName;
  std::string scenarioFile;  // the path given on the command line
  std::string command;       // the command line that wrote the file
  std::string scenarioHash;
  std::vector<std::string> overrides;    // "PATH=VALUE", in the order given
  std::uint64_t seed = 0;
  std::uint64_t requested = 0;           // replications of the whole run (every shard)
  std::uint64_t firstReplication = 0;
  std::uint64_t replications = 0;        // rows of runs.csv
  bool partial = false;
  std::optional<std::pair<std::uint64_t, std::uint64_t>> shard;  // (index, count)
  std::vector<std::string> scoreTerms;
  std::vector<montecarlo::MetricDef> metrics;  // filled by readSummaryJson only
};

void writeSummaryJson(std::ostream& out, const SummaryInfo& info,
                      const std::vector<montecarlo::MetricSummary>& metrics);
// Reads the header fields and metric definitions back; nullopt with `error` set on a file
// that is not a summary.json of this format.
std::optional<SummaryInfo> readSummaryJson(const std::string& path, std::string& error);

// Report data of a run (mc, merge): title, metrics and the score breakdown.
montecarlo::ReportData makeRunReport(const SummaryInfo& info,
                                     std::vector<montecarlo::MetricSummary> metrics,
                                     std::string command);

// Writes `path` through a temporary file renamed when complete (atomic_file.hpp); on
// failure prints "irdrill CMD: error: cannot write 'SHOWN': REASON" and returns false (the
// previous file, if any, is untouched). `shownPath` names the file in messages (default:
// `path`), e.g. the final path of a file staged in an OutputDirectory.
bool writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                         const std::string& command, const std::string& shownPath = "");

// The files each command writes into its --out directory (output_directory.hpp).
extern const std::vector<std::string> kRunOutputFiles;      // mc, merge
extern const std::vector<std::string> kCompareOutputFiles;  // compare
extern const std::vector<std::string> kSweepOutputFiles;    // sweep

// One line per metric: count, mean with its 95% CI, sd, median, p90, p95.
void printMetricTable(std::FILE* out, const std::vector<montecarlo::MetricSummary>& metrics);

// A word of a command line as a shell reads it back ('a b' quoted, plain words as is).
std::string shellWord(const std::string& word);

// A number in a table: 4 significant digits; "-" for NaN (does not apply, or too few
// values for a figure).
std::string tableNumber(double value);

}  // namespace irdrill::cli
