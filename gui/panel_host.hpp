// Hosts the panels of gui/panels/ in the windows the shell lays out: the tabbed window on
// the right (incidents + checklist, play, record, pause rules) and the timeline under the
// map. The panels fill the content region they are given.
#pragma once

#include "gui/layout.hpp"
#include "gui/ui_state.hpp"
#include "sim/session/live_session.hpp"

namespace irdrill::gui {

void drawPanelWindows(const Rect& panels, const Rect& timeline, const session::LiveSession& live, UiState& ui);

}  // namespace irdrill::gui
