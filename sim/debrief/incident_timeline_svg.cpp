// One incident's timeline as SVG (see incident_timeline_svg.hpp).
#include "sim/debrief/incident_timeline_svg.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/clock_text.hpp"
#include "sim/montecarlo/svg_plot.hpp"

namespace irdrill::debrief {
namespace {

namespace svg = montecarlo::svg;
using text::tr;

constexpr double kRowPx = 17;      // one label row
constexpr double kBarHeightPx = 14;

// Colours from the report's colour-blind-safe series (svg::seriesColor).
constexpr const char* kOpenColour = "#e69f00";       // orange: not contained yet
constexpr const char* kContainedColour = "#0072b2";  // blue: start to containment
constexpr const char* kRecoveryColour = "#56b4e9";   // light blue: containment to recovery
constexpr const char* kMetColour = "#009e73";
constexpr const char* kMissedColour = "#d55e00";

struct Label {
  double hours = 0;
  std::string text;
  std::string colour;
  bool deadline = false;
};

double hoursFrom(core::TimeUs startUs, core::TimeUs atUs) {
  return static_cast<double>(atUs - startUs) / static_cast<double>(core::kUsPerHour);
}

}  // namespace

std::string incidentTimelineSvg(const exercise::IncidentView& incident, core::TimeUs asOfUs,
                                text::Language language) {
  const core::TimeUs startUs = incident.startUs;
  const auto hoursAt = [startUs](core::TimeUs atUs) { return hoursFrom(startUs, atUs); };
  const auto when = [&](core::TimeUs atUs) {
    return core::dayClockText(atUs) + " (+" + svg::durationText(hoursAt(atUs) * 3600) + ")";
  };

  std::vector<Label> labels;
  labels.push_back({0, std::string(tr(language, "aar.timeline.started")) + " " + core::dayClockText(startUs),
                    "#333333", false});
  const auto milestone = [&](const std::optional<core::TimeUs>& atUs, const char* key, const char* colour) {
    if (atUs) labels.push_back({hoursAt(*atUs), std::string(tr(language, key)) + " " + when(*atUs), colour, false});
  };
  milestone(incident.detectedUs, "aar.timeline.detected", "#cc79a7");
  milestone(incident.engagedUs, "aar.timeline.engaged", "#333333");
  milestone(incident.containedUs, "aar.timeline.contained", kContainedColour);
  milestone(incident.recoveredUs, "aar.timeline.recovered", kRecoveryColour);
  for (const exercise::DeadlineView& deadline : incident.deadlines) {
    const char* statusKey = deadline.met                       ? "aar.timeline.deadline_met"
                            : deadline.doneUs || deadline.dueUs <= asOfUs ? "aar.timeline.deadline_missed"
                                                                          : "aar.timeline.deadline_running";
    labels.push_back({hoursAt(deadline.dueUs),
                      text::trf(language, "aar.timeline.deadline",
                                {{"id", deadline.id}, {"due", core::dayClockText(deadline.dueUs)}}) +
                          ": " + tr(language, statusKey),
                      deadline.met ? kMetColour : kMissedColour, true});
  }

  // The span drawn: to the last milestone or deadline, and on to the report's moment while
  // the incident is not recovered (the open bar runs there).
  double endHours = incident.recoveredUs ? 0.0 : std::max(hoursAt(asOfUs), 0.0);
  for (const Label& label : labels) endHours = std::max(endHours, label.hours);
  if (!(endHours > 0)) endHours = 1;
  svg::Axis xAxis = svg::linearAxis(0, endHours * 1.02, 6);
  xAxis.lo = 0;
  xAxis.format = [](double hours) { return svg::durationText(hours * 3600); };

  svg::Frame frame;
  frame.width = 720;
  frame.left = 16;
  frame.right = 40;  // room for the last tick label
  frame.top = 8 + kRowPx * static_cast<double>(labels.size());
  frame.bottom = 44;
  frame.height = frame.top + kBarHeightPx + 12 + frame.bottom;
  svg::Plot plot(frame, xAxis, svg::linearAxis(0, 1, 1));
  plot.xAxisWithGrid(tr(language, "aar.timeline.axis"));

  const double barTop = plot.plotTop() + 6;
  const auto bar = [&](double fromHours, double toHours, const char* colour, const std::string& tooltip) {
    const double x0 = plot.px(fromHours), x1 = std::max(plot.px(toHours), x0 + 2);
    plot.raw("<rect x=\"" + svg::coord(x0) + "\" y=\"" + svg::coord(barTop) + "\" width=\"" +
             svg::coord(x1 - x0) + "\" height=\"" + svg::coord(kBarHeightPx) + "\" fill=\"" + colour +
             "\"><title>" + svg::escape(tooltip) + "</title></rect>");
  };
  const double asOfHours = std::max(hoursAt(asOfUs), 0.0);
  if (incident.containedUs) {
    bar(0, hoursAt(*incident.containedUs), kContainedColour, tr(language, "aar.timeline.until_contained"));
    const double recoveryEnd = incident.recoveredUs ? hoursAt(*incident.recoveredUs) : asOfHours;
    if (recoveryEnd > hoursAt(*incident.containedUs)) {
      bar(hoursAt(*incident.containedUs), recoveryEnd, kRecoveryColour, tr(language, "aar.timeline.recovering"));
    }
  } else {
    bar(0, asOfHours, kOpenColour, tr(language, "aar.timeline.not_contained"));
  }

  // Each label on its own row above the bar, with a leader line down to its moment.
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const Label& label = labels[i];
    const double x = plot.px(label.hours);
    const double y = 8 + kRowPx * static_cast<double>(i) + 11;
    const bool rightHalf = x > (plot.plotLeft() + plot.plotRight()) / 2;
    const std::string dash = label.deadline ? " stroke-dasharray=\"4 3\"" : "";
    const double lineBottom = label.deadline ? barTop + kBarHeightPx + 4 : barTop;
    plot.raw("<line x1=\"" + svg::coord(x) + "\" y1=\"" + svg::coord(y + 3) + "\" x2=\"" + svg::coord(x) +
             "\" y2=\"" + svg::coord(lineBottom) + "\" stroke=\"" + label.colour + "\" stroke-width=\"1.5\"" +
             dash + "/>");
    if (!label.deadline) {
      plot.marker(svg::Marker::circle, label.hours, 0, 4, label.colour, "#ffffff");
    }
    plot.text(rightHalf ? x - 4 : x + 4, y, label.text, rightHalf ? "end" : "start");
  }
  // The marker() above used data y = 0 (the plot's bottom); the bar sits at its top, so
  // markers are drawn on the axis line, under the bar, where they do not hide its colour.
  return plot.svg(text::trf(language, "aar.timeline.description", {{"incident", incident.id}}));
}

}  // namespace irdrill::debrief
