// The play tab: what is scheduled and what the facilitator injects (facilitator view
// only: the MSEL is the controller's), what the team decides, and the journal of both.
#include <imgui.h>

#include "gui/panels/panels.hpp"
#include "gui/panels/play_sections.hpp"

namespace irdrill::gui {

void drawPlayTab(const session::LiveSession& session, UiState& ui) {
  if (ui.view == ViewMode::Facilitator) {
    if (ImGui::CollapsingHeader("Injects (MSEL)", ImGuiTreeNodeFlags_DefaultOpen)) drawMselSection(session, ui);
  }
  if (ImGui::CollapsingHeader("Player decisions", ImGuiTreeNodeFlags_DefaultOpen)) drawDecisionsSection(session, ui);
  if (ImGui::CollapsingHeader("Decision journal", ImGuiTreeNodeFlags_DefaultOpen)) drawJournalSection(session, ui);
}

}  // namespace irdrill::gui
