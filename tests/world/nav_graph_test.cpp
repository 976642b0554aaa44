// NavGraph: routes through doors and around corners with hand-computed lengths, rooms
// cut off from the entrance, and properties of every route on a larger plan.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "plans.hpp"
#include "sim/world/floor_plan.hpp"
#include "sim/world/nav_graph.hpp"

using irdrill::world::FloorPlan;
using irdrill::world::NavGraph;
using irdrill::world::NavNodeKind;
using irdrill::world::Vec2;
namespace plans = irdrill::world::testplans;

namespace {

void checkPolyline(const std::vector<Vec2>& got, const std::vector<Vec2>& expected) {
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("point " << i);
    CHECK(got[i].xM == Approx(expected[i].xM).margin(1e-12));
    CHECK(got[i].yM == Approx(expected[i].yM).margin(1e-12));
  }
}

double polylineLengthM(const std::vector<Vec2>& route) {
  double sum = 0;
  for (std::size_t i = 1; i < route.size(); ++i)
    sum += irdrill::world::distanceM(route[i - 1], route[i]);
  return sum;
}

}  // namespace

TEST_CASE("Between two rooms the route goes through the door, with its hand-computed length") {
  const auto office = plans::officeWith(plans::twoRooms());
  const FloorPlan plan(office.floors[0], office);
  const NavGraph graph(plan);
  // (1,1) -> door (5,2.5) -> (8,4): sqrt(16 + 2.25) + sqrt(9 + 2.25).
  const std::vector<Vec2> route = graph.routeM({1, 1}, {8, 4});
  checkPolyline(route, {{1, 1}, {5, 2.5}, {8, 4}});
  const double expectedM = std::sqrt(18.25) + std::sqrt(11.25);
  CHECK(graph.routeLengthM({1, 1}, {8, 4}) == Approx(expectedM).epsilon(1e-12));
  CHECK(polylineLengthM(route) == Approx(expectedM).epsilon(1e-12));
  // The way back is the mirror image.
  checkPolyline(graph.routeM({8, 4}, {1, 1}), {{8, 4}, {5, 2.5}, {1, 1}});
  CHECK(graph.unreachableRooms().empty());
}

TEST_CASE("Within one room in sight the route is the straight segment") {
  const auto office = plans::officeWith(plans::twoRooms());
  const FloorPlan plan(office.floors[0], office);
  const NavGraph graph(plan);
  checkPolyline(graph.routeM({1, 1}, {4, 4}), {{1, 1}, {4, 4}});
  CHECK(graph.routeLengthM({1, 1}, {4, 4}) == Approx(std::sqrt(18.0)));
  checkPolyline(graph.routeM({2, 2}, {2, 2}), {{2, 2}, {2, 2}});
  CHECK(graph.routeLengthM({2, 2}, {2, 2}) == 0);
}

TEST_CASE("The graph has the entrance, each door and desk, and a point in each room") {
  auto floor = plans::twoRooms();
  floor.desks = {plans::desk("d1", "b", {8, 1})};
  const auto office = plans::officeWith(floor);
  const FloorPlan plan(office.floors[0], office);
  const NavGraph graph(plan);
  CHECK(graph.node(graph.entranceNode()).kind == NavNodeKind::Entrance);
  CHECK(graph.node(graph.doorNode(1)).positionM == Vec2{5, 2.5});
  CHECK(graph.node(graph.doorNode(1)).roomA == 0);
  CHECK(graph.node(graph.doorNode(1)).roomB == 1);
  CHECK(graph.node(graph.doorNode(0)).roomB == NavGraph::kOutside);
  CHECK(graph.node(graph.deskNode(0)).positionM == Vec2{8, 1});
  // Square rooms: the centroid is clear of walls, so it is the room's point.
  CHECK(graph.node(graph.roomPointNode(0)).positionM == Vec2{2.5, 2.5});
  CHECK(graph.node(graph.roomPointNode(1)).positionM == Vec2{7.5, 2.5});
  // From the entrance to the desk: (0,2.5) -> (5,2.5) -> (8,1).
  const double expectedM = 5 + std::sqrt(9 + 2.25);
  CHECK(graph.nodeDistanceM(graph.entranceNode(), graph.deskNode(0)) == Approx(expectedM));
  CHECK(graph.nodePath(graph.entranceNode(), graph.deskNode(0)) ==
        std::vector<int>{graph.entranceNode(), graph.doorNode(1), graph.deskNode(0)});
}

TEST_CASE("In an L-shaped room the route bends around the inner corner") {
  const auto office = plans::officeWith(plans::lShapedRoom());
  const FloorPlan plan(office.floors[0], office);
  const NavGraph graph(plan);
  // The straight line (9,2)-(2,9) passes north-east of the corner (4,4), through walls;
  // the route bends at the corner node kCornerOffsetM from (4,4) on the bisector of the
  // 270-degree free angle, i.e. towards the south-west.
  const double off = NavGraph::kCornerOffsetM / std::sqrt(2.0);
  const Vec2 corner{4 - off, 4 - off};
  const std::vector<Vec2> route = graph.routeM({9, 2}, {2, 9});
  checkPolyline(route, {{9, 2}, corner, {2, 9}});
  const double legM = std::hypot(9 - corner.xM, corner.yM - 2);
  CHECK(graph.routeLengthM({9, 2}, {2, 9}) == Approx(2 * legM).epsilon(1e-12));
  // Every leg is walkable: it crosses no wall.
  for (std::size_t i = 1; i < route.size(); ++i)
    CHECK(plan.walls().lineOfSight(route[i - 1], route[i]));
  // Points that see each other still go straight, in either arm.
  checkPolyline(graph.routeM({9, 1}, {1, 3}), {{9, 1}, {1, 3}});
  checkPolyline(graph.routeM({1, 9}, {3, 1}), {{1, 9}, {3, 1}});
}

TEST_CASE("A free-standing partition is walked around at its free end") {
  irdrill::world::FloorDef f;
  f.id = "hall";
  f.widthM = 10;
  f.depthM = 10;
  f.rooms = {plans::room("hall", 0, 0, 10, 10)};
  f.walls = {plans::wall({0, 0}, {10, 0}), plans::wall({10, 0}, {10, 10}),
             plans::wall({10, 10}, {0, 10}), plans::wall({0, 10}, {0, 0}),
             plans::wall({5, 0}, {5, 7})};  // from the south wall, free end at (5, 7)
  f.entranceM = {1, 9};
  const auto office = plans::officeWith(f);
  const FloorPlan plan(office.floors[0], office);
  const NavGraph graph(plan);
  const Vec2 tip{5, 7 + NavGraph::kCornerOffsetM};
  checkPolyline(graph.routeM({2, 2}, {8, 2}), {{2, 2}, tip, {8, 2}});
  CHECK(graph.routeLengthM({2, 2}, {8, 2}) == Approx(2 * std::hypot(3.0, tip.yM - 2)));
  CHECK(graph.unreachableRooms().empty());
}

TEST_CASE("A room with no door is reported unreachable and has no route") {
  const auto office = plans::officeWith(plans::twoRooms(true));
  const FloorPlan plan(office.floors[0], office);
  const NavGraph graph(plan);
  CHECK(graph.unreachableRooms() == std::vector<int>{2});
  CHECK(graph.routeM({1, 1}, {12, 2}).empty());
  CHECK(graph.routeLengthM({1, 1}, {12, 2}) == std::numeric_limits<double>::infinity());
  // Inside the cut-off room itself routes still work.
  checkPolyline(graph.routeM({11, 1}, {14, 4}), {{11, 1}, {14, 4}});
}

TEST_CASE("Property: routes on a grid of rooms are walkable, shortest-consistent, symmetric") {
  // The 3 x 3 grid with a door in the middle of every interior wall: 12 doors.
  auto floor = plans::gridOfRooms();
  floor.walls.clear();
  const auto name = [](int col, int row) { return plans::gridId('r', col, row); };
  for (double x : {10.0, 20.0}) {
    for (int row = 0; row < 3; ++row) {
      plans::wallWithGap(floor.walls, {x, row * 10.0}, {x, row * 10.0 + 10}, {x, row * 10.0 + 5});
      const int col = static_cast<int>(x / 10);
      floor.doors.push_back(plans::door(plans::gridId('v', col, row), {x, row * 10.0 + 5},
                                        name(col - 1, row), name(col, row)));
    }
  }
  for (double y : {10.0, 20.0}) {
    for (int col = 0; col < 3; ++col) {
      plans::wallWithGap(floor.walls, {col * 10.0, y}, {col * 10.0 + 10, y}, {col * 10.0 + 5, y});
      const int row = static_cast<int>(y / 10);
      floor.doors.push_back(plans::door(plans::gridId('h', col, row), {col * 10.0 + 5, y},
                                        name(col, row - 1), name(col, row)));
    }
  }
  floor.walls.push_back(plans::wall({0, 0}, {30, 0}));
  floor.walls.push_back(plans::wall({30, 0}, {30, 30}));
  floor.walls.push_back(plans::wall({30, 30}, {0, 30}));
  floor.walls.push_back(plans::wall({0, 30}, {0, 0}));
  floor.entranceM = {5, 1};
  const auto office = plans::officeWith(floor);
  const FloorPlan plan(office.floors[0], office);
  const NavGraph graph(plan);
  CHECK(graph.unreachableRooms().empty());

  // Hand-computed: from the centre of r00 to the centre of r22 the shortest way passes 4
  // doors on a staircase; every door-to-door leg in a room is 5 * sqrt(2) and the two ends
  // are 5 m from their doors: 2 * 5 + 3 * 5 * sqrt(2).
  CHECK(graph.routeLengthM({5, 5}, {25, 25}) == Approx(10 + 15 * std::sqrt(2.0)));

  boost::random::mt19937_64 engine(7);
  boost::random::uniform_real_distribution<double> coord(0.5, 29.5);
  for (int i = 0; i < 300; ++i) {
    const Vec2 a{coord(engine), coord(engine)};
    const Vec2 b{coord(engine), coord(engine)};
    const std::vector<Vec2> route = graph.routeM(a, b);
    REQUIRE(route.size() >= 2);
    CHECK(route.front() == a);
    CHECK(route.back() == b);
    for (std::size_t k = 1; k < route.size(); ++k) {
      if (!plan.walls().lineOfSight(route[k - 1], route[k])) {
        FAIL("leg " << k << " of the route from (" << a.xM << ", " << a.yM << ") crosses a wall");
      }
    }
    const double lengthM = graph.routeLengthM(a, b);
    CHECK(polylineLengthM(route) == Approx(lengthM).epsilon(1e-12));
    CHECK(lengthM >= irdrill::world::distanceM(a, b) - 1e-9);
    CHECK(graph.routeLengthM(b, a) == Approx(lengthM).epsilon(1e-12));
    // Rooms of the two ends: the route passes at least one door per grid step apart.
    const int ra = plan.roomAt(a);
    const int rb = plan.roomAt(b);
    const int steps = std::abs(ra / 3 - rb / 3) + std::abs(ra % 3 - rb % 3);
    int doorsOnRoute = 0;
    for (const Vec2& p : route) {
      for (const auto& d : floor.doors) doorsOnRoute += p == d.positionM ? 1 : 0;
    }
    CHECK(doorsOnRoute >= steps);
  }
}
