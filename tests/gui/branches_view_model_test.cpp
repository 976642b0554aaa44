// The Branches tab's and the timeline's rewind view models (gui/view_model/branches.hpp):
// the scrubber's target, the comparison table's texts (censored times, one-sided
// incidents, no "-0.0"), the ghosts' rows, and the table of a real two-branch session.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "gui/view_model/branches.hpp"
#include "sim/session/live_session.hpp"
#include "sim/session/session.hpp"

namespace irdrill::gui::view_model {
namespace {

const ComparisonRow* findRow(const std::vector<ComparisonRow>& rows, const std::string& incident, const std::string& metric) {
  for (const ComparisonRow& row : rows) {
    if (row.incident == incident && row.metric == metric) return &row;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("The scrubber rewinds only to a time before now, clamped to the strip and to 0") {
  const TimeRange range{0, 10 * core::kUsPerHour};
  const core::TimeUs nowUs = 6 * core::kUsPerHour;
  CHECK(scrubTargetUs(range, 1000, 250, nowUs) == 2 * core::kUsPerHour + core::kUsPerHour / 2);
  CHECK(scrubTargetUs(range, 1000, -40, nowUs) == 0);          // left of the strip: its start
  CHECK_FALSE(scrubTargetUs(range, 1000, 600, nowUs));         // exactly now: nothing to rewind
  CHECK_FALSE(scrubTargetUs(range, 1000, 2000, nowUs));        // the future
  const TimeRange margin{-core::kUsPerHour, 9 * core::kUsPerHour};  // a range with a margin before 0
  CHECK(scrubTargetUs(margin, 1000, 0, nowUs) == 0);
}

TEST_CASE("The comparison rows: terms, deadlines, and per incident with censoring and one-sided incidents") {
  session::BranchComparison c;
  c.a.branch = "isolate now";
  c.b.branch = "analyse first";
  c.terms = {{"time_to_contain", -12.5, -20.0}, {"items_lost", 0.0, 0.0}, {"uncontained", -1.0, -1.04}, {"total", -13.5, -21.04}};
  c.deadlinesMissedA = 0;
  c.deadlinesMissedB = 2;
  session::IncidentComparison both;
  both.incident = "phishing";
  both.inA = both.inB = true;
  both.containHoursA = 1.5;
  both.censoredHoursB = 7.25;  // not contained in b
  both.deadlinesMissedB = 2;
  both.pointsA = -12.5;
  both.pointsB = -20;
  session::IncidentComparison onlyB;
  onlyB.incident = "defacement@1";
  onlyB.inB = true;
  onlyB.containHoursB = 0.5;
  c.incidents = {both, onlyB};

  const auto rows = comparisonRows(c);
  REQUIRE(rows.size() == 4 + 1 + 2 * 3);
  const auto* ttc = findRow(rows, "", "time_to_contain");
  REQUIRE(ttc);
  CHECK(ttc->a == "-12.5");
  CHECK(ttc->b == "-20.0");
  CHECK(ttc->difference == "-7.5");
  CHECK(findRow(rows, "", "items_lost")->difference == "0.0");
  CHECK(findRow(rows, "", "uncontained")->difference == "0.0");  // -0.04 rounds to nothing: no sign
  CHECK(findRow(rows, "", "deadlines_missed")->difference == "+2");
  const auto* contain = findRow(rows, "phishing", "hours_to_contain");
  CHECK(contain->a == "1.5 h");
  CHECK(contain->b == "> 7.2 h");  // censored, never a number
  CHECK(contain->difference.empty());
  CHECK(findRow(rows, "phishing", "points")->difference == "-7.5");
  const auto* oneSided = findRow(rows, "defacement@1", "hours_to_contain");
  CHECK(oneSided->a == "-");
  CHECK(oneSided->b == "0.5 h");
  CHECK(oneSided->difference.empty());
  CHECK(findRow(rows, "defacement@1", "deadlines_missed")->difference.empty());
  for (const ComparisonRow& row : rows) {
    for (const std::string* text : {&row.a, &row.b, &row.difference}) CHECK(text->find("-0.0") == std::string::npos);
  }
}

TEST_CASE("Ghosts land on their incident's row and incidents without a row are left out") {
  const std::vector<session::BranchMilestone> milestones = {
      {"phishing", 0, 10}, {"theft", 1, 20}, {"phishing", 3, 30}, {"defacement@1", 0, 40}};
  const auto marks = ghostMarks(milestones, {"theft", "phishing"});
  REQUIRE(marks.size() == 3);
  CHECK((marks[0].row == 1 && marks[0].milestone == 0 && marks[0].atUs == 10));
  CHECK((marks[1].row == 0 && marks[1].milestone == 1));
  CHECK((marks[2].row == 1 && marks[2].milestone == 3 && marks[2].atUs == 30));
}

TEST_CASE("The branch rows and the table of the two-branch session agree with compareBranches") {
  const std::string path = std::string(IRDRILL_SOURCE_DIR) + "/tests/data/sessions/phishing-two-branches.session.json";
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  core::Diagnostics diagnostics;
  const auto def = session::sessionFromJson(text.str(), path, diagnostics);
  REQUIRE(def);
  const auto rows = branchRows(session::listBranches(*def));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].name == "isolate now");
  CHECK(rows[0].forkTime.empty());
  CHECK_FALSE(rows[0].current);
  CHECK(rows[1].name == "analyse first");
  CHECK(rows[1].parent == "isolate now");
  CHECK(rows[1].forkTime == "d2 16:30:00");
  CHECK(rows[1].current);

  const auto loaded = session::loadSessionScenario(*def, std::string(IRDRILL_SOURCE_DIR) + "/tests/data/sessions");
  REQUIRE(loaded.scenario);
  const auto comparison = session::compareBranches(loaded.scenario, *def, "isolate now", "analyse first", std::nullopt);
  const auto table = comparisonRows(comparison);
  const auto* total = findRow(table, "", "total");
  REQUIRE(total);
  char expected[32];
  std::snprintf(expected, sizeof expected, "%.1f", comparison.terms.back().pointsB);
  CHECK(total->b == expected);
  // The decision is about the phishing incident: its row is in both branches.
  const auto* phishing = findRow(table, "phishing", "points");
  REQUIRE(phishing);
  CHECK(phishing->a != "-");
  CHECK(phishing->b != "-");
}

}  // namespace irdrill::gui::view_model
