// PHOLD on ns-3's default scheduler, built only when Debian's libns3-dev is installed.
#pragma once

#include <cstdint>

#include "sim/workloads/phold_draws.hpp"

namespace irdrill::bench {

// Runs `events` PHOLD events through ns3::Simulator; returns events per second.
double runNs3Phold(const workloads::PholdConfig& config, std::uint64_t seed,
                   std::uint64_t events);

}  // namespace irdrill::bench
