// The decision journal: every entry of the session log (time, seat, what, rationale,
// result), newest at the bottom, with a copy-as-CSV button (the shell also exports it to
// a file with view_model::journalCsv). In the facilitator's view each entry has a "Rewind
// here": a BranchRequest the shell carries out (the session rebuilt just before it).
#include <algorithm>

#include <imgui.h>

#include "gui/i18n.hpp"
#include "gui/panels/panel_state.hpp"
#include "gui/panels/play_sections.hpp"
#include "gui/panels/widgets.hpp"
#include "gui/ui_dump.hpp"
#include "gui/view_model/journal.hpp"

namespace irdrill::gui {

void drawJournalSection(const session::LiveSession& session, UiState& ui) {
  PanelState& state = panelState();
  // Rebuilt only when the log or the events grew: journalRows walks the event log.
  if (state.journalEvents != &session.events() || state.journalLogSize != session.log().size() ||
      state.journalEventCount != session.events().size()) {
    state.journalEvents = &session.events();
    state.journal = view_model::journalRows(session.log(), session.events());
    state.journalLogSize = session.log().size();
    state.journalEventCount = session.events().size();
  }
  widgets::showFeedback(ui, {"branches"});  // what a "Rewind here" did
  const auto& rows = state.journal;
  if (rows.empty()) {
    ImGui::TextDisabled("%s", tr(ui, "gui.journal.empty"));
    return;
  }
  const bool truth = ui.view == ViewMode::Facilitator;
  if (truth && ImGui::SmallButton(trId(ui, "gui.journal.copy_csv").c_str())) ImGui::SetClipboardText(view_model::journalCsv(rows).c_str());
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  const float heightPx = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetTextLineHeightWithSpacing() * 6);
  if (!ImGui::BeginTable("journal", truth ? 6 : 5, flags, ImVec2(0, heightPx))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(ui, "gui.journal.col_time"));
  ImGui::TableSetupColumn(tr(ui, "gui.journal.col_seat"));
  ImGui::TableSetupColumn(tr(ui, "gui.journal.col_what"));
  ImGui::TableSetupColumn(tr(ui, "gui.journal.col_why"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(tr(ui, "gui.journal.col_result"));
  if (truth) ImGui::TableSetupColumn(tr(ui, "rewind.journal.col_rewind"));
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const view_model::JournalRow& row = rows[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.time.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.seat.c_str());
      ImGui::TableNextColumn();
      // Players do not see what the facilitator injected or how the evaluator marked.
      widgets::cellText(truth || row.kind == "decision" ? row.what : tr(ui, "gui.journal.facilitator_only"));
      ImGui::TableNextColumn();
      widgets::cellText(truth || row.kind == "decision" ? row.rationale : "");
      ImGui::TableNextColumn();
      widgets::cellText(truth || row.kind == "decision" ? row.result : "");
      if (truth) {
        ImGui::TableNextColumn();
        const std::string id = std::to_string(i);
        if (ImGui::SmallButton((std::string(tr(ui, "rewind.journal.rewind_here")) + "##rewind" + id).c_str())) {
          BranchRequest request;
          request.kind = BranchRequest::Kind::RewindBeforeEntry;
          request.entryIndex = static_cast<std::size_t>(i);
          ui.branchRequest = request;
        }
        noteItemForDump(("rewind_here:" + id).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", trf(ui, "rewind.journal.rewind_tip", {{"time", row.time}}).c_str());
      }
    }
  }
  ImGui::EndTable();
}

}  // namespace irdrill::gui
