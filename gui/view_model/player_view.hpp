// The player view: what the response team knows at this moment, and nothing more. The
// facilitator sees the truth; players do not see undetected incidents, the attacker's
// stage, a leak nobody has confirmed, items nobody knows are missing, arrivals still to
// come, or anything after now. Every panel filters through these before it draws, so the
// projector never shows the truth by accident.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "gui/ui_state.hpp"
#include "gui/view_model/ledger.hpp"
#include "sim/exercise/exercise.hpp"

namespace irdrill::gui::view_model {

// Facilitator: unchanged. Player: only detected incidents, and of those only what the
// team knows: no attacker stage; no leak or record count until the leak is confirmed;
// the start shown as the detection (when the team learnt of it).
std::vector<exercise::IncidentView> visibleIncidents(const std::vector<exercise::IncidentView>& incidents,
                                                     ViewMode view);

// Event kinds only the simulation knows: the attacker's and thief's moves, and the
// office-day truths nobody noticed (an item left behind, a swiped-away alert).
bool isTruthOnlyKind(exercise::ExerciseEventKind kind);

// What the team knows, for filtering events: when each incident was detected.
struct TeamKnowledge {
  core::TimeUs nowUs = 0;
  std::vector<std::pair<std::string, core::TimeUs>> detectedAt;  // incident id, detection time
};
TeamKnowledge teamKnowledge(const std::vector<exercise::IncidentView>& incidents, core::TimeUs nowUs);

// An event the players may see: not truth-only, not after now, and, when it belongs to an
// incident, at or after the team detected that incident.
bool eventVisibleToPlayers(const exercise::ExerciseEvent& event, const TeamKnowledge& knowledge);

// Indices into `events` of those the view shows, in order.
std::vector<std::size_t> visibleEvents(const std::vector<exercise::ExerciseEvent>& events,
                                       const std::vector<exercise::IncidentView>& incidents,
                                       core::TimeUs nowUs, ViewMode view);

// Player: the arrivals that became detected incidents (pending and skipped ones, and
// those whose incident is still undetected, are hidden).
std::vector<exercise::ArrivalView> visibleArrivals(const std::vector<exercise::ArrivalView>& arrivals,
                                                   const std::vector<exercise::IncidentView>& incidents,
                                                   ViewMode view);

// Player: ledger lines of detected incidents (and the base), without the records of a
// leak nobody has confirmed.
std::vector<LedgerRow> visibleLedger(const std::vector<LedgerRow>& rows,
                                     const std::vector<exercise::IncidentView>& incidents, ViewMode view);

// Items the team knows are missing ("<employee>/<item>"): those of detected incidents.
// The map hides the others' "left behind" state in the player view.
std::set<std::string> knownMissingItems(const std::vector<exercise::IncidentView>& incidents);

}  // namespace irdrill::gui::view_model
