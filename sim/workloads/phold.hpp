// PHOLD, the classic synthetic benchmark of discrete-event simulators (Fujimoto 1990):
// `lpCount` logical processes; each event at a process schedules exactly one new event at
// a uniformly chosen process after an exponentially distributed delay, so the number of
// pending events stays at its initial population forever.
//
// Used by bench/ to measure the kernel, by the CLI as a seeded self-check, and by tests
// as a determinism workload (its trace hash depends on every event's time and target).
#pragma once

#include <cstdint>

#include "sim/core/event_kernel.hpp"
#include "sim/core/random_streams.hpp"
#include "sim/workloads/phold_draws.hpp"

namespace irdrill::workloads {

class PholdModel {
 public:
  PholdModel(core::EventKernel& kernel, const PholdConfig& config, core::RandomEngine engine);

  // Schedules the initial population: event i at process i mod lpCount, after one delay.
  void start();

  std::uint64_t traceHash() const { return traceHash_; }
  std::uint64_t eventsHandled() const { return eventsHandled_; }

 private:
  void handle(std::uint32_t lp);

  core::EventKernel& kernel_;
  PholdConfig config_;
  PholdDraws draws_;
  std::uint64_t traceHash_ = kTraceHashSeed;
  std::uint64_t eventsHandled_ = 0;
};

}  // namespace irdrill::workloads
