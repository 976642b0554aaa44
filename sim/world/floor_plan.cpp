// FloorPlan: id tables and room lookup (see floor_plan.hpp).
#include "sim/world/floor_plan.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace irdrill::world {

namespace {
// Index of each id; on a duplicate the first keeps the name (validation reports it).
template <class Def>
std::unordered_map<std::string, int> indexIds(const std::vector<Def>& defs) {
  std::unordered_map<std::string, int> ids;
  ids.reserve(defs.size());
  for (std::size_t i = 0; i < defs.size(); ++i) ids.emplace(defs[i].id, static_cast<int>(i));
  return ids;
}

int lookup(const std::unordered_map<std::string, int>& ids, const std::string& id) {
  const auto it = ids.find(id);
  return it == ids.end() ? -1 : it->second;
}
}  // namespace

FloorPlan::FloorPlan(const FloorDef& floor, const OfficeDef& office)
    : def_(floor),
      walls_(floor.walls, office.wallLossDb, floor.widthM, floor.depthM),
      walkingSpeedMps_(office.walkingSpeedMps),
      roomIds_(indexIds(floor.rooms)),
      deskIds_(indexIds(floor.desks)),
      doorIds_(indexIds(floor.doors)),
      gatewayIds_(indexIds(floor.gateways)) {
  roomBoxes_.reserve(def_.rooms.size());
  for (const RoomDef& room : def_.rooms) {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    // An empty outline gets an empty box (min > max), which no point is inside.
    Box box{kInf, -kInf, kInf, -kInf};
    for (const Vec2& v : room.outline) {
      box.minXM = std::min(box.minXM, v.xM);
      box.maxXM = std::max(box.maxXM, v.xM);
      box.minYM = std::min(box.minYM, v.yM);
      box.maxYM = std::max(box.maxYM, v.yM);
    }
    roomBoxes_.push_back(box);
  }
  deskRoom_.reserve(def_.desks.size());
  for (const DeskDef& desk : def_.desks) deskRoom_.push_back(roomIndex(desk.room));
  doorRooms_.reserve(def_.doors.size());
  for (const DoorDef& door : def_.doors) {
    doorRooms_.emplace_back(roomIndex(door.roomA), roomIndex(door.roomB));
  }
}

bool FloorPlan::inPlan(Vec2 p) const {
  return p.xM >= 0 && p.xM <= def_.widthM && p.yM >= 0 && p.yM <= def_.depthM;
}

int FloorPlan::roomAt(Vec2 p) const {
  for (std::size_t i = 0; i < def_.rooms.size(); ++i) {
    const Box& b = roomBoxes_[i];
    if (p.xM < b.minXM || p.xM > b.maxXM || p.yM < b.minYM || p.yM > b.maxYM) continue;
    if (def_.rooms[i].outline.size() >= 3 && containsPoint(def_.rooms[i].outline, p)) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

int FloorPlan::roomIndex(const std::string& id) const { return lookup(roomIds_, id); }
int FloorPlan::deskIndex(const std::string& id) const { return lookup(deskIds_, id); }
int FloorPlan::doorIndex(const std::string& id) const { return lookup(doorIds_, id); }
int FloorPlan::gatewayIndex(const std::string& id) const { return lookup(gatewayIds_, id); }

Vec2 FloorPlan::deskPosition(const std::string& deskId) const {
  const int i = deskIndex(deskId);
  if (i < 0) throw std::out_of_range("FloorPlan: unknown desk '" + deskId + "'");
  return def_.desks[static_cast<std::size_t>(i)].positionM;
}

}  // namespace irdrill::world
