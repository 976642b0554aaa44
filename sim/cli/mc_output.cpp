#include "sim/cli/mc_output.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "sim/cli/atomic_file.hpp"
#include "sim/core/input_file.hpp"
#include "sim/core/json_text.hpp"
#include "sim/montecarlo/report_html.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace irdrill::cli {

using core::jsonNumber;
using core::jsonString;

namespace {

// The format tag of summary.json; readers refuse others, so a future change of the
// layout cannot be merged with this one by mistake.
constexpr const char* kSummaryFormat = "irdrill-mc-summary/1";

std::string jsonStringList(const std::vector<std::string>& items) {
  std::string text = "[";
  for (std::size_t i = 0; i < items.size(); ++i) text += (i ? ", " : "") + jsonString(items[i]);
  return text + "]";
}

}  // namespace

std::optional<std::vector<scenario::Override>> parseOverrideOptions(
    const std::vector<std::string>& texts, const std::string& command) {
  std::vector<scenario::Override> overrides;
  bool ok = true;
  for (const auto& text : texts) {
    std::string error;
    if (const auto o = scenario::parseOverride(text, error)) {
      overrides.push_back(*o);
    } else {
      std::fprintf(stderr, "irdrill %s: error: --set %s: %s\n", command.c_str(), text.c_str(), error.c_str());
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return overrides;
}

std::optional<scenario::ScenarioDef> loadScenarioWithOverrides(
    const std::string& path, const std::vector<scenario::Override>& overrides) {
  scenario::LoadResult loaded = scenario::loadScenarioFile(path, nullptr, overrides);
  for (const auto& d : loaded.diagnostics.items()) {
    std::fprintf(stderr, "%s\n", core::formatDiagnostic(d).c_str());
  }
  if (!loaded.scenario || loaded.diagnostics.hasErrors()) return std::nullopt;
  return std::move(*loaded.scenario);
}

void writeSummaryJson(std::ostream& out, const SummaryInfo& info,
                      const std::vector<montecarlo::MetricSummary>& metrics) {
  out << "{\n";
  out << "  \"format\": " << jsonString(kSummaryFormat) << ",\n";
  out << "  \"scenario\": " << jsonString(info.scenarioName) << ",\n";
  out << "  \"scenario_hash\": " << jsonString(info.scenarioHash) << ",\n";
  out << "  \"overrides\": " << jsonStringList(info.overrides) << ",\n";
  out << "  \"seed\": " << info.seed << ",\n";
  out << "  \"replications_requested\": " << info.requested << ",\n";
  out << "  \"first_replication\": " << info.firstReplication << ",\n";
  out << "  \"replications\": " << info.replications << ",\n";
  out << "  \"partial\": " << (info.partial ? "true" : "false") << ",\n";
  if (info.shard) {
    out << "  \"shard\": {\"index\": " << info.shard->first << ", \"count\": " << info.shard->second
        << "},\n";
  } else {
    out << "  \"shard\": null,\n";
  }
  out << "  \"score_terms\": " << jsonStringList(info.scoreTerms) << ",\n";
  out << "  \"metrics\": [";
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    const auto& m = metrics[i];
    out << (i ? ",\n" : "\n") << "    {\n";
    out << "      \"name\": " << jsonString(m.name) << ",\n";
    out << "      \"unit\": " << jsonString(m.unit) << ",\n";
    out << "      \"description\": " << jsonString(m.description) << ",\n";
    out << "      \"count\": " << m.count << ",\n";
    out << "      \"mean\": " << jsonNumber(m.mean) << ",\n";
    out << "      \"sd\": " << jsonNumber(m.sd) << ",\n";
    out << "      \"min\": " << jsonNumber(m.min) << ",\n";
    out << "      \"max\": " << jsonNumber(m.max) << ",\n";
    out << "      \"median\": " << jsonNumber(m.median) << ",\n";
    out << "      \"p90\": " << jsonNumber(m.p90) << ",\n";
    out << "      \"p95\": " << jsonNumber(m.p95) << ",\n";
    out << "      \"ci95_low\": " << jsonNumber(m.ciLow) << ",\n";
    out << "      \"ci95_high\": " << jsonNumber(m.ciHigh) << ",\n";
    out << "      \"cdf\": [";
    for (std::size_t k = 0; k < m.cdf.size(); ++k) {
      out << (k ? ", " : "") << "[" << jsonNumber(m.cdf[k].first) << ", "
          << jsonNumber(m.cdf[k].second) << "]";
    }
    out << "]\n    }";
  }
  out << (metrics.empty() ? "]\n" : "\n  ]\n") << "}\n";
}

std::optional<SummaryInfo> readSummaryJson(const std::string& path, std::string& error) {
  YAML::Node root;
  std::string problem;
  const auto text = core::readInputFile(path, core::kSummaryFileMaxBytes, "a summary.json", problem);
  if (!text) {
    error = "cannot read the file: " + problem;
    return std::nullopt;
  }
  try {
    root = YAML::Load(*text);
  } catch (const YAML::Exception& e) {
    error = std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
            ": not valid JSON: " + e.msg;
    return std::nullopt;
  }
  try {
    if (!root.IsMap() || !root["format"] || root["format"].as<std::string>() != kSummaryFormat) {
      error = std::string("not a Monte Carlo summary (expected \"format\": \"") + kSummaryFormat + "\")";
      return std::nullopt;
    }
    SummaryInfo info;
    info.scenarioName = root["scenario"].as<std::string>();
    info.scenarioHash = root["scenario_hash"].as<std::string>();
    for (const auto& o : root["overrides"]) info.overrides.push_back(o.as<std::string>());
    info.seed = root["seed"].as<std::uint64_t>();
    info.requested = root["replications_requested"].as<std::uint64_t>();
    info.firstReplication = root["first_replication"].as<std::uint64_t>();
    info.replications = root["replications"].as<std::uint64_t>();
    info.partial = root["partial"].as<bool>();
    if (root["shard"] && !root["shard"].IsNull()) {
      info.shard.emplace(root["shard"]["index"].as<std::uint64_t>(),
                         root["shard"]["count"].as<std::uint64_t>());
    }
    for (const auto& term : root["score_terms"]) info.scoreTerms.push_back(term.as<std::string>());
    for (const auto& m : root["metrics"]) {
      info.metrics.push_back({m["name"].as<std::string>(), m["unit"].as<std::string>(),
                              m["description"].as<std::string>()});
    }
    return info;
  } catch (const YAML::Exception& e) {
    error = "a field is missing or has the wrong type (" + e.msg + ")";
    return std::nullopt;
  }
}

montecarlo::ReportData makeRunReport(const SummaryInfo& info,
                                     std::vector<montecarlo::MetricSummary> metrics,
                                     std::string command) {
  montecarlo::ReportData data;
  data.title = info.scenarioName + ": " + std::to_string(info.replications) + " replications";
  if (info.shard) {
    data.title += " (shard " + std::to_string(info.shard->first) + "/" +
                  std::to_string(info.shard->second) + ")";
  }
  data.scenarioName = info.scenarioName;
  data.command = std::move(command);
  data.masterSeed = info.seed;
  data.replications = info.replications;
  data.partial = info.partial;
  for (const auto& term : info.scoreTerms) {
    for (const auto& m : metrics) {
      if (m.name == term) data.scoreBreakdown.push_back({term, m.mean});
    }
  }
  data.metrics = std::move(metrics);
  return data;
}

const std::vector<std::string> kRunOutputFiles = {"runs.csv", "summary.json", "report.html"};
const std::vector<std::string> kCompareOutputFiles = {"compare.json", "report.html"};
const std::vector<std::string> kSweepOutputFiles = {"sweep.csv", "sweep.json", "report.html"};

bool writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                         const std::string& command, const std::string& shownPath) {
  try {
    AtomicFile file(path, shownPath);
    write(file.stream());
    file.commit();
    return true;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "irdrill %s: error: %s\n", command.c_str(), e.what());
    return false;
  }
}

std::string tableNumber(double value) {
  if (std::isnan(value)) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  return buffer;
}

void printMetricTable(std::FILE* out, const std::vector<montecarlo::MetricSummary>& metrics) {
  std::fprintf(out, "  %-30s %7s %10s %23s %10s %10s %10s %10s\n", "metric", "n", "mean",
               "95% CI of the mean", "sd", "median", "p90", "p95");
  for (const auto& m : metrics) {
    // (Appended, not "[" + ...: GCC 12 warns falsely on "literal" + std::string&&.)
    std::string ci = "[";
    ci += tableNumber(m.ciLow) + ", " + tableNumber(m.ciHigh) + "]";
    std::fprintf(out, "  %-30s %7llu %10s %23s %10s %10s %10s %10s\n", m.name.c_str(),
                 static_cast<unsigned long long>(m.count), tableNumber(m.mean).c_str(), ci.c_str(),
                 tableNumber(m.sd).c_str(), tableNumber(m.median).c_str(),
                 tableNumber(m.p90).c_str(), tableNumber(m.p95).c_str());
  }
}

std::string shellWord(const std::string& word) {
  const bool plain = !word.empty() && word.find_first_not_of(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%") == std::string::npos;
  if (plain) return word;
  std::string quoted = "'";
  for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace irdrill::cli
