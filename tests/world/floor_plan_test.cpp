// FloorPlan: room lookup by position (edges, non-convex rooms, outside), id lookups.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "plans.hpp"
#include "sim/world/floor_plan.hpp"

using irdrill::world::FloorPlan;
using irdrill::world::Vec2;
namespace plans = irdrill::world::testplans;

TEST_CASE("roomAt finds the room containing a point, and on a shared edge the first listed") {
  const auto office = plans::officeWith(plans::gridOfRooms());
  const FloorPlan plan(office.floors[0], office);
  CHECK(plan.roomAt({5, 5}) == plan.roomIndex("r00"));
  CHECK(plan.roomAt({25, 15}) == plan.roomIndex("r21"));
  CHECK(plan.roomAt({15, 29.9}) == plan.roomIndex("r12"));
  // On the edge between r00 (index 0) and r10 (index 3): the first listed.
  CHECK(plan.roomAt({10, 5}) == 0);
  CHECK(plan.roomAt({31, 5}) == -1);
  CHECK(plan.roomAt({-0.01, 5}) == -1);
}

TEST_CASE("roomAt respects a non-convex outline") {
  const auto office = plans::officeWith(plans::lShapedRoom());
  const FloorPlan plan(office.floors[0], office);
  CHECK(plan.roomAt({9, 2}) == 0);
  CHECK(plan.roomAt({2, 9}) == 0);
  CHECK(plan.roomAt({7, 7}) == -1);  // inside the bounding box, outside the L
}

TEST_CASE("Ids map to indexes, unknown ids give -1 and an unknown desk position throws") {
  auto floor = plans::twoRooms();
  floor.desks = {plans::desk("d1", "a", {1, 1}), plans::desk("d2", "nowhere", {8, 1})};
  floor.gateways.push_back({"g1", {5, 5}, -95.0, {}});
  const auto office = plans::officeWith(floor);
  const FloorPlan plan(office.floors[0], office);
  CHECK(plan.roomIndex("b") == 1);
  CHECK(plan.roomIndex("outside") == -1);
  CHECK(plan.doorIndex("ab") == 1);
  CHECK(plan.doorRoomA(1) == 0);
  CHECK(plan.doorRoomB(1) == 1);
  CHECK(plan.doorRoomB(0) == -1);  // "outside"
  CHECK(plan.deskIndex("d2") == 1);
  CHECK(plan.deskRoom(0) == 0);
  CHECK(plan.deskRoom(1) == -1);
  CHECK(plan.gatewayIndex("g1") == 0);
  CHECK(plan.gatewayIndex("g2") == -1);
  CHECK(plan.deskPosition("d1") == Vec2{1, 1});
  CHECK_THROWS_AS(plan.deskPosition("d9"), std::out_of_range);
  CHECK(plan.walls().wallCount() == static_cast<int>(floor.walls.size()));
  CHECK(plan.walkingSpeedMps() == 1.3);
  CHECK(plan.inPlan({10, 5}));
  CHECK_FALSE(plan.inPlan({10.01, 5}));
}
