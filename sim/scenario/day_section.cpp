// The `day_plans:` section (named stochastic days of employees; "default" always exists)
// and the `human_error:` section (how often items are left behind and noticed).
#include "sim/scenario/scenario_sections.hpp"

namespace irdrill::scenario {
namespace {

void readDayPlan(SourceSet& s, const Node& node, world::DayPlanDef& plan) {
  MapReader r(s, node, "day_plan");
  plan.where = r.where();
  const bool hasArrive = r.clockTime("arrive_mean", plan.arriveMeanS);
  r.duration("arrive_sd_min", plan.arriveSdS, 60.0, Bounds::nonNegative());
  const bool hasLeave = r.clockTime("leave_mean", plan.leaveMeanS);
  r.duration("leave_sd_min", plan.leaveSdS, 60.0, Bounds::nonNegative());
  r.number("meetings_per_day_mean", plan.meetingsPerDayMean, Bounds::nonNegative());
  r.duration("meeting_duration_mean_min", plan.meetingDurationMeanS, 60.0, Bounds::positive());
  r.number("lunch_offsite_probability", plan.lunchOffsiteProbability, Bounds::unitInterval());
  r.duration("lunch_duration_mean_min", plan.lunchDurationMeanS, 60.0, Bounds::positive());
  r.number("client_visit_probability", plan.clientVisitProbability, Bounds::unitInterval());
  r.duration("client_visit_duration_mean_min", plan.clientVisitDurationMeanS, 60.0,
             Bounds::positive());
  r.number("breaks_per_day_mean", plan.breaksPerDayMean, Bounds::nonNegative());
  if ((hasArrive || hasLeave) && plan.leaveMeanS <= plan.arriveMeanS) {
    s.error(*r.get(hasLeave ? "leave_mean" : "arrive_mean"),
            "people must leave after they arrive (arrive_mean " +
                formatClockTime(plan.arriveMeanS) + ", leave_mean " +
                formatClockTime(plan.leaveMeanS) + ")");
  }
}

}  // namespace

void readDayPlans(SourceSet& s, const std::vector<Node>& occurrences,
                  std::map<std::string, world::DayPlanDef>& out) {
  // Plans may come from several files (a shared library of plans); a name is defined once.
  std::map<std::string, core::SourceLocation> definedAt;
  for (const Node& occurrence : occurrences) {
    for (const NamedEntry& entry : readNamedEntries(s, occurrence, "day_plans")) {
      const auto [first, inserted] = definedAt.emplace(entry.name, s.locate(entry.key));
      if (!inserted) {
        s.error(entry.key, "day plan '" + entry.name + "' is defined twice (first at " +
                               formatLocation(first->second) + ")");
        continue;
      }
      world::DayPlanDef plan;
      readDayPlan(s, entry.value, plan);
      out[entry.name] = plan;
    }
  }
  out.try_emplace("default");
}

void readHumanError(SourceSet& s, const Node& node, world::HumanErrorDef& out) {
  MapReader r(s, node, "human_error");
  out.where = r.where();
  if (const auto byKind = r.get("leave_behind_probability")) {
    MapReader k(s, *byKind, "leave_behind_probability");
    for (std::size_t i = 0; i < world::kItemKindNames.size(); ++i) {
      k.number(world::kItemKindNames[i], out.leaveBehindProbability[i], Bounds::unitInterval());
    }
  }
  r.number("self_notice_probability", out.selfNoticeProbability, Bounds::unitInterval());
  r.duration("self_notice_delay_mean_min", out.selfNoticeDelayMeanS, 60.0, Bounds::nonNegative());
}

}  // namespace irdrill::scenario
