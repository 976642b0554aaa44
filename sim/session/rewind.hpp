// Rewinding a session: the exercise rebuilt at an earlier moment by replaying the log from
// the start (exact: the kernel is deterministic, so the event log up to that moment is the
// one the session logged), made fast by checkpoints.
//
// An Exercise cannot be copied, so a checkpoint is a whole LiveSession kept paused at a
// round time (every 30 simulated minutes by default: bench/rewind_bench shows an hour is
// too coarse for 0.5 s on a loaded machine) after the log's entries before that time.
// A rewind takes the latest valid checkpoint at or before its target, plays the rest of
// the log prefix into it and hands it over; a worker thread then builds that checkpoint
// again (from the start). A checkpoint at time H is valid for a log when the log's entries
// timed before H are exactly the ones it applied. docs/gui.md#rewind-and-branches has the
// figures (bench/rewind_bench.cpp).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/scenario/scenario_def.hpp"
#include "sim/session/live_session.hpp"
#include "sim/session/session.hpp"

namespace irdrill::session {

// Where a rewind lands: after the first `entryCount` entries of the log, the clock at
// `atUs` (not before the last of them). The entries after it stay pending.
struct RewindPoint {
  std::size_t entryCount = 0;
  core::TimeUs atUs = 0;
};
// The moment `atUs`: the entries timed before it applied (one timed exactly at it is
// pending, as if the clock had just reached it).
RewindPoint rewindPointAt(const std::vector<SessionEntry>& log, core::TimeUs atUs);
// Just before entry `entryIndex` (0-based) applied: at its time, the entries before it
// applied. An index past the end gives the end of the log (at its last entry's time).
RewindPoint rewindPointBefore(const std::vector<SessionEntry>& log, std::size_t entryIndex);

// The exercise at `point` of `log` with `header`'s scenario run, rebuilt from the start
// (no checkpoint): the reference a checkpointed rewind must equal. `log` entries that do
// not apply make it throw std::runtime_error (a log that replayed once replays again).
std::unique_ptr<LiveSession> rebuildFromStart(std::shared_ptr<const scenario::ScenarioDef> scenario,
                                              const SessionDef& header, const std::vector<SessionEntry>& log,
                                              RewindPoint point);

struct RewindStats {
  bool fromCheckpoint = false;
  core::TimeUs checkpointUs = 0;  // the checkpoint's time when one was used
};

class RewindCheckpoints {
 public:
  // Checkpoints of `header`'s run (seed, replication; its entries are ignored) every
  // `intervalUs` of simulated time; the worker thread starts idle (see follow()).
  RewindCheckpoints(std::shared_ptr<const scenario::ScenarioDef> scenario, SessionDef header,
                    core::TimeUs intervalUs = 30 * core::kUsPerMinute);
  // Stops the worker (a checkpoint being built is abandoned within a slice) and joins it.
  ~RewindCheckpoints();
  RewindCheckpoints(const RewindCheckpoints&) = delete;
  RewindCheckpoints& operator=(const RewindCheckpoints&) = delete;

  // The log the checkpoints are for (the current branch's whole log) and how far to keep
  // them (the session's clock): checkpoints no longer valid for it are dropped and the
  // worker builds the missing ones, earliest first. Cheap when nothing changed.
  void follow(const std::vector<SessionEntry>& log, core::TimeUs untilUs);
  // The session at `point` of `log`: from the latest checkpoint valid for `log` at or
  // before point.atUs (taken out: the worker builds it again), else from the start.
  std::unique_ptr<LiveSession> rebuild(const std::vector<SessionEntry>& log, RewindPoint point,
                                       RewindStats* stats = nullptr);

  // Blocks until every checkpoint of the followed log is built (tests, the bench).
  void waitUntilIdle();
  // The times of the checkpoints held now, in order.
  std::vector<core::TimeUs> readyTimes() const;
  core::TimeUs intervalUs() const { return intervalUs_; }

 private:
  struct Checkpoint {
    std::vector<SessionEntry> applied;  // the log's entries timed before its time
    std::unique_ptr<LiveSession> live;  // paused at its time
  };
  void work();
  // The earliest checkpoint time missing for the followed log; 0 when none (under mutex_).
  core::TimeUs nextMissingUs() const;

  const std::shared_ptr<const scenario::ScenarioDef> scenario_;
  const SessionDef header_;
  const core::TimeUs intervalUs_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;  // the worker: work to do, or stop
  std::condition_variable idle_;  // waitUntilIdle: nothing missing and not building
  std::vector<SessionEntry> log_;
  core::TimeUs untilUs_ = 0;
  std::uint64_t generation_ = 0;  // bumped by follow() when the log changes
  std::map<core::TimeUs, Checkpoint> ready_;
  bool building_ = false;
  bool stop_ = false;
  std::thread worker_;  // last: started when everything above is set
};

// Rewinds a live session to `point` of its current branch: a new LiveSession at that
// moment with the same branch tree, the branch's later entries pending (they replay as
// the clock runs; a different decision forks a branch). `checkpoints` may be null.
std::unique_ptr<LiveSession> rewindSession(const LiveSession& live, RewindPoint point,
                                           RewindCheckpoints* checkpoints, RewindStats* stats = nullptr);
// Makes another branch current: a new LiveSession at that branch's clock, its whole log
// applied. Throws std::invalid_argument for an unknown branch.
std::unique_ptr<LiveSession> switchToBranch(const LiveSession& live, std::string_view branchName,
                                            RewindCheckpoints* checkpoints, RewindStats* stats = nullptr);

}  // namespace irdrill::session
