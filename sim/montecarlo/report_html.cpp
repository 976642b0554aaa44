#include "sim/montecarlo/report_html.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/montecarlo/run_statistics.hpp"
#include "sim/montecarlo/svg_plot.hpp"

namespace irdrill::montecarlo {

namespace {

using svg::escape;
using svg::formatNumber;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::string_view kMinus = "\xE2\x88\x92";  // U+2212 MINUS SIGN, for headings
constexpr std::string_view kDash = "\xE2\x80\x93";   // U+2013 EN DASH, for ranges
constexpr std::string_view kLessEqual = "\xE2\x89\xA4";

std::string num(double value) { return formatNumber(value, 3); }

std::string signedNum(double value) {
  const std::string text = num(value);
  return value > 0 && std::isfinite(value) ? "+" + text : text;
}

std::string percent(double fraction) {
  return std::isfinite(fraction) ? num(fraction * 100) + "%" : "n/a";
}

std::string withUnit(const std::string& text, std::string_view unit) {
  if (unit.empty() || text == "n/a") return text;
  return text + " " + std::string(unit);
}

std::string range(double lo, double hi) {
  return num(lo) + " " + std::string(kDash) + " " + num(hi);
}

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string note(std::string_view html) {
  return "<p class=\"nodata\">" + std::string(html) + "</p>\n";
}

std::string figure(const std::string& svgText, const std::string& captionHtml) {
  return "<figure>" + svgText + "<figcaption>" + captionHtml + "</figcaption></figure>\n";
}

std::string code(std::string_view text) { return "<code>" + escape(text) + "</code>"; }

// Text on a translucent white backing, readable over grid lines, bars and markers. (A
// stroked halo would do too, but PDF printers then emit the text twice, which garbles
// copied and extracted text.)
std::string backedText(double x, double y, std::string_view content, std::string_view anchor,
                       std::string_view extra = {}, double fontSize = 12) {
  const double width = svg::textWidth(content, fontSize) + 4;
  const double left = anchor == "end" ? x - width + 2 : anchor == "middle" ? x - width / 2 : x - 2;
  std::string out = "<rect x=\"" + svg::coord(left) + "\" y=\"" + svg::coord(y - fontSize * 0.9) +
                    "\" width=\"" + svg::coord(width) + "\" height=\"" +
                    svg::coord(fontSize * 1.2) +
                    "\" rx=\"2\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>";
  out += "<text x=\"" + svg::coord(x) + "\" y=\"" + svg::coord(y) + "\" text-anchor=\"" +
         std::string(anchor) + "\"";
  if (fontSize != 12) out += " font-size=\"" + svg::coord(fontSize) + "\"";
  return out + std::string(extra) + ">" + escape(content) + "</text>";
}

// Shortens a label to about `maxWidth` pixels at 12 px, ending it with an ellipsis.
std::string fitLabel(const std::string& label, double maxWidth) {
  if (svg::textWidth(label, 12) <= maxWidth) return label;
  std::string text = label;
  while (!text.empty() && svg::textWidth(text + "...", 12) > maxWidth) {
    text.pop_back();
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
      text.pop_back();  // never cut a UTF-8 sequence in half
    }
    if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.pop_back();
  }
  return text + "\xE2\x80\xA6";
}

// The points of a CDF with finite coordinates, in order.
std::vector<std::pair<double, double>> finitePoints(
    const std::vector<std::pair<double, double>>& cdf) {
  std::vector<std::pair<double, double>> points;
  for (const auto& point : cdf) {
    if (std::isfinite(point.first) && std::isfinite(point.second)) points.push_back(point);
  }
  return points;
}

// Seconds per unit for the time units metrics use; nullopt for other units.
std::optional<double> secondsPer(std::string_view unit) {
  if (unit == "ms") return 0.001;
  if (unit == "s" || unit == "sec") return 1.0;
  if (unit == "min") return 60.0;
  if (unit == "h") return 3600.0;
  if (unit == "d" || unit == "day" || unit == "days") return 86400.0;
  return std::nullopt;
}

// ---------------------------------------------------------------------------- header

std::string reportTitle(const ReportData& data) {
  return data.title.empty() ? std::string("irdrill Monte Carlo report") : data.title;
}

std::string headerHtml(const ReportData& data) {
  std::string html = "<header>\n<h1>" + escape(reportTitle(data)) + "</h1>\n";
  if (data.partial) {
    html += "<p class=\"partial\" role=\"alert\">PARTIAL: stopped after " +
            std::to_string(data.replications) +
            " replications. Every figure below covers those replications only.</p>\n";
  }
  html += "<dl class=\"facts\">";
  html += "<dt>Scenario</dt><dd>" +
          (data.scenarioName.empty() ? std::string("(unnamed)") : escape(data.scenarioName)) +
          "</dd>";
  html += "<dt>Master seed</dt><dd>" + std::to_string(data.masterSeed) + "</dd>";
  html += "<dt>Replications</dt><dd>" + std::to_string(data.replications) +
          (data.partial ? " (partial run)" : "") + "</dd>";
  if (!data.command.empty()) {
    html += "<dt>Command</dt><dd><code class=\"command\">" + escape(data.command) + "</code></dd>";
  }
  if (!data.labelA.empty() || !data.labelB.empty()) {
    html += "<dt>Compared</dt><dd>A = " + escape(data.labelA) + ", B = " + escape(data.labelB) +
            "</dd>";
  }
  html += "</dl>\n</header>\n";
  return html;
}

// --------------------------------------------------------------------------- summary

// "Median" and the tail quantiles as the table shows them: "not reached" where a censored
// time's Kaplan-Meier curve never falls that far, "n/a (n < 20)" for tails of few values.
std::string quantileCell(const MetricSummary& metric, double value, bool tail) {
  if (metric.count == 0) return "n/a";
  if (std::isfinite(value)) return num(value);
  if (tail && metric.count < kMinReplicationsForTailQuantiles) {
    return "n/a (n&nbsp;&lt;&nbsp;" + std::to_string(kMinReplicationsForTailQuantiles) + ")";
  }
  return metric.censoredBy.empty() ? std::string("n/a") : std::string("not reached");
}

std::string censoredText(const MetricSummary& metric) {
  if (metric.censoredBy.empty() || metric.count == 0) return "";
  return std::to_string(metric.censored) + " of " + std::to_string(metric.count) + " (" +
         percent(static_cast<double>(metric.censored) / static_cast<double>(metric.count)) + ")";
}

std::string intervalCell(const MetricSummary& metric) {
  if (metric.count == 0 || metric.intervalMethod == IntervalMethod::None) return "n/a";
  std::string text = range(metric.ciLow, metric.ciHigh) + "<div class=\"desc\">" +
                     escape(methodDescription(metric.intervalMethod)) + "</div>";
  if (metric.count < kMinReplicationsForInterval) text += "<div class=\"desc warn\">rough: n &lt; 10</div>";
  return text;
}

std::string summaryHtml(const ReportData& data) {
  if (data.metrics.empty()) return note("No metrics were recorded.");
  bool anyCensored = false, anySmall = false, anyFewTails = false;
  for (const MetricSummary& metric : data.metrics) {
    anyCensored = anyCensored || !metric.censoredBy.empty();
    anySmall = anySmall || (metric.count > 0 && metric.count < kMinReplicationsForInterval);
    anyFewTails = anyFewTails || (metric.count > 0 && metric.count < kMinReplicationsForTailQuantiles);
  }
  std::string html;
  if (anySmall) {
    html += "<p class=\"warning\" role=\"alert\">Few replications: with fewer than " +
            std::to_string(kMinReplicationsForInterval) +
            " the intervals below mean little, and p90 and p95 are not given below " +
            std::to_string(kMinReplicationsForTailQuantiles) + ". Run more replications before deciding.</p>\n";
  }
  html +=
      "<table class=\"summary\"><thead><tr><th>Metric</th><th>Unit</th><th class=\"num\">n</th>"
      "<th class=\"num\">Mean</th><th class=\"num\">SD</th><th class=\"num\">Median</th>"
      "<th class=\"num\">p90</th><th class=\"num\">p95</th>"
      "<th class=\"num\">95% CI of the mean (method)</th>" +
      std::string(anyCensored ? "<th class=\"num\">Censored</th>" : "") + "</tr></thead>\n<tbody>\n";
  for (const MetricSummary& metric : data.metrics) {
    const bool has = metric.count > 0;
    const auto cell = [has](double value) {
      return "<td class=\"num\">" + (has ? num(value) : std::string("n/a")) + "</td>";
    };
    html += "<tr><td>" + code(metric.name);
    if (!metric.description.empty()) {
      html += "<div class=\"desc\">" + escape(metric.description) + "</div>";
    }
    html += "</td><td>" + (metric.unit.empty() ? std::string("&ndash;") : escape(metric.unit)) +
            "</td><td class=\"num\">" + std::to_string(metric.count) +
            (metric.countOf == "replications" ? std::string()
                                              : "<div class=\"desc\">" + escape(metric.countOf) + "</div>") +
            "</td>" + cell(metric.mean) +
            cell(metric.sd) + "<td class=\"num\">" + quantileCell(metric, metric.median, false) +
            "</td><td class=\"num\">" + quantileCell(metric, metric.p90, true) + "</td><td class=\"num\">" +
            quantileCell(metric, metric.p95, true) + "</td><td class=\"num\">" + intervalCell(metric) + "</td>";
    if (anyCensored) html += "<td class=\"num\">" + censoredText(metric) + "</td>";
    html += "</tr>\n";
  }
  html +=
      "</tbody></table>\n<p class=\"hint\">n counts the replications where the metric "
      "applies (or what is named under it: separations in a sweep). p90 and p95: 90% and 95% of those replications are at or below the value";
  if (anyFewTails) {
    html += " (given from " + std::to_string(kMinReplicationsForTailQuantiles) + " replications: below that they "
            "would be the largest values, not a tail)";
  }
  html +=
      ". The confidence interval is for the mean over replications, by a method that fits the "
      "quantity: Wilson for proportions (within 0 to 1), exact Poisson (Garwood) for counts, a "
      "bootstrap percentile for times, amounts and counts more spread than Poisson (never "
      "outside the values seen), Student's t for the score, which may take either sign.";
  if (anyCensored) {
    html +=
        " Censored: replications in which an incident was still open at the end of the run; "
        "its time counts up to the end, so the mean of such a time is a lower bound. Their "
        "median and percentiles come from the Kaplan-Meier curve, and are \"not reached\" "
        "when too many replications are censored for the curve to get there.";
  }
  return html + "</p>\n";
}

// ------------------------------------------------------------- time-to-contain histogram

std::string histogramHtml(const MetricSummary& metric) {
  const auto points = finitePoints(metric.cdf);
  if (points.empty()) {
    return note("No data: no replication has a value for " + code(metric.name) + ".");
  }
  const double lo = points.front().first, hi = points.back().first;
  const double total = points.back().second;
  if (!(total > 0)) return note("No data: the distribution of " + code(metric.name) + " is empty.");
  if (lo == hi) {
    return note("Every replication gave the same " + code(metric.name) + ": " +
                escape(withUnit(num(lo), metric.unit)) + "; there is no spread to draw.");
  }

  // Bins of a nice width; each bin's share is the rise of the CDF across it.
  const double width = svg::niceStep((hi - lo) / 20);
  const double firstEdge = std::floor(lo / width), lastEdge = std::floor(hi / width) + 1;
  std::vector<double> edges;
  for (double i = firstEdge; i <= lastEdge + 0.5; ++i) edges.push_back(i * width);
  const auto below = [&points](double x) {  // cumulative fraction of values < x
    double cumulative = 0;
    for (const auto& [value, fraction] : points) {
      if (value >= x) break;
      cumulative = fraction;
    }
    return cumulative;
  };
  std::vector<double> shares;
  double largest = 0;
  for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
    const double upper = i + 2 == edges.size() ? total : below(edges[i + 1]);
    const double share = std::max(0.0, (upper - below(edges[i])) / total * 100);
    shares.push_back(share);
    largest = std::max(largest, share);
  }

  svg::Plot plot(svg::Frame{720, 320, 64, 20, 16, 48},
                 svg::linearAxis(edges.front(), edges.back(), 8), svg::linearAxis(0, largest, 5));
  const std::string unitText = metric.unit.empty() ? "" : " (" + metric.unit + ")";
  plot.yAxisWithGrid("Share of replications (%)");
  plot.xAxisWithGrid("Time to contain" + unitText);
  for (std::size_t i = 0; i < shares.size(); ++i) {
    plot.bar(edges[i], 0, edges[i + 1], shares[i], "#0072b2",
             num(edges[i]) + " to " + withUnit(num(edges[i + 1]), metric.unit) + ": " +
                 num(shares[i]) + "% of replications");
  }
  const auto marker = [&](double value, std::string_view name, double labelY) {
    if (!std::isfinite(value) || value < plot.xAxis().lo || value > plot.xAxis().hi) return;
    plot.line(value, plot.yAxis().lo, value, plot.yAxis().hi,
              "stroke=\"#d55e00\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"");
    const double x = plot.px(value);
    const bool right = x < plot.plotRight() - 120;
    plot.raw(backedText(right ? x + 4 : x - 4, labelY,
                        std::string(name) + " " + withUnit(num(value), metric.unit),
                        right ? "start" : "end", " fill=\"#a34700\""));
  };
  marker(metric.median, "median", plot.plotTop() + 14);
  marker(metric.p90, "p90", plot.plotTop() + 30);
  plot.box();

  std::string caption = "Share of replications by time to contain (" + code(metric.name) +
                        ", n = " + std::to_string(metric.count) + ", bins of " +
                        escape(withUnit(num(width), metric.unit)) +
                        "). Dashed lines: the median and the 90th percentile. Mean " +
                        escape(withUnit(num(metric.mean), metric.unit)) + ", 95% CI " +
                        escape(withUnit(range(metric.ciLow, metric.ciHigh), metric.unit)) + " (" +
                        escape(methodDescription(metric.intervalMethod)) + ").";
  if (!metric.censoredBy.empty()) {
    caption += metric.censored == 0
                   ? std::string(" No replication is censored: every incident ended within the run.")
                   : " <strong>Censored: " + censoredText(metric) +
                         " replications had an incident still open at the end;</strong> they sit in "
                         "the bars at their time to the end, and took at least that long. The mean is "
                         "therefore a lower bound; the median is from the Kaplan-Meier curve" +
                         (std::isfinite(metric.median) ? std::string(".") : std::string(" and is not reached."));
  }
  return figure(plot.svg("Histogram of " + metric.name), caption);
}

// ------------------------------------------------------------------------------ CDFs

struct CdfSeries {
  const MetricSummary* metric = nullptr;
  double factor = 1;  // multiplies values into the chart's base unit (seconds for times)
};

// The curve of a series: for a censored time, 1 - S(t) of its Kaplan-Meier curve (the
// share of replications whose time ended by t), which stays below 100% when some never
// ended; otherwise the empirical CDF.
std::vector<std::pair<double, double>> seriesPoints(const MetricSummary& metric) {
  if (metric.censoredBy.empty() || metric.survival.empty()) return finitePoints(metric.cdf);
  std::vector<std::pair<double, double>> points;
  for (const SurvivalPoint& p : metric.survival) points.emplace_back(p.time, 1 - p.survival);
  return finitePoints(points);
}

// One chart of step CDFs on shared axes. With `durations` the series are in seconds and
// the axis shows a fitting time unit (or round durations on a log scale); otherwise
// `unit` names the values' unit.
std::string cdfChart(const std::vector<CdfSeries>& series, bool durations,
                     const std::string& unit) {
  double minPositive = std::numeric_limits<double>::infinity();
  double lo = minPositive, hi = -minPositive;
  bool any = false;
  for (const CdfSeries& s : series) {
    for (const auto& [value, fraction] : seriesPoints(*s.metric)) {
      const double v = value * s.factor;
      if (!std::isfinite(v)) continue;
      any = true;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
      if (v > 0) minPositive = std::min(minPositive, v);
    }
  }
  if (!any) return note("No data: none of these metrics has a value in any replication.");

  // A log scale when the values span more than two and a half orders of magnitude.
  const bool logarithmic = std::isfinite(minPositive) && lo >= 0 && hi / minPositive > 300;
  double divisor = 1;  // from the base unit to the axis unit
  std::string axisTitle = unit.empty() ? std::string("Value") : "Value (" + unit + ")";
  svg::Axis x;
  if (durations && logarithmic) {
    x = svg::durationLogAxis(minPositive, hi);
    axisTitle = "Time (log scale)";
  } else if (durations) {
    std::string axisUnit = "h";
    divisor = 3600;
    if (hi < 120) {
      axisUnit = "s";
      divisor = 1;
    } else if (hi < 7200) {
      axisUnit = "min";
      divisor = 60;
    }
    x = svg::linearAxis(std::min(0.0, lo / divisor), hi / divisor, 8);
    axisTitle = "Time (" + axisUnit + ")";
  } else if (logarithmic) {
    x = svg::logAxis(minPositive, hi);
    axisTitle += ", log scale";
  } else {
    x = svg::linearAxis(std::min(0.0, lo), hi, 8);
  }

  std::vector<svg::LegendEntry> legend;
  for (std::size_t i = 0; i < series.size(); ++i) {
    const MetricSummary& metric = *series[i].metric;
    svg::LegendEntry entry;
    entry.label = metric.name + " (n = " + std::to_string(metric.count) +
                  (metric.censoredBy.empty() ? std::string()
                                             : ", " + std::to_string(metric.censored) + " censored") +
                  ")";
    entry.colour = std::string(svg::seriesColor(i));
    entry.dash = startsWith(metric.name, "time_to_contain") ? "8 4" : "";
    legend.push_back(entry);
  }
  constexpr double kWidth = 720, kLeft = 64, kRight = 20;
  double legendHeight = 0;
  svg::legendSvg(legend, 0, 0, kWidth - kLeft - kRight, legendHeight);
  const double bottom = 48 + legendHeight + 10;
  svg::Plot plot(svg::Frame{kWidth, 300 + legendHeight + 10, kLeft, kRight, 16, bottom}, x,
                 svg::linearAxis(0, 100, 5));
  plot.yAxisWithGrid("Replications at or below (%)");
  plot.xAxisWithGrid(axisTitle);
  for (const double level : {50.0, 90.0}) {
    plot.line(x.lo, level, x.hi, level, "stroke=\"#888888\" stroke-dasharray=\"2 3\"");
    plot.raw(backedText(plot.plotRight() - 4, plot.py(level) - 4,
                        level == 50 ? "median" : "90th percentile", "end", " fill=\"#555555\"",
                        11));
  }
  for (std::size_t i = 0; i < series.size(); ++i) {
    std::vector<std::pair<double, double>> scaled;
    for (const auto& [value, fraction] : seriesPoints(*series[i].metric)) {
      scaled.emplace_back(value * series[i].factor / divisor, fraction);
    }
    plot.stepCdf(scaled, 100, legend[i].colour, legend[i].dash, "cdf");
    // Censoring marks: a short vertical tick where replications left the curve censored.
    for (const SurvivalPoint& p : series[i].metric->survival) {
      if (p.censored == 0 || series[i].metric->censoredBy.empty()) continue;
      const double cx = plot.px(p.time * series[i].factor / divisor), cy = plot.py((1 - p.survival) * 100);
      plot.raw("<line class=\"censor-mark\" x1=\"" + svg::coord(cx) + "\" y1=\"" + svg::coord(cy - 6) +
               "\" x2=\"" + svg::coord(cx) + "\" y2=\"" + svg::coord(cy + 6) + "\" stroke=\"" + legend[i].colour +
               "\" stroke-width=\"2\"><title>" + escape(std::to_string(p.censored)) +
               " censored at the end of the run</title></line>");
    }
  }
  plot.box();
  double unused = 0;
  plot.raw(svg::legendSvg(legend, kLeft, plot.plotBottom() + 48, kWidth - kLeft - kRight, unused));

  bool censoring = false;
  for (const CdfSeries& s : series) censoring = censoring || !s.metric->censoredBy.empty();
  std::string caption =
      "Cumulative distributions: for each value on the x axis, the share of "
      "replications whose detection (solid lines) or containment (dashed) took at most that "
      "long. A curve further left is faster; where it crosses the dotted median line is its "
      "median.";
  if (censoring) {
    caption +=
        " Times censored at the end of the run (an incident still open) are Kaplan-Meier "
        "estimates: a curve ends below 100% when some replications never got there, and the "
        "vertical ticks mark where replications were censored. A curve that stays below the "
        "median line has no median (\"not reached\").";
  }
  if (logarithmic) {
    caption += " The axis is logarithmic: the times span several orders of magnitude.";
  }
  return figure(plot.svg("Detection and containment time distributions"), caption);
}

std::string cdfsHtml(const std::vector<const MetricSummary*>& metrics) {
  // All in one chart when every unit is a time unit (converted to seconds); otherwise
  // one chart per unit.
  bool allTime = true;
  for (const MetricSummary* metric : metrics) allTime = allTime && secondsPer(metric->unit);
  if (allTime) {
    std::vector<CdfSeries> series;
    for (const MetricSummary* metric : metrics)
      series.push_back({metric, *secondsPer(metric->unit)});
    return cdfChart(series, true, "s");
  }
  std::vector<std::string> units;
  for (const MetricSummary* metric : metrics) {
    if (std::find(units.begin(), units.end(), metric->unit) == units.end()) {
      units.push_back(metric->unit);
    }
  }
  std::string html;
  for (const std::string& unit : units) {
    std::vector<CdfSeries> series;
    for (const MetricSummary* metric : metrics) {
      if (metric->unit == unit) series.push_back({metric, 1});
    }
    html += cdfChart(series, false, unit);
  }
  return html;
}

// ------------------------------------------------------------------- score breakdown

std::string scoreHtml(const ReportData& data) {
  if (data.scoreBreakdown.empty()) {
    return note("No score breakdown: the scenario defines no scoring.");
  }
  double lo = 0, hi = 0, total = 0;
  bool any = false;
  for (const ScoreTerm& term : data.scoreBreakdown) {
    if (!std::isfinite(term.meanPoints)) continue;
    any = true;
    lo = std::min(lo, term.meanPoints);
    hi = std::max(hi, term.meanPoints);
    total += term.meanPoints;
  }
  if (!any) return note("No data: no scoring term has a finite mean.");

  double labelWidth = 0;
  std::vector<std::string> labels;
  for (const ScoreTerm& term : data.scoreBreakdown) {
    labels.push_back(fitLabel(term.term, 220));
    labelWidth = std::max(labelWidth, svg::textWidth(labels.back(), 12));
  }
  const double span = hi - lo > 0 ? hi - lo : 1;
  if (lo < 0) lo -= 0.2 * span;  // room for the value labels beside the bars
  if (hi > 0) hi += 0.2 * span;
  const auto rows = static_cast<double>(data.scoreBreakdown.size());
  svg::Axis y;
  y.lo = 0;
  y.hi = rows;
  y.step = 0;
  constexpr double kRow = 28;
  svg::Plot plot(svg::Frame{720, 16 + rows * kRow + 48, labelWidth + 20, 20, 16, 48},
                 svg::linearAxis(lo, hi, 6), y);
  plot.xAxisWithGrid("Mean points per replication");
  for (std::size_t i = 0; i < data.scoreBreakdown.size(); ++i) {
    const double value = data.scoreBreakdown[i].meanPoints;
    const double middle = rows - static_cast<double>(i) - 0.5;
    const double textY = plot.py(middle) + 4;
    plot.text(plot.plotLeft() - 8, textY, labels[i], "end");
    if (!std::isfinite(value)) {
      plot.text(plot.px(0) + 6, textY, "n/a", "start");
      continue;
    }
    plot.bar(0, middle - 0.32, value, middle + 0.32, value < 0 ? "#d55e00" : "#0072b2",
             data.scoreBreakdown[i].term + ": " + signedNum(value) + " points",
             value < 0 ? "bar negative" : "bar positive");
    const double end = plot.px(value);
    plot.text(value < 0 ? end - 5 : end + 5, textY, signedNum(value), value < 0 ? "end" : "start",
              "value");
  }
  plot.line(0, 0, 0, rows, "stroke=\"#333333\" stroke-width=\"1.5\"");
  return figure(plot.svg("Score breakdown"),
                "Mean points per replication from each scoring term: penalties left of zero "
                "(orange), credits right of it (blue). Total: " +
                    escape(signedNum(total)) + " points per replication.");
}

// --------------------------------------------------------------------------- compare

std::string compareHtml(const ReportData& data) {
  const std::string a = data.labelA.empty() ? "A" : data.labelA;
  const std::string b = data.labelB.empty() ? "B" : data.labelB;
  std::string html = "<p>B = " + escape(b) + ", A = " + escape(a) + ". Each difference is B " +
                     std::string(kMinus) +
                     " A, paired by replication (both runs use the same random numbers), with "
                     "the 95% confidence interval of its mean.</p>\n";

  // Forest plot on a common scale: the difference as a percentage of A's mean.
  struct Row {
    std::string label, right;
    double relative = kNaN, lo = kNaN, hi = kNaN;
    bool excludesZero = false;
    Verdict verdict = Verdict::NotSignificant;
  };
  std::vector<Row> rows;
  double lo = 0, hi = 0, labelWidth = 0, rightWidth = 0;
  bool any = false;
  for (const MetricDifference& d : data.differences) {
    Row row;
    row.label = fitLabel(d.name, 220);
    row.right = withUnit(signedNum(d.meanDifference), d.unit) + "  [" + num(d.ciLow) + ", " +
                num(d.ciHigh) + "]";
    row.excludesZero = d.ciLow > 0 || d.ciHigh < 0;
    row.verdict = verdictOf(d);
    if (std::isfinite(d.meanA) && d.meanA != 0 && std::isfinite(d.meanDifference) &&
        std::isfinite(d.ciLow) && std::isfinite(d.ciHigh)) {
      const double scale = 100 / std::fabs(d.meanA);
      row.relative = d.meanDifference * scale;
      row.lo = d.ciLow * scale;
      row.hi = d.ciHigh * scale;
      lo = std::min({lo, row.lo, row.relative});
      hi = std::max({hi, row.hi, row.relative});
      any = true;
    }
    labelWidth = std::max(labelWidth, svg::textWidth(row.label, 12));
    rightWidth = std::max(rightWidth, svg::textWidth(row.right, 12));
    rows.push_back(row);
  }
  if (!any) {
    html += note("No forest plot: no metric has a nonzero mean in A to scale its difference by.");
  } else {
    const auto count = static_cast<double>(rows.size());
    svg::Axis y;
    y.lo = 0;
    y.hi = count;
    y.step = 0;
    constexpr double kRow = 28;
    const double width = std::max(720.0, labelWidth + rightWidth + 360);
    svg::Plot plot(
        svg::Frame{width, 16 + count * kRow + 48, labelWidth + 20, rightWidth + 24, 16, 48},
        svg::linearAxis(lo, hi, 6), y);
    plot.xAxisWithGrid("B " + std::string(kMinus) + " A, % of A's mean");
    plot.line(0, 0, 0, count, "stroke=\"#333333\" stroke-width=\"1.5\"");
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const Row& row = rows[i];
      const double middle = count - static_cast<double>(i) - 0.5;
      const double textY = plot.py(middle) + 4;
      plot.text(plot.plotLeft() - 8, textY, row.label, "end");
      plot.text(plot.plotRight() + 8, textY, row.right, "start", "value");
      if (!std::isfinite(row.relative)) {
        plot.raw(backedText((plot.plotLeft() + plot.plotRight()) / 2, textY,
                            "not plotted: A's mean is 0", "middle",
                            " fill=\"#666666\" font-style=\"italic\""));
        continue;
      }
      const std::string whisker = "stroke=\"#333333\" stroke-width=\"1.5\"";
      plot.line(row.lo, middle, row.hi, middle, whisker);
      plot.line(row.lo, middle - 0.18, row.lo, middle + 0.18, whisker);
      plot.line(row.hi, middle - 0.18, row.hi, middle + 0.18, whisker);
      plot.marker(svg::Marker::square, row.relative, middle, 4.5,
                  row.verdict == Verdict::Better  ? "#009e73"
                  : row.verdict == Verdict::Worse ? "#d55e00"
                  : row.excludesZero              ? "#0072b2"
                                                  : "#ffffff",
                  "#0072b2",
                  row.label + ": " + signedNum(row.relative) + "% of A's mean", "difference");
    }
    html += figure(plot.svg("Differences B minus A with confidence intervals"),
                   "Forest plot: each square is the mean difference B " + std::string(kMinus) +
                       " A as a percentage of A's mean, the whiskers its 95% confidence "
                       "interval. Filled squares: the interval excludes zero, so the "
                       "difference is unlikely to be chance; green where that is better for B "
                       "by the metric's good direction, orange where it is worse, blue where "
                       "the metric has no better direction. Right: the difference in the "
                       "metric's own unit with its interval.");
  }

  html += "<p class=\"hint\">Each metric's good direction is part of its definition (lower "
          "is better for times, counts of harm and false alarms; higher for the score and the "
          "contained share). With fewer than " + std::to_string(kMinReplicationsForInterval) +
          " pairs the intervals are rough.</p>\n";
  return html;
}

std::string verdictText(Verdict verdict) {
  switch (verdict) {
    case Verdict::Better: return "<strong class=\"better\">B better</strong>";
    case Verdict::Worse: return "<strong class=\"worse\">B worse</strong>";
    case Verdict::Different: return "differs (no better direction)";
    case Verdict::NotSignificant: break;
  }
  return "not significant";
}

std::string directionText(Better better) {
  switch (better) {
    case Better::Lower: return "lower";
    case Better::Higher: return "higher";
    case Better::Neither: break;
  }
  return "&ndash;";
}

// A and B side by side for every metric, with the paired difference and what it means.
std::string compareTableHtml(const ReportData& data) {
  const auto findSummary = [](const std::vector<MetricSummary>& list, const std::string& name) -> const MetricSummary* {
    for (const MetricSummary& m : list) {
      if (m.name == name) return &m;
    }
    return nullptr;
  };
  const auto sideCell = [](const MetricSummary* m) {
    if (!m || m->count == 0) return std::string("<td class=\"num\">n/a</td>");
    std::string text = num(m->mean) + "<div class=\"desc\">" +
                       (m->intervalMethod == IntervalMethod::None ? std::string("no interval")
                                                                  : "[" + num(m->ciLow) + ", " + num(m->ciHigh) + "]") +
                       "</div>";
    if (!m->censoredBy.empty()) {
      text += "<div class=\"desc\">median " + (std::isfinite(m->median) ? num(m->median) : std::string("not reached")) +
              ", censored " + censoredText(*m) + "</div>";
    }
    return "<td class=\"num\">" + text + "</td>";
  };
  std::string html =
      "<table class=\"compare\"><thead><tr><th>Metric</th><th>Unit</th><th>Better</th>"
      "<th class=\"num\">A: mean [95% CI]</th><th class=\"num\">B: mean [95% CI]</th>"
      "<th class=\"num\">B&nbsp;" + std::string(kMinus) +
      "&nbsp;A [95% CI, paired]</th><th class=\"num\">Change vs A</th><th class=\"num\">Pairs</th>"
      "<th>Verdict</th></tr></thead>\n<tbody>\n";
  for (const MetricDifference& d : data.differences) {
    const bool scalable = std::isfinite(d.meanA) && d.meanA != 0;
    const Verdict verdict = verdictOf(d);
    html += std::string(verdict == Verdict::Better ? "<tr class=\"better\">"
                        : verdict == Verdict::Worse ? "<tr class=\"worse\">"
                                                    : "<tr>") +
            "<td>" + code(d.name) + "</td><td>" + (d.unit.empty() ? std::string("&ndash;") : escape(d.unit)) +
            "</td><td>" + directionText(d.better) + "</td>" + sideCell(findSummary(data.metrics, d.name)) +
            sideCell(findSummary(data.metricsB, d.name)) + "<td class=\"num\">" + signedNum(d.meanDifference) +
            "<div class=\"desc\">" +
            (d.pairs < 2 ? std::string("no interval") : "[" + signedNum(d.ciLow) + ", " + signedNum(d.ciHigh) + "]") +
            "</div></td><td class=\"num\">" +
            (scalable ? signedNum(d.meanDifference / std::fabs(d.meanA) * 100) + "%" : std::string("n/a")) +
            "</td><td class=\"num\">" + std::to_string(d.pairs) + "</td><td>" + verdictText(verdict) + "</td></tr>\n";
  }
  html += "</tbody></table>\n<p class=\"hint\">A and B columns: each side's mean with its own 95% "
          "interval (by the metric's kind, as in a Monte Carlo report). B " + std::string(kMinus) +
          " A: the mean of the per-replication differences (both sides ran on the same random "
          "numbers, so the pairing removes most of the noise) with its Student's t interval. "
          "Verdict: significant when that interval excludes 0; better or worse by the metric's "
          "good direction.</p>\n";
  return html;
}

// Distributions of A and B overlaid: time to contain (Kaplan-Meier where censored) and
// the score.
std::string compareDistributionsHtml(const ReportData& data) {
  std::string html;
  for (const std::string& name : {std::string("time_to_contain_h"), std::string("score")}) {
    const MetricSummary *a = nullptr, *b = nullptr;
    for (const MetricSummary& m : data.metrics) {
      if (m.name == name) a = &m;
    }
    for (const MetricSummary& m : data.metricsB) {
      if (m.name == name) b = &m;
    }
    if (!a || !b) continue;
    MetricSummary labelledA = *a, labelledB = *b;
    labelledA.name = "A: " + name;
    labelledB.name = "B: " + name;
    html += "<h3>" + code(name) + "</h3>\n";
    const auto factor = secondsPer(a->unit);
    html += cdfChart({{&labelledA, factor.value_or(1)}, {&labelledB, factor.value_or(1)}}, factor.has_value(),
                     a->unit);
  }
  return html.empty() ? note("No distributions to overlay: neither time_to_contain_h nor score is a metric.") : html;
}

std::string compareScoreHtml(const ReportData& data) {
  ReportData a, b;
  a.scoreBreakdown = data.scoreBreakdown;
  b.scoreBreakdown = data.scoreBreakdownB;
  return "<h3>A: " + escape(data.labelA) + "</h3>\n" + scoreHtml(a) + "<h3>B: " + escape(data.labelB) + "</h3>\n" +
         scoreHtml(b);
}

// ----------------------------------------------------------------------------- sweep

// The limit on false alarms per person-day from a constraint such as "false alarms per
// person-day <= 0.5"; NaN when the text states no such limit.
double falseAlarmLimit(std::string_view constraint) {
  std::string lower;
  for (const char c : constraint)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("false alarm") == std::string::npos) return kNaN;
  std::size_t at = lower.find("<=");
  std::size_t skip = 2;
  if (at == std::string::npos) {
    at = lower.find(kLessEqual);
    skip = kLessEqual.size();
  }
  if (at == std::string::npos) {
    at = lower.find('<');
    skip = 1;
  }
  if (at == std::string::npos) return kNaN;
  const char* begin = lower.c_str() + at + skip;
  char* end = nullptr;
  const double value = std::strtod(begin, &end);
  return end != begin && std::isfinite(value) ? value : kNaN;
}

std::string settingValue(double value) { return formatNumber(value, 4); }

std::string settingsText(const SweepPoint& point, bool shortNames) {
  std::string text;
  for (const auto& [name, value] : point.settings) {
    if (!text.empty()) text += ", ";
    const auto dot = name.rfind('.');
    text += (shortNames && dot != std::string::npos ? name.substr(dot + 1) : name) + " = " +
            settingValue(value);
  }
  return text.empty() ? std::string("(no settings)") : text;
}

std::string pointSummary(const SweepPoint& point) {
  return "detection " + percent(point.detectionProbability) + ", false alarms " +
         num(point.falseAlarmsPerPersonDay) + " per person-day, median latency " +
         withUnit(num(point.medianLatencyS), "s") + " (p90 " +
         withUnit(num(point.p90LatencyS), "s") + ")";
}

const SweepPoint* recommended(const ReportData& data) {
  if (data.recommendedPoint < 0 ||
      static_cast<std::size_t>(data.recommendedPoint) >= data.sweepPoints.size()) {
    return nullptr;
  }
  return &data.sweepPoints[static_cast<std::size_t>(data.recommendedPoint)];
}

std::string paretoHtml(const ReportData& data) {
  const double limit = falseAlarmLimit(data.constraintText);
  double xLo = 0, xHi = std::isfinite(limit) ? limit : 0;
  double yLo = 100, yHi = 0;
  bool any = false;
  for (const SweepPoint& point : data.sweepPoints) {
    if (!std::isfinite(point.falseAlarmsPerPersonDay) ||
        !std::isfinite(point.detectionProbability)) {
      continue;
    }
    any = true;
    xLo = std::min(xLo, point.falseAlarmsPerPersonDay);
    xHi = std::max(xHi, point.falseAlarmsPerPersonDay);
    const double y = std::clamp(point.detectionProbability * 100, 0.0, 100.0);
    yLo = std::min(yLo, y);
    yHi = std::max(yHi, y);
  }
  if (!any) {
    return note(
        "No data: no grid point has both a detection probability and a false-alarm "
        "rate.");
  }

  const SweepPoint* best = recommended(data);
  std::vector<svg::LegendEntry> legend;
  legend.push_back({"grid point", "#ffffff", "", svg::LegendEntry::Kind::marker,
                    svg::Marker::circle, "#0072b2"});
  legend.push_back({"Pareto front", "#d55e00", "", svg::LegendEntry::Kind::line});
  if (best) {
    legend.push_back({"recommended setting", "#f0e442", "", svg::LegendEntry::Kind::marker,
                      svg::Marker::star, "#000000"});
  }
  if (std::isfinite(limit)) {
    legend.push_back({"limit: " + data.constraintText, "#000000", "6 4"});
  }
  constexpr double kWidth = 720, kLeft = 64, kRight = 20;
  double legendHeight = 0;
  svg::legendSvg(legend, 0, 0, kWidth - kLeft - kRight, legendHeight);
  // False alarms span orders of magnitude (0.05 to 500 per person-day) while the decision
  // sits near the limit (0.5): a symmetric-log axis, linear near 0 and logarithmic beyond
  // the scale c, keeps that region readable. x' = log10(1 + x / c), c a power of ten at
  // or below the smallest positive rate (at most a tenth of the limit).
  double smallest = std::isfinite(limit) && limit > 0 ? limit / 10 : std::numeric_limits<double>::infinity();
  for (const SweepPoint& point : data.sweepPoints) {
    if (point.falseAlarmsPerPersonDay > 0) smallest = std::min(smallest, point.falseAlarmsPerPersonDay);
  }
  const bool symlog = xLo >= 0 && std::isfinite(smallest) && xHi / smallest > 50;
  const double scale = symlog ? std::pow(10.0, std::floor(std::log10(smallest))) : 1;
  const auto tx = [symlog, scale](double value) { return symlog ? std::log10(1 + value / scale) : value; };
  svg::Axis xAxis = svg::linearAxis(xLo, xHi, 8);
  if (symlog) {
    xAxis.lo = 0;
    xAxis.hi = tx(xHi) * 1.04;
    xAxis.ticks = {0};
    for (double v = scale; v <= xHi * 1.0001; v *= 10) xAxis.ticks.push_back(tx(v));
    xAxis.format = [scale](double t) { return formatNumber(scale * (std::pow(10.0, t) - 1), 2); };
  }
  svg::Plot plot(
      svg::Frame{kWidth, 380 + legendHeight + 10, kLeft, kRight, 16, 48 + legendHeight + 10},
      xAxis, svg::linearAxis(yLo, yHi, 5));
  const svg::Axis& x = plot.xAxis();
  const svg::Axis& y = plot.yAxis();
  if (std::isfinite(limit) && tx(limit) < x.hi) {
    plot.bar(std::max(tx(limit), x.lo), y.lo, x.hi, y.hi, "#f0f0f0", {}, "over-limit");
  }
  plot.yAxisWithGrid("Detection probability (%)");
  plot.xAxisWithGrid(symlog ? "False alarms per person-day (linear to " + formatNumber(scale, 2) +
                                 ", logarithmic beyond)"
                           : std::string("False alarms per person-day"));
  if (std::isfinite(limit) && tx(limit) >= x.lo && tx(limit) <= x.hi) {
    plot.line(
        tx(limit), y.lo, tx(limit), y.hi,
        "class=\"constraint\" stroke=\"#000000\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"");
    plot.raw(backedText(plot.px(tx(limit)) + 4, plot.plotTop() + 14, "limit " + num(limit), "start", {},
                        11));
  }

  std::vector<std::pair<double, double>> front;
  for (const SweepPoint& point : data.sweepPoints) {
    if (point.onParetoFront) {
      front.emplace_back(tx(point.falseAlarmsPerPersonDay), point.detectionProbability * 100);
    }
  }
  std::sort(front.begin(), front.end());
  plot.polyline(front, "#d55e00", 2.5, {}, "pareto-front");
  for (const SweepPoint& point : data.sweepPoints) {
    const std::string tooltip = settingsText(point, false) + ": " + pointSummary(point);
    if (point.onParetoFront) {
      plot.marker(svg::Marker::circle, tx(point.falseAlarmsPerPersonDay),
                  point.detectionProbability * 100, 5, "#d55e00", "#ffffff", tooltip,
                  "point pareto");
    } else {
      plot.marker(svg::Marker::circle, tx(point.falseAlarmsPerPersonDay),
                  point.detectionProbability * 100, 4, "#ffffff", "#0072b2", tooltip, "point");
    }
  }
  if (best && std::isfinite(best->falseAlarmsPerPersonDay) &&
      std::isfinite(best->detectionProbability)) {
    const double bx = tx(best->falseAlarmsPerPersonDay), by = best->detectionProbability * 100;
    plot.marker(svg::Marker::star, bx, by, 8, "#f0e442", "#000000",
                "Recommended: " + settingsText(*best, false), "recommended");
    // Up and to the left of a point on the front no grid point can lie (it would beat the
    // front), so the label goes there, shifted right as far as the plot's edge needs.
    const double px = plot.px(bx), py = plot.py(by);
    const std::string shortText = settingsText(*best, true);
    const double labelWidth =
        std::max(svg::textWidth("Recommended", 12) * 1.1, svg::textWidth(shortText, 11)) + 6;
    const double labelX = std::max(plot.plotLeft() + 6, px - 14 - labelWidth);
    const double labelY = py - 30 > plot.plotTop() + 12 ? py - 30 : py + 24;
    const std::string anchor = "start";
    plot.raw(backedText(labelX, labelY, "Recommended", anchor, " font-weight=\"bold\""));
    plot.raw(backedText(labelX, labelY + 15, shortText, anchor, {}, 11));
  }
  plot.box();
  double unused = 0;
  plot.raw(svg::legendSvg(legend, kLeft, plot.plotBottom() + 48, kWidth - kLeft - kRight, unused));
  return figure(
      plot.svg("Pareto plot of detection probability against false alarms"),
      "Each circle is one grid point: false alarms per person-day (x) against the "
      "probability that a left-behind item is detected (y). Up and to the left is "
      "better. The Pareto front joins the points no other point beats on both at "
      "once; the star is the recommended setting" +
          std::string(std::isfinite(limit) ? "; points right of the dashed line break the limit"
                                           : "") +
          ".");
}

std::string heatMapsHtml(const ReportData& data) {
  const auto& axes = data.sweepAxes;
  if (axes.empty()) return note("No heat maps: the sweep has no axes.");
  std::size_t cells = 1;
  for (const auto& axis : axes) cells *= axis.second.size();
  if (cells != data.sweepPoints.size() || cells == 0) {
    return note("No heat maps: the grid's axes (" + std::to_string(cells) +
                " combinations) do not match its " + std::to_string(data.sweepPoints.size()) +
                " points.");
  }
  // Row-major strides: the last axis varies fastest.
  std::vector<std::size_t> strides(axes.size(), 1);
  for (std::size_t k = axes.size() - 1; k > 0; --k) {
    strides[k - 1] = strides[k] * axes[k].second.size();
  }
  // Axes beyond the first two stay at the recommended point's values (else their first).
  const std::size_t anchorIndex =
      recommended(data) ? static_cast<std::size_t>(data.recommendedPoint) : 0;
  std::size_t base = 0;
  std::string fixedText;
  for (std::size_t k = 2; k < axes.size(); ++k) {
    const std::size_t digit = anchorIndex / strides[k] % axes[k].second.size();
    base += digit * strides[k];
    fixedText += (fixedText.empty() ? "" : ", ") + axes[k].first + " = " +
                 settingValue(axes[k].second[digit]);
  }
  const std::size_t columns = axes[0].second.size();
  const std::size_t rows = axes.size() > 1 ? axes[1].second.size() : 1;
  const auto pointIndex = [&](std::size_t column, std::size_t row) {
    return base + column * strides[0] + (axes.size() > 1 ? row * strides[1] : 0);
  };

  svg::HeatMap shape;
  shape.xTitle = axes[0].first;
  shape.yTitle = axes.size() > 1 ? axes[1].first : "";
  for (const double v : axes[0].second) shape.xLabels.push_back(settingValue(v));
  if (axes.size() > 1) {
    for (const double v : axes[1].second) shape.yLabels.push_back(settingValue(v));
  } else {
    shape.yLabels.push_back("");
  }
  if (recommended(data)) {
    for (std::size_t row = 0; row < rows; ++row) {
      for (std::size_t column = 0; column < columns; ++column) {
        if (pointIndex(column, row) == static_cast<std::size_t>(data.recommendedPoint)) {
          shape.highlight = static_cast<int>(row * columns + column);
        }
      }
    }
  }

  // Feasible cells (meeting the constraint) get a white dot; the scenario's own setting,
  // when it is a grid point, a dashed orange outline.
  std::vector<bool> feasible;
  for (std::size_t row = 0; row < rows; ++row) {
    for (std::size_t column = 0; column < columns; ++column) {
      const SweepPoint& point = data.sweepPoints[pointIndex(column, row)];
      feasible.push_back(point.meetsConstraint);
      bool isCurrent = data.sweepCurrent.size() == axes.size();
      for (std::size_t k = 0; isCurrent && k < axes.size(); ++k) {
        isCurrent = data.sweepCurrent[k] && k < point.settings.size() &&
                    std::fabs(point.settings[k].second - *data.sweepCurrent[k]) <=
                        1e-9 * std::max(1.0, std::fabs(*data.sweepCurrent[k]));
      }
      if (isCurrent) shape.current = static_cast<int>(row * columns + column);
    }
  }
  shape.marked = feasible;
  shape.markedLabel = "meets the constraint" + (data.constraintText.empty() ? std::string() : " (" + data.constraintText + ")");
  // False alarms matter near a small limit: colour them on a symmetric-log scale so 0.1
  // and 0.5 differ as visibly as 5 and 50.
  const double limit = falseAlarmLimit(data.constraintText);
  double smallest = std::isfinite(limit) && limit > 0 ? limit / 10 : std::numeric_limits<double>::infinity();
  for (const SweepPoint& point : data.sweepPoints) {
    if (point.falseAlarmsPerPersonDay > 0) smallest = std::min(smallest, point.falseAlarmsPerPersonDay);
  }
  const double scale = std::isfinite(smallest) ? std::pow(10.0, std::floor(std::log10(smallest))) : 1;

  struct Quantity {
    std::string title, legend;
    double (*value)(const SweepPoint&);
    std::function<std::string(double)> format;
    bool symlog = false;
  };
  const std::vector<Quantity> quantities{
      {"Detection probability", "detection (%)",
       [](const SweepPoint& p) { return p.detectionProbability * 100; },
       [](double v) { return std::isfinite(v) ? formatNumber(v, 3) + "%" : std::string("n/a"); }},
      {"False alarms per person-day",
       "false alarms per person-day",
       [](const SweepPoint& p) { return p.falseAlarmsPerPersonDay; },
       {},
       true},
      {"Median detection latency",
       "median latency (s)",
       [](const SweepPoint& p) { return p.medianLatencyS; },
       {}},
  };
  std::string html = "<div class=\"heatmaps\">\n";
  for (const Quantity& quantity : quantities) {
    svg::HeatMap map = shape;
    map.legendTitle = quantity.legend;
    map.format = quantity.format;
    if (quantity.symlog) {
      map.colourScale = [scale](double v) { return std::log10(1 + std::max(0.0, v) / scale); };
      for (double v = scale; v < 1e7; v *= 10) map.legendTicks.push_back(v);
      if (std::isfinite(limit)) map.legendTicks.push_back(limit);
      std::sort(map.legendTicks.begin(), map.legendTicks.end());
    }
    bool any = false;
    for (std::size_t row = 0; row < rows; ++row) {
      for (std::size_t column = 0; column < columns; ++column) {
        const double v = quantity.value(data.sweepPoints[pointIndex(column, row)]);
        any = any || std::isfinite(v);
        map.values.push_back(v);
      }
    }
    html += "<figure class=\"heatmap\"><h3>" + escape(quantity.title) + "</h3>";
    html += any ? heatMapSvg(map, quantity.title + " over " + shape.xTitle +
                                      (shape.yTitle.empty() ? "" : " and " + shape.yTitle))
                : note("No data: no grid point has a value.");
    html += "</figure>\n";
  }
  html += "</div>\n<p class=\"hint\">Heat maps over " + code(axes[0].first) +
          (axes.size() > 1 ? " (x) and " + code(axes[1].first) + " (y)" : std::string(" (x)")) +
          (fixedText.empty() ? std::string()
                             : ", with " + escape(fixedText) +
                                   (recommended(data) ? " (the recommended setting's values)"
                                                      : " (the first values)")) +
          ". Colour: dark purple is the lowest value on the map, yellow the highest (false alarms on "
          "a symmetric-log scale, so values near the limit stay distinguishable); grey cells have no "
          "value. A white dot marks the cells that meet the constraint" +
          (data.constraintText.empty() ? std::string() : " (" + escape(data.constraintText) + ")") + "." +
          (shape.highlight >= 0 ? " The black outline is the recommended setting." : "") +
          (shape.current >= 0 ? " The dashed orange outline is the scenario's own setting." : "") + "</p>\n";
  return html;
}

std::string gridTableHtml(const ReportData& data) {
  std::string html = "<table class=\"grid\"><thead><tr><th class=\"num\">#</th>";
  const bool byAxis = !data.sweepAxes.empty();
  if (byAxis) {
    for (const auto& axis : data.sweepAxes)
      html += "<th class=\"num\">" + code(axis.first) + "</th>";
  } else {
    html += "<th>Settings</th>";
  }
  html +=
      "<th class=\"num\">Detection</th><th class=\"num\">Median latency (s)</th>"
      "<th class=\"num\">p90 latency (s)</th><th class=\"num\">False alarms per person-day</th>"
      "<th class=\"num\">Owner has the item back, mean (h)</th><th>Meets the constraint</th><th>Pareto front</th>"
      "<th>Recommended</th>"
      "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < data.sweepPoints.size(); ++i) {
    const SweepPoint& point = data.sweepPoints[i];
    const bool isBest = static_cast<int>(i) == data.recommendedPoint;
    html += isBest ? "<tr class=\"rec\">" : "<tr>";
    html += "<td class=\"num\">" + std::to_string(i) + "</td>";
    if (byAxis) {
      for (const auto& axis : data.sweepAxes) {
        std::string cell;
        for (const auto& [name, value] : point.settings) {
          if (name == axis.first) cell = settingValue(value);
        }
        html += "<td class=\"num\">" + cell + "</td>";
      }
    } else {
      html += "<td>" + escape(settingsText(point, false)) + "</td>";
    }
    html += "<td class=\"num\">" + percent(point.detectionProbability) + "</td><td class=\"num\">" +
            num(point.medianLatencyS) + "</td><td class=\"num\">" + num(point.p90LatencyS) +
            "</td><td class=\"num\">" + num(point.falseAlarmsPerPersonDay) +
            "</td><td class=\"num\">" + num(point.timeToContainMeanH) + "</td><td>" +
            (point.meetsConstraint ? "yes" : "no") + "</td><td>" + (point.onParetoFront ? "yes" : "") + "</td><td>" + (isBest ? "&#9733; yes" : "") +
            "</td></tr>\n";
  }
  return html + "</tbody></table>\n<p class=\"hint\"># is the grid point's number, the same in "
                "sweep.csv, sweep.json and the command's output. Detection counts separations of tagged "
                "items only (mc's detection_probability_all_items counts every item). \"Owner has the item "
                "back\" is the time from a separation until the owner has the item again, not an incident's "
                "time to contain.</p>\n";
}

std::string sweepHtml(const ReportData& data) {
  std::string html;
  for (const std::string& warning : data.warnings) {
    html += "<p class=\"partial\" role=\"alert\">" + escape(warning) + "</p>\n";
  }
  if (const SweepPoint* best = recommended(data)) {
    html += "<div class=\"recommended-box\"><p><strong>Recommended setting (point " +
            std::to_string(data.recommendedPoint) + "):</strong> " + escape(settingsText(*best, false)) + "</p><p>" +
            escape(pointSummary(*best)) + ".";
    if (!data.constraintText.empty()) html += " Constraint: " + escape(data.constraintText) + ".";
    html += "</p>";
    if (!data.recommendedSet.empty()) {
      html += "<p>To use it: <code class=\"command\">" + escape(data.recommendedSet) + "</code></p>";
    }
    if (!data.currentSetting.empty()) {
      html += "<p>The scenario's own setting: " + escape(data.currentSetting) + ".</p>";
    }
    html += "</div>\n";
  } else {
    html +=
        "<p class=\"warning\">No recommended setting: no grid point meets the constraint" +
        (data.constraintText.empty() ? std::string() : " (" + escape(data.constraintText) + ")") +
        ".</p>\n";
  }
  html += "<h3>Pareto front: detection against false alarms</h3>\n" + paretoHtml(data);
  html += "<h3>Heat maps</h3>\n" + heatMapsHtml(data);
  html += "<h3>Grid points</h3>\n" + gridTableHtml(data);
  return html;
}

// ---------------------------------------------------------------------------- page

constexpr std::string_view kStyle = R"(
:root { color-scheme: light; }
body { font-family: 'DejaVu Sans', 'Helvetica Neue', Arial, 'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans',
       'Yu Gothic', Meiryo, sans-serif; color: #1a1a1a;
  background: #ffffff; line-height: 1.45; max-width: 1000px; margin: 0 auto;
  padding: 12px 24px 40px; }
h1 { font-size: 1.6em; margin: 0.5em 0 0.3em; }
h2 { font-size: 1.25em; margin: 1.8em 0 0.6em; padding-bottom: 3px;
  border-bottom: 2px solid #0072b2; break-after: avoid; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; break-after: avoid; }
p { margin: 0.4em 0; }
code { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.9em; }
.command { word-break: break-all; }
.partial { background: #fff0d6; border: 2px solid #b35900; color: #5c2d00; padding: 8px 12px;
  font-weight: bold; }
.warning { background: #f4f4f4; border-left: 4px solid #b35900; padding: 6px 10px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0.6em 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
nav { font-size: 0.9em; margin: 0.8em 0; }
nav a { margin-right: 1.2em; color: #0060a0; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.86em; }
th, td { padding: 3px 8px; border-bottom: 1px solid #dddddd; text-align: left;
  vertical-align: top; }
th { background: #eef2f5; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tr.rec td { background: #fff5c2; font-weight: bold; }
table.compare { font-size: 0.78em; }
tr.better td { background: #e6f5ee; }
tr.worse td { background: #fbe9df; }
.warn { color: #8a3b00; }
.verdict { border-left: 4px solid #0072b2; background: #eef5fb; padding: 6px 10px; }
.desc { color: #555555; font-size: 0.9em; }
.hint { color: #444444; font-size: 0.88em; }
figure { margin: 1em 0; break-inside: avoid; }
figcaption { font-size: 0.88em; color: #444444; max-width: 720px; margin-top: 4px; }
svg.chart { display: block; max-width: 100%; height: auto; }
.nodata { color: #555555; font-style: italic; border-left: 3px solid #bbbbbb; padding-left: 8px; }
.heatmaps { display: flex; flex-wrap: wrap; gap: 8px 28px; }
.heatmaps figure { margin: 0.4em 0; }
.heatmaps h3 { margin-top: 0.4em; font-size: 0.95em; }
.recommended-box { border: 2px solid #1a1a1a; background: #fffbe3; padding: 6px 12px;
  margin: 0.8em 0; }
footer { margin-top: 3em; font-size: 0.8em; color: #666666; }
@media print {
  body { max-width: none; padding: 0; }
  nav { display: none; }
  tr { break-inside: avoid; }
}
)";

struct Section {
  std::string id, heading, body;
};

void writePage(const ReportData& data, const std::vector<Section>& sections, std::ostream& out);

}  // namespace

void writeReportHtml(const ReportData& data, std::ostream& out) {
  std::vector<Section> sections;
  const auto compareSections = [&data, &sections] {
    std::string top;
    for (const std::string& warning : data.warnings) {
      top += "<p class=\"partial\" role=\"alert\">" + escape(warning) + "</p>\n";
    }
    if (!data.verdict.empty()) top += "<p class=\"verdict\"><strong>Verdict:</strong> " + escape(data.verdict) + "</p>\n";
    sections.push_back({"verdict", "Summary: A and B side by side", top + compareTableHtml(data)});
    sections.push_back({"compare", "Differences B " + std::string(kMinus) + " A", compareHtml(data)});
    sections.push_back({"distributions", "Distributions of A and B", compareDistributionsHtml(data)});
  };
  // A report with both differences and sweep points (only the synthetic sample of the
  // render test) shows every section.
  if (!data.differences.empty() && data.sweepPoints.empty()) {
    // compare: A and B side by side, never the single-run sections (which would read A's
    // figures as the whole story, or find "no metrics" when only differences were given).
    std::string top;
    for (const std::string& warning : data.warnings) {
      top += "<p class=\"partial\" role=\"alert\">" + escape(warning) + "</p>\n";
    }
    if (!data.verdict.empty()) top += "<p class=\"verdict\"><strong>Verdict:</strong> " + escape(data.verdict) + "</p>\n";
    sections.push_back({"verdict", "Summary: A and B side by side", top + compareTableHtml(data)});
    sections.push_back({"compare", "Differences B " + std::string(kMinus) + " A", compareHtml(data)});
    sections.push_back({"distributions", "Distributions of A and B", compareDistributionsHtml(data)});
    sections.push_back({"score", "Score breakdown of A and B", compareScoreHtml(data)});
    return writePage(data, sections, out);
  }
  sections.push_back({"summary", "Summary of metrics", summaryHtml(data)});

  const MetricSummary* contain = nullptr;
  std::vector<const MetricSummary*> timeMetrics;
  for (const MetricSummary& metric : data.metrics) {
    const bool isContain = startsWith(metric.name, "time_to_contain");
    if (isContain && !contain) contain = &metric;
    if (isContain || startsWith(metric.name, "time_to_detect")) timeMetrics.push_back(&metric);
  }
  if (contain) sections.push_back({"time-to-contain", "Time to contain", histogramHtml(*contain)});
  if (!timeMetrics.empty()) {
    sections.push_back({"cdfs", "Detection and containment times", cdfsHtml(timeMetrics)});
  }
  if (data.sweepPoints.empty() || !data.scoreBreakdown.empty()) {
    sections.push_back({"score", "Score breakdown", scoreHtml(data)});
  }
  if (!data.differences.empty()) compareSections();
  if (!data.sweepPoints.empty()) sections.push_back({"sweep", "Sweep", sweepHtml(data)});
  writePage(data, sections, out);
}

namespace {

void writePage(const ReportData& data, const std::vector<Section>& sections, std::ostream& out) {

  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << escape(reportTitle(data)) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n"
      << headerHtml(data) << "<nav>";
  for (const Section& section : sections) {
    out << "<a href=\"#" << section.id << "\">" << escape(section.heading) << "</a>";
  }
  out << "</nav>\n<main>\n";
  for (const Section& section : sections) {
    out << "<section id=\"" << section.id << "\">\n<h2>" << escape(section.heading) << "</h2>\n"
        << section.body << "</section>\n";
  }
  out << "</main>\n<footer>Written by irdrill from the command above; the same command and "
         "seed give the same figures.</footer>\n</body>\n</html>\n";
}

}  // namespace

}  // namespace irdrill::montecarlo
