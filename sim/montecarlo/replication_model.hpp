// What a Monte Carlo run replicates: a model that, given (master seed, replication),
// produces one value per metric. The runner (runner.hpp) calls it from several threads;
// the statistics (run_statistics.hpp) and the CSV (runs_csv.hpp) consume the values in
// replication order.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "sim/montecarlo/metric_kind.hpp"

namespace irdrill::montecarlo {

struct MetricDef {
  MetricDef() = default;
  MetricDef(std::string name, std::string unit, std::string description,
            MetricKind kind = MetricKind::Signed, Better better = Better::Neither,
            std::string censoredBy = {})
      : name(std::move(name)), unit(std::move(unit)), description(std::move(description)),
        kind(kind), better(better), censoredBy(std::move(censoredBy)) {}

  std::string name;         // lower_snake with its unit last: "detection_latency_median_s"
  std::string unit;         // "s", "per person-day", "" for counts and ratios
  std::string description;  // one sentence for people
  MetricKind kind = MetricKind::Signed;  // chooses the interval of the mean
  Better better = Better::Neither;       // for compare's verdict
  // For a time censored at the end of the run: the metric whose value (> 0) says this
  // replication's time is censored (some incident still open), e.g. time_to_contain_h ->
  // not_contained_fraction. Empty when the time is never censored.
  std::string censoredBy;
};

class ReplicationModel {
 public:
  virtual ~ReplicationModel() = default;
  virtual const std::vector<MetricDef>& metrics() const = 0;
  // Replication `replication` of the run seeded `masterSeed`: writes metrics().size()
  // values to `out`. NaN means the metric does not apply in this replication (a latency
  // when nothing was detected). Must be thread-safe (called concurrently) and a pure
  // function of its arguments: the random streams are named by (masterSeed, replication,
  // subsystem, entity), so two models with the same seed share common random numbers.
  virtual void run(std::uint64_t masterSeed, std::uint64_t replication,
                   std::span<double> out) const = 0;
  // Names of the metrics that are score-ledger terms (points per replication), for the
  // report's score breakdown; empty when the model has no scoring.
  virtual std::vector<std::string> scoreTerms() const { return {}; }
};

}  // namespace irdrill::montecarlo
