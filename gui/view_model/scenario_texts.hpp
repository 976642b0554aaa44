// The Japanese texts of a scenario (name, description, procedure, step and role titles
// given as `*_ja` keys): the font needs their glyphs, beside the English texts the session
// host lists, since the app switches language at run time.
#pragma once

#include <string>
#include <vector>

#include "sim/scenario/scenario_def.hpp"

namespace irdrill::gui::view_model {

// Every `*_ja` text of `scenario`, empty ones left out.
std::vector<std::string> japaneseScenarioTexts(const scenario::ScenarioDef& scenario);

}  // namespace irdrill::gui::view_model
