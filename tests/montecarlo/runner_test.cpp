// The replication runner: the sink sees replications in order with identical values on
// any number of threads; the reorder window bounds how far workers run ahead; the stop
// flag leaves a contiguous prefix; a model's exception reaches the caller; shards are
// contiguous blocks whose outputs concatenate into the whole run's.
#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <cstring>
#include <mutex>
#include <sstream>
#include <vector>

#include "sim/montecarlo/run_statistics.hpp"
#include "sim/montecarlo/runner.hpp"
#include "sim/montecarlo/runs_csv.hpp"
#include "synthetic_model.hpp"

using namespace irdrill::montecarlo;
using irdrill::montecarlo::testing::SyntheticModel;

namespace {

struct Row {
  std::uint64_t replication;
  std::vector<double> values;
};

class RecordingSink : public ReplicationSink {
 public:
  void onReplication(std::uint64_t replication, std::span<const double> values) override {
    rows.push_back({replication, {values.begin(), values.end()}});
    delivered.store(rows.size());
    if (stopAfter != 0 && rows.size() == stopAfter && stop != nullptr) stop->store(true);
  }
  std::vector<Row> rows;
  std::atomic<std::uint64_t> delivered{0};
  std::size_t stopAfter = 0;
  std::atomic<bool>* stop = nullptr;
};

// Bitwise equality, so NaN equals NaN and -0 differs from 0.
bool sameBits(const std::vector<Row>& a, const std::vector<Row>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].replication != b[i].replication || a[i].values.size() != b[i].values.size()) return false;
    if (std::memcmp(a[i].values.data(), b[i].values.data(), a[i].values.size() * sizeof(double)) != 0) {
      return false;
    }
  }
  return true;
}

std::vector<Row> run(const ReplicationModel& model, RunPlan plan) {
  RecordingSink sink;
  std::atomic<bool> stop{false};
  const RunResult result = runReplications(model, plan, sink, stop);
  REQUIRE(result.completed == plan.count);
  REQUIRE_FALSE(result.stopped);
  return sink.rows;
}

}  // namespace

TEST_CASE("Rows arrive in replication order with the same bits on 1, 2 and 4 threads") {
  SyntheticModel model;
  const auto one = run(model, {7, 0, 300, 1});
  REQUIRE(one.size() == 300);
  for (std::size_t i = 0; i < one.size(); ++i) REQUIRE(one[i].replication == i);
  CHECK(std::isnan(one[0].values[2]));
  CHECK(one[1].values[2] == 1.0);
  CHECK(sameBits(one, run(model, {7, 0, 300, 2})));
  CHECK(sameBits(one, run(model, {7, 0, 300, 4})));
  // And the values are the model's own for (seed, replication): the runner adds nothing.
  std::vector<double> direct(4);
  model.run(7, 123, direct);
  CHECK(std::memcmp(direct.data(), one[123].values.data(), sizeof(double) * 4) == 0);
  // Another seed is another run.
  CHECK_FALSE(sameBits(one, run(model, {8, 0, 300, 2})));
}

TEST_CASE("Workers never run further ahead of the sink than the reorder window") {
  SyntheticModel model;
  RecordingSink sink;
  std::atomic<std::uint64_t> worstLead{0};
  model.observe = [&](std::uint64_t replication) {
    // The runner counts a replication delivered just before handing it to the sink.
    const std::uint64_t lead = replication + 1 - sink.delivered.load();
    std::uint64_t seen = worstLead.load();
    while (lead > seen && !worstLead.compare_exchange_weak(seen, lead)) {
    }
  };
  std::atomic<bool> stop{false};
  const RunResult result = runReplications(model, {1, 0, 2000, 4}, sink, stop);
  CHECK(result.completed == 2000);
  INFO("worst lead " << worstLead.load());
  // The window in the slots, plus one batch taken out of them and not yet at the sink.
  CHECK(worstLead.load() <= 2 * reorderWindow(4) + 1);
}

TEST_CASE("The stop flag leaves the first k replications, complete and in order") {
  SyntheticModel model;
  RecordingSink sink;
  std::atomic<bool> stop{false};
  sink.stop = &stop;
  sink.stopAfter = 25;
  const RunResult result = runReplications(model, {3, 100, 100000, 4}, sink, stop);
  CHECK(result.stopped);
  CHECK(result.completed >= 25);
  // In flight when the flag was seen: the window, plus the batch on its way to the sink.
  CHECK(result.completed <= 25 + 2 * reorderWindow(4));
  REQUIRE(sink.rows.size() == result.completed);
  for (std::size_t i = 0; i < sink.rows.size(); ++i) CHECK(sink.rows[i].replication == 100 + i);
  // The partial rows are exactly the first rows of the full run.
  const auto full = run(model, {3, 100, result.completed, 2});
  CHECK(sameBits(sink.rows, full));
}

TEST_CASE("A stop requested before the start runs nothing") {
  SyntheticModel model;
  RecordingSink sink;
  std::atomic<bool> stop{true};
  const RunResult result = runReplications(model, {3, 0, 50, 2}, sink, stop);
  CHECK(result.completed == 0);
  CHECK(result.stopped);
  CHECK(sink.rows.empty());
}

TEST_CASE("A model's exception reaches the caller after the workers stop") {
  SyntheticModel model;
  model.throwAt = 40;
  RecordingSink sink;
  std::atomic<bool> stop{false};
  CHECK_THROWS_WITH(runReplications(model, {3, 0, 1000, 3}, sink, stop), "synthetic failure");
  CHECK(sink.rows.size() <= 40);
  for (std::size_t i = 0; i < sink.rows.size(); ++i) CHECK(sink.rows[i].replication == i);
}

TEST_CASE("Progress is reported with the count done and the total") {
  SyntheticModel model;
  RecordingSink sink;
  std::atomic<bool> stop{false};
  std::uint64_t lastDone = 0, calls = 0;
  bool monotonic = true;
  runReplications(model, {3, 0, 60, 2}, sink, stop, [&](const RunProgress& p) {
    monotonic = monotonic && p.done >= lastDone && p.total == 60 && p.elapsedS >= 0;
    lastDone = p.done;
    ++calls;
  });
  CHECK(monotonic);
  CHECK(lastDone == 60);
  CHECK(calls >= 60);
}

TEST_CASE("Shards are contiguous blocks that cover the run exactly once") {
  for (const std::uint64_t total : {0ULL, 1ULL, 7ULL, 100ULL, 1001ULL}) {
    for (const std::uint64_t shards : {1ULL, 2ULL, 3ULL, 8ULL}) {
      std::uint64_t next = 0;
      for (std::uint64_t i = 0; i < shards; ++i) {
        const auto range = shardRange(total, i, shards);
        CHECK(range.first == next);
        CHECK(range.count + 1 >= total / shards);
        CHECK(range.count <= total / shards + 1);
        next += range.count;
      }
      CHECK(next == total);
    }
  }
  CHECK_THROWS(shardRange(10, 3, 3));
}

TEST_CASE("Three shards read back from their CSV give the whole run's CSV and statistics") {
  SyntheticModel model;
  const std::uint64_t total = 100, seed = 11;
  // The whole run, as `irdrill mc` streams it.
  std::ostringstream wholeCsv;
  RunStatistics wholeStats(model.metrics());
  {
    RunsCsvWriter writer(wholeCsv, model.metrics(), seed);
    for (const Row& row : run(model, {seed, 0, total, 2})) {
      writer.onReplication(row.replication, row.values);
      wholeStats.add(row.values);
    }
  }
  // Three shards to text, then merged as `irdrill merge` does: parsed and restreamed.
  std::ostringstream mergedCsv;
  mergedCsv << runsCsvHeader(model.metrics()) << '\n';
  RunStatistics mergedStats(model.metrics());
  for (std::uint64_t i = 0; i < 3; ++i) {
    const auto range = shardRange(total, i, 3);
    std::ostringstream shardCsv;
    RunsCsvWriter writer(shardCsv, model.metrics(), seed);
    for (const Row& row : run(model, {seed, range.first, range.count, 3})) {
      writer.onReplication(row.replication, row.values);
    }
    std::istringstream in(shardCsv.str());
    std::string line;
    std::getline(in, line);
    CsvError error;
    REQUIRE(parseRunsCsvHeader(line, error).value().size() == 4);
    while (std::getline(in, line)) {
      const auto parsed = parseRunsCsvRow(line, 4, error);
      REQUIRE(parsed);
      mergedCsv << runsCsvRow(parsed->replication, parsed->seed, parsed->values) << '\n';
      mergedStats.add(parsed->values);
    }
  }
  CHECK(mergedCsv.str() == wholeCsv.str());
  const auto a = wholeStats.summaries();
  const auto b = mergedStats.summaries();
  REQUIRE(a.size() == b.size());
  for (std::size_t m = 0; m < a.size(); ++m) {
    const double fieldsA[] = {a[m].mean, a[m].sd, a[m].min, a[m].max, a[m].median, a[m].p90, a[m].p95, a[m].ciLow, a[m].ciHigh};
    const double fieldsB[] = {b[m].mean, b[m].sd, b[m].min, b[m].max, b[m].median, b[m].p90, b[m].p95, b[m].ciLow, b[m].ciHigh};
    CHECK(std::memcmp(fieldsA, fieldsB, sizeof fieldsA) == 0);
    CHECK(a[m].count == b[m].count);
    CHECK(a[m].cdf == b[m].cdf);
  }
  CHECK(a[2].count == 66);  // index_or_nan: the 34 multiples of 3 in 0..99 do not apply
}
