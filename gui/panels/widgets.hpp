// Small ImGui helpers shared by the panels: a combo over strings, a button greyed out
// with the library's reason as its tooltip, the latest feedback of a panel's actions.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "gui/ui_state.hpp"
#include "sim/exercise/decision.hpp"
#include "sim/text/catalogue.hpp"

namespace irdrill::gui::widgets {

// A combo of `options`; `selected` keeps its text (empty or stale: shown as "(choose)" in
// `language`). Returns true when the choice changed.
bool stringCombo(const char* label, const std::vector<std::string>& options, std::string& selected,
                 text::Language language = text::Language::English);

// A button that is greyed out when `check` refuses, with the reason shown on hover and,
// when `showReason`, beside it. Returns true when clicked (only possible when it applies).
bool checkedButton(const char* label, const exercise::DecisionResult& check, bool showReason = false);

// The newest feedback of any of `panels` ("checklist", "injects", "decisions": the shell
// names the panel by the entry's kind), green when applied, orange when refused (the
// shell's text then carries the library's reason).
void showFeedback(const UiState& ui, std::initializer_list<const char*> panels);

// Grey text with a tooltip of the full text when it is cut off by the column.
void cellText(const std::string& text);

}  // namespace irdrill::gui::widgets
