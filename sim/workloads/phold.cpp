#include "sim/workloads/phold.hpp"

namespace irdrill::workloads {

PholdModel::PholdModel(core::EventKernel& kernel, const PholdConfig& config,
                       core::RandomEngine engine)
    : kernel_(kernel), config_(config), draws_(config, std::move(engine)) {}

void PholdModel::start() {
  for (std::uint32_t i = 0; i < config_.initialEvents; ++i) {
    const std::uint32_t lp = i % config_.lpCount;
    kernel_.scheduleIn(draws_.delayUs(), [this, lp] { handle(lp); });
  }
}

void PholdModel::handle(std::uint32_t lp) {
  traceHash_ = foldTrace(traceHash_, kernel_.now(), lp);
  ++eventsHandled_;
  const core::TimeUs delayUs = draws_.delayUs();
  const std::uint32_t target = draws_.target();
  kernel_.scheduleIn(delayUs, [this, target] { handle(target); });
}

}  // namespace irdrill::workloads
