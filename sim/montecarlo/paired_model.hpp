// Two models run on the same (seed, replication): the replication model of `irdrill
// compare`. Its values are A's metrics followed by B's, so the runner, its reorder buffer
// and its stop flag serve comparisons unchanged; CompareStatistics splits them again.
#pragma once

#include <stdexcept>

#include "sim/montecarlo/replication_model.hpp"

namespace irdrill::montecarlo {

class PairedModel : public ReplicationModel {
 public:
  // Both must outlive this and have the same metric names in the same order.
  PairedModel(const ReplicationModel& a, const ReplicationModel& b) : a_(a), b_(b) {
    if (a.metrics().size() != b.metrics().size()) {
      throw std::invalid_argument("PairedModel: the models have different metrics");
    }
    for (std::size_t i = 0; i < a.metrics().size(); ++i) {
      if (a.metrics()[i].name != b.metrics()[i].name) {
        throw std::invalid_argument("PairedModel: the models have different metrics");
      }
    }
    metrics_ = a.metrics();
    metrics_.insert(metrics_.end(), b.metrics().begin(), b.metrics().end());
  }

  const std::vector<MetricDef>& metrics() const override { return metrics_; }
  std::size_t half() const { return a_.metrics().size(); }

  void run(std::uint64_t masterSeed, std::uint64_t replication, std::span<double> out) const override {
    a_.run(masterSeed, replication, out.first(half()));
    b_.run(masterSeed, replication, out.subspan(half()));
  }

 private:
  const ReplicationModel& a_;
  const ReplicationModel& b_;
  std::vector<MetricDef> metrics_;
};

}  // namespace irdrill::montecarlo
