// Drawing the top bar and its keyboard shortcuts (see top_bar.hpp).
#include "top_bar.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include <SFML/Window/Keyboard.hpp>

#include "i18n.hpp"
#include "run_clock.hpp"
#include "sim/core/clock_text.hpp"
#include "ui_dump.hpp"

namespace irdrill::gui {
namespace {

constexpr ImGuiWindowFlags kFixedWindow = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                          ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                          ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                          ImGuiWindowFlags_NoBringToFrontOnFocus;

// In RunUntilKind order.
const char* const kRunUntilChoiceKeys[] = {"gui.top.until_time", "gui.top.until_detection", "gui.top.until_deadline",
                                          "gui.top.until_inject"};

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
      if (!target) state.message = tr(ui, "gui.top.no_deadline");
      break;
    case RunUntilKind::NextInject:
      target = nextPendingArrivalUs(live.exercise().arrivals(), now);
      if (!target) state.message = tr(ui, "gui.top.no_inject");
      break;
  }
  if (!target) return;
  ui.run.runUntil = kind;
  ui.run.runUntilUs = *target;
  ui.run.paused = false;
  state.message.clear();
}

}  // namespace

void drawLanguageSwitch(text::Language& current) {
  ImGui::TextDisabled("%s", text::tr(current, "gui.lang.label"));
  for (const text::Language language : text::kLanguages) {
    ImGui::SameLine();
    const std::string dumpName = std::string("lang_") + text::languageCode(language);
    const std::string label = std::string(text::languageName(language)) + "###" + dumpName;
    if (toggleButton(label.c_str(), current == language, dumpName.c_str())) current = language;
  }
}

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
    if (toggleButton(trId(ui, run.paused ? "gui.top.play" : "gui.top.pause").c_str(), !run.paused, "play_pause")) {
      run.paused = !run.paused;
      if (run.paused) run.runUntil.reset();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(ui, "gui.top.play_tip"));
    ImGui::SameLine();
    if (ImGui::Button(trId(ui, "gui.top.step").c_str())) {
      run.stepOnce = true;
      run.runUntil.reset();
    }
    noteItemForDump("step");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(ui, "gui.top.step_tip"));
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
    if (toggleButton(trId(ui, "gui.top.express").c_str(), run.express, "express")) {
      run.express = !run.express;
      if (run.express) run.paused = false;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(ui, "gui.top.express_tip"));
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(ui, "gui.top.run_until"));
    ImGui::SameLine();
    const char* runUntilChoices[4];
    float widestChoicePx = 0;
    for (int i = 0; i < 4; ++i) {
      runUntilChoices[i] = tr(ui, kRunUntilChoiceKeys[i]);
      widestChoicePx = std::max(widestChoicePx, ImGui::CalcTextSize(runUntilChoices[i]).x);
    }
    ImGui::SetNextItemWidth(widestChoicePx + ImGui::GetFrameHeight() * 1.5f);
    ImGui::Combo("##rununtil_kind", &state.runUntilChoice, runUntilChoices, 4);
    if (state.runUntilChoice == 0) {
      ImGui::SameLine();
      ImGui::SetNextItemWidth(ImGui::CalcTextSize("d00 00:00:00").x + 8);
      if (ImGui::InputText("##rununtil_time", &state.runUntilText, ImGuiInputTextFlags_EnterReturnsTrue)) {
        startRunUntil(live, ui, state);
      }
      noteItemForDump("run_until_time");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(ui, "gui.top.until_time_tip"));
    }
    ImGui::SameLine();
    if (ImGui::Button(trId(ui, "gui.top.go").c_str())) startRunUntil(live, ui, state);
    noteItemForDump("run_until_go");
    if (run.runUntil) {
      ImGui::SameLine();
      const std::string target = *run.runUntil == RunUntilKind::NextDetection ? tr(ui, "gui.top.the_next_detection")
                                                                               : core::dayClockText(run.runUntilUs);
      ImGui::TextColored(ImVec4(0.5f, 0.9f, 0.6f, 1.0f), "%s",
                         trf(ui, "gui.top.running_to", {{"target", target}}).c_str());
    }

    // Row 2: view, seat, layout, save, scale, what is open.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(ui, "gui.top.view"));
    ImGui::SameLine();
    if (toggleButton(trId(ui, "gui.top.facilitator").c_str(), ui.view == ViewMode::Facilitator, "view_facilitator")) {
      ui.view = ViewMode::Facilitator;
    }
    ImGui::SameLine();
    if (toggleButton(trId(ui, "gui.top.player").c_str(), ui.view == ViewMode::Player, "view_player")) ui.view = ViewMode::Player;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(ui, "gui.top.view_tip"));
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(ui, "gui.top.seat"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("facilitator----").x);
    ImGui::InputText("##seat", &ui.seat);
    noteItemForDump("seat");
    ImGui::SameLine();
    if (ImGui::Button(trId(ui, "gui.top.layout").c_str())) ImGui::OpenPopup("layout_popup");
    noteItemForDump("layout");
    if (ImGui::BeginPopup("layout_popup")) {
      ImGui::SliderFloat(trId(ui, "gui.top.map_width").c_str(), &splits.mapWidthShare, kMinShare, kMaxShare, "%.2f");
      ImGui::SliderFloat(trId(ui, "gui.top.timeline_height").c_str(), &splits.timelineHeightShare, kMinShare * 0.5f, kMaxShare, "%.2f");
      if (ImGui::Button(trId(ui, "gui.top.reset_layout").c_str())) {
        splits = LayoutSplits{};
        ui.resetLayout = true;
      }
      ImGui::EndPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(trId(ui, "gui.top.save_session").c_str())) requests.saveSession = true;
    noteItemForDump("save_session");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("session-file-name.json").x);
    ImGui::InputText("##session_path", &state.sessionPath);
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(ui, "gui.top.ui_scale"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("0.00x--").x + 20);
    ImGui::SliderFloat("##uiscale", &state.uiScale, 0.75f, 2.0f, "%.2fx");
    if (ImGui::IsItemDeactivatedAfterEdit()) requests.uiScale = state.uiScale;
    ImGui::SameLine();
    if (ImGui::Button(trId(ui, "gui.top.close").c_str())) requests.closeSession = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(ui, "gui.top.close_tip"));
    ImGui::SameLine();
    drawLanguageSwitch(ui.language);
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
