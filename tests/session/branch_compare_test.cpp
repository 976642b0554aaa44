// Two branches side by side (sim/session/branch_compare.hpp) on the golden two-branch
// session: the totals are the golden logs' scores, the terms add up to them, and before
// the fork both branches have the same milestones.
#include <catch2/catch.hpp>

#include <fstream>
#include <numeric>
#include <sstream>
#include <string>

#include "sim/scenario/scenario_loader.hpp"
#include "sim/session/branch_compare.hpp"
#include "sim/session/branches.hpp"
#include "sim/session/session_file.hpp"

namespace core = irdrill::core;
namespace session = irdrill::session;

namespace {

// The score_total of a golden event log (its last line).
double goldenTotal(const std::string& path) {
  std::ifstream in(path);
  std::string line, last;
  while (std::getline(in, line)) last = line;
  const auto at = last.find("\"points\":");
  REQUIRE(at != std::string::npos);
  return std::stod(last.substr(at + 9));
}

}  // namespace

TEST_CASE("Comparing the golden session's two branches pairs their ledgers, incidents and milestones") {
  const std::string dir = std::string(IRDRILL_TEST_DATA_DIR) + "/sessions/";
  core::Diagnostics diagnostics;
  const auto def = session::readSessionFile(dir + "phishing-two-branches.session.json", diagnostics);
  REQUIRE(def);
  // The scenario as it is now (no hash check: the goldens' own test checks the hash).
  auto loaded = irdrill::scenario::loadScenarioFile(dir + def->scenarioPath);
  REQUIRE(loaded.scenario);
  const auto scenario = std::make_shared<const irdrill::scenario::ScenarioDef>(std::move(*loaded.scenario));

  const auto cmp = session::compareBranches(scenario, *def, "isolate now", "analyse first", std::nullopt);
  CHECK(cmp.a.branch == "isolate now");
  CHECK(cmp.b.branch == "analyse first");
  CHECK(cmp.sharedEntryCount == 0);
  CHECK(cmp.terms.back().term == "total");
  CHECK(cmp.terms.back().pointsA == Approx(goldenTotal(dir + "phishing-two-branches.branch.isolate-now.events.jsonl")));
  CHECK(cmp.terms.back().pointsB == Approx(goldenTotal(dir + "phishing-two-branches.events.jsonl")));
  double sumA = 0, sumB = 0;
  for (std::size_t t = 0; t + 1 < cmp.terms.size(); ++t) {
    sumA += cmp.terms[t].pointsA;
    sumB += cmp.terms[t].pointsB;
  }
  CHECK(sumA == Approx(cmp.a.card.total));
  CHECK(sumB == Approx(cmp.b.card.total));
  CHECK(cmp.terms.back().difference() == Approx(cmp.b.card.total - cmp.a.card.total));

  REQUIRE(cmp.incidents.size() == 1);
  const auto& phishing = cmp.incidents[0];
  CHECK(phishing.incident == "phishing");
  CHECK(phishing.inA);
  CHECK(phishing.inB);
  // Isolating at once contains it sooner than analysing first.
  REQUIRE(phishing.containHoursA);
  CHECK((!phishing.containHoursB || *phishing.containHoursA < *phishing.containHoursB));

  // Paired up to the fork: every milestone before it is the same in both branches.
  const core::TimeUs forkUs = def->branches[1].forkUs;
  std::vector<std::string> beforeA, beforeB;
  for (const auto& m : cmp.a.milestones) {
    if (m.atUs < forkUs) beforeA.push_back(m.incident + std::to_string(m.milestone) + "@" + std::to_string(m.atUs));
  }
  for (const auto& m : cmp.b.milestones) {
    if (m.atUs < forkUs) beforeB.push_back(m.incident + std::to_string(m.milestone) + "@" + std::to_string(m.atUs));
  }
  CHECK_FALSE(beforeA.empty());
  CHECK(beforeA == beforeB);
  CHECK_THROWS_AS(session::compareBranches(scenario, *def, "isolate now", "nope", std::nullopt), std::invalid_argument);
}
