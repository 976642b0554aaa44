// A small office built in code for the day tests: a 20 x 10 m floor split into an open
// desk room (west) and a kitchen (east) by a drywall with a door, one gateway, one cafe
// and one client site, and `people` employees each carrying a tagged laptop in a bag and
// a tagged ID card in a pocket.
#pragma once

#include <string>

#include "sim/scenario/scenario_def.hpp"

namespace irdrill::testing {

inline scenario::ScenarioDef smallOffice(int people) {
  using namespace irdrill::world;
  scenario::ScenarioDef s;
  s.name = "small-office";
  s.dayStartS = 7 * 3600;
  s.dayEndS = 20 * 3600;
  FloorDef floor;
  floor.id = "ground";
  floor.widthM = 20;
  floor.depthM = 10;
  floor.entranceM = {1, 5};
  floor.rooms.push_back({"desks", RoomKind::OpenDesks, {{0, 0}, {12, 0}, {12, 10}, {0, 10}}, {}});
  floor.rooms.push_back({"kitchen", RoomKind::Kitchen, {{12, 0}, {20, 0}, {20, 10}, {12, 10}}, {}});
  const auto wall = [](Vec2 a, Vec2 b, WallMaterial m) { return WallDef{{a, b}, m, std::nullopt, {}}; };
  floor.walls.push_back(wall({0, 0}, {20, 0}, WallMaterial::Brick));
  floor.walls.push_back(wall({20, 0}, {20, 10}, WallMaterial::Brick));
  floor.walls.push_back(wall({20, 10}, {0, 10}, WallMaterial::Brick));
  floor.walls.push_back(wall({0, 10}, {0, 6}, WallMaterial::Brick));   // entrance gap 4..6
  floor.walls.push_back(wall({0, 4}, {0, 0}, WallMaterial::Brick));
  floor.walls.push_back(wall({12, 0}, {12, 4.5}, WallMaterial::Drywall));  // door gap 4.5..5.5
  floor.walls.push_back(wall({12, 5.5}, {12, 10}, WallMaterial::Drywall));
  floor.doors.push_back({"kitchen-door", {12, 5}, "desks", "kitchen", 1.0, {}});
  floor.doors.push_back({"entrance", {0, 5}, "desks", "outside", 2.0, {}});
  for (int i = 0; i < people; ++i) {
    const double x = 2 + 2.0 * (i % 5);
    const double y = i < 5 ? 2.0 : 8.0;
    floor.desks.push_back({"desk-" + std::to_string(i), "desks", {x, y}, {}});
  }
  floor.gateways.push_back({"gw-1", {6, 5}, -95, {}});
  s.office.name = "small";
  s.office.floors.push_back(floor);
  s.office.offsitePlaces.push_back({"cafe", PlaceKind::Cafe, 300, true, {}});
  s.office.offsitePlaces.push_back({"client", PlaceKind::ClientSite, 1200, false, {}});
  s.dayPlans["default"] = DayPlanDef{};
  for (int i = 0; i < people; ++i) {
    EmployeeDef e;
    e.id = "emp-" + std::to_string(i);
    e.desk = "desk-" + std::to_string(i);
    e.phone.scanMode = "balanced";
    ItemDef laptop;
    laptop.id = e.id + "-laptop";
    laptop.kind = ItemKind::Laptop;
    laptop.carry = radio::CarryPosition::Bag;
    laptop.tag = radio::TagDef{};
    laptop.tag->formFactor = radio::TagFormFactor::Sticker;
    ItemDef card;
    card.id = e.id + "-card";
    card.kind = ItemKind::IdCard;
    card.carry = radio::CarryPosition::FrontPocket;
    card.tag = radio::TagDef{};
    e.items = {laptop, card};
    s.employees.push_back(e);
  }
  return s;
}

}  // namespace irdrill::testing
