// The right-hand tab window and the timeline window around the panels' draw functions.
#include "panel_host.hpp"

#include <imgui.h>

#include "gui/i18n.hpp"
#include "gui/panels/hot_wash_tab.hpp"
#include "gui/panels/panels.hpp"
#include "ui_dump.hpp"

namespace irdrill::gui {
namespace {

constexpr ImGuiWindowFlags kTiled = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

struct Tab {
  const char* label;  // a catalogue key (or plain text, shown as it is)
  const char* dumpName;
  void (*draw)(const session::LiveSession&, UiState&);
};
const Tab kTabs[] = {
    {"gui.tab.incidents", "tab_incidents", &drawIncidentsTab},
    {"gui.tab.play", "tab_play", &drawPlayTab},
    {"gui.tab.record", "tab_record", &drawRecordTab},
    {"gui.tab.pause_rules", "tab_pause_rules", &drawPauseRulesTab},
    {"aar.hotwash.tab", "tab_hot_wash", &drawHotWashTab},
    {"whatif.tab", "tab_what_if", &drawWhatIfTab},
    {"rewind.branches.tab", "tab_branches", &drawBranchesTab},
};

}  // namespace

void drawPanelWindows(const Rect& panels, const Rect& timeline, const session::LiveSession& live, UiState& ui) {
  ImGui::SetNextWindowPos(ImVec2(timeline.x, timeline.y));
  ImGui::SetNextWindowSize(ImVec2(timeline.w, timeline.h));
  if (ImGui::Begin(trId(ui, "gui.timeline.title").c_str(), nullptr, kTiled)) {
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
        // The dump name is the id: the selected tab stays selected across a language switch.
        const std::string label = std::string(trOr(ui, tab.label, tab.label)) + "###" + tab.dumpName;
        const bool open = ImGui::BeginTabItem(label.c_str());
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
