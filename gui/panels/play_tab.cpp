// The play tab: what is scheduled and what the facilitator injects (facilitator view
// only: the MSEL is the controller's), what the team decides, and the journal of both.
#include <imgui.h>

#include "gui/i18n.hpp"
#include "gui/panels/panels.hpp"
#include "gui/panels/play_sections.hpp"

namespace irdrill::gui {

void drawPlayTab(const session::LiveSession& session, UiState& ui) {
  if (ui.view == ViewMode::Facilitator) {
    if (ImGui::CollapsingHeader(trId(ui, "gui.play.injects").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) drawMselSection(session, ui);
  }
  if (ImGui::CollapsingHeader(trId(ui, "gui.play.decisions").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) drawDecisionsSection(session, ui);
  if (ImGui::CollapsingHeader(trId(ui, "gui.play.journal").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) drawJournalSection(session, ui);
}

}  // namespace irdrill::gui
