#include "sim/cli/sweep_output.hpp"

#include <algorithm>
#include <cmath>

#include "sim/cli/mc_output.hpp"
#include "sim/core/json_text.hpp"
#include "sim/montecarlo/run_statistics.hpp"
#include "sim/montecarlo/runs_csv.hpp"

namespace irdrill::cli {

using core::jsonNumber;
using core::jsonString;

namespace {

// The format tag of sweep.json; readers can refuse other layouts.
constexpr const char* kSweepFormat = "irdrill-sweep/2";

// Appended piece by piece: GCC 12 warns falsely (-Wrestrict, bug 105329) about
// "literal" + std::string.
std::string jsonPair(double low, double high) {
  std::string text = "[";
  text += jsonNumber(low);
  text += ", ";
  text += jsonNumber(high);
  return text += "]";
}

std::string shortKey(const std::string& key) {
  const auto dot = key.rfind('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

std::string percentText(double fraction) {
  if (std::isnan(fraction)) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", 100 * fraction);
  return buffer;
}

bool meets(const SweepSummary& summary, std::size_t index) {
  const sweep::PointResult& p = summary.points[index];
  return sweep::meetsConstraint({p.falseAlarmsPerPersonDay, p.detectionProbability, p.latencyMedianS},
                                summary.constraint);
}

std::string settingsText(const SweepSummary& summary, std::size_t index) {
  std::string text;
  for (const auto& [key, value] : pointSettings(summary, index)) {
    text += (text.empty() ? "" : ", ") + key + " = " + tableNumber(value);
  }
  return text;
}

}  // namespace

std::string setOptionsText(const SweepSummary& summary, std::size_t index) {
  std::string text;
  const auto digits = sweep::gridPointDigits(summary.axes, index);
  for (std::size_t k = 0; k < summary.axes.size(); ++k) {
    const auto& axis = summary.axes[k];
    const std::string value =
        digits[k] < axis.valueTexts.size() ? axis.valueTexts[digits[k]] : tableNumber(axis.values[digits[k]]);
    // Appended piece by piece (GCC 12 -Wrestrict false positive, bug 105329).
    if (!text.empty()) text += ' ';
    text += "--set ";
    text += shellWord(axis.key + "=" + value);
  }
  return text;
}

std::vector<std::string> edgeAxes(const SweepSummary& summary, std::size_t index) {
  std::vector<std::string> edges;
  const auto digits = sweep::gridPointDigits(summary.axes, index);
  for (std::size_t k = 0; k < summary.axes.size(); ++k) {
    const auto& axis = summary.axes[k];
    if (axis.values.size() < 2) continue;  // a single value is no range to be at the edge of
    const bool first = digits[k] == 0, last = digits[k] + 1 == axis.values.size();
    if (!first && !last) continue;
    edges.push_back(shortKey(axis.key) + " = " + tableNumber(axis.values[digits[k]]) +
                    (first ? " is the smallest value swept" : " is the largest value swept"));
  }
  return edges;
}

std::string currentSettingText(const SweepSummary& summary) {
  std::string text;
  for (std::size_t k = 0; k < summary.axes.size() && k < summary.current.size(); ++k) {
    text += (text.empty() ? "" : ", ") + shortKey(summary.axes[k].key) + " = " +
            (summary.current[k] ? tableNumber(*summary.current[k]) : std::string("(as in the scenario)"));
  }
  return text;
}

std::vector<std::pair<std::string, double>> pointSettings(const SweepSummary& summary, std::size_t index) {
  std::vector<std::pair<std::string, double>> settings;
  const auto digits = sweep::gridPointDigits(summary.axes, index);
  for (std::size_t k = 0; k < summary.axes.size(); ++k) {
    settings.emplace_back(summary.axes[k].key, summary.axes[k].values[digits[k]]);
  }
  return settings;
}

void writeSweepCsv(std::ostream& out, const SweepSummary& summary) {
  out << "point";
  for (const auto& axis : summary.axes) out << "," << axis.key;
  out << ",separations,detected,detection_probability_tagged,detection_ci95_low,detection_ci95_high,"
         "latency_median_s,latency_p90_s,false_alarms_per_person_day,false_alarms_ci95_low,"
         "false_alarms_ci95_high,time_to_item_back_mean_h,time_to_item_back_ci95_low_h,"
         "time_to_item_back_ci95_high_h,lost_fraction,pareto,meets_constraint,recommended\n";
  using montecarlo::csvNumber;
  for (std::size_t i = 0; i < summary.points.size(); ++i) {
    const sweep::PointResult& p = summary.points[i];
    out << i;
    for (const auto& setting : pointSettings(summary, i)) out << "," << csvNumber(setting.second);
    out << "," << p.separations << "," << p.detected << "," << csvNumber(p.detectionProbability) << ","
        << csvNumber(p.detectionCiLow) << "," << csvNumber(p.detectionCiHigh) << ","
        << csvNumber(p.latencyMedianS) << "," << csvNumber(p.latencyP90S) << ","
        << csvNumber(p.falseAlarmsPerPersonDay) << "," << csvNumber(p.falseAlarmsCiLow) << ","
        << csvNumber(p.falseAlarmsCiHigh) << "," << csvNumber(p.timeToContainMeanH) << ","
        << csvNumber(p.timeToContainCiLowH) << "," << csvNumber(p.timeToContainCiHighH) << ","
        << csvNumber(p.lostFraction) << "," << (summary.front[i] ? 1 : 0) << ","
        << (meets(summary, i) ? 1 : 0) << ","
        << (static_cast<int>(i) == summary.recommended ? 1 : 0) << "\n";
  }
}

void writeSweepJson(std::ostream& out, const SweepSummary& summary) {
  out << "{\n";
  out << "  \"format\": " << jsonString(kSweepFormat) << ",\n";
  out << "  \"scenario\": " << jsonString(summary.scenarioName) << ",\n";
  out << "  \"scenario_hash\": " << jsonString(summary.scenarioHash) << ",\n";
  out << "  \"overrides\": [";
  for (std::size_t i = 0; i < summary.overrides.size(); ++i) {
    out << (i ? ", " : "") << jsonString(summary.overrides[i]);
  }
  out << "],\n";
  out << "  \"command\": " << jsonString(summary.command) << ",\n";
  out << "  \"seed\": " << summary.seed << ",\n";
  out << "  \"replications_requested\": " << summary.requested << ",\n";
  out << "  \"replications\": " << summary.replications << ",\n";
  out << "  \"partial\": " << (summary.partial ? "true" : "false") << ",\n";
  out << "  \"mode\": " << jsonString(summary.traceMode ? "trace" : "full") << ",\n";
  out << "  \"axes\": [";
  for (std::size_t k = 0; k < summary.axes.size(); ++k) {
    const auto& axis = summary.axes[k];
    out << (k ? ",\n" : "\n") << "    {\"key\": " << jsonString(axis.key)
        << ", \"option\": " << jsonString("--grid " + axis.text) << ", \"values\": [";
    for (std::size_t v = 0; v < axis.values.size(); ++v) out << (v ? ", " : "") << jsonNumber(axis.values[v]);
    out << "]}";
  }
  out << (summary.axes.empty() ? "],\n" : "\n  ],\n");
  out << "  \"constraint\": {\"max_false_alarms_per_person_day\": "
      << jsonNumber(summary.constraint.maxFalseAlarmsPerPersonDay)
      << ", \"min_detection_probability\": "
      << (summary.constraint.minDetectionProbability ? jsonNumber(*summary.constraint.minDetectionProbability)
                                                     : std::string("null"))
      << ", \"text\": " << jsonString(sweep::constraintText(summary.constraint)) << "},\n";
  out << "  \"recommended_point\": "
      << (summary.recommended < 0 ? std::string("null") : std::to_string(summary.recommended)) << ",\n";
  out << "  \"recommended_set\": "
      << (summary.recommended < 0 ? std::string("null")
                                  : jsonString(setOptionsText(summary, static_cast<std::size_t>(summary.recommended))))
      << ",\n";
  out << "  \"recommended_on_edge\": [";
  if (summary.recommended >= 0) {
    const auto edges = edgeAxes(summary, static_cast<std::size_t>(summary.recommended));
    for (std::size_t k = 0; k < edges.size(); ++k) out << (k ? ", " : "") << jsonString(edges[k]);
  }
  out << "],\n";
  out << "  \"current_setting\": {";
  for (std::size_t k = 0; k < summary.axes.size() && k < summary.current.size(); ++k) {
    out << (k ? ", " : "") << jsonString(summary.axes[k].key) << ": "
        << (summary.current[k] ? jsonNumber(*summary.current[k]) : std::string("null"));
  }
  out << "},\n";
  out << "  \"points\": [";
  for (std::size_t i = 0; i < summary.points.size(); ++i) {
    const sweep::PointResult& p = summary.points[i];
    out << (i ? ",\n" : "\n") << "    {\"index\": " << i << ", \"settings\": {";
    const auto settings = pointSettings(summary, i);
    for (std::size_t k = 0; k < settings.size(); ++k) {
      out << (k ? ", " : "") << jsonString(settings[k].first) << ": " << jsonNumber(settings[k].second);
    }
    out << "},\n     \"separations\": " << p.separations << ", \"detected\": " << p.detected
        << ", \"detection_probability_tagged\": " << jsonNumber(p.detectionProbability)
        << ", \"detection_ci95\": " << jsonPair(p.detectionCiLow, p.detectionCiHigh)
        << ",\n     \"latency_median_s\": " << jsonNumber(p.latencyMedianS)
        << ", \"latency_p90_s\": " << jsonNumber(p.latencyP90S)
        << ",\n     \"false_alarms_per_person_day\": " << jsonNumber(p.falseAlarmsPerPersonDay)
        << ", \"false_alarms_ci95\": " << jsonPair(p.falseAlarmsCiLow, p.falseAlarmsCiHigh)
        << ",\n     \"time_to_item_back_mean_h\": " << jsonNumber(p.timeToContainMeanH)
        << ", \"time_to_item_back_ci95_h\": " << jsonPair(p.timeToContainCiLowH, p.timeToContainCiHighH)
        << ", \"lost_fraction\": " << jsonNumber(p.lostFraction)
        << ",\n     \"pareto\": " << (summary.front[i] ? "true" : "false")
        << ", \"meets_constraint\": " << (meets(summary, i) ? "true" : "false")
        << ", \"recommended\": " << (static_cast<int>(i) == summary.recommended ? "true" : "false") << "}";
  }
  out << (summary.points.empty() ? "]\n" : "\n  ]\n") << "}\n";
}

montecarlo::ReportData makeSweepReport(const SweepSummary& summary,
                                       const sweep::SweepStatistics& statistics) {
  montecarlo::ReportData data;
  data.title = summary.scenarioName + ": sweep of " + std::to_string(summary.points.size()) +
               " settings, " + std::to_string(summary.replications) + " replications";
  data.scenarioName = summary.scenarioName;
  data.command = summary.command;
  data.masterSeed = summary.seed;
  data.replications = summary.replications;
  data.partial = summary.partial;
  for (const auto& axis : summary.axes) data.sweepAxes.emplace_back(axis.key, axis.values);
  for (std::size_t i = 0; i < summary.points.size(); ++i) {
    const sweep::PointResult& p = summary.points[i];
    montecarlo::SweepPoint point;
    point.settings = pointSettings(summary, i);
    point.detectionProbability = p.detectionProbability;
    point.medianLatencyS = p.latencyMedianS;
    point.p90LatencyS = p.latencyP90S;
    point.falseAlarmsPerPersonDay = p.falseAlarmsPerPersonDay;
    point.timeToContainMeanH = p.timeToContainMeanH;
    point.onParetoFront = summary.front[i];
    data.sweepPoints.push_back(std::move(point));
  }
  data.recommendedPoint = summary.recommended;
  data.constraintText = sweep::constraintText(summary.constraint);
  data.currentSetting = currentSettingText(summary);
  for (std::size_t i = 0; i < summary.points.size(); ++i) data.sweepPoints[i].meetsConstraint = meets(summary, i);
  for (std::size_t k = 0; k < summary.axes.size() && k < summary.current.size(); ++k) {
    data.sweepCurrent.push_back(summary.current[k]);
  }
  // The summary table and the distributions describe the recommended setting.
  if (summary.recommended >= 0) {
    const auto r = static_cast<std::size_t>(summary.recommended);
    const std::string at = " At the recommended setting (" + settingsText(summary, r) + ").";
    // n: detected separations, replications and separations in turn (countOf says which).
    data.metrics.push_back(montecarlo::summarise(
        {"detection_latency_s", "s", "Time from a separation of a tagged item to the first true phone alert, per detected separation." + at,
         montecarlo::MetricKind::Duration, montecarlo::Better::Lower},
        statistics.latencies(r)));
    data.metrics.back().countOf = "detected separations";
    data.metrics.push_back(montecarlo::summarise(
        {"false_alarms_per_person_day", "per person-day", "Phone alerts while the item was with its owner, per person, per replication." + at,
         montecarlo::MetricKind::Amount, montecarlo::Better::Lower},
        statistics.falseAlarms(r)));
    data.metrics.push_back(montecarlo::summarise(
        {"time_to_item_back_h", "h",
         std::string(summary.traceMode ? "Expected time" : "Time") +
             " from a separation until the owner has the item again, censored at the end of the day (not an "
             "incident's time to contain)." + at,
         montecarlo::MetricKind::Duration, montecarlo::Better::Lower},
        statistics.containment(r)));
    data.metrics.back().countOf = "separations";
    const auto rIndex = static_cast<std::size_t>(summary.recommended);
    data.recommendedSet = setOptionsText(summary, rIndex);
    for (const auto& edge : edgeAxes(summary, rIndex)) {
      data.warnings.push_back("The recommended setting is on the edge of the grid: " + edge +
                              ". The best setting may lie outside the grid; extend it on that axis and sweep again.");
    }
  }
  return data;
}

void printSweepTable(std::FILE* out, const SweepSummary& summary) {
  constexpr std::size_t kAllRowsUpTo = 40;
  const bool all = summary.points.size() <= kAllRowsUpTo;
  if (!all) {
    std::fprintf(out, "%zu grid points; the Pareto front (every point: sweep.csv):\n", summary.points.size());
  }
  // Axis columns as wide as their (short) names.
  std::vector<int> widths;
  for (const auto& axis : summary.axes) widths.push_back(std::max(8, static_cast<int>(shortKey(axis.key).size())));
  std::fprintf(out, "  %5s", "#");
  for (std::size_t k = 0; k < summary.axes.size(); ++k) {
    std::fprintf(out, " %*s", widths[k], shortKey(summary.axes[k].key).c_str());
  }
  std::fprintf(out, " %6s %22s %8s %8s %8s %19s %7s  %s\n", "sep", "detection [95% CI]", "lat50 s",
               "lat90 s", "FA/p-d", "FA 95% CI", "back h", "");
  std::size_t shown = 0, notShown = 0;
  for (std::size_t i = 0; i < summary.points.size(); ++i) {
    const bool recommended = static_cast<int>(i) == summary.recommended;
    if (!all && !summary.front[i] && !recommended) continue;
    // Ties can put many points on the front; the recommended one is always shown.
    if (!all && shown >= kAllRowsUpTo && !recommended) {
      ++notShown;
      continue;
    }
    ++shown;
    const sweep::PointResult& p = summary.points[i];
    std::fprintf(out, "  %5zu", i);
    const auto settings = pointSettings(summary, i);
    for (std::size_t k = 0; k < settings.size(); ++k) {
      std::fprintf(out, " %*s", widths[k], tableNumber(settings[k].second).c_str());
    }
    const std::string detection = percentText(p.detectionProbability) + " [" +
                                  percentText(p.detectionCiLow) + ", " + percentText(p.detectionCiHigh) + "]";
    std::string ci = "[";
    ci += tableNumber(p.falseAlarmsCiLow);
    ci += ", ";
    ci += tableNumber(p.falseAlarmsCiHigh);
    ci += "]";
    std::fprintf(out, " %6llu %22s %8s %8s %8s %19s %7s  %s\n",
                 static_cast<unsigned long long>(p.separations), detection.c_str(),
                 tableNumber(p.latencyMedianS).c_str(), tableNumber(p.latencyP90S).c_str(),
                 tableNumber(p.falseAlarmsPerPersonDay).c_str(), ci.c_str(),
                 tableNumber(p.timeToContainMeanH).c_str(),
                 recommended ? (summary.front[i] ? "front, <- recommended" : "<- recommended")
                             : (summary.front[i] ? "front" : ""));
  }
  if (notShown > 0) std::fprintf(out, "  ... and %zu more points on the front (sweep.csv)\n", notShown);
  const std::string constraint = sweep::constraintText(summary.constraint);
  if (summary.recommended < 0) {
    std::fprintf(out, "no recommended setting: no grid point meets the constraint (%s)\n", constraint.c_str());
    return;
  }
  const auto r = static_cast<std::size_t>(summary.recommended);
  const sweep::PointResult& p = summary.points[r];
  std::fprintf(out, "recommended (%s): %s\n", constraint.c_str(), settingsText(summary, r).c_str());
  std::fprintf(out, "  detection %s [%s, %s], latency median %s s (p90 %s s), %s false alarms per person-day, "
               "owner has the item back after %s h (mean)\n",
               percentText(p.detectionProbability).c_str(), percentText(p.detectionCiLow).c_str(),
               percentText(p.detectionCiHigh).c_str(), tableNumber(p.latencyMedianS).c_str(),
               tableNumber(p.latencyP90S).c_str(), tableNumber(p.falseAlarmsPerPersonDay).c_str(),
               tableNumber(p.timeToContainMeanH).c_str());
  std::fprintf(out, "  as options: %s\n", setOptionsText(summary, r).c_str());
  const std::string current = currentSettingText(summary);
  if (!current.empty()) std::fprintf(out, "  the scenario's own setting: %s\n", current.c_str());
  for (const auto& edge : edgeAxes(summary, r)) {
    std::fprintf(out, "  warning: the recommendation is on the edge of the grid (%s): the best setting may lie "
                      "outside it; extend that axis and sweep again\n", edge.c_str());
  }
  std::fprintf(out, "  (#: the grid point's number, the same in sweep.csv, sweep.json and the report; sep: separations "
                    "of tagged items; detection: of those; back h: mean hours until the owner has the item back)\n");
}

}  // namespace irdrill::cli
