// The event log's filter (incident, event kinds, text) and its rows. The log grows by
// thousands of events in a run, so filtering is incremental: rows already matched stay,
// only new events are examined (filterEventsFrom), and the panel starts over only when
// the filter or the view changes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gui/view_model/player_view.hpp"
#include "sim/exercise/exercise_events.hpp"

namespace irdrill::gui::view_model {

struct EventFilter {
  std::string incident;  // "" for every incident (and the events of none)
  std::vector<bool> kinds = std::vector<bool>(exercise::kExerciseEventKindCount, true);  // by kind
  std::string text;  // case-insensitive (ASCII) substring of type, incident, actor, subject or detail
  bool operator==(const EventFilter&) const = default;
};

bool eventMatches(const exercise::ExerciseEvent& event, const EventFilter& filter);

// Appends to `rows` the indices of events[fromIndex..] that match `filter` and, when
// `players` is given, are visible to the players. Returns the index to start from next time.
std::size_t filterEventsFrom(const std::vector<exercise::ExerciseEvent>& events, std::size_t fromIndex,
                             const EventFilter& filter, const TeamKnowledge* players,
                             std::vector<std::size_t>& rows);

// The row showing the event numbered `seq` (rows index a log in seq order), nullopt if
// the filter hides it.
std::optional<std::size_t> rowOfEventSeq(const std::vector<std::size_t>& rows,
                                         const std::vector<exercise::ExerciseEvent>& events, std::uint64_t seq);

}  // namespace irdrill::gui::view_model
