// The `scoring:` section: weights and deadlines, from good/full.yaml and inline files.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/scenario/scenario_loader.hpp"

using irdrill::scenario::loadScenarioFile;
using irdrill::scenario::loadScenarioString;
using irdrill::scenario::LoadResult;
namespace core = irdrill::core;
namespace response = irdrill::response;
namespace scoring = irdrill::scoring;

namespace {

const std::string kGoodDir = std::string(IRDRILL_TEST_DATA_DIR) + "/scenarios/good";
const std::string kInlineName = kGoodDir + "/inline.yaml";

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

// The only message of a scenario whose `scoring:` section is `yaml` (from line 2).
std::string onlyMessage(const std::string& yaml) {
  const auto lines = messages(loadScenarioString(
      "office: {include: ../shared/small-office.yaml}\n" + yaml, kInlineName));
  std::string all;
  for (const auto& line : lines) all += line + "\n";
  INFO(all);
  REQUIRE(lines.size() == 1);
  return lines[0];
}

}  // namespace

TEST_CASE("The full example's scoring weights and deadlines reach their fields") {
  const auto result = loadScenarioFile(kGoodDir + "/full.yaml");
  REQUIRE(result.scenario.has_value());
  const auto& s = result.scenario->scoring;
  const auto& w = s.weights;
  CHECK(w.base == 500);
  CHECK(w.perHourToDetect == -1);
  CHECK(w.perHourToContain == -2);
  CHECK(w.perHourToRecover == -3);
  CHECK(w.perRecordExfiltrated == -4);
  CHECK(w.perItemLost == -5);
  CHECK(w.perDowntimeHour == -6);
  CHECK(w.perDeadlineMet == 7);
  CHECK(w.perDeadlineMissed == -8);
  CHECK(w.perStepSkipped == -9);
  CHECK(w.perStepOutOfOrder == -11);
  CHECK(w.perUncontained == -12);
  REQUIRE(s.deadlines.size() == 1);
  const auto& d = s.deadlines[0];
  CHECK(d.id == "report");
  CHECK(d.effect == response::Effect::ReportAuthority);
  CHECK(d.withinS == 48 * 3600);
  CHECK(d.from == scoring::DeadlineFrom::LeakConfirmed);
  REQUIRE(d.appliesIf.size() == 2);
  CHECK(d.appliesIf[0].condition == response::Condition::PersonalData);
  CHECK(d.appliesIf[1].condition == response::Condition::Encrypted);
  CHECK(d.appliesIf[1].negated);
  CHECK(d.where.line > 0);
}

TEST_CASE("A deadline needs an effect and a single duration, and its id is unique") {
  CHECK(onlyMessage("scoring: {deadlines: [{id: d, within: 3d}]}\n") ==
        "inline.yaml:2:23: error: missing required key 'effect' in deadline");
  CHECK(onlyMessage("scoring: {deadlines: [{id: d, effect: report, within: 3d}]}\n") ==
        "inline.yaml:2:39: error: unknown effect 'report' (expected one of: isolate_network, "
        "shut_site, revoke_credentials, remote_wipe, reset_passwords, patch, take_backups, "
        "restore, notify_users, report_authority, involve_police, publish_statement, "
        "search_item, investigate)");
  CHECK(onlyMessage("scoring: {deadlines: [{id: d, effect: patch, within: \"uniform(1d, 3d)\"}]}\n") ==
        "inline.yaml:2:54: error: expected a single duration such as '72h' for 'within', not a "
        "distribution");
  CHECK(onlyMessage("scoring: {deadlines: [{id: d, effect: patch, within: 3 days}]}\n") ==
        "inline.yaml:2:56: error: unknown unit 'days' in '3 days' (expected s, m, h or d)");
  CHECK(onlyMessage("scoring: {deadlines: [{id: d, effect: patch, within: 1d, from: start}]}\n") ==
        "inline.yaml:2:64: error: unknown deadline start 'start' (expected one of: "
        "incident_start, detection, leak_confirmed)");
  CHECK(onlyMessage("scoring: {deadlines: [{id: d, effect: patch, within: 1d},\n"
                    "                      {id: d, effect: patch, within: 2d}]}\n") ==
        "inline.yaml:3:23: error: duplicate deadline id 'd' (first at inline.yaml:2:23)");
}

TEST_CASE("Weights are plain numbers of either sign") {
  CHECK(onlyMessage("scoring: {weights: {per_item_lost: lots}}\n") ==
        "inline.yaml:2:36: error: expected a number for 'per_item_lost', got 'lots'");
  CHECK(onlyMessage("scoring: {weights: {per_item_lots: 1}}\n")
            .starts_with("inline.yaml:2:21: error: unknown key 'per_item_lots' (expected one of: "));
}
