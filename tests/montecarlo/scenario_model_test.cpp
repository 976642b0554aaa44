// The scenario replication model: its metric list, values equal to an Exercise run by
// hand on the same (seed, replication), and common random numbers (a scenario compared
// with itself differs by exactly zero).
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>

#include "sim/exercise/exercise.hpp"
#include "sim/montecarlo/paired_model.hpp"
#include "sim/montecarlo/run_statistics.hpp"
#include "sim/montecarlo/runner.hpp"
#include "sim/montecarlo/scenario_model.hpp"
#include "sim/scenario/scenario_loader.hpp"

using namespace irdrill::montecarlo;

namespace {

const std::string kSmall = std::string(IRDRILL_TEST_DATA_DIR) + "/scenarios/good/mc-small.yaml";

irdrill::scenario::ScenarioDef loadSmall() {
  auto loaded = irdrill::scenario::loadScenarioFile(kSmall);
  REQUIRE(loaded.scenario);
  return *loaded.scenario;
}

class CollectingSink : public ReplicationSink {
 public:
  explicit CollectingSink(CompareStatistics& stats, std::size_t half) : stats_(stats), half_(half) {}
  void onReplication(std::uint64_t, std::span<const double> values) override {
    stats_.add(values.first(half_), values.subspan(half_));
  }

 private:
  CompareStatistics& stats_;
  std::size_t half_;
};

}  // namespace

TEST_CASE("The scenario model reports the day's metrics, then the incidents' and the score's") {
  const auto model = makeScenarioModel(loadSmall());
  std::vector<std::string> names;
  for (const auto& m : model->metrics()) names.push_back(m.name);
  REQUIRE(names.size() > 13);
  CHECK(std::vector<std::string>(names.begin(), names.begin() + 13) ==
        std::vector<std::string>{
            "items_left_behind", "separations", "separations_detected",
            "detection_probability_all_items", "detection_latency_median_s", "detection_latency_p90_s",
            "false_alarms_per_person_day", "phone_alerts", "false_alerts", "items_recovered",
            "items_lost", "gateway_alerts", "crowd_reports"});
  for (const char* name : {"incidents", "time_to_detect_h", "time_to_contain_h", "time_to_recover_h",
                           "records_exfiltrated", "downtime_h", "score", "score_time_to_contain"}) {
    CHECK(std::find(names.begin(), names.end(), name) != names.end());
  }
  // Every score term is a metric, for the report's breakdown.
  for (const auto& term : model->scoreTerms()) {
    CHECK(std::find(names.begin(), names.end(), term) != names.end());
  }
  for (const auto& m : model->metrics()) CHECK_FALSE(m.description.empty());
}

TEST_CASE("A replication's values are those of the office day with the same seed and index") {
  const auto def = loadSmall();
  const auto model = makeScenarioModel(def);
  bool sawSeparation = false, sawNone = false;
  for (std::uint64_t r = 0; r < 12; ++r) {
    std::vector<double> values(model->metrics().size());
    model->run(9, r, values);
    irdrill::exercise::Exercise run(def, 9, r);
    run.runToEnd();
    REQUIRE(run.officeDay());
    const auto& m = run.officeDay()->metrics();
    CHECK(values[0] == m.itemsLeftBehind);
    CHECK(values[1] == m.separations);
    CHECK(values[2] == m.separationsDetected);
    CHECK(values[6] == m.falseAlarmsPerPersonDay());
    CHECK(values[7] == m.phoneAlerts);
    CHECK(values[8] == m.falseAlerts);
    CHECK(values[10] == m.itemsLost);
    if (m.separations == 0) {
      sawNone = true;
      CHECK(std::isnan(values[3]));  // detection probability does not apply
    } else {
      sawSeparation = true;
      CHECK(values[3] == double(m.separationsDetected) / m.separations);
    }
    if (m.detectionLatenciesS.empty()) {
      CHECK(std::isnan(values[4]));
      CHECK(std::isnan(values[5]));
    } else {
      auto sorted = m.detectionLatenciesS;
      std::sort(sorted.begin(), sorted.end());
      CHECK(values[4] >= sorted.front());
      CHECK(values[5] >= values[4]);
      CHECK(values[5] <= sorted.back());
    }
    // Same arguments, same bits: the model is a pure function of (seed, replication).
    std::vector<double> again(values.size());
    model->run(9, r, again);
    CHECK(std::memcmp(values.data(), again.data(), values.size() * sizeof(double)) == 0);
  }
  CHECK(sawSeparation);  // the test scenario exercises both cases
  CHECK(sawNone);
}

TEST_CASE("A scenario compared with itself differs by exactly zero (common random numbers)") {
  const auto def = loadSmall();
  const auto a = makeScenarioModel(def);
  const auto b = makeScenarioModel(def);
  PairedModel paired(*a, *b);
  CompareStatistics stats(a->metrics());
  CollectingSink sink(stats, paired.half());
  std::atomic<bool> stop{false};
  const auto result = runReplications(paired, {3, 0, 20, 2}, sink, stop);
  REQUIRE(result.completed == 20);
  for (const auto& d : stats.differences()) {
    INFO(d.name);
    CHECK(d.meanA == d.meanB);
    if (d.pairs == 0) continue;
    CHECK(d.meanDifference == 0.0);
    if (d.pairs >= 2) {
      CHECK(d.ciLow == 0.0);
      CHECK(d.ciHigh == 0.0);
    }
  }
}
