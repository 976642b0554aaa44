// validateOffice: a valid office gives no diagnostic; each defect, introduced alone,
// gives exactly its message at the offending definition's location.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "plans.hpp"
#include "sim/world/office_validation.hpp"

using irdrill::core::Diagnostics;
using irdrill::core::SourceLocation;
using irdrill::world::OfficeDef;
using irdrill::world::Vec2;
using irdrill::world::WallMaterial;
namespace plans = irdrill::world::testplans;

namespace {

SourceLocation at(int line, int column) { return {"plan.yaml", line, column}; }

// 20 x 10 m: lobby [0,10]x[0,10] and office [10,20]x[0,10]; the front door at (0,5) to
// outside and the inner door at (10,5), both in 0.9 m wall gaps. Line numbers:
// office 1, floor 2, rooms 4-5, walls 10-17, doors 20-21, desks 24-25, gateway 27,
// place 30.
OfficeDef validOffice() {
  OfficeDef office;
  office.name = "hq";
  office.where = at(1, 1);
  irdrill::world::FloorDef f;
  f.id = "f1";
  f.widthM = 20;
  f.depthM = 10;
  f.where = at(2, 3);
  f.entranceM = {0, 5};
  f.rooms = {plans::room("lobby", 0, 0, 10, 10), plans::room("office", 10, 0, 20, 10)};
  f.rooms[0].where = at(4, 5);
  f.rooms[1].where = at(5, 5);
  f.walls.push_back(plans::wall({0, 0}, {20, 0}, WallMaterial::Concrete));
  f.walls.push_back(plans::wall({20, 0}, {20, 10}, WallMaterial::Concrete));
  f.walls.push_back(plans::wall({20, 10}, {0, 10}, WallMaterial::Concrete));
  plans::wallWithGap(f.walls, {0, 0}, {0, 10}, {0, 5}, WallMaterial::Glass);
  plans::wallWithGap(f.walls, {10, 0}, {10, 10}, {10, 5});
  for (std::size_t i = 0; i < f.walls.size(); ++i)
    f.walls[i].where = at(10 + static_cast<int>(i), 5);
  f.doors = {plans::door("front", {0, 5}, "lobby", "outside"),
             plans::door("inner", {10, 5}, "lobby", "office")};
  f.doors[0].where = at(20, 5);
  f.doors[1].where = at(21, 5);
  f.desks = {plans::desk("d1", "office", {15, 5}), plans::desk("d2", "office", {15, 2})};
  f.desks[0].where = at(24, 5);
  f.desks[1].where = at(25, 5);
  f.gateways.push_back({"g1", {10, 9}, -95.0, at(27, 5)});
  office.floors.push_back(f);
  office.offsitePlaces.push_back({"cafe", irdrill::world::PlaceKind::Cafe, 300, true, at(30, 3)});
  return office;
}

std::vector<std::string> errorsOf(const OfficeDef& office) {
  Diagnostics diagnostics;
  irdrill::world::validateOffice(office, diagnostics);
  std::vector<std::string> out;
  for (const auto& d : diagnostics.items()) out.push_back(irdrill::core::formatDiagnostic(d));
  return out;
}

using Errors = std::vector<std::string>;

}  // namespace

TEST_CASE("A valid office has no diagnostics") { CHECK(errorsOf(validOffice()).empty()); }

TEST_CASE("Office-wide errors: no floor, walking speed, material losses") {
  OfficeDef office = validOffice();
  SECTION("no floor") {
    office.floors.clear();
    CHECK(errorsOf(office) ==
          Errors{"plan.yaml:1:1: error: the office has no floors (expected at least one)"});
  }
  SECTION("walking speed") {
    office.walkingSpeedMps = 0;
    CHECK(errorsOf(office) ==
          Errors{"plan.yaml:1:1: error: walking speed must be positive, got 0 m/s"});
  }
  SECTION("a negative material loss") {
    office.wallLossDb[static_cast<int>(WallMaterial::Glass)] = -1;
    CHECK(errorsOf(office) ==
          Errors{"plan.yaml:1:1: error: wall loss of glass must not be negative, got -1 dB"});
  }
}

TEST_CASE("Duplicate ids are reported at the second definition with the first's location") {
  OfficeDef office = validOffice();
  auto& f = office.floors[0];
  SECTION("rooms") {
    f.rooms.push_back(plans::room("lobby", 0, 0, 5, 5));
    f.rooms.back().where = at(6, 5);
    CHECK(
        errorsOf(office) ==
        Errors{"plan.yaml:6:5: error: duplicate room id 'lobby' (first defined at plan.yaml:4:5)"});
  }
  SECTION("doors") {
    f.doors[1].id = "front";
    CHECK(
        errorsOf(office) ==
        Errors{
            "plan.yaml:21:5: error: duplicate door id 'front' (first defined at plan.yaml:20:5)"});
  }
  SECTION("desks") {
    f.desks[1].id = "d1";
    CHECK(
        errorsOf(office) ==
        Errors{"plan.yaml:25:5: error: duplicate desk id 'd1' (first defined at plan.yaml:24:5)"});
  }
  SECTION("gateways") {
    f.gateways.push_back({"g1", {10, 1}, -95.0, at(28, 5)});
    CHECK(
        errorsOf(office) ==
        Errors{
            "plan.yaml:28:5: error: duplicate gateway id 'g1' (first defined at plan.yaml:27:5)"});
  }
  SECTION("places") {
    office.offsitePlaces.push_back({"cafe", irdrill::world::PlaceKind::Home, 60, false, at(31, 3)});
    CHECK(errorsOf(office) == Errors{"plan.yaml:31:3: error: duplicate off-site place id 'cafe' "
                                     "(first defined at plan.yaml:30:3)"});
  }
  SECTION("floors, and desks across floors") {
    auto second = f;
    second.where = at(40, 3);
    for (auto& d : second.doors) d.id += "_2";
    for (auto& g : second.gateways) g.id += "_2";
    second.desks[0].id += "_2";
    second.desks[1].where = at(45, 5);
    CHECK(errorsOf(office).empty());
    office.floors.push_back(second);
    CHECK(
        errorsOf(office) ==
        Errors{"plan.yaml:40:3: error: duplicate floor id 'f1' (first defined at plan.yaml:2:3)",
               "plan.yaml:45:5: error: duplicate desk id 'd2' (first defined at plan.yaml:25:5)"});
  }
}

TEST_CASE("Plan size, entrance, walls and gateways outside the plan") {
  OfficeDef office = validOffice();
  auto& f = office.floors[0];
  SECTION("size") {
    f.widthM = 0;
    CHECK(errorsOf(office) ==
          Errors{"plan.yaml:2:3: error: floor 'f1' must have a positive size, got 0 x 10 m"});
  }
  SECTION("entrance") {
    f.entranceM = {-1, 5};
    CHECK(errorsOf(office) == Errors{"plan.yaml:2:3: error: the entrance (-1, 5) of floor 'f1' is "
                                     "outside the floor plan [0, 20] x [0, 10] m"});
  }
  SECTION("a wall end") {
    f.walls[1].segment.b = {20, 11.5};
    CHECK(errorsOf(office) == Errors{"plan.yaml:11:5: error: wall end (20, 11.5) is outside the "
                                     "floor plan [0, 20] x [0, 10] m"});
  }
  SECTION("a negative loss override") {
    f.walls[2].lossDb = -2.0;
    CHECK(errorsOf(office) ==
          Errors{"plan.yaml:12:5: error: wall loss must not be negative, got -2 dB"});
  }
  SECTION("a gateway") {
    f.gateways[0].positionM = {25, 9};
    CHECK(errorsOf(office) == Errors{"plan.yaml:27:5: error: gateway 'g1' at (25, 9) is outside "
                                     "the floor plan [0, 20] x [0, 10] m"});
  }
}

TEST_CASE("Room outlines: too few corners, zero area, a corner outside the plan") {
  OfficeDef office = validOffice();
  auto& f = office.floors[0];
  auto extra = plans::room("closet", 0, 0, 2, 2);
  extra.where = at(6, 5);
  SECTION("two corners") {
    extra.outline = {{0, 0}, {2, 0}};
    f.rooms.push_back(extra);
    CHECK(errorsOf(office) ==
          Errors{"plan.yaml:6:5: error: room 'closet' has 2 corners (a polygon needs at least 3)"});
  }
  SECTION("zero area") {
    extra.outline = {{0, 0}, {1, 0}, {2, 0}};
    f.rooms.push_back(extra);
    CHECK(errorsOf(office) == Errors{"plan.yaml:6:5: error: room 'closet' has zero area"});
  }
  SECTION("outside the plan") {
    extra.outline = {{18, 8}, {21, 8}, {21, 10}, {18, 10}};
    f.rooms.push_back(extra);
    CHECK(errorsOf(office) == Errors{"plan.yaml:6:5: error: room 'closet' has a corner (21, 8) "
                                     "outside the floor plan [0, 20] x [0, 10] m"});
  }
}

TEST_CASE("Desks: unknown room, outside their room, too close to a wall") {
  OfficeDef office = validOffice();
  auto& desk = office.floors[0].desks[0];
  SECTION("unknown room lists the valid ones") {
    desk.room = "kitchen";
    CHECK(errorsOf(office) == Errors{"plan.yaml:24:5: error: desk 'd1' names unknown room "
                                     "'kitchen' (expected one of: lobby, office)"});
  }
  SECTION("in another room") {
    desk.room = "lobby";
    CHECK(errorsOf(office) == Errors{"plan.yaml:24:5: error: desk 'd1' at (15, 5) is not inside "
                                     "room 'lobby' (it is in room 'office')"});
  }
  SECTION("in no room") {
    desk.positionM = {25, 5};
    CHECK(errorsOf(office) == Errors{"plan.yaml:24:5: error: desk 'd1' at (25, 5) is not inside "
                                     "room 'office' (it is in no room)"});
  }
  SECTION("inside a wall: the nearest wall and its distance") {
    desk.positionM = {15, 0.1};
    CHECK(errorsOf(office) == Errors{"plan.yaml:24:5: error: desk 'd1' is 0.1 m from the wall at "
                                     "plan.yaml:10:5 (desks must be at least 0.3 m from walls)"});
  }
}

TEST_CASE("Doors: unknown rooms, one room twice, width, off the boundary, blocked") {
  OfficeDef office = validOffice();
  auto& f = office.floors[0];
  auto& door = f.doors[1];
  SECTION("unknown room lists the valid ones and outside") {
    door.roomB = "hall";
    CHECK(errorsOf(office) == Errors{"plan.yaml:21:5: error: door 'inner' names unknown room "
                                     "'hall' (expected one of: lobby, office, outside)"});
  }
  SECTION("one room twice") {
    door.roomB = "lobby";
    CHECK(errorsOf(office) ==
          Errors{"plan.yaml:21:5: error: door 'inner' joins room 'lobby' to itself"});
  }
  SECTION("width") {
    door.widthM = 0;
    CHECK(errorsOf(office) ==
          Errors{"plan.yaml:21:5: error: door 'inner' must have a positive width, got 0 m"});
  }
  SECTION("off the boundary of both rooms") {
    door.positionM = {11.2, 5};
    const std::string tail =
        " m from the boundary of room '%' (a door must lie on the boundary of each room it "
        "joins, within 0.5 m)";
    std::string lobby = "plan.yaml:21:5: error: door 'inner' at (11.2, 5) is 1.2" + tail;
    std::string office2 = lobby;
    lobby.replace(lobby.find('%'), 1, "lobby");
    office2.replace(office2.find('%'), 1, "office");
    CHECK(errorsOf(office) == Errors{lobby, office2});
  }
  SECTION("blocked: no gap in the wall") {
    // Replace the two pieces of x = 10 (walls 5 and 6) by one unbroken wall.
    f.walls[5].segment.b = {10, 10};
    f.walls.pop_back();
    CHECK(
        errorsOf(office) ==
        Errors{"plan.yaml:21:5: error: door 'inner' is blocked by the wall at plan.yaml:15:5, 0 m "
               "from its centre (walls must leave a gap at least the door's width, 0.9 m)"});
  }
  SECTION("a gap narrower than the door") {
    door.widthM = 1.2;
    CHECK(
        errorsOf(office) ==
        Errors{"plan.yaml:21:5: error: door 'inner' is blocked by the wall at plan.yaml:15:5, "
               "0.45 m from its centre (walls must leave a gap at least the door's width, 1.2 m)"});
  }
}

TEST_CASE("A room with no door path from the entrance is named") {
  OfficeDef office = validOffice();
  auto& f = office.floors[0];
  f.widthM = 30;
  auto store = plans::room("store", 20, 0, 30, 10);
  store.where = at(7, 5);
  f.rooms.push_back(store);
  f.walls.push_back(plans::wall({20, 0}, {30, 0}));
  f.walls.push_back(plans::wall({30, 0}, {30, 10}));
  f.walls.push_back(plans::wall({30, 10}, {20, 10}));
  CHECK(errorsOf(office) == Errors{"plan.yaml:7:5: error: room 'store' cannot be reached from the "
                                   "entrance of floor 'f1' (no path through doors)"});
  SECTION("a door in a gap of the shared wall connects it") {
    // Wall 1 is x = 20 from y = 0 to 10: cut a gap at (20, 5) for a new door.
    f.walls[1].segment.b = {20, 4.55};
    f.walls.push_back(plans::wall({20, 5.45}, {20, 10}));
    f.doors.push_back(plans::door("store_door", {20, 5}, "office", "store"));
    CHECK(errorsOf(office).empty());
  }
  SECTION("a door without a gap is reported as blocked, not as an unreachable room") {
    f.doors.push_back(plans::door("store_door", {20, 5}, "office", "store"));
    f.doors.back().where = at(22, 5);
    CHECK(
        errorsOf(office) ==
        Errors{"plan.yaml:22:5: error: door 'store_door' is blocked by the wall at plan.yaml:11:5, "
               "0 m from its centre (walls must leave a gap at least the door's width, 0.9 m)"});
  }
}

TEST_CASE("Off-site places: negative travel time") {
  OfficeDef office = validOffice();
  office.offsitePlaces[0].travelTimeS = -5;
  CHECK(errorsOf(office) ==
        Errors{"plan.yaml:30:3: error: off-site place 'cafe' has a negative travel time, -5 s"});
}
