// The hot wash tab: the debrief in the room, at the end of the exercise or any time.
// Shows the incidents' milestones and deadlines, the evaluator's marks, the decisions with
// their rationales, the largest ledger lines and the discussion answers; has the forms for
// the exercise date and facilitator, participants, objectives (with the HSEEP rating),
// discussion answers and improvement-plan items, stored in the session's debrief notes
// (UiState::debriefEdit, applied by the shell, saved with the session); and the "Write
// after-action report" button (UiState::writeAarRequested: the shell writes the file
// beside the session with afterActionReportOf). docs/debrief.md, docs/gui.md.
#pragma once

#include <filesystem>
#include <string>

#include "gui/ui_state.hpp"
#include "sim/session/live_session.hpp"
#include "sim/text/catalogue.hpp"

namespace irdrill::gui {

void drawHotWashTab(const session::LiveSession& session, UiState& ui);

// The after-action report of the session as it stands (its log and debrief, the clock
// now), built by the library (debrief::buildAfterActionReport) as `irdrill aar` builds it.
std::string afterActionReportOf(const session::LiveSession& session, text::Language language);
// Where the report of a session file goes: beside it, "NAME.aar.html" for "NAME.json".
std::filesystem::path aarPathBeside(const std::filesystem::path& sessionPath);

}  // namespace irdrill::gui
