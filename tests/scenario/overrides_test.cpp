// `--set PATH=VALUE` overrides: values reach the ScenarioDef wherever the path points (a
// section missing from the file, an included file, a list element by index or id, a list
// combined from several files), are checked like file values, and messages about them
// name the option instead of a line of a file.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/scenario/scenario_loader.hpp"

using irdrill::scenario::loadScenarioFile;
using irdrill::scenario::loadScenarioString;
using irdrill::scenario::LoadResult;
using irdrill::scenario::Override;
using irdrill::scenario::parseOverride;

namespace {

const std::string kGood = std::string(IRDRILL_TEST_DATA_DIR) + "/scenarios/good/";

Override set(const std::string& text) {
  std::string error;
  const auto o = parseOverride(text, error);
  INFO(error);
  REQUIRE(o.has_value());
  return *o;
}

LoadResult loadWith(const std::string& file, const std::vector<std::string>& sets) {
  std::vector<Override> overrides;
  for (const auto& s : sets) overrides.push_back(set(s));
  return loadScenarioFile(kGood + file, nullptr, overrides);
}

std::vector<std::string> messages(const LoadResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics.items()) {
    std::string text = irdrill::core::formatDiagnostic(d);
    for (auto at = text.find(kGood); at != std::string::npos; at = text.find(kGood)) {
      text.erase(at, kGood.size());
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

bool startsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

TEST_CASE("An override sets a value the file leaves to its default, creating the section") {
  const auto plain = loadWith("minimal.yaml", {});
  REQUIRE(plain.scenario);
  REQUIRE(plain.scenario->phoneAlert.rssiThresholdDbm == -85.0);
  const auto result = loadWith("minimal.yaml", {"alerts.phone.rssi_threshold_dbm=-80"});
  INFO(joined(messages(result)));
  REQUIRE(result.scenario);
  CHECK(result.scenario->phoneAlert.rssiThresholdDbm == -80.0);
  CHECK(result.scenario->gatewayAlert.rssiThresholdDbm == plain.scenario->gatewayAlert.rssiThresholdDbm);
}

TEST_CASE("An override replaces a value written in the file, and a later one wins") {
  const auto result = loadWith("full.yaml", {"alerts.phone.hold_s=7", "separation_distance_m=3",
                                             "separation_distance_m=4.5"});
  INFO(joined(messages(result)));
  REQUIRE(result.scenario);
  CHECK(result.scenario->phoneAlert.holdS == 7.0);
  CHECK(result.scenario->gatewayAlert.holdS == 30.0);  // its neighbour is untouched
  CHECK(result.scenario->separationDistanceM == 4.5);
}

TEST_CASE("An override reaches a section that lives in an included file") {
  // with-includes.yaml: `office: {include: ../shared/small-office.yaml}`.
  const auto result = loadWith("with-includes.yaml", {"office.walking_speed_mps=0.9"});
  INFO(joined(messages(result)));
  REQUIRE(result.scenario);
  CHECK(result.scenario->office.walkingSpeedMps == 0.9);
}

TEST_CASE("List elements are named by index or by id, across files that combine a list") {
  // full.yaml: people solo (a1), group crew (2 people), group late.
  SECTION("by id") {
    const auto result = loadWith("full.yaml", {"people.solo.phone.sensitivity_dbm=-99"});
    INFO(joined(messages(result)));
    REQUIRE(result.scenario);
    CHECK(result.scenario->employees[0].phone.sensitivityDbm == -99.0);
  }
  SECTION("by index") {
    const auto result = loadWith("full.yaml", {"people.0.desk=a4"});
    INFO(joined(messages(result)));
    REQUIRE(result.scenario);
    CHECK(result.scenario->employees[0].desk == "a4");
  }
  SECTION("a group by its name") {
    const auto result = loadWith("full.yaml", {"people.crew.phone.sensitivity_dbm=-91"});
    INFO(joined(messages(result)));
    REQUIRE(result.scenario);
    const auto& employees = result.scenario->employees;
    REQUIRE(employees.size() == 4);  // solo, crew_07, crew_08, late-01
    CHECK(employees[0].phone.sensitivityDbm == -90.0);
    CHECK(employees[1].phone.sensitivityDbm == -91.0);
    CHECK(employees[2].phone.sensitivityDbm == -91.0);
  }
  SECTION("an element spliced in from an included list counts after the file's own") {
    // with-includes.yaml: people = [boss, {include: parts/staff.yaml} -> group team].
    const auto result = loadWith("with-includes.yaml", {"people.1.count=3"});
    INFO(joined(messages(result)));
    REQUIRE(result.scenario);
    CHECK(result.scenario->employees.size() == 4);  // boss and three of team
  }
}

TEST_CASE("Day plans from an included file are overridden where they are written") {
  // `early` comes from parts/plans.yaml through a top-level include.
  const auto result = loadWith("with-includes.yaml", {"day_plans.early.leave_mean=\"15:00\""});
  INFO(joined(messages(result)));
  REQUIRE(result.scenario);
  CHECK(result.scenario->dayPlans.at("early").leaveMeanS == 15 * 3600.0);
}

TEST_CASE("A flow value replaces a whole mapping") {
  const auto result = loadWith("minimal.yaml", {"alerts.phone={hold_s: 3, smoothing: n_of_m, n_of_m: [2, 3]}"});
  INFO(joined(messages(result)));
  REQUIRE(result.scenario);
  CHECK(result.scenario->phoneAlert.holdS == 3.0);
}

TEST_CASE("A misspelt key in an override is an unknown key at the option") {
  const auto result = loadWith("full.yaml", {"alerts.phone.rssi_thresh=-80"});
  const auto lines = messages(result);
  INFO(joined(lines));
  CHECK_FALSE(result.scenario);
  REQUIRE(lines.size() == 1);
  CHECK(startsWith(lines[0], "--set alerts.phone.rssi_thresh: error: unknown key 'rssi_thresh' "
                             "(expected one of: rssi_threshold_dbm"));
}

TEST_CASE("A misspelt section or intermediate key is reported at the option too") {
  SECTION("a top-level key") {
    const auto lines = messages(loadWith("minimal.yaml", {"alert.phone.hold_s=1"}));
    INFO(joined(lines));
    REQUIRE(lines.size() == 1);
    CHECK(startsWith(lines[0], "--set alert.phone.hold_s: error: unknown key 'alert' (expected one of: "));
  }
  SECTION("a key in the middle of the path") {
    const auto lines = messages(loadWith("full.yaml", {"alerts.phon.hold_s=1"}));
    INFO(joined(lines));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "--set alerts.phon.hold_s: error: unknown key 'phon' (expected one of: phone, gateway)");
  }
}

TEST_CASE("A bad override value is a type or range error at the option") {
  SECTION("not a number") {
    const auto lines = messages(loadWith("full.yaml", {"alerts.phone.hold_s=soon"}));
    INFO(joined(lines));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "--set alerts.phone.hold_s=soon: error: expected a number for 'hold_s', got 'soon'");
  }
  SECTION("quoted text where a number belongs, as in a file") {
    const auto lines = messages(loadWith("minimal.yaml", {"separation_distance_m=\"10\""}));
    INFO(joined(lines));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "--set separation_distance_m=\"10\": error: expected a number for "
                      "'separation_distance_m', got the text \"10\"");
  }
  SECTION("out of range") {
    const auto lines = messages(loadWith("minimal.yaml", {"reaction.respond_probability=1.5"}));
    INFO(joined(lines));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "--set reaction.respond_probability=1.5: error: 'respond_probability' must "
                      "be in [0, 1], got 1.5");
  }
  SECTION("an element inside a flow value") {
    const auto lines = messages(loadWith("minimal.yaml", {"alerts.phone={hold_s: x}"}));
    INFO(joined(lines));
    REQUIRE(lines.size() == 1);
    CHECK(startsWith(lines[0], "--set alerts.phone={hold_s: x}: error: expected a number for 'hold_s'"));
  }
  SECTION("invalid YAML") {
    const auto lines = messages(loadWith("minimal.yaml", {"alerts.phone.hold_s=[1, 2"}));
    INFO(joined(lines));
    REQUIRE(lines.size() == 1);
    CHECK(startsWith(lines[0], "--set alerts.phone.hold_s=[1, 2: error: invalid YAML value"));
  }
}

TEST_CASE("A path that does not lead to a value is reported at the option") {
  SECTION("an index past the end of a list") {
    const auto lines = messages(loadWith("minimal.yaml", {"people.3.desk=desk-1"}));
    INFO(joined(lines));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "--set people.3.desk: error: no element 3 in 'people' (it has 1)");
  }
  SECTION("an id no element has") {
    const auto lines = messages(loadWith("full.yaml", {"people.sol.desk=a2"}));
    INFO(joined(lines));
    REQUIRE(lines.size() == 1);
    CHECK(startsWith(lines[0], "--set people.sol.desk: error: no element with id 'sol' in 'people' "
                               "(expected one of: solo, crew, late)"));
  }
  SECTION("a path through a value") {
    const auto lines = messages(loadWith("full.yaml", {"separation_distance_m.max=3"}));
    INFO(joined(lines));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "--set separation_distance_m.max: error: 'separation_distance_m' is '15', "
                      "not a mapping or a list, so it has no 'max'");
  }
  SECTION("include is not a value") {
    const auto lines = messages(loadWith("with-includes.yaml", {"include=[]"}));
    INFO(joined(lines));
    REQUIRE(lines.size() == 1);
    CHECK(startsWith(lines[0], "--set include: error: 'include' cannot be overridden"));
  }
}

TEST_CASE("Errors of the file itself keep their file locations beside an override's") {
  const std::string yaml =
      "office: {include: ../shared/small-office.yaml}\n"
      "reaction: {respond_probability: 2}\n";
  const auto result = loadScenarioString(yaml, kGood + "inline.yaml", nullptr,
                                         {set("reaction.fatigue_factor=-1")});
  const auto lines = messages(result);
  INFO(joined(lines));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "inline.yaml:2:33: error: 'respond_probability' must be in [0, 1], got 2");
  CHECK(startsWith(lines[1], "--set reaction.fatigue_factor=-1: error: 'fatigue_factor' must be"));
}

TEST_CASE("parseOverride takes PATH=VALUE and explains what is wrong otherwise") {
  std::string error;
  const auto ok = parseOverride("people.eng-01/laptop.x=a=b", error);
  REQUIRE(ok);
  CHECK(ok->path == "people.eng-01/laptop.x");
  CHECK(ok->value == "a=b");  // only the first '=' separates
  CHECK_FALSE(parseOverride("alerts.phone.hold_s", error));
  CHECK(error.find("expected PATH=VALUE") != std::string::npos);
  CHECK_FALSE(parseOverride("alerts..hold_s=1", error));
  CHECK(error.find("invalid path 'alerts..hold_s'") != std::string::npos);
  CHECK_FALSE(parseOverride("alerts.phone hold=1", error));
  CHECK_FALSE(parseOverride("alerts.phone.hold_s=", error));
  CHECK(error.find("no value after '='") != std::string::npos);
}
