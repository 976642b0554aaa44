// Trajectory: appends, time lookup and truncation (see trajectory.hpp).
#include "sim/world/trajectory.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace irdrill::world {

void Trajectory::requireStarted(const char* what) const {
  if (knots_.empty()) throw std::logic_error(std::string("Trajectory::") + what + ": not started");
}

void Trajectory::appendStay(core::TimeUs untilUs) {
  requireStarted("appendStay");
  if (untilUs < endUs()) throw std::invalid_argument("Trajectory::appendStay: time goes back");
  if (untilUs > endUs()) knots_.push_back({untilUs, endLocation()});
}

void Trajectory::appendWalk(const std::vector<Vec2>& polyline, double speedMps) {
  requireStarted("appendWalk");
  if (!(speedMps > 0) || !std::isfinite(speedMps)) {
    throw std::invalid_argument("Trajectory::appendWalk: the speed must be positive");
  }
  // Checked before appending anything, so a bad walk leaves the trajectory unchanged.
  for (const Vec2& p : polyline) {
    if (!std::isfinite(p.xM) || !std::isfinite(p.yM)) {
      throw std::invalid_argument("Trajectory::appendWalk: a point is not finite");
    }
  }
  const Location start = endLocation();
  if (!start.onFloor()) throw std::logic_error("Trajectory::appendWalk: not on a floor");
  const core::TimeUs startUs = endUs();
  double walkedM = 0;
  Vec2 at = start.positionM;
  for (const Vec2& p : polyline) {
    const double legM = distanceM(at, p);
    if (legM == 0) continue;
    walkedM += legM;
    at = p;
    // A leg shorter than half a microsecond of walking lands at the same time as the last
    // knot: a (negligible) jump, which keeps times non-decreasing.
    knots_.push_back({startUs + core::secondsToUs(walkedM / speedMps),
                      Location::atFloor(start.floor, p)});
  }
}

void Trajectory::appendJump(core::TimeUs atUs, Location to) {
  appendStay(atUs);
  knots_.push_back({atUs, to});
}

Location Trajectory::locationAt(core::TimeUs timeUs) const {
  requireStarted("locationAt");
  // The last knot at or before timeUs; the one after it (if any) is strictly later.
  const auto after = std::upper_bound(knots_.begin(), knots_.end(), timeUs,
                                      [](core::TimeUs t, const Knot& k) { return t < k.timeUs; });
  if (after == knots_.begin()) return knots_.front().where;
  const Knot& k0 = *(after - 1);
  if (after == knots_.end()) return k0.where;
  const Knot& k1 = *after;
  const double f = static_cast<double>(timeUs - k0.timeUs) / static_cast<double>(k1.timeUs - k0.timeUs);
  Location here = k0.where;
  here.positionM = lerp(k0.where.positionM, k1.where.positionM, f);
  return here;
}

void Trajectory::truncateAfter(core::TimeUs timeUs) {
  requireStarted("truncateAfter");
  if (timeUs < startUs()) throw std::invalid_argument("Trajectory::truncateAfter: before the start");
  if (timeUs >= endUs()) {
    appendStay(timeUs);
    return;
  }
  const Location here = locationAt(timeUs);
  const auto after = std::upper_bound(knots_.begin(), knots_.end(), timeUs,
                                      [](core::TimeUs t, const Knot& k) { return t < k.timeUs; });
  knots_.erase(after, knots_.end());
  // The last kept knot is at or before timeUs; pin the position reached at timeUs.
  if (knots_.back().timeUs < timeUs) knots_.push_back({timeUs, here});
}

}  // namespace irdrill::world
