// What the training app keeps between frames besides the session itself: view state
// (selection, view mode, filters), the run control, and the queue of player and
// facilitator actions made this frame. Everything here is either view state or an input
// that goes into the session log; nothing a replay could not regenerate.
//
// The frame (app_window.cpp): apply the queued actions (each through
// LiveSession::apply, which logs it), advance the clock, then draw the panels, which read
// the session through const views and push new actions into `actions`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/session/session.hpp"
#include "sim/text/catalogue.hpp"

namespace irdrill::session {
struct BranchComparison;  // sim/session/branch_compare.hpp
}

namespace irdrill::gui {

namespace view_model {
class WhatIfJob;  // gui/view_model/what_if_job.hpp
}

// The What-if tab's form (gui/panels/what_if_tab.cpp).
struct WhatIfForm {
  std::uint64_t replications = 200;  // montecarlo::kWhatIfDefaultReplications
  bool fromHere = false;
  std::string compareBranch;  // "" : none
  int incident = -1;          // the time-to-contain histogram: -1 the mean, else an incident
};

// Facilitator: the truth. Player: what the team knows now (undetected incidents, the
// attacker's stage, unconfirmed leaks, items not yet known missing and pending events are
// hidden). One key (F2) switches.
enum class ViewMode { Facilitator, Player };

// What to stop the clock for (auto-pause rules), each with an optional discussion prompt
// shown as a card when it fires.
enum class PauseTrigger { Detection, Containment, DeadlineStarted, InjectFired };
inline constexpr const char* kPauseTriggerNames[] = {"detection", "containment",
                                                     "deadline_started", "inject_fired"};
inline constexpr int kPauseTriggerCount = 4;

struct PauseRule {
  bool enabled = false;
  std::string prompt;  // "What does the team know? Who do you call first?"
};

// A card shown over the map when an auto-pause fired (dismissed by the facilitator).
struct PauseCard {
  PauseTrigger trigger = PauseTrigger::Detection;
  std::uint64_t eventSeq = 0;
  core::TimeUs atUs = 0;
  std::string title;   // "Detected: phishing-1 by monitoring"
  std::string prompt;  // the rule's prompt
};

enum class RunUntilKind { Time, NextDetection, NextDeadline, NextInject };

struct RunControl {
  bool paused = true;
  // Simulated seconds per wall second: 60 (1 min/s) ... 86400 (1 day/s).
  double speedSimSPerWallS = 60;
  bool express = false;  // map frozen, panels refreshed a few times a second, clock flat out
  std::optional<RunUntilKind> runUntil;
  core::TimeUs runUntilUs = 0;  // RunUntilKind::Time
  bool stepOnce = false;        // run to the next pending event, then pause
};

// Something clicked on the map (or in a panel) to show in the inspector.
struct Selection {
  enum class Kind { Person, Item, Gateway } kind = Kind::Person;
  int index = -1;  // person index, office-day item index, gateway index
};

// The feedback of an action: shown in the panel that made it (a refused decision says why).
struct ActionFeedback {
  std::string panel;  // "decisions", "injects", "checklist"
  bool applied = false;
  std::string text;
};

// A rewind, a branch switch or a rename asked for by a panel: like an action, carried out
// by the shell at the start of the next frame (SessionHost swaps in the session the
// library call returns), never by the panel.
struct BranchRequest {
  enum class Kind { RewindBeforeEntry, RewindToTime, Switch, Rename } kind = Kind::RewindToTime;
  std::size_t entryIndex = 0;  // RewindBeforeEntry: 0-based in the current branch's log
  core::TimeUs atUs = 0;       // RewindToTime
  std::string branch;          // Switch: the branch to show; Rename: the branch renamed
  std::string newName;         // Rename
};

// The Branches tab (gui/panels/branches_tab.cpp): the other branch shown beside the current
// one (its milestones are the timeline's ghosts) and the comparison last computed.
struct BranchView {
  std::string other;  // "" : none chosen
  std::string renameText;
  std::shared_ptr<const session::BranchComparison> comparison;
  std::string comparisonError;  // why the comparison could not be made
  std::string comparedKey;      // what `comparison` was computed for (current, other, log size)
};

struct UiState {
  ViewMode view = ViewMode::Facilitator;
  RunControl run;
  PauseRule pauseRules[kPauseTriggerCount];
  std::optional<PauseCard> card;
  std::string selectedIncident;          // for the checklist and the decisions form
  std::optional<Selection> selection;    // the map's inspector
  std::optional<std::uint64_t> focusEventSeq;  // a ledger line clicked: the event log scrolls to it
  std::string seat = "facilitator";      // who is deciding (the decisions form's seat field)
  // Actions made this frame, applied at the start of the next one (in order). Each is
  // stamped with the clock when it is applied.
  std::deque<session::SessionEntry> actions;
  std::vector<ActionFeedback> feedback;  // the latest first; kept short
  bool resetLayout = false;              // recompute the panel rectangles from the window
  float uiScale = 1.0f;
  // The hot wash tab (gui/panels/hot_wash_tab.cpp): debrief notes edited this frame, stored
  // in the session by the shell at the start of the next (LiveSession::setDebrief); and a
  // request to write the after-action report beside the session file (answered in feedback).
  std::optional<session::DebriefNotes> debriefEdit;
  bool writeAarRequested = false;
  text::Language language = text::Language::English;  // --lang and the top bar's switch
  WhatIfForm whatIfForm;
  std::optional<BranchRequest> branchRequest;
  BranchView branches;
  // The What-if tab's worker, made when the tab first shows. Held here so the shell owns
  // it: a new session (UiState reset) or the app closing destroys it, which cancels the
  // replications and joins the thread.
  std::shared_ptr<view_model::WhatIfJob> whatIf;
};

}  // namespace irdrill::gui
