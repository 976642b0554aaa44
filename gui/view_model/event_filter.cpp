#include "gui/view_model/event_filter.hpp"

#include <algorithm>
#include <cctype>

namespace irdrill::gui::view_model {
namespace {

bool containsIgnoringCase(std::string_view haystack, std::string_view lowerNeedle) {
  if (lowerNeedle.empty()) return true;
  const auto it = std::search(haystack.begin(), haystack.end(), lowerNeedle.begin(), lowerNeedle.end(),
                              [](char a, char b) {
                                return std::tolower(static_cast<unsigned char>(a)) == static_cast<unsigned char>(b);
                              });
  return it != haystack.end();
}

std::string lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool matchesLowered(const exercise::ExerciseEvent& e, const EventFilter& filter, const std::string& needle) {
  const auto kind = static_cast<std::size_t>(e.kind);
  if (kind < filter.kinds.size() && !filter.kinds[kind]) return false;
  if (!filter.incident.empty() && e.incident != filter.incident) return false;
  return containsIgnoringCase(e.type(), needle) || containsIgnoringCase(e.incident, needle) ||
         containsIgnoringCase(e.actor, needle) || containsIgnoringCase(e.subject, needle) ||
         containsIgnoringCase(e.detail, needle);
}

}  // namespace

bool eventMatches(const exercise::ExerciseEvent& event, const EventFilter& filter) {
  return matchesLowered(event, filter, lowered(filter.text));
}

std::size_t filterEventsFrom(const std::vector<exercise::ExerciseEvent>& events, std::size_t fromIndex,
                             const EventFilter& filter, const TeamKnowledge* players,
                             std::vector<std::size_t>& rows) {
  const std::string needle = lowered(filter.text);
  for (std::size_t i = fromIndex; i < events.size(); ++i) {
    if (players && !eventVisibleToPlayers(events[i], *players)) continue;
    if (matchesLowered(events[i], filter, needle)) rows.push_back(i);
  }
  return events.size();
}

std::optional<std::size_t> rowOfEventSeq(const std::vector<std::size_t>& rows,
                                         const std::vector<exercise::ExerciseEvent>& events, std::uint64_t seq) {
  const auto it = std::lower_bound(rows.begin(), rows.end(), seq, [&](std::size_t index, std::uint64_t wanted) {
    return events[index].seq < wanted;
  });
  if (it == rows.end() || events[*it].seq != seq) return std::nullopt;
  return static_cast<std::size_t>(it - rows.begin());
}

}  // namespace irdrill::gui::view_model
