// Small SVG plotting helpers for the HTML report (report_html.hpp): escaping, number
// formatting, axes with nice ticks (1, 2, 5 x 10^k), colour-blind-friendly colours, a plot
// frame that maps data to pixels and writes lines, CDF steps, bars and markers, and heat
// maps with a colour legend. Everything is returned as SVG text; nothing prints.
//
// Every coordinate written is finite: points with NaN or infinite values are skipped and
// pixel positions are clamped to just outside the plot area, so a bad value never gives
// broken SVG.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace irdrill::montecarlo::svg {

// Text safe inside HTML or SVG content and inside double- or single-quoted attribute
// values: & < > " ' become character references.
std::string escape(std::string_view text);

// A number for people: `significant` digits ("2.35", "0.0456"), but whole numbers up to
// 10^6 keep all their integer digits ("12346"); beyond that, or below 10^-3, a short
// exponent form ("1.2e6", "4.5e-5"). No trailing zeros, no "-0". NaN gives "n/a",
// infinities "inf" and "-inf".
std::string formatNumber(double value, int significant = 3);

// A pixel coordinate as SVG text, one decimal at most ("12.5", "40"); non-finite gives "0".
std::string coord(double value);

// The smallest of 1, 2 and 5 x 10^k that is >= rough; 1 when rough is not finite or <= 0.
double niceStep(double rough);

struct Axis {
  double lo = 0, hi = 1;  // the drawn range, lo < hi (both > 0 when logarithmic)
  bool logarithmic = false;
  double step = 0.2;          // tick spacing of a linear axis
  std::vector<double> ticks;  // increasing, within [lo, hi]
  // Tick label text; when empty, label() picks decimals or formatNumber as below.
  std::function<std::string(double)> format;

  // Where `value` lies from lo (0) to hi (1); on a log axis values <= 0 give 0. Not clamped.
  double fraction(double value) const;
  // A tick label: on a linear axis with the decimals the step needs ("0.5", "1.0",
  // "1.5"), on a log axis formatNumber.
  std::string label(double value) const;
};

// A linear axis covering [lo, hi], widened to multiples of a nice step chosen so that
// there are about `targetTicks` intervals. Non-finite bounds are ignored (both: [0, 1]);
// lo > hi are swapped; lo == hi gets a small range around the value ([0, 1] for 0).
Axis linearAxis(double lo, double hi, int targetTicks = 5);

// A base-10 logarithmic axis from the power of ten at or below lo to the one at or above
// hi; ticks at 1, 2, 5 x 10^k over up to three decades, at 10^k beyond. Needs 0 < lo;
// otherwise, or for non-finite bounds, it falls back to linearAxis.
Axis logAxis(double lo, double hi);

// A duration for people: "0.5 s", "30 s", "5 min", "2 h", "1.5 d" (formatNumber digits).
std::string durationText(double seconds);

// A logarithmic time axis in seconds with ticks at round durations (1 s, 10 s, 1 min,
// 10 min, 1 h, 10 h, 1 d and, over a short range, 2 s, 5 s, 30 s, 2 min...), labelled with
// durationText. Needs 0 < lo <= hi; otherwise falls back to linearAxis.
Axis durationLogAxis(double loSeconds, double hiSeconds);

struct Rgb {
  int r = 0, g = 0, b = 0;
};
// A viridis-like ramp (dark purple - blue - green - yellow), readable with the common
// colour-vision deficiencies and in grey scale; t is clamped to [0, 1].
Rgb viridis(double t);
std::string hexColor(Rgb colour);
// Whether text on this background should be white rather than black.
bool needsLightText(Rgb background);
// Distinct series colours (Okabe and Ito's colour-blind-safe set, without the yellow
// that is too light on white); cycles after seven.
std::string_view seriesColor(std::size_t index);

enum class Marker { circle, diamond, square, star };

// The drawing area of one chart, in pixels: the plot area is inset by the margins.
struct Frame {
  double width = 640, height = 320;
  double left = 64, right = 20, top = 16, bottom = 48;
};

// One chart under construction: data coordinates through two axes to pixels.
class Plot {
 public:
  Plot(Frame frame, Axis x, Axis y);

  const Frame& frame() const { return frame_; }
  const Axis& xAxis() const { return x_; }
  const Axis& yAxis() const { return y_; }
  double plotLeft() const { return frame_.left; }
  double plotRight() const { return frame_.width - frame_.right; }
  double plotTop() const { return frame_.top; }
  double plotBottom() const { return frame_.height - frame_.bottom; }

  // Data to pixels, clamped to a few pixels outside the plot area.
  double px(double x) const;
  double py(double y) const;

  // Vertical grid lines and tick labels along the bottom, the title centred below them.
  void xAxisWithGrid(std::string_view title);
  // Horizontal grid lines and tick labels along the left, the title rotated beside them.
  void yAxisWithGrid(std::string_view title);
  // The plot area's outline.
  void box();

  // A straight line between two data points; `style` is extra attributes, e.g.
  // `stroke="#000" stroke-dasharray="4 3"`.
  void line(double x0, double y0, double x1, double y1, std::string_view style);
  // A polyline through data points, skipping non-finite ones; nothing for fewer than two.
  void polyline(const std::vector<std::pair<double, double>>& points, std::string_view colour,
                double strokeWidth, std::string_view dash = {}, std::string_view cssClass = {});
  // An empirical CDF as a step line: 0 from the left edge to the first value, up to each
  // cumulative fraction (times yScale) at its value, flat to the right edge after the last.
  void stepCdf(const std::vector<std::pair<double, double>>& cdf, double yScale,
               std::string_view colour, std::string_view dash = {}, std::string_view cssClass = {});
  // A rectangle between two data corners, with an optional tooltip.
  void bar(double x0, double y0, double x1, double y1, std::string_view fill,
           std::string_view tooltip = {}, std::string_view cssClass = {});
  // A marker centred on a data point; `size` is its radius in pixels.
  void marker(Marker shape, double x, double y, double size, std::string_view fill,
              std::string_view stroke, std::string_view tooltip = {},
              std::string_view cssClass = {});
  // Text at a pixel position; anchor "start", "middle" or "end"; the text is escaped.
  void text(double pixelX, double pixelY, std::string_view content, std::string_view anchor,
            std::string_view cssClass = {});
  // SVG elements written as they are (pixel coordinates).
  void raw(std::string_view svgElements);

  // The finished <svg> element; `description` becomes its accessible name.
  std::string svg(std::string_view description) const;

 private:
  Frame frame_;
  Axis x_, y_;
  std::string body_;
};

// A marker as SVG text at a pixel position (used by legends and by Plot::marker).
std::string markerSvg(Marker shape, double cx, double cy, double size, std::string_view fill,
                      std::string_view stroke, std::string_view extraAttributes = {},
                      std::string_view tooltip = {});

// A legend drawn as rows of entries below a chart: each with a short line sample, a
// marker, or a filled square in front of its label.
struct LegendEntry {
  std::string label;
  std::string colour;
  std::string dash;  // line entries: stroke-dasharray, may be empty
  enum class Kind { line, marker, swatch } kind = Kind::line;
  Marker marker = Marker::circle;
  std::string markerStroke = "none";
};
// The legend's SVG elements, laid out from (x, y) wrapping at `width` pixels; `height`
// receives the height used.
std::string legendSvg(const std::vector<LegendEntry>& entries, double x, double y, double width,
                      double& height);

// An estimate of the width of text in the report's sans-serif font, for margins.
double textWidth(std::string_view text, double fontSize);

// A heat map: one cell per grid point, coloured by value with viridis, with a legend.
struct HeatMap {
  std::string xTitle, yTitle, legendTitle;
  std::vector<std::string> xLabels;  // columns, left to right
  std::vector<std::string> yLabels;  // rows, bottom to top
  std::vector<double> values;        // values[row * xLabels.size() + column]; NaN: no value
  int highlight = -1;                // index into values of the cell to outline, -1: none
  std::function<std::string(double)> format;  // cell and legend text; formatNumber if empty
  // Cells to mark with a small white dot (a sweep: those meeting the constraint), with the
  // dot's tooltip; empty: none.
  std::vector<bool> marked;
  std::string markedLabel;
  int current = -1;  // index of a cell to outline dashed (the scenario's own setting), -1: none
  // A monotone transform applied before colouring (a symmetric log for rates that matter
  // near a small limit); empty: linear. legendTicks then gives the legend's values.
  std::function<double(double)> colourScale;
  std::vector<double> legendTicks;
};
// The heat map as an <svg> element. Cells carry class "hm-cell", the highlighted one also
// "recommended"; cells without a value are grey and say "n/a".
std::string heatMapSvg(const HeatMap& map, std::string_view description);

}  // namespace irdrill::montecarlo::svg
