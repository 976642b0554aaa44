// The scenarios shipped in scenarios/ load without a single diagnostic, the HQ office is
// geometrically sound (rooms tile the floor, doors are gaps in the walls, desks clear of
// walls), and the JSON Schema editors use accepts exactly the keys the loader accepts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include <yaml-cpp/yaml.h>

#include "sim/scenario/scenario_loader.hpp"
#include "sim/world/geometry.hpp"

namespace fs = std::filesystem;
using irdrill::scenario::KeyCatalogue;
using irdrill::scenario::loadScenarioFile;
using irdrill::scenario::ScenarioDef;
namespace world = irdrill::world;

namespace {

const fs::path kScenarioDir = fs::path(IRDRILL_TEST_DATA_DIR) / ".." / ".." / "scenarios";

ScenarioDef loadClean(const fs::path& path, KeyCatalogue* catalogue = nullptr) {
  auto result = loadScenarioFile(path.lexically_normal().string(), catalogue);
  for (const auto& d : result.diagnostics.items()) UNSCOPED_INFO(irdrill::core::formatDiagnostic(d));
  REQUIRE(result.diagnostics.items().empty());
  REQUIRE(result.scenario.has_value());
  return *result.scenario;
}

std::set<std::string> propertyNames(const YAML::Node& schemaObject) {
  std::set<std::string> names;
  for (const auto& entry : schemaObject["properties"]) names.insert(entry.first.as<std::string>());
  return names;
}

}  // namespace

TEST_CASE("Every bundled scenario loads without any diagnostic") {
  int count = 0;
  for (const auto& entry : fs::directory_iterator(kScenarioDir)) {
    if (entry.path().extension() != ".yaml") continue;  // offices/ holds parts, not scenarios
    INFO(entry.path().string());
    loadClean(entry.path());
    ++count;
  }
  CHECK(count >= 1);
}

TEST_CASE("The office day has 40 people, about 100 tags and a mix of phone scan modes") {
  const ScenarioDef def = loadClean(kScenarioDir / "office-day.yaml");
  CHECK(def.employees.size() == 40);
  std::size_t tags = 0, usbDrives = 0, bags = 0;
  std::map<std::string, int> modes;
  std::set<std::string> desks;
  for (const auto& e : def.employees) {
    ++modes[e.phone.scanMode];
    desks.insert(e.desk);
    for (const auto& item : e.items) {
      tags += item.tag ? 1 : 0;
      usbDrives += item.kind == world::ItemKind::UsbDrive && item.tag ? 1 : 0;
      bags += item.kind == world::ItemKind::Bag && item.tag ? 1 : 0;
    }
  }
  CHECK(desks.size() == 40);  // one desk each
  CHECK(tags >= 90);
  CHECK(tags <= 110);
  CHECK(usbDrives > 0);
  CHECK(bags > 0);
  CHECK(modes["balanced"] + modes["screen_off"] > 30);
  CHECK(modes["ios_background"] > 0);
  CHECK(def.dayPlans.at("default").leaveMeanS - def.dayPlans.at("default").arriveMeanS ==
        9 * 3600);
  CHECK(def.dayPlans.at("sales").clientVisitProbability > 0);
}

TEST_CASE("The HQ floor is a sound 40 x 25 m plan") {
  const ScenarioDef def = loadClean(kScenarioDir / "office-day.yaml");
  REQUIRE(def.office.floors.size() == 1);
  const world::FloorDef& floor = def.office.floors[0];
  CHECK(floor.widthM == 40);
  CHECK(floor.depthM == 25);
  CHECK(floor.desks.size() >= 40);
  CHECK(floor.gateways.size() == 6);
  CHECK(def.office.offsitePlaces.size() >= 3);

  std::map<world::RoomKind, int> kinds;
  for (const auto& room : floor.rooms) ++kinds[room.kind];
  CHECK(kinds[world::RoomKind::MeetingRoom] >= 3);
  CHECK(kinds[world::RoomKind::ServerRoom] == 1);
  CHECK(kinds[world::RoomKind::Kitchen] == 1);
  CHECK(kinds[world::RoomKind::Lobby] == 1);
  CHECK(kinds[world::RoomKind::Corridor] >= 1);

  SECTION("rooms tile the floor: every point lies in exactly one room") {
    // Sample centres of a 0.5 m grid (never on a room edge: edges are on whole metres).
    for (double x = 0.25; x < floor.widthM; x += 0.5) {
      for (double y = 0.25; y < floor.depthM; y += 0.5) {
        int inside = 0;
        for (const auto& room : floor.rooms) inside += world::containsPoint(room.outline, {x, y}) ? 1 : 0;
        INFO("point " << x << ", " << y);
        REQUIRE(inside == 1);
      }
    }
  }
  SECTION("desks stand in their room, at least 0.5 m from every wall") {
    for (const auto& desk : floor.desks) {
      INFO("desk " << desk.id);
      const auto room = std::find_if(floor.rooms.begin(), floor.rooms.end(),
                                     [&](const auto& r) { return r.id == desk.room; });
      REQUIRE(room != floor.rooms.end());
      CHECK(world::containsPoint(room->outline, desk.positionM));
      for (const auto& wall : floor.walls) {
        CHECK(world::distanceToSegmentM(desk.positionM, wall.segment) >= 0.5);
      }
    }
  }
  SECTION("doors are gaps in the walls, as wide as the door") {
    for (const auto& door : floor.doors) {
      INFO("door " << door.id);
      for (const auto& wall : floor.walls) {
        CHECK(world::distanceToSegmentM(door.positionM, wall.segment) >= door.widthM / 2 - 1e-9);
      }
    }
  }
  SECTION("the outer walls are brick or concrete and the server room is walled in concrete") {
    for (const auto& wall : floor.walls) {
      const bool outer = (wall.segment.a.xM == wall.segment.b.xM &&
                          (wall.segment.a.xM == 0 || wall.segment.a.xM == floor.widthM)) ||
                         (wall.segment.a.yM == wall.segment.b.yM &&
                          (wall.segment.a.yM == 0 || wall.segment.a.yM == floor.depthM));
      if (outer) {
        CHECK((wall.material == world::WallMaterial::Brick ||
               wall.material == world::WallMaterial::Concrete));
      }
    }
  }
}

TEST_CASE("The JSON Schema is valid JSON accepting exactly the keys the loader accepts") {
  // JSON is YAML, so yaml-cpp parses the schema.
  const YAML::Node schema = YAML::LoadFile((kScenarioDir / "scenario.schema.json").string());
  REQUIRE(schema.IsMap());
  CHECK(schema["$schema"].as<std::string>() == "https://json-schema.org/draft/2020-12/schema");

  // The loader reports the keys of every kind of mapping it meets; between them the
  // bundled scenario and good/full.yaml meet every kind.
  KeyCatalogue accepted;
  loadClean(kScenarioDir / "office-day.yaml", &accepted);
  loadClean(fs::path(IRDRILL_TEST_DATA_DIR) / "scenarios/good/full.yaml", &accepted);

  CHECK(propertyNames(schema) == accepted.at("scenario_file"));
  CHECK_FALSE(schema["additionalProperties"].as<bool>());

  const YAML::Node defs = schema["$defs"];
  for (const auto& [section, keys] : accepted) {
    if (section == "scenario_file") continue;
    INFO("schema $defs/" << section);
    REQUIRE(defs[section].IsDefined());
    CHECK(propertyNames(defs[section]) == keys);
    CHECK_FALSE(defs[section]["additionalProperties"].as<bool>());
  }
  // And the reverse: a closed mapping in the schema is one the loader knows.
  for (const auto& entry : defs) {
    const YAML::Node closed = entry.second["additionalProperties"];
    if (!closed.IsDefined() || !closed.IsScalar() || closed.as<bool>()) continue;
    INFO("schema $defs/" << entry.first.as<std::string>());
    CHECK(accepted.contains(entry.first.as<std::string>()));
  }
}

TEST_CASE("The office schema points editors at the office definition") {
  const YAML::Node office = YAML::LoadFile((kScenarioDir / "office.schema.json").string());
  CHECK(office["$ref"].as<std::string>() == "scenario.schema.json#/$defs/office");
}

TEST_CASE("The full example of docs/scenario-format.md is a valid scenario") {
  const fs::path doc = fs::path(IRDRILL_TEST_DATA_DIR) / ".." / ".." / "docs" / "scenario-format.md";
  std::ifstream in(doc);
  REQUIRE(in);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto section = text.find("## A full example");
  REQUIRE(section != std::string::npos);
  const auto start = text.find("```yaml\n", section);
  REQUIRE(start != std::string::npos);
  const auto end = text.find("```", start + 8);
  REQUIRE(end != std::string::npos);
  const auto result = irdrill::scenario::loadScenarioString(
      text.substr(start + 8, end - start - 8), (kScenarioDir / "doc-example.yaml").string());
  for (const auto& d : result.diagnostics.items()) UNSCOPED_INFO(irdrill::core::formatDiagnostic(d));
  CHECK(result.diagnostics.items().empty());
  REQUIRE(result.scenario.has_value());
  CHECK(result.scenario->employees.size() == 3);
}
