#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include "sim/sweep/pareto.hpp"
#include "sim/sweep/sweep_statistics.hpp"

using irdrill::sweep::Candidate;
using irdrill::sweep::Constraint;
using irdrill::sweep::dominates;
using irdrill::sweep::paretoFront;
using irdrill::sweep::recommend;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

TEST_CASE("Pareto front of hand-made points") {
  // false alarms, detection, median latency
  const std::vector<Candidate> points{
      {0.1, 0.50, 30},  // 0 front: fewest false alarms
      {0.2, 0.70, 30},  // 1 front
      {0.3, 0.60, 10},  // 2 beaten by 1 (more false alarms, less detection)
      {0.2, 0.70, 20},  // 3 front: ties 1 on both, faster, so it beats 1
      {0.9, 0.95, 90},  // 4 front: best detection
      {0.9, 0.90, 5},   // 5 beaten by 4
      {kNaN, 0.99, 1},  // 6 no false-alarm figure: on no front, beats nothing
  };
  const std::vector<bool> front = paretoFront(points);
  CHECK(front == std::vector<bool>{true, false, false, true, true, false, false});
  CHECK(dominates(points[3], points[1]));
  CHECK_FALSE(dominates(points[1], points[3]));
  CHECK_FALSE(dominates(points[6], points[0]));
}

TEST_CASE("The recommendation: best detection within the limit, then latency, false alarms, order") {
  const std::vector<Candidate> points{
      {0.1, 0.50, 30},  // 0
      {0.4, 0.80, 40},  // 1
      {0.5, 0.80, 20},  // 2 same detection as 1, faster: wins although it has more false alarms
      {0.3, 0.80, 20},  // 3 same detection and latency as 2, fewer false alarms: wins
      {0.6, 0.99, 5},   // 4 over the limit
      {0.3, 0.80, 20},  // 5 a full tie with 3: the earlier point stays
  };
  CHECK(recommend(points, Constraint{0.5, {}}) == 3);
  CHECK(recommend(points, Constraint{0.7, {}}) == 4);
  CHECK(recommend(points, Constraint{0.2, {}}) == 0);
  CHECK(recommend(points, Constraint{0.05, {}}) == -1);
  // A minimum detection nobody within the limit reaches: no recommendation.
  CHECK(recommend(points, Constraint{0.5, 0.9}) == -1);
  CHECK(recommend(points, Constraint{0.7, 0.9}) == 4);
  // A NaN latency (nothing detected) is the worst latency.
  const std::vector<Candidate> latency{{0.1, 0.0, kNaN}, {0.2, 0.0, 100}};
  CHECK(recommend(latency, Constraint{0.5, {}}) == 1);
  CHECK(irdrill::sweep::constraintText(Constraint{0.5, 0.8}) ==
        "false alarms per person-day <= 0.5 and detection probability >= 0.8");
}

TEST_CASE("Property: no front point is dominated and every other point is") {
  boost::random::mt19937 rng(20240611);
  // Coarse values make ties on both objectives (and on latency) common.
  boost::random::uniform_int_distribution<int> level(0, 6);
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<Candidate> points(static_cast<std::size_t>(1 + trial % 40));
    for (Candidate& c : points) {
      c.falseAlarmsPerPersonDay = level(rng) * 0.25;
      c.detectionProbability = level(rng) / 6.0;
      c.medianLatencyS = level(rng) == 0 ? kNaN : level(rng) * 10.0;
    }
    const std::vector<bool> front = paretoFront(points);
    bool anyFront = false;
    for (std::size_t i = 0; i < points.size(); ++i) {
      bool dominated = false;
      for (std::size_t j = 0; j < points.size(); ++j) dominated = dominated || dominates(points[j], points[i]);
      CHECK(front[i] == !dominated);
      anyFront = anyFront || front[i];
    }
    CHECK(anyFront);  // a finite set always has an undominated point
    // The recommended point meets the constraint and no other that does is better.
    const Constraint constraint{0.75, {}};
    const int best = recommend(points, constraint);
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (!irdrill::sweep::meetsConstraint(points[i], constraint)) continue;
      REQUIRE(best >= 0);
      CHECK(points[i].detectionProbability <= points[static_cast<std::size_t>(best)].detectionProbability);
    }
  }
}

TEST_CASE("Wilson interval") {
  // Reference values (z = 1.96): 8 of 10 -> [0.4902, 0.9433]; 0 of 10 -> [0, 0.2775].
  const auto [lo, hi] = irdrill::sweep::wilsonInterval(8, 10);
  CHECK(lo == Approx(0.4902).margin(1e-4));
  CHECK(hi == Approx(0.9433).margin(1e-4));
  const auto [lo0, hi0] = irdrill::sweep::wilsonInterval(0, 10);
  CHECK(lo0 == 0.0);
  CHECK(hi0 == Approx(0.2775).margin(1e-4));
  const auto [loAll, hiAll] = irdrill::sweep::wilsonInterval(10, 10);
  CHECK(loAll == Approx(0.7225).margin(1e-4));
  CHECK(hiAll == 1.0);
  CHECK(std::isnan(irdrill::sweep::wilsonInterval(0, 0).first));
}
