// Drawing the top bar and its keyboard shortcuts (see top_bar.hpp).
#include "top_bar.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <SFML/Window/Keyboard.hpp>

#include "run_clock.hpp"
#include "sim/core/clock_text.hpp"
#include "ui_dump.hpp"

namespace irdrill::gui {
namespace {

constexpr ImGuiWindowFlags kFixedWindow = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                          ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                          ImGuiWindowFlags_NoBringToFrontOnFocus;

const char* const kRunUntilChoices[] = {"a time", "next detection", "next deadline", "next inject"};

// A button that shows as pressed when `on`, so a group of them reads as a radio group.
bool toggleButton(const char* label, bool on, const char* dumpName) {
  if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  const bool clicked = ImGui::Button(label);
  if (on) ImGui::PopStyleColor();
  noteItemForDump(dumpName);
  return clicked;
}

void startRunUntil(const session::LiveSession& live, UiState& ui, TopBarState& state) {
  const core::TimeUs now = live.now();
  const auto kind = static_cast<RunUntilKind>(state.runUntilChoice);
  std::optional<core::TimeUs> target;
  switch (kind) {
    case RunUntilKind::Time: {
      const TimeParse parsed = parseRunUntilText(state.runUntilText, now);
      if (!parsed.timeUs) {
        state.message = parsed.error;
        return;
      }
      target = parsed.timeUs;
      break;
    }
    case RunUntilKind::NextDetection: target = live.exercise().endUs(); break;
    case RunUntilKind::NextDeadline:
      target = nextDeadlineUs(live.exercise().incidents(), now);
      if (!target) state.message = "no deadline is running";
      break;
    case RunUntilKind::NextInject:
      target = nextPendingArrivalUs(live.exercise().arrivals(), now);
      if (!target) state.message = "no inject is pending";
      break;
  }
  if (!target) return;
  ui.run.runUntil = kind;
  ui.run.runUntilUs = *target;
  ui.run.paused = false;
  state.message.clear();
}

}  // namespace

float topBarHeightPx() {
  const ImGuiStyle& style = ImGui::GetStyle();
  return 2 * ImGui::GetFrameHeight() + style.ItemSpacing.y + 2 * style.WindowPadding.y;
}

void handleShortcuts(UiState& ui) {
  if (ImGui::GetIO().WantTextInput) return;
  if (ImGui::IsKeyPressed(sf::Keyboard::Space, false)) {
    ui.run.paused = !ui.run.paused;
    if (ui.run.paused) ui.run.runUntil.reset();
  }
  if (ImGui::IsKeyPressed(sf::Keyboard::F2, false)) {
    ui.view = ui.view == ViewMode::Facilitator ? ViewMode::Player : ViewMode::Facilitator;
  }
}

TopBarRequests drawTopBar(const Rect& rect, const session::LiveSession& live, const std::string& title, UiState& ui,
                          TopBarState& state, LayoutSplits& splits) {
  TopBarRequests requests;
  ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
  ImGui::SetNextWindowSize(ImVec2(rect.w, rect.h));
  if (ImGui::Begin("##topbar", nullptr, kFixedWindow)) {
    noteWindowForDump("top_bar");
    RunControl& run = ui.run;
    // Row 1: the clock and the run control.
    const std::string clock = topBarClockText(live.now(), live.scenario().startWeekday);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.4f, 1.0f), "%s", clock.c_str());
    ImGui::SameLine();
    if (toggleButton(run.paused ? "Play" : "Pause", !run.paused, "play_pause")) {
      run.paused = !run.paused;
      if (run.paused) run.runUntil.reset();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Space");
    ImGui::SameLine();
    if (ImGui::Button("Step")) {
      run.stepOnce = true;
      run.runUntil.reset();
    }
    noteItemForDump("step");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Run to the next pending event, then pause");
    for (int i = 0; i < kSpeedChoiceCount; ++i) {
      ImGui::SameLine();
      const SpeedChoice& speed = kSpeedChoices[i];
      const std::string dumpName = "speed_" + std::to_string(static_cast<long long>(speed.simSPerWallS));
      if (toggleButton(speed.label, !run.express && run.speedSimSPerWallS == speed.simSPerWallS, dumpName.c_str())) {
        run.speedSimSPerWallS = speed.simSPerWallS;
        run.express = false;
      }
    }
    ImGui::SameLine();
    if (toggleButton("Express", run.express, "express")) {
      run.express = !run.express;
      if (run.express) run.paused = false;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("As fast as it goes: map frozen, panels refreshed 4 times a second");
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Run until");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("next detection").x + ImGui::GetFrameHeight() * 1.5f);
    ImGui::Combo("##rununtil_kind", &state.runUntilChoice, kRunUntilChoices, 4);
    if (state.runUntilChoice == 0) {
      ImGui::SameLine();
      ImGui::SetNextItemWidth(ImGui::CalcTextSize("d00 00:00:00").x + 8);
      if (ImGui::InputText("##rununtil_time", &state.runUntilText, ImGuiInputTextFlags_EnterReturnsTrue)) {
        startRunUntil(live, ui, state);
      }
      noteItemForDump("run_until_time");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("\"d1 14:00\" (d0 is the first day) or \"14:00\" today");
    }
    ImGui::SameLine();
    if (ImGui::Button("Go")) startRunUntil(live, ui, state);
    noteItemForDump("run_until_go");
    if (run.runUntil) {
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(0.5f, 0.9f, 0.6f, 1.0f), "running to %s",
                         *run.runUntil == RunUntilKind::NextDetection ? "the next detection"
                                                                       : core::dayClockText(run.runUntilUs).c_str());
    }

    // Row 2: view, seat, layout, save, scale, what is open.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("View");
    ImGui::SameLine();
    if (toggleButton("Facilitator", ui.view == ViewMode::Facilitator, "view_facilitator")) ui.view = ViewMode::Facilitator;
    ImGui::SameLine();
    if (toggleButton("Player", ui.view == ViewMode::Player, "view_player")) ui.view = ViewMode::Player;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("F2 switches. The player view shows only what the team knows.");
    ImGui::SameLine();
    ImGui::TextUnformatted("Seat");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("facilitator----").x);
    ImGui::InputText("##seat", &ui.seat);
    noteItemForDump("seat");
    ImGui::SameLine();
    if (ImGui::Button("Layout")) ImGui::OpenPopup("layout_popup");
    noteItemForDump("layout");
    if (ImGui::BeginPopup("layout_popup")) {
      ImGui::SliderFloat("map width", &splits.mapWidthShare, kMinShare, kMaxShare, "%.2f");
      ImGui::SliderFloat("timeline height", &splits.timelineHeightShare, kMinShare * 0.5f, kMaxShare, "%.2f");
      if (ImGui::Button("Reset layout")) {
        splits = LayoutSplits{};
        ui.resetLayout = true;
      }
      ImGui::EndPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Save session")) requests.saveSession = true;
    noteItemForDump("save_session");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("session-file-name.json").x);
    ImGui::InputText("##session_path", &state.sessionPath);
    ImGui::SameLine();
    ImGui::TextUnformatted("UI");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("0.00x--").x + 20);
    ImGui::SliderFloat("##uiscale", &state.uiScale, 0.75f, 2.0f, "%.2fx");
    if (ImGui::IsItemDeactivatedAfterEdit()) requests.uiScale = state.uiScale;
    ImGui::SameLine();
    if (ImGui::Button("Close")) requests.closeSession = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to the scenario picker (save first)");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", title.c_str());
    if (!state.message.empty()) {
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.5f, 1.0f), "%s", state.message.c_str());
    } else if (!ui.feedback.empty() && (ui.view == ViewMode::Facilitator || ui.feedback.front().panel == "decisions")) {
      // On the projector in the player view, only the players' own decisions are echoed:
      // injects and evaluator marks stay the facilitator's.
      ImGui::SameLine();
      const ActionFeedback& latest = ui.feedback.front();
      ImGui::TextColored(latest.applied ? ImVec4(0.6f, 0.9f, 0.6f, 1.0f) : ImVec4(1.0f, 0.6f, 0.5f, 1.0f), "%s",
                         latest.text.c_str());
    }
  }
  ImGui::End();
  return requests;
}

}  // namespace irdrill::gui
