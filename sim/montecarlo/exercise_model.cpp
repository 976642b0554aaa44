// Metrics of one exercise replication: the office day's (when the scenario has people),
// then the incidents', then the score and its breakdown. Incident figures are means over the replication's
// incidents (most scenarios have one; the office day has as many as items lost), NaN when
// there was none; times still open at the end of the run are censored at the horizon, as
// the score charges them (docs/scoring.md).
#include "sim/montecarlo/exercise_model.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <limits>
#include <stdexcept>

#include "sim/exercise/exercise.hpp"
#include "sim/session/live_session.hpp"

namespace irdrill::montecarlo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Each metric's kind (its interval) and good direction, declared with it below.
constexpr MetricKind kProportion = MetricKind::Proportion, kCount = MetricKind::Count,
                     kDuration = MetricKind::Duration, kAmount = MetricKind::Amount,
                     kSigned = MetricKind::Signed;
constexpr Better kLower = Better::Lower, kHigher = Better::Higher;

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  const double rank = p * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(rank);
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (values[hi] - values[lo]) * (rank - static_cast<double>(lo));
}

struct Replication {
  const day::OfficeDay* day = nullptr;
  const std::vector<scoring::IncidentOutcome>* incidents = nullptr;
  const scoring::ScoreCard* score = nullptr;
  std::vector<double> termPoints;
  int decisionsRefused = 0;
  const exercise::Exercise* run = nullptr;
};

using Reader = std::function<double(const Replication&)>;
struct Row {
  MetricDef def;
  Reader read;
};

// Mean over incidents (optionally those of some kinds) of a figure; NaN when none.
double meanOver(const Replication& r, const std::function<double(const scoring::IncidentOutcome&)>& f,
                bool equipmentOnly = false) {
  double sum = 0;
  int n = 0;
  for (const auto& o : *r.incidents) {
    const bool equipment = o.kind == incident::IncidentKind::LostItem || o.kind == incident::IncidentKind::Theft;
    if (equipmentOnly && !equipment) continue;
    sum += f(o);
    ++n;
  }
  return n == 0 ? kNaN : sum / n;
}

double sumOver(const Replication& r, const std::function<double(const scoring::IncidentOutcome&)>& f) {
  double sum = 0;
  for (const auto& o : *r.incidents) sum += f(o);
  return sum;
}

// The office day's figures (DayMetrics), when the scenario has people.
std::vector<Row> dayRows() {
  auto day = [](auto f) { return [f](const Replication& r) { return f(r.day->metrics()); }; };
  using M = const day::DayMetrics&;
  return {
      {{"items_left_behind", "", "Items left behind by their owners (human-error events).", kCount, kLower},
       day([](M m) { return double(m.itemsLeftBehind); })},
      {{"separations", "", "Left-behind items whose owner got beyond the separation distance.", kCount, kLower},
       day([](M m) { return double(m.separations); })},
      {{"separations_detected", "", "Separations that a phone or gateway alert reported.", kCount},
       day([](M m) { return double(m.separationsDetected); })},
      {{"detection_probability_all_items", "",
        "Fraction of separations of every item, tagged or not, that a phone or gateway alert reported "
        "(applies when there was a separation; the sweep's detection_probability_tagged counts tagged items only).",
        kProportion, kHigher},
       day([](M m) { return m.separations == 0 ? kNaN : m.detectionProbability(); })},
      {{"detection_latency_median_s", "s",
        "Median time from separation to the first alert, over the day's detected separations.", kDuration, kLower},
       day([](M m) { return percentile(m.detectionLatenciesS, 0.5); })},
      {{"detection_latency_p90_s", "s",
        "90th percentile of the time from separation to the first alert, over the day's detected separations.",
        kDuration, kLower},
       day([](M m) { return percentile(m.detectionLatenciesS, 0.9); })},
      {{"false_alarms_per_person_day", "per person-day",
        "False phone alerts (item actually with its owner) per person.", kAmount, kLower},
       day([](M m) { return m.falseAlarmsPerPersonDay(); })},
      {{"phone_alerts", "", "Separation alerts raised by owners' phones, true and false.", kCount},
       day([](M m) { return double(m.phoneAlerts); })},
      {{"false_alerts", "", "Phone alerts raised while the item was with its owner.", kCount, kLower},
       day([](M m) { return double(m.falseAlerts); })},
      {{"items_recovered", "", "Left-behind items their owners got back during the day.", kCount, kHigher},
       day([](M m) { return double(m.itemsRecovered); })},
      {{"items_lost", "", "Items still left behind at the end of the day.", kCount, kLower},
       day([](M m) { return double(m.itemsLost); })},
      {{"gateway_alerts", "", "Left-in-the-office alerts raised by the gateways.", kCount},
       day([](M m) { return double(m.gatewayAlerts); })},
      {{"crowd_reports", "", "Reports of left-behind tags heard by colleagues' phones.", kCount},
       day([](M m) { return double(m.crowdReports); })},
  };
}

// Explanations (sim/exercise/missed_alerts.cpp, planned_incidents.cpp): separations missed
// by reason, when the scenario has people; then, for each planned incident of the
// scenario, whether it happened or was averted in the replication (1 or 0: the mean is the
// share of replications).
std::vector<Row> explanationRows(const scenario::ScenarioDef& scenario, bool hasDay) {
  std::vector<Row> rows;
  if (hasDay) {
    for (std::size_t k = 0; k < exercise::kMissedAlertReasonCount; ++k) {
      const std::string reason = exercise::kMissedAlertReasonNames[k];
      rows.push_back({{"separations_missed_" + reason, "",
                       "Separations that ended with no alert acted on, because: " + reason +
                           " (docs/day-model.md, \"Missed alerts\").",
                       kCount, kLower},
                      [k](const Replication& r) { return double(r.run->separationsMissed()[k]); }});
    }
  }
  for (std::size_t k = 0; k < scenario.incidents.size(); ++k) {
    const std::string id = scenario.incidents[k].id;
    for (const auto status : {exercise::PlannedIncidentView::Status::Happened, exercise::PlannedIncidentView::Status::Averted}) {
      const std::string name = exercise::kPlannedStatusNames[static_cast<int>(status)];
      rows.push_back({{"planned_" + name + "_" + id, "",
                       "1 when the planned incident '" + id + "' " + name +
                           " in the replication, else 0: the mean is the share of replications.",
                       kProportion},
                      [k, status](const Replication& r) {
                        const auto planned = r.run->plannedIncidents();
                        return k < planned.size() && planned[k].status == status ? 1.0 : 0.0;
                      }});
    }
  }
  return rows;
}

std::vector<Row> incidentRows() {
  using O = const scoring::IncidentOutcome&;
  return {
      {{"incidents", "", "Incidents in the run (lost or stolen items, intrusions, insiders).", kCount, kLower},
       [](const Replication& r) { return double(r.incidents->size()); }},
      {{"time_to_detect_h", "h", "Incident start to first detection, mean over the run's incidents (censored at the end; to recovery for one recovered before detection).", kDuration, kLower, "not_detected_fraction"},
       [](const Replication& r) { return meanOver(r, [](O o) { return o.hoursToDetect(); }); }},
      {{"time_to_contain_h", "h", "Incident start to containment, mean over the run's incidents (censored at the end).", kDuration, kLower,
        "not_contained_fraction"},
       [](const Replication& r) { return meanOver(r, [](O o) { return o.hoursTo(o.contained); }); }},
      {{"time_to_contain_equipment_h", "h", "Start to containment of lost or stolen items (censored at the end).", kDuration, kLower,
        "equipment_not_contained_fraction"},
       [](const Replication& r) { return meanOver(r, [](O o) { return o.hoursTo(o.contained); }, true); }},
      {{"time_to_recover_h", "h", "Incident start to normal operation, mean over the run's incidents (censored).", kDuration, kLower,
        "not_recovered_fraction"},
       [](const Replication& r) { return meanOver(r, [](O o) { return o.hoursTo(o.recovered); }); }},
      {{"contained_fraction", "", "Fraction of the run's incidents contained by the end.", kProportion, kHigher},
       [](const Replication& r) { return meanOver(r, [](O o) { return o.contained.timeUs ? 1.0 : 0.0; }); }},
      // The censored shares of the times above: a replication's time is censored when
      // one of these is > 0 (its Kaplan-Meier curve in the report: docs/reports.md).
      {{"not_detected_fraction", "", "Fraction of the run's incidents neither detected nor over by the end "
        "(their time to detect is censored).", kProportion, kLower},
       [](const Replication& r) { return meanOver(r, [](O o) { return o.detectionOrEnd().timeUs ? 0.0 : 1.0; }); }},
      {{"not_contained_fraction", "", "Fraction of the run's incidents not contained by the end "
        "(their time to contain is censored).", kProportion, kLower},
       [](const Replication& r) { return meanOver(r, [](O o) { return o.contained.timeUs ? 0.0 : 1.0; }); }},
      {{"equipment_not_contained_fraction", "", "Fraction of the run's lost or stolen items not contained by "
        "the end.", kProportion, kLower},
       [](const Replication& r) { return meanOver(r, [](O o) { return o.contained.timeUs ? 0.0 : 1.0; }, true); }},
      {{"not_recovered_fraction", "", "Fraction of the run's incidents not recovered by the end "
        "(their time to recover is censored).", kProportion, kLower},
       [](const Replication& r) { return meanOver(r, [](O o) { return o.recovered.timeUs ? 0.0 : 1.0; }); }},
      {{"records_exfiltrated", "records", "Records that left the company, all incidents.", kAmount, kLower},
       [](const Replication& r) { return sumOver(r, [](O o) { return o.recordsExfiltrated; }); }},
      {{"items_not_back", "", "Lost or stolen items not back with the company by the end of the run.", kCount, kLower},
       [](const Replication& r) { return sumOver(r, [](O o) { return double(o.itemsLost); }); }},
      {{"downtime_h", "h", "Systems or site down, all incidents.", kAmount, kLower},
       [](const Replication& r) { return sumOver(r, [](O o) { return o.downtimeS / 3600.0; }); }},
      {{"deadlines_missed", "", "Deadlines missed (reports, notifications, wipes).", kCount, kLower},
       [](const Replication& r) {
         return sumOver(r, [](O o) {
           return double(std::count_if(o.deadlines.begin(), o.deadlines.end(), [](const auto& d) { return !d.met; }));
         });
       }},
      {{"steps_out_of_order", "", "Procedure steps finished before a step the reference puts first.", kCount, kLower},
       [](const Replication& r) { return sumOver(r, [](O o) { return double(o.stepsOutOfOrder.size()); }); }},
      {{"score", "points", "The run's total score (docs/scoring.md).", kSigned, kHigher},
       [](const Replication& r) { return r.score->total; }},
  };
}

class ExerciseModel : public ReplicationModel {
 public:
  ExerciseModel(const scenario::ScenarioDef& scenario, std::vector<session::SessionEntry> decisions)
      : scenario_(std::make_shared<const scenario::ScenarioDef>(scenario)), decisions_(std::move(decisions)) {
    hasDay_ = !scenario_->employees.empty();
    if (hasDay_) rows_ = dayRows();
    for (auto& row : incidentRows()) rows_.push_back(std::move(row));
    for (auto& row : explanationRows(*scenario_, hasDay_)) rows_.push_back(std::move(row));
    // The score breakdown: one metric per ledger term, points per replication.
    for (std::size_t t = 0; t < std::size(scoring::kScoreTermNames); ++t) {
      const std::string term = scoring::kScoreTermNames[t];
      terms_.push_back("score_" + term);
      rows_.push_back({{"score_" + term, "points", "Points from the ledger term '" + term + "'.", kAmount, kHigher},
                       [t](const Replication& r) { return r.termPoints[t]; }});
    }
    if (!decisions_.empty()) {
      rows_.push_back({{"decisions_refused", "count",
                        "Decisions and injects of the session that could not apply in this replication.", kCount},
                       [](const Replication& r) { return double(r.decisionsRefused); }});
    }
    for (const auto& row : rows_) metrics_.push_back(row.def);
  }

  const std::vector<MetricDef>& metrics() const override { return metrics_; }
  std::vector<std::string> scoreTerms() const override { return terms_; }

  void run(std::uint64_t masterSeed, std::uint64_t replication, std::span<double> out) const override {
    if (out.size() != rows_.size()) throw std::invalid_argument("ExerciseModel: wrong output size");
    if (decisions_.empty()) {
      exercise::Exercise run(*scenario_, masterSeed, replication);
      run.runToEnd();
      fill(run, 0, out);
      return;
    }
    session::SessionDef header;
    header.seed = masterSeed;
    header.replication = replication;
    session::LiveSession live(scenario_, std::move(header), nullptr, false);
    const int refused = live.replaySkippingRefused(decisions_, live.exercise().endUs());
    fill(live.exercise(), refused, out);
  }

 private:
  void fill(const exercise::Exercise& run, int decisionsRefused, std::span<double> out) const {
    const auto incidents = run.outcomes();
    const auto score = scoring::scoreRun(incidents, scenario_->scoring.weights);
    Replication r{run.officeDay(), &incidents, &score, scoring::pointsByTerm(score), decisionsRefused, &run};
    for (std::size_t i = 0; i < rows_.size(); ++i) out[i] = rows_[i].read(r);
  }

  std::shared_ptr<const scenario::ScenarioDef> scenario_;
  std::vector<session::SessionEntry> decisions_;
  bool hasDay_ = false;
  std::vector<Row> rows_;
  std::vector<MetricDef> metrics_;
  std::vector<std::string> terms_;
};

}  // namespace

std::unique_ptr<ReplicationModel> makeExerciseModel(const scenario::ScenarioDef& scenario) {
  return std::make_unique<ExerciseModel>(scenario, std::vector<session::SessionEntry>{});
}

std::unique_ptr<ReplicationModel> makeExerciseModel(const scenario::ScenarioDef& scenario,
                                                    std::vector<session::SessionEntry> decisions) {
  // Evaluator marks judge one session's play; they change nothing in a replication.
  std::erase_if(decisions, [](const session::SessionEntry& e) { return e.kind == session::SessionEntry::Kind::Mark; });
  return std::make_unique<ExerciseModel>(scenario, std::move(decisions));
}

}  // namespace irdrill::montecarlo
