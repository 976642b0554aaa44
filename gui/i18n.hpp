// The catalogue (sim/text/catalogue.hpp) in the language the app shows now
// (UiState::language, set by --lang and the top bar's switch). Panels write
//   ImGui::Button(trId(ui, "gui.top.step").c_str())   // label "Step###gui.top.step"
//   ImGui::TextUnformatted(tr(ui, "gui.top.run_until"));
//   ImGui::TextUnformatted(trf(ui, "gui.top.running_to", {{"target", when}}).c_str());
// Labels that are also ImGui ids (buttons, tabs, headers, windows) use trId, so the id,
// and with it the widget's state, stays the same in both languages. Names for --ui-dump
// are separate and never translated (noteItemForDump("step")).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "gui/ui_state.hpp"
#include "sim/text/catalogue.hpp"

namespace irdrill::gui {

inline const char* tr(const UiState& ui, std::string_view key) { return text::tr(ui.language, key); }

// For keys built from data (an incident's state...): the data's own text when the
// catalogue has no line for it.
inline const char* trOr(const UiState& ui, const std::string& key, const char* fallback) {
  return text::trOr(ui.language, key, fallback);
}

inline std::string trId(const UiState& ui, std::string_view key) { return text::trId(ui.language, key); }

inline std::string trf(const UiState& ui, std::string_view key, std::initializer_list<text::Arg> args) {
  return text::trf(ui.language, key, args);
}

}  // namespace irdrill::gui
