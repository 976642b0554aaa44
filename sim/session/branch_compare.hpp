// The path not taken, side by side: two branches of a session played to the same moment,
// each ledger term and outcome metric of both with the difference, and each branch's
// incident milestones (the GUI draws the other branch's as ghosts on the timeline).
//
// What is paired. Branches share the header (scenario, seed, replication, overrides), so
// up to the fork both are the same run, event for event. Random streams are named by
// subsystem and entity (sim/core/random_streams.hpp), not drawn from one sequence, so
// after the fork every stream a decision does not touch keeps its draws: an incident the
// decision is not about starts, escalates and is noticed at the same times in both
// branches, and the office day's people and tags move the same, as `irdrill compare`
// pairs procedures. What is not paired: the draws of whatever the decision changes (the
// steps of the incident's procedure, their durations, another procedure's steps), and
// the response team's draws after the fork once the order of its work differs (a
// responder busy on one incident's new step starts another incident's step later, with
// that step's own draws, so even untouched incidents can be contained at other times
// through the shared team). The table shows differences of one pair of runs, not
// expected differences: the what-if panel gives distributions.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/scenario/scenario_def.hpp"
#include "sim/scoring/score.hpp"
#include "sim/session/live_session.hpp"
#include "sim/session/session.hpp"

namespace irdrill::session {

// A moment of an incident on a branch: "started", "detected", "engaged", "contained",
// "recovered" (kMilestoneNames), for the timeline.
inline constexpr const char* kMilestoneNames[] = {"started", "detected", "engaged", "contained", "recovered"};
struct BranchMilestone {
  std::string incident;
  int milestone = 0;  // index into kMilestoneNames
  core::TimeUs atUs = 0;
};

struct BranchSide {
  std::string branch;
  core::TimeUs atUs = 0;  // the moment compared (outcomes censored here)
  scoring::ScoreCard card;
  std::vector<scoring::IncidentOutcome> outcomes;
  std::vector<BranchMilestone> milestones;  // in time order
};

struct TermComparison {
  std::string term;  // kScoreTermNames, then "total"
  double pointsA = 0, pointsB = 0;
  double difference() const { return pointsB - pointsA; }
};

// One incident in either branch (an inject after the fork may exist in one only).
struct IncidentComparison {
  std::string incident;
  bool inA = false, inB = false;
  // Hours from the incident's start to containment; nullopt when not contained by the
  // moment compared (censored: shown as "> N h", never as a number).
  std::optional<double> containHoursA, containHoursB;
  double censoredHoursA = 0, censoredHoursB = 0;  // hours up to the moment compared
  int deadlinesMissedA = 0, deadlinesMissedB = 0;
  double pointsA = 0, pointsB = 0;  // the incident's ledger lines summed
};

struct BranchComparison {
  BranchSide a, b;
  std::vector<TermComparison> terms;
  std::vector<IncidentComparison> incidents;  // a's order, then those only in b
  int deadlinesMissedA = 0, deadlinesMissedB = 0;
  // How many entries (from the start) the two logs have in common: up to there, and up
  // to the fork time, both branches are one run.
  std::size_t sharedEntryCount = 0;
};

// A side from a live session as it stands (its outcomes and score as of now).
BranchSide branchSide(const LiveSession& live);
// Pairs two sides (the terms, incidents and deadlines above).
BranchComparison compareSides(BranchSide a, BranchSide b);
// Replays branches `a` and `b` of `session` from the start to `untilUs` (nullopt: the
// scenario's horizon, the final outcomes) and compares them. Throws std::invalid_argument
// for an unknown branch, std::runtime_error when a branch no longer replays.
BranchComparison compareBranches(std::shared_ptr<const scenario::ScenarioDef> scenario, const SessionDef& session,
                                 std::string_view a, std::string_view b, std::optional<core::TimeUs> untilUs);

}  // namespace irdrill::session
