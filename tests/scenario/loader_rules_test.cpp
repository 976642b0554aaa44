// The loader's rules, one at a time, on small scenarios written inline: every error of a
// file is reported, located in file order; values are strictly typed; groups expand as
// documented; includes resolve relative to the including file.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/scenario/scenario_loader.hpp"

using irdrill::scenario::loadScenarioString;
using irdrill::scenario::LoadResult;

namespace {

// Inline files "live" in tests/data/scenarios/good, so includes resolve from there.
const std::string kInlineName = std::string(IRDRILL_TEST_DATA_DIR) + "/scenarios/good/inline.yaml";

const char* const kOffice = "office: {include: ../shared/small-office.yaml}\n";

LoadResult load(const std::string& yaml) { return loadScenarioString(yaml, kInlineName); }

// Messages without the directory, as "inline.yaml:3:5: error: ...".
std::vector<std::string> messages(const LoadResult& result) {
  const std::string prefix = std::string(IRDRILL_TEST_DATA_DIR) + "/scenarios/";
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics.items()) {
    std::string text = irdrill::core::formatDiagnostic(d);
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

double dayStartOf(const std::string& clock) {
  const auto result = load(std::string(kOffice) + "scenario: {day_start: \"" + clock +
                           "\", day_end: \"24:00\"}\n");
  return result.scenario ? result.scenario->dayStartS : -1;
}

}  // namespace

TEST_CASE("All errors of a file are reported, in file order, not just the first") {
  const auto result = load(std::string(kOffice) +
                           "reaction: {respond_probability: 2, fatigue_window_h: -1}\n"
                           "separation_distance_m: far\n"
                           "alerts: {phone: {hold_z: 1}}\n");
  const auto lines = messages(result);
  INFO(joined(lines));
  CHECK_FALSE(result.scenario.has_value());
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "good/inline.yaml:2:33: error: 'respond_probability' must be in [0, 1], got 2");
  CHECK(lines[1] == "good/inline.yaml:2:54: error: 'fatigue_window_h' must be > 0, got -1");
  CHECK(lines[2] == "good/inline.yaml:3:24: error: expected a number for 'separation_distance_m', got 'far'");
  CHECK(lines[3].starts_with("good/inline.yaml:4:18: error: unknown key 'hold_z' (expected one of: "
                             "rssi_threshold_dbm, smoothing,"));
}

TEST_CASE("An empty file or a file that is not a mapping is a located error") {
  auto lines = messages(load(""));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "good/inline.yaml:1:1: error: expected a mapping of scenario sections "
                    "(scenario, office, people, ...), got nothing");
  lines = messages(load("- a\n- b\n"));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find("got a list") != std::string::npos);
}

TEST_CASE("An empty value is reported at its key, not at the next line") {
  const auto lines = messages(load(std::string(kOffice) + "people:\n  - id: alice\n    desk:\n"
                                                          "  - id: bob\n    desk: d2\n"));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "good/inline.yaml:4:5: error: expected an id (letters, digits, '-' and '_') "
                    "for 'desk', got nothing");
}

TEST_CASE("Clock times are HH:MM or HH:MM:SS between 00:00 and 24:00") {
  CHECK(dayStartOf("07:05") == 7 * 3600 + 5 * 60);
  CHECK(dayStartOf("7:05") == 7 * 3600 + 5 * 60);
  CHECK(dayStartOf("12:30:15") == 12 * 3600 + 30 * 60 + 15);
  CHECK(dayStartOf("00:00") == 0);
  for (const char* bad : {"24:01", "12:60", "12:5", "1230", "12:30:60", "7am", "-1:00", "12:30:15:00"}) {
    INFO(bad);
    CHECK(dayStartOf(bad) == -1);
  }
}

TEST_CASE("Numbers are plain YAML numbers: exponents and a sign yes, text and infinities no") {
  auto distance = [](const std::string& value) {
    const auto result = load(std::string(kOffice) + "separation_distance_m: " + value + "\n");
    return result.scenario ? result.scenario->separationDistanceM : -1;
  };
  CHECK(distance("12") == 12);
  CHECK(distance("1.5e1") == 15);
  CHECK(distance("+3") == 3);
  for (const char* bad : {"\"12\"", "0x10", ".inf", ".nan", "12 m", "[12]", "0", "-4"}) {
    INFO(bad);
    CHECK(distance(bad) == -1);
  }
}

TEST_CASE("Booleans are true or false, not yes/no") {
  CHECK(load(std::string(kOffice) + "crowd_finding: false\n").scenario->crowdFinding == false);
  CHECK_FALSE(load(std::string(kOffice) + "crowd_finding: no\n").scenario.has_value());
}

TEST_CASE("Group members get zero-padded numbered ids and copies of the group's items") {
  const auto result = load(
      "office: {include: ../../../../scenarios/offices/hq-floor.yaml}\n"
      "people:\n"
      "  - {group: a, count: 2, first_number: 9, items: [{kind: keys, tag: {}}]}\n"
      "  - {group: b, count: 38, id_prefix: B}\n");
  INFO(joined(messages(result)));
  REQUIRE(result.scenario);
  const auto& people = result.scenario->employees;
  REQUIRE(people.size() == 40);
  CHECK(people[0].id == "a-09");
  CHECK(people[1].id == "a-10");
  CHECK(people[1].items.at(0).id == "a-10/keys");
  CHECK(people[1].items.at(0).tag.has_value());
  CHECK(people[2].id == "B01");
  CHECK(people[39].id == "B38");
  CHECK(people[39].items.empty());
}

TEST_CASE("Explicit desks are taken first, wherever they appear, then auto desks in office order") {
  const auto result = load(std::string(kOffice) +
                           "people:\n"
                           "  - {group: team, count: 2}\n"
                           "  - {id: alice, desk: d1}\n");
  INFO(joined(messages(result)));
  REQUIRE(result.scenario);
  const auto& people = result.scenario->employees;
  REQUIRE(people.size() == 3);
  CHECK(people[0].desk == "d2");
  CHECK(people[1].desk == "d3");
  CHECK(people[2].desk == "d1");
}

TEST_CASE("An unknown desk among many lists the closest valid ids and how many more there are") {
  const auto lines = messages(load("office: {include: ../../../../scenarios/offices/hq-floor.yaml}\n"
                                   "people: [{id: alice, desk: desk-w3}]\n"));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].starts_with("good/inline.yaml:2:28: error: unknown desk 'desk-w3' for employee "
                             "'alice' (expected one of: desk-w01,"));
  CHECK(lines[0].find("desk-w03") != std::string::npos);
  CHECK(lines[0].ends_with(" and 24 more)"));
}

TEST_CASE("An employee id made twice, by a person and a group, is an error naming the group") {
  const auto lines = messages(load(std::string(kOffice) +
                                   "people:\n"
                                   "  - {id: team-01, desk: d1}\n"
                                   "  - {group: team, count: 2}\n"));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "good/inline.yaml:4:5: error: duplicate employee id 'team-01' made by group "
                    "'team' (first at good/inline.yaml:3:5)");
}

TEST_CASE("Errors of an entry do not cascade into errors about what refers to it") {
  const auto lines = messages(load(std::string(kOffice) +
                                   "people:\n"
                                   "  - {id: alice, desk: d9, items: [{kind: laptop}]}\n"
                                   "tags: [{item: alice/laptop}]\n"));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find("unknown desk 'd9'") != std::string::npos);
}

TEST_CASE("An include replaces the whole value, so it cannot stand beside other keys") {
  const auto lines = messages(load("office: {include: ../shared/small-office.yaml, name: X}\n"));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "good/inline.yaml:1:19: error: 'include' replaces the whole value, so it must "
                    "be the only key here (also found: name)");
}

TEST_CASE("Includes resolve from the including file's folder, and errors name the resolved path") {
  const auto lines = messages(load("office: {include: parts/office.yaml}\n"));
  REQUIRE(lines.size() == 1);
  // The path is the included one joined to the including file's folder (the test strips
  // the folder above good/ from messages).
  CHECK(lines[0] == "good/inline.yaml:1:19: error: cannot read included file "
                    "'good/parts/office.yaml': no such file");
}

TEST_CASE("Sections combine across included files: people add up, others are defined once") {
  auto result = load(std::string(kOffice) +
                     "include: [parts/plans.yaml]\n"
                     "people: [{id: alice, desk: d1}]\n"
                     "day_plans: {late: {arrive_mean: \"11:00\"}}\n");
  INFO(joined(messages(result)));
  REQUIRE(result.scenario);
  CHECK(result.scenario->dayPlans.contains("early"));
  CHECK(result.scenario->dayPlans.contains("late"));

  const auto lines = messages(load(std::string(kOffice) +
                                   "include: [parts/plans.yaml]\n"
                                   "day_plans: {early: {arrive_mean: \"06:00\"}}\n"));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "good/inline.yaml:3:13: error: day plan 'early' is defined twice (first at "
                    "good/parts/plans.yaml:3:3)");

  const auto twice = messages(load(std::string(kOffice) + "include: with-includes.yaml\n"));
  REQUIRE_FALSE(twice.empty());
  CHECK(twice[0].starts_with("good/with-includes.yaml:4:1: error: section 'office' is defined "
                             "twice (first at good/inline.yaml:1:1)"));
}

TEST_CASE("A group with a wrong number of listed desks, or too few free ones, is an error") {
  auto lines = messages(load(std::string(kOffice) + "people: [{group: g, count: 2, desks: [d1]}]\n"));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "good/inline.yaml:2:38: error: group 'g' has 2 members but 1 listed desks");

  lines = messages(load(std::string(kOffice) +
                        "people: [{group: g, count: 1, desks: {rooms: [kitchen]}}]\n"));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "good/inline.yaml:2:47: error: unknown room 'kitchen' in 'desks' of group 'g' "
                    "(expected one of: lobby, work)");
}
