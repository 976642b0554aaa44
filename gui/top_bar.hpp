// The top bar: the simulated clock, run control (pause/play, speeds, step, express, run
// until a time / the next detection / deadline / inject), view switch, seat, layout, save
// and UI scale. It changes only UiState and its own view state; what needs the shell
// (saving, rebuilding fonts) comes back as requests.
#pragma once

#include <optional>
#include <string>

#include "gui/layout.hpp"
#include "gui/ui_state.hpp"
#include "sim/session/live_session.hpp"

namespace irdrill::gui {

struct TopBarState {
  int runUntilChoice = 0;  // index into the "run until" combo (RunUntilKind order)
  std::string runUntilText = "d0 14:00";
  std::string message;     // a refused run-until, a save result...
  std::string sessionPath = "session.json";
  float uiScale = 1.0f;    // the slider's value; applied when released
};

struct TopBarRequests {
  bool saveSession = false;
  bool closeSession = false;  // back to the scenario picker
  std::optional<float> uiScale;
};

// The bar's height in pixels at the current font size (two rows).
float topBarHeightPx();

TopBarRequests drawTopBar(const Rect& rect, const session::LiveSession& live, const std::string& title, UiState& ui,
                          TopBarState& state, LayoutSplits& splits);

// "Language: English 日本語": sets `language` (buttons named lang_en, lang_ja for
// --ui-dump). Part of the top bar; also drawn by the scenario picker.
void drawLanguageSwitch(text::Language& language);

// Space pauses or plays, F2 switches facilitator/player; ignored while a text field has
// the keyboard. Call once per frame inside the ImGui frame.
void handleShortcuts(UiState& ui);

}  // namespace irdrill::gui
