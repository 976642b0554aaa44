// Kaplan-Meier curves against hand-computed examples, and the streaming version against
// the exact one.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "sim/montecarlo/run_statistics.hpp"
#include "sim/montecarlo/survival.hpp"

using namespace irdrill::montecarlo;

TEST_CASE("Kaplan-Meier matches a hand-computed example") {
  // Times 1, 2+, 3, 3, 4+, 5 (+: censored). By hand:
  //   t = 1: 6 at risk, 1 event -> S = 5/6
  //   t = 2: censored, S stays 5/6; 5 at risk before it
  //   t = 3: 4 at risk, 2 events -> S = 5/6 * 2/4 = 5/12
  //   t = 4: censored; t = 5: 1 at risk, 1 event -> S = 0
  const auto curve = kaplanMeier({{3, 1, 0}, {1, 1, 0}, {2, 0, 1}, {3, 1, 0}, {4, 0, 1}, {5, 1, 0}});
  REQUIRE(curve.size() == 5);
  CHECK(curve[0].time == 1);
  CHECK(curve[0].survival == Approx(5.0 / 6));
  CHECK(curve[0].atRisk == 6);
  CHECK(curve[1].time == 2);
  CHECK(curve[1].censored == 1);
  CHECK(curve[1].survival == Approx(5.0 / 6));
  CHECK(curve[2].time == 3);
  CHECK(curve[2].atRisk == 4);
  CHECK(curve[2].events == 2);
  CHECK(curve[2].survival == Approx(5.0 / 12));
  CHECK(curve[3].atRisk == 2);
  CHECK(curve[4].survival == 0.0);
  CHECK(survivalQuantile(curve, 0.5) == 3);
  CHECK(survivalQuantile(curve, 0.1) == 1);
  CHECK(survivalQuantile(curve, 0.9) == 5);
}

TEST_CASE("A median the curve never reaches is not reported") {
  // One event at 1 of four; the others still open at 2, 3 and 4: S never below 3/4.
  const auto curve = kaplanMeier({{1, 1, 0}, {2, 0, 1}, {3, 0, 1}, {4, 0, 1}});
  CHECK(curve.back().survival == Approx(0.75));
  CHECK(std::isnan(survivalQuantile(curve, 0.5)));
  CHECK(survivalQuantile(curve, 0.25) == 1);
}

TEST_CASE("At a tie, events come before the censoring") {
  // 2 (event), 2+ (censored), 3: at 2 three at risk, one event; at 3 one at risk.
  const auto curve = kaplanMeier({{2, 1, 1}, {3, 1, 0}});
  REQUIRE(curve.size() == 2);
  CHECK(curve[0].atRisk == 3);
  CHECK(curve[0].survival == Approx(2.0 / 3));
  CHECK(curve[1].atRisk == 1);
  CHECK(curve[1].survival == 0.0);
}

TEST_CASE("Without censoring the curve is one minus the empirical CDF") {
  SurvivalSketch sketch;
  for (const double t : {4.0, 1.0, 2.0, 3.0}) sketch.add(t, false);
  const auto curve = sketch.curve();
  REQUIRE(curve.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(curve[i].time == double(i + 1));
    CHECK(curve[i].survival == Approx(1 - (i + 1) / 4.0));
  }
}

TEST_CASE("Run statistics give censored times Kaplan-Meier quantiles and a censored count") {
  // Replications: time to contain and the share of incidents not contained. Three of six
  // are censored at the 10 h horizon; the t-interval-era summary called the median 10 h.
  RunStatistics stats({{"time_to_contain_h", "h", "", MetricKind::Duration, Better::Lower, "not_contained_fraction"},
                       {"not_contained_fraction", "", "", MetricKind::Proportion, Better::Lower}});
  const double rows[][2] = {{1, 0}, {10, 1}, {2, 0}, {10, 0.5}, {10, 1}, {3, 0}};
  for (const auto& row : rows) stats.add(row);
  const auto summaries = stats.summaries();
  const MetricSummary& contain = summaries[0];
  CHECK(contain.censored == 3);
  CHECK(contain.censoredBy == "not_contained_fraction");
  // S: 5/6 at 1, 4/6 at 2, 3/6 at 3, then only censored: median 3, not 10.
  CHECK(contain.median == 3);
  CHECK(std::isnan(contain.p90));  // fewer than 20 replications, and not reached anyway
  CHECK(contain.survival.back().survival == Approx(0.5));
  CHECK(summaries[1].censoredBy.empty());
  CHECK(summaries[1].intervalMethod == IntervalMethod::Wilson);
}
