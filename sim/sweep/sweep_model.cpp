// Sweep replication models (see sweep_model.hpp).
#include "sim/sweep/sweep_model.hpp"

#include <stdexcept>

#include "sim/day/office_day.hpp"

namespace irdrill::sweep {

SweepModel::SweepModel()
    : metrics_{{"separations", "", "Separations of tagged items in the replication."}} {}

void SweepModel::run(std::uint64_t masterSeed, std::uint64_t replication, std::span<double> out) const {
  ReplicationOutcome outcome = compute(masterSeed, replication);
  out[0] = outcome.points.empty() ? 0.0 : outcome.points.front().separations;
  std::lock_guard lock(mutex_);
  mailbox_[replication] = std::move(outcome);
}

ReplicationOutcome SweepModel::take(std::uint64_t replication) const {
  std::lock_guard lock(mutex_);
  const auto found = mailbox_.find(replication);
  if (found == mailbox_.end()) throw std::logic_error("SweepModel: no outcome for this replication");
  ReplicationOutcome outcome = std::move(found->second);
  mailbox_.erase(found);
  return outcome;
}

namespace {

class TraceSweepModel : public SweepModel {
 public:
  TraceSweepModel(const scenario::ScenarioDef& base, std::vector<radio::AlertRuleDef> rules)
      : scenario_(base),
        evaluator_(rules),
        containment_{base.reaction.respondProbability, base.reaction.responseDelayMeanS} {}

  std::size_t pointCount() const override { return evaluator_.size(); }

  ReplicationOutcome compute(std::uint64_t masterSeed, std::uint64_t replication) const override {
    day::ReceptionTrace trace;
    day::OfficeDayOptions options;
    options.trace = &trace;
    day::OfficeDay officeDay(scenario_, masterSeed, replication, options);
    officeDay.runToEnd();
    RuleSetEvaluator::Scratch scratch;
    return evaluateTrace(trace, evaluator_, containment_, scratch);
  }

 private:
  scenario::ScenarioDef scenario_;
  RuleSetEvaluator evaluator_;
  ContainmentModel containment_;
};

class FullSweepModel : public SweepModel {
 public:
  explicit FullSweepModel(std::vector<scenario::ScenarioDef> scenarios) : scenarios_(std::move(scenarios)) {}

  std::size_t pointCount() const override { return scenarios_.size(); }

  ReplicationOutcome compute(std::uint64_t masterSeed, std::uint64_t replication) const override {
    ReplicationOutcome outcome;
    for (const scenario::ScenarioDef& scenario : scenarios_) {
      LiveDayCollector collector;
      day::OfficeDay officeDay(scenario, masterSeed, replication, &collector);
      officeDay.runToEnd();
      outcome.points.push_back(collector.outcome(officeDay));
    }
    return outcome;
  }

 private:
  std::vector<scenario::ScenarioDef> scenarios_;
};

// Takes each replication's outcome from the mailbox, in replication order.
class SweepSink : public montecarlo::ReplicationSink {
 public:
  SweepSink(const SweepModel& model, SweepStatistics& statistics) : model_(model), statistics_(statistics) {}
  void onReplication(std::uint64_t replication, std::span<const double>) override {
    statistics_.add(model_.take(replication));
  }

 private:
  const SweepModel& model_;
  SweepStatistics& statistics_;
};

}  // namespace

std::unique_ptr<SweepModel> makeTraceSweepModel(const scenario::ScenarioDef& base,
                                                std::vector<radio::AlertRuleDef> rules) {
  return std::make_unique<TraceSweepModel>(base, std::move(rules));
}

std::unique_ptr<SweepModel> makeFullSweepModel(std::vector<scenario::ScenarioDef> scenarios) {
  return std::make_unique<FullSweepModel>(std::move(scenarios));
}

SweepRun runSweep(const SweepModel& model, const montecarlo::RunPlan& plan,
                  const std::atomic<bool>& stop, const montecarlo::ProgressCallback& progress) {
  SweepRun result{SweepStatistics(model.pointCount()), {}};
  SweepSink sink(model, result.statistics);
  result.run = montecarlo::runReplications(model, plan, sink, stop, progress);
  return result;
}

}  // namespace irdrill::sweep
