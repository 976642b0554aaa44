// The sections of the play tab (drawPlayTab): the MSEL with the facilitator's inject
// form, the players' decisions form, and the decision journal. Internal to gui/panels/.
#pragma once

#include "gui/ui_state.hpp"
#include "sim/session/live_session.hpp"

namespace irdrill::gui {

void drawMselSection(const session::LiveSession& session, UiState& ui);
void drawDecisionsSection(const session::LiveSession& session, UiState& ui);
void drawJournalSection(const session::LiveSession& session, UiState& ui);

}  // namespace irdrill::gui
