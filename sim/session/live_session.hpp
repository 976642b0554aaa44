// A session being played: the exercise of a scenario, every event it has logged (kept in
// memory for the event log panel and the ledger's links), and the session log that makes
// it replayable. Every player or facilitator action goes through apply(), which checks it,
// appends it to the log and applies it to the exercise; replaying the log into a fresh
// LiveSession rebuilds the same exercise event for event (docs/gui.md).
//
// Driving: runUntil / runToEnd as the exercise; read through const accessors.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/exercise/exercise.hpp"
#include "sim/scenario/scenario_def.hpp"
#include "sim/session/branches.hpp"
#include "sim/session/session.hpp"

namespace irdrill::session {

class LiveSession : private exercise::ExerciseEventSink {
 public:
  // Starts the exercise of `scenario` (loaded with `header.overrides` applied) with the
  // header's seed and replication; `header.entries` is ignored (see replay()). `forward`,
  // if any, also receives every event (a JSON Lines writer, say) and must outlive this.
  LiveSession(std::shared_ptr<const scenario::ScenarioDef> scenario, SessionDef header,
              exercise::ExerciseEventSink* forward = nullptr);
  // Monte Carlo replications of a session's decisions need no event list: with
  // keepEvents false, events() stays empty (the forward sink still gets every event).
  LiveSession(std::shared_ptr<const scenario::ScenarioDef> scenario, SessionDef header,
              exercise::ExerciseEventSink* forward, bool keepEvents);
  ~LiveSession() override;
  LiveSession(const LiveSession&) = delete;
  LiveSession& operator=(const LiveSession&) = delete;

  // The clock; runUntil clamps to the horizon. After a rewind, the branch's entries still
  // to come (pending()) apply as the clock reaches their times, as replay() applies them.
  core::TimeUs now() const { return exercise_->now(); }
  void runUntil(core::TimeUs untilUs);
  // Runs until `count` more events are logged (Exercise::runEvents), whole time stamps at
  // a time; pending entries apply at their times on the way.
  std::uint64_t runEvents(std::uint64_t count);
  void runToEnd();
  bool finished() const { return exercise_->finished(); }
  // "From here": every later draw from streams salted with `salt` (Exercise::reseedFrom).
  // Not a session entry: what-if replications use it, a played session never does.
  void reseedFrom(std::uint64_t salt) { exercise_->reseedFrom(salt); }

  // Checks the entry against the exercise as it is now; when it applies, stamps it with
  // the current time, appends it to the log and applies it. A mark always applies if its
  // step exists. Nothing changes when it is refused. After a rewind, with entries of the
  // branch still pending, an entry that applies starts a new branch (forkCurrentBranch:
  // "branch N", forked after the entries applied so far, at now) and the old branch keeps
  // its whole log.
  exercise::DecisionResult apply(SessionEntry entry);
  // Whether it would apply now, without applying it.
  exercise::DecisionResult check(const SessionEntry& entry) const;

  // Plays `log` in order, each entry at its time, then runs to `untilUs` (nullopt: stay at
  // the last entry's time). Stops at the first entry that does not apply and says which
  // ("entry 3 (decision order_step at d0 10:30:00): ..."); entries before it stay applied.
  std::optional<std::string> replay(const std::vector<SessionEntry>& log,
                                    std::optional<core::TimeUs> untilUs);
  // The same for replications on other seeds, where a decision may not apply (the
  // incident it names was not detected yet, say): refused entries are passed over, not
  // logged, and counted. Returns how many were refused.
  int replaySkippingRefused(const std::vector<SessionEntry>& log, std::optional<core::TimeUs> untilUs);

  const exercise::Exercise& exercise() const { return *exercise_; }
  const scenario::ScenarioDef& scenario() const { return *scenario_; }
  std::shared_ptr<const scenario::ScenarioDef> sharedScenario() const { return scenario_; }
  // Every event logged so far, in order (events()[i].seq == i + 1).
  const std::vector<exercise::ExerciseEvent>& events() const { return events_; }
  // The session as it stands: header, the branch tree, the current branch's whole log
  // (applied and pending entries) and lastUs = now (or, with entries pending after a
  // rewind, the branch's clock before the rewind).
  SessionDef session() const;
  // The entries applied so far (the log up to now).
  const std::vector<SessionEntry>& log() const { return session_.entries; }
  // The debrief notes (sim/session/debrief_notes.hpp): saved with the session, no effect
  // on the exercise. The training app's hot wash tab edits them.
  const DebriefNotes& debrief() const { return session_.debrief; }
  void setDebrief(DebriefNotes notes) { session_.debrief = std::move(notes); }
  // The current branch's entries after now, still to apply (empty unless rewound).
  const std::vector<SessionEntry>& pending() const { return pending_; }

  // --- Branches (sim/session/branches.hpp, sim/session/rewind.hpp) ---
  std::string currentBranch() const { return currentBranchName(session_); }
  // Takes over the branch tree of `whole` (a session() of the same header) whose current
  // log begins with the entries applied here: the rest become pending, and `whole`'s
  // lastUs the branch's clock. Used by a rewind and a branch switch; throws
  // std::invalid_argument when the applied entries are not a prefix of whole's log.
  void adoptBranchTree(const SessionDef& whole);
  // Renames a branch (renameBranch): why not, or nullopt when done.
  std::optional<std::string> renameBranch(std::string_view from, const std::string& to);
  // The latest mark of each (incident, step), nullopt if never marked.
  std::optional<EvaluatorMark> markOf(const std::string& incident, const std::string& step) const;

 private:
  void onExerciseEvent(const exercise::ExerciseEvent& event) override;

  std::shared_ptr<const scenario::ScenarioDef> scenario_;
  SessionDef session_;
  exercise::ExerciseEventSink* forward_;
  std::vector<exercise::ExerciseEvent> events_;
  std::uint64_t loggedCount_ = 0;          // events logged (kept or not)
  std::vector<SessionEntry> pending_;      // the branch's entries after now, in order
  core::TimeUs branchLastUs_ = 0;          // the branch's clock before the rewind
  void applyPendingUntil(core::TimeUs untilUs);
  bool keepEvents_ = true;
  std::unique_ptr<exercise::Exercise> exercise_;
};

// Loads the scenario a session names (relative paths from `sessionDir` first, then as
// given), checks its content hash, and returns it with the overrides applied.
struct SessionScenario {
  std::shared_ptr<const scenario::ScenarioDef> scenario;
  std::string resolvedPath;
  core::Diagnostics diagnostics;  // load errors, or a hash mismatch naming both hashes
};
SessionScenario loadSessionScenario(const SessionDef& session, const std::string& sessionDir);

}  // namespace irdrill::session
