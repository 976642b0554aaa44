// The record tab: the live score ledger (largest lines first; a click focuses the event
// behind the line) and the event log, filtered by incident, kind and text, drawn with a
// list clipper (it grows to tens of thousands of lines) and scrolled to the focused event.
#include <algorithm>
#include <cstdio>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "gui/i18n.hpp"
#include "gui/panels/panel_state.hpp"
#include "gui/panels/panels.hpp"
#include "gui/panels/widgets.hpp"
#include "gui/view_model/event_filter.hpp"
#include "gui/view_model/ledger.hpp"
#include "gui/view_model/player_view.hpp"
#include "gui/view_model/time_text.hpp"

namespace irdrill::gui {
namespace {

namespace vm = view_model;

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                        ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                        ImGuiTableFlags_SizingFixedFit;
const ImU32 kFocusColour = IM_COL32(90, 90, 200, 110);

void drawLedger(const session::LiveSession& session, const std::vector<exercise::IncidentView>& incidents,
                UiState& ui, float heightPx) {
  const scoring::ScoreCard card = session.exercise().score();
  const auto rows = vm::visibleLedger(vm::ledgerRows(card), incidents, ui.view);
  if (ui.view == ViewMode::Facilitator) {
    char total[32];
    std::snprintf(total, sizeof total, "%.1f", card.total);
    ImGui::TextUnformatted(trf(ui, "gui.record.score_now", {{"score", total}}).c_str());
  } else {
    ImGui::TextUnformatted(tr(ui, "gui.record.score_lines_team"));
  }
  if (!ImGui::BeginTable("ledger", 6, kTableFlags, ImVec2(0, heightPx))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(ui, "gui.record.col_points"));
  ImGui::TableSetupColumn(tr(ui, "gui.record.col_incident"));
  ImGui::TableSetupColumn(tr(ui, "gui.record.col_term"));
  ImGui::TableSetupColumn(tr(ui, "gui.record.col_quantity"));
  ImGui::TableSetupColumn(tr(ui, "gui.record.col_time"));
  ImGui::TableSetupColumn(tr(ui, "gui.record.col_detail"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const vm::LedgerRow& row = rows[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const bool focused = row.eventSeq != 0 && ui.focusEventSeq == row.eventSeq;
    if (ImGui::Selectable(row.pointsText.c_str(), focused, ImGuiSelectableFlags_SpanAllColumns) && row.eventSeq != 0) {
      ui.focusEventSeq = row.eventSeq;
    }
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("%s", row.eventSeq != 0
                                  ? trf(ui, "gui.record.ledger_tip", {{"event", std::to_string(row.eventSeq)}}).c_str()
                                  : tr(ui, "gui.record.ledger_tip_none"));
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.incident.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.term.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.quantity.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.time.c_str());
    ImGui::TableNextColumn();
    widgets::cellText(row.detail);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void drawKindFilter(vm::EventFilter& filter, const UiState& ui) {
  const auto shown = std::count(filter.kinds.begin(), filter.kinds.end(), true);
  const std::string label = trf(ui, "gui.record.kinds", {{"shown", std::to_string(shown)},
                                                          {"total", std::to_string(filter.kinds.size())}}) +
                            "###kinds";
  if (ImGui::Button(label.c_str())) ImGui::OpenPopup("event_kinds");
  if (!ImGui::BeginPopup("event_kinds")) return;
  if (ImGui::SmallButton(trId(ui, "gui.record.all").c_str())) std::fill(filter.kinds.begin(), filter.kinds.end(), true);
  ImGui::SameLine();
  if (ImGui::SmallButton(trId(ui, "gui.record.none").c_str())) std::fill(filter.kinds.begin(), filter.kinds.end(), false);
  ImGui::Columns(3, nullptr, false);
  for (std::size_t k = 0; k < exercise::kExerciseEventKindCount; ++k) {
    bool on = filter.kinds[k];
    if (ImGui::Checkbox(exercise::kExerciseEventKindNames[k], &on)) filter.kinds[k] = on;
    ImGui::NextColumn();
  }
  ImGui::Columns(1);
  ImGui::EndPopup();
}

// Brings the cached rows up to date: new events are filtered on; a change of filter,
// view, session or of what the team knows starts over.
const std::vector<std::size_t>& eventRows(const session::LiveSession& session,
                                          const std::vector<exercise::IncidentView>& incidents, const UiState& ui) {
  PanelState& state = panelState();
  EventLogCache& cache = state.eventLog;
  const auto& events = session.events();
  const vm::TeamKnowledge knowledge = vm::teamKnowledge(incidents, session.now());
  if (cache.events != &events || !(cache.filter == state.eventFilter) || cache.view != ui.view ||
      cache.detectedIncidents != knowledge.detectedAt.size() || cache.nextIndex > events.size()) {
    cache = EventLogCache{};
    cache.events = &events;
    cache.filter = state.eventFilter;
    cache.view = ui.view;
    cache.detectedIncidents = knowledge.detectedAt.size();
  }
  cache.nextIndex = vm::filterEventsFrom(events, cache.nextIndex, cache.filter,
                                         ui.view == ViewMode::Player ? &knowledge : nullptr, cache.rows);
  return cache.rows;
}

void drawEventLog(const session::LiveSession& session, const std::vector<exercise::IncidentView>& incidents,
                  UiState& ui) {
  PanelState& state = panelState();
  vm::EventFilter& filter = state.eventFilter;
  const std::string all = tr(ui, "gui.record.all_incidents");
  std::vector<std::string> incidentChoices{all};
  for (const auto& x : incidents) incidentChoices.push_back(x.id);
  std::string incidentChoice = filter.incident.empty() ? all : filter.incident;
  ImGui::SetNextItemWidth(160);
  if (widgets::stringCombo("##incident", incidentChoices, incidentChoice, ui.language)) {
    filter.incident = incidentChoice == all ? std::string() : incidentChoice;
  }
  ImGui::SameLine();
  drawKindFilter(filter, ui);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##search", tr(ui, "gui.record.search"), &filter.text);

  const auto& events = session.events();
  const auto& rows = eventRows(session, incidents, ui);
  if (!ImGui::BeginTable("event_log", 7, kTableFlags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("#");
  ImGui::TableSetupColumn(tr(ui, "gui.record.col_time"));
  ImGui::TableSetupColumn(tr(ui, "gui.record.col_type"));
  ImGui::TableSetupColumn(tr(ui, "gui.record.col_incident"));
  ImGui::TableSetupColumn(tr(ui, "gui.record.col_actor"));
  ImGui::TableSetupColumn(tr(ui, "gui.record.col_subject"));
  ImGui::TableSetupColumn(tr(ui, "gui.record.col_detail"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();

  const float rowHeightPx = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
  std::optional<std::size_t> focusRow;
  if (ui.focusEventSeq) focusRow = vm::rowOfEventSeq(rows, events, *ui.focusEventSeq);
  if (ui.focusEventSeq != state.scrolledToSeq) {
    // Once per new focus: the user may scroll away afterwards.
    if (focusRow) ImGui::SetScrollY(std::max(0.0f, (static_cast<float>(*focusRow) - 3) * rowHeightPx));
    state.scrolledToSeq = ui.focusEventSeq;
  }
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()), rowHeightPx);
  while (clipper.Step()) {
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const exercise::ExerciseEvent& e = events[rows[static_cast<std::size_t>(r)]];
      ImGui::TableNextRow();
      if (focusRow && *focusRow == static_cast<std::size_t>(r)) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, kFocusColour);
      }
      ImGui::TableNextColumn();
      ImGui::Text("%llu", static_cast<unsigned long long>(e.seq));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(vm::clockText(e.timeUs).c_str());
      ImGui::TableNextColumn();
      const std::string_view type = e.type();
      ImGui::TextUnformatted(type.data(), type.data() + type.size());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(e.incident.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(e.actor.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(e.subject.c_str());
      ImGui::TableNextColumn();
      widgets::cellText(e.detail);
    }
  }
  ImGui::EndTable();
  ImGui::TextDisabled("%s", trf(ui, "gui.record.events_shown", {{"shown", std::to_string(rows.size())},
                                                                {"total", std::to_string(events.size())}})
                                .c_str());
}

}  // namespace

void drawRecordTab(const session::LiveSession& session, UiState& ui) {
  const auto incidents = vm::visibleIncidents(session.exercise().incidents(), ui.view);
  const float ledgerHeightPx = std::max(ImGui::GetContentRegionAvail().y * 0.35f, ImGui::GetTextLineHeightWithSpacing() * 5);
  drawLedger(session, incidents, ui, ledgerHeightPx);
  ImGui::Separator();
  drawEventLog(session, incidents, ui);
}

}  // namespace irdrill::gui
