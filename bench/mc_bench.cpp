// Monte Carlo benchmark: replications per second of each scenario on 1 thread and on K
// threads (default 2), and the scaling ratio between them (target >= 1.8x on 2 cores).
// Both runs use the same seed; the benchmark also checks they produced the same values,
// since speed from a thread pool that changed the results would be worthless.
//
//   mc_bench                      every scenarios/*.yaml that loads
//   mc_bench --scenario F --runs 24 --threads 2 --min-seconds 5
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sim/core/random_streams.hpp"
#include "sim/montecarlo/runner.hpp"
#include "sim/montecarlo/scenario_model.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace {

using namespace irdrill;

// Folds every value, in order, into one hash: equal hashes, equal results.
class HashSink : public montecarlo::ReplicationSink {
 public:
  void onReplication(std::uint64_t replication, std::span<const double> values) override {
    std::string bytes(reinterpret_cast<const char*>(&replication), sizeof replication);
    bytes.append(reinterpret_cast<const char*>(values.data()), values.size_bytes());
    hash_ = core::splitMix64(hash_ ^ core::fnv1a64(bytes));
  }
  std::uint64_t hash() const { return hash_; }

 private:
  std::uint64_t hash_ = 0;
};

struct Timing {
  double seconds = 0;
  std::uint64_t hash = 0;
};

Timing measure(const montecarlo::ReplicationModel& model, std::uint64_t seed, std::uint64_t runs, int threads) {
  HashSink sink;
  std::atomic<bool> stop{false};
  const auto start = std::chrono::steady_clock::now();
  montecarlo::runReplications(model, {seed, 0, runs, threads}, sink, stop);
  return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), sink.hash()};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Monte Carlo benchmark: replications per second at 1 and K threads"};
  std::vector<std::string> scenarios;
  std::uint64_t runs = 12;
  double minSeconds = 2;
  int threads = 2;
  std::uint64_t seed = 1;
  app.add_option("--scenario", scenarios, "scenario file (repeatable; default: every scenarios/*.yaml that loads)");
  app.add_option("--runs", runs, "least replications per measurement")->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("--min-seconds", minSeconds,
                 "more replications for fast scenarios, until one thread takes this long")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
  app.add_option("--threads", threads, "threads of the parallel measurement")->capture_default_str()->check(CLI::Range(2, 256));
  app.add_option("--seed", seed, "master seed")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  if (scenarios.empty()) {
    for (const auto& entry : std::filesystem::directory_iterator(IRDRILL_SOURCE_DIR "/scenarios")) {
      if (entry.path().extension() == ".yaml") scenarios.push_back(entry.path().string());
    }
    std::sort(scenarios.begin(), scenarios.end());
  }

  std::printf("%-28s %6s %12s %12s %8s %10s\n", "scenario", "runs", "1 thread/s",
              (std::to_string(threads) + " threads/s").c_str(), "scaling", "identical");
  bool allIdentical = true;
  for (const auto& path : scenarios) {
    const auto loaded = scenario::loadScenarioFile(path);
    const std::string name = std::filesystem::path(path).stem().string();
    if (!loaded.scenario) {
      std::printf("%-28s (does not load: %zu errors; skipped)\n", name.c_str(), loaded.diagnostics.items().size());
      continue;
    }
    const auto model = montecarlo::makeScenarioModel(*loaded.scenario);
    // Fast scenarios (milliseconds a replication) need many replications, or thread
    // start-up and the last straggler dominate: scale up from a short trial run.
    std::uint64_t count = runs;
    const double trialS = measure(*model, seed, count, 1).seconds;  // also warms caches
    if (trialS < minSeconds) {
      count = static_cast<std::uint64_t>(static_cast<double>(count) * minSeconds / std::max(trialS, 1e-6));
      count = std::max(runs, std::min<std::uint64_t>(count, 10000000));
    }
    const Timing one = measure(*model, seed, count, 1);
    const Timing many = measure(*model, seed, count, threads);
    const double rateOne = static_cast<double>(count) / one.seconds;
    const double rateMany = static_cast<double>(count) / many.seconds;
    const bool identical = one.hash == many.hash;
    allIdentical = allIdentical && identical;
    std::printf("%-28s %6llu %12.2f %12.2f %7.2fx %10s\n", name.c_str(), static_cast<unsigned long long>(count),
                rateOne, rateMany, rateMany / rateOne, identical ? "yes" : "NO");
  }
  std::printf("(scaling: replications per second on %d threads over 1 thread; target >= %.1fx on %d cores)\n",
              threads, 0.9 * threads, threads);
  return allIdentical ? 0 : 1;
}
