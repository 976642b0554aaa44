// The Monte Carlo report as one self-contained HTML file (docs/reports.md): inline CSS and
// inline SVG charts, no script, no external reference of any kind, so it opens in any
// browser, offline, and prints to PDF as it looks on screen.
//
// Sections, each present when the data has it: header (title, scenario, seed,
// replications, command, a PARTIAL banner); summary table of every metric; time-to-contain
// histogram; detection and containment CDFs; score breakdown; compare (forest plot of
// B - A and a table); sweep (Pareto/ROC scatter with the front and the recommended setting,
// heat maps over the first two axes, a table of grid points). Charts without usable data
// say so in a short note instead.
#pragma once

#include <ostream>

#include "sim/montecarlo/report_data.hpp"

namespace irdrill::montecarlo {

// Writes the whole HTML document for `data` to `out` (UTF-8). All text from the data is
// escaped. The stream's state is the caller's to check.
void writeReportHtml(const ReportData& data, std::ostream& out);

}  // namespace irdrill::montecarlo
