// The auto-pause rules: for each trigger (a detection, a containment, a deadline starting
// to run, an inject firing), whether it stops the clock, and the discussion prompt shown
// on the card when it does (CISA CTEP modules end in such questions).
#include <imgui.h>
#include <imgui_stdlib.h>

#include "gui/i18n.hpp"
#include "gui/panels/panels.hpp"

namespace irdrill::gui {
namespace {

// In PauseTrigger order.
const char* const kTriggerLabelKeys[] = {"gui.pause.trigger_detection", "gui.pause.trigger_containment",
                                         "gui.pause.trigger_deadline", "gui.pause.trigger_inject"};
const char* const kExamplePromptKeys[] = {"gui.pause.example_detection", "gui.pause.example_containment",
                                          "gui.pause.example_deadline", "gui.pause.example_inject"};

}  // namespace

void drawPauseRulesTab(const session::LiveSession& /*session*/, UiState& ui) {
  ImGui::TextWrapped("%s", tr(ui, "gui.pause.intro"));
  if (ImGui::SmallButton(trId(ui, "gui.pause.all_on").c_str())) {
    for (PauseRule& rule : ui.pauseRules) rule.enabled = true;
  }
  ImGui::SameLine();
  if (ImGui::SmallButton(trId(ui, "gui.pause.all_off").c_str())) {
    for (PauseRule& rule : ui.pauseRules) rule.enabled = false;
  }
  for (int t = 0; t < kPauseTriggerCount; ++t) {
    PauseRule& rule = ui.pauseRules[t];
    ImGui::PushID(t);
    ImGui::Separator();
    ImGui::Checkbox(trId(ui, kTriggerLabelKeys[t]).c_str(), &rule.enabled);
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", kPauseTriggerNames[t]);
    ImGui::BeginDisabled(!rule.enabled);
    ImGui::InputTextMultiline("##prompt", &rule.prompt, ImVec2(-1, ImGui::GetTextLineHeight() * 2.5f));
    if (rule.prompt.empty()) {
      ImGui::TextDisabled("%s", trf(ui, "gui.pause.example", {{"prompt", tr(ui, kExamplePromptKeys[t])}}).c_str());
      ImGui::SameLine();
      if (ImGui::SmallButton(trId(ui, "gui.pause.use").c_str())) rule.prompt = tr(ui, kExamplePromptKeys[t]);
    }
    ImGui::EndDisabled();
    ImGui::PopID();
  }
}

}  // namespace irdrill::gui
