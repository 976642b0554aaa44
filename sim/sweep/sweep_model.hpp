// The replication models of a sweep, run by the Monte Carlo runner (sim/montecarlo/
// runner.hpp: threads, replication order, stop flag, progress).
//
// One replication covers every grid point with the same (seed, replication), so the
// points share common random numbers and a stopped run covers the same replications at
// every point.
//  - Trace mode: one open-loop office day records its reception trace; every point's
//    phone rule is evaluated on it (RuleSetEvaluator). For grids over the phone rule only.
//  - Full mode: one closed-loop office day per point, each with its own scenario (the
//    base scenario with the point's values applied). For any scenario value.
//
// The runner moves a fixed number of values per replication; a replication's outcome
// (lists of latencies and containment times) does not fit that, so the model leaves it in
// a mailbox keyed by replication and the sink (runSweep) takes it from there, in order.
// The runner's reorder window bounds how many outcomes wait at once.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "sim/montecarlo/replication_model.hpp"
#include "sim/montecarlo/runner.hpp"
#include "sim/scenario/scenario_def.hpp"
#include "sim/sweep/sweep_outcome.hpp"
#include "sim/sweep/sweep_statistics.hpp"

namespace irdrill::sweep {

class SweepModel : public montecarlo::ReplicationModel {
 public:
  SweepModel();
  // One value per replication for the runner: separations of tagged items (which do not
  // depend on the rule in trace mode; the first point's in full mode).
  const std::vector<montecarlo::MetricDef>& metrics() const override { return metrics_; }
  void run(std::uint64_t masterSeed, std::uint64_t replication, std::span<double> out) const override;
  virtual std::size_t pointCount() const = 0;
  // The outcome run() left for `replication`, removed from the mailbox (std::logic_error
  // if there is none).
  ReplicationOutcome take(std::uint64_t replication) const;
  // The outcome of one replication without the mailbox (tests, benchmarks).
  virtual ReplicationOutcome compute(std::uint64_t masterSeed, std::uint64_t replication) const = 0;

 private:
  std::vector<montecarlo::MetricDef> metrics_;
  mutable std::mutex mutex_;
  mutable std::map<std::uint64_t, ReplicationOutcome> mailbox_;
};

// Trace mode: the base scenario (its own phone rule is not used), one rule per point.
// The containment model is the scenario's reaction without fatigue.
std::unique_ptr<SweepModel> makeTraceSweepModel(const scenario::ScenarioDef& base,
                                                std::vector<radio::AlertRuleDef> rules);
// Full mode: one scenario per point.
std::unique_ptr<SweepModel> makeFullSweepModel(std::vector<scenario::ScenarioDef> scenarios);

struct SweepRun {
  SweepStatistics statistics;
  montecarlo::RunResult run;
};
// Runs the plan through the runner and accumulates every replication in order.
SweepRun runSweep(const SweepModel& model, const montecarlo::RunPlan& plan,
                  const std::atomic<bool>& stop, const montecarlo::ProgressCallback& progress = {});

}  // namespace irdrill::sweep
