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

// True when the closed segments p and q share at least one point (touching counts).
bool segmentsCross(const Segment& p, const Segment& q);

// Distance from point p to segment s.
double distanceToSegmentM(Vec2 p, const Segment& s);

using Polygon = std::vector<Vec2>;  // vertices in order, not repeated at the end

// Even-odd rule; points exactly on an edge count as inside.
bool containsPoint(const Polygon& polygon, Vec2 p);
// Signed area (positive when counter-clockwise).
double signedAreaM2(const Polygon& polygon);
Vec2 centroid(const Polygon& polygon);

}  // namespace irdrill::world
