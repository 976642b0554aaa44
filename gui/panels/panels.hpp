// The panels of the training app (Dear ImGui 1.86). The shell (app_window.cpp) creates and
// positions a window, then calls one of these to fill it; each panel uses the content
// region it is given.
//
// Panels never change the model: they read the session through const views and every
// action is a session::SessionEntry pushed on UiState::actions, which the shell applies
// at the start of the next frame (LiveSession::apply) and answers with an ActionFeedback
// that the panel that made it shows. The data behind each panel comes from the pure view
// models in gui/view_model/ (unit-tested without a window).
#pragma once

#include "gui/ui_state.hpp"
#include "sim/session/live_session.hpp"

namespace irdrill::gui {

// The incidents (one line each, click to select) and the procedure checklist of the
// selected incident with the evaluator's marks.
void drawIncidentsTab(const session::LiveSession& session, UiState& ui);
// The master scenario events list with the facilitator's injects, the players' decisions
// and the decision journal.
void drawPlayTab(const session::LiveSession& session, UiState& ui);
// The score ledger (largest lines first; a click focuses its event) and the event log.
void drawRecordTab(const session::LiveSession& session, UiState& ui);
// The auto-pause rules: which triggers stop the clock, and their discussion prompts.
void drawPauseRulesTab(const session::LiveSession& session, UiState& ui);
// "What usually happens": N replications of the current branch's decisions (fresh seeds or
// from here), run on a worker the UiState holds; distributions with this run marked.
void drawWhatIfTab(const session::LiveSession& session, UiState& ui);
// The branches of the session (switch, rename) and the current branch beside another one.
void drawBranchesTab(const session::LiveSession& session, UiState& ui);
// UiState::branches.comparison brought up to date with the session (recomputed only when
// the branches or the current branch's log changed): the Branches tab and the ghosts.
void refreshBranchComparison(const session::LiveSession& session, UiState& ui);
// One Gantt row per incident with deadline markers and "now"; a click selects the incident.
void drawTimeline(const session::LiveSession& session, UiState& ui);

}  // namespace irdrill::gui
