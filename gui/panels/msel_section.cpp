// The master scenario events list: every arrival in time order (time, what, target,
// expected procedure, status) with "fire now" and "skip" on pending ones, and the form of
// the facilitator's own inject from the catalogue (fire now or at a typed time).
#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "gui/i18n.hpp"
#include "gui/panels/panel_state.hpp"
#include "gui/panels/play_sections.hpp"
#include "gui/panels/widgets.hpp"
#include "gui/ui_dump.hpp"
#include "gui/view_model/msel.hpp"
#include "gui/view_model/time_text.hpp"

namespace irdrill::gui {
namespace {

namespace vm = view_model;

// In exercise::ArrivalView::Status order.
const char* const kArrivalStatusKeys[] = {"gui.msel.status_pending", "gui.msel.status_fired", "gui.msel.status_skipped"};

// Both entries of "fire now" must apply, or neither is queued.
exercise::DecisionResult checkAll(const exercise::Exercise& exercise, const std::vector<session::SessionEntry>& entries) {
  for (const auto& entry : entries) {
    exercise::DecisionResult r = exercise.check(entry.inject);
    if (!r) return r;
  }
  exercise::DecisionResult ok;
  ok.applied = true;
  return ok;
}

void drawArrivals(const session::LiveSession& session, UiState& ui) {
  const exercise::Exercise& exercise = session.exercise();
  const auto rows = vm::mselRows(exercise.arrivals(), session.scenario(), session.log());
  if (rows.empty()) {
    ImGui::TextDisabled("%s", tr(ui, "gui.msel.empty"));
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  const float heightPx = ImGui::GetTextLineHeightWithSpacing() * (std::min<float>(rows.size(), 8) + 1.5f);
  if (!ImGui::BeginTable("msel", 6, flags, ImVec2(0, heightPx))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(ui, "gui.msel.col_time"));
  ImGui::TableSetupColumn(tr(ui, "gui.msel.col_what"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(tr(ui, "gui.msel.col_target"));
  ImGui::TableSetupColumn(tr(ui, "gui.msel.col_procedure"));
  ImGui::TableSetupColumn(tr(ui, "gui.msel.col_status"));
  ImGui::TableSetupColumn("");
  ImGui::TableHeadersRow();
  for (const vm::MselRow& row : rows) {
    ImGui::PushID(row.arrival.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.time.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.what.c_str());
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("%s\n%s", row.what.c_str(),
                        trf(ui, row.injected ? "gui.msel.arrival_injected" : "gui.msel.arrival", {{"arrival", row.arrival}})
                            .c_str());
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.target.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.procedure.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(tr(ui, kArrivalStatusKeys[static_cast<int>(row.status)]));
    if (const auto arrow = row.statusText.find(" -> "); arrow != std::string::npos) {
      ImGui::SameLine(0, 0);
      ImGui::TextUnformatted(row.statusText.c_str() + arrow);  // " -> incident"
    }
    if (row.injected) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", tr(ui, "gui.msel.inject_tag"));
    }
    ImGui::TableNextColumn();
    if (row.status == exercise::ArrivalView::Status::Pending) {
      // One already due fires as the clock moves on: nothing to bring forward.
      if (row.atUs > session.now()) {
        const auto fireNow = vm::fireArrivalNowEntries(row, ui.seat);
        if (widgets::checkedButton(trId(ui, "gui.msel.fire_now").c_str(), checkAll(exercise, fireNow))) {
          for (const auto& entry : fireNow) ui.actions.push_back(entry);
        }
        noteItemForDump(("msel_fire:" + row.arrival).c_str());
        ImGui::SameLine();
      }
      const auto skip = vm::skipArrivalEntry(row.arrival, ui.seat, "skipped by the facilitator");
      if (widgets::checkedButton(trId(ui, "gui.msel.skip").c_str(), exercise.check(skip.inject))) ui.actions.push_back(skip);
      noteItemForDump(("msel_skip:" + row.arrival).c_str());
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void drawInjectForm(const session::LiveSession& session, UiState& ui) {
  InjectForm& form = panelState().inject;
  const exercise::Exercise& exercise = session.exercise();
  const auto catalogue = exercise.injectCatalogue();
  if (catalogue.empty()) return;
  form.templateIndex = std::clamp(form.templateIndex, 0, static_cast<int>(catalogue.size()) - 1);
  const exercise::InjectTemplate& chosen = catalogue[static_cast<std::size_t>(form.templateIndex)];

  ImGui::TextUnformatted(tr(ui, "gui.inject.heading"));
  if (ImGui::BeginCombo(trId(ui, "gui.inject.template").c_str(), chosen.id.c_str())) {
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
      const std::string label = catalogue[i].id + "  -  " + catalogue[i].what;
      if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == form.templateIndex)) {
        form.templateIndex = static_cast<int>(i);
      }
    }
    ImGui::EndCombo();
  }
  ImGui::TextDisabled("%s", chosen.what.c_str());
  if (chosen.needsPeople) widgets::stringCombo(trId(ui, "gui.inject.target").c_str(), vm::injectTargets(session.scenario()), form.target,
                                               ui.language);
  if (ImGui::RadioButton(trId(ui, "gui.inject.fire_now").c_str(), !form.schedule)) form.schedule = false;
  ImGui::SameLine();
  if (ImGui::RadioButton(trId(ui, "gui.inject.schedule_at").c_str(), form.schedule)) form.schedule = true;
  vm::ParsedTime when;
  if (form.schedule) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(140);
    ImGui::InputTextWithHint("##at", tr(ui, "gui.inject.time_hint"), &form.timeText);
    when = vm::parseClockText(form.timeText, session.now());
    ImGui::SameLine();
    if (when.timeUs) ImGui::TextDisabled("= %s", vm::clockText(*when.timeUs).c_str());
    else ImGui::TextColored(ImVec4(1.0f, 0.65f, 0.25f, 1.0f), "%s", when.error.c_str());
  }
  ImGui::TextDisabled("%s", tr(ui, "gui.decide.why"));
  ImGui::InputTextMultiline("##inject_why", &form.rationale, ImVec2(-1, ImGui::GetTextLineHeight() * 2.5f));

  const std::string target = chosen.needsPeople ? form.target : std::string();
  session::SessionEntry entry = form.schedule && when.timeUs
                                    ? vm::scheduleEntry(chosen.id, target, *when.timeUs, ui.seat, form.rationale)
                                    : vm::fireEntry(chosen.id, target, ui.seat, form.rationale);
  exercise::DecisionResult check;
  if (form.schedule && !when.timeUs) {
    check.reason = trf(ui, "gui.inject.bad_time", {{"error", when.error}});
  } else {
    check = exercise.check(entry.inject);
  }
  if (widgets::checkedButton(trId(ui, form.schedule ? "gui.inject.schedule" : "gui.inject.now").c_str(), check, true)) {
    ui.actions.push_back(std::move(entry));
    form.rationale.clear();
  }
  noteItemForDump("inject_submit");
}

}  // namespace

void drawMselSection(const session::LiveSession& session, UiState& ui) {
  drawArrivals(session, ui);
  widgets::showFeedback(ui, {"injects"});
  ImGui::Spacing();
  drawInjectForm(session, ui);
}

}  // namespace irdrill::gui
