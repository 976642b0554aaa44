// The harm side of a scenario file: `incidents:`, `thieves:`, `item_fate:`, `detection:`,
// the scenario's horizon and start weekday, and an item's records. good/full.yaml sets
// every key to a value unlike its default; inline files check the rules one at a time.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/scenario/scenario_loader.hpp"

using irdrill::scenario::loadScenarioFile;
using irdrill::scenario::loadScenarioString;
using irdrill::scenario::LoadResult;
using irdrill::scenario::ScenarioDef;
namespace core = irdrill::core;
namespace incident = irdrill::incident;

namespace {

const std::string kGoodDir = std::string(IRDRILL_TEST_DATA_DIR) + "/scenarios/good";
// Inline files "live" in tests/data/scenarios/good, so includes resolve from there.
const std::string kInlineName = kGoodDir + "/inline.yaml";

// An office, two employees with items, and a procedure to name.
const char* const kBase =
    "office: {include: ../shared/small-office.yaml}\n"
    "people:\n"
    "  - {id: ana, desk: d1, items: [{kind: laptop}, {id: stick, kind: usb_drive}]}\n"
    "  - {id: ben, desk: d2}\n"
    "team: {roles: [{id: desk}]}\n"
    "procedures: [{id: p, steps: [{id: s, role: desk}]}]\n";
// kBase is 6 lines: what follows starts on line 7.

LoadResult load(const std::string& yaml) { return loadScenarioString(yaml, kInlineName); }

// Messages without the directory, as "inline.yaml:3:5: error: ...".
std::vector<std::string> messages(const LoadResult& result) {
  const std::string prefix = kGoodDir + "/";
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics.items()) {
    std::string text = core::formatDiagnostic(d);
    for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix)) {
      text.erase(at, prefix.size());
    }
    out.push_back(text);
  }
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string all;
  for (const auto& line : lines) all += line + "\n";
  return all;
}

// The only message of loading kBase + `yaml`.
std::string onlyMessage(const std::string& yaml) {
  const auto lines = messages(load(std::string(kBase) + yaml));
  INFO(joined(lines));
  REQUIRE(lines.size() == 1);
  return lines[0];
}

ScenarioDef loadValid(const std::string& yaml) {
  const auto result = load(std::string(kBase) + yaml);
  INFO(joined(messages(result)));
  REQUIRE(result.scenario.has_value());
  return *result.scenario;
}

ScenarioDef loadFull() {
  auto result = loadScenarioFile(kGoodDir + "/full.yaml");
  INFO(joined(messages(result)));
  REQUIRE(result.diagnostics.items().empty());
  return *result.scenario;
}

constexpr double kHour = 3600, kDay = 24 * kHour;

}  // namespace

TEST_CASE("The full example's horizon, start weekday and item records reach their fields") {
  const ScenarioDef def = loadFull();
  CHECK(def.horizonS == 14 * kDay);
  CHECK(def.startWeekday == 2);  // wednesday
  CHECK(def.employees.at(0).items.at(0).records == 1200);
  CHECK(def.employees.at(0).items.at(1).records == 0);  // the default
}

TEST_CASE("The full example's incident entries reach their fields, block by kind") {
  const ScenarioDef def = loadFull();
  REQUIRE(def.incidents.size() == 4);

  const auto& cyber = def.incidents[0];
  CHECK(cyber.id == "intrusion");
  CHECK(cyber.kind == incident::IncidentKind::CyberIntrusion);
  CHECK(cyber.arrival == incident::ArrivalKind::Scheduled);
  CHECK(cyber.atS == 1 * kDay + 10 * kHour + 15 * 60);
  CHECK(cyber.procedure == "variant");
  CHECK(cyber.cyber.vector == incident::AccessVector::VulnerableService);
  CHECK(cyber.cyber.objective == incident::Objective::Ransomware);
  const auto& stages = cyber.cyber.stageDuration;
  CHECK(stages[0].kind == core::DistributionKind::Fixed);
  CHECK(stages[0].valueS == 600);
  CHECK(stages[1].kind == core::DistributionKind::Uniform);
  CHECK(stages[1].minS == kHour);
  CHECK(stages[1].maxS == 3 * kHour);
  CHECK(stages[2].kind == core::DistributionKind::Triangular);
  CHECK(stages[2].modeS == 4 * kHour);
  CHECK(stages[3].kind == core::DistributionKind::Lognormal);
  CHECK(stages[3].meanS == 6 * kHour);
  CHECK(stages[3].sdS == 2 * kHour);
  CHECK(stages[4].kind == core::DistributionKind::Exponential);
  CHECK(stages[4].meanS == 45 * 60);
  CHECK(cyber.cyber.recordsAvailable == 5000);
  CHECK(cyber.cyber.exfiltrationRecordsPerHour == 250);
  CHECK(cyber.cyber.reentryProbability == 0.25);
  CHECK(cyber.where.line > 0);

  const auto& insider = def.incidents[1];
  CHECK(insider.kind == incident::IncidentKind::Insider);
  CHECK(insider.arrival == incident::ArrivalKind::Poisson);
  CHECK(insider.ratePerDay == 0.05);
  CHECK(insider.procedure.empty());  // the scenario's procedure_for decides
  CHECK(insider.insider.person == "crew_07");
  CHECK(insider.insider.recordsToCopy == 800);
  CHECK(insider.insider.copyDuration.valueS == 20 * 60);
  CHECK(insider.insider.walkOutAfter.kind == core::DistributionKind::Uniform);
  CHECK(insider.insider.walkOutAfter.maxS == kHour);

  const auto& lost = def.incidents[2];
  CHECK(lost.kind == incident::IncidentKind::LostItem);
  CHECK(lost.atS == 12.5 * kHour);
  CHECK(lost.loss.person == "solo");
  CHECK(lost.loss.item == "work-laptop");  // as written under the person
  CHECK(lost.loss.placeKind == "cafe");

  const auto& theft = def.incidents[3];
  CHECK(theft.kind == incident::IncidentKind::Theft);
  CHECK(theft.atS == 2 * kDay + 8 * kHour + 5 * 60 + 30);
  CHECK(theft.loss.person == "crew_08");
  CHECK(theft.loss.item == "bag");
  CHECK(theft.loss.placeKind == "office");
}

TEST_CASE("The full example's thieves, item fate and detection keys reach their fields") {
  const ScenarioDef def = loadFull();
  CHECK(def.thieves.takePerMinuteByPlace == std::array<double, 5>{0.02, 0.001, 0.03, 0.0001, 0.004});
  CHECK(def.thieves.takePerMinuteLobby == 0.003);

  const auto& fate = def.itemFate;
  CHECK(fate.finderAccessProbability == 0.1);
  CHECK(fate.thiefAccessProbability == 0.6);
  CHECK(fate.accessDelay.meanS == 6 * kHour);
  CHECK(fate.credentialMisuseProbability == 0.3);
  CHECK(fate.handInProbability == 0.4);
  CHECK(fate.handInDelay.meanS == 2 * kDay);
  CHECK(fate.wipeSuccessProbability == 0.8);
  CHECK(fate.wipeDelay.meanS == 3 * kHour);
  CHECK(fate.searchFindProbabilityKnown == 0.95);
  CHECK(fate.searchFindProbabilityUnknown == 0.1);
  CHECK(fate.policeRecoveryProbability == 0.15);
  CHECK(fate.policeRecoveryDelay.minS == 2 * kDay);
  CHECK(fate.policeRecoveryDelay.maxS == 9 * kDay);

  const auto& d = def.detection;
  CHECK(d.monitoringPerHour == std::array<double, 5>{0.1, 0.2, 0.3, 0.4, 0.5});
  CHECK(d.insiderCopyPerHour == 0.6);
  CHECK(d.logReviewIntervalS == 3 * kDay);
  CHECK(d.logReviewFindProbability == 0.4);
  CHECK(d.phishingReportProbability == 0.25);
  CHECK(d.phishingReportDelay.meanS == kHour);
  CHECK(d.lossReportDelay.meanS == 6 * kHour);
  CHECK(d.lossReportDelay.sdS == 3 * kHour);
  CHECK(d.siteMonitoringDelay.meanS == 10 * 60);
  CHECK(d.outsideNoticeProbability == 0.35);
  CHECK(d.outsideNoticeDelay.meanS == 5 * kDay);
  CHECK_FALSE(d.tagAlertsReachTeam);
}

TEST_CASE("A scenario without incident sections keeps the model defaults, located at the file") {
  const ScenarioDef def = loadValid("");
  const ScenarioDef defaults;
  CHECK(def.horizonS == defaults.horizonS);
  CHECK(def.startWeekday == 0);
  CHECK(def.incidents.empty());
  CHECK(def.thieves.takePerMinuteLobby == incident::ThievesDef{}.takePerMinuteLobby);
  CHECK(def.detection.logReviewIntervalS == incident::DetectionDef{}.logReviewIntervalS);
  CHECK(def.itemFate.where.file == kInlineName);
  CHECK(def.itemFate.where.line == 0);
  CHECK(def.procedureForKind == std::array<std::string, 4>{});
}

TEST_CASE("An incident starts at HH:MM on day 0 or at day N HH:MM, and 09:00 when not given") {
  auto startOf = [](const std::string& at) {
    const auto result = load(std::string(kBase) + "incidents: [{id: i, kind: insider, at: \"" +
                             at + "\"}]\n");
    return result.scenario ? result.scenario->incidents.at(0).atS : -1;
  };
  CHECK(startOf("09:30") == 9.5 * kHour);
  CHECK(startOf("day 2 14:00") == 2 * kDay + 14 * kHour);
  CHECK(startOf("day 0 7:05:09") == 7 * kHour + 5 * 60 + 9);
  CHECK(startOf("  day  3   00:00 ") == 3 * kDay);
  for (const char* bad : {"9", "day 2", "day two 09:00", "day2 09:00", "25:00", "day -1 09:00",
                          "09:30 day 2", "day 29 24:01"}) {
    INFO(bad);
    CHECK(startOf(bad) == -1);
  }
  CHECK(loadValid("incidents: [{id: i, kind: insider}]\n").incidents.at(0).atS == 9 * kHour);
  CHECK(onlyMessage("incidents: [{id: i, kind: insider, at: \"day x 9:00\"}]\n") ==
        "inline.yaml:7:40: error: expected \"HH:MM\" (day 0) or \"day N HH:MM\" for 'at', got "
        "the text \"day x 9:00\"");
}

TEST_CASE("A scheduled start after the horizon is an error naming both") {
  CHECK(onlyMessage("scenario: {horizon: 2d}\n"
                    "incidents: [{id: late, kind: insider, at: \"day 2 00:00\"}]\n") ==
        "inline.yaml:8:43: error: incident 'late' starts at day 2 00:00, after the horizon (2d)");
}

TEST_CASE("The horizon is a duration with a unit and the start weekday a day's full name") {
  CHECK(loadValid("scenario: {horizon: 36h, start_weekday: sunday}\n").horizonS == 36 * kHour);
  CHECK(loadValid("scenario: {start_weekday: sunday}\n").startWeekday == 6);
  CHECK(onlyMessage("scenario: {horizon: 30}\n") ==
        "inline.yaml:7:21: error: missing unit in '30' (expected s, m, h or d)");
  CHECK(onlyMessage("scenario: {horizon: \"uniform(1d, 2d)\"}\n") ==
        "inline.yaml:7:21: error: expected a single duration such as '72h' for 'horizon', not a "
        "distribution");
  CHECK(onlyMessage("scenario: {horizon: 0d}\n") ==
        "inline.yaml:7:21: error: 'horizon' must be > 0, got 0d");
  CHECK(onlyMessage("scenario: {start_weekday: mon}\n") ==
        "inline.yaml:7:27: error: unknown weekday 'mon' (expected one of: monday, tuesday, "
        "wednesday, thursday, friday, saturday, sunday)");
}

TEST_CASE("Poisson incidents need a rate and no start time; scheduled ones the reverse") {
  const ScenarioDef def =
      loadValid("incidents: [{id: i, kind: insider, arrival: poisson, rate_per_day: 0.5}]\n");
  CHECK(def.incidents.at(0).arrival == incident::ArrivalKind::Poisson);
  CHECK(def.incidents.at(0).ratePerDay == 0.5);

  CHECK(onlyMessage("incidents: [{id: i, kind: insider, arrival: poisson}]\n") ==
        "inline.yaml:7:13: error: missing required key 'rate_per_day' in incident");
  CHECK(onlyMessage("incidents: [{id: i, kind: insider, arrival: poisson, rate_per_day: 1, "
                    "at: \"09:00\"}]\n") ==
        "inline.yaml:7:71: error: 'at' is for scheduled incidents; incident 'i' arrives by "
        "poisson (give rate_per_day)");
  CHECK(onlyMessage("incidents: [{id: i, kind: insider, rate_per_day: 1}]\n") ==
        "inline.yaml:7:36: error: 'rate_per_day' is for 'arrival: poisson'; incident 'i' is "
        "scheduled (give at)");
  CHECK(onlyMessage("incidents: [{id: i, kind: insider, arrival: poisson, rate_per_day: 0}]\n") ==
        "inline.yaml:7:68: error: 'rate_per_day' must be > 0, got 0");
}

TEST_CASE("A key of another kind's block is reported as misplaced, naming the kind's keys") {
  CHECK(onlyMessage("incidents: [{id: i, kind: insider, vector: phishing}]\n") ==
        "inline.yaml:7:36: error: key 'vector' is for cyber_intrusion incidents, not insider "
        "(incident 'i' takes: person, records_to_copy, copy_duration, walk_out_after)");
  CHECK(onlyMessage("incidents: [{id: i, kind: cyber_intrusion, person: ana}]\n") ==
        "inline.yaml:7:44: error: key 'person' is for lost_item, theft and insider incidents, "
        "not cyber_intrusion (incident 'i' takes: vector, objective, stages, records_available, "
        "exfiltration_records_per_hour, reentry_probability)");
  CHECK(onlyMessage("incidents: [{id: i, kind: theft, person: ana, item: laptop, "
                    "copy_duration: 5m}]\n") ==
        "inline.yaml:7:61: error: key 'copy_duration' is for insider incidents, not theft "
        "(incident 'i' takes: person, item, place_kind)");
  // A key of no block at all is an ordinary unknown key.
  CHECK(onlyMessage("incidents: [{id: i, kind: insider, persn: ana}]\n")
            .starts_with("inline.yaml:7:36: error: unknown key 'persn' (expected one of: id, kind,"));
}

TEST_CASE("Incident persons, items and procedures must exist") {
  CHECK(onlyMessage("incidents: [{id: i, kind: insider, person: bob}]\n") ==
        "inline.yaml:7:44: error: unknown employee 'bob' for incident 'i' (expected one of: "
        "ana, ben)");
  CHECK(onlyMessage("incidents: [{id: i, kind: lost_item, person: ben, item: laptop}]\n") ==
        "inline.yaml:7:57: error: employee 'ben' carries no item 'laptop' (none are defined)");
  CHECK(onlyMessage("incidents: [{id: i, kind: lost_item, person: ana, item: phone}]\n") ==
        "inline.yaml:7:57: error: employee 'ana' carries no item 'phone' (expected one of: "
        "laptop, stick)");
  CHECK(onlyMessage("incidents: [{id: i, kind: insider, procedure: q}]\n") ==
        "inline.yaml:7:47: error: unknown procedure 'q' for incident 'i' (expected one of: p)");
  CHECK(onlyMessage("incidents: [{id: i, kind: theft, person: ana}]\n") ==
        "inline.yaml:7:13: error: missing required key 'item' in incident");
  CHECK(onlyMessage("incidents: [{id: i, kind: theft, person: ana, item: stick, "
                    "place_kind: park}]\n") ==
        "inline.yaml:7:72: error: unknown place kind 'park' (expected one of: cafe, client_site, "
        "train, home, other, office)");
  // An insider may be nobody of the office day.
  CHECK(loadValid("incidents: [{id: i, kind: insider}]\n").incidents.at(0).insider.person.empty());
}

TEST_CASE("An error in people is not repeated as unknown employees of incidents") {
  const auto lines = messages(load(
      "office: {include: ../shared/small-office.yaml}\n"
      "people: [{id: ana, desk: d9}]\n"
      "incidents: [{id: i, kind: lost_item, person: ana, item: laptop}]\n"));
  INFO(joined(lines));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].starts_with("inline.yaml:2:26: error: unknown desk 'd9'"));
}

TEST_CASE("Incident ids are unique") {
  CHECK(onlyMessage("incidents:\n  - {id: i, kind: insider}\n  - {id: i, kind: insider}\n") ==
        "inline.yaml:9:5: error: duplicate incident id 'i' (first at inline.yaml:8:5)");
}

TEST_CASE("Item records are a number of records, zero or more") {
  CHECK(messages(load("office: {include: ../shared/small-office.yaml}\n"
                      "people: [{id: ana, desk: d1, items: [{kind: laptop, records: -5}]}]\n")) ==
        std::vector<std::string>{"inline.yaml:2:62: error: 'records' must be >= 0, got -5"});
}
