// What the panels keep between frames that UiState has no place for: the half-filled
// forms, the timeline's zoom, the event log's filter and its cached rows. All of it is
// view state (nothing a replay needs); a new session starts from defaults
// (resetPanelState).
//
// Why a function-local object and not a field of UiState: the panel contract
// (panels.hpp) passes only UiState, which the shell owns. Moving this struct into UiState
// is a one-line change there; until then one instance lives in panel_state.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gui/ui_state.hpp"
#include "gui/view_model/event_filter.hpp"
#include "gui/view_model/journal.hpp"
#include "gui/view_model/timeline.hpp"

namespace irdrill::gui {

struct InjectForm {
  int templateIndex = 0;
  std::string target;
  bool schedule = false;
  std::string timeText = "+1h";
  std::string rationale;
};

struct DecisionForm {
  int kind = 0;  // exercise::DecisionKind
  std::string incident, step, procedure, role, item, deadline;
  std::string rationale;
};

// The event log's rows for one filter and view, extended as the log grows.
struct EventLogCache {
  const void* events = nullptr;  // the log they index (a new session: start over)
  view_model::EventFilter filter;
  ViewMode view = ViewMode::Facilitator;
  std::size_t detectedIncidents = 0;  // the player view changes when one is detected
  std::size_t nextIndex = 0;
  std::vector<std::size_t> rows;
};

struct PanelState {
  view_model::TimelineZoom zoom = view_model::TimelineZoom::FitAll;
  std::string markNote;
  InjectForm inject;
  DecisionForm decision;
  view_model::EventFilter eventFilter;
  EventLogCache eventLog;
  std::optional<std::uint64_t> scrolledToSeq;  // the focus already scrolled to
  // The journal, rebuilt when the log or the events grow (or another session shows).
  const void* journalEvents = nullptr;
  std::size_t journalLogSize = static_cast<std::size_t>(-1), journalEventCount = 0;
  std::vector<view_model::JournalRow> journal;
  // The timeline scrubber: a press on the axis is dragging, the marker where it would
  // rewind to (none while the mouse is at or after now).
  bool scrubbing = false;
  std::optional<core::TimeUs> scrubUs;
};

PanelState& panelState();
void resetPanelState();
// After a rewind or a branch switch: the cached rows (of the session replaced) go, the
// forms stay (a different decision is often the next thing made).
void resetPanelCaches();

}  // namespace irdrill::gui
