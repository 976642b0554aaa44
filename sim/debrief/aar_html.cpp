// The after-action report as HTML (see aar_html.hpp). Sections in HSEEP AAR/IP order; each
// says where its content comes from in docs/debrief.md.
#include "sim/debrief/aar_html.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/clock_text.hpp"
#include "sim/debrief/incident_timeline_svg.hpp"
#include "sim/response/procedure_def.hpp"
#include "sim/montecarlo/svg_plot.hpp"
#include "sim/scoring/score.hpp"

namespace irdrill::debrief {
namespace {

namespace svg = montecarlo::svg;
using session::SessionEntry;
using session::StepMark;
using svg::escape;

constexpr std::string_view kMinus = "\xE2\x88\x92";  // U+2212 MINUS SIGN

class Writer {
 public:
  explicit Writer(const AarInput& input) : in_(input), lang_(input.language) {}

  std::string document();

 private:
  const char* t(std::string_view key) const { return text::tr(lang_, key); }
  std::string te(std::string_view key) const { return escape(t(key)); }
  std::string tf(std::string_view key, std::initializer_list<text::Arg> args) const {
    return escape(text::trf(lang_, key, args));
  }
  // A table cell with free text; an em dash when empty.
  static std::string cell(const std::string& content, const char* cssClass = nullptr) {
    std::string open = cssClass ? std::string("<td class=\"") + cssClass + "\">" : std::string("<td>");
    return open + (content.empty() ? std::string("&mdash;") : escape(content)) + "</td>";
  }
  static std::string multiline(const std::string& content) {
    std::string out;
    for (const char c : escape(content)) out += c == '\n' ? std::string("<br>") : std::string(1, c);
    return out;
  }
  std::string note(std::string_view key) const { return "<p class=\"nodata\">" + te(key) + "</p>\n"; }
  static std::string num(double value) { return svg::formatNumber(value, 3); }
  static std::string signedNum(double value) {
    if (!std::isfinite(value)) return svg::formatNumber(value, 3);
    if (value > 0) return "+" + num(value);
    if (value < 0) return std::string(kMinus) + num(-value);
    return "0";
  }
  std::string hoursText(const std::optional<double>& hours) const {
    return hours ? svg::durationText(*hours * 3600) : std::string(t("aar.not_contained"));
  }

  std::string overview();
  std::string objectives();
  std::string timelines();
  std::string analysis();
  std::string journal();
  std::string discussion();
  std::string score();
  std::string branches();
  std::string whatIf();
  std::string improvementPlan();

  std::string entryWhat(const SessionEntry& entry) const;
  const char* ratingText(session::ObjectiveRating rating) const;
  const char* markText(StepMark mark) const;
  const char* stepStateText(response::StepState state) const;

  const AarInput& in_;
  text::Language lang_;
};

const char* Writer::ratingText(session::ObjectiveRating rating) const {
  switch (rating) {
    case session::ObjectiveRating::NotRated: return t("aar.rating.not_rated");
    case session::ObjectiveRating::Performed: return t("aar.rating.performed");
    case session::ObjectiveRating::SomeChallenges: return t("aar.rating.some_challenges");
    case session::ObjectiveRating::MajorChallenges: return t("aar.rating.major_challenges");
    case session::ObjectiveRating::Unable: return t("aar.rating.unable");
  }
  return "";
}

const char* Writer::markText(StepMark mark) const {
  switch (mark) {
    case StepMark::NotObserved: return t("aar.mark.not_observed");
    case StepMark::Met: return t("aar.mark.met");
    case StepMark::Partly: return t("aar.mark.partly");
    case StepMark::NotMet: return t("aar.mark.not_met");
  }
  return "";
}

const char* Writer::stepStateText(response::StepState state) const {
  switch (state) {
    case response::StepState::Waiting: return t("aar.step.waiting");
    case response::StepState::Queued: return t("aar.step.queued");
    case response::StepState::Started: return t("aar.step.started");
    case response::StepState::Finished: return t("aar.step.finished");
    case response::StepState::Skipped: return t("aar.step.skipped");
    case response::StepState::Cancelled: return t("aar.step.cancelled");
  }
  return "";
}

// ------------------------------------------------------------------------- 1 overview

std::string Writer::overview() {
  const session::SessionDef& s = *in_.session;
  const session::DebriefNotes& notes = s.debrief;
  const scenario::ScenarioDef& scenario = in_.exercise->scenario();
  std::string html = "<dl class=\"facts\">";
  const auto fact = [&html](const std::string& term, const std::string& valueHtml) {
    html += "<dt>" + term + "</dt><dd>" + valueHtml + "</dd>";
  };
  const std::string& scenarioName = text::localized(lang_, scenario.name, scenario.nameJa);
  const std::string& description = text::localized(lang_, scenario.description, scenario.descriptionJa);
  fact(te("aar.overview.scenario"), escape(scenarioName.empty() ? in_.scenarioFile : scenarioName));
  if (!description.empty()) fact(te("aar.overview.description"), escape(description));
  fact(te("aar.overview.scenario_file"), "<code>" + escape(in_.scenarioFile) + "</code>");
  fact(te("aar.overview.seed"), std::to_string(s.seed) + (s.replication ? " / " + std::to_string(s.replication) : ""));
  if (!s.overrides.empty()) {
    std::string overrides;
    for (const auto& o : s.overrides) overrides += (overrides.empty() ? "" : ", ") + ("<code>" + escape(o) + "</code>");
    fact(te("aar.overview.overrides"), overrides);
  }
  fact(te("aar.overview.date"), notes.exerciseDate.empty() ? te("aar.not_entered") : escape(notes.exerciseDate));
  fact(te("aar.overview.facilitator"), notes.facilitator.empty() ? te("aar.not_entered") : escape(notes.facilitator));
  fact(te("aar.overview.covered"), tf("aar.overview.covered_value", {{"time", core::dayClockText(in_.asOfUs)}}));
  fact(te("aar.overview.entries"), std::to_string(s.entries.size()));
  html += "</dl>\n<h3>" + te("aar.overview.participants") + "</h3>\n";
  if (notes.participants.empty()) return html + note("aar.overview.no_participants");
  html += "<table><thead><tr><th>" + te("aar.overview.name") + "</th><th>" + te("aar.overview.seat") + "</th><th>" +
          te("aar.overview.organisation") + "</th></tr></thead>\n<tbody>\n";
  for (const auto& p : notes.participants) html += "<tr>" + cell(p.name) + cell(p.seat) + cell(p.organisation) + "</tr>\n";
  return html + "</tbody></table>\n";
}

// ----------------------------------------------------------------------- 2 objectives

std::string Writer::objectives() {
  const auto& objectives = in_.session->debrief.objectives;
  if (objectives.empty()) return note("aar.objectives.none");
  std::string html = "<table class=\"wide\"><thead><tr><th>#</th><th>" + te("aar.objectives.objective") + "</th><th>" +
                     te("aar.objectives.rating") + "</th><th>" + te("aar.objectives.note") + "</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < objectives.size(); ++i) {
    const auto& o = objectives[i];
    html += "<tr><td class=\"num\">" + std::to_string(i + 1) + "</td>" + cell(o.objective) +
            "<td class=\"rating r-" + std::string(session::kObjectiveRatingNames[static_cast<int>(o.rating)]) + "\">" +
            escape(ratingText(o.rating)) + "</td>" + cell(o.note) + "</tr>\n";
  }
  return html + "</tbody></table>\n<p class=\"hint\">" + te("aar.objectives.hint") + "</p>\n";
}

// ------------------------------------------------------------------------ 3 timelines

std::string Writer::timelines() {
  const auto incidents = in_.exercise->incidents();
  if (incidents.empty()) return note("aar.timeline.none");
  std::string html;
  for (const exercise::IncidentView& incident : incidents) {
    html += "<figure class=\"timeline\"><h3>" + escape(incident.id) + "</h3><p class=\"desc\">" +
            escape(incident.summary) + "</p>" + incidentTimelineSvg(incident, in_.asOfUs, lang_) + "</figure>\n";
  }
  return html + "<p class=\"hint\">" + te("aar.timeline.hint") + "</p>\n";
}

// ------------------------------------------------------------------------- 4 analysis

std::string Writer::analysis() {
  const auto incidents = in_.exercise->incidents();
  const scenario::ScenarioDef& scenario = in_.exercise->scenario();
  // The latest mark of each (incident, step): a later mark replaces an earlier one.
  std::map<std::pair<std::string, std::string>, const session::EvaluatorMark*> marks;
  for (const SessionEntry& entry : in_.session->entries) {
    if (entry.kind == SessionEntry::Kind::Mark) marks[{entry.mark.incident, entry.mark.step}] = &entry.mark;
  }
  std::string html;
  bool any = false;
  for (const exercise::IncidentView& incident : incidents) {
    const auto steps = in_.exercise->procedureSteps(incident.id);
    if (incident.procedure.empty()) continue;
    any = true;
    const auto procedure = scenario.procedures.find(incident.procedure);
    const std::string title =
        procedure != scenario.procedures.end() && !procedure->second.title.empty()
            ? text::localized(lang_, procedure->second.title, procedure->second.titleJa) + " (" + incident.procedure + ")"
            : incident.procedure;
    // The step's title in the report's language, from the procedure's definition.
    const auto stepTitle = [&](const exercise::StepView& step) -> std::string {
      if (procedure != scenario.procedures.end()) {
        for (const response::StepDef& def : procedure->second.steps) {
          if (def.id == step.id) return text::localized(lang_, def.title.empty() ? def.id : def.title, def.titleJa);
        }
      }
      return step.title.empty() ? step.id : step.title;
    };
    html += "<div class=\"procedure\"><h3>" + escape(incident.id) + ": " + escape(title) + "</h3>\n";
    if (steps.empty()) {
      html += note("aar.analysis.not_engaged") + "</div>\n";
      continue;
    }
    std::vector<std::string> strengths, improvements;
    html += "<table class=\"wide\"><thead><tr><th>" + te("aar.analysis.step") + "</th><th>" + te("aar.analysis.role") +
            "</th><th>" + te("aar.analysis.status") + "</th><th>" + te("aar.analysis.finished") + "</th><th>" +
            te("aar.analysis.mark") + "</th><th>" + te("aar.analysis.note") + "</th></tr></thead>\n<tbody>\n";
    for (const exercise::StepView& step : steps) {
      const auto found = marks.find({incident.id, step.id});
      const session::EvaluatorMark* mark = found == marks.end() ? nullptr : found->second;
      std::string status = stepStateText(step.state);
      if (step.byDecision) status += " " + std::string(t("aar.analysis.by_decision"));
      const std::string markName = mark ? session::kStepMarkNames[static_cast<int>(mark->mark)] : "none";
      html += "<tr><td>" + escape(stepTitle(step)) + " <code>" + escape(step.id) +
              "</code></td>" + cell(step.role) + cell(status) +
              cell(step.finishUs >= 0 ? core::dayClockText(step.finishUs) : std::string()) + "<td class=\"mark m-" +
              markName + "\">" + (mark ? escape(markText(mark->mark)) : std::string("&mdash;")) + "</td>" +
              cell(mark ? mark->note : std::string()) + "</tr>\n";
      if (!mark) continue;
      const std::string line = stepTitle(step) + (mark->note.empty() ? "" : ": " + mark->note);
      if (mark->mark == StepMark::Met) strengths.push_back(line);
      if (mark->mark == StepMark::Partly || mark->mark == StepMark::NotMet) {
        improvements.push_back(line + " (" + markText(mark->mark) + ")");
      }
    }
    html += "</tbody></table>\n<div class=\"findings\"><div><h4>" + te("aar.analysis.strengths") + "</h4>";
    const auto list = [this](const std::vector<std::string>& lines, std::string_view emptyKey) {
      if (lines.empty()) return "<p class=\"nodata\">" + te(emptyKey) + "</p>";
      std::string out = "<ul>";
      for (const auto& l : lines) out += "<li>" + escape(l) + "</li>";
      return out + "</ul>";
    };
    html += list(strengths, "aar.analysis.no_strengths") + "</div><div><h4>" + te("aar.analysis.improvements") + "</h4>" +
            list(improvements, "aar.analysis.no_improvements") + "</div></div></div>\n";
  }
  if (!any) return note("aar.analysis.none");
  return html + "<p class=\"hint\">" + te("aar.analysis.hint") + "</p>\n";
}

// ----------------------------------------------------------------- 5 decision journal

std::string Writer::entryWhat(const SessionEntry& entry) const {
  if (entry.kind == SessionEntry::Kind::Inject) {
    const exercise::InjectOrder& o = entry.inject;
    std::string what = std::string("inject ") + exercise::kInjectActionNames[static_cast<int>(o.action)] + " ";
    what += o.action == exercise::InjectAction::Skip ? o.arrival : o.source;
    if (!o.target.empty()) what += " → " + o.target;
    if (o.action == exercise::InjectAction::Schedule) what += " @ " + core::dayClockText(o.atUs);
    return what;
  }
  const exercise::Decision& d = entry.decision;
  std::string what = exercise::kDecisionKindNames[static_cast<int>(d.kind)];
  switch (d.kind) {
    case exercise::DecisionKind::OrderStep:
    case exercise::DecisionKind::SkipStep: return what + " " + d.incident + " / " + d.step;
    case exercise::DecisionKind::SwitchProcedure: return what + " " + d.incident + " → " + d.procedure;
    case exercise::DecisionKind::CallOnCall: return what + " " + d.role;
    case exercise::DecisionKind::ReactToAlert:
    case exercise::DecisionKind::DismissAlert: return what + " " + d.item;
    case exercise::DecisionKind::MarkReportSent: return what + " " + d.incident + " / " + d.deadline;
  }
  return what;
}

std::string Writer::journal() {
  const auto& entries = in_.session->entries;
  std::string html;
  int rows = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const SessionEntry& entry = entries[i];
    if (entry.kind == SessionEntry::Kind::Mark) continue;
    if (rows++ == 0) {
      html = "<table class=\"wide\"><thead><tr><th>" + te("aar.journal.time") + "</th><th>" + te("aar.journal.seat") +
             "</th><th>" + te("aar.journal.decision") + "</th><th>" + te("aar.journal.rationale") + "</th><th>" +
             te("aar.journal.result") + "</th></tr></thead>\n<tbody>\n";
    }
    const bool isInject = entry.kind == SessionEntry::Kind::Inject;
    const EntryOutcome outcome = i < in_.entryOutcomes.size() ? in_.entryOutcomes[i] : EntryOutcome{};
    const std::string result = outcome.applied ? escape(t("aar.journal.applied"))
                                               : "<span class=\"refused\">" + te("aar.journal.refused") + "</span>: " +
                                                     escape(outcome.reason);
    html += "<tr><td class=\"num\">" + escape(core::dayClockText(entry.atUs)) + "</td>" +
            cell(isInject ? entry.inject.seat : entry.decision.seat) + "<td><code>" + escape(entryWhat(entry)) +
            "</code></td><td>" +
            multiline(isInject ? entry.inject.rationale : entry.decision.rationale) + "</td><td>" + result +
            "</td></tr>\n";
  }
  if (rows == 0) return note("aar.journal.none");
  return html + "</tbody></table>\n";
}

// ----------------------------------------------------------------------- 6 discussion

std::string Writer::discussion() {
  const auto& answers = in_.session->debrief.discussion;
  if (answers.empty()) return note("aar.discussion.none");
  std::string html = "<table class=\"wide\"><thead><tr><th>" + te("aar.journal.time") + "</th><th>" +
                     te("aar.discussion.prompt") + "</th><th>" + te("aar.discussion.answer") +
                     "</th></tr></thead>\n<tbody>\n";
  for (const auto& a : answers) {
    html += "<tr><td class=\"num\">" + escape(core::dayClockText(a.atUs)) + "</td><td>" + multiline(a.prompt) +
            "</td><td>" + multiline(a.answer) + "</td></tr>\n";
  }
  return html + "</tbody></table>\n";
}

// ---------------------------------------------------------------------------- 7 score

std::string Writer::score() {
  const scoring::ScoreCard card = in_.exercise->score();
  std::string html = "<p class=\"total\">" + te("aar.score.total") + ": <strong>" + num(card.total) + "</strong> " +
                     tf("aar.score.as_of", {{"time", core::dayClockText(in_.asOfUs)}}) + "</p>\n";
  const std::vector<double> byTerm = scoring::pointsByTerm(card);
  html += "<h3>" + te("aar.score.by_term") + "</h3>\n<table><thead><tr><th>" + te("aar.score.term") +
          "</th><th class=\"num\">" + te("aar.score.points") + "</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < byTerm.size(); ++i) {
    if (byTerm[i] == 0) continue;
    html += "<tr><td><code>" + escape(scoring::kScoreTermNames[i]) + "</code></td><td class=\"num\">" +
            signedNum(byTerm[i]) + "</td></tr>\n";
  }
  html += "</tbody></table>\n";
  std::vector<const scoring::LedgerEntry*> lines;
  for (const auto& line : card.ledger) lines.push_back(&line);
  std::stable_sort(lines.begin(), lines.end(), [](const auto* a, const auto* b) {
    return std::fabs(a->points) > std::fabs(b->points);
  });
  const std::size_t shown = std::min(lines.size(), in_.ledgerLines);
  html += "<h3>" + tf("aar.score.largest", {{"count", std::to_string(shown)}, {"total", std::to_string(lines.size())}}) +
          "</h3>\n<table class=\"wide\"><thead><tr><th>" + te("aar.score.incident") + "</th><th>" + te("aar.score.term") +
          "</th><th class=\"num\">" + te("aar.score.quantity") + "</th><th class=\"num\">" + te("aar.score.points") +
          "</th><th>" + te("aar.journal.time") + "</th><th>" + te("aar.score.detail") + "</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const scoring::LedgerEntry& line = *lines[i];
    html += "<tr>" + cell(line.incident) + "<td><code>" + escape(line.term) + "</code></td><td class=\"num\">" +
            escape(num(line.quantity) + (line.unit.empty() ? "" : " " + line.unit)) + "</td><td class=\"num\">" +
            signedNum(line.points) + "</td>" + cell(core::dayClockText(line.timeUs)) +
            cell(line.detail + (line.eventSeq ? " (#" + std::to_string(line.eventSeq) + ")" : "")) + "</tr>\n";
  }
  return html + "</tbody></table>\n";
}

// ------------------------------------------------------------------------- 8 branches

std::string Writer::branches() {
  const BranchOutcome* current = nullptr;
  for (const auto& b : in_.branches) {
    if (b.current) current = &b;
  }
  std::vector<std::string> incidents;
  for (const auto& b : in_.branches) {
    for (const auto& [id, hours] : b.hoursToContain) {
      if (std::find(incidents.begin(), incidents.end(), id) == incidents.end()) incidents.push_back(id);
    }
  }
  std::string html = "<table class=\"wide\"><thead><tr><th>" + te("aar.branches.branch") + "</th><th>" +
                     te("aar.branches.forked") + "</th><th>" + te("aar.branches.clock") + "</th><th class=\"num\">" +
                     te("aar.score.total") + "</th><th class=\"num\">" + te("aar.branches.difference") + "</th>";
  for (const auto& id : incidents) html += "<th>" + tf("aar.branches.ttc", {{"incident", id}}) + "</th>";
  html += "</tr></thead>\n<tbody>\n";
  for (const auto& b : in_.branches) {
    html += std::string("<tr") + (b.current ? " class=\"current\"" : "") + "><td>" + escape(b.name) +
            (b.current ? " <em>(" + te("aar.branches.current") + ")</em>" : "") + "</td><td>" +
            (b.parent.empty() ? std::string("&mdash;")
                              : tf("aar.branches.fork_of", {{"parent", b.parent}, {"time", core::dayClockText(b.forkUs)}})) +
            "</td>" + cell(core::dayClockText(b.lastUs)) + "<td class=\"num\">" + num(b.score) +
            "</td><td class=\"num\">" + (current && !b.current ? signedNum(b.score - current->score) : "&mdash;") +
            "</td>";
    for (const auto& id : incidents) {
      const auto found = std::find_if(b.hoursToContain.begin(), b.hoursToContain.end(),
                                      [&id](const auto& p) { return p.first == id; });
      html += found == b.hoursToContain.end() ? std::string("<td>&mdash;</td>") : cell(hoursText(found->second));
    }
    html += "</tr>\n";
    if (!b.refused.empty()) {
      html += "<tr><td colspan=\"" + std::to_string(5 + incidents.size()) + "\" class=\"refused\">" +
              tf("aar.branches.refused", {{"reason", b.refused}}) + "</td></tr>\n";
    }
  }
  html += "</tbody></table>\n<p class=\"hint\">" + te("aar.branches.hint") + "</p>\n";
  // Each term's difference against the current branch: where the points came from.
  if (current && in_.branches.size() > 1) {
    html += "<h3>" + te("aar.branches.by_term") + "</h3>\n<table><thead><tr><th>" + te("aar.score.term") + "</th>";
    for (const auto& b : in_.branches) {
      if (!b.current) html += "<th class=\"num\">" + escape(b.name) + " " + std::string(kMinus) + " " + escape(current->name) + "</th>";
    }
    html += "</tr></thead>\n<tbody>\n";
    for (std::size_t term = 0; term < current->pointsByTerm.size(); ++term) {
      std::string row;
      bool nonZero = false;
      for (const auto& b : in_.branches) {
        if (b.current || term >= b.pointsByTerm.size()) continue;
        const double difference = b.pointsByTerm[term] - current->pointsByTerm[term];
        nonZero = nonZero || difference != 0;
        row += "<td class=\"num\">" + signedNum(difference) + "</td>";
      }
      if (nonZero) html += "<tr><td><code>" + escape(scoring::kScoreTermNames[term]) + "</code></td>" + row + "</tr>\n";
    }
    html += "</tbody></table>\n";
  }
  return html;
}

// -------------------------------------------------------------------------- 8 what-if

// A histogram of sorted values with this session's value marked.
// (A flag and a value rather than an optional: GCC 12 warns falsely about optional<double> here.)
std::string histogramSvg(const std::vector<double>& sorted, bool hasMark, double markValue, const std::string& xTitle,
                         const std::string& yTitle, const std::string& markLabel, const std::string& description,
                         const std::function<std::string(double)>& format) {
  double lo = sorted.front(), hi = sorted.back();
  if (hasMark) {
    lo = std::min(lo, markValue);
    hi = std::max(hi, markValue);
  }
  svg::Axis xAxis = svg::linearAxis(lo, hi == lo ? lo + 1 : hi, 6);
  if (format) xAxis.format = format;
  const int bins = 20;
  const double width = (xAxis.hi - xAxis.lo) / bins;
  std::vector<int> counts(bins, 0);
  for (const double v : sorted) {
    const int bin = std::clamp(static_cast<int>((v - xAxis.lo) / width), 0, bins - 1);
    ++counts[static_cast<std::size_t>(bin)];
  }
  const int most = *std::max_element(counts.begin(), counts.end());
  svg::Axis yAxis = svg::linearAxis(0, 100.0 * most / static_cast<double>(sorted.size()), 4);
  yAxis.lo = 0;
  svg::Frame frame;
  frame.width = 640;
  frame.height = 240;
  svg::Plot plot(frame, xAxis, yAxis);
  plot.xAxisWithGrid(xTitle);
  plot.yAxisWithGrid(yTitle);
  for (int i = 0; i < bins; ++i) {
    if (counts[static_cast<std::size_t>(i)] == 0) continue;
    const double share = 100.0 * counts[static_cast<std::size_t>(i)] / static_cast<double>(sorted.size());
    plot.bar(xAxis.lo + i * width, 0, xAxis.lo + (i + 1) * width, share, "#0072b2");
  }
  if (hasMark) {
    plot.line(markValue, yAxis.lo, markValue, yAxis.hi, "stroke=\"#d55e00\" stroke-width=\"2\" stroke-dasharray=\"5 3\"");
    plot.text(plot.px(markValue) + 4, plot.plotTop() + 12, markLabel, "start");
  }
  plot.box();
  return plot.svg(description);
}

std::string Writer::whatIf() {
  const WhatIfFigures& w = *in_.whatIf;
  std::string html = "<p>" + tf("aar.whatif.intro", {{"runs", std::to_string(w.runs)}}) + " " + escape(w.variant) + "</p>\n";
  const auto hours = [](double h) { return svg::durationText(h * 3600); };
  const auto points = [](double v) { return num(v); };
  // A quantile that lies among the censored runs is only known to be beyond the end.
  const auto value = [this](const std::optional<double>& v, const std::function<std::string(double)>& format) {
    return v ? escape(format(*v)) : "&gt; " + te("aar.whatif.end");
  };
  html += "<table><thead><tr><th></th><th class=\"num\">p10</th><th class=\"num\">p50</th><th class=\"num\">p90</th>"
          "<th class=\"num\">" + te("aar.whatif.censored_head") + "</th><th class=\"num\">" +
          te("aar.whatif.this_session") + "</th></tr></thead>\n<tbody>\n";
  const auto row = [&](std::string_view key, const WhatIfFigure& f, const std::function<std::string(double)>& format) {
    const std::string own = !f.own ? std::string("&mdash;") : (f.ownCensored ? "&gt; " : "") + escape(format(*f.own));
    html += "<tr><td>" + te(key) + "</td><td class=\"num\">" + value(f.p10, format) + "</td><td class=\"num\">" +
            value(f.p50, format) + "</td><td class=\"num\">" + value(f.p90, format) + "</td><td class=\"num\">" +
            std::to_string(f.censored) + "</td><td class=\"num\">" + own + "</td></tr>\n";
  };
  row("aar.whatif.ttc", w.hoursToContain, hours);
  row("aar.score.total", w.score, points);
  html += "</tbody></table>\n<p class=\"hint\">" + te("aar.whatif.censored_hint") + "</p>\n";
  const auto chart = [&](const WhatIfFigure& f, std::string_view key, const std::function<std::string(double)>& format) {
    if (f.values.empty()) return;
    const bool hasMark = f.own.has_value() && !f.ownCensored;
    html += "<figure>" + histogramSvg(f.values, hasMark, f.own.value_or(0), t(key), t("aar.whatif.share"), t("aar.whatif.this_session"),
                                      t(key), format) + "</figure>\n";
  };
  chart(w.hoursToContain, "aar.whatif.ttc", hours);
  chart(w.score, "aar.score.total", {});
  if (!w.deadlines.empty()) {
    html += "<table><thead><tr><th>" + te("aar.whatif.deadline") + "</th><th class=\"num\">" + te("aar.whatif.missed") +
            "</th><th class=\"num\">95% CI</th></tr></thead>\n<tbody>\n";
    for (const auto& d : w.deadlines) {
      html += "<tr><td><code>" + escape(d.id) + "</code></td><td class=\"num\">" + num(d.missedShare * 100) +
              "%</td><td class=\"num\">" + num(d.wilsonLow * 100) + "% &ndash; " + num(d.wilsonHigh * 100) +
              "%</td></tr>\n";
    }
    html += "</tbody></table>\n";
  }
  return html;
}

// ----------------------------------------------------------------- 9 improvement plan

std::string Writer::improvementPlan() {
  const auto& items = in_.session->debrief.improvements;
  if (items.empty()) return note("aar.plan.none");
  std::string html = "<table class=\"wide plan\"><thead><tr><th>#</th><th>" + te("aar.plan.capability") + "</th><th>" +
                     te("aar.plan.issue") + "</th><th>" + te("aar.plan.action") + "</th><th>" + te("aar.plan.owner") +
                     "</th><th>" + te("aar.plan.due") + "</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    html += "<tr><td class=\"num\">" + std::to_string(i + 1) + "</td>" + cell(item.capability) + cell(item.issue) +
            cell(item.correctiveAction) + cell(item.owner) + cell(item.dueDate, "nowrap") + "</tr>\n";
  }
  return html + "</tbody></table>\n";
}

// ---------------------------------------------------------------------------- page

constexpr std::string_view kStyle = R"(
:root { color-scheme: light; }
body { font-family: 'DejaVu Sans', 'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic',
  Meiryo, 'Helvetica Neue', Arial, sans-serif; color: #1a1a1a; background: #ffffff; line-height: 1.45;
  max-width: 1000px; margin: 0 auto; padding: 12px 24px 40px; }
h1 { font-size: 1.6em; margin: 0.5em 0 0.2em; }
.subtitle { color: #444444; margin: 0 0 0.8em; }
h2 { font-size: 1.25em; margin: 1.8em 0 0.6em; padding-bottom: 3px; border-bottom: 2px solid #0072b2;
  break-after: avoid; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; break-after: avoid; }
h4 { font-size: 0.95em; margin: 0.6em 0 0.2em; }
p { margin: 0.4em 0; }
code { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.88em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0.6em 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
nav { font-size: 0.9em; margin: 0.8em 0; }
nav a { margin-right: 1.2em; color: #0060a0; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.86em; }
table.wide { width: 100%; }
th, td { padding: 3px 8px; border-bottom: 1px solid #dddddd; text-align: left; vertical-align: top; }
th { background: #eef2f5; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.desc { color: #555555; font-size: 0.9em; margin: 0; }
.hint { color: #444444; font-size: 0.88em; }
.nodata { color: #555555; font-style: italic; border-left: 3px solid #bbbbbb; padding-left: 8px; }
.total { font-size: 1.1em; }
figure { margin: 1em 0; break-inside: avoid; }
svg.chart { display: block; max-width: 100%; height: auto; }
.procedure { margin-bottom: 1.2em; }
.findings { display: grid; grid-template-columns: 1fr 1fr; gap: 0 24px; break-inside: avoid; }
.findings ul { margin: 0.2em 0; padding-left: 1.2em; }
td.m-met, td.r-performed { background: #e3f4ec; }
td.m-partly, td.r-some_challenges { background: #fff3d6; }
td.m-not_met, td.r-major_challenges, td.r-unable { background: #fbe1d6; }
.nowrap { white-space: nowrap; }
.refused { color: #a33a00; font-weight: bold; }
tr.current td { background: #f3f8fc; }
footer { margin-top: 3em; font-size: 0.8em; color: #666666; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
  tr, figure, .findings { break-inside: avoid; }
  thead { display: table-header-group; }
}
)";

struct Section {
  std::string id, heading, body;
};

std::string Writer::document() {
  std::vector<Section> sections;
  sections.push_back({"overview", t("aar.section.overview"), overview()});
  sections.push_back({"objectives", t("aar.section.objectives"), objectives()});
  sections.push_back({"timelines", t("aar.section.timelines"), timelines()});
  sections.push_back({"analysis", t("aar.section.analysis"), analysis()});
  sections.push_back({"journal", t("aar.section.journal"), journal()});
  sections.push_back({"discussion", t("aar.section.discussion"), discussion()});
  sections.push_back({"score", t("aar.section.score"), score()});
  if (!in_.branches.empty()) sections.push_back({"branches", t("aar.section.branches"), branches()});
  if (in_.whatIf) sections.push_back({"what-if", t("aar.section.what_if"), whatIf()});
  sections.push_back({"improvement-plan", t("aar.section.plan"), improvementPlan()});

  const scenario::ScenarioDef& scenario = in_.exercise->scenario();
  const std::string title =
      text::trf(lang_, "aar.title", {{"scenario", text::localized(lang_, scenario.name, scenario.nameJa)}});
  std::string html = std::string("<!DOCTYPE html>\n<html lang=\"") + text::languageCode(lang_) +
                     "\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                     escape(title) + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n<header>\n<h1>" +
                     escape(title) + "</h1>\n<p class=\"subtitle\">" + te("aar.subtitle") + "</p>\n</header>\n<nav>";
  for (std::size_t i = 0; i < sections.size(); ++i) {
    html += "<a href=\"#" + sections[i].id + "\">" + std::to_string(i + 1) + ". " + escape(sections[i].heading) + "</a>";
  }
  html += "</nav>\n<main>\n";
  for (std::size_t i = 0; i < sections.size(); ++i) {
    html += "<section id=\"" + sections[i].id + "\">\n<h2>" + std::to_string(i + 1) + ". " + escape(sections[i].heading) +
            "</h2>\n" + sections[i].body + "</section>\n";
  }
  html += "</main>\n<footer>" + te("aar.footer") + "</footer>\n</body>\n</html>\n";
  return html;
}

}  // namespace

std::string afterActionReportHtml(const AarInput& input) { return Writer(input).document(); }

}  // namespace irdrill::debrief
