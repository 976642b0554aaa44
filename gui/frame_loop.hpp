// The simulation half of a frame (TABLETOP-GUI.md, "Immediate mode, done right"): apply
// the actions the panels queued last frame, in order, each through LiveSession::apply
// (which logs it); advance the clock in slices until the frame's wall-time budget is used;
// check the auto-pause rules against the events the slices logged. Drawing comes after.
//
// Many small slices give the same event log as one long run (the library's guarantee;
// the --play test checks it end to end against `irdrill replay`).
#pragma once

#include <cstddef>

#include "gui/ui_state.hpp"
#include "sim/core/time.hpp"
#include "sim/session/live_session.hpp"

namespace irdrill::gui {

struct FrameBudget {
  double wallBudgetS = 0.006;        // normal play: leave the rest of a 60 Hz frame to drawing
  double expressWallBudgetS = 0.24;  // express: panels refreshed about 4 times a second
  core::TimeUs maxSliceUs = 60 * core::kUsPerSecond;  // also the precision of "next detection"
  double maxFrameDtS = 0.1;  // a stalled frame does not make the clock jump
};

struct FrameAdvance {
  double simWallS = 0;        // wall time spent inside the simulation
  std::size_t newEvents = 0;  // events logged this frame
  bool pausedByRule = false;
};

// Applies ui.actions in order, stamping each with the clock; pushes an ActionFeedback for
// each (the latest first, at most kFeedbackKept kept).
inline constexpr std::size_t kFeedbackKept = 8;
void applyQueuedActions(session::LiveSession& live, UiState& ui);

// Advances the clock for one frame of wall duration frameDtS by ui.run (pause, speed,
// express, step, run-until), then checks the auto-pause rules.
FrameAdvance advanceClock(session::LiveSession& live, UiState& ui, double frameDtS, const FrameBudget& budget = {});

// Runs the clock to untilUs now, whatever the wall time (scripts, --until), in slices like
// the frame loop. Stops early at an auto-pause card when `honourRules`.
void runClockTo(session::LiveSession& live, core::TimeUs untilUs, core::TimeUs maxSliceUs);

}  // namespace irdrill::gui
