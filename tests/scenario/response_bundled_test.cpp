// The response files shipped in scenarios/ (procedures, variants, team, detection,
// scoring) load through good/incident-drill.yaml, which includes them as the bundled
// scenarios do; every procedure file is listed, models the brief's phases it cites, and
// names only roles of the bundled team; the keys they use are the JSON Schema's.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <yaml-cpp/yaml.h>

#include "sim/scenario/scenario_loader.hpp"

namespace fs = std::filesystem;
using irdrill::scenario::KeyCatalogue;
using irdrill::scenario::loadScenarioFile;
using irdrill::scenario::ScenarioDef;
namespace response = irdrill::response;

namespace {

const fs::path kScenarioDir = fs::path(IRDRILL_TEST_DATA_DIR) / ".." / ".." / "scenarios";
const std::string kDrill = std::string(IRDRILL_TEST_DATA_DIR) + "/scenarios/good/incident-drill.yaml";

ScenarioDef loadDrill(KeyCatalogue* catalogue = nullptr) {
  auto result = loadScenarioFile(kDrill, catalogue);
  for (const auto& d : result.diagnostics.items()) UNSCOPED_INFO(irdrill::core::formatDiagnostic(d));
  REQUIRE(result.diagnostics.items().empty());
  REQUIRE(result.scenario.has_value());
  return *result.scenario;
}

bool hasEffect(const response::ProcedureDef& p, response::Effect effect) {
  return std::any_of(p.steps.begin(), p.steps.end(), [&](const response::StepDef& s) {
    return std::find(s.effects.begin(), s.effects.end(), effect) != s.effects.end();
  });
}

const response::StepDef& step(const response::ProcedureDef& p, const std::string& id) {
  const auto found = std::find_if(p.steps.begin(), p.steps.end(),
                                  [&](const response::StepDef& s) { return s.id == id; });
  REQUIRE(found != p.steps.end());
  return *found;
}

}  // namespace

TEST_CASE("The bundled procedures, team, detection and scoring load through an incident scenario") {
  const ScenarioDef def = loadDrill();
  CHECK(def.name == "Incident drill");
  CHECK(def.horizonS == 7 * 24 * 3600.0);
  CHECK(def.startWeekday == 4);  // friday

  std::set<std::string> roles;
  for (const auto& role : def.team.roles) roles.insert(role.id);
  CHECK(roles == std::set<std::string>{"security_lead", "it_admin", "recovery_team", "pr_legal",
                                       "management", "support_desk"});

  std::set<std::string> ids;
  for (const auto& [id, procedure] : def.procedures) ids.insert(id);
  CHECK(ids == std::set<std::string>{"unauthorized-access", "cyber-attack", "information-leak",
                                     "lost-equipment", "isolate-first", "analyse-first"});
  CHECK(def.procedureForKind == std::array<std::string, 4>{"lost-equipment", "lost-equipment",
                                                           "unauthorized-access",
                                                           "information-leak"});
  REQUIRE(def.incidents.size() == 5);
  CHECK(def.incidents[2].procedure == "isolate-first");
  CHECK(def.detection.logReviewIntervalS == 7 * 24 * 3600.0);
  CHECK(def.scoring.deadlines.size() >= 3);
}

TEST_CASE("Every file under scenarios/procedures is one of the bundled procedures") {
  const ScenarioDef def = loadDrill();
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kScenarioDir / "procedures")) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    INFO(entry.path().string());
    const YAML::Node file = YAML::LoadFile(entry.path().string());
    CHECK(def.procedures.contains(file["id"].as<std::string>()));
    // Each file opens with a comment saying what it models.
    std::ifstream in(entry.path());
    std::string first;
    std::getline(in, first);
    CHECK(first.starts_with("# "));
  }
  CHECK(files == def.procedures.size());
}

TEST_CASE("The brief's procedures keep their defining steps and conditions") {
  const ScenarioDef def = loadDrill();
  const auto& access = def.procedures.at("unauthorized-access");
  CHECK(access.referenceId == "unauthorized-access");
  CHECK(access.steps.front().role == "security_lead");  // A1: the lead confirms the alert
  // A2: shut the site and isolate only when a leak is already confirmed.
  for (const char* id : {"shut-site", "isolate"}) {
    const auto& s = step(access, id);
    REQUIRE(s.when.size() == 1);
    CHECK(s.when[0].condition == response::Condition::LeakConfirmed);
    CHECK_FALSE(s.when[0].negated);
  }
  for (auto effect : {response::Effect::Investigate, response::Effect::TakeBackups,
                      response::Effect::Patch, response::Effect::Restore,
                      response::Effect::NotifyUsers, response::Effect::ReportAuthority}) {
    CHECK(hasEffect(access, effect));
  }

  // B2: cutting the network waits for nothing but recognising the attack.
  const auto& attack = def.procedures.at("cyber-attack");
  const auto& cut = step(attack, "cut-network");
  CHECK(cut.effects == std::vector{response::Effect::IsolateNetwork});
  CHECK(cut.after == std::vector<std::string>{attack.steps.front().id});
  for (auto effect : {response::Effect::TakeBackups, response::Effect::InvolvePolice,
                      response::Effect::Patch, response::Effect::Restore,
                      response::Effect::ResetPasswords, response::Effect::PublishStatement}) {
    CHECK(hasEffect(attack, effect));
  }

  // C3: monitoring only when the cause was unauthorized access.
  const auto& leak = def.procedures.at("information-leak");
  CHECK(step(leak, "monitor-network").when.at(0).condition ==
        response::Condition::UnauthorizedAccess);

  // Lost equipment: the support desk searches; notify when personal data and not encrypted.
  const auto& lost = def.procedures.at("lost-equipment");
  CHECK(step(lost, "search").role == "support_desk");
  CHECK(step(lost, "search").effects == std::vector{response::Effect::SearchItem});
  CHECK(step(lost, "remote-wipe").when.at(0).condition == response::Condition::ItemMissing);
  const auto& notify = step(lost, "notify-users");
  REQUIRE(notify.when.size() == 2);
  CHECK(notify.when[1].condition == response::Condition::Encrypted);
  CHECK(notify.when[1].negated);
}

TEST_CASE("The bundled variants expand against unauthorized access") {
  const ScenarioDef def = loadDrill();
  const auto& base = def.procedures.at("unauthorized-access");
  const auto& isolateFirst = def.procedures.at("isolate-first");
  CHECK(isolateFirst.referenceId == "unauthorized-access");
  CHECK(step(isolateFirst, "isolate").when.empty());  // unconditional
  CHECK(isolateFirst.steps.size() == base.steps.size() - 1);  // `contain` removed

  const auto& analyseFirst = def.procedures.at("analyse-first");
  CHECK(analyseFirst.referenceId == "unauthorized-access");
  std::vector<std::string> ids;
  for (const auto& s : analyseFirst.steps) ids.push_back(s.id);
  CHECK(std::find(ids.begin(), ids.end(), "isolate") == ids.end());
  const auto added = std::find(ids.begin(), ids.end(), "shut-site-after-analysis");
  REQUIRE(added != ids.end());
  CHECK(*(added + 1) == "countermeasure");  // `before: countermeasure`
}

TEST_CASE("The bundled scoring rules hold the authority to 72 hours when personal data leaked") {
  const ScenarioDef def = loadDrill();
  const auto& deadlines = def.scoring.deadlines;
  const auto preliminary = std::find_if(deadlines.begin(), deadlines.end(), [](const auto& d) {
    return d.id == "authority_preliminary_report";
  });
  REQUIRE(preliminary != deadlines.end());
  CHECK(preliminary->effect == response::Effect::ReportAuthority);
  CHECK(preliminary->withinS == 72 * 3600.0);
  CHECK(preliminary->from == irdrill::scoring::DeadlineFrom::Detection);
  REQUIRE(preliminary->appliesIf.size() == 2);
  CHECK(preliminary->appliesIf[1].condition == response::Condition::PersonalData);
}

TEST_CASE("The incident and response keys the bundled files use are those of the JSON Schema") {
  KeyCatalogue accepted;
  loadDrill(&accepted);
  const YAML::Node defs =
      YAML::LoadFile((kScenarioDir / "scenario.schema.json").string())["$defs"];
  for (const char* section :
       {"incident", "incident_stages", "detection", "monitoring_per_hour", "log_review",
        "phishing_report", "outside_notice", "team", "role", "procedure", "step",
        "step_override", "added_step", "procedure_for", "scoring", "score_weights", "deadline"}) {
    INFO("schema $defs/" << section);
    REQUIRE(accepted.contains(section));
    REQUIRE(defs[section].IsDefined());
    std::set<std::string> schemaKeys;
    for (const auto& entry : defs[section]["properties"]) {
      schemaKeys.insert(entry.first.as<std::string>());
    }
    CHECK(schemaKeys == accepted.at(section));
  }
}
