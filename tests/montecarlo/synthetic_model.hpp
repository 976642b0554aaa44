// A replication model with known distributions for the Monte Carlo tests: fast, and
// uneven in cost so that threads finish replications out of order.
#pragma once

#include <atomic>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>

#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "sim/core/random_streams.hpp"
#include "sim/montecarlo/replication_model.hpp"

namespace irdrill::montecarlo::testing {

class SyntheticModel : public ReplicationModel {
 public:
  // Metric 0: U(0, 1); 1: N(10, 2); 2: the replication index, NaN when it is a multiple
  // of 3; 3: the index of the replication modulo 5 (a count with many ties).
  SyntheticModel() {
    metrics_ = {{"uniform", "", "U(0, 1)"},
                {"normal_s", "s", "N(10, 2) seconds"},
                {"index_or_nan", "", "the replication, NaN for multiples of 3"},
                {"mod5", "", "replication mod 5"}};
  }
  const std::vector<MetricDef>& metrics() const override { return metrics_; }

  void run(std::uint64_t masterSeed, std::uint64_t replication, std::span<double> out) const override {
    if (replication == throwAt) throw std::runtime_error("synthetic failure");
    auto engine = core::RandomStreams(masterSeed, replication).stream("synthetic");
    out[0] = boost::random::uniform_real_distribution<double>(0, 1)(engine);
    out[1] = boost::random::normal_distribution<double>(10, 2)(engine);
    out[2] = replication % 3 == 0 ? std::numeric_limits<double>::quiet_NaN() : double(replication);
    out[3] = double(replication % 5);
    // Uneven work: some replications take many times longer than their neighbours.
    const int spins = static_cast<int>((replication * 7919) % 13) * spinScale;
    double sink = 0;
    for (int i = 0; i < spins; ++i) sink += std::sqrt(double(i));
    busy.fetch_add(sink > -1 ? 1 : 0, std::memory_order_relaxed);
    if (observe) observe(replication);
  }

  std::uint64_t throwAt = std::numeric_limits<std::uint64_t>::max();
  int spinScale = 2000;
  std::function<void(std::uint64_t)> observe;  // called from worker threads
  mutable std::atomic<std::uint64_t> busy{0};

 private:
  std::vector<MetricDef> metrics_;
};

}  // namespace irdrill::montecarlo::testing
