// Where one person is over the day: a time-ordered list of waypoints, each in a place.
//
// Place 0 is the office floor; place p >= 1 is off-site place p - 1 of the office, plus
// one "home" place after them. Each place has its own local frame in metres (an off-site
// place is a point at its origin that people walk to from a spot 30 m away). Between two
// consecutive waypoints in the same place a person moves in a straight line at constant
// speed; between waypoints in different places they are in transit, out of radio reach
// of everything in both places.
//
// Positions are functions of time, evaluated when a radio event needs them: no per-tick
// movement events. Plans change (someone goes back for an item), so the itinerary can be
// cut at a time and continued from there.
#pragma once

#include <optional>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/world/geometry.hpp"

namespace irdrill::day {

inline constexpr int kOfficePlace = 0;

struct Whereabouts {
  int place = kOfficePlace;
  world::Vec2 positionM;
};

struct Waypoint {
  core::TimeUs timeUs = 0;
  int place = kOfficePlace;
  world::Vec2 positionM;
};

class Itinerary {
 public:
  explicit Itinerary(Waypoint start) { waypoints_.push_back(start); }

  // Where the person is at timeUs; nullopt while in transit between places. Before the
  // first waypoint and after the last one the person is at that waypoint.
  // O(log n) in the number of waypoints.
  std::optional<Whereabouts> at(core::TimeUs timeUs) const;

  // Stay at the last position until untilUs (no-op if untilUs is not later).
  void stayUntil(core::TimeUs untilUs);
  // Walk along a polyline (its first point should be the current position) at speedMps,
  // starting at the current end time, in the current place.
  void walk(const std::vector<world::Vec2>& polylineM, double speedMps);
  // Leave the current place now and appear at `to` after travelUs.
  void travel(core::TimeUs travelUs, Waypoint to);
  // Drops every waypoint after atUs and pins the person where they were at atUs
  // (a person in transit is put at the start of the leg they were on... the caller
  // only cuts while the person is in a place: asserted).
  void cutAt(core::TimeUs atUs);

  // Index of the first waypoint strictly after timeUs (size() when none). For someone in
  // transit it is their arrival. O(log n).
  std::size_t firstWaypointAfter(core::TimeUs timeUs) const;

  core::TimeUs endUs() const { return waypoints_.back().timeUs; }
  const Waypoint& last() const { return waypoints_.back(); }
  const std::vector<Waypoint>& waypoints() const { return waypoints_; }

 private:
  std::vector<Waypoint> waypoints_;
};

}  // namespace irdrill::day
