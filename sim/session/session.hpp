// A tabletop session as data: which scenario (path and content hash), which seed,
// replication and overrides, and the ordered log of what the players decided, what the
// facilitator injected and how the evaluator marked the procedure steps, each at its
// simulated time. Rewinding, saving and `irdrill replay` all rebuild the exercise from it.
// The file format (JSON) is in docs/session-format.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/core/time.hpp"
#include "sim/exercise/decision.hpp"
#include "sim/session/debrief_notes.hpp"

namespace irdrill::session {

// The evaluator's mark on a procedure step (HSEEP Exercise Evaluation Guide).
enum class StepMark { NotObserved, Met, Partly, NotMet };
inline constexpr const char* kStepMarkNames[] = {"not_observed", "met", "partly", "not_met"};

struct EvaluatorMark {
  std::string incident;
  std::string step;
  StepMark mark = StepMark::NotObserved;
  std::string note;
};

// One entry of the session log, applied when the exercise's clock reads atUs.
struct SessionEntry {
  enum class Kind { Decision, Inject, Mark };
  core::TimeUs atUs = 0;
  Kind kind = Kind::Decision;
  exercise::Decision decision;  // Kind::Decision
  exercise::InjectOrder inject; // Kind::Inject
  EvaluatorMark mark;           // Kind::Mark (the seat and rationale live in decision)
};
// Every field equal (a checkpoint is valid for a log whose entries before it are equal).
bool operator==(const EvaluatorMark& a, const EvaluatorMark& b);
bool operator==(const SessionEntry& a, const SessionEntry& b);
inline constexpr const char* kSessionEntryKindNames[] = {"decision", "inject", "mark"};

// A branch of the session: a fork of its parent branch after the parent's first
// `forkEntryCount` entries, at the clock `forkUs`, followed by its own entries. The first
// branch (the root) has no parent and forks at 0 entries, time 0. Branches share the
// header (scenario, seed, replication, overrides). See sim/session/branches.hpp.
struct SessionBranch {
  std::string name;                   // unique in the session, not empty
  std::string parent;                 // "" for the root branch
  std::size_t forkEntryCount = 0;     // how many of the parent's entries (from the start) it keeps
  core::TimeUs forkUs = 0;            // the clock at the fork (>= the last kept entry's time)
  std::vector<SessionEntry> entries;  // its own entries after the fork, in order
  core::TimeUs lastUs = 0;            // the clock when the branch was last played
};

struct SessionDef {
  std::string scenarioPath;  // as given, or relative to the session file's folder
  std::string scenarioHash;  // scenario::scenarioHash of the files and overrides
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
  std::vector<std::string> overrides;  // "PATH=VALUE", as on the command line (--set)
  std::vector<SessionEntry> entries;   // in the order they were applied (times never decrease)
  core::TimeUs lastUs = 0;             // the clock when the session was saved
  // The branch tree (sim/session/branches.hpp). Empty: one branch, kRootBranchName, whose
  // log is `entries`. Otherwise `entries` is the full log of the branch named
  // `currentBranch` (it is authoritative for that branch: its record's own entries are
  // entries[forkEntryCount..], kept in step by syncCurrentBranch), and lastUs its clock.
  std::vector<SessionBranch> branches;  // parents before children; branches[0] is the root
  std::string currentBranch;
  // Who took part, objectives, discussion answers and the improvement plan, for the
  // debrief (sim/session/debrief_notes.hpp); changes nothing in the simulation.
  DebriefNotes debrief;
};

// JSON text of a session (docs/session-format.md): keys in a fixed order, one entry per
// line, times as seconds ("t_s") beside a readable "time" ("d0 10:30:00"); UTF-8 kept as is.
std::string sessionToJson(const SessionDef& session);
// Parses a session file's text (`path` names it in messages). Every problem goes to
// `diagnostics`, located at its line and column and naming the entry and field
// ("entries[3].decision.kind: unknown decision kind ..."); all of them are reported, not
// just the first. Returns the session if and only if there was no error.
std::optional<SessionDef> sessionFromJson(const std::string& text, const std::string& path,
                                          core::Diagnostics& diagnostics);

}  // namespace irdrill::session
