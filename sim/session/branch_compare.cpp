// Two branches side by side (see branch_compare.hpp).
#include "sim/session/branch_compare.hpp"

#include <algorithm>
#include <stdexcept>

#include "sim/session/branches.hpp"

namespace irdrill::session {
namespace {

int missedDeadlines(const scoring::IncidentOutcome& outcome) {
  return static_cast<int>(std::count_if(outcome.deadlines.begin(), outcome.deadlines.end(),
                                        [](const scoring::DeadlineOutcome& d) { return !d.met; }));
}

double incidentPoints(const scoring::ScoreCard& card, const std::string& incident) {
  double points = 0;
  for (const auto& line : card.ledger) points += line.incident == incident ? line.points : 0;
  return points;
}

const scoring::IncidentOutcome* findOutcome(const BranchSide& side, const std::string& id) {
  for (const auto& o : side.outcomes) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

void fillSide(IncidentComparison& row, const BranchSide& side, const scoring::IncidentOutcome& o, bool isA) {
  std::optional<double> containHours;
  if (o.contained.timeUs) containHours = o.hoursTo(o.contained);
  const double censoredHours = core::usToSeconds(side.atUs - o.startUs) / 3600.0;
  (isA ? row.inA : row.inB) = true;
  (isA ? row.containHoursA : row.containHoursB) = containHours;
  (isA ? row.censoredHoursA : row.censoredHoursB) = std::max(0.0, censoredHours);
  (isA ? row.deadlinesMissedA : row.deadlinesMissedB) = missedDeadlines(o);
  (isA ? row.pointsA : row.pointsB) = incidentPoints(side.card, o.id);
}

}  // namespace

BranchSide branchSide(const LiveSession& live) {
  BranchSide side;
  side.branch = live.currentBranch();
  side.atUs = live.now();
  side.card = live.exercise().score();
  side.outcomes = live.exercise().outcomes();
  for (const auto& o : side.outcomes) {
    const auto add = [&](int milestone, std::optional<core::TimeUs> atUs) {
      if (atUs) side.milestones.push_back({o.id, milestone, *atUs});
    };
    add(0, o.startUs);
    add(1, o.detected.timeUs);
    add(2, o.teamEngaged.timeUs);
    add(3, o.contained.timeUs);
    add(4, o.recovered.timeUs);
  }
  std::stable_sort(side.milestones.begin(), side.milestones.end(),
                   [](const BranchMilestone& x, const BranchMilestone& y) { return x.atUs < y.atUs; });
  return side;
}

BranchComparison compareSides(BranchSide a, BranchSide b) {
  BranchComparison out;
  const std::vector<double> termsA = scoring::pointsByTerm(a.card), termsB = scoring::pointsByTerm(b.card);
  for (std::size_t t = 0; t < termsA.size() && t < termsB.size(); ++t) {
    out.terms.push_back({scoring::kScoreTermNames[t], termsA[t], termsB[t]});
  }
  out.terms.push_back({"total", a.card.total, b.card.total});
  for (const auto& o : a.outcomes) {
    IncidentComparison row;
    row.incident = o.id;
    fillSide(row, a, o, true);
    if (const auto* other = findOutcome(b, o.id)) fillSide(row, b, *other, false);
    out.incidents.push_back(std::move(row));
  }
  for (const auto& o : b.outcomes) {
    if (findOutcome(a, o.id)) continue;
    IncidentComparison row;
    row.incident = o.id;
    fillSide(row, b, o, false);
    out.incidents.push_back(std::move(row));
  }
  for (const auto& row : out.incidents) {
    out.deadlinesMissedA += row.deadlinesMissedA;
    out.deadlinesMissedB += row.deadlinesMissedB;
  }
  out.a = std::move(a);
  out.b = std::move(b);
  return out;
}

BranchComparison compareBranches(std::shared_ptr<const scenario::ScenarioDef> scenario, const SessionDef& session,
                                 std::string_view a, std::string_view b, std::optional<core::TimeUs> untilUs) {
  const std::vector<SessionEntry> logA = branchLog(session, a), logB = branchLog(session, b);
  SessionDef header = session;
  header.entries.clear();
  header.branches.clear();
  header.currentBranch.clear();
  const auto play = [&](std::string_view name, const std::vector<SessionEntry>& log) {
    LiveSession live(scenario, header, nullptr, false);
    if (const auto problem = live.replay(log, std::nullopt)) {
      throw std::runtime_error("branch '" + std::string(name) + "' no longer replays: " + *problem);
    }
    if (untilUs) {
      live.runUntil(*untilUs);
    } else {
      live.runToEnd();
    }
    BranchSide side = branchSide(live);
    side.branch = std::string(name);
    return side;
  };
  BranchComparison out = compareSides(play(a, logA), play(b, logB));
  while (out.sharedEntryCount < std::min(logA.size(), logB.size()) &&
         logA[out.sharedEntryCount] == logB[out.sharedEntryCount]) {
    ++out.sharedEntryCount;
  }
  return out;
}

}  // namespace irdrill::session
