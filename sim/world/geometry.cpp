#include "sim/world/geometry.hpp"

#include <algorithm>

namespace irdrill::world {

namespace {
// Orientation of c relative to the directed line a->b: >0 left, <0 right, 0 collinear.
double orient(Vec2 a, Vec2 b, Vec2 c) { return cross(b - a, c - a); }

bool onSegment(Vec2 a, Vec2 b, Vec2 p) {
  return std::min(a.xM, b.xM) <= p.xM && p.xM <= std::max(a.xM, b.xM) &&
         std::min(a.yM, b.yM) <= p.yM && p.yM <= std::max(a.yM, b.yM);
}
}  // namespace

// A radio path crosses a wall when the two segments intersect, touching included: a path
// grazing a wall's end is treated as crossing it (the conservative choice for loss).
bool segmentsCross(const Segment& p, const Segment& q) {
  const double d1 = orient(q.a, q.b, p.a);
  const double d2 = orient(q.a, q.b, p.b);
  const double d3 = orient(p.a, p.b, q.a);
  const double d4 = orient(p.a, p.b, q.b);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    return true;
  }
  if (d1 == 0 && onSegment(q.a, q.b, p.a)) return true;
  if (d2 == 0 && onSegment(q.a, q.b, p.b)) return true;
  if (d3 == 0 && onSegment(p.a, p.b, q.a)) return true;
  if (d4 == 0 && onSegment(p.a, p.b, q.b)) return true;
  return false;
}

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
    if (orient(a, b, p) == 0 && onSegment(a, b, p)) return true;
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
    return n == 0 ? sum : sum * (1.0 / static_cast<double>(n));
  }
  Vec2 c;
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const double f = cross(polygon[j], polygon[i]);
    c = c + (polygon[j] + polygon[i]) * f;
  }
  return c * (1.0 / (6 * area));
}

}  // namespace irdrill::world
