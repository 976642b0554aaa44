// The HTML report and its SVG helpers: nice ticks and number formats, colour ramp, heat
// maps, and the report's structure (elements closed and nested, text escaped, nothing
// loaded from outside, finite coordinates), sections and their marks, and short notes
// where there is nothing to draw. tests/montecarlo/report_render_test.sh renders it.
#include "sim/montecarlo/report_html.hpp"
#include "sim/montecarlo/run_statistics.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "sim/montecarlo/svg_plot.hpp"

using namespace irdrill::montecarlo;
using Catch::Matchers::Contains;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string render(const ReportData& data) {
  std::ostringstream out;
  writeReportHtml(data, out);
  return out.str();
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The text of <section id="id">...</section>, or "" when there is none.
std::string section(const std::string& html, const std::string& id) {
  const auto begin = html.find("<section id=\"" + id + "\">");
  if (begin == std::string::npos) return {};
  return html.substr(begin, html.find("</section>", begin) - begin);
}

// Checks that every element is closed and properly nested (void HTML elements and
// self-closed SVG elements excepted). Returns "" when well formed, else what is wrong.
std::string nestingProblem(const std::string& html) {
  static const std::vector<std::string> kVoid{"meta", "br",  "hr",   "img",  "input", "link",
                                              "col",  "wbr", "area", "base", "source"};
  std::vector<std::string> open;
  std::size_t at = 0;
  while ((at = html.find('<', at)) != std::string::npos) {
    const auto end = html.find('>', at);
    if (end == std::string::npos) return "unterminated tag at " + std::to_string(at);
    const std::string tag = html.substr(at + 1, end - at - 1);
    at = end + 1;
    if (tag.empty()) return "empty tag";
    if (tag[0] == '!') continue;  // <!DOCTYPE html>
    const bool closing = tag[0] == '/';
    std::string name;
    for (std::size_t i = closing ? 1 : 0; i < tag.size(); ++i) {
      const auto c = static_cast<unsigned char>(tag[i]);
      if (!std::isalnum(c) && c != '-') break;
      name += static_cast<char>(std::tolower(c));
    }
    if (name.empty()) return "tag without a name: <" + tag + ">";
    if (std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end()) continue;
    if (closing) {
      if (open.empty() || open.back() != name) {
        return "</" + name + "> closes " +
               (open.empty() ? std::string("nothing") : "<" + open.back() + ">");
      }
      open.pop_back();
    } else if (tag.back() != '/') {
      open.push_back(name);
    }
  }
  return open.empty() ? std::string() : "<" + open.back() + "> never closed";
}

bool finiteNumber(const std::string& text) {
  if (text.empty()) return false;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && std::isfinite(value);
}

struct Attribute {
  std::string name, value;
};

// Every name="value" pair of the tags in `html`, in order (text and CSS hold no `="`:
// quotes in text are escaped).
std::vector<Attribute> attributes(const std::string& html) {
  std::vector<Attribute> found;
  for (auto at = html.find("=\""); at != std::string::npos;) {
    auto begin = at;
    while (begin > 0 &&
           (std::isalnum(static_cast<unsigned char>(html[begin - 1])) || html[begin - 1] == '-')) {
      --begin;
    }
    const auto close = html.find('"', at + 2);
    if (close == std::string::npos) break;
    if (begin < at)
      found.push_back({html.substr(begin, at - begin), html.substr(at + 2, close - at - 2)});
    at = html.find("=\"", close + 1);
  }
  return found;
}

std::string attributeOf(const std::string& tag, const std::string& name) {
  for (const Attribute& attribute : attributes(tag)) {
    if (attribute.name == name) return attribute.value;
  }
  return {};
}

// Every start tag <name ...> in `html`.
std::vector<std::string> tags(const std::string& html, const std::string& name) {
  std::vector<std::string> found;
  for (auto at = html.find("<" + name + " "); at != std::string::npos;
       at = html.find("<" + name + " ", at + 1)) {
    found.push_back(html.substr(at, html.find('>', at) - at + 1));
  }
  return found;
}

// Every coordinate-like attribute holds a finite number, and every list of numbers
// (points, viewBox, the arguments of a transform) only finite numbers. Returns the first
// offender, "" when all are fine.
std::string badCoordinate(const std::string& html) {
  static const std::vector<std::string> kSingle{"x",  "y",  "x1", "y1", "x2",    "y2",
                                                "cx", "cy", "r",  "rx", "width", "height"};
  for (const Attribute& attribute : attributes(html)) {
    const std::string problem = attribute.name + "=\"" + attribute.value + "\"";
    if (std::find(kSingle.begin(), kSingle.end(), attribute.name) != kSingle.end()) {
      if (!finiteNumber(attribute.value)) return problem;
    } else if (attribute.name == "points" || attribute.name == "viewBox" ||
               attribute.name == "transform") {
      std::string list = attribute.value;
      if (attribute.name == "transform") {  // "translate(14 160) rotate(-90)": numbers only
        std::replace_if(
            list.begin(), list.end(),
            [](char c) {
              return std::isalpha(static_cast<unsigned char>(c)) || c == '(' || c == ')';
            },
            ' ');
      }
      std::replace(list.begin(), list.end(), ',', ' ');
      std::istringstream tokens(list);
      std::string token;
      int numbers = 0;
      while (tokens >> token) {
        if (!finiteNumber(token)) return problem;
        ++numbers;
      }
      if (numbers == 0) return problem;
    }
  }
  return {};
}

// Checks shared by every report: structure, coordinates, self-containment.
void requireSound(const std::string& html) {
  INFO(html.substr(0, 300));
  REQUIRE(nestingProblem(html) == "");
  REQUIRE(badCoordinate(html) == "");
  CHECK(count(html, "<svg") == count(html, "</svg>"));
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("</html>") != std::string::npos);
}

// A metric whose CDF steps through `values` in equal shares.
MetricSummary metricWithValues(const std::string& name, const std::string& unit,
                               const std::vector<double>& values) {
  MetricSummary metric;
  metric.name = name;
  metric.unit = unit;
  metric.description = "A test metric.";
  metric.count = values.size();
  double sum = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    metric.cdf.emplace_back(values[i],
                            static_cast<double>(i + 1) / static_cast<double>(values.size()));
    sum += values[i];
  }
  metric.mean = values.empty() ? 0 : sum / static_cast<double>(values.size());
  metric.median = values.empty() ? 0 : values[values.size() / 2];
  metric.p90 = values.empty() ? 0 : values[values.size() * 9 / 10];
  metric.p95 = metric.p90;
  metric.ciLow = metric.mean * 0.95;
  metric.ciHigh = metric.mean * 1.05;
  return metric;
}

std::vector<double> spread(double from, double to, int n) {
  std::vector<double> values;
  for (int i = 0; i < n; ++i) values.push_back(from + (to - from) * i / (n - 1));
  return values;
}

// A 5 x 4 sweep over hold_s (x) and interval_ms (y) with a Pareto front and point 9
// (hold 20, interval 500) recommended.
void addSweep(ReportData& data) {
  const std::vector<double> holds{5, 10, 20, 30, 60};
  const std::vector<double> intervals{250, 500, 1000, 2000};
  data.sweepAxes = {{"alerts.phone.hold_s", holds}, {"radio.scan.interval_ms", intervals}};
  for (const double hold : holds) {
    for (const double interval : intervals) {
      SweepPoint point;
      point.settings = {{"alerts.phone.hold_s", hold}, {"radio.scan.interval_ms", interval}};
      point.detectionProbability = 0.985 - 0.004 * hold - 0.00004 * interval;
      point.falseAlarmsPerPersonDay = 2.4 / (1 + hold / 6) * (0.55 + 150 / interval);
      point.medianLatencyS = hold + 3 * interval / 1000 + 12;
      point.p90LatencyS = 2 * point.medianLatencyS;
      point.timeToContainMeanH = 2;
      point.onParetoFront = interval == 250;
      data.sweepPoints.push_back(point);
    }
  }
  data.recommendedPoint = 9;
  data.constraintText = "false alarms per person-day <= 0.5";
}

ReportData fullReport() {
  ReportData data;
  data.title = "office-day: 200 replications";
  data.scenarioName = "Office day";
  data.command = "irdrill montecarlo --scenario office-day.yaml --replications 200";
  data.masterSeed = 7;
  data.replications = 200;
  data.metrics.push_back(metricWithValues("time_to_detect_s", "s", spread(5, 900, 50)));
  data.metrics.push_back(metricWithValues("time_to_contain_h", "h", spread(0.5, 6, 50)));
  data.metrics.push_back(metricWithValues("records_exfiltrated", "records", spread(0, 4000, 50)));
  data.scoreBreakdown = {
      {"time_to_contain", -42.5}, {"records_exfiltrated", -18.25}, {"early_detection", 30}};
  addSweep(data);
  return data;
}

// A compare report: A's and B's summaries and the paired differences.
ReportData compareReport() {
  ReportData data;
  data.title = "Compare: baseline (A) vs hold 20 s (B), 200 paired replications";
  data.scenarioName = "Office day / Office day";
  data.masterSeed = 7;
  data.replications = 200;
  data.metrics.push_back(metricWithValues("time_to_detect_s", "s", spread(5, 900, 50)));
  data.metrics.push_back(metricWithValues("time_to_contain_h", "h", spread(0.5, 6, 50)));
  data.metrics.push_back(metricWithValues("score", "points", spread(400, 900, 50)));
  data.metricsB.push_back(metricWithValues("time_to_detect_s", "s", spread(4, 800, 50)));
  data.metricsB.push_back(metricWithValues("time_to_contain_h", "h", spread(0.4, 5.5, 50)));
  data.metricsB.push_back(metricWithValues("score", "points", spread(420, 920, 50)));
  data.scoreBreakdown = {{"time_to_contain", -42.5}, {"records_exfiltrated", -18.25}};
  data.scoreBreakdownB = {{"time_to_contain", -40.5}, {"records_exfiltrated", -18.5}};
  data.labelA = "baseline";
  data.labelB = "hold 20 s";
  data.differences = {
      MetricDifference{"time_to_detect_s", "s", 230, 198, -32, -41.5, -22.5, 200, Better::Lower},
      MetricDifference{"time_to_contain_h", "h", 2.2, 2.12, -0.08, -0.19, 0.03, 200, Better::Lower},
      MetricDifference{"alarms", "", 0, 0.5, 0.5, 0.2, 0.8, 200, Better::Lower},  // A's mean is 0
  };
  data.verdict = compareVerdict(data.differences);
  return data;
}

}  // namespace

// ------------------------------------------------------------------------ svg helpers

TEST_CASE("Nice steps are 1, 2 or 5 times a power of ten, at least the rough step") {
  CHECK(svg::niceStep(1) == Approx(1));
  CHECK(svg::niceStep(0.13) == Approx(0.2));
  CHECK(svg::niceStep(3) == Approx(5));
  CHECK(svg::niceStep(7) == Approx(10));
  CHECK(svg::niceStep(450) == Approx(500));
  CHECK(svg::niceStep(0.0021) == Approx(0.005));
  CHECK(svg::niceStep(0) == 1);
  CHECK(svg::niceStep(kNaN) == 1);
}

TEST_CASE("A linear axis widens its range to nice ticks") {
  const auto ticksOf = [](const svg::Axis& axis) {
    std::vector<std::string> labels;
    for (const double tick : axis.ticks) labels.push_back(axis.label(tick));
    return labels;
  };
  const svg::Axis tens = svg::linearAxis(0, 10, 5);
  CHECK(ticksOf(tens) == std::vector<std::string>{"0", "2", "4", "6", "8", "10"});

  const svg::Axis fractions = svg::linearAxis(0.13, 0.87, 5);
  CHECK(fractions.lo == Approx(0));
  CHECK(fractions.hi == Approx(1));
  CHECK(ticksOf(fractions) == std::vector<std::string>{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"});

  CHECK(ticksOf(svg::linearAxis(-3, 7, 5)) ==
        std::vector<std::string>{"-4", "-2", "0", "2", "4", "6", "8"});
  CHECK(ticksOf(svg::linearAxis(3, 97, 5)) ==
        std::vector<std::string>{"0", "20", "40", "60", "80", "100"});
  CHECK(ticksOf(svg::linearAxis(0.5, 2.25, 4)) ==
        std::vector<std::string>{"0.5", "1.0", "1.5", "2.0", "2.5"});
  CHECK(ticksOf(svg::linearAxis(1200, 98000, 5)) ==
        std::vector<std::string>{"0", "20000", "40000", "60000", "80000", "100000"});
}

TEST_CASE("A linear axis over one value, NaN bounds or a reversed range still has ticks") {
  const svg::Axis single = svg::linearAxis(2.5, 2.5);
  CHECK(single.lo < 2.5);
  CHECK(single.hi > 2.5);
  CHECK(single.ticks.size() >= 2);

  const svg::Axis zero = svg::linearAxis(0, 0);
  CHECK(zero.lo == 0);
  CHECK(zero.hi == Approx(1));

  const svg::Axis none = svg::linearAxis(kNaN, kNaN);
  CHECK(none.lo == 0);
  CHECK(none.hi == Approx(1));

  const svg::Axis halfKnown = svg::linearAxis(kNaN, 4);
  CHECK(halfKnown.lo < 4);
  CHECK(halfKnown.hi > 4);

  const svg::Axis reversed = svg::linearAxis(5, 1);
  CHECK(reversed.lo == Approx(1));
  CHECK(reversed.hi == Approx(5));
}

TEST_CASE("A log axis runs between powers of ten with 1-2-5 ticks over a short range") {
  const svg::Axis shortRange = svg::logAxis(3, 700);
  CHECK(shortRange.logarithmic);
  CHECK(shortRange.lo == Approx(1));
  CHECK(shortRange.hi == Approx(1000));
  std::vector<std::string> labels;
  for (const double tick : shortRange.ticks) labels.push_back(shortRange.label(tick));
  CHECK(labels ==
        std::vector<std::string>{"1", "2", "5", "10", "20", "50", "100", "200", "500", "1000"});
  CHECK(shortRange.fraction(10) == Approx(1.0 / 3));

  const svg::Axis wide = svg::logAxis(0.001, 1e6);
  CHECK(wide.ticks.size() == 10);  // 10^-3 .. 10^6, decades only
  CHECK(wide.label(1e6) == "1e6");

  CHECK_FALSE(svg::logAxis(0, 10).logarithmic);  // no log of zero: linear instead
}

TEST_CASE("A duration axis puts its ticks at round times and labels them in fitting units") {
  CHECK(svg::durationText(0.5) == "0.5 s");
  CHECK(svg::durationText(30) == "30 s");
  CHECK(svg::durationText(90) == "1.5 min");
  CHECK(svg::durationText(7200) == "2 h");
  CHECK(svg::durationText(3 * 86400) == "3 d");

  const svg::Axis axis = svg::durationLogAxis(3, 30000);
  CHECK(axis.lo == Approx(1));
  CHECK(axis.hi == Approx(36000));
  std::vector<std::string> labels;
  for (const double tick : axis.ticks) labels.push_back(axis.label(tick));
  CHECK(labels == std::vector<std::string>{"1 s", "10 s", "1 min", "10 min", "1 h", "10 h"});

  const svg::Axis minutes = svg::durationLogAxis(70, 1500);  // a short range: finer ticks
  labels.clear();
  for (const double tick : minutes.ticks) labels.push_back(minutes.label(tick));
  CHECK(labels ==
        std::vector<std::string>{"1 min", "2 min", "5 min", "10 min", "20 min", "30 min", "1 h"});
}

TEST_CASE("Numbers are formatted with three significant digits and no noise") {
  CHECK(svg::formatNumber(2.2156) == "2.22");
  CHECK(svg::formatNumber(0.357) == "0.357");
  CHECK(svg::formatNumber(100) == "100");
  CHECK(svg::formatNumber(0.5) == "0.5");
  CHECK(svg::formatNumber(-2.5) == "-2.5");
  CHECK(svg::formatNumber(12345.6) == "12346");
  CHECK(svg::formatNumber(999.96) == "1000");
  CHECK(svg::formatNumber(0.000123) == "1.23e-4");
  CHECK(svg::formatNumber(1.5e7) == "1.5e7");
  CHECK(svg::formatNumber(-0.0) == "0");
  CHECK(svg::formatNumber(-0.0001) == "-1e-4");
  CHECK(svg::formatNumber(kNaN) == "n/a");
  CHECK(svg::formatNumber(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(svg::formatNumber(20, 4) == "20");
  CHECK(svg::formatNumber(0.125, 4) == "0.125");
  CHECK(svg::coord(12.34) == "12.3");
  CHECK(svg::coord(40.0) == "40");
  CHECK(svg::coord(kNaN) == "0");
}

TEST_CASE("The colour ramp runs from dark purple to yellow, lighter all the way") {
  CHECK(svg::hexColor(svg::viridis(0)) == "#440154");
  CHECK(svg::hexColor(svg::viridis(0.5)) == "#21918c");
  CHECK(svg::hexColor(svg::viridis(1)) == "#fde725");
  CHECK(svg::hexColor(svg::viridis(-3)) == "#440154");  // clamped
  CHECK(svg::hexColor(svg::viridis(kNaN)) == "#440154");
  const auto lightness = [](svg::Rgb c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; };
  for (int i = 0; i < 20; ++i) {
    CHECK(lightness(svg::viridis(i / 20.0)) < lightness(svg::viridis((i + 1) / 20.0)));
  }
  CHECK(svg::needsLightText(svg::viridis(0)));
  CHECK_FALSE(svg::needsLightText(svg::viridis(1)));
  CHECK(svg::seriesColor(0) != svg::seriesColor(1));
}

TEST_CASE("Escaping replaces the five characters special in HTML") {
  CHECK(svg::escape("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
  CHECK(svg::escape("plain text") == "plain text");
}

TEST_CASE("A heat map has one cell per grid point and outlines the highlighted one") {
  svg::HeatMap map;
  map.xTitle = "hold_s";
  map.yTitle = "interval_ms";
  map.legendTitle = "detection";
  map.xLabels = {"5", "10", "20", "30", "60"};
  map.yLabels = {"250", "500", "1000", "2000"};
  for (int i = 0; i < 20; ++i) map.values.push_back(i == 7 ? kNaN : i * 0.05);
  map.highlight = 11;
  const std::string svgText = svg::heatMapSvg(map, "test map");
  REQUIRE(nestingProblem(svgText) == "");
  REQUIRE(badCoordinate(svgText) == "");
  CHECK(count(svgText, "class=\"hm-cell\"") == 20);
  CHECK(count(svgText, "class=\"recommended\"") == 1);
  CHECK(count(svgText, ">n/a</text>") == 1);  // the NaN cell
  CHECK(count(svgText, "fill=\"#d9d9d9\"") == 1);
  // The ramp spans the values: the lowest cell darkest, the highest yellow.
  CHECK(count(svgText, "fill=\"#440154\" stroke=\"#ffffff\"") == 1);
  CHECK(count(svgText, "fill=\"#fde725\" stroke=\"#ffffff\"") == 1);
  CHECK_THAT(svgText, Contains(">detection</text>"));

  map.values.pop_back();  // shape no longer matches
  CHECK(svg::heatMapSvg(map, "broken").empty());
}

TEST_CASE("A plot skips NaN points and clamps far values so every coordinate is finite") {
  svg::Plot plot(svg::Frame{}, svg::linearAxis(0, 10), svg::linearAxis(0, 1));
  plot.xAxisWithGrid("x (s)");
  plot.yAxisWithGrid("y");
  plot.polyline({{0, 0}, {kNaN, 0.5}, {5, kNaN}, {1e300, 0.5}, {10, 1}}, "#000", 2);
  plot.stepCdf({{1, 0.5}, {kNaN, 0.7}, {4, 1}}, 1, "#000");
  plot.bar(kNaN, 0, 1, 1, "#000");
  plot.marker(svg::Marker::star, 5, 0.5, 6, "#ff0", "#000", "a star");
  plot.marker(svg::Marker::diamond, kNaN, 0.5, 6, "#ff0", "#000");
  const std::string svgText = plot.svg("test");
  REQUIRE(nestingProblem(svgText) == "");
  REQUIRE(badCoordinate(svgText) == "");
  CHECK(count(svgText, "<polyline") == 2);
  CHECK(count(svgText, "<polygon") == 1);  // the star; the NaN diamond is skipped
  CHECK(count(svgText, "<rect") == 0);     // the NaN bar is skipped
  CHECK_THAT(svgText, Contains("<title>a star</title>"));
}

// ----------------------------------------------------------------------------- report

TEST_CASE("A full report is well formed with every chart") {
  const std::string html = render(fullReport());
  requireSound(html);
  // Histogram, CDFs, score, Pareto plot, three heat maps.
  CHECK(count(html, "<svg") == 7);
  for (const char* id : {"summary", "time-to-contain", "cdfs", "score", "sweep"}) {
    INFO(id);
    CHECK_FALSE(section(html, id).empty());
  }
  CHECK(count(html, "<table") == count(html, "</table>"));
  CHECK(count(html, "<g") == count(html, "</g>"));
}

TEST_CASE("Text from the data is escaped everywhere it appears") {
  ReportData data = fullReport();
  data.title = "Drill <b>1</b>";
  data.scenarioName = "<script>alert(\"x\")</script> & co";
  data.command = "irdrill montecarlo --label 'a<b'";
  data.metrics[0].name = "time_to_detect_<s>";
  data.metrics[0].description = "Say \"hi\" & <wave>";
  data.sweepAxes[0].first = "alerts.phone.hold_s<&>";
  for (auto& point : data.sweepPoints) point.settings[0].first = "alerts.phone.hold_s<&>";
  const std::string html = render(data);
  requireSound(html);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("<s>") == std::string::npos);
  CHECK(html.find("<wave>") == std::string::npos);
  CHECK_THAT(html, Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co"));
  CHECK_THAT(html, Contains("<title>Drill &lt;b&gt;1&lt;/b&gt;</title>"));
  CHECK_THAT(html, Contains("time_to_detect_&lt;s&gt;"));
  CHECK_THAT(html, Contains("hold_s&lt;&amp;&gt; = 20"));
  ReportData compare = compareReport();
  compare.labelA = "A & <old>";
  CHECK_THAT(render(compare), Contains("A &amp; &lt;old&gt;"));
}

TEST_CASE("The report references nothing outside itself") {
  const std::string html = render(fullReport());
  std::string withoutNamespace = html;
  const std::string xmlns = "xmlns=\"http://www.w3.org/2000/svg\"";
  for (auto at = withoutNamespace.find(xmlns); at != std::string::npos;
       at = withoutNamespace.find(xmlns)) {
    withoutNamespace.erase(at, xmlns.size());
  }
  CHECK(withoutNamespace.find("http://") == std::string::npos);
  CHECK(withoutNamespace.find("https://") == std::string::npos);
  for (const char* outside : {"<link", "<script", "src=", "url(", "@import", "<img", "<iframe"}) {
    INFO(outside);
    CHECK(html.find(outside) == std::string::npos);
  }
  // Links only jump within the page, to ids that exist.
  int links = 0;
  for (const Attribute& attribute : attributes(html)) {
    if (attribute.name != "href") continue;
    ++links;
    REQUIRE(attribute.value.rfind('#', 0) == 0);
    CHECK(html.find("id=\"" + attribute.value.substr(1) + "\"") != std::string::npos);
  }
  CHECK(links == 5);
}

TEST_CASE("The header shows the scenario, seed, replications and command") {
  const std::string html = render(fullReport());
  CHECK_THAT(html, Contains("<h1>office-day: 200 replications</h1>"));
  CHECK_THAT(html, Contains("<dt>Scenario</dt><dd>Office day</dd>"));
  CHECK_THAT(html, Contains("<dt>Master seed</dt><dd>7</dd>"));
  CHECK_THAT(html, Contains("<dt>Replications</dt><dd>200</dd>"));
  CHECK_THAT(html, Contains("irdrill montecarlo --scenario office-day.yaml --replications 200"));
  CHECK(html.find("PARTIAL") == std::string::npos);
}

TEST_CASE("A partial run shows a PARTIAL banner with the replications done") {
  ReportData data = fullReport();
  data.partial = true;
  data.replications = 137;
  const std::string html = render(data);
  requireSound(html);
  CHECK_THAT(html, Contains("<p class=\"partial\" role=\"alert\">PARTIAL: stopped after 137 "
                            "replications."));
  CHECK(html.find("PARTIAL: stopped") < html.find("<section"));  // in the header
}

TEST_CASE("The summary table has one row per metric with its formatted figures") {
  ReportData data;
  MetricSummary metric = metricWithValues("time_to_contain_h", "h", {1, 2, 3});
  metric.mean = 2.2156;
  metric.sd = 1.16;
  metric.median = 2.08;
  metric.p90 = 3.77;
  metric.p95 = 4.291;
  metric.ciLow = 2.05;
  metric.ciHigh = 2.384;
  metric.intervalMethod = IntervalMethod::BootstrapPercentile;
  data.metrics.push_back(metric);
  MetricSummary empty;
  empty.name = "time_to_detect_s";
  empty.unit = "s";
  data.metrics.push_back(empty);  // count 0: no figures
  const std::string html = render(data);
  requireSound(html);
  const std::string summary = section(html, "summary");
  CHECK(count(summary, "<tr>") == 3);  // header and two metrics
  CHECK_THAT(summary,
             Contains("<td class=\"num\">3</td><td class=\"num\">2.22</td><td class=\"num\">1.16"
                      "</td><td class=\"num\">2.08</td><td class=\"num\">3.77</td>"
                      "<td class=\"num\">4.29</td><td class=\"num\">2.05 \xE2\x80\x93 2.38"
                      "<div class=\"desc\">bootstrap percentile</div>"
                      "<div class=\"desc warn\">rough: n &lt; 10</div></td>"));
  CHECK(count(summary, ">n/a</td>") == 6);
  CHECK_THAT(summary, Contains("Few replications"));
}

TEST_CASE("The time-to-contain histogram's bars are the rises of the CDF across them") {
  ReportData data;
  data.metrics.push_back(metricWithValues("time_to_contain_h", "h", {1.1, 2.1, 3.1, 4.1}));
  const std::string html = render(data);
  requireSound(html);
  const std::string histogram = section(html, "time-to-contain");
  REQUIRE(count(histogram, "<svg") == 1);
  CHECK_THAT(histogram, Contains("<h2>Time to contain</h2>"));
  CHECK_THAT(histogram, Contains("Time to contain (h)"));
  // Bins of 0.2 h from 1 to 4.2 h: a quarter in the bin of each value, none between.
  CHECK(count(histogram, "% of replications</title>") == 16);
  CHECK_THAT(histogram, Contains("<title>1 to 1.2 h: 25% of replications</title>"));
  CHECK_THAT(histogram, Contains("<title>2 to 2.2 h: 25% of replications</title>"));
  CHECK_THAT(histogram, Contains("<title>4 to 4.2 h: 25% of replications</title>"));
  CHECK_THAT(histogram, Contains("<title>1.2 to 1.4 h: 0% of replications</title>"));
  CHECK_THAT(histogram, Contains("median 3.1 h"));

  ReportData without;
  without.metrics.push_back(metricWithValues("records_exfiltrated", "records", {1, 2}));
  CHECK(section(render(without), "time-to-contain").empty());
}

TEST_CASE("Detection and containment CDFs share one chart with a legend entry each") {
  ReportData data;
  data.metrics.push_back(metricWithValues("time_to_detect_s", "s", spread(5, 900, 40)));
  data.metrics.push_back(metricWithValues("time_to_detect_gateway_s", "s", spread(30, 1800, 40)));
  data.metrics.push_back(metricWithValues("time_to_contain_h", "h", spread(0.5, 8, 40)));
  data.metrics.push_back(metricWithValues("records_exfiltrated", "records", spread(0, 10, 40)));
  const std::string html = render(data);
  requireSound(html);
  const std::string cdfs = section(html, "cdfs");
  CHECK(count(cdfs, "<svg") == 1);
  CHECK(count(cdfs, "class=\"cdf\"") == 3);
  CHECK_THAT(cdfs, Contains(">time_to_detect_s (n = 40)</text>"));
  CHECK_THAT(cdfs, Contains(">time_to_detect_gateway_s (n = 40)</text>"));
  CHECK_THAT(cdfs, Contains(">time_to_contain_h (n = 40)</text>"));
  CHECK(cdfs.find("records_exfiltrated") == std::string::npos);
  // 5 s to 8 h spans more than three orders of magnitude: a log axis with round times.
  CHECK_THAT(cdfs, Contains("Time (log scale)"));
  CHECK_THAT(cdfs, Contains(">10 min</text>"));

  ReportData close;
  close.metrics.push_back(metricWithValues("time_to_detect_s", "s", spread(60, 1500, 40)));
  close.metrics.push_back(metricWithValues("time_to_contain_h", "h", spread(0.1, 1, 40)));
  CHECK_THAT(section(render(close), "cdfs"), Contains("Time (min)"));
}

TEST_CASE("CDFs of metrics in units that are not times get one chart per unit") {
  ReportData data;
  data.metrics.push_back(metricWithValues("time_to_detect_count", "", spread(1, 10, 10)));
  data.metrics.push_back(metricWithValues("time_to_contain_h", "h", spread(1, 10, 10)));
  const std::string cdfs = section(render(data), "cdfs");
  CHECK(count(cdfs, "<svg") == 2);
  CHECK(count(cdfs, "class=\"cdf\"") == 2);
}

TEST_CASE("The score breakdown draws penalties left of zero and credits right of it") {
  const std::string html = render(fullReport());
  const std::string score = section(html, "score");
  REQUIRE(count(score, "<svg") == 1);
  CHECK(count(score, "class=\"bar negative\"") == 2);
  CHECK(count(score, "class=\"bar positive\"") == 1);
  CHECK_THAT(score, Contains(">-42.5</text>"));
  CHECK_THAT(score, Contains(">+30</text>"));
  CHECK_THAT(score, Contains("Total: -30.8 points per replication"));
  // Every bar touches the zero line: negative bars end there, positive ones start there.
  std::vector<double> zeroAt;
  for (const std::string& rect : tags(score, "rect")) {
    const std::string cssClass = attributeOf(rect, "class");
    if (cssClass.rfind("bar ", 0) != 0) continue;
    const double x = std::stod(attributeOf(rect, "x"));
    const double width = std::stod(attributeOf(rect, "width"));
    CHECK(width > 0);
    zeroAt.push_back(cssClass == "bar negative" ? x + width : x);
  }
  REQUIRE(zeroAt.size() == 3);
  CHECK(zeroAt[0] == Approx(zeroAt[2]).margin(0.15));
  CHECK(zeroAt[1] == Approx(zeroAt[2]).margin(0.15));

  ReportData unscored = fullReport();
  unscored.scoreBreakdown.clear();
  unscored.sweepPoints.clear();  // a sweep has no score: no section, not a false note
  CHECK_THAT(section(render(unscored), "score"), Contains("No score breakdown"));
}

TEST_CASE("Compare shows a forest plot and a table of the differences") {
  const std::string html = render(compareReport());
  const std::string compare = section(html, "compare");
  REQUIRE(count(compare, "<svg") == 1);
  CHECK(count(compare, "class=\"difference\"") == 2);  // the third has A's mean 0
  CHECK_THAT(compare, Contains("not plotted: A&#39;s mean is 0"));
  CHECK_THAT(compare, Contains("B \xE2\x88\x92 A, % of A&#39;s mean"));
  CHECK_THAT(compare, Contains(">-32 s  [-41.5, -22.5]</text>"));
  const std::string table = section(html, "verdict");
  CHECK(count(table, "<tr") == 4);                                // header and three metrics
  CHECK_THAT(table, Contains("<td class=\"num\">-13.9%</td>"));  // -32 of 230
  CHECK_THAT(table, Contains("A: mean [95% CI]"));

  CHECK(section(render(fullReport()), "compare").empty());
}

TEST_CASE("A compare report shows A and B side by side, never single-run notes") {
  const std::string html = render(compareReport());
  requireSound(html);
  // The defects of issue 11: notes of an empty single run above the forest plot.
  CHECK(html.find("No metrics were recorded") == std::string::npos);
  CHECK(html.find("defines no scoring") == std::string::npos);
  const std::string table = section(html, "verdict");
  // Detection: B lower and lower is better -> B better; containment's interval holds 0;
  // alarms: B higher, lower is better -> B worse.
  CHECK(count(table, "<tr class=\"better\">") == 1);
  CHECK(count(table, "<tr class=\"worse\">") == 1);
  CHECK_THAT(table, Contains("not significant"));
  CHECK_THAT(table, Contains("Verdict:</strong> B is significantly better than A in time_to_detect_s; worse in alarms; "
                             "no significant difference in the other 1 metric (95% intervals of the paired "
                             "differences, 200 pairs)."));
  // Overlaid distributions of time to contain and the score, A and B in each.
  const std::string distributions = section(html, "distributions");
  CHECK(count(distributions, "<svg") == 2);
  CHECK_THAT(distributions, Contains("A: time_to_contain_h (n = 50)"));
  CHECK_THAT(distributions, Contains("B: score (n = 50)"));
  // Both score breakdowns.
  const std::string score = section(html, "score");
  CHECK(count(score, "<svg") == 2);
  CHECK_THAT(score, Contains("-40.5"));
  CHECK_THAT(score, Contains("-42.5"));
}

TEST_CASE("A compare report shows its warnings at the top") {
  ReportData data = compareReport();
  data.warnings = {"A and B are not variants of one scenario (the people differ)."};
  const std::string html = render(data);
  CHECK_THAT(section(html, "verdict"), Contains("role=\"alert\">A and B are not variants of one scenario"));
}

TEST_CASE("A sweep marks the recommended setting on the Pareto plot and every heat map") {
  const std::string html = render(fullReport());
  const std::string sweep = section(html, "sweep");
  REQUIRE_FALSE(sweep.empty());
  CHECK_THAT(sweep, Contains("<strong>Recommended setting (point 9):</strong> alerts.phone.hold_s = 20, "
                             "radio.scan.interval_ms = 500"));
  // Pareto plot: the front, the star with its label, the constraint line at 0.5.
  CHECK(count(sweep, "class=\"pareto-front\"") == 1);
  CHECK(count(sweep, "class=\"point pareto\"") == 5);
  CHECK(count(sweep, "class=\"point\"") == 15);
  CHECK(count(sweep, "<polygon") == 1 + 1);  // the star and its legend entry
  CHECK_THAT(sweep, Contains("class=\"recommended\"><title>Recommended: alerts.phone.hold_s = 20"));
  CHECK_THAT(sweep, Contains(">hold_s = 20, interval_ms = 500</text>"));
  CHECK(count(sweep, "class=\"constraint\"") == 1);
  CHECK_THAT(sweep, Contains(">limit 0.5</text>"));
  // Three heat maps of 5 x 4 cells, each with the recommended cell outlined.
  CHECK(count(sweep, "class=\"hm-cell\"") == 3 * 20);
  CHECK(count(sweep, "<rect class=\"recommended\"") == 3);
  CHECK_THAT(sweep, Contains("alerts.phone.hold_s = 20, radio.scan.interval_ms = 500: 88.5%"));
  // The table of grid points, the recommended row highlighted.
  CHECK(count(sweep, "<tr>") + count(sweep, "<tr class=\"rec\">") == 21);
  CHECK(count(sweep, "<tr class=\"rec\"><td class=\"num\">9</td>") == 1);  // numbered from 0, as in sweep.csv
}

TEST_CASE("Heat maps over three axes hold the third at the recommended setting's value") {
  ReportData data;
  data.sweepAxes = {{"a", {1, 2, 3}}, {"b", {10, 20}}, {"c", {0.25, 0.5}}};
  for (const double a : {1, 2, 3}) {
    for (const double b : {10, 20}) {
      for (const double c : {0.25, 0.5}) {
        SweepPoint point;
        point.settings = {{"a", a}, {"b", b}, {"c", c}};
        point.detectionProbability = 0.5 + a / 10 + c / 10;
        point.falseAlarmsPerPersonDay = b / 100;
        point.medianLatencyS = a * b;
        data.sweepPoints.push_back(point);
      }
    }
  }
  data.recommendedPoint = 7;  // a = 2, b = 20, c = 0.5
  const std::string sweep = section(render(data), "sweep");
  CHECK(count(sweep, "class=\"hm-cell\"") == 3 * 6);
  CHECK(count(sweep, "<rect class=\"recommended\"") == 3);
  CHECK_THAT(sweep, Contains("with c = 0.5 (the recommended setting's values)"));
  CHECK_THAT(sweep, Contains("<title>a = 2, b = 20: 75%</title>"));  // 0.5 + 0.2 + 0.05 at c = 0.5
}

TEST_CASE("A sweep without a recommended point says so and outlines nothing") {
  ReportData data = fullReport();
  data.recommendedPoint = -1;
  const std::string html = render(data);
  requireSound(html);
  const std::string sweep = section(html, "sweep");
  CHECK_THAT(sweep, Contains("No recommended setting: no grid point meets the constraint "
                             "(false alarms per person-day &lt;= 0.5)"));
  CHECK(sweep.find("class=\"recommended\"") == std::string::npos);
  CHECK(sweep.find("<tr class=\"rec\">") == std::string::npos);
}

TEST_CASE("A grid whose axes do not match its points gets a note, not wrong heat maps") {
  ReportData data = fullReport();
  data.sweepAxes[1].second.pop_back();  // 5 x 3 = 15 combinations for 20 points
  const std::string html = render(data);
  requireSound(html);
  CHECK(count(section(html, "sweep"), "class=\"hm-cell\"") == 0);
  CHECK_THAT(section(html, "sweep"), Contains("No heat maps: the grid's axes (15 combinations) "
                                              "do not match its 20 points."));
}

TEST_CASE("Empty data gives short notes instead of broken charts") {
  SECTION("no CDF points") {
    ReportData data;
    data.metrics.push_back(metricWithValues("time_to_contain_h", "h", {}));
    const std::string html = render(data);
    requireSound(html);
    CHECK_THAT(section(html, "time-to-contain"), Contains("No data: no replication has a value"));
    CHECK_THAT(section(html, "cdfs"), Contains("No data"));
    CHECK(count(html, "<svg") == 0);
  }
  SECTION("a single point") {
    ReportData data;
    data.metrics.push_back(metricWithValues("time_to_contain_h", "h", {2.5}));
    const std::string html = render(data);
    requireSound(html);
    CHECK_THAT(section(html, "time-to-contain"), Contains("Every replication gave the same"));
    CHECK(count(section(html, "cdfs"), "class=\"cdf\"") == 1);  // one step, still drawable
  }
  SECTION("all values NaN") {
    ReportData data;
    MetricSummary metric = metricWithValues("time_to_contain_h", "h", {kNaN, kNaN, kNaN});
    data.metrics.push_back(metric);
    data.scoreBreakdown = {{"time_to_contain", kNaN}};
    SweepPoint point;
    point.detectionProbability = kNaN;
    point.falseAlarmsPerPersonDay = kNaN;
    point.medianLatencyS = kNaN;
    data.sweepAxes = {{"a", {1}}};
    data.sweepPoints = {point};
    const std::string html = render(data);
    requireSound(html);
    CHECK_THAT(section(html, "time-to-contain"), Contains("No data"));
    CHECK_THAT(section(html, "cdfs"), Contains("No data"));
    CHECK_THAT(section(html, "score"), Contains("No data"));
    CHECK(count(section(html, "sweep"), "No data") == 1 + 3);  // Pareto plot, three maps
    CHECK(html.find("<svg") == std::string::npos);
  }
  SECTION("zero range") {
    ReportData data;
    data.metrics.push_back(metricWithValues("time_to_contain_h", "h", {3, 3, 3}));
    data.metrics.push_back(metricWithValues("time_to_detect_s", "s", {0, 0}));
    data.scoreBreakdown = {{"nothing", 0}};
    const std::string html = render(data);
    requireSound(html);
    CHECK_THAT(section(html, "time-to-contain"), Contains("Every replication gave the same"));
    CHECK(count(section(html, "cdfs"), "class=\"cdf\"") == 2);
    CHECK(count(section(html, "score"), "<svg") == 1);
  }
  SECTION("nothing at all") {
    const std::string html = render(ReportData{});
    requireSound(html);
    CHECK_THAT(html, Contains("No metrics were recorded."));
    CHECK_THAT(html, Contains("<h1>irdrill Monte Carlo report</h1>"));
    CHECK(html.find("<svg") == std::string::npos);
  }
}

TEST_CASE("A censored time shows its censored share, a Kaplan-Meier curve and a median only where reached") {
  ReportData data;
  MetricSummary contain = metricWithValues("time_to_contain_h", "h", {1, 2, 10, 10, 10, 10});
  contain.censoredBy = "not_contained_fraction";
  contain.censored = 4;
  contain.survival = kaplanMeier({{1, 1, 0}, {2, 1, 0}, {10, 0, 4}});
  contain.median = survivalQuantile(contain.survival, 0.5);  // not reached: S stays at 4/6
  contain.intervalMethod = IntervalMethod::BootstrapPercentile;
  data.metrics.push_back(contain);
  const std::string html = render(data);
  requireSound(html);
  const std::string summary = section(html, "summary");
  CHECK_THAT(summary, Contains("<th class=\"num\">Censored</th>"));
  CHECK_THAT(summary, Contains("4 of 6 (66.7%)"));
  CHECK_THAT(summary, Contains(">not reached</td>"));
  CHECK_THAT(section(html, "time-to-contain"), Contains("Censored: 4 of 6 (66.7%)"));
  const std::string cdfs = section(html, "cdfs");
  CHECK(count(cdfs, "class=\"censor-mark\"") == 1);
  CHECK_THAT(cdfs, Contains("time_to_contain_h (n = 6, 4 censored)"));
  CHECK_THAT(cdfs, Contains("Kaplan-Meier"));
}

TEST_CASE("Sweep heat maps mark feasible cells and the scenario's own setting; the recommendation comes with --set") {
  ReportData data = fullReport();
  int feasible = 0;
  for (auto& point : data.sweepPoints) {
    point.meetsConstraint = point.falseAlarmsPerPersonDay <= 0.5;
    feasible += point.meetsConstraint ? 1 : 0;
  }
  REQUIRE(feasible > 0);
  REQUIRE(feasible < 20);
  data.sweepCurrent = {10.0, 500.0};  // hold 10 s, interval 500 ms: a grid point
  data.recommendedSet = "--set alerts.phone.hold_s=20 --set radio.scan.interval_ms=500";
  data.currentSetting = "hold_s = 10, interval_ms = 500";
  data.warnings = {"The recommended setting is on the edge of the grid: interval_ms = 500 is the largest value swept."};
  const std::string html = render(data);
  requireSound(html);
  const std::string sweep = section(html, "sweep");
  CHECK(count(sweep, "class=\"hm-mark\"") == static_cast<std::size_t>(3 * feasible));  // on each of three maps
  CHECK(count(sweep, "<rect class=\"current\"") == 3);
  CHECK_THAT(sweep, Contains("To use it: <code class=\"command\">--set alerts.phone.hold_s=20 --set "
                             "radio.scan.interval_ms=500</code>"));
  CHECK_THAT(sweep, Contains("own setting: hold_s = 10, interval_ms = 500."));
  CHECK_THAT(sweep, Contains("role=\"alert\">The recommended setting is on the edge of the grid"));
  // False alarms from 0.14 to 1.5 per person-day: a linear axis is fine.
  CHECK_THAT(sweep, Contains(">False alarms per person-day<"));
  // One setting with 300 false alarms would squeeze the rest against 0: symmetric log,
  // linear up to a tenth of the limit's power of ten.
  data.sweepPoints[0].falseAlarmsPerPersonDay = 300;
  CHECK_THAT(section(render(data), "sweep"), Contains("False alarms per person-day (linear to 0.01, logarithmic beyond)"));
}
