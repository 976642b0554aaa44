// What `irdrill sweep` writes: sweep.csv (one row per grid point), sweep.json (axes,
// points, Pareto flags, the constraint and the recommendation), the report's data, and
// the table on stdout. Formats: docs/sweeps.md.
#pragma once

#include <cstdint>
#include <cstdio>
#include <ostream>
#include <optional>
#include <string>
#include <vector>

#include "sim/montecarlo/report_data.hpp"
#include "sim/sweep/grid.hpp"
#include "sim/sweep/pareto.hpp"
#include "sim/sweep/sweep_statistics.hpp"

namespace irdrill::cli {

struct SweepSummary {
  std::string scenarioName;
  std::string scenarioHash;
  std::vector<std::string> overrides;  // "PATH=VALUE"
  std::string command;                 // the command line, for reproducibility
  std::uint64_t seed = 0;
  std::uint64_t requested = 0;
  std::uint64_t replications = 0;  // completed
  bool partial = false;
  bool traceMode = true;
  std::vector<sweep::GridAxis> axes;
  sweep::Constraint constraint;
  std::vector<sweep::PointResult> points;  // row-major over the axes
  std::vector<bool> front;
  int recommended = -1;
  // The scenario's own value of each axis (with --set applied), where the sweep can read
  // it (the phone rule's keys); nullopt otherwise.
  std::vector<std::optional<double>> current;
};

// "--set alerts.phone.hold_s=40 --set ..." for point `index`: ready to paste.
std::string setOptionsText(const SweepSummary& summary, std::size_t index);
// The axes on which point `index` sits at the first or last value (the best setting may
// lie beyond the grid there): "hold_s = 40 is the largest value swept" each.
std::vector<std::string> edgeAxes(const SweepSummary& summary, std::size_t index);
// "hold_s = 10, rssi_threshold_dbm = -85" (the scenario's own setting), "" when unknown.
std::string currentSettingText(const SweepSummary& summary);

// The settings of point `index` as (key, value) pairs in axis order.
std::vector<std::pair<std::string, double>> pointSettings(const SweepSummary& summary, std::size_t index);

void writeSweepCsv(std::ostream& out, const SweepSummary& summary);
void writeSweepJson(std::ostream& out, const SweepSummary& summary);
// The report: the sweep section, and the recommended point's distributions as metrics.
montecarlo::ReportData makeSweepReport(const SweepSummary& summary, const sweep::SweepStatistics& statistics);
// The table (every point, or the Pareto front of a large grid) and the recommendation.
void printSweepTable(std::FILE* out, const SweepSummary& summary);

}  // namespace irdrill::cli
