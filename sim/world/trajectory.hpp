// Where someone is as a function of time: a piecewise-linear path over a floor, with
// jumps for leaving or entering it (off-site places, other floors).
//
// Representation: knots (time, location) with non-decreasing times. Between two knots
// with t_k < t_k+1 the position moves linearly from one to the other (both knots are then
// at the same place: walks and stays never change place); two knots at the same time are
// a jump. positionAt(t) is right-continuous: at a jump's time it gives the place after it.
//
// Invariants: at least one knot once started; times non-decreasing; the segments are
// contiguous in time (each append continues from endUs()). Appends never go back in time
// (std::invalid_argument otherwise). Plans change when someone reacts to an alert:
// truncateAfter(t) then append the new plan from there.
#pragma once

#include <vector>

#include "sim/core/time.hpp"
#include "sim/world/geometry.hpp"

namespace irdrill::world {

// On a floor at a position, or at an off-site place (position meaningless there).
struct Location {
  int floor = 0;          // index into OfficeDef::floors, when offsitePlace < 0
  int offsitePlace = -1;  // index into OfficeDef::offsitePlaces, or -1 on a floor
  Vec2 positionM;         // floor coordinates; {0, 0} off-site

  bool onFloor() const { return offsitePlace < 0; }
  static Location atFloor(int floor, Vec2 p) { return {floor, -1, p}; }
  static Location atPlace(int place) { return {0, place, {}}; }
  friend bool operator==(const Location& a, const Location& b) {
    return a.floor == b.floor && a.offsitePlace == b.offsitePlace && a.positionM == b.positionM;
  }
};

class Trajectory {
 public:
  struct Knot {
    core::TimeUs timeUs;
    Location where;
  };

  // Not started: every query but empty() requires a start.
  Trajectory() = default;
  Trajectory(core::TimeUs startUs, Location start) { knots_.push_back({startUs, start}); }
  // On floor 0 at p.
  Trajectory(core::TimeUs startUs, Vec2 startM) : Trajectory(startUs, Location::atFloor(0, startM)) {}

  bool empty() const { return knots_.empty(); }
  core::TimeUs startUs() const { return knots_.front().timeUs; }
  core::TimeUs endUs() const { return knots_.back().timeUs; }
  const Location& endLocation() const { return knots_.back().where; }
  const std::vector<Knot>& knots() const { return knots_; }

  // Stay where the trajectory ends until untilUs (>= endUs()).
  void appendStay(core::TimeUs untilUs);
  // Walk from the end position through every point of polyline at speedMps (> 0),
  // starting at endUs(); a first point equal to the end position adds nothing. Knot
  // times are the start plus the cumulative distance / speed rounded to the microsecond
  // (core::secondsToUs), so rounding never accumulates along a long walk. Requires being
  // on a floor; the walk stays on that floor.
  void appendWalk(const std::vector<Vec2>& polyline, double speedMps);
  // Stay until atUs (>= endUs()), then be at `to` from atUs on.
  void appendJump(core::TimeUs atUs, Location to);

  // Clamped: the start location before startUs(), the end location after endUs().
  // O(log knots).
  Location locationAt(core::TimeUs timeUs) const;
  Vec2 positionAt(core::TimeUs timeUs) const { return locationAt(timeUs).positionM; }

  // Drops everything after timeUs (>= startUs()): afterwards endUs() == timeUs and the
  // trajectory ends at locationAt(timeUs) as it was. A trajectory ending before timeUs is
  // extended by a stay, so the next append always starts at timeUs.
  void truncateAfter(core::TimeUs timeUs);

 private:
  void requireStarted(const char* what) const;

  std::vector<Knot> knots_;
};

}  // namespace irdrill::world
