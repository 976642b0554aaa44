// The auto-pause rules: for each trigger (a detection, a containment, a deadline starting
// to run, an inject firing), whether it stops the clock, and the discussion prompt shown
// on the card when it does (CISA CTEP modules end in such questions).
#include <imgui.h>
#include <imgui_stdlib.h>

#include "gui/panels/panels.hpp"

namespace irdrill::gui {
namespace {

const char* triggerLabel(PauseTrigger trigger) {
  switch (trigger) {
    case PauseTrigger::Detection: return "An incident is detected";
    case PauseTrigger::Containment: return "An incident is contained";
    case PauseTrigger::DeadlineStarted: return "A deadline starts running";
    case PauseTrigger::InjectFired: return "An inject fires";
  }
  return "?";
}

const char* examplePrompt(PauseTrigger trigger) {
  switch (trigger) {
    case PauseTrigger::Detection: return "What does the team know? Who do you call first?";
    case PauseTrigger::Containment: return "Is it really contained? What would tell you otherwise?";
    case PauseTrigger::DeadlineStarted: return "Who drafts the report, and who signs it off?";
    case PauseTrigger::InjectFired: return "How does this reach the team, and when?";
  }
  return "";
}

}  // namespace

void drawPauseRulesTab(const session::LiveSession& /*session*/, UiState& ui) {
  ImGui::TextWrapped("Stop the clock when one of these happens; the prompt is shown on a card for discussion.");
  if (ImGui::SmallButton("all on")) {
    for (PauseRule& rule : ui.pauseRules) rule.enabled = true;
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("all off")) {
    for (PauseRule& rule : ui.pauseRules) rule.enabled = false;
  }
  for (int t = 0; t < kPauseTriggerCount; ++t) {
    const auto trigger = static_cast<PauseTrigger>(t);
    PauseRule& rule = ui.pauseRules[t];
    ImGui::PushID(t);
    ImGui::Separator();
    ImGui::Checkbox(triggerLabel(trigger), &rule.enabled);
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", kPauseTriggerNames[t]);
    ImGui::BeginDisabled(!rule.enabled);
    ImGui::InputTextMultiline("##prompt", &rule.prompt, ImVec2(-1, ImGui::GetTextLineHeight() * 2.5f));
    if (rule.prompt.empty()) {
      ImGui::TextDisabled("e.g. %s", examplePrompt(trigger));
      ImGui::SameLine();
      if (ImGui::SmallButton("use")) rule.prompt = examplePrompt(trigger);
    }
    ImGui::EndDisabled();
    ImGui::PopID();
  }
}

}  // namespace irdrill::gui
