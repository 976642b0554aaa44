// The `office:` section: floors with rooms, walls, doors, desks and gateways, the
// off-site places, wall losses and walking speed. Checks what needs ids only (unique
// ids, desks in a room of their floor, doors joining known rooms); geometry (walls in
// the plan, desks clear of walls, rooms reachable) is world::validateOffice's.
#include <algorithm>
#include <map>

#include "sim/scenario/scenario_sections.hpp"

namespace irdrill::scenario {
namespace {

// The name a door uses for the street side of the entrance.
constexpr const char* kOutside = "outside";

// Ids seen so far for one kind of thing; the second use of an id is an error naming the
// first.
class IdSet {
 public:
  explicit IdSet(std::string noun) : noun_(std::move(noun)) {}
  // False (after reporting) when `id` was already used.
  bool add(SourceSet& s, const std::string& id, const core::SourceLocation& where) {
    const auto [it, inserted] = seen_.emplace(id, where);
    if (!inserted) {
      s.error(where, "duplicate " + noun_ + " id '" + id + "' (first at " +
                         formatLocation(it->second) + ")");
    }
    return inserted;
  }

 private:
  std::string noun_;
  std::map<std::string, core::SourceLocation> seen_;
};

void readRoom(SourceSet& s, const Node& node, world::RoomDef& room) {
  MapReader r(s, node, "room");
  room.where = r.where();
  r.id("id", room.id);
  r.choice("kind", room.kind, world::kRoomKindNames, "room kind", Need::Required);
  if (const auto outline = r.get("outline", Need::Required)) {
    if (!outline->yaml.IsSequence() || outline->yaml.size() < 3) {
      s.error(*outline, "expected an outline of at least 3 points [x_m, y_m] for room '" +
                            room.id + "', got " + describeValue(*outline));
    } else {
      for (const auto& point : outline->yaml) {
        if (const auto p = readPoint(s, s.child(*outline, point), "outline")) {
          room.outline.push_back(*p);
        }
      }
    }
  }
  if (room.id == kOutside) {
    s.error(room.where, "room id 'outside' is reserved for the street side of doors");
  }
}

void readWall(SourceSet& s, const Node& node, world::WallDef& wall) {
  MapReader r(s, node, "wall");
  wall.where = r.where();
  if (const auto from = r.get("from", Need::Required)) {
    if (const auto p = readPoint(s, *from, "from")) wall.segment.a = *p;
  }
  if (const auto to = r.get("to", Need::Required)) {
    if (const auto p = readPoint(s, *to, "to")) wall.segment.b = *p;
  }
  r.choice("material", wall.material, world::kWallMaterialNames, "wall material");
  double lossDb = 0;
  if (r.number("loss_db", lossDb, Bounds::nonNegative())) wall.lossDb = lossDb;
}

void readDoor(SourceSet& s, const Node& node, world::DoorDef& door, Node& roomsNode) {
  MapReader r(s, node, "door");
  door.where = r.where();
  roomsNode = node;
  r.id("id", door.id);
  r.position(door.positionM);
  if (const auto rooms = r.get("rooms", Need::Required)) {
    roomsNode = *rooms;
    if (!rooms->yaml.IsSequence() || rooms->yaml.size() != 2) {
      s.error(*rooms, "expected the two rooms a door joins, [room, room] or [room, outside], "
                      "got " + describeValue(*rooms));
    } else {
      const auto a = readId(s, s.child(*rooms, rooms->yaml[0]), "rooms");
      const auto b = readId(s, s.child(*rooms, rooms->yaml[1]), "rooms");
      if (a) door.roomA = *a;
      if (b) door.roomB = *b;
    }
  }
  r.number("width_m", door.widthM, Bounds::positive());
}

void readDesk(SourceSet& s, const Node& node, world::DeskDef& desk, Node& roomNode) {
  MapReader r(s, node, "desk");
  desk.where = r.where();
  roomNode = node;
  r.id("id", desk.id);
  if (const auto room = r.get("room", Need::Required)) {
    roomNode = *room;
    if (const auto id = readId(s, *room, "room")) desk.room = *id;
  }
  r.position(desk.positionM);
}

void readGateway(SourceSet& s, const Node& node, world::GatewayDef& gateway) {
  MapReader r(s, node, "gateway");
  gateway.where = r.where();
  r.id("id", gateway.id);
  r.position(gateway.positionM);
  r.number("sensitivity_dbm", gateway.sensitivityDbm, Bounds::between(-130, 0));
}

// Desks and gateways are named from outside their floor (people sit at desks), so their
// ids are unique across the office; rooms and doors only within their floor.
void readFloor(SourceSet& s, const Node& node, world::FloorDef& floor, IdSet& deskIds,
               IdSet& gatewayIds) {
  MapReader r(s, node, "floor");
  floor.where = r.where();
  r.id("id", floor.id);
  r.number("width_m", floor.widthM, Bounds::positive(), Need::Required);
  r.number("depth_m", floor.depthM, Bounds::positive(), Need::Required);
  if (const auto entrance = r.get("entrance", Need::Required)) {
    MapReader e(s, *entrance, "position");
    e.position(floor.entranceM);
  }

  IdSet roomIds("room");
  if (const auto rooms = r.get("rooms", Need::Required)) {
    for (const Node& element : readList(s, *rooms, "rooms")) {
      world::RoomDef room;
      readRoom(s, element, room);
      if (!room.id.empty() && roomIds.add(s, room.id, room.where)) {
        floor.rooms.push_back(std::move(room));
      }
    }
  }
  std::vector<std::string> roomNames;
  for (const auto& room : floor.rooms) roomNames.push_back(room.id);
  auto isRoom = [&](const std::string& id) {
    return std::find(roomNames.begin(), roomNames.end(), id) != roomNames.end();
  };

  if (const auto walls = r.get("walls")) {
    for (const Node& element : readList(s, *walls, "walls")) {
      world::WallDef wall;
      readWall(s, element, wall);
      floor.walls.push_back(std::move(wall));
    }
  }

  IdSet doorIds("door");
  if (const auto doors = r.get("doors")) {
    std::vector<std::string> doorRoomNames = roomNames;
    doorRoomNames.push_back(kOutside);
    for (const Node& element : readList(s, *doors, "doors")) {
      world::DoorDef door;
      Node roomsNode;
      readDoor(s, element, door, roomsNode);
      for (const std::string* room : {&door.roomA, &door.roomB}) {
        if (!room->empty() && *room != kOutside && !isRoom(*room)) {
          s.error(roomsNode, "door '" + door.id + "' joins unknown room '" + *room + "' (" +
                                 expectedOneOf(doorRoomNames, *room) + ")");
        }
      }
      if (!door.roomA.empty() && door.roomA == door.roomB) {
        s.error(roomsNode, "door '" + door.id + "' joins room '" + door.roomA + "' to itself");
      }
      if (!door.id.empty() && doorIds.add(s, door.id, door.where)) {
        floor.doors.push_back(std::move(door));
      }
    }
  }

  if (const auto desks = r.get("desks")) {
    for (const Node& element : readList(s, *desks, "desks")) {
      world::DeskDef desk;
      Node roomNode;
      readDesk(s, element, desk, roomNode);
      if (!desk.room.empty() && !isRoom(desk.room)) {
        s.error(roomNode, "desk '" + desk.id + "' is in unknown room '" + desk.room + "' (" +
                              expectedOneOf(roomNames, desk.room) + ")");
      }
      if (!desk.id.empty() && deskIds.add(s, desk.id, desk.where)) {
        floor.desks.push_back(std::move(desk));
      }
    }
  }

  if (const auto gateways = r.get("gateways")) {
    for (const Node& element : readList(s, *gateways, "gateways")) {
      world::GatewayDef gateway;
      readGateway(s, element, gateway);
      if (!gateway.id.empty() && gatewayIds.add(s, gateway.id, gateway.where)) {
        floor.gateways.push_back(std::move(gateway));
      }
    }
  }
}

void readOffsitePlace(SourceSet& s, const Node& node, world::OffsitePlaceDef& place) {
  MapReader r(s, node, "offsite_place");
  place.where = r.where();
  r.id("id", place.id);
  r.choice("kind", place.kind, world::kPlaceKindNames, "place kind", Need::Required);
  r.duration("travel_time_min", place.travelTimeS, 60.0, Bounds::nonNegative());
  r.boolean("public", place.isPublic);
}

}  // namespace

void readOffice(SourceSet& s, const Node& node, world::OfficeDef& out) {
  MapReader r(s, node, "office");
  out.where = r.where();
  r.text("name", out.name);
  r.number("walking_speed_mps", out.walkingSpeedMps, Bounds::positive());
  if (const auto losses = r.get("wall_loss_db")) {
    MapReader l(s, *losses, "wall_loss_db");
    for (std::size_t m = 0; m < world::kWallMaterialNames.size(); ++m) {
      l.number(world::kWallMaterialNames[m], out.wallLossDb[m], Bounds::nonNegative());
    }
  }

  IdSet floorIds("floor");
  IdSet deskIds("desk");
  IdSet gatewayIds("gateway");
  if (const auto floors = r.get("floors", Need::Required)) {
    const std::vector<Node> elements = readList(s, *floors, "floors");
    if (elements.empty() && floors->yaml.IsSequence()) {
      s.error(*floors, "an office needs at least one floor");
    }
    for (const Node& element : elements) {
      world::FloorDef floor;
      readFloor(s, element, floor, deskIds, gatewayIds);
      if (!floor.id.empty() && floorIds.add(s, floor.id, floor.where)) {
        out.floors.push_back(std::move(floor));
      }
    }
  }

  IdSet placeIds("off-site place");
  if (const auto places = r.get("offsite_places")) {
    for (const Node& element : readList(s, *places, "offsite_places")) {
      world::OffsitePlaceDef place;
      readOffsitePlace(s, element, place);
      if (!place.id.empty() && placeIds.add(s, place.id, place.where)) {
        out.offsitePlaces.push_back(std::move(place));
      }
    }
  }
}

}  // namespace irdrill::scenario
