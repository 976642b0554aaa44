// What-if replications of a session's decision log (sim/montecarlo/what_if.hpp).
#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "sim/montecarlo/exercise_model.hpp"
#include "sim/montecarlo/what_if.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/session/session_file.hpp"

using namespace irdrill;
using montecarlo::WhatIfPlan;
using montecarlo::WhatIfVariant;

namespace {

std::shared_ptr<const scenario::ScenarioDef> phishing() {
  static const auto loaded = [] {
    auto l = scenario::loadScenarioFile(std::string(IRDRILL_TEST_DATA_DIR) + "/../../scenarios/phishing-exfiltration.yaml");
    REQUIRE(l.scenario);
    return std::make_shared<const scenario::ScenarioDef>(std::move(*l.scenario));
  }();
  return loaded;
}

// The golden session: an early order to isolate, on seed 1 (docs/session-format.md).
session::SessionDef earlyIsolate() {
  core::Diagnostics diagnostics;
  auto s = session::readSessionFile(std::string(IRDRILL_TEST_DATA_DIR) + "/sessions/phishing-early-isolate.session.json",
                                    diagnostics);
  REQUIRE(s);
  return *s;
}

std::size_t column(const montecarlo::WhatIfResult& r, const std::string& name) {
  for (std::size_t i = 0; i < r.metrics.size(); ++i) {
    if (r.metrics[i].name == name) return i;
  }
  FAIL("no column " << name);
  return 0;
}

// Rows compared bit for bit (NaN equals NaN).
bool sameBits(const std::vector<std::vector<double>>& a, const std::vector<std::vector<double>>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t r = 0; r < a.size(); ++r) {
    if (a[r].size() != b[r].size()) return false;
    for (std::size_t c = 0; c < a[r].size(); ++c) {
      if (std::isnan(a[r][c]) != std::isnan(b[r][c])) return false;
      if (!std::isnan(a[r][c]) && a[r][c] != b[r][c]) return false;
    }
  }
  return true;
}

const std::atomic<bool> kGo{false};

}  // namespace

TEST_CASE("what-if results are the same on 1, 2 and 4 threads") {
  const auto session = earlyIsolate();
  WhatIfPlan plan;
  plan.variant = GENERATE(WhatIfVariant::Fresh, WhatIfVariant::FromHere);
  plan.replications = 12;
  plan.fromUs = 30 * core::kUsPerHour;  // d1 06:00: the intruder is inside, nobody knows
  plan.threads = 1;
  const auto one = montecarlo::runWhatIf(phishing(), session, session.entries, plan, kGo);
  REQUIRE(one.completed == 12);
  REQUIRE(one.rows.size() == 12);
  for (int threads : {2, 4}) {
    plan.threads = threads;
    const auto many = montecarlo::runWhatIf(phishing(), session, session.entries, plan, kGo);
    CHECK(sameBits(one.rows, many.rows));
    CHECK(sameBits({one.own}, {many.own}));
  }
  // The replications are not all one run.
  const std::size_t score = column(one, "score");
  bool varied = false;
  for (const auto& row : one.rows) varied = varied || row[score] != one.rows.front()[score];
  CHECK(varied);
}

TEST_CASE("fresh replications score what irdrill mc --decisions scores on the same seeds") {
  const auto session = earlyIsolate();
  WhatIfPlan plan;
  plan.replications = 6;
  plan.seedBase = 21;
  const auto r = montecarlo::runWhatIf(phishing(), session, session.entries, plan, kGo);
  const auto model = montecarlo::makeExerciseModel(*phishing(), session.entries);
  const auto& defs = model->metrics();
  const auto scoreIt = std::find_if(defs.begin(), defs.end(), [](const auto& d) { return d.name == "score"; });
  REQUIRE(scoreIt != defs.end());
  for (std::uint64_t rep = 0; rep < 6; ++rep) {
    std::vector<double> values(defs.size());
    model->run(21, rep, values);
    CHECK(r.rows[rep][column(r, "score")] == values[static_cast<std::size_t>(scoreIt - defs.begin())]);
  }
  CHECK(r.seedBase == 21);
  CHECK(r.ownDecisionsRefused == 0);
  // The session's own run is seed 1, replication 0: its golden score (docs/session-format.md).
  CHECK(r.score.own == Approx(160).margin(1));
}

TEST_CASE("from here at the end of the exercise every replication is the session's own run") {
  const auto session = earlyIsolate();
  WhatIfPlan plan;
  plan.variant = WhatIfVariant::FromHere;
  plan.replications = 5;
  plan.fromUs = core::secondsToUs(phishing()->horizonS);
  const auto r = montecarlo::runWhatIf(phishing(), session, session.entries, plan, kGo);
  for (const auto& row : r.rows) CHECK(sameBits({row}, {r.own}));
  REQUIRE(r.score.ownPercentile);
  CHECK(*r.score.ownPercentile == 50.0);  // all ties: mid-rank
  for (const auto& d : r.deadlines) {
    CHECK((d.missed == 0 || d.missed == d.runs));  // every replication alike
  }
}

TEST_CASE("from here keeps the past: the incident's start and detection before T are the session's") {
  // T after detection (d2 16:12) and the decision (d2 16:30): every replication has the
  // same detection, so the same time to detect; containment is re-drawn.
  const auto session = earlyIsolate();
  WhatIfPlan plan;
  plan.variant = WhatIfVariant::FromHere;
  plan.replications = 20;
  plan.fromUs = session.lastUs;  // d2 17:33:20
  const auto r = montecarlo::runWhatIf(phishing(), session, session.entries, plan, kGo);
  REQUIRE(r.incidents.size() == 1);
  CHECK(r.incidents[0].id == "phishing");
  CHECK(r.incidents[0].runsWithIncident == 20);
  const std::size_t detect = column(r, "score_time_to_detect");
  for (const auto& row : r.rows) CHECK(row[detect] == r.own[detect]);
  // The fresh variant on the same plan does not keep it.
  plan.variant = WhatIfVariant::Fresh;
  const auto fresh = montecarlo::runWhatIf(phishing(), session, session.entries, plan, kGo);
  int differentDetection = 0;
  for (const auto& row : fresh.rows) differentDetection += row[detect] != r.own[detect] ? 1 : 0;
  CHECK(differentDetection >= 15);
}

TEST_CASE("the Wilson interval matches hand-computed values and stays within [0, 1]") {
  auto [lo0, hi0] = montecarlo::wilsonInterval95(0, 10);
  CHECK(lo0 == 0.0);
  CHECK(hi0 == Approx(0.27753).epsilon(1e-4));  // z^2 / (n + z^2)
  auto [lo5, hi5] = montecarlo::wilsonInterval95(5, 10);
  CHECK(lo5 == Approx(0.23659).epsilon(1e-4));
  CHECK(hi5 == Approx(0.76341).epsilon(1e-4));
  auto [lo10, hi10] = montecarlo::wilsonInterval95(10, 10);
  CHECK(hi10 == 1.0);
  CHECK(lo10 == Approx(1 - 0.27753).epsilon(1e-4));
  CHECK(montecarlo::wilsonInterval95(0, 0) == std::pair(0.0, 1.0));
}

TEST_CASE("deadline probabilities count every replication and the interval contains the estimate") {
  const auto session = earlyIsolate();
  WhatIfPlan plan;
  plan.replications = 30;
  const auto r = montecarlo::runWhatIf(phishing(), session, session.entries, plan, kGo);
  REQUIRE(r.deadlines.size() == phishing()->scoring.deadlines.size());
  for (const auto& d : r.deadlines) {
    CHECK(d.runs == 30);
    CHECK(d.missed <= d.applied);
    CHECK(d.applied <= d.runs);
    CHECK(d.probability == Approx(double(d.missed) / 30));
    CHECK(d.wilsonLow <= d.probability);
    CHECK(d.wilsonHigh >= d.probability);
    CHECK(d.wilsonLow >= 0.0);
    CHECK(d.wilsonHigh <= 1.0);
  }
}

TEST_CASE("censored times to contain are flagged and quantiles beyond them are not invented") {
  const auto session = earlyIsolate();
  WhatIfPlan plan;
  plan.replications = 40;
  plan.seedBase = 3;
  const auto r = montecarlo::runWhatIf(phishing(), session, {}, plan, kGo);  // no decision
  REQUIRE(!r.incidents.empty());
  const auto& d = r.incidents[0].timeToContainH;
  const std::size_t contained = column(r, "contained[phishing]");
  std::uint64_t notContained = 0;
  for (const auto& row : r.rows) notContained += row[contained] == 0.0 ? 1 : 0;
  CHECK(d.censoredCount == notContained);
  if (d.censoredCount > 0) {
    CHECK_FALSE(d.quantile(1.0));  // the largest is only known to be beyond the end
  }
  if (d.censoredCount < d.values.size()) {
    REQUIRE(d.quantile(0.0));
    CHECK(*d.quantile(0.0) >= 0.0);
  }
}

TEST_CASE("cancelling stops early with the first replications kept") {
  const auto session = earlyIsolate();
  WhatIfPlan plan;
  plan.replications = 400;
  plan.threads = 2;
  std::atomic<bool> stop{false};
  std::uint64_t lastDone = 0;
  const auto r = montecarlo::runWhatIf(phishing(), session, session.entries, plan, stop,
                                       [&](const montecarlo::RunProgress& p) {
                                         lastDone = p.done;
                                         if (p.done >= 5) stop = true;
                                       });
  CHECK(r.stopped);
  CHECK(r.completed < 400);
  CHECK(r.completed >= 5);
  CHECK(r.rows.size() == r.completed);
  CHECK(lastDone <= r.completed);
  CHECK(montecarlo::describeWhatIf(r).find("of 400") != std::string::npos);
}

TEST_CASE("two branches on common random numbers: a log against itself differs by exactly 0") {
  const auto session = earlyIsolate();
  WhatIfPlan plan;
  plan.replications = 10;
  plan.variant = GENERATE(WhatIfVariant::Fresh, WhatIfVariant::FromHere);
  plan.fromUs = 30 * core::kUsPerHour;
  const auto same = montecarlo::runWhatIfPaired(phishing(), session, session.entries, session.entries, plan, kGo);
  for (const auto& d : same.differences) {
    if (d.pairs == 0) continue;
    CHECK(d.meanDifference == 0.0);
  }
  // Isolating early against doing nothing: B (no decision) scores lower, replication by
  // replication on the same draws.
  plan.variant = WhatIfVariant::Fresh;
  const auto c = montecarlo::runWhatIfPaired(phishing(), session, session.entries, {}, plan, kGo);
  CHECK(c.a.metrics.size() == c.b.metrics.size());
  const auto it = std::find_if(c.differences.begin(), c.differences.end(), [](const auto& d) { return d.name == "score"; });
  REQUIRE(it != c.differences.end());
  CHECK(it->pairs == 10);
  CHECK(it->meanDifference == Approx(it->meanB - it->meanA));
  // On the same seed without the decision, the first replication of B is the plain run.
  const auto plainModel = montecarlo::makeExerciseModel(*phishing());
  std::vector<double> plain(plainModel->metrics().size());
  plainModel->run(session.seed, 0, plain);
  const auto& defs = plainModel->metrics();
  const auto score = static_cast<std::size_t>(
      std::find_if(defs.begin(), defs.end(), [](const auto& d) { return d.name == "score"; }) - defs.begin());
  CHECK(c.b.rows[0][column(c.b, "score")] == plain[score]);
}
