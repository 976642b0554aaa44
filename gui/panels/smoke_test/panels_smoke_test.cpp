// The panels drawn headless: a Dear ImGui context with no window and no renderer (Render
// only builds draw lists), a bundled scenario played in a LiveSession, every panel drawn
// in both views at several moments, and the actions they queue applied as the shell does.
// Catches ImGui misuse (unbalanced Begin/End, ID stack, tables), crashes under the
// sanitizers, and checks the timeline's click-to-select end to end.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <functional>
#include <memory>

#include "gui/panels/panel_state.hpp"
#include "gui/panels/panels.hpp"
#include "sim/scenario/scenario_loader.hpp"

using namespace irdrill;
using namespace irdrill::gui;

namespace {

constexpr core::TimeUs kHourUs = core::kUsPerHour;
const ImVec2 kWindowPos{10, 10};
const ImVec2 kWindowSize{900, 600};

class HeadlessImGui {
 public:
  HeadlessImGui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // builds the atlas
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  // One frame with `draw` filling a window at kWindowPos (no title bar, so its content
  // starts at kWindowPos + WindowPadding).
  void frame(const std::function<void()>& draw) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(kWindowPos);
    ImGui::SetNextWindowSize(kWindowSize);
    ImGui::Begin("panel", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
    draw();
    ImGui::End();
    ImGui::Render();
  }
};

std::unique_ptr<session::LiveSession> bundledSession(const std::string& name) {
  auto loaded = scenario::loadScenarioFile(std::string(IRDRILL_SOURCE_DIR) + "/scenarios/" + name);
  REQUIRE(loaded.scenario);
  session::SessionDef header;
  header.scenarioPath = name;
  header.seed = loaded.scenario->defaultSeed;
  auto shared = std::make_shared<const scenario::ScenarioDef>(std::move(*loaded.scenario));
  return std::make_unique<session::LiveSession>(std::move(shared), std::move(header));
}

// What the shell does at the start of a frame: apply the queued actions, with feedback.
int applyActions(session::LiveSession& live, UiState& ui) {
  int applied = 0;
  while (!ui.actions.empty()) {
    const exercise::DecisionResult result = live.apply(ui.actions.front());
    ui.actions.pop_front();
    ui.feedback.insert(ui.feedback.begin(), ActionFeedback{"decisions", result.applied, result.reason});
    applied += result.applied ? 1 : 0;
  }
  return applied;
}

void drawEverything(HeadlessImGui& imgui, session::LiveSession& live, UiState& ui) {
  for (auto* panel : {&drawIncidentsTab, &drawPlayTab, &drawRecordTab, &drawPauseRulesTab, &drawTimeline}) {
    imgui.frame([&] { panel(live, ui); });
    applyActions(live, ui);
  }
}

}  // namespace

TEST_CASE("Every panel draws in both views as a phishing exercise unfolds") {
  HeadlessImGui imgui;
  resetPanelState();
  auto live = bundledSession("phishing-exfiltration.yaml");
  UiState ui;
  for (const core::TimeUs untilUs : {8 * kHourUs, 12 * kHourUs, 30 * kHourUs, 4 * 24 * kHourUs}) {
    live->runUntil(untilUs);
    for (const ViewMode view : {ViewMode::Facilitator, ViewMode::Player}) {
      ui.view = view;
      drawEverything(imgui, *live, ui);
    }
    if (ui.selectedIncident.empty() && !live->exercise().incidents().empty()) {
      ui.selectedIncident = live->exercise().incidents().front().id;
    }
  }
  CHECK(live->now() == 4 * 24 * kHourUs);
  CHECK_FALSE(live->events().empty());
}

TEST_CASE("A click on a timeline row selects its incident") {
  HeadlessImGui imgui;
  resetPanelState();
  auto live = bundledSession("phishing-exfiltration.yaml");
  live->runUntil(3 * 24 * kHourUs);
  const auto incidents = live->exercise().incidents();
  REQUIRE_FALSE(incidents.empty());
  UiState ui;
  imgui.frame([&] { drawTimeline(*live, ui); });

  // Under the zoom buttons (one frame-high line), below the axis header, in the middle of
  // the first row (the layout of timeline_panel.cpp: header and rows a line high + 4 / + 8).
  const ImGuiStyle& style = ImGui::GetStyle();
  const float lineHeight = ImGui::GetTextLineHeight();
  const float rowsTop = kWindowPos.y + style.WindowPadding.y + ImGui::GetFrameHeight() + style.ItemSpacing.y;
  const ImVec2 firstRow{kWindowPos.x + style.WindowPadding.x + 400, rowsTop + (lineHeight + 4) + (lineHeight + 8) / 2};
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = firstRow;
  imgui.frame([&] { drawTimeline(*live, ui); });
  io.MouseDown[0] = true;
  imgui.frame([&] { drawTimeline(*live, ui); });
  io.MouseDown[0] = false;
  imgui.frame([&] { drawTimeline(*live, ui); });
  CHECK(ui.selectedIncident == incidents.front().id);
}

TEST_CASE("The event log scrolls once to a focused ledger event") {
  HeadlessImGui imgui;
  resetPanelState();
  auto live = bundledSession("phishing-exfiltration.yaml");
  live->runUntil(3 * 24 * kHourUs);
  REQUIRE(live->events().size() > 10);
  UiState ui;
  ui.focusEventSeq = live->events()[live->events().size() / 2].seq;
  imgui.frame([&] { drawRecordTab(*live, ui); });
  CHECK(panelState().scrolledToSeq == ui.focusEventSeq);
  CHECK_FALSE(panelState().eventLog.rows.empty());
}

TEST_CASE("Lost laptop: panels draw with people, items and tag alerts") {
  HeadlessImGui imgui;
  resetPanelState();
  auto live = bundledSession("lost-laptop.yaml");
  UiState ui;
  for (const core::TimeUs untilUs : {10 * kHourUs, 14 * kHourUs, 19 * kHourUs}) {
    live->runUntil(untilUs);
    for (const ViewMode view : {ViewMode::Facilitator, ViewMode::Player}) {
      ui.view = view;
      drawEverything(imgui, *live, ui);
    }
  }
  CHECK(live->now() == 19 * kHourUs);
}
