// The right-hand tab window and the timeline window around the panels' draw functions.
#include "panel_host.hpp"

#include <imgui.h>

#include "gui/panels/panels.hpp"
#include "ui_dump.hpp"

namespace irdrill::gui {
namespace {

constexpr ImGuiWindowFlags kTiled = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

struct Tab {
  const char* label;
  const char* dumpName;
  void (*draw)(const session::LiveSession&, UiState&);
};
const Tab kTabs[] = {
    {"Incidents", "tab_incidents", &drawIncidentsTab},
    {"Play", "tab_play", &drawPlayTab},
    {"Record", "tab_record", &drawRecordTab},
    {"Pause rules", "tab_pause_rules", &drawPauseRulesTab},
};

}  // namespace

void drawPanelWindows(const Rect& panels, const Rect& timeline, const session::LiveSession& live, UiState& ui) {
  ImGui::SetNextWindowPos(ImVec2(timeline.x, timeline.y));
  ImGui::SetNextWindowSize(ImVec2(timeline.w, timeline.h));
  if (ImGui::Begin("Timeline", nullptr, kTiled)) {
    noteWindowForDump("timeline");
    drawTimeline(live, ui);
  }
  ImGui::End();

  ImGui::SetNextWindowPos(ImVec2(panels.x, panels.y));
  ImGui::SetNextWindowSize(ImVec2(panels.w, panels.h));
  if (ImGui::Begin("Panels", nullptr, kTiled | ImGuiWindowFlags_NoTitleBar)) {
    noteWindowForDump("panels");
    if (ImGui::BeginTabBar("##panel_tabs")) {
      for (const Tab& tab : kTabs) {
        const bool open = ImGui::BeginTabItem(tab.label);
        noteItemForDump(tab.dumpName);
        if (open) {
          tab.draw(live, ui);
          ImGui::EndTabItem();
        }
      }
      ImGui::EndTabBar();
    }
  }
  ImGui::End();
}

}  // namespace irdrill::gui
