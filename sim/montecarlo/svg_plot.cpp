#include "sim/montecarlo/svg_plot.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <numbers>

namespace irdrill::montecarlo::svg {

namespace {

// Removes trailing zeros after a decimal point, and the point itself if nothing is left.
void trimZeros(std::string& text) {
  if (text.find('.') == std::string::npos) return;
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
}

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  if (text == "-0") text = "0";
  return text;
}

std::string attribute(std::string_view name, std::string_view value) {
  std::string text = " ";
  text += name;
  text += "=\"";
  text += escape(value);
  text += '"';
  return text;
}

std::string titleElement(std::string_view tooltip) {
  return tooltip.empty() ? std::string() : "<title>" + escape(tooltip) + "</title>";
}

// An element with optional tooltip: self-closing without one.
std::string element(std::string_view name, const std::string& attributes,
                    std::string_view tooltip) {
  std::string text = "<";
  text += name;
  text += attributes;
  if (tooltip.empty()) return text + "/>";
  text += ">" + titleElement(tooltip) + "</";
  text += name;
  return text + ">";
}

double clampFraction(double fraction) {
  if (std::isnan(fraction)) return -0.02;
  return std::clamp(fraction, -0.02, 1.02);
}

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string formatNumber(double value, int significant) {
  if (std::isnan(value)) return "n/a";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == 0) return "0";
  significant = std::clamp(significant, 1, 15);
  const double magnitude = std::fabs(value);
  if (magnitude >= 1e6 || magnitude < 1e-3) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*e", significant - 1, value);
    std::string text = buffer;
    const auto e = text.find('e');
    std::string mantissa = text.substr(0, e);
    trimZeros(mantissa);
    return mantissa + "e" + std::to_string(std::atoi(text.c_str() + e + 1));
  }
  const int exponent = static_cast<int>(std::floor(std::log10(magnitude)));
  std::string text = fixed(value, std::max(0, significant - 1 - exponent));
  trimZeros(text);
  return text == "-0" ? "0" : text;
}

std::string coord(double value) {
  if (!std::isfinite(value)) return "0";
  std::string text = fixed(std::round(value * 10) / 10, 1);
  trimZeros(text);
  return text;
}

double niceStep(double rough) {
  if (!std::isfinite(rough) || rough <= 0) return 1;
  const double base = std::pow(10.0, std::floor(std::log10(rough)));
  for (const double multiple : {1.0, 2.0, 5.0}) {
    if (multiple * base >= rough * (1 - 1e-9)) return multiple * base;
  }
  return 10 * base;
}

double Axis::fraction(double value) const {
  if (logarithmic) {
    if (!(value > 0)) return 0;
    return (std::log10(value) - std::log10(lo)) / (std::log10(hi) - std::log10(lo));
  }
  return (value - lo) / (hi - lo);
}

std::string Axis::label(double value) const {
  value += 0.0;  // -0 becomes 0
  if (format) return format(value);
  if (logarithmic || !(step > 0) || step < 1e-4 || std::max(std::fabs(lo), std::fabs(hi)) >= 1e6) {
    return formatNumber(value, 3);
  }
  const int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
  return fixed(value, decimals);
}

Axis linearAxis(double lo, double hi, int targetTicks) {
  const bool loFinite = std::isfinite(lo), hiFinite = std::isfinite(hi);
  if (!loFinite && !hiFinite) {
    lo = 0;
    hi = 1;
  } else if (!loFinite) {
    lo = hi;
  } else if (!hiFinite) {
    hi = lo;
  }
  if (lo > hi) std::swap(lo, hi);
  if (lo == hi) {
    if (lo == 0) {
      hi = 1;
    } else {
      const double pad = std::fabs(lo) * 0.1;
      lo -= pad;
      hi += pad;
    }
  }
  if (!std::isfinite(hi - lo)) {  // beyond double range: a plain two-tick axis
    Axis axis;
    axis.lo = std::max(lo, -1e307);
    axis.hi = std::min(hi, 1e307);
    axis.step = 0;
    axis.ticks = {axis.lo, axis.hi};
    return axis;
  }
  Axis axis;
  axis.step = niceStep((hi - lo) / std::max(1, targetTicks));
  const double first = std::floor(lo / axis.step + 1e-9);
  const double last = std::ceil(hi / axis.step - 1e-9);
  axis.lo = first * axis.step;
  axis.hi = last * axis.step;
  if (!(axis.hi > axis.lo) || last - first > 200) {  // precision lost at this magnitude
    axis.lo = lo;
    axis.hi = hi;
    axis.step = 0;
    axis.ticks = {lo, hi};
    return axis;
  }
  for (double i = first; i <= last + 0.5; ++i) axis.ticks.push_back(i * axis.step + 0.0);
  return axis;
}

Axis logAxis(double lo, double hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo > 0) || hi < lo) {
    return linearAxis(lo, hi);
  }
  const int first = static_cast<int>(std::floor(std::log10(lo) + 1e-12));
  int last = static_cast<int>(std::ceil(std::log10(hi) - 1e-12));
  if (last <= first) last = first + 1;
  Axis axis;
  axis.logarithmic = true;
  axis.step = 0;
  axis.lo = std::pow(10.0, first);
  axis.hi = std::pow(10.0, last);
  const bool subdivide = last - first <= 3;
  for (int k = first; k <= last; ++k) {
    const double decade = std::pow(10.0, k);
    axis.ticks.push_back(decade);
    if (subdivide && k < last) {
      axis.ticks.push_back(2 * decade);
      axis.ticks.push_back(5 * decade);
    }
  }
  return axis;
}

std::string durationText(double seconds) {
  if (!std::isfinite(seconds)) return formatNumber(seconds);
  const double magnitude = std::fabs(seconds);
  if (magnitude < 60) return formatNumber(seconds) + " s";
  if (magnitude < 3600) return formatNumber(seconds / 60) + " min";
  if (magnitude < 86400) return formatNumber(seconds / 3600) + " h";
  return formatNumber(seconds / 86400) + " d";
}

Axis durationLogAxis(double loSeconds, double hiSeconds) {
  if (!std::isfinite(loSeconds) || !std::isfinite(hiSeconds) || !(loSeconds > 0) ||
      hiSeconds < loSeconds) {
    return linearAxis(loSeconds, hiSeconds);
  }
  // Round durations roughly a factor of ten apart, and finer ones between them.
  std::vector<double> coarse;
  for (int k = -6; k <= 0; ++k) coarse.push_back(std::pow(10.0, k));
  for (const double s : {10.0, 60.0, 600.0, 3600.0, 36000.0, 86400.0, 864000.0, 8640000.0}) {
    coarse.push_back(s);
  }
  const std::vector<double> fine{2,    5,    20,    30,     120,    300,     1200,
                                 1800, 7200, 18000, 172800, 432000, 1728000, 4320000};
  if (loSeconds < coarse.front() || hiSeconds > coarse.back()) return logAxis(loSeconds, hiSeconds);
  Axis axis;
  axis.logarithmic = true;
  axis.step = 0;
  axis.lo = coarse.front();
  for (const double s : coarse) {
    if (s <= loSeconds * (1 + 1e-12)) axis.lo = s;
  }
  axis.hi = coarse.back();
  for (auto it = coarse.rbegin(); it != coarse.rend(); ++it) {
    if (*it >= hiSeconds * (1 - 1e-12) && *it > axis.lo) axis.hi = *it;
  }
  for (const double s : coarse) {
    if (s >= axis.lo && s <= axis.hi) axis.ticks.push_back(s);
  }
  if (axis.ticks.size() < 5) {
    for (const double s : fine) {
      if (s > axis.lo && s < axis.hi) axis.ticks.push_back(s);
    }
    std::sort(axis.ticks.begin(), axis.ticks.end());
  }
  axis.format = [](double seconds) { return durationText(seconds); };
  return axis;
}

Rgb viridis(double t) {
  // Nine evenly spaced colours of the viridis map, interpolated linearly in sRGB.
  static constexpr std::array<Rgb, 9> kStops{{{0x44, 0x01, 0x54},
                                              {0x47, 0x2d, 0x7b},
                                              {0x3b, 0x52, 0x8b},
                                              {0x2c, 0x72, 0x8e},
                                              {0x21, 0x91, 0x8c},
                                              {0x28, 0xae, 0x80},
                                              {0x5e, 0xc9, 0x62},
                                              {0xad, 0xdc, 0x30},
                                              {0xfd, 0xe7, 0x25}}};
  if (std::isnan(t)) t = 0;
  t = std::clamp(t, 0.0, 1.0) * (kStops.size() - 1);
  const std::size_t i = std::min(static_cast<std::size_t>(t), kStops.size() - 2);
  const double f = t - static_cast<double>(i);
  const auto mix = [f](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * f)); };
  return {mix(kStops[i].r, kStops[i + 1].r), mix(kStops[i].g, kStops[i + 1].g),
          mix(kStops[i].b, kStops[i + 1].b)};
}

std::string hexColor(Rgb colour) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", std::clamp(colour.r, 0, 255),
                std::clamp(colour.g, 0, 255), std::clamp(colour.b, 0, 255));
  return buffer;
}

bool needsLightText(Rgb background) {
  // WCAG relative luminance; white and black text have equal contrast at about 0.18.
  const auto linear = [](int channel) {
    const double c = std::clamp(channel, 0, 255) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  const double luminance =
      0.2126 * linear(background.r) + 0.7152 * linear(background.g) + 0.0722 * linear(background.b);
  return luminance < 0.18;
}

std::string_view seriesColor(std::size_t index) {
  static constexpr std::array<std::string_view, 7> kColours{
      "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"};
  return kColours[index % kColours.size()];
}

double textWidth(std::string_view text, double fontSize) {
  double em = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte
    // Rough advance widths of DejaVu Sans, the widest of the fonts the report asks for.
    if (std::string_view("iljtf.,:;'!|() ").find(c) != std::string_view::npos) {
      em += 0.32;
    } else if (c == 'm' || c == 'w' || c == 'M' || c == 'W') {
      em += 0.9;
    } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      em += 0.68;
    } else {
      em += 0.6;
    }
  }
  return em * fontSize;
}

std::string markerSvg(Marker shape, double cx, double cy, double size, std::string_view fill,
                      std::string_view stroke, std::string_view extraAttributes,
                      std::string_view tooltip) {
  const std::string paint = attribute("fill", fill) + attribute("stroke", stroke) +
                            " stroke-width=\"1.5\"" + std::string(extraAttributes);
  switch (shape) {
    case Marker::circle:
      return element(
          "circle",
          " cx=\"" + coord(cx) + "\" cy=\"" + coord(cy) + "\" r=\"" + coord(size) + "\"" + paint,
          tooltip);
    case Marker::square:
      return element("rect",
                     " x=\"" + coord(cx - size) + "\" y=\"" + coord(cy - size) + "\" width=\"" +
                         coord(2 * size) + "\" height=\"" + coord(2 * size) + "\"" + paint,
                     tooltip);
    case Marker::diamond: {
      const double d = size * 1.3;
      const std::string points = coord(cx) + "," + coord(cy - d) + " " + coord(cx + d) + "," +
                                 coord(cy) + " " + coord(cx) + "," + coord(cy + d) + " " +
                                 coord(cx - d) + "," + coord(cy);
      return element("polygon", " points=\"" + points + "\"" + paint, tooltip);
    }
    case Marker::star: {
      std::string points;
      const double outer = size * 1.4, inner = outer * 0.45;
      for (int i = 0; i < 10; ++i) {
        const double radius = i % 2 == 0 ? outer : inner;
        const double angle = -std::numbers::pi / 2 + i * std::numbers::pi / 5;
        if (i > 0) points += ' ';
        points += coord(cx + radius * std::cos(angle)) + "," + coord(cy + radius * std::sin(angle));
      }
      return element("polygon", " points=\"" + points + "\"" + paint, tooltip);
    }
  }
  return {};
}

Plot::Plot(Frame frame, Axis x, Axis y) : frame_(frame), x_(std::move(x)), y_(std::move(y)) {}

double Plot::px(double x) const {
  return plotLeft() + clampFraction(x_.fraction(x)) * (plotRight() - plotLeft());
}

double Plot::py(double y) const {
  return plotBottom() - clampFraction(y_.fraction(y)) * (plotBottom() - plotTop());
}

void Plot::xAxisWithGrid(std::string_view title) {
  for (const double tick : x_.ticks) {
    const std::string x = coord(px(tick));
    body_ += "<line x1=\"" + x + "\" y1=\"" + coord(plotTop()) + "\" x2=\"" + x + "\" y2=\"" +
             coord(plotBottom() + 4) + "\" stroke=\"#dddddd\"/>";
    body_ += "<text x=\"" + x + "\" y=\"" + coord(plotBottom() + 17) +
             "\" text-anchor=\"middle\" fill=\"#333333\">" + escape(x_.label(tick)) + "</text>";
  }
  text((plotLeft() + plotRight()) / 2, plotBottom() + 36, title, "middle", "axis-title");
}

void Plot::yAxisWithGrid(std::string_view title) {
  for (const double tick : y_.ticks) {
    const std::string y = coord(py(tick));
    body_ += "<line x1=\"" + coord(plotLeft() - 4) + "\" y1=\"" + y + "\" x2=\"" +
             coord(plotRight()) + "\" y2=\"" + y + "\" stroke=\"#dddddd\"/>";
    body_ += "<text x=\"" + coord(plotLeft() - 7) + "\" y=\"" + coord(py(tick) + 4) +
             "\" text-anchor=\"end\" fill=\"#333333\">" + escape(y_.label(tick)) + "</text>";
  }
  const double middle = (plotTop() + plotBottom()) / 2;
  body_ += "<text class=\"axis-title\" transform=\"translate(14 " + coord(middle) +
           ") rotate(-90)\" text-anchor=\"middle\">" + escape(title) + "</text>";
}

void Plot::box() {
  body_ += "<rect x=\"" + coord(plotLeft()) + "\" y=\"" + coord(plotTop()) + "\" width=\"" +
           coord(plotRight() - plotLeft()) + "\" height=\"" + coord(plotBottom() - plotTop()) +
           "\" fill=\"none\" stroke=\"#999999\"/>";
}

void Plot::line(double x0, double y0, double x1, double y1, std::string_view style) {
  if (!std::isfinite(x0) || !std::isfinite(y0) || !std::isfinite(x1) || !std::isfinite(y1)) {
    return;
  }
  body_ += "<line x1=\"" + coord(px(x0)) + "\" y1=\"" + coord(py(y0)) + "\" x2=\"" + coord(px(x1)) +
           "\" y2=\"" + coord(py(y1)) + "\" " + std::string(style) + "/>";
}

void Plot::polyline(const std::vector<std::pair<double, double>>& points, std::string_view colour,
                    double strokeWidth, std::string_view dash, std::string_view cssClass) {
  std::string list;
  int count = 0;
  for (const auto& [x, y] : points) {
    if (!std::isfinite(x) || !std::isfinite(y)) continue;
    if (count++ > 0) list += ' ';
    list += coord(px(x)) + "," + coord(py(y));
  }
  if (count < 2) return;
  body_ += "<polyline points=\"" + list + "\" fill=\"none\"" + attribute("stroke", colour) +
           " stroke-width=\"" + coord(strokeWidth) + "\" stroke-linejoin=\"round\"";
  if (!dash.empty()) body_ += attribute("stroke-dasharray", dash);
  if (!cssClass.empty()) body_ += attribute("class", cssClass);
  body_ += "/>";
}

void Plot::stepCdf(const std::vector<std::pair<double, double>>& cdf, double yScale,
                   std::string_view colour, std::string_view dash, std::string_view cssClass) {
  std::vector<std::pair<double, double>> points;
  double level = 0;
  for (const auto& [value, fraction] : cdf) {
    if (!std::isfinite(value) || !std::isfinite(fraction)) continue;
    if (points.empty()) points.emplace_back(x_.lo, 0);
    points.emplace_back(value, level);
    level = fraction * yScale;
    points.emplace_back(value, level);
  }
  if (points.empty()) return;
  points.emplace_back(x_.hi, level);
  polyline(points, colour, 2, dash, cssClass);
}

void Plot::bar(double x0, double y0, double x1, double y1, std::string_view fill,
               std::string_view tooltip, std::string_view cssClass) {
  if (!std::isfinite(x0) || !std::isfinite(y0) || !std::isfinite(x1) || !std::isfinite(y1)) {
    return;
  }
  const double left = std::min(px(x0), px(x1)), right = std::max(px(x0), px(x1));
  const double top = std::min(py(y0), py(y1)), bottom = std::max(py(y0), py(y1));
  std::string attributes = " x=\"" + coord(left) + "\" y=\"" + coord(top) + "\" width=\"" +
                           coord(right - left) + "\" height=\"" + coord(bottom - top) + "\"" +
                           attribute("fill", fill);
  if (!cssClass.empty()) attributes += attribute("class", cssClass);
  body_ += element("rect", attributes, tooltip);
}

void Plot::marker(Marker shape, double x, double y, double size, std::string_view fill,
                  std::string_view stroke, std::string_view tooltip, std::string_view cssClass) {
  if (!std::isfinite(x) || !std::isfinite(y)) return;
  body_ += markerSvg(shape, px(x), py(y), size, fill, stroke,
                     cssClass.empty() ? std::string() : attribute("class", cssClass), tooltip);
}

void Plot::text(double pixelX, double pixelY, std::string_view content, std::string_view anchor,
                std::string_view cssClass) {
  body_ += "<text x=\"" + coord(pixelX) + "\" y=\"" + coord(pixelY) + "\"" +
           attribute("text-anchor", anchor);
  if (!cssClass.empty()) body_ += attribute("class", cssClass);
  body_ += ">" + escape(content) + "</text>";
}

void Plot::raw(std::string_view svgElements) { body_ += svgElements; }

namespace {

std::string svgOpen(double width, double height, std::string_view description,
                    std::string_view cssClass) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\"" + attribute("class", cssClass) +
         " viewBox=\"0 0 " + coord(width) + " " + coord(height) + "\" width=\"" + coord(width) +
         "\" height=\"" + coord(height) + "\" role=\"img\"" + attribute("aria-label", description) +
         " font-family=\"'DejaVu Sans', 'Helvetica Neue', Arial, 'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', "
         "'Yu Gothic', Meiryo, sans-serif\" font-size=\"12\">" +
         titleElement(description);
}

}  // namespace

std::string Plot::svg(std::string_view description) const {
  return svgOpen(frame_.width, frame_.height, description, "chart") + body_ + "</svg>";
}

std::string legendSvg(const std::vector<LegendEntry>& entries, double x, double y, double width,
                      double& height) {
  constexpr double kRow = 18, kSample = 26, kGap = 18;
  std::string out;
  double cursor = x, row = y;
  for (const LegendEntry& entry : entries) {
    const double entryWidth = kSample + textWidth(entry.label, 12) + kGap;
    if (cursor > x && cursor + entryWidth > x + width) {
      cursor = x;
      row += kRow;
    }
    const double middle = row + kRow / 2;
    switch (entry.kind) {
      case LegendEntry::Kind::line:
        out += "<line x1=\"" + coord(cursor) + "\" y1=\"" + coord(middle) + "\" x2=\"" +
               coord(cursor + 22) + "\" y2=\"" + coord(middle) + "\"" +
               attribute("stroke", entry.colour) + " stroke-width=\"2\"";
        if (!entry.dash.empty()) out += attribute("stroke-dasharray", entry.dash);
        out += "/>";
        break;
      case LegendEntry::Kind::marker:
        out += markerSvg(entry.marker, cursor + 11, middle, 5, entry.colour, entry.markerStroke);
        break;
      case LegendEntry::Kind::swatch:
        out += "<rect x=\"" + coord(cursor + 5) + "\" y=\"" + coord(middle - 6) +
               "\" width=\"12\" height=\"12\"" + attribute("fill", entry.colour) + "/>";
        break;
    }
    out += "<text x=\"" + coord(cursor + kSample) + "\" y=\"" + coord(middle + 4) + "\">" +
           escape(entry.label) + "</text>";
    cursor += entryWidth;
  }
  height = entries.empty() ? 0 : row - y + kRow;
  return out;
}

std::string heatMapSvg(const HeatMap& map, std::string_view description) {
  const std::size_t columns = map.xLabels.size(), rows = map.yLabels.size();
  if (columns == 0 || rows == 0 || map.values.size() != columns * rows) return {};
  const auto format = [&map](double value) {
    return map.format ? map.format(value) : formatNumber(value, 3);
  };

  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const double value : map.values) {
    if (!std::isfinite(value)) continue;
    lo = std::min(lo, value);
    hi = std::max(hi, value);
  }
  const bool anyValue = lo <= hi;
  // The ramp spans the values exactly (lowest dark, highest yellow); the legend shows the
  // nice ticks inside that span, or the one value when all are equal.
  const auto scaled = [&map](double value) { return map.colourScale ? map.colourScale(value) : value; };
  const double scaledLo = anyValue ? scaled(lo) : 0, scaledHi = anyValue ? scaled(hi) : 1;
  const auto shade = [&](double value) {
    return scaledHi > scaledLo ? std::clamp((scaled(value) - scaledLo) / (scaledHi - scaledLo), 0.0, 1.0) : 0.5;
  };
  std::vector<double> legendTicks;
  if (anyValue && hi > lo && map.colourScale && !map.legendTicks.empty()) {
    for (const double tick : map.legendTicks) {
      if (tick >= lo && tick <= hi) legendTicks.push_back(tick);
    }
    if (legendTicks.empty() || legendTicks.front() > lo) legendTicks.insert(legendTicks.begin(), lo);
    if (legendTicks.back() < hi) legendTicks.push_back(hi);
  } else if (anyValue && hi > lo) {
    for (const double tick : linearAxis(lo, hi, 4).ticks) {
      const double slack = (hi - lo) * 1e-9;
      if (tick >= lo - slack && tick <= hi + slack) legendTicks.push_back(tick);
    }
    if (legendTicks.size() < 2) legendTicks = {lo, hi};
  } else if (anyValue) {
    legendTicks.push_back(lo);
  }

  const double cellWidth = std::clamp(280.0 / static_cast<double>(columns), 36.0, 56.0);
  const double cellHeight = std::clamp(230.0 / static_cast<double>(rows), 22.0, 44.0);
  double yLabelWidth = 0, xLabelWidth = 0;
  for (const auto& label : map.yLabels) yLabelWidth = std::max(yLabelWidth, textWidth(label, 11));
  for (const auto& label : map.xLabels) xLabelWidth = std::max(xLabelWidth, textWidth(label, 11));
  const bool rotateXLabels = xLabelWidth > cellWidth - 4;

  const double left = 30 + yLabelWidth + 8, top = 10;
  const double gridWidth = cellWidth * static_cast<double>(columns);
  const double gridHeight = cellHeight * static_cast<double>(rows);
  const double xLabelBand = rotateXLabels ? xLabelWidth * 0.72 + 14 : 18;
  const double legendHeight = std::max(gridHeight, 120.0);
  double legendLabelWidth = 0;
  for (const double tick : legendTicks) {
    legendLabelWidth = std::max(legendLabelWidth, textWidth(format(tick), 11));
  }
  const double legendLeft = left + gridWidth + 22;
  const double width = legendLeft + 14 + 6 + legendLabelWidth + 26;
  const double height = top + std::max(gridHeight + xLabelBand + 24, legendHeight + 8);

  std::string out = svgOpen(width, height, description, "chart heat-map");
  const auto cellX = [&](std::size_t column) {
    return left + cellWidth * static_cast<double>(column);
  };
  const auto cellY = [&](std::size_t row) {  // row 0 at the bottom
    return top + cellHeight * static_cast<double>(rows - 1 - row);
  };

  for (std::size_t row = 0; row < rows; ++row) {
    for (std::size_t column = 0; column < columns; ++column) {
      const double value = map.values[row * columns + column];
      const bool has = std::isfinite(value);
      const Rgb fill = has ? viridis(shade(value)) : Rgb{0xd9, 0xd9, 0xd9};
      const std::string tooltip = map.xTitle + " = " + map.xLabels[column] + ", " + map.yTitle +
                                  " = " + map.yLabels[row] + ": " + format(value);
      out +=
          element("rect",
                  " class=\"hm-cell\" x=\"" + coord(cellX(column)) + "\" y=\"" + coord(cellY(row)) +
                      "\" width=\"" + coord(cellWidth) + "\" height=\"" + coord(cellHeight) +
                      "\" fill=\"" + hexColor(fill) + "\" stroke=\"#ffffff\" stroke-width=\"1\"",
                  tooltip);
      const std::string text = has ? format(value) : "n/a";
      if (textWidth(text, 11) <= cellWidth - 4) {
        out += "<text x=\"" + coord(cellX(column) + cellWidth / 2) + "\" y=\"" +
               coord(cellY(row) + cellHeight / 2 + 4) +
               "\" text-anchor=\"middle\" font-size=\"11\"" +
               attribute("fill", has && needsLightText(fill) ? "#ffffff" : "#111111") + ">" +
               escape(text) + "</text>";
      }
    }
  }
  for (std::size_t i = 0; i < map.marked.size() && i < map.values.size(); ++i) {
    if (!map.marked[i]) continue;
    const std::size_t row = i / columns, column = i % columns;
    out += "<circle class=\"hm-mark\" cx=\"" + coord(cellX(column) + 6) + "\" cy=\"" + coord(cellY(row) + 6) +
           "\" r=\"3\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"1\">" + titleElement(map.markedLabel) +
           "</circle>";
  }
  if (map.current >= 0 && static_cast<std::size_t>(map.current) < map.values.size()) {
    const std::size_t row = static_cast<std::size_t>(map.current) / columns;
    const std::size_t column = static_cast<std::size_t>(map.current) % columns;
    out += "<rect class=\"current\" x=\"" + coord(cellX(column) + 2.5) + "\" y=\"" + coord(cellY(row) + 2.5) +
           "\" width=\"" + coord(cellWidth - 5) + "\" height=\"" + coord(cellHeight - 5) +
           "\" fill=\"none\" stroke=\"#d55e00\" stroke-width=\"2.5\" stroke-dasharray=\"5 3\">" +
           titleElement("the scenario's own setting") + "</rect>";
  }
  if (map.highlight >= 0 && static_cast<std::size_t>(map.highlight) < map.values.size()) {
    const std::size_t row = static_cast<std::size_t>(map.highlight) / columns;
    const std::size_t column = static_cast<std::size_t>(map.highlight) % columns;
    const std::string x = coord(cellX(column) + 1.5), y = coord(cellY(row) + 1.5);
    const std::string w = coord(cellWidth - 3), h = coord(cellHeight - 3);
    out += "<rect class=\"recommended\" x=\"" + x + "\" y=\"" + y + "\" width=\"" + w +
           "\" height=\"" + h + "\" fill=\"none\" stroke=\"#000000\" stroke-width=\"3\">" +
           titleElement("recommended setting") + "</rect>";
    out += "<rect x=\"" + coord(cellX(column) + 4) + "\" y=\"" + coord(cellY(row) + 4) +
           "\" width=\"" + coord(cellWidth - 8) + "\" height=\"" + coord(cellHeight - 8) +
           "\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>";
  }

  // Axis labels and titles.
  for (std::size_t column = 0; column < columns; ++column) {
    const double x = cellX(column) + cellWidth / 2, y = top + gridHeight + 14;
    if (rotateXLabels) {
      out += "<text transform=\"translate(" + coord(x + 3) + " " + coord(y - 6) +
             ") rotate(-40)\" text-anchor=\"end\" font-size=\"11\">" + escape(map.xLabels[column]) +
             "</text>";
    } else {
      out += "<text x=\"" + coord(x) + "\" y=\"" + coord(y) +
             "\" text-anchor=\"middle\" font-size=\"11\">" + escape(map.xLabels[column]) +
             "</text>";
    }
  }
  for (std::size_t row = 0; row < rows; ++row) {
    out += "<text x=\"" + coord(left - 6) + "\" y=\"" + coord(cellY(row) + cellHeight / 2 + 4) +
           "\" text-anchor=\"end\" font-size=\"11\">" + escape(map.yLabels[row]) + "</text>";
  }
  out += "<text class=\"axis-title\" x=\"" + coord(left + gridWidth / 2) + "\" y=\"" +
         coord(top + gridHeight + xLabelBand + 16) + "\" text-anchor=\"middle\">" +
         escape(map.xTitle) + "</text>";
  out += "<text class=\"axis-title\" transform=\"translate(14 " + coord(top + gridHeight / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">" + escape(map.yTitle) + "</text>";

  // The colour legend: a ramp of thin bands with the scale's ticks.
  if (anyValue) {
    constexpr int kBands = 48;
    const double band = legendHeight / kBands;
    for (int i = 0; i < kBands; ++i) {
      const double t = (i + 0.5) / kBands;
      out += "<rect x=\"" + coord(legendLeft) + "\" y=\"" +
             coord(top + legendHeight - (i + 1) * band) + "\" width=\"14\" height=\"" +
             coord(band + 0.6) + "\" fill=\"" + hexColor(viridis(t)) + "\"/>";
    }
    out += "<rect x=\"" + coord(legendLeft) + "\" y=\"" + coord(top) + "\" width=\"14\" height=\"" +
           coord(legendHeight) + "\" fill=\"none\" stroke=\"#999999\"/>";
    for (const double tick : legendTicks) {
      const double y = top + legendHeight * (1 - shade(tick));
      out += "<line x1=\"" + coord(legendLeft + 14) + "\" y1=\"" + coord(y) + "\" x2=\"" +
             coord(legendLeft + 18) + "\" y2=\"" + coord(y) + "\" stroke=\"#333333\"/>";
      out += "<text x=\"" + coord(legendLeft + 20) + "\" y=\"" + coord(y + 4) +
             "\" font-size=\"11\">" + escape(format(tick)) + "</text>";
    }
    out += "<text class=\"axis-title\" transform=\"translate(" + coord(width - 8) + " " +
           coord(top + legendHeight / 2) + ") rotate(90)\" text-anchor=\"middle\">" +
           escape(map.legendTitle) + "</text>";
  }
  return out + "</svg>";
}

}  // namespace irdrill::montecarlo::svg
