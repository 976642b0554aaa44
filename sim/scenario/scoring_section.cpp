// The `scoring:` section: the weights of the total score and the deadlines (a step effect
// due within some time of an incident's start, its detection or a confirmed leak).
#include <map>

#include "sim/scenario/duration_text.hpp"
#include "sim/scenario/scenario_sections.hpp"

namespace irdrill::scenario {
namespace {

void readWeights(SourceSet& s, const Node& node, scoring::ScoreWeights& out) {
  // Any finite number: a weight's sign says whether the quantity is a reward or a cost,
  // and a scenario may choose either.
  MapReader r(s, node, "score_weights");
  r.number("base", out.base);
  r.number("per_hour_to_detect", out.perHourToDetect);
  r.number("per_hour_to_contain", out.perHourToContain);
  r.number("per_hour_to_recover", out.perHourToRecover);
  r.number("per_record_exfiltrated", out.perRecordExfiltrated);
  r.number("per_item_lost", out.perItemLost);
  r.number("per_downtime_hour", out.perDowntimeHour);
  r.number("per_deadline_met", out.perDeadlineMet);
  r.number("per_deadline_missed", out.perDeadlineMissed);
  r.number("per_step_skipped", out.perStepSkipped);
  r.number("per_step_out_of_order", out.perStepOutOfOrder);
  r.number("per_uncontained", out.perUncontained);
}

void readDeadline(SourceSet& s, const Node& node, scoring::DeadlineDef& out) {
  MapReader r(s, node, "deadline");
  out.where = r.where();
  r.id("id", out.id);
  r.choice("effect", out.effect, response::kEffectNames, "effect", Need::Required);
  fixedDurationKey(r, "within", out.withinS, Bounds::positive(), Need::Required);
  r.choice("from", out.from, scoring::kDeadlineFromNames, "deadline start");
  if (const auto appliesIf = r.get("applies_if")) {
    readConditionTerms(s, *appliesIf, "applies_if", out.appliesIf);
  }
}

}  // namespace

void readScoring(SourceSet& s, const Node& node, scoring::ScoringDef& out) {
  MapReader r(s, node, "scoring");
  out.where = r.where();
  if (const auto weights = r.get("weights")) readWeights(s, *weights, out.weights);
  if (const auto deadlines = r.get("deadlines")) {
    // The file's list replaces the defaults (none at present), it does not add to them.
    out.deadlines.clear();
    std::map<std::string, core::SourceLocation> ids;
    for (const Node& element : readList(s, *deadlines, "deadlines")) {
      scoring::DeadlineDef deadline;
      readDeadline(s, element, deadline);
      if (deadline.id.empty()) continue;
      const auto [first, inserted] = ids.emplace(deadline.id, deadline.where);
      if (!inserted) {
        s.error(deadline.where, "duplicate deadline id '" + deadline.id + "' (first at " +
                                    formatLocation(first->second) + ")");
        continue;
      }
      out.deadlines.push_back(std::move(deadline));
    }
  }
}

}  // namespace irdrill::scenario
