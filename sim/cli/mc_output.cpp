#include "sim/cli/mc_output.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "sim/cli/atomic_file.hpp"
#include "sim/core/input_file.hpp"
#include "sim/core/json_text.hpp"
#include "sim/montecarlo/intervals.hpp"
#include "sim/montecarlo/report_html.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace irdrill::cli {

using core::jsonNumber;
using core::jsonString;

namespace {

// The format tag of summary.json; readers refuse others, so a future change of the
// layout cannot be merged with this one by mistake.
constexpr const char* kSummaryFormat = "irdrill-mc-summary/2";

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
  out << "  \"scenario_file\": " << jsonString(info.scenarioFile) << ",\n";
  out << "  \"command\": " << jsonString(info.command) << ",\n";
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
    out << "      \"kind\": " << jsonString(std::string(montecarlo::kindName(m.kind))) << ",\n";
    out << "      \"better\": " << jsonString(std::string(montecarlo::betterName(m.better))) << ",\n";
    out << "      \"censored_by\": " << (m.censoredBy.empty() ? std::string("null") : jsonString(m.censoredBy))
        << ",\n";
    out << "      \"count\": " << m.count << ",\n";
    out << "      \"small_sample\": " << (m.count < montecarlo::kMinReplicationsForInterval ? "true" : "false")
        << ",\n";
    out << "      \"mean\": " << jsonNumber(m.mean) << ",\n";
    out << "      \"sd\": " << jsonNumber(m.sd) << ",\n";
    out << "      \"min\": " << jsonNumber(m.min) << ",\n";
    out << "      \"max\": " << jsonNumber(m.max) << ",\n";
    out << "      \"median\": " << jsonNumber(m.median) << ",\n";
    out << "      \"p90\": " << jsonNumber(m.p90) << ",\n";
    out << "      \"p95\": " << jsonNumber(m.p95) << ",\n";
    out << "      \"ci95_low\": " << jsonNumber(m.ciLow) << ",\n";
    out << "      \"ci95_high\": " << jsonNumber(m.ciHigh) << ",\n";
    out << "      \"interval\": " << jsonString(std::string(montecarlo::methodName(m.intervalMethod))) << ",\n";
    if (!m.censoredBy.empty()) {
      out << "      \"censored\": " << m.censored << ",\n";
      out << "      \"censored_share\": " << jsonNumber(m.count == 0 ? std::nan("") : double(m.censored) / double(m.count))
          << ",\n";
      out << "      \"survival\": [";
      for (std::size_t k = 0; k < m.survival.size(); ++k) {
        const auto& p = m.survival[k];
        out << (k ? ", " : "") << "[" << jsonNumber(p.time) << ", " << jsonNumber(p.survival) << ", " << p.events
            << ", " << p.censored << "]";
      }
      out << "],\n";
    }
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
    if (root["scenario_file"]) info.scenarioFile = root["scenario_file"].as<std::string>();
    if (root["command"]) info.command = root["command"].as<std::string>();
    for (const auto& m : root["metrics"]) {
      montecarlo::MetricDef def{m["name"].as<std::string>(), m["unit"].as<std::string>(),
                                m["description"].as<std::string>()};
      const auto kind = montecarlo::parseKind(m["kind"].as<std::string>());
      const auto better = montecarlo::parseBetter(m["better"].as<std::string>());
      if (!kind || !better) {
        error = "metric '" + def.name + "' has an unknown \"kind\" or \"better\"";
        return std::nullopt;
      }
      def.kind = *kind;
      def.better = *better;
      if (m["censored_by"] && !m["censored_by"].IsNull()) def.censoredBy = m["censored_by"].as<std::string>();
      info.metrics.push_back(std::move(def));
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
const std::vector<std::string> kCompareOutputFiles = {"compare.json", "pairs.csv", "report.html"};
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
  if (value == 0) value = 0;  // never "-0"
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  return buffer;
}

void printMetricTable(std::FILE* out, const std::vector<montecarlo::MetricSummary>& metrics) {
  const auto shortMethod = [](montecarlo::IntervalMethod method) {
    switch (method) {
      case montecarlo::IntervalMethod::Wilson: return "Wilson";
      case montecarlo::IntervalMethod::PoissonExact: return "Poisson";
      case montecarlo::IntervalMethod::BootstrapPercentile: return "bootstrap";
      case montecarlo::IntervalMethod::StudentT: return "t";
      case montecarlo::IntervalMethod::None: break;
    }
    return "-";
  };
  int nameWidth = 30;
  for (const auto& m : metrics) nameWidth = std::max(nameWidth, static_cast<int>(m.name.size()));
  std::fprintf(out, "  %-*s %7s %10s %23s %-9s %10s %11s %10s %10s %9s\n", nameWidth, "metric", "n", "mean",
               "95% CI of the mean", "interval", "sd", "median", "p90", "p95", "censored");
  bool small = false, tails = false, censored = false, notReached = false;
  for (const auto& m : metrics) {
    // (Appended, not "[" + ...: GCC 12 warns falsely on "literal" + std::string&&.)
    std::string ci = "[";
    ci += tableNumber(m.ciLow) + ", " + tableNumber(m.ciHigh) + "]";
    const bool isCensored = !m.censoredBy.empty();
    const auto quantile = [&](double value) {
      if (!std::isnan(value) || m.count == 0) return tableNumber(value);
      if (isCensored && (m.count >= montecarlo::kMinReplicationsForTailQuantiles || &value == &m.median)) {
        notReached = true;
        return std::string("not reached");
      }
      return tableNumber(value);
    };
    std::string censoredText = "";
    if (isCensored) {
      censoredText = std::to_string(m.censored) + "/" + std::to_string(m.count);
      censored = true;
    }
    small = small || (m.count > 0 && m.count < montecarlo::kMinReplicationsForInterval);
    tails = tails || (m.count > 0 && m.count < montecarlo::kMinReplicationsForTailQuantiles);
    std::fprintf(out, "  %-*s %7llu %10s %23s %-9s %10s %11s %10s %10s %9s\n", nameWidth, m.name.c_str(),
                 static_cast<unsigned long long>(m.count), tableNumber(m.mean).c_str(), ci.c_str(),
                 shortMethod(m.intervalMethod), tableNumber(m.sd).c_str(), quantile(m.median).c_str(),
                 quantile(m.p90).c_str(), quantile(m.p95).c_str(), censoredText.c_str());
  }
  std::fprintf(out, "  n: replications where the metric applies. interval: Wilson (proportions), exact Poisson "
                    "(counts), bootstrap percentile (times, amounts, overdispersed counts), t (signed).\n");
  if (small) {
    std::fprintf(out, "  warning: fewer than %llu replications: the intervals are rough; run more.\n",
                 static_cast<unsigned long long>(montecarlo::kMinReplicationsForInterval));
  }
  if (tails) {
    std::fprintf(out, "  p90 and p95 need at least %llu replications: shown as - below that.\n",
                 static_cast<unsigned long long>(montecarlo::kMinReplicationsForTailQuantiles));
  }
  if (censored) {
    std::fprintf(out, "  censored: replications with an incident still open at the end (the time counts to the "
                      "end, so the mean is a lower bound); median and percentiles from the Kaplan-Meier curve%s.\n",
                 notReached ? ", \"not reached\" where it stays above that level" : "");
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
