// Plane geometry of a floor (see geometry.hpp): distances, point in polygon, area, centroid.
#include "sim/world/geometry.hpp"

#include <algorithm>

namespace irdrill::world {

namespace {
using detail::inBox;
using detail::orient;
}  // namespace

double distanceToSegmentM(Vec2 p, const Segment& s) {
  const Vec2 d = s.b - s.a;
  const double len2 = dot(d, d);
  if (len2 == 0) return distanceM(p, s.a);
  const double t = std::clamp(dot(p - s.a, d) / len2, 0.0, 1.0);
  return distanceM(p, s.a + d * t);
}

bool containsPoint(const Polygon& polygon, Vec2 p) {
  const std::size_t n = polygon.size();
  bool inside = false;
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const Vec2 a = polygon[i];
    const Vec2 b = polygon[j];
    if (orient(a, b, p) == 0 && inBox(a, b, p)) return true;
    if ((a.yM > p.yM) != (b.yM > p.yM)) {
      const double xCross = a.xM + (p.yM - a.yM) * (b.xM - a.xM) / (b.yM - a.yM);
      if (p.xM < xCross) inside = !inside;
    }
  }
  return inside;
}

double signedAreaM2(const Polygon& polygon) {
  double twice = 0;
  const std::size_t n = polygon.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) twice += cross(polygon[j], polygon[i]);
  return twice / 2;
}

Vec2 centroid(const Polygon& polygon) {
  const double area = signedAreaM2(polygon);
  const std::size_t n = polygon.size();
  if (area == 0) {
    Vec2 sum;
    for (const Vec2& v : polygon) sum = sum + v;
    if (n == 0) return sum;
    return {sum.xM / static_cast<double>(n), sum.yM / static_cast<double>(n)};
  }
  Vec2 c;
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const double f = cross(polygon[j], polygon[i]);
    c = c + (polygon[j] + polygon[i]) * f;
  }
  // Divide rather than multiply by the reciprocal: one rounding instead of two, so a
  // centroid that is representable (a rectangle's centre) comes out exact.
  return {c.xM / (6 * area), c.yM / (6 * area)};
}

}  // namespace irdrill::world
