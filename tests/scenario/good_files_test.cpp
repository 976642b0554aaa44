// Valid scenario files load into the expected ScenarioDef: defaults where the file is
// silent, every key of good/full.yaml reaching its field, includes resolved with
// locations in the included files.
#include <catch2/catch.hpp>

#include <string>

#include "sim/radio/scan_modes.hpp"
#include "sim/scenario/scenario_loader.hpp"

using irdrill::scenario::loadScenarioFile;
using irdrill::scenario::ScenarioDef;
namespace world = irdrill::world;
namespace radio = irdrill::radio;

namespace {

const std::string kGoodDir = std::string(IRDRILL_TEST_DATA_DIR) + "/scenarios/good";

ScenarioDef loadValid(const std::string& name) {
  auto result = loadScenarioFile(kGoodDir + "/" + name);
  for (const auto& d : result.diagnostics.items()) UNSCOPED_INFO(irdrill::core::formatDiagnostic(d));
  REQUIRE(result.diagnostics.items().empty());
  REQUIRE(result.scenario.has_value());
  return *result.scenario;
}

bool endsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

TEST_CASE("A minimal scenario gets the defaults of the def structs") {
  const ScenarioDef def = loadValid("minimal.yaml");
  const ScenarioDef defaults;
  CHECK(def.name == "minimal");  // the file name when the scenario has none
  CHECK(def.defaultSeed == defaults.defaultSeed);
  CHECK(def.dayStartS == defaults.dayStartS);
  CHECK(def.dayEndS == defaults.dayEndS);
  CHECK(def.crowdFinding == defaults.crowdFinding);
  CHECK(def.separationDistanceM == defaults.separationDistanceM);
  CHECK(def.propagation.pathLossExponent == radio::PropagationDef{}.pathLossExponent);
  CHECK(def.phoneAlert.rssiThresholdDbm == radio::AlertRuleDef{}.rssiThresholdDbm);
  CHECK(def.office.walkingSpeedMps == world::OfficeDef{}.walkingSpeedMps);

  REQUIRE(def.dayPlans.size() == 1);
  CHECK(def.dayPlans.at("default").arriveMeanS == world::DayPlanDef{}.arriveMeanS);
  const auto builtIn = radio::builtInScanModes();
  REQUIRE(def.scanModes.size() == builtIn.size());
  for (const auto& [name, mode] : builtIn) {
    REQUIRE(def.scanModes.contains(name));
    CHECK(def.scanModes.at(name).intervalMs == mode.intervalMs);
  }

  REQUIRE(def.employees.size() == 1);
  const auto& alice = def.employees[0];
  CHECK(alice.desk == "desk-1");
  CHECK(alice.dayPlan == "default");
  CHECK(alice.phone.scanMode == radio::ReceiverDef{}.scanMode);
  REQUIRE(alice.items.size() == 1);
  CHECK(alice.items[0].id == "alice/laptop");  // local id defaults to the kind
  CHECK(alice.items[0].kind == world::ItemKind::Laptop);
  CHECK(alice.items[0].carry == world::ItemDef{}.carry);
  REQUIRE(alice.items[0].tag.has_value());  // `tag: {}` is a tag with default settings
  CHECK(alice.items[0].tag->advertisingIntervalMs == radio::TagDef{}.advertisingIntervalMs);
}

TEST_CASE("Locations are 1-based line and column in the file a definition came from") {
  const ScenarioDef def = loadValid("minimal.yaml");
  const auto& room = def.office.floors.at(0).rooms.at(0);
  CHECK(endsWith(room.where.file, "good/minimal.yaml"));
  CHECK(room.where.line == 9);  // `        - {id: room, ...` : the mapping opens at column 11
  CHECK(room.where.column == 11);
  CHECK(def.employees.at(0).where.line == 13);
  CHECK(def.employees.at(0).where.column == 5);
  // Parts left to defaults name the file, with no line.
  CHECK(endsWith(def.propagation.where.file, "good/minimal.yaml"));
  CHECK(def.propagation.where.line == 0);
  CHECK(endsWith(def.dayPlans.at("default").where.file, "good/minimal.yaml"));
}

TEST_CASE("Includes bring in a section value, list elements and top-level sections") {
  const ScenarioDef def = loadValid("with-includes.yaml");
  CHECK(def.name == "Includes");
  CHECK(def.dayStartS == 6.5 * 3600);
  CHECK(def.dayEndS == 21 * 3600);

  // office: {include: ../shared/small-office.yaml}, located in that file.
  CHECK(def.office.name == "Small office");
  CHECK(endsWith(def.office.where.file, "shared/small-office.yaml"));
  REQUIRE(def.office.floors.size() == 1);
  CHECK(def.office.floors[0].desks.size() == 4);
  CHECK(endsWith(def.office.floors[0].desks[0].where.file, "shared/small-office.yaml"));

  // include: [parts/plans.yaml] adds the plan "early"; "default" still exists.
  REQUIRE(def.dayPlans.contains("early"));
  CHECK(def.dayPlans.at("early").arriveMeanS == 7.5 * 3600);
  CHECK(def.dayPlans.contains("default"));

  // people: [..., {include: parts/staff.yaml}] splices the included list.
  REQUIRE(def.employees.size() == 3);
  CHECK(def.employees[0].id == "boss");
  CHECK(def.employees[0].dayPlan == "early");
  CHECK(def.employees[1].id == "team-01");
  CHECK(def.employees[2].id == "team-02");
  CHECK(endsWith(def.employees[1].where.file, "good/parts/staff.yaml"));
  // Auto desks: the free ones in office order (boss holds d4).
  CHECK(def.employees[1].desk == "d1");
  CHECK(def.employees[2].desk == "d2");
  CHECK(def.employees[1].phone.scanMode == "screen_off");
  CHECK(def.employees[2].phone.scanMode == "balanced");
  REQUIRE(def.employees[2].items.size() == 1);
  CHECK(def.employees[2].items[0].id == "team-02/keys");
  CHECK(def.employees[2].items[0].tag->advertisingIntervalMs == 500);
}

// good/full.yaml sets every key to a value unlike its default; each case checks a part.
TEST_CASE("The full example's scenario section and top-level values reach their fields") {
  const ScenarioDef def = loadValid("full.yaml");
  CHECK(def.name == "Full");
  CHECK(def.description == "every key");
  CHECK(def.defaultSeed == 42);
  CHECK(def.dayStartS == 6 * 3600);
  CHECK(def.dayEndS == 22 * 3600 + 30 * 60 + 15);
  CHECK_FALSE(def.crowdFinding);
  CHECK(def.separationDistanceM == 15);
}

TEST_CASE("The full example's office keys reach their fields") {
  const ScenarioDef def = loadValid("full.yaml");
  const auto& office = def.office;
  CHECK(office.name == "Full office");
  CHECK(office.walkingSpeedMps == 1.1);
  CHECK(office.wallLossDb == std::array<double, 6>{3.5, 2.5, 4.5, 9, 14, 30});
  REQUIRE(office.floors.size() == 1);
  const auto& floor = office.floors[0];
  CHECK(floor.id == "f1");
  CHECK(floor.widthM == 12);
  CHECK(floor.depthM == 9);
  CHECK(floor.entranceM == world::Vec2{1.5, 0.5});
  REQUIRE(floor.rooms.size() == 2);
  CHECK(floor.rooms[0].kind == world::RoomKind::Corridor);
  CHECK(floor.rooms[1].outline.size() == 4);
  CHECK(floor.rooms[1].outline[2] == world::Vec2{12, 9});
  REQUIRE(floor.walls.size() == 2);
  CHECK(floor.walls[0].material == world::WallMaterial::Glass);
  CHECK(floor.walls[0].lossDb == 2.0);
  CHECK(floor.walls[0].segment.b == world::Vec2{5, 4});
  CHECK(floor.walls[1].material == world::WallMaterial::Wood);
  CHECK_FALSE(floor.walls[1].lossDb.has_value());
  REQUIRE(floor.doors.size() == 2);
  CHECK(floor.doors[0].roomA == "hall");
  CHECK(floor.doors[0].roomB == "outside");
  CHECK(floor.doors[0].widthM == 1.5);
  CHECK(floor.doors[1].positionM == world::Vec2{5.5, 4});
  CHECK(floor.desks.size() == 4);
  REQUIRE(floor.gateways.size() == 1);
  CHECK(floor.gateways[0].sensitivityDbm == -97);
  REQUIRE(office.offsitePlaces.size() == 1);
  CHECK(office.offsitePlaces[0].kind == world::PlaceKind::ClientSite);
  CHECK(office.offsitePlaces[0].travelTimeS == 20 * 60);
  CHECK_FALSE(office.offsitePlaces[0].isPublic);
}

TEST_CASE("The full example's day plans and human error keys reach their fields") {
  const ScenarioDef def = loadValid("full.yaml");
  const auto& plan = def.dayPlans.at("default");
  CHECK(plan.arriveMeanS == 9 * 3600);
  CHECK(plan.arriveSdS == 10 * 60);
  CHECK(plan.leaveMeanS == 17 * 3600);
  CHECK(plan.leaveSdS == 20 * 60);
  CHECK(plan.meetingsPerDayMean == 1);
  CHECK(plan.meetingDurationMeanS == 30 * 60);
  CHECK(plan.lunchOffsiteProbability == 0.25);
  CHECK(plan.lunchDurationMeanS == 40 * 60);
  CHECK(plan.clientVisitProbability == 0.3);
  CHECK(plan.clientVisitDurationMeanS == 100 * 60);
  CHECK(plan.breaksPerDayMean == 4);
  CHECK(def.dayPlans.at("early").leaveMeanS == 16 * 3600);
  CHECK(def.humanError.leaveBehindProbability ==
        std::array<double, 7>{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7});
  CHECK(def.humanError.selfNoticeProbability == 0.25);
  CHECK(def.humanError.selfNoticeDelayMeanS == 600);
}

TEST_CASE("The full example's radio keys reach their fields") {
  const ScenarioDef def = loadValid("full.yaml");
  const auto& p = def.propagation;
  CHECK(p.referenceLossDb == 50);
  CHECK(p.pathLossExponent == 2.2);
  CHECK(p.bodyLossDb == std::array<double, 6>{1, 2, 3, 4, 5, 6});
  CHECK(p.shadowingSigmaDb == 5);
  CHECK(p.shadowingDecorrelationM == 2);
  CHECK(p.shadowingDecorrelationS == 20);
  CHECK(p.fading == radio::FadingKind::Rayleigh);
  CHECK(p.ricianK == 5);
  const auto& slow = def.scanModes.at("slow");
  CHECK(slow.name == "slow");
  CHECK(slow.windowMs == 300);
  CHECK(slow.intervalMs == 5000);
  CHECK(slow.coalescingPeriodS == 10);
  // An override of a built-in mode changes only what it names.
  CHECK(def.scanModes.at("balanced").windowMs == 200);
  CHECK(def.scanModes.at("balanced").intervalMs ==
        radio::builtInScanModes().at("balanced").intervalMs);
}

TEST_CASE("The full example's alert and reaction keys reach their fields") {
  const ScenarioDef def = loadValid("full.yaml");
  CHECK(def.phoneAlert.rssiThresholdDbm == -80);
  CHECK(def.phoneAlert.smoothing == radio::Smoothing::NOfM);
  CHECK(def.phoneAlert.movingAverageSamples == 7);
  CHECK(def.phoneAlert.nOfMN == 2);
  CHECK(def.phoneAlert.nOfMM == 4);
  CHECK(def.phoneAlert.holdS == 5);
  CHECK(def.phoneAlert.noPacketTimeoutS == 20);
  CHECK(def.gatewayAlert.rssiThresholdDbm == -92);
  CHECK(def.gatewayAlert.smoothing == radio::Smoothing::MovingAverage);
  CHECK(def.gatewayAlert.nOfMN == 4);
  CHECK(def.gatewayAlert.nOfMM == 6);
  CHECK(def.reaction.respondProbability == 0.7);
  CHECK(def.reaction.responseDelayMeanS == 90);
  CHECK(def.reaction.fatigueFactor == 0.6);
  CHECK(def.reaction.fatigueWindowS == 4 * 3600);
}

TEST_CASE("The full example's people, groups and tags reach their fields") {
  const ScenarioDef def = loadValid("full.yaml");
  REQUIRE(def.employees.size() == 4);
  const auto& solo = def.employees[0];
  CHECK(solo.dayPlan == "early");
  CHECK(solo.phone.scanMode == "low_latency");
  CHECK(solo.phone.sensitivityDbm == -90);
  REQUIRE(solo.items.size() == 2);
  const auto& laptop = solo.items[0];
  CHECK(laptop.id == "solo/work-laptop");
  CHECK(laptop.carry == radio::CarryPosition::Bag);
  CHECK_FALSE(laptop.encrypted);
  REQUIRE(laptop.tag.has_value());
  CHECK(laptop.tag->formFactor == radio::TagFormFactor::Sticker);
  CHECK(laptop.tag->advertisingIntervalMs == 1500);
  CHECK(laptop.tag->txPowerDbm == -4);
  CHECK(laptop.tag->batteryCapacityMah == 100);
  CHECK(laptop.tag->chargePerAdvEventUc == 15);
  CHECK(laptop.tag->sleepCurrentUa == 1);
  CHECK(laptop.tag->initialChargeFraction == 0.5);
  // The `tags:` entry put its tag on solo/usb_drive.
  const auto& drive = solo.items[1];
  CHECK(drive.id == "solo/usb_drive");
  REQUIRE(drive.tag.has_value());
  CHECK(drive.tag->formFactor == radio::TagFormFactor::HangingTag);
  CHECK(drive.tag->advertisingIntervalMs == 250);
  CHECK(drive.tag->txPowerDbm == 4);
  CHECK(drive.tag->batteryCapacityMah == 40);
  CHECK(drive.tag->chargePerAdvEventUc == 10);
  CHECK(drive.tag->sleepCurrentUa == 2);
  CHECK(drive.tag->initialChargeFraction == 0.9);

  // id_prefix, first_number, explicit desks in list order, scan modes in turn.
  CHECK(def.employees[1].id == "crew_07");
  CHECK(def.employees[1].desk == "a3");
  CHECK(def.employees[1].phone.scanMode == "slow");
  CHECK(def.employees[2].id == "crew_08");
  CHECK(def.employees[2].desk == "a2");
  CHECK(def.employees[2].phone.scanMode == "balanced");
  CHECK(def.employees[2].items.at(0).id == "crew_08/bag");
  CHECK_FALSE(def.employees[2].items.at(0).tag.has_value());
  // desks: {rooms: [desks]}: the only free desk left.
  CHECK(def.employees[3].id == "late-01");
  CHECK(def.employees[3].desk == "a4");
}
