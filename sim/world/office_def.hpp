// The definition of an office: floors with rooms, walls, doors, desks and fixed BLE
// gateways, plus places outside the office reached by travel time.
//
// "Def" structs are plain data filled by the scenario loader (or by code in tests and
// samples). Each carries the SourceLocation it was read from, so semantic checks made
// later report `file:line:col`. Ids are unique strings within their kind.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/world/geometry.hpp"

namespace irdrill::world {

enum class RoomKind { OpenDesks, MeetingRoom, ServerRoom, Lobby, Kitchen, Office, Corridor, Storage };
inline constexpr std::array<const char*, 8> kRoomKindNames{
    "open_desks", "meeting_room", "server_room", "lobby", "kitchen", "office", "corridor",
    "storage"};

enum class WallMaterial { Drywall, Glass, Wood, Brick, Concrete, Metal };
inline constexpr std::array<const char*, 6> kWallMaterialNames{
    "drywall", "glass", "wood", "brick", "concrete", "metal"};

// One-way penetration loss at 2.4 GHz, dB, by material (index = WallMaterial).
// Typical mid-range values from published 2.4 GHz measurements (e.g. Wilson, "Propagation
// losses through common building materials 2.4 GHz vs 5 GHz", Magis Networks, 2002;
// ITU-R P.2040): drywall ~3, clear glass ~2-3, wood door ~3-4, brick ~6-10, concrete
// ~10-15, metal ~20-30. Scenarios override them per material.
inline constexpr std::array<double, 6> kDefaultWallLossDb{3.0, 3.0, 4.0, 8.0, 12.0, 26.0};

enum class PlaceKind { Cafe, ClientSite, Train, Home, Other };
inline constexpr std::array<const char*, 5> kPlaceKindNames{"cafe", "client_site", "train",
                                                            "home", "other"};

struct RoomDef {
  std::string id;
  RoomKind kind = RoomKind::OpenDesks;
  Polygon outline;  // metres, floor coordinates
  core::SourceLocation where;
};

struct WallDef {
  Segment segment;  // metres
  WallMaterial material = WallMaterial::Drywall;
  std::optional<double> lossDb;  // overrides the material's loss for this wall
  core::SourceLocation where;
};

// A door is a gap a person walks through; it joins two rooms (or a room and "outside"
// for the entrance). Radio passes a door opening freely.
struct DoorDef {
  std::string id;
  Vec2 positionM;
  std::string roomA;
  std::string roomB;  // "outside" for a door to the street
  double widthM = 0.9;
  core::SourceLocation where;
};

struct DeskDef {
  std::string id;
  std::string room;
  Vec2 positionM;
  core::SourceLocation where;
};

// A fixed receiver scanning continuously (mains powered).
struct GatewayDef {
  std::string id;
  Vec2 positionM;
  double sensitivityDbm = -95.0;
  core::SourceLocation where;
};

struct FloorDef {
  std::string id;
  double widthM = 0;  // the plan spans [0, widthM] x [0, depthM]
  double depthM = 0;
  std::vector<RoomDef> rooms;
  std::vector<WallDef> walls;
  std::vector<DoorDef> doors;
  std::vector<DeskDef> desks;
  std::vector<GatewayDef> gateways;
  Vec2 entranceM;  // where people enter and leave the floor
  core::SourceLocation where;
};

struct OffsitePlaceDef {
  std::string id;
  PlaceKind kind = PlaceKind::Other;
  double travelTimeS = 600;  // one way, from the office entrance
  bool isPublic = true;      // strangers present: thieves, crowd-finding phones
  core::SourceLocation where;
};

struct OfficeDef {
  std::string name;
  std::vector<FloorDef> floors;  // one is required today; the model is ready for more
  std::vector<OffsitePlaceDef> offsitePlaces;
  std::array<double, 6> wallLossDb = kDefaultWallLossDb;  // index = WallMaterial
  double walkingSpeedMps = 1.3;
  core::SourceLocation where;
};

}  // namespace irdrill::world
