#include "sim/scoring/score.hpp"

#include <algorithm>
#include <iterator>

namespace irdrill::scoring {
namespace {

class LedgerWriter {
 public:
  LedgerWriter(ScoreCard& card, const IncidentOutcome& incident) : card_(card), incident_(incident) {}

  void add(const char* term, double quantity, const char* unit, double weight, core::TimeUs timeUs,
           std::uint64_t eventSeq, std::string detail) {
    const double points = weight * quantity;
    if (points == 0 && quantity == 0) return;  // nothing happened: no line
    card_.ledger.push_back(
        {incident_.id, term, quantity, unit, points, timeUs, eventSeq, std::move(detail)});
    card_.total += points;
  }

 private:
  ScoreCard& card_;
  const IncidentOutcome& incident_;
};

void scoreIncident(ScoreCard& card, const IncidentOutcome& x, const ScoreWeights& w) {
  LedgerWriter ledger(card, x);
  const auto at = [&](const Milestone& m) { return m.timeUs.value_or(x.endUs); };
  const std::string detectedDetail = x.detected.timeUs           ? "detected by " + x.detectedBy
                                     : x.recoveredBeforeDetection() ? std::string("recovered before detection")
                                                                    : std::string("not detected by the end");
  ledger.add("time_to_detect", x.hoursToDetect(), "h", w.perHourToDetect, at(x.detectionOrEnd()),
             x.detectionOrEnd().eventSeq, detectedDetail);
  ledger.add("time_to_contain", x.hoursTo(x.contained), "h", w.perHourToContain, at(x.contained),
             x.contained.eventSeq,
             x.contained.timeUs ? std::string("contained") : std::string("not contained by the end"));
  ledger.add("time_to_recover", x.hoursTo(x.recovered), "h", w.perHourToRecover, at(x.recovered),
             x.recovered.eventSeq,
             x.recovered.timeUs ? std::string("recovered") : std::string("not recovered by the end"));
  if (!x.contained.timeUs) {
    ledger.add("uncontained", 1, "", w.perUncontained, x.endUs, 0, "still open at the end of the run");
  }
  ledger.add("records_exfiltrated", x.recordsExfiltrated, "records", w.perRecordExfiltrated,
             x.endUs, x.recordsSeq, "");
  ledger.add("items_lost", x.itemsLost, "items", w.perItemLost, x.endUs, x.itemsSeq, "");
  ledger.add("downtime", x.downtimeS / 3600.0, "h", w.perDowntimeHour, x.endUs, x.downtimeSeq, "");
  for (const DeadlineOutcome& d : x.deadlines) {
    if (d.met) {
      ledger.add("deadline_met", 1, "", w.perDeadlineMet, *d.doneUs, d.eventSeq, d.id);
    } else {
      ledger.add("deadline_missed", 1, "", w.perDeadlineMissed, d.dueUs, d.eventSeq, d.id);
    }
  }
  for (const StepNote& s : x.stepsNotDone) {
    ledger.add("step_not_done", 1, "", w.perStepSkipped, s.timeUs, s.eventSeq, s.stepId);
  }
  for (const StepNote& s : x.stepsOutOfOrder) {
    ledger.add("step_out_of_order", 1, "", w.perStepOutOfOrder, s.timeUs, s.eventSeq, s.stepId);
  }
}

}  // namespace

ScoreCard scoreRun(const std::vector<IncidentOutcome>& incidents, const ScoreWeights& weights) {
  ScoreCard card;
  card.ledger.push_back({"", "base", 1, "", weights.base, 0, 0, "starting score"});
  card.total = weights.base;
  for (const IncidentOutcome& incident : incidents) scoreIncident(card, incident, weights);
  return card;
}

std::vector<double> pointsByTerm(const ScoreCard& card) {
  std::vector<double> points(std::size(kScoreTermNames), 0.0);
  for (const LedgerEntry& entry : card.ledger) {
    const auto it = std::find_if(std::begin(kScoreTermNames), std::end(kScoreTermNames),
                                 [&](const char* name) { return entry.term == name; });
    if (it != std::end(kScoreTermNames)) points[static_cast<std::size_t>(it - std::begin(kScoreTermNames))] += entry.points;
  }
  return points;
}

}  // namespace irdrill::scoring
