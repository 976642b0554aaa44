// PHOLD benchmark of the event kernel (issue: a fast deterministic event kernel).
//
// For each pending-event population it runs the same PHOLD workload three ways, each on
// the same random draws, and prints events per second:
//   kernel    irdrill::core::EventKernel: handlers (closures), cancellable handles
//   pq-loop   a plain std::priority_queue of (time, seq, lp) and a switch-free loop:
//             no callbacks, no cancellation - the practical limit for a binary heap
//   ns-3      ns-3's default scheduler through ns3::Simulator (when built with ns-3)
// Each figure is the best of --repeat runs, so background noise only ever hurts.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <queue>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sim/core/event_kernel.hpp"
#include "sim/core/random_streams.hpp"
#include "sim/workloads/phold.hpp"

#ifdef IRDRILL_HAVE_NS3
#include "phold_ns3.hpp"
#endif

namespace {

using irdrill::core::EventKernel;
using irdrill::core::RandomStreams;
using irdrill::core::TimeUs;
using irdrill::workloads::PholdConfig;
using irdrill::workloads::PholdDraws;

constexpr std::uint64_t kSeed = 20261125;

struct RunResult {
  double eventsPerSecond = 0;
  std::uint64_t traceHash = 0;
};

template <typename Body>
double timeSeconds(Body&& body) {
  const auto start = std::chrono::steady_clock::now();
  body();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

RunResult runKernel(const PholdConfig& config, std::uint64_t events) {
  EventKernel kernel;
  irdrill::workloads::PholdModel model(kernel, config, RandomStreams(kSeed, 0).stream("phold"));
  model.start();
  const double seconds = timeSeconds([&] { kernel.runSteps(events); });
  return {static_cast<double>(events) / seconds, model.traceHash()};
}

RunResult runPriorityQueueLoop(const PholdConfig& config, std::uint64_t events) {
  struct Entry {
    TimeUs timeUs;
    std::uint64_t seq;
    std::uint32_t lp;
    bool operator>(const Entry& o) const {
      return timeUs > o.timeUs || (timeUs == o.timeUs && seq > o.seq);
    }
  };
  PholdDraws draws(config, RandomStreams(kSeed, 0).stream("phold"));
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue;
  std::uint64_t seq = 0;
  for (std::uint32_t i = 0; i < config.initialEvents; ++i) {
    queue.push({draws.delayUs(), seq++, i % config.lpCount});
  }
  std::uint64_t hash = irdrill::workloads::kTraceHashSeed;
  const double seconds = timeSeconds([&] {
    for (std::uint64_t n = 0; n < events; ++n) {
      const Entry e = queue.top();
      queue.pop();
      hash = irdrill::workloads::foldTrace(hash, e.timeUs, e.lp);
      const TimeUs delayUs = draws.delayUs();
      const std::uint32_t target = draws.target();
      queue.push({e.timeUs + delayUs, seq++, target});
    }
  });
  return {static_cast<double>(events) / seconds, hash};
}

template <typename Run>
RunResult bestOf(int repeat, Run&& run) {
  RunResult best;
  for (int i = 0; i < repeat; ++i) {
    const RunResult r = run();
    if (r.eventsPerSecond > best.eventsPerSecond) best = r;
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"PHOLD benchmark of the irdrill event kernel"};
  std::uint64_t events = 2'000'000;
  int repeat = 3;
  std::vector<std::uint32_t> populations{1'000, 10'000, 100'000};
  app.add_option("--events", events, "events fired per measurement")->capture_default_str();
  app.add_option("--repeat", repeat, "measurements per figure (best is kept)")
      ->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("--pending", populations, "pending-event populations")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  std::printf("PHOLD: 1000 logical processes, Exp(mean 1 s) delays, uniform targets, "
              "%llu events per run, best of %d\n",
              static_cast<unsigned long long>(events), repeat);
  std::printf("%9s %14s %14s %9s", "pending", "kernel ev/s", "pq-loop ev/s", "kernel/pq");
#ifdef IRDRILL_HAVE_NS3
  std::printf(" %14s %10s", "ns-3 ev/s", "kernel/ns3");
#endif
  std::printf("\n");

  bool ok = true;
  for (const std::uint32_t pending : populations) {
    PholdConfig config;
    config.initialEvents = pending;
    const RunResult kernel = bestOf(repeat, [&] { return runKernel(config, events); });
    const RunResult loop = bestOf(repeat, [&] { return runPriorityQueueLoop(config, events); });
    // Same draws and the same total order, so the traces must agree exactly.
    if (kernel.traceHash != loop.traceHash) {
      std::fprintf(stderr, "error: kernel and pq-loop traces differ at %u pending\n", pending);
      ok = false;
    }
    std::printf("%9u %14.0f %14.0f %9.2f", pending, kernel.eventsPerSecond,
                loop.eventsPerSecond, kernel.eventsPerSecond / loop.eventsPerSecond);
#ifdef IRDRILL_HAVE_NS3
    const double ns3 = bestOf(repeat, [&] {
      return RunResult{irdrill::bench::runNs3Phold(config, kSeed, events), 0};
    }).eventsPerSecond;
    std::printf(" %14.0f %10.2f", ns3, kernel.eventsPerSecond / ns3);
#endif
    std::printf("\n");
  }
  std::printf("targets at 10000 pending: kernel/pq >= 0.85");
#ifdef IRDRILL_HAVE_NS3
  std::printf(", kernel/ns3 >= 2.5");
#else
  std::printf(" (ns-3 not found at build time: install libns3-dev for that comparison)");
#endif
  std::printf("\n");
  return ok ? 0 : 1;
}
