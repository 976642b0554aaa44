// validateOffice: the checks listed in office_validation.hpp, in the order of the def.
#include "sim/world/office_validation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>

#include "sim/world/floor_plan.hpp"
#include "sim/world/nav_graph.hpp"

namespace irdrill::world {

namespace {

// Metres and dB in messages: two decimals at most, trailing zeros dropped ("0.1", "41").
std::string num(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string s = buffer;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string point(Vec2 p) {
  // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on "(" + s + ...
  std::string out = "(";
  out += num(p.xM);
  out += ", ";
  out += num(p.yM);
  out += ')';
  return out;
}

std::string location(const core::SourceLocation& where) {
  if (where.file.empty() && where.line == 0) return "<built in code>";
  std::string out = where.file;
  if (where.line > 0) {
    out += ':' + std::to_string(where.line);
    if (where.column > 0) out += ':' + std::to_string(where.column);
  }
  return out;
}

std::string quoted(const std::string& id) { return "'" + id + "'"; }

// Reports the second and later uses of an id; `seen` carries first uses across calls so
// one table can span several floors.
class DuplicateIds {
 public:
  explicit DuplicateIds(std::string kind) : kind_(std::move(kind)) {}
  void check(const std::string& id, const core::SourceLocation& where, core::Diagnostics& out) {
    const auto [it, inserted] = first_.emplace(id, where);
    if (!inserted) {
      out.error(where, "duplicate " + kind_ + " id " + quoted(id) + " (first defined at " +
                           location(it->second) + ")");
    }
  }

 private:
  std::string kind_;
  std::unordered_map<std::string, core::SourceLocation> first_;
};

struct PlanBounds {
  double widthM;
  double depthM;
  bool contains(Vec2 p) const { return p.xM >= 0 && p.xM <= widthM && p.yM >= 0 && p.yM <= depthM; }
  std::string describe() const {
    return "the floor plan [0, " + num(widthM) + "] x [0, " + num(depthM) + "] m";
  }
};

std::string roomList(const FloorDef& floor, bool withOutside) {
  std::string list;
  for (const RoomDef& room : floor.rooms) {
    if (!list.empty()) list += ", ";
    list += room.id;
  }
  if (withOutside) list += list.empty() ? "outside" : ", outside";
  return list;
}

int findRoom(const FloorDef& floor, const std::string& id) {
  for (std::size_t i = 0; i < floor.rooms.size(); ++i) {
    if (floor.rooms[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

bool usablePolygon(const Polygon& outline) {
  return outline.size() >= 3 && signedAreaM2(outline) != 0;
}

double distanceToOutlineM(const Polygon& outline, Vec2 p) {
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0, j = outline.size() - 1; i < outline.size(); j = i++) {
    best = std::min(best, distanceToSegmentM(p, {outline[j], outline[i]}));
  }
  return best;
}

// The nearest wall to p and its distance; index -1 when the floor has no walls.
std::pair<int, double> nearestWall(const FloorDef& floor, Vec2 p) {
  int best = -1;
  double bestM = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < floor.walls.size(); ++i) {
    const double d = distanceToSegmentM(p, floor.walls[i].segment);
    if (d < bestM) {
      bestM = d;
      best = static_cast<int>(i);
    }
  }
  return {best, bestM};
}

void checkRoom(const RoomDef& room, const PlanBounds* bounds, core::Diagnostics& out) {
  const std::string name = "room " + quoted(room.id);
  if (room.outline.size() < 3) {
    out.error(room.where, name + " has " + std::to_string(room.outline.size()) +
                              " corners (a polygon needs at least 3)");
    return;
  }
  if (signedAreaM2(room.outline) == 0) out.error(room.where, name + " has zero area");
  if (bounds == nullptr) return;
  for (const Vec2& corner : room.outline) {
    if (!bounds->contains(corner)) {
      out.error(room.where,
                name + " has a corner " + point(corner) + " outside " + bounds->describe());
      return;
    }
  }
}

void checkDesk(const DeskDef& desk, const FloorDef& floor, core::Diagnostics& out) {
  const std::string name = "desk " + quoted(desk.id);
  const int room = findRoom(floor, desk.room);
  if (room < 0) {
    out.error(desk.where, name + " names unknown room " + quoted(desk.room) +
                              " (expected one of: " + roomList(floor, false) + ")");
  } else if (usablePolygon(floor.rooms[static_cast<std::size_t>(room)].outline) &&
             !containsPoint(floor.rooms[static_cast<std::size_t>(room)].outline, desk.positionM)) {
    std::string actual = "it is in no room";
    for (const RoomDef& other : floor.rooms) {
      if (usablePolygon(other.outline) && containsPoint(other.outline, desk.positionM)) {
        actual = "it is in room " + quoted(other.id);
        break;
      }
    }
    out.error(desk.where, name + " at " + point(desk.positionM) + " is not inside room " +
                              quoted(desk.room) + " (" + actual + ")");
  }
  const auto [wall, distance] = nearestWall(floor, desk.positionM);
  if (wall >= 0 && distance < kDeskWallClearanceM) {
    out.error(desk.where, name + " is " + num(distance) + " m from the wall at " +
                              location(floor.walls[static_cast<std::size_t>(wall)].where) +
                              " (desks must be at least " + num(kDeskWallClearanceM) +
                              " m from walls)");
  }
}

void checkDoor(const DoorDef& door, const FloorDef& floor, core::Diagnostics& out) {
  const std::string name = "door " + quoted(door.id);
  bool namesKnown = true;
  for (const std::string* side : {&door.roomA, &door.roomB}) {
    if (*side != "outside" && findRoom(floor, *side) < 0) {
      out.error(door.where, name + " names unknown room " + quoted(*side) +
                                " (expected one of: " + roomList(floor, true) + ")");
      namesKnown = false;
    }
  }
  if (namesKnown && door.roomA == door.roomB) {
    out.error(door.where, name + " joins room " + quoted(door.roomA) + " to itself");
  }
  if (!(door.widthM > 0)) {
    out.error(door.where, name + " must have a positive width, got " + num(door.widthM) + " m");
    return;
  }
  for (const std::string* side : {&door.roomA, &door.roomB}) {
    const int room = findRoom(floor, *side);
    if (room < 0) continue;
    const Polygon& outline = floor.rooms[static_cast<std::size_t>(room)].outline;
    if (outline.size() < 3) continue;
    const double d = distanceToOutlineM(outline, door.positionM);
    if (d > kDoorBoundaryToleranceM) {
      out.error(door.where, name + " at " + point(door.positionM) + " is " + num(d) +
                                " m from the boundary of room " + quoted(*side) +
                                " (a door must lie on the boundary of each room it joins, within " +
                                num(kDoorBoundaryToleranceM) + " m)");
    }
  }
  // 1e-6 m of slack: a gap cut to exactly the door's width is not a blocked door.
  const auto [wall, distance] = nearestWall(floor, door.positionM);
  if (wall >= 0 && distance < door.widthM / 2 - 1e-6) {
    out.error(door.where,
              name + " is blocked by the wall at " +
                  location(floor.walls[static_cast<std::size_t>(wall)].where) + ", " +
                  num(distance) +
                  " m from its centre (walls must leave a gap at least the door's width, " +
                  num(door.widthM) + " m)");
  }
}

void checkFloor(const FloorDef& floor, const OfficeDef& office, DuplicateIds& doorIds,
                DuplicateIds& deskIds, DuplicateIds& gatewayIds, core::Diagnostics& out) {
  const std::size_t errorsBefore = out.items().size();
  const bool sized = floor.widthM > 0 && floor.depthM > 0 && std::isfinite(floor.widthM) &&
                     std::isfinite(floor.depthM);
  if (!sized) {
    out.error(floor.where, "floor " + quoted(floor.id) + " must have a positive size, got " +
                               num(floor.widthM) + " x " + num(floor.depthM) + " m");
  }
  // Without a size every position would be "outside": skip those checks.
  const PlanBounds bounds{floor.widthM, floor.depthM};
  const PlanBounds* plan = sized ? &bounds : nullptr;
  if (plan != nullptr && !plan->contains(floor.entranceM)) {
    out.error(floor.where, "the entrance " + point(floor.entranceM) + " of floor " +
                               quoted(floor.id) + " is outside " + plan->describe());
  }

  for (const WallDef& wall : floor.walls) {
    if (plan != nullptr) {
      for (const Vec2& end : {wall.segment.a, wall.segment.b}) {
        if (!plan->contains(end)) {
          out.error(wall.where, "wall end " + point(end) + " is outside " + plan->describe());
        }
      }
    }
    if (wall.lossDb && *wall.lossDb < 0) {
      out.error(wall.where, "wall loss must not be negative, got " + num(*wall.lossDb) + " dB");
    }
  }

  DuplicateIds roomIds("room");
  for (const RoomDef& room : floor.rooms) {
    roomIds.check(room.id, room.where, out);
    checkRoom(room, plan, out);
  }
  for (const DeskDef& desk : floor.desks) {
    deskIds.check(desk.id, desk.where, out);
    checkDesk(desk, floor, out);
  }
  for (const DoorDef& door : floor.doors) {
    doorIds.check(door.id, door.where, out);
    checkDoor(door, floor, out);
  }
  for (const GatewayDef& gateway : floor.gateways) {
    gatewayIds.check(gateway.id, gateway.where, out);
    if (plan != nullptr && !plan->contains(gateway.positionM)) {
      out.error(gateway.where, "gateway " + quoted(gateway.id) + " at " + point(gateway.positionM) +
                                   " is outside " + plan->describe());
    }
  }

  if (out.items().size() != errorsBefore) return;
  const FloorPlan floorPlan(floor, office);
  const NavGraph graph(floorPlan);
  for (int room : graph.unreachableRooms()) {
    const RoomDef& def = floor.rooms[static_cast<std::size_t>(room)];
    out.error(def.where, "room " + quoted(def.id) +
                             " cannot be reached from the entrance of floor " + quoted(floor.id) +
                             " (no path through doors)");
  }
}

}  // namespace

void validateOffice(const OfficeDef& office, core::Diagnostics& diagnostics) {
  if (office.floors.empty()) {
    diagnostics.error(office.where, "the office has no floors (expected at least one)");
  }
  if (!(office.walkingSpeedMps > 0)) {
    diagnostics.error(office.where, "walking speed must be positive, got " +
                                        num(office.walkingSpeedMps) + " m/s");
  }
  for (std::size_t m = 0; m < office.wallLossDb.size(); ++m) {
    if (office.wallLossDb[m] < 0) {
      diagnostics.error(office.where, std::string("wall loss of ") + kWallMaterialNames[m] +
                                          " must not be negative, got " +
                                          num(office.wallLossDb[m]) + " dB");
    }
  }
  DuplicateIds floorIds("floor");
  DuplicateIds doorIds("door");
  DuplicateIds deskIds("desk");
  DuplicateIds gatewayIds("gateway");
  for (const FloorDef& floor : office.floors) {
    floorIds.check(floor.id, floor.where, diagnostics);
    checkFloor(floor, office, doorIds, deskIds, gatewayIds, diagnostics);
  }
  DuplicateIds placeIds("off-site place");
  for (const OffsitePlaceDef& place : office.offsitePlaces) {
    placeIds.check(place.id, place.where, diagnostics);
    if (place.travelTimeS < 0) {
      diagnostics.error(place.where, "off-site place " + quoted(place.id) +
                                         " has a negative travel time, " + num(place.travelTimeS) +
                                         " s");
    }
  }
}

}  // namespace irdrill::world
