// Auto-pause: which of the events logged since the last check should stop the clock, by
// the facilitator's rules (gui/ui_state.hpp PauseRule). Pure: unit-tested headless.
//
// Triggers and the events that fire them:
//   detection        "detected"
//   containment      "contained"
//   deadline_started the event a deadline of the scenario's scoring counts from:
//                    "incident_started", "detected" or "leak_confirmed"
//   inject_fired     "inject" (the facilitator's) and "incident_started" (an MSEL arrival)
// The first event (in log order) that matches an enabled rule gives the card; when one
// event matches several rules, the order of PauseTrigger decides.
#pragma once

#include <optional>
#include <span>

#include "gui/ui_state.hpp"
#include "sim/exercise/exercise_events.hpp"
#include "sim/scoring/score_def.hpp"

namespace irdrill::gui {

std::optional<PauseCard> checkAutoPause(std::span<const exercise::ExerciseEvent> newEvents,
                                        std::span<const PauseRule, kPauseTriggerCount> rules,
                                        const scoring::ScoringDef& scoring,
                                        text::Language language = text::Language::English);

}  // namespace irdrill::gui
