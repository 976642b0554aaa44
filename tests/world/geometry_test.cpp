// Plane geometry: segment crossing (touching and collinear cases), point in polygon,
// area and centroid on shapes whose answers are known by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/world/geometry.hpp"

using irdrill::world::centroid;
using irdrill::world::containsPoint;
using irdrill::world::distanceToSegmentM;
using irdrill::world::Polygon;
using irdrill::world::Segment;
using irdrill::world::segmentsCross;
using irdrill::world::signedAreaM2;
using irdrill::world::Vec2;

namespace {
// segmentsCross must not depend on the order of the segments or of their ends.
bool crossAnyOrder(Segment p, Segment q) {
  const bool r = segmentsCross(p, q);
  CHECK(segmentsCross(q, p) == r);
  CHECK(segmentsCross({p.b, p.a}, q) == r);
  CHECK(segmentsCross(p, {q.b, q.a}) == r);
  return r;
}
}  // namespace

TEST_CASE("Segments crossing in an X cross, disjoint and parallel ones do not") {
  CHECK(crossAnyOrder({{0, 0}, {2, 2}}, {{0, 2}, {2, 0}}));
  CHECK_FALSE(crossAnyOrder({{0, 0}, {1, 1}}, {{2, 0}, {3, -1}}));
  CHECK_FALSE(crossAnyOrder({{0, 0}, {4, 0}}, {{0, 1}, {4, 1}}));
  // The lines cross, the segments do not (the crossing point is beyond q's end).
  CHECK_FALSE(crossAnyOrder({{0, 0}, {4, 4}}, {{0, 4}, {1.5, 2.5}}));
}

TEST_CASE("Touching counts as crossing: an end on the other segment or a shared end") {
  CHECK(crossAnyOrder({{0, 0}, {4, 0}}, {{2, 0}, {2, 3}}));            // T: end on the interior
  CHECK(crossAnyOrder({{0, 0}, {4, 0}}, {{4, 0}, {6, 2}}));            // shared end
  CHECK_FALSE(crossAnyOrder({{0, 0}, {4, 0}}, {{2, 0.001}, {2, 3}}));  // just short of it
}

TEST_CASE("Collinear segments cross when they overlap or touch, not across a gap") {
  CHECK(crossAnyOrder({{0, 0}, {4, 0}}, {{2, 0}, {6, 0}}));  // overlap
  CHECK(crossAnyOrder({{0, 0}, {4, 0}}, {{1, 0}, {2, 0}}));  // one inside the other
  CHECK(crossAnyOrder({{0, 0}, {4, 0}}, {{4, 0}, {6, 0}}));  // end to end
  CHECK_FALSE(crossAnyOrder({{0, 0}, {4, 0}}, {{4.5, 0}, {6, 0}}));
  CHECK(crossAnyOrder({{0, 0}, {2, 2}}, {{1, 1}, {3, 3}}));  // diagonal overlap
  CHECK_FALSE(crossAnyOrder({{0, 0}, {1, 1}}, {{2, 2}, {3, 3}}));
}

TEST_CASE("A zero-length segment crosses exactly the segments through its point") {
  CHECK(crossAnyOrder({{2, 0}, {2, 0}}, {{0, 0}, {4, 0}}));
  CHECK_FALSE(crossAnyOrder({{2, 1}, {2, 1}}, {{0, 0}, {4, 0}}));
  CHECK(crossAnyOrder({{1, 1}, {1, 1}}, {{1, 1}, {1, 1}}));
  CHECK_FALSE(crossAnyOrder({{1, 1}, {1, 1}}, {{1, 2}, {1, 2}}));
}

TEST_CASE("Regression: nearly collinear segments far apart do not cross") {
  // Both lie (up to rounding) on y = 2x/3, q starting beyond p's end: rounding made all
  // four orientation tests strict with opposite signs, so the version without the
  // bounding-box test reported a crossing.
  const Segment p{{0.4045561653213481, 0.269704110214232},
                  {2.1686297973562163, 1.4457531982374774}};
  const Segment q{{2.3566288347840825, 1.571085889856055}, {5.156620496856035, 3.437746997904023}};
  CHECK_FALSE(crossAnyOrder(p, q));
}

TEST_CASE("Distance to a segment is to the nearest point, an end beyond the segment") {
  const Segment s{{0, 0}, {4, 0}};
  CHECK(distanceToSegmentM({2, 3}, s) == 3);
  CHECK(distanceToSegmentM({7, 4}, s) == 5);  // to (4, 0): 3-4-5
  CHECK(distanceToSegmentM({-3, -4}, s) == 5);
  CHECK(distanceToSegmentM({1, 1}, {{2, 2}, {2, 2}}) == Approx(std::sqrt(2.0)));
}

TEST_CASE("Points inside, outside and on the edge of a non-convex polygon") {
  // A U shape: the notch [1,2]x[1,3] is outside.
  const Polygon u{{0, 0}, {3, 0}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}};
  CHECK(containsPoint(u, {0.5, 2}));
  CHECK(containsPoint(u, {2.5, 2}));
  CHECK(containsPoint(u, {1.5, 0.5}));
  CHECK_FALSE(containsPoint(u, {1.5, 2}));  // in the notch
  CHECK_FALSE(containsPoint(u, {4, 1}));
  CHECK_FALSE(containsPoint(u, {-0.1, 0.5}));
  // Edges and corners count as inside, including the notch's.
  CHECK(containsPoint(u, {0, 1.5}));
  CHECK(containsPoint(u, {1.5, 1}));
  CHECK(containsPoint(u, {3, 3}));
  CHECK(containsPoint(u, {1, 2}));
  // A ray through a vertex must not be counted twice: (0.5, 1) is level with the notch
  // corners (1, 1) and (2, 1).
  CHECK(containsPoint(u, {0.5, 1}));
  CHECK_FALSE(containsPoint(u, {3.5, 1}));
}

TEST_CASE("Area is signed by orientation and the centroid is the centre of mass") {
  const Polygon square{{0, 0}, {2, 0}, {2, 2}, {0, 2}};
  CHECK(signedAreaM2(square) == 4);
  const Polygon clockwise{{0, 0}, {0, 2}, {2, 2}, {2, 0}};
  CHECK(signedAreaM2(clockwise) == -4);
  CHECK(centroid(square) == Vec2{1, 1});
  CHECK(centroid(clockwise) == Vec2{1, 1});
  // Regression: exact for a representable centre (multiplying by 1 / (6 * 25) gave
  // 7.500000000000001 for this rectangle).
  CHECK(centroid(Polygon{{5, 0}, {10, 0}, {10, 5}, {5, 5}}) == Vec2{7.5, 2.5});
  // Right triangle: centroid at the mean of the corners.
  const Polygon triangle{{0, 0}, {3, 0}, {0, 3}};
  CHECK(signedAreaM2(triangle) == 4.5);
  CHECK(centroid(triangle).xM == Approx(1.0));
  CHECK(centroid(triangle).yM == Approx(1.0));
  // L shape = [0,10]x[0,4] (area 40, centre (5,2)) + [0,4]x[4,10] (area 24, centre
  // (2,7)): centroid ((40*5 + 24*2)/64, (40*2 + 24*7)/64) = (3.875, 3.875).
  const Polygon ell{{0, 0}, {10, 0}, {10, 4}, {4, 4}, {4, 10}, {0, 10}};
  CHECK(signedAreaM2(ell) == 64);
  CHECK(centroid(ell).xM == Approx(3.875));
  CHECK(centroid(ell).yM == Approx(3.875));
  // Far from the origin the answer is the same shape shifted.
  const Polygon shifted{{1000, 500}, {1002, 500}, {1002, 502}, {1000, 502}};
  CHECK(centroid(shifted).xM == Approx(1001.0));
  CHECK(centroid(shifted).yM == Approx(501.0));
}

TEST_CASE("Degenerate polygons: zero area, centroid falls back to the mean of corners") {
  const Polygon line{{0, 0}, {2, 0}, {4, 0}};
  CHECK(signedAreaM2(line) == 0);
  CHECK(centroid(line) == Vec2{2, 0});
  CHECK(signedAreaM2(Polygon{}) == 0);
  CHECK_FALSE(containsPoint(Polygon{}, {0, 0}));
}
