// The What-if tab's view model: histogram binning and bar geometry, and the worker job.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <memory>
#include <random>
#include <thread>

#include "gui/view_model/what_if_histogram.hpp"
#include "gui/view_model/what_if_job.hpp"
#include "sim/scenario/scenario_loader.hpp"

using namespace irdrill;
using namespace irdrill::gui::view_model;

TEST_CASE("what-if histogram: every uncensored value in the bin that spans it, censored ones apart") {
  std::mt19937_64 rng(GENERATE(1u, 2u, 3u, 4u, 5u));  // a fixed seed per case
  std::lognormal_distribution<double> hours(3.0, 1.0);
  std::bernoulli_distribution isCensored(0.1);
  const std::size_t n = 1 + rng() % 300;
  std::vector<double> values;
  std::vector<bool> censored;
  std::uint64_t censoredCount = 0;
  for (std::size_t i = 0; i < n; ++i) {
    values.push_back(hours(rng));
    censored.push_back(isCensored(rng));
    censoredCount += censored.back() ? 1 : 0;
  }
  const double own = hours(rng);
  const int binCount = whatIfBinCount(n);
  CHECK(binCount >= 5);
  CHECK(binCount <= 20);
  const WhatIfHistogram h = binWhatIf(values, censored, own, false, binCount);
  CHECK(h.censored == censoredCount);
  std::uint64_t total = 0;
  for (const auto& bin : h.bins) total += bin.count;
  CHECK(total + h.censored == n);
  if (total > 0) {
    REQUIRE(h.bins.size() == static_cast<std::size_t>(binCount));
    // Bins tile the range without gaps.
    for (std::size_t b = 1; b < h.bins.size(); ++b) CHECK(h.bins[b].lowX == h.bins[b - 1].highX);
    // A recount by the bins' edges gives the same counts.
    for (std::size_t b = 0; b < h.bins.size(); ++b) {
      std::uint64_t inside = 0;
      for (std::size_t i = 0; i < n; ++i) {
        if (censored[i]) continue;
        const bool last = b + 1 == h.bins.size();
        if (values[i] >= h.bins[b].lowX && (values[i] < h.bins[b].highX || (last && values[i] <= h.bins[b].highX))) {
          ++inside;
        }
      }
      CHECK(inside == h.bins[b].count);
    }
    REQUIRE(h.ownBin);
    const auto& ownBin = h.bins[static_cast<std::size_t>(*h.ownBin)];
    CHECK(own >= ownBin.lowX);
    CHECK(own <= ownBin.highX);
  }
}

TEST_CASE("what-if histogram: one repeated value gets a width, no value gets no bins") {
  const WhatIfHistogram same = binWhatIf({160, 160, 160}, {}, 160.0, false, 5);
  REQUIRE(same.bins.size() == 5);
  CHECK(same.bins.front().lowX == 159.5);
  CHECK(same.bins.back().highX == 160.5);
  CHECK(same.maxCount == 3);
  const WhatIfHistogram none = binWhatIf({5, 6}, {true, true}, 7.0, true, 5);
  CHECK(none.bins.empty());
  CHECK(none.censored == 2);
  CHECK_FALSE(none.ownBin);
  CHECK(binWhatIf({}, {}, std::nullopt, false, 5).bins.empty());
}

TEST_CASE("what-if bars fill the rectangle, the tallest reaching the top, the censored bar last") {
  const WhatIfHistogram h = binWhatIf({1, 2, 2, 3, 3, 3, 10}, {false, false, false, false, false, false, true}, 2.0,
                                      false, 5);
  const auto bars = whatIfBars(h, 100, 50, 400, 200);
  REQUIRE(bars.size() == 6);
  CHECK(bars.back().censored);
  CHECK(bars.back().count == 1);
  for (const auto& bar : bars) {
    CHECK(bar.x0 >= 100);
    CHECK(bar.x1 <= 500);
    CHECK(bar.y1 == 250);
    CHECK(bar.y0 >= 50);
    CHECK(bar.y1 - bar.y0 == Approx(200.0 * bar.count / h.maxCount));
  }
  for (std::size_t b = 1; b < bars.size(); ++b) CHECK(bars[b].x0 >= bars[b - 1].x1);
  const auto marker = whatIfOwnMarkerX(h, 100, 400);
  REQUIRE(marker);
  const auto& ownBar = bars[static_cast<std::size_t>(*h.ownBin)];
  CHECK(*marker >= ownBar.x0);
  CHECK(*marker <= ownBar.x1 + 1);
  // A censored own value is marked on the censored bar.
  const WhatIfHistogram c = binWhatIf({1, 2, 10}, {false, false, true}, 10.0, true, 5);
  const auto cBars = whatIfBars(c, 0, 0, 100, 10);
  const auto cMarker = whatIfOwnMarkerX(c, 0, 100);
  REQUIRE(cMarker);
  CHECK(*cMarker > cBars.back().x0);
  CHECK(*cMarker < cBars.back().x1 + 1);
}

namespace {

std::shared_ptr<const scenario::ScenarioDef> phishing() {
  auto loaded = scenario::loadScenarioFile(std::string(IRDRILL_SOURCE_DIR) + "/scenarios/phishing-exfiltration.yaml");
  REQUIRE(loaded.scenario);
  return std::make_shared<const scenario::ScenarioDef>(std::move(*loaded.scenario));
}

}  // namespace

TEST_CASE("the what-if job runs off the calling thread, reports progress and keeps the result") {
  WhatIfJob job;
  WhatIfRequest request;
  request.scenario = phishing();
  request.header.seed = 1;
  request.plan.replications = 30;
  request.plan.threads = 2;
  REQUIRE(job.start(request));
  CHECK_FALSE(job.start(request));  // one run at a time (or it already finished: see below)
  job.wait();
  CHECK_FALSE(job.running());
  const auto outcome = job.outcome();
  REQUIRE(outcome);
  CHECK(outcome->error.empty());
  CHECK(outcome->result.completed == 30);
  CHECK(job.done() == 30);
  CHECK(job.total() == 30);
  // The same plan again gives the same rows (the job adds nothing random).
  REQUIRE(job.start(request));
  job.wait();
  const auto again = job.outcome();
  REQUIRE(again->result.rows.size() == outcome->result.rows.size());
  for (std::size_t r = 0; r < again->result.rows.size(); ++r) {
    CHECK(again->result.rows[r][0] == outcome->result.rows[r][0]);  // the score column
  }
}

TEST_CASE("the what-if job cancels, and destroying a running job joins its thread") {
  WhatIfRequest request;
  request.scenario = phishing();
  request.header.seed = 1;
  request.plan.replications = 1000000;  // far more than can finish before the cancel
  request.plan.threads = 1;
  {
    WhatIfJob job;
    REQUIRE(job.start(request));
    while (job.done() < 3) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    job.cancel();
    job.wait();
    const auto outcome = job.outcome();
    REQUIRE(outcome);
    CHECK(outcome->result.stopped);
    CHECK(outcome->result.completed >= 3);
    CHECK(outcome->result.completed < 1000000);
  }
  {
    WhatIfJob job;
    REQUIRE(job.start(request));
    // Destroyed while running: the destructor stops and joins (the test ends, no crash).
  }
  SUCCEED("no thread left running");
}
