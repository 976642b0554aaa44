// Japanese texts beside the English in scenario files (`name_ja`, `description_ja`,
// `title_ja`): read into the definitions, carried through procedure variants, a wrong type
// reported at its place, and the bundled procedures translated step by step.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "sim/core/diagnostics.hpp"
#include "sim/scenario/scenario_hash.hpp"
#include "sim/scenario/scenario_loader.hpp"

using irdrill::scenario::loadScenarioFile;
using irdrill::scenario::loadScenarioString;
using irdrill::scenario::LoadResult;

namespace {

const std::string kGoodDir = std::string(IRDRILL_TEST_DATA_DIR) + "/scenarios/good";
const std::string kInlineName = kGoodDir + "/inline.yaml";

const char* const kDrill =
    "office: {include: ../shared/small-office.yaml}\n"
    "scenario: {name: Drill, name_ja: 訓練, description: A drill, description_ja: 机上訓練}\n"
    "team: {roles: [{id: lead, title: Lead, title_ja: 責任者}, {id: desk}]}\n"
    "procedures:\n"
    "  - id: base\n"
    "    title: Base\n"
    "    title_ja: 基本手順\n"
    "    description: What it is for\n"
    "    description_ja: 目的\n"
    "    steps:\n"
    "      - {id: first, title: First, title_ja: 検知, role: lead}\n"
    "      - {id: second, title: Second, title_ja: 封じ込め, role: desk, after: [first]}\n"
    "  - id: variant\n"
    "    extends: base\n"
    "    replace_steps:\n"
    "      - {id: first, title: Detect first}\n"
    "      - {id: second, title_ja: 初動対応}\n";

std::string allMessages(const LoadResult& result) {
  std::string all;
  for (const auto& d : result.diagnostics.items()) all += irdrill::core::formatDiagnostic(d) + "\n";
  return all;
}

}  // namespace

TEST_CASE("Japanese names, titles and descriptions are read beside the English ones") {
  const LoadResult result = loadScenarioString(kDrill, kInlineName);
  INFO(allMessages(result));
  REQUIRE(result.scenario);
  REQUIRE(result.diagnostics.items().empty());
  const auto& def = *result.scenario;
  CHECK(def.nameJa == "訓練");
  CHECK(def.descriptionJa == "机上訓練");
  CHECK(def.team.roles.at(0).titleJa == "責任者");
  CHECK(def.team.roles.at(1).titleJa.empty());
  const auto& base = def.procedures.at("base");
  CHECK(base.titleJa == "基本手順");
  CHECK(base.description == "What it is for");
  CHECK(base.descriptionJa == "目的");
  CHECK(base.steps.at(0).titleJa == "検知");
  CHECK(base.steps.at(1).titleJa == "封じ込め");

  // A variant: a new English title drops the base's Japanese one (it would no longer
  // match); a new Japanese title alone keeps the English one.
  const auto& variant = def.procedures.at("variant");
  CHECK(variant.steps.at(0).title == "Detect first");
  CHECK(variant.steps.at(0).titleJa.empty());
  CHECK(variant.steps.at(1).title == "Second");
  CHECK(variant.steps.at(1).titleJa == "初動対応");
}

TEST_CASE("A Japanese title that is not text is reported at its place") {
  std::string yaml = kDrill;
  const std::string good = "title_ja: 検知,";
  yaml.replace(yaml.find(good), good.size(), "title_ja: [検知],");
  const LoadResult result = loadScenarioString(yaml, kInlineName);
  const std::string messages = allMessages(result);
  INFO(messages);
  CHECK(result.diagnostics.hasErrors());
  CHECK(messages.find("inline.yaml:11:") != std::string::npos);
  CHECK(messages.find("title_ja") != std::string::npos);
}

TEST_CASE("Every step of the bundled procedures has a Japanese title") {
  const std::string scenarios = std::string(IRDRILL_TEST_DATA_DIR) + "/../../scenarios/";
  for (const char* file : {"phishing-exfiltration.yaml", "lost-laptop.yaml", "insider-usb.yaml",
                           "website-defacement.yaml", "phishing-isolate-first.yaml", "office-day.yaml"}) {
    const LoadResult result = loadScenarioFile(scenarios + file);
    INFO(file << "\n" << allMessages(result));
    REQUIRE(result.scenario);
    CHECK_FALSE(result.scenario->nameJa.empty());
    for (const auto& [id, procedure] : result.scenario->procedures) {
      INFO("procedure " << id);
      CHECK_FALSE(procedure.titleJa.empty());
      for (const auto& step : procedure.steps) {
        INFO("step " << step.id);
        CHECK_FALSE(step.titleJa.empty());
      }
    }
    for (const auto& role : result.scenario->team.roles) {
      INFO("role " << role.id);
      CHECK_FALSE(role.titleJa.empty());
    }
  }
}

TEST_CASE("Japanese texts on lines of their own leave the scenario hash unchanged") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("irdrill-hash-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  };
  const std::string english =
      "scenario: {name: Drill}\nprocedures:\n  - id: p\n    title: Cut the network\n    steps: []\n";
  const std::string translated =
      "scenario: {name: Drill}\nprocedures:\n  - id: p\n    title: Cut the network\n"
      "    title_ja: ネットワークの遮断\n    description_ja: 説明\n    steps: []\n";
  const std::string retitled =
      "scenario: {name: Drill}\nprocedures:\n  - id: p\n    title: Isolate\n    steps: []\n";
  const std::string base = irdrill::scenario::scenarioHash(write("a.yaml", english), {});
  CHECK(irdrill::scenario::scenarioHash(write("b.yaml", translated), {}) == base);
  CHECK(irdrill::scenario::scenarioHash(write("c.yaml", retitled), {}) != base);
  // In an included file too.
  const std::string including = "include: [inc.yaml]\n";
  write("inc.yaml", english);
  const std::string withInclude = irdrill::scenario::scenarioHash(write("d.yaml", including), {});
  write("inc.yaml", translated);
  CHECK(irdrill::scenario::scenarioHash(write("d.yaml", including), {}) == withInclude);
  fs::remove_all(dir);
}
