// The inspector: what the map's selection (a person, an item, a gateway) is and how it
// stands now: owner, state, where, radio figures the library exposes.
#pragma once

#include <optional>

#include "gui/floor_map.hpp"
#include "gui/layout.hpp"
#include "gui/ui_state.hpp"
#include "sim/session/live_session.hpp"

namespace irdrill::gui {

// Draws the inspector window in the top-right corner of `mapRect` while ui.selection is
// set; closing it clears the selection.
void drawInspector(const Rect& mapRect, const session::LiveSession& live, const FloorMap& map,
                   const std::set<std::string>& knownMissingItems, UiState& ui);

}  // namespace irdrill::gui
