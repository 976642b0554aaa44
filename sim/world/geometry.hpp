// Plane geometry of a floor, in metres. The origin is the floor plan's lower-left
// corner; x grows east, y grows north.
#pragma once

#include <cmath>
#include <vector>

namespace irdrill::world {

struct Vec2 {
  double xM = 0;
  double yM = 0;
  friend Vec2 operator+(Vec2 a, Vec2 b) { return {a.xM + b.xM, a.yM + b.yM}; }
  friend Vec2 operator-(Vec2 a, Vec2 b) { return {a.xM - b.xM, a.yM - b.yM}; }
  friend Vec2 operator*(Vec2 a, double s) { return {a.xM * s, a.yM * s}; }
  friend bool operator==(Vec2 a, Vec2 b) { return a.xM == b.xM && a.yM == b.yM; }
};

inline double dot(Vec2 a, Vec2 b) { return a.xM * b.xM + a.yM * b.yM; }
inline double cross(Vec2 a, Vec2 b) { return a.xM * b.yM - a.yM * b.xM; }
inline double lengthM(Vec2 v) { return std::hypot(v.xM, v.yM); }
inline double distanceM(Vec2 a, Vec2 b) { return lengthM(b - a); }
// Linear interpolation: a at f = 0, b at f = 1.
inline Vec2 lerp(Vec2 a, Vec2 b, double f) { return a + (b - a) * f; }

struct Segment {
  Vec2 a;
  Vec2 b;
};

namespace detail {
// Orientation of c relative to the directed line a->b: >0 left, <0 right, 0 collinear.
inline double orient(Vec2 a, Vec2 b, Vec2 c) { return cross(b - a, c - a); }
// p inside the bounding box of a-b (edges included).
inline bool inBox(Vec2 a, Vec2 b, Vec2 p) {
  return (a.xM < b.xM ? a.xM : b.xM) <= p.xM && p.xM <= (a.xM < b.xM ? b.xM : a.xM) &&
         (a.yM < b.yM ? a.yM : b.yM) <= p.yM && p.yM <= (a.yM < b.yM ? b.yM : a.yM);
}

// segmentsCross (below) after its bounding-box test, for callers that made that test already
// (WallIndex keeps each wall's box).
inline bool segmentsCrossBoxesOverlapping(const Segment& p, const Segment& q) {
  const double d1 = orient(q.a, q.b, p.a);
  const double d2 = orient(q.a, q.b, p.b);
  const double d3 = orient(p.a, p.b, q.a);
  const double d4 = orient(p.a, p.b, q.b);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    return true;
  }
  if (d1 == 0 && inBox(q.a, q.b, p.a)) return true;
  if (d2 == 0 && inBox(q.a, q.b, p.b)) return true;
  if (d3 == 0 && inBox(p.a, p.b, q.a)) return true;
  if (d4 == 0 && inBox(p.a, p.b, q.b)) return true;
  return false;
}
}  // namespace detail

// True when the closed segments p and q share at least one point (touching counts).
// A radio path crosses a wall when the two segments intersect, touching included: a path
// grazing a wall's end is treated as crossing it (the conservative choice for loss).
// The bounding-box test comes first: it is exact, and it stops rounding in the orientation
// tests from reporting a crossing for nearly collinear segments that are far apart.
// Inline because WallIndex runs it millions of times per simulated day.
inline bool segmentsCross(const Segment& p, const Segment& q) {
  const auto lo = [](double a, double b) { return a < b ? a : b; };
  const auto hi = [](double a, double b) { return a < b ? b : a; };
  if (hi(p.a.xM, p.b.xM) < lo(q.a.xM, q.b.xM) || hi(q.a.xM, q.b.xM) < lo(p.a.xM, p.b.xM) ||
      hi(p.a.yM, p.b.yM) < lo(q.a.yM, q.b.yM) || hi(q.a.yM, q.b.yM) < lo(p.a.yM, p.b.yM)) {
    return false;
  }
  return detail::segmentsCrossBoxesOverlapping(p, q);
}

// Distance from point p to segment s.
double distanceToSegmentM(Vec2 p, const Segment& s);

using Polygon = std::vector<Vec2>;  // vertices in order, not repeated at the end

// Even-odd rule; points exactly on an edge count as inside.
bool containsPoint(const Polygon& polygon, Vec2 p);
// Signed area (positive when counter-clockwise).
double signedAreaM2(const Polygon& polygon);
Vec2 centroid(const Polygon& polygon);

}  // namespace irdrill::world
