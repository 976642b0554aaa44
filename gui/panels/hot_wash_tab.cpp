// The hot wash tab (see hot_wash_tab.hpp). Sections: report button - incidents - marks -
// decisions - ledger - discussion - exercise and participants - objectives - improvement plan.
#include "gui/panels/hot_wash_tab.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "gui/i18n.hpp"
#include "gui/panels/widgets.hpp"
#include "gui/ui_dump.hpp"
#include "gui/view_model/journal.hpp"
#include "sim/core/clock_text.hpp"
#include "sim/debrief/aar_build.hpp"

namespace irdrill::gui {
namespace {

using session::SessionEntry;

// The half-filled forms; started afresh for another session.
struct HotWashForms {
  const void* session = nullptr;
  std::string exerciseDate, facilitator;
  bool headerLoaded = false;
  session::DebriefParticipant participant;
  session::DebriefObjective objective;
  std::string prompt, answer;
  session::ImprovementItem item;
};

HotWashForms& forms(const session::LiveSession& live) {
  static HotWashForms state;  // view state only: the notes themselves live in the session
  if (state.session != &live) {
    state = HotWashForms{};
    state.session = &live;
  }
  return state;
}

// The notes to edit: those already edited this frame, else the session's.
session::DebriefNotes editable(const session::LiveSession& live, const UiState& ui) {
  return ui.debriefEdit ? *ui.debriefEdit : live.debrief();
}

std::string timeOrDash(const std::optional<core::TimeUs>& atUs) { return atUs ? core::dayClockText(*atUs) : "-"; }

bool beginTable(const char* id, int columns) {
  return ImGui::BeginTable(id, columns,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                               ImGuiTableFlags_SizingStretchProp);
}

void headers(const UiState& ui, std::initializer_list<const char*> keys) {
  for (const char* key : keys) ImGui::TableSetupColumn(tr(ui, key));
  ImGui::TableHeadersRow();
}

void cells(std::initializer_list<std::string> texts) {
  ImGui::TableNextRow();
  for (const std::string& t : texts) {
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", t.c_str());
  }
}

// A text field that records its rectangle for scripts.
void field(const UiState& ui, const char* key, const char* dumpName, std::string& value) {
  ImGui::InputTextWithHint((std::string("##") + dumpName).c_str(), tr(ui, key), &value);
  noteItemForDump(dumpName);
}

void incidentsSection(const session::LiveSession& live, const UiState& ui) {
  const auto incidents = live.exercise().incidents();
  if (incidents.empty()) {
    ImGui::TextDisabled("%s", tr(ui, "aar.timeline.none"));
    return;
  }
  if (!beginTable("##hw_incidents", 6)) return;
  headers(ui, {"aar.score.incident", "aar.timeline.started", "aar.timeline.detected", "aar.timeline.contained",
               "aar.timeline.recovered", "aar.whatif.deadline"});
  for (const auto& incident : incidents) {
    std::string deadlines;
    for (const auto& d : incident.deadlines) {
      deadlines += (deadlines.empty() ? "" : "\n") + d.id + " " + core::dayClockText(d.dueUs) + ": " +
                   tr(ui, d.met ? "aar.timeline.deadline_met"
                                : d.dueUs <= live.now() || d.doneUs ? "aar.timeline.deadline_missed"
                                                                    : "aar.timeline.deadline_running");
    }
    cells({incident.id, core::dayClockText(incident.startUs), timeOrDash(incident.detectedUs),
           timeOrDash(incident.containedUs), timeOrDash(incident.recoveredUs), deadlines.empty() ? "-" : deadlines});
  }
  ImGui::EndTable();
}

void marksSection(const session::LiveSession& live, const UiState& ui) {
  bool any = false;
  for (const SessionEntry& e : live.log()) any = any || e.kind == SessionEntry::Kind::Mark;
  if (!any) {
    ImGui::TextDisabled("%s", tr(ui, "aar.hotwash.no_marks"));
    return;
  }
  if (!beginTable("##hw_marks", 4)) return;
  headers(ui, {"aar.journal.time", "aar.analysis.step", "aar.analysis.mark", "aar.analysis.note"});
  const char* const markKeys[] = {"aar.mark.not_observed", "aar.mark.met", "aar.mark.partly", "aar.mark.not_met"};
  for (const SessionEntry& e : live.log()) {
    if (e.kind != SessionEntry::Kind::Mark) continue;
    cells({core::dayClockText(e.atUs), e.mark.incident + " / " + e.mark.step,
           tr(ui, markKeys[static_cast<int>(e.mark.mark)]), e.mark.note});
  }
  ImGui::EndTable();
}

void decisionsSection(const session::LiveSession& live, const UiState& ui) {
  bool any = false;
  for (const SessionEntry& e : live.log()) any = any || e.kind != SessionEntry::Kind::Mark;
  if (!any) {
    ImGui::TextDisabled("%s", tr(ui, "aar.journal.none"));
    return;
  }
  if (!beginTable("##hw_decisions", 4)) return;
  headers(ui, {"aar.journal.time", "aar.journal.seat", "aar.journal.decision", "aar.journal.rationale"});
  for (const SessionEntry& e : live.log()) {
    if (e.kind == SessionEntry::Kind::Mark) continue;
    const bool inject = e.kind == SessionEntry::Kind::Inject;
    cells({core::dayClockText(e.atUs), inject ? e.inject.seat : e.decision.seat, view_model::entryWhat(e),
           inject ? e.inject.rationale : e.decision.rationale});
  }
  ImGui::EndTable();
}

void ledgerSection(const session::LiveSession& live, const UiState& ui) {
  const scoring::ScoreCard card = live.exercise().score();
  ImGui::Text("%s: %.1f", tr(ui, "aar.score.total"), card.total);
  std::vector<const scoring::LedgerEntry*> lines;
  for (const auto& line : card.ledger) lines.push_back(&line);
  std::stable_sort(lines.begin(), lines.end(),
                   [](const auto* a, const auto* b) { return std::fabs(a->points) > std::fabs(b->points); });
  lines.resize(std::min<std::size_t>(lines.size(), 8));
  if (!beginTable("##hw_ledger", 4)) return;
  headers(ui, {"aar.score.incident", "aar.score.term", "aar.score.points", "aar.score.detail"});
  for (const auto* line : lines) {
    char points[32];
    std::snprintf(points, sizeof points, "%+.1f", line->points);
    cells({line->incident, line->term, points, line->detail});
  }
  ImGui::EndTable();
}

void discussionSection(const session::LiveSession& live, UiState& ui, HotWashForms& f) {
  const auto& answers = live.debrief().discussion;
  if (!answers.empty() && beginTable("##hw_discussion", 3)) {
    headers(ui, {"aar.journal.time", "aar.discussion.prompt", "aar.discussion.answer"});
    for (const auto& a : answers) cells({core::dayClockText(a.atUs), a.prompt, a.answer});
    ImGui::EndTable();
  }
  // The prompt of the pause card showing now, unless one was typed.
  if (f.prompt.empty() && ui.card && !ui.card->prompt.empty()) f.prompt = ui.card->prompt;
  field(ui, "aar.discussion.prompt", "discussion_prompt", f.prompt);
  ImGui::InputTextMultiline("##discussion_answer", &f.answer, ImVec2(-1, ImGui::GetTextLineHeight() * 3.0f));
  noteItemForDump("discussion_answer");
  if (ImGui::Button(trId(ui, "aar.hotwash.record_answer").c_str()) && !f.answer.empty()) {
    session::DebriefNotes notes = editable(live, ui);
    notes.discussion.push_back({live.now(), f.prompt, f.answer});
    ui.debriefEdit = std::move(notes);
    f.prompt.clear();
    f.answer.clear();
  }
  noteItemForDump("record_answer");
}

void participantsSection(const session::LiveSession& live, UiState& ui, HotWashForms& f) {
  const session::DebriefNotes& notes = live.debrief();
  if (!f.headerLoaded) {
    f.exerciseDate = notes.exerciseDate;
    f.facilitator = notes.facilitator;
    f.headerLoaded = true;
  }
  field(ui, "aar.overview.date", "exercise_date", f.exerciseDate);
  ImGui::SameLine();
  field(ui, "aar.overview.facilitator", "facilitator", f.facilitator);
  ImGui::SameLine();
  if (ImGui::Button(trId(ui, "aar.hotwash.save_header").c_str())) {
    session::DebriefNotes edited = editable(live, ui);
    edited.exerciseDate = f.exerciseDate;
    edited.facilitator = f.facilitator;
    ui.debriefEdit = std::move(edited);
  }
  noteItemForDump("save_exercise");
  if (!notes.participants.empty() && beginTable("##hw_participants", 3)) {
    headers(ui, {"aar.overview.name", "aar.overview.seat", "aar.overview.organisation"});
    for (const auto& p : notes.participants) cells({p.name, p.seat, p.organisation});
    ImGui::EndTable();
  }
  field(ui, "aar.overview.name", "participant_name", f.participant.name);
  field(ui, "aar.overview.seat", "participant_seat", f.participant.seat);
  field(ui, "aar.overview.organisation", "participant_organisation", f.participant.organisation);
  if (ImGui::Button(trId(ui, "aar.hotwash.add_participant").c_str()) && !f.participant.name.empty()) {
    session::DebriefNotes edited = editable(live, ui);
    edited.participants.push_back(f.participant);
    ui.debriefEdit = std::move(edited);
    f.participant = {};
  }
  noteItemForDump("add_participant");
}

void objectivesSection(const session::LiveSession& live, UiState& ui, HotWashForms& f) {
  const char* const ratingKeys[] = {"aar.rating.not_rated", "aar.rating.performed", "aar.rating.some_challenges",
                                    "aar.rating.major_challenges", "aar.rating.unable"};
  const auto& objectives = live.debrief().objectives;
  if (!objectives.empty() && beginTable("##hw_objectives", 3)) {
    headers(ui, {"aar.objectives.objective", "aar.objectives.rating", "aar.objectives.note"});
    for (const auto& o : objectives) cells({o.objective, tr(ui, ratingKeys[static_cast<int>(o.rating)]), o.note});
    ImGui::EndTable();
  }
  field(ui, "aar.objectives.objective", "objective_text", f.objective.objective);
  int rating = static_cast<int>(f.objective.rating);
  if (ImGui::BeginCombo("##objective_rating", tr(ui, ratingKeys[rating]))) {
    for (int i = 0; i < session::kObjectiveRatingCount; ++i) {
      if (ImGui::Selectable(tr(ui, ratingKeys[i]), i == rating)) f.objective.rating = static_cast<session::ObjectiveRating>(i);
    }
    ImGui::EndCombo();
  }
  noteItemForDump("objective_rating");
  field(ui, "aar.objectives.note", "objective_note", f.objective.note);
  if (ImGui::Button(trId(ui, "aar.hotwash.add_objective").c_str()) && !f.objective.objective.empty()) {
    session::DebriefNotes edited = editable(live, ui);
    edited.objectives.push_back(f.objective);
    ui.debriefEdit = std::move(edited);
    f.objective = {};
  }
  noteItemForDump("add_objective");
}

void planSection(const session::LiveSession& live, UiState& ui, HotWashForms& f) {
  const auto& items = live.debrief().improvements;
  if (!items.empty() && beginTable("##hw_plan", 5)) {
    headers(ui, {"aar.plan.capability", "aar.plan.issue", "aar.plan.action", "aar.plan.owner", "aar.plan.due"});
    for (const auto& i : items) cells({i.capability, i.issue, i.correctiveAction, i.owner, i.dueDate});
    ImGui::EndTable();
  }
  field(ui, "aar.plan.issue", "ip_issue", f.item.issue);
  field(ui, "aar.plan.action", "ip_action", f.item.correctiveAction);
  field(ui, "aar.plan.capability", "ip_capability", f.item.capability);
  field(ui, "aar.plan.owner", "ip_owner", f.item.owner);
  field(ui, "aar.plan.due", "ip_due", f.item.dueDate);
  if (ImGui::Button(trId(ui, "aar.hotwash.add_item").c_str()) && !f.item.issue.empty()) {
    session::DebriefNotes edited = editable(live, ui);
    edited.improvements.push_back(f.item);
    ui.debriefEdit = std::move(edited);
    f.item = {};
  }
  noteItemForDump("add_improvement");
}

}  // namespace

void drawHotWashTab(const session::LiveSession& live, UiState& ui) {
  HotWashForms& f = forms(live);
  if (ImGui::Button(trId(ui, "aar.hotwash.write").c_str())) ui.writeAarRequested = true;
  noteItemForDump("write_aar");
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(ui, "aar.hotwash.write_hint"));
  widgets::showFeedback(ui, {"debrief"});
  ImGui::Separator();
  ImGui::BeginChild("##hot_wash_scroll");
  const auto section = [&ui](const char* key, bool open) {
    return ImGui::CollapsingHeader(trId(ui, key).c_str(), open ? ImGuiTreeNodeFlags_DefaultOpen : 0);
  };
  if (section("aar.section.timelines", true)) incidentsSection(live, ui);
  if (section("aar.hotwash.marks", true)) marksSection(live, ui);
  if (section("aar.section.journal", true)) decisionsSection(live, ui);
  if (section("aar.section.score", false)) ledgerSection(live, ui);
  if (section("aar.section.discussion", true)) discussionSection(live, ui, f);
  if (section("aar.hotwash.participants", false)) participantsSection(live, ui, f);
  if (section("aar.section.objectives", false)) objectivesSection(live, ui, f);
  if (section("aar.section.plan", true)) planSection(live, ui, f);
  ImGui::EndChild();
}

std::string afterActionReportOf(const session::LiveSession& live, text::Language language) {
  const session::SessionDef session = live.session();
  debrief::AarOptions options;
  options.untilUs = live.now();
  options.scenarioFile = session.scenarioPath;
  options.language = language;
  return debrief::buildAfterActionReport(live.sharedScenario(), session, options).html;
}

std::filesystem::path aarPathBeside(const std::filesystem::path& sessionPath) {
  std::filesystem::path path = sessionPath;
  return path.replace_extension(".aar.html");
}

}  // namespace irdrill::gui
