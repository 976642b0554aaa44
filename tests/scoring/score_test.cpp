#include <catch2/catch.hpp>

#include <numeric>

#include "sim/scoring/score.hpp"

using namespace irdrill;
using scoring::IncidentOutcome;

namespace {

constexpr core::TimeUs kHourUs = core::kUsPerHour;

IncidentOutcome containedIncident() {
  IncidentOutcome x;
  x.id = "phishing-1";
  x.kind = incident::IncidentKind::CyberIntrusion;
  x.startUs = 10 * kHourUs;
  x.detected = {12 * kHourUs, 7};
  x.detectedBy = "monitoring";
  x.contained = {15 * kHourUs, 9};
  x.recovered = {20 * kHourUs, 11};
  x.recordsExfiltrated = 5000;
  x.recordsSeq = 8;
  x.downtimeS = 4 * 3600;
  x.endUs = 100 * kHourUs;
  return x;
}

const scoring::LedgerEntry* find(const scoring::ScoreCard& card, const std::string& term) {
  for (const auto& e : card.ledger) {
    if (e.term == term) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("The total is the base plus every ledger line, and each line is weight times quantity") {
  const scoring::ScoreWeights w;
  const auto card = scoring::scoreRun({containedIncident()}, w);
  const double sum = std::accumulate(card.ledger.begin(), card.ledger.end(), 0.0,
                                     [](double s, const auto& e) { return s + e.points; });
  CHECK(card.total == Approx(sum));
  for (const auto& e : card.ledger) {
    if (e.term == "base") continue;
    CHECK(e.points == Approx(e.quantity * (e.term == "time_to_detect"    ? w.perHourToDetect
                                           : e.term == "time_to_contain" ? w.perHourToContain
                                           : e.term == "time_to_recover" ? w.perHourToRecover
                                           : e.term == "records_exfiltrated" ? w.perRecordExfiltrated
                                           : e.term == "downtime"        ? w.perDowntimeHour
                                                                         : 0.0)));
  }
  // 1000 - 2*2h - 10*5h - 1*10h - 0.01*5000 - 5*4h
  CHECK(card.total == Approx(1000 - 4 - 50 - 10 - 50 - 20));
}

TEST_CASE("Ledger lines point at the events that fixed them") {
  const auto card = scoring::scoreRun({containedIncident()}, {});
  REQUIRE(find(card, "time_to_detect"));
  CHECK(find(card, "time_to_detect")->eventSeq == 7);
  CHECK(find(card, "time_to_contain")->eventSeq == 9);
  CHECK(find(card, "time_to_recover")->eventSeq == 11);
  CHECK(find(card, "records_exfiltrated")->eventSeq == 8);
  CHECK(find(card, "time_to_contain")->incident == "phishing-1");
  CHECK(find(card, "uncontained") == nullptr);
}

TEST_CASE("An incident never contained is charged until the end of the run and as uncontained") {
  IncidentOutcome x = containedIncident();
  x.contained = {};
  x.recovered = {};
  const auto card = scoring::scoreRun({x}, {});
  REQUIRE(find(card, "time_to_contain"));
  CHECK(find(card, "time_to_contain")->quantity == Approx(90.0));  // 10 h .. 100 h
  REQUIRE(find(card, "uncontained"));
  CHECK(find(card, "uncontained")->points == Approx(-200));
  CHECK(find(card, "time_to_contain")->detail == "not contained by the end");
}

TEST_CASE("Deadlines and adherence each give one ledger line") {
  IncidentOutcome x = containedIncident();
  x.deadlines.push_back({"report", 40 * kHourUs, 30 * kHourUs, 21, true});
  x.deadlines.push_back({"notify", 40 * kHourUs, std::nullopt, 7, false});
  x.stepsNotDone.push_back({"publish", 100 * kHourUs, 0});
  x.stepsOutOfOrder.push_back({"isolate", 14 * kHourUs, 0});
  x.stepsOutOfOrder.push_back({"restore", 19 * kHourUs, 0});
  const auto card = scoring::scoreRun({x}, {});
  const auto points = scoring::pointsByTerm(card);
  auto termPoints = [&](const char* name) {
    for (std::size_t i = 0; i < std::size(scoring::kScoreTermNames); ++i) {
      if (std::string(scoring::kScoreTermNames[i]) == name) return points[i];
    }
    return -1e9;
  };
  CHECK(termPoints("deadline_met") == Approx(10));
  CHECK(termPoints("deadline_missed") == Approx(-100));
  CHECK(termPoints("step_not_done") == Approx(-20));
  CHECK(termPoints("step_out_of_order") == Approx(-20));
  CHECK(find(card, "deadline_met")->eventSeq == 21);
  CHECK(find(card, "deadline_missed")->detail == "notify");
}

TEST_CASE("Weights come from the scenario: a zero weight removes a term's points") {
  scoring::ScoreWeights w;
  w.perRecordExfiltrated = 0;
  w.base = 0;
  const auto card = scoring::scoreRun({containedIncident()}, w);
  REQUIRE(find(card, "records_exfiltrated"));
  CHECK(find(card, "records_exfiltrated")->points == 0);
  CHECK(card.total == Approx(-4 - 50 - 10 - 20));
}
