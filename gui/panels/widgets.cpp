#include "gui/panels/widgets.hpp"

#include <algorithm>

#include <imgui.h>

namespace irdrill::gui::widgets {
namespace {

const ImVec4 kApplied{0.45f, 0.85f, 0.45f, 1.0f};
const ImVec4 kRefused{1.0f, 0.65f, 0.25f, 1.0f};

}  // namespace

bool stringCombo(const char* label, const std::vector<std::string>& options, std::string& selected,
                 text::Language language) {
  bool changed = false;
  const bool known = !selected.empty();
  if (ImGui::BeginCombo(label, known ? selected.c_str() : text::tr(language, "gui.widgets.choose"))) {
    for (const std::string& option : options) {
      const bool isSelected = option == selected;
      if (ImGui::Selectable(option.c_str(), isSelected) && !isSelected) {
        selected = option;
        changed = true;
      }
      if (isSelected) ImGui::SetItemDefaultFocus();
    }
    if (options.empty()) ImGui::TextDisabled("%s", text::tr(language, "gui.widgets.none"));
    ImGui::EndCombo();
  }
  return changed;
}

bool checkedButton(const char* label, const exercise::DecisionResult& check, bool showReason) {
  ImGui::BeginDisabled(!check.applied);
  const bool clicked = ImGui::Button(label);
  ImGui::EndDisabled();
  if (!check.applied) {
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", check.reason.c_str());
    if (showReason) {
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, kRefused);
      ImGui::TextWrapped("%s", check.reason.c_str());
      ImGui::PopStyleColor();
    }
  }
  return clicked && check.applied;
}

void showFeedback(const UiState& ui, std::initializer_list<const char*> panels) {
  for (const ActionFeedback& f : ui.feedback) {
    if (std::none_of(panels.begin(), panels.end(), [&](const char* panel) { return f.panel == panel; })) continue;
    ImGui::PushStyleColor(ImGuiCol_Text, f.applied ? kApplied : kRefused);
    ImGui::TextWrapped("%s", f.text.c_str());
    ImGui::PopStyleColor();
    return;  // the newest only (feedback is newest first)
  }
}

void cellText(const std::string& text) {
  ImGui::TextUnformatted(text.c_str());
  if (ImGui::IsItemHovered() && ImGui::CalcTextSize(text.c_str()).x > ImGui::GetColumnWidth()) {
    ImGui::SetTooltip("%s", text.c_str());
  }
}

}  // namespace irdrill::gui::widgets
