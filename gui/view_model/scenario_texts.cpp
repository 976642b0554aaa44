// The Japanese texts of a scenario (see scenario_texts.hpp).
#include "gui/view_model/scenario_texts.hpp"

namespace irdrill::gui::view_model {

std::vector<std::string> japaneseScenarioTexts(const scenario::ScenarioDef& scenario) {
  std::vector<std::string> texts;
  auto add = [&](const std::string& text) {
    if (!text.empty()) texts.push_back(text);
  };
  add(scenario.nameJa);
  add(scenario.descriptionJa);
  for (const auto& [id, procedure] : scenario.procedures) {
    add(procedure.titleJa);
    add(procedure.descriptionJa);
    for (const auto& step : procedure.steps) add(step.titleJa);
  }
  for (const auto& role : scenario.team.roles) add(role.titleJa);
  return texts;
}

}  // namespace irdrill::gui::view_model
