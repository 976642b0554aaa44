#include "sim/day/itinerary.hpp"

#include <algorithm>
#include <cassert>
#include <stdexcept>

namespace irdrill::day {

std::size_t Itinerary::firstWaypointAfter(core::TimeUs timeUs) const {
  const auto next = std::upper_bound(
      waypoints_.begin(), waypoints_.end(), timeUs,
      [](core::TimeUs t, const Waypoint& w) { return t < w.timeUs; });
  return static_cast<std::size_t>(next - waypoints_.begin());
}

std::optional<Whereabouts> Itinerary::at(core::TimeUs timeUs) const {
  const auto next = waypoints_.begin() + static_cast<std::ptrdiff_t>(firstWaypointAfter(timeUs));
  if (next == waypoints_.begin()) return Whereabouts{next->place, next->positionM};
  const Waypoint& a = *(next - 1);
  if (next == waypoints_.end()) return Whereabouts{a.place, a.positionM};
  const Waypoint& b = *next;
  if (a.place != b.place) {
    // Leaving at a.timeUs: still there at that instant, in transit after it.
    if (timeUs == a.timeUs) return Whereabouts{a.place, a.positionM};
    return std::nullopt;
  }
  const double f = static_cast<double>(timeUs - a.timeUs) / static_cast<double>(b.timeUs - a.timeUs);
  return Whereabouts{a.place, world::lerp(a.positionM, b.positionM, f)};
}

void Itinerary::stayUntil(core::TimeUs untilUs) {
  if (untilUs <= endUs()) return;
  Waypoint w = last();
  w.timeUs = untilUs;
  waypoints_.push_back(w);
}

void Itinerary::walk(const std::vector<world::Vec2>& polylineM, double speedMps) {
  if (speedMps <= 0) throw std::invalid_argument("Itinerary::walk: speed must be positive");
  Waypoint current = last();
  for (const world::Vec2& p : polylineM) {
    const double legM = world::distanceM(current.positionM, p);
    if (legM == 0) continue;
    current.timeUs += core::secondsToUs(legM / speedMps);
    current.positionM = p;
    waypoints_.push_back(current);
  }
}

void Itinerary::travel(core::TimeUs travelUs, Waypoint to) {
  if (travelUs <= 0) throw std::invalid_argument("Itinerary::travel: travel time must be positive");
  to.timeUs = endUs() + travelUs;
  waypoints_.push_back(to);
}

void Itinerary::cutAt(core::TimeUs atUs) {
  const std::optional<Whereabouts> here = at(atUs);
  assert(here && "an itinerary is cut only while the person is in a place");
  const auto next = std::upper_bound(
      waypoints_.begin(), waypoints_.end(), atUs,
      [](core::TimeUs t, const Waypoint& w) { return t < w.timeUs; });
  waypoints_.erase(next, waypoints_.end());
  if (here && (waypoints_.empty() || waypoints_.back().timeUs < atUs ||
               !(waypoints_.back().positionM == here->positionM))) {
    waypoints_.push_back(Waypoint{atUs, here->place, here->positionM});
  }
}

}  // namespace irdrill::day
