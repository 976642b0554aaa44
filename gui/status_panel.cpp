// Lays out the status panel. The clock is a placeholder until the GUI drives irdrill_sim.
#include "status_panel.hpp"

#include <imgui.h>

#include <SFML/Config.hpp>

namespace irdrill::gui {

void draw_status_panel(const StatusPanelModel& model) {
  // No .ini file is loaded, so "first use" is every start: the panel always opens right
  // of the floor plan instead of wherever it was last dragged.
  ImGui::SetNextWindowPos(ImVec2(920.0f, 40.0f), ImGuiCond_FirstUseEver);
  // Height 0 lets ImGui fit the content on first use.
  ImGui::SetNextWindowSize(ImVec2(320.0f, 0.0f), ImGuiCond_FirstUseEver);
  if (ImGui::Begin("irdrill")) {
    ImGui::Text("irdrill %.*s", static_cast<int>(model.version.size()), model.version.data());
    ImGui::TextDisabled("Dear ImGui %s, SFML %d.%d.%d", IMGUI_VERSION, SFML_VERSION_MAJOR,
                        SFML_VERSION_MINOR, SFML_VERSION_PATCH);
    ImGui::Separator();
    ImGui::Text("Sim clock: 00:00:00");
    ImGui::TextDisabled("(placeholder: no scenario loaded)");
    ImGui::Separator();
    ImGui::Text("Frame %llu", static_cast<unsigned long long>(model.frame));
  }
  // Begin() must be matched by End() even when the window is collapsed.
  ImGui::End();
}

}  // namespace irdrill::gui
