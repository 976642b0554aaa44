// One floor of the office as the simulation uses it: its definition, the wall index for
// radio and walking queries, and lookups from ids and positions to rooms, desks, doors
// and gateways.
//
// Built once from a validated FloorDef (validateOffice) and immutable afterwards, so one
// plan is shared by every replication and thread. Built from an invalid def it does not
// crash: unknown names simply give -1.
#pragma once

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sim/world/geometry.hpp"
#include "sim/world/office_def.hpp"
#include "sim/world/wall_index.hpp"

namespace irdrill::world {

class FloorPlan {
 public:
  // The office supplies the per-material wall losses and the walking speed.
  FloorPlan(const FloorDef& floor, const OfficeDef& office);

  const FloorDef& def() const { return def_; }
  const WallIndex& walls() const { return walls_; }
  double widthM() const { return def_.widthM; }
  double depthM() const { return def_.depthM; }
  Vec2 entranceM() const { return def_.entranceM; }
  double walkingSpeedMps() const { return walkingSpeedMps_; }
  // Inside [0, widthM] x [0, depthM], edges included.
  bool inPlan(Vec2 p) const;

  // The room containing p (edges included), as an index into def().rooms, or -1. Where
  // rooms overlap or share an edge the first listed wins. O(rooms), a box test first.
  int roomAt(Vec2 p) const;
  // Indexes into def().rooms / desks / doors / gateways, or -1 for an unknown id. O(1).
  int roomIndex(const std::string& id) const;
  int deskIndex(const std::string& id) const;
  int doorIndex(const std::string& id) const;
  int gatewayIndex(const std::string& id) const;
  // Throws std::out_of_range for an unknown desk (validation rules it out for user input).
  Vec2 deskPosition(const std::string& deskId) const;
  // The room a desk names, or -1 when the name is unknown.
  int deskRoom(int deskIndex) const { return deskRoom_[static_cast<std::size_t>(deskIndex)]; }
  // The rooms a door joins; -1 for "outside" or an unknown name.
  int doorRoomA(int doorIndex) const {
    return doorRooms_[static_cast<std::size_t>(doorIndex)].first;
  }
  int doorRoomB(int doorIndex) const {
    return doorRooms_[static_cast<std::size_t>(doorIndex)].second;
  }

 private:
  struct Box {
    double minXM, maxXM, minYM, maxYM;
  };

  FloorDef def_;
  WallIndex walls_;
  double walkingSpeedMps_;
  std::vector<Box> roomBoxes_;
  std::unordered_map<std::string, int> roomIds_;
  std::unordered_map<std::string, int> deskIds_;
  std::unordered_map<std::string, int> doorIds_;
  std::unordered_map<std::string, int> gatewayIds_;
  std::vector<int> deskRoom_;
  std::vector<std::pair<int, int>> doorRooms_;
};

}  // namespace irdrill::world
