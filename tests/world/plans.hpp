// Crafted floor plans shared by the world tests, built in code with hand-checkable
// coordinates (every coordinate a small multiple of 0.05 m, most exact in binary).
#pragma once

#include <string>
#include <vector>

#include "sim/world/office_def.hpp"

namespace irdrill::world::testplans {

// prefix + column digit + row digit, e.g. "r21". Appended piece by piece: GCC 12 warns
// (-Wrestrict, a false positive) on "r" + std::to_string(...).
inline std::string gridId(char prefix, int col, int row) {
  std::string id(1, prefix);
  id += std::to_string(col);
  id += std::to_string(row);
  return id;
}

inline WallDef wall(Vec2 a, Vec2 b, WallMaterial material = WallMaterial::Drywall) {
  WallDef w;
  w.segment = {a, b};
  w.material = material;
  return w;
}

inline RoomDef room(std::string id, double x0, double y0, double x1, double y1) {
  RoomDef r;
  r.id = std::move(id);
  r.outline = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
  return r;
}

inline DoorDef door(std::string id, Vec2 p, std::string a, std::string b) {
  DoorDef d;
  d.id = std::move(id);
  d.positionM = p;
  d.roomA = std::move(a);
  d.roomB = std::move(b);
  return d;
}

inline DeskDef desk(std::string id, std::string roomId, Vec2 p) {
  DeskDef d;
  d.id = std::move(id);
  d.room = std::move(roomId);
  d.positionM = p;
  return d;
}

// A wall along a -> b (axis-aligned) with a 0.9 m gap centred at `gapCentre` on it.
inline void wallWithGap(std::vector<WallDef>& walls, Vec2 a, Vec2 b, Vec2 gapCentre,
                        WallMaterial material = WallMaterial::Drywall) {
  const Vec2 dir = (b - a) * (1.0 / distanceM(a, b));
  walls.push_back(wall(a, gapCentre - dir * 0.45, material));
  walls.push_back(wall(gapCentre + dir * 0.45, b, material));
}

// 30 x 30 m, a 3 x 3 grid of 10 m rooms r<col><row> (r00 south-west, r21 = column 2,
// row 1), no doors. Every interior wall is one 10 m segment per room edge so a test can
// give each its own material; outer walls are concrete. Wall order: the vertical interior
// walls x = 10, 20 by row (x=10: rows 0,1,2 then x=20: rows 0,1,2), then the horizontal
// y = 10, 20 by column, then the four outer walls.
inline FloorDef gridOfRooms() {
  FloorDef f;
  f.id = "grid";
  f.widthM = 30;
  f.depthM = 30;
  for (int col = 0; col < 3; ++col) {
    for (int row = 0; row < 3; ++row) {
      f.rooms.push_back(
          room(gridId('r', col, row), col * 10.0, row * 10.0, col * 10.0 + 10, row * 10.0 + 10));
    }
  }
  for (double x : {10.0, 20.0}) {
    for (int row = 0; row < 3; ++row)
      f.walls.push_back(wall({x, row * 10.0}, {x, row * 10.0 + 10}));
  }
  for (double y : {10.0, 20.0}) {
    for (int col = 0; col < 3; ++col)
      f.walls.push_back(wall({col * 10.0, y}, {col * 10.0 + 10, y}));
  }
  f.walls.push_back(wall({0, 0}, {30, 0}, WallMaterial::Concrete));
  f.walls.push_back(wall({30, 0}, {30, 30}, WallMaterial::Concrete));
  f.walls.push_back(wall({30, 30}, {0, 30}, WallMaterial::Concrete));
  f.walls.push_back(wall({0, 30}, {0, 0}, WallMaterial::Concrete));
  f.entranceM = {5, 0};
  return f;
}

// 10 x 5 m: rooms a = [0,5]x[0,5] and b = [5,10]x[0,5], walled all round; the wall
// x = 5 has a door gap centred at (5, 2.5); the entrance door is at (0, 2.5) on the west
// wall (gap too), to "outside". A third room c = [10,15]x[0,5] exists when `withCut` is
// true: walled off with no door.
inline FloorDef twoRooms(bool withCut = false) {
  FloorDef f;
  f.id = "two";
  f.widthM = withCut ? 15 : 10;
  f.depthM = 5;
  f.rooms = {room("a", 0, 0, 5, 5), room("b", 5, 0, 10, 5)};
  f.walls.push_back(wall({0, 0}, {10, 0}));
  f.walls.push_back(wall({10, 5}, {0, 5}));
  f.walls.push_back(wall({10, 0}, {10, 5}));
  wallWithGap(f.walls, {0, 0}, {0, 5}, {0, 2.5});
  wallWithGap(f.walls, {5, 0}, {5, 5}, {5, 2.5});
  f.doors = {door("front", {0, 2.5}, "a", "outside"), door("ab", {5, 2.5}, "a", "b")};
  if (withCut) {
    f.rooms.push_back(room("c", 10, 0, 15, 5));
    f.walls.push_back(wall({10, 0}, {15, 0}));
    f.walls.push_back(wall({15, 0}, {15, 5}));
    f.walls.push_back(wall({15, 5}, {10, 5}));
  }
  f.entranceM = {0, 2.5};
  return f;
}

// An L-shaped room, [0,10]x[0,4] united with [0,4]x[4,10], walled along its outline; the
// reflex corner is (4, 4). Entrance door on the west wall at (0, 2).
inline FloorDef lShapedRoom() {
  FloorDef f;
  f.id = "ell";
  f.widthM = 10;
  f.depthM = 10;
  RoomDef r;
  r.id = "ell";
  r.outline = {{0, 0}, {10, 0}, {10, 4}, {4, 4}, {4, 10}, {0, 10}};
  f.rooms = {r};
  f.walls.push_back(wall({0, 0}, {10, 0}));
  f.walls.push_back(wall({10, 0}, {10, 4}));
  f.walls.push_back(wall({10, 4}, {4, 4}));
  f.walls.push_back(wall({4, 4}, {4, 10}));
  f.walls.push_back(wall({4, 10}, {0, 10}));
  wallWithGap(f.walls, {0, 10}, {0, 0}, {0, 2});
  f.doors = {door("front", {0, 2}, "ell", "outside")};
  f.entranceM = {0, 2};
  return f;
}

inline OfficeDef officeWith(FloorDef floor) {
  OfficeDef office;
  office.name = "test";
  office.floors.push_back(std::move(floor));
  return office;
}

}  // namespace irdrill::world::testplans
