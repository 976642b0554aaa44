// ns-3 is a process-global simulator, so the PHOLD state for it lives in one object
// that the static handler reaches through a pointer set for the duration of a run.
#include "phold_ns3.hpp"

#include <chrono>

#include <ns3/core-module.h>

namespace irdrill::bench {
namespace {

struct Ns3Phold {
  workloads::PholdDraws draws;
  std::uint64_t remaining;
};
Ns3Phold* gActive = nullptr;  // bench-only: ns-3's callbacks have no user context here

void handle(std::uint32_t /*lp*/) {
  if (gActive->remaining == 0) {
    ns3::Simulator::Stop();
    return;
  }
  --gActive->remaining;
  const core::TimeUs delayUs = gActive->draws.delayUs();
  const std::uint32_t target = gActive->draws.target();
  ns3::Simulator::Schedule(ns3::MicroSeconds(delayUs), &handle, target);
}

}  // namespace

double runNs3Phold(const workloads::PholdConfig& config, std::uint64_t seed,
                   std::uint64_t events) {
  Ns3Phold state{workloads::PholdDraws(config, core::RandomStreams(seed, 0).stream("phold")),
                 events};
  gActive = &state;
  for (std::uint32_t i = 0; i < config.initialEvents; ++i) {
    ns3::Simulator::Schedule(ns3::MicroSeconds(state.draws.delayUs()), &handle,
                             i % config.lpCount);
  }
  const auto start = std::chrono::steady_clock::now();
  ns3::Simulator::Run();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ns3::Simulator::Destroy();
  gActive = nullptr;
  return static_cast<double>(events) / seconds;
}

}  // namespace irdrill::bench
