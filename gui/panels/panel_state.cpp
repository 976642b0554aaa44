#include "gui/panels/panel_state.hpp"

namespace irdrill::gui {

PanelState& panelState() {
  // One per process: the app shows one session at a time (see panel_state.hpp).
  static PanelState state;
  return state;
}

void resetPanelState() { panelState() = PanelState{}; }

void resetPanelCaches() {
  PanelState& state = panelState();
  state.eventLog = EventLogCache{};
  state.scrolledToSeq.reset();
  state.journalEvents = nullptr;
  state.journal.clear();
  state.scrubbing = false;
  state.scrubUs.reset();
}

}  // namespace irdrill::gui
