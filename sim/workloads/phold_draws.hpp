// The random draws of the PHOLD workload, apart from the kernel so benchmarks can drive
// other schedulers (some built as C++17) with exactly the same random work.
#pragma once

#include <cstdint>
#include <utility>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include "sim/core/random_streams.hpp"
#include "sim/core/time.hpp"

namespace irdrill::workloads {

struct PholdConfig {
  std::uint32_t lpCount = 1000;
  std::uint32_t initialEvents = 10'000;  // the pending population, constant during a run
  double meanDelayS = 1.0;               // mean of the exponential delay between events
};

// Draws the next (delay, target) pair. Shared with the baseline loops of bench/ so every
// implementation does exactly the same random work.
class PholdDraws {
 public:
  PholdDraws(const PholdConfig& config, core::RandomEngine engine)
      : engine_(std::move(engine)),
        delayS_(1.0 / config.meanDelayS),
        target_(0, config.lpCount - 1) {}

  core::TimeUs delayUs() { return core::secondsToUs(delayS_(engine_)); }
  std::uint32_t target() { return target_(engine_); }

 private:
  core::RandomEngine engine_;
  boost::random::exponential_distribution<double> delayS_;
  boost::random::uniform_int_distribution<std::uint32_t> target_;
};

// FNV-1a style fold of (time, process) pairs: equal hashes mean equal event traces.
inline std::uint64_t foldTrace(std::uint64_t hash, core::TimeUs timeUs, std::uint32_t lp) {
  hash = (hash ^ static_cast<std::uint64_t>(timeUs)) * 0x100000001B3ULL;
  return (hash ^ lp) * 0x100000001B3ULL;
}
inline constexpr std::uint64_t kTraceHashSeed = 0xCBF29CE484222325ULL;

}  // namespace irdrill::workloads
