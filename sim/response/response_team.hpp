// The incident-response team as a set of queues: each role has head-count responders who
// each work one task at a time, in working hours or, outside them, after an on-call
// delay. See docs/response-model.md for the behaviour users see.
//
// Rules:
//   - A task waits in its role's queue, ordered by priority (lower value first) and then
//     by submission order (FIFO), until a responder of the role takes it. The order is a
//     total order, so runs are deterministic.
//   - In working hours (the role's hours on one of its working days) a free responder
//     starts a task at once. The lowest-numbered free responder takes it.
//   - Outside working hours an on-call role calls responders in: one per waiting task
//     not already covered by a responder on the way, up to the head count. Each arrives
//     after a delay drawn from RoleDef::onCallDelay (with the team's on-call stream). A
//     responder who is in (called in, or working overtime) keeps taking the role's
//     waiting tasks without another delay until the queue is empty, then goes home.
//   - A role that is not on call leaves tasks waiting until its next working hours.
//   - A task in progress when working hours end runs to completion (overtime); then the
//     responder of a role that is not on call goes home.
//   - Working hours are [workStartS, workEndS) of each working day, day 0 starting at
//     time 0 (midnight) on weekday `startWeekday` (0 Monday ... 6 Sunday). Consecutive
//     periods that touch (00:00-24:00 on consecutive days) form one period.
//
// Lifetime: the team schedules events on the kernel that point back to it. Construct
// the kernel first so the team is destroyed first; the destructor cancels the team's
// pending events.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "sim/core/event_kernel.hpp"
#include "sim/core/random_streams.hpp"
#include "sim/core/time.hpp"
#include "sim/response/team_def.hpp"

namespace irdrill::response {

// A submitted task: 1, 2, 3... in submission order. Zero is the null handle.
using TaskId = std::uint64_t;
inline constexpr TaskId kNoTask = 0;

inline constexpr core::TimeUs kUsPerDay = 24 * core::kUsPerHour;

enum class TaskState { Queued, Started, Finished, Cancelled };

// What the team records about every task (kept for the team's life, for statistics).
struct TaskRecord {
  int role = -1;
  int priority = 0;
  int responder = -1;  // 0-based within the role; -1 until started
  TaskState state = TaskState::Queued;
  core::TimeUs durationUs = 0;
  core::TimeUs submitUs = 0;
  core::TimeUs startUs = -1;   // -1 until started
  core::TimeUs finishUs = -1;  // -1 until finished
  // Time in the queue: start - submit; -1 until started.
  core::TimeUs waitUs() const { return startUs < 0 ? -1 : startUs - submitUs; }
};

// Per role, since construction.
struct RoleStats {
  std::uint64_t tasksSubmitted = 0;
  std::uint64_t tasksStarted = 0;
  std::uint64_t tasksDone = 0;
  std::uint64_t tasksCancelled = 0;
  std::uint64_t tasksStartedWithWait = 0;  // started later than submitted
  std::uint64_t callIns = 0;               // on-call responders called in
  core::TimeUs busyUs = 0;                 // summed durations of finished tasks
  core::TimeUs totalWaitUs = 0;            // summed waits of started tasks
  std::size_t maxQueueLength = 0;
};

class ResponseTeam {
 public:
  // Called when a responder starts the task (startUs, 0-based responder of the role).
  using StartCallback = std::function<void(core::TimeUs startUs, int responder)>;
  // Called when the task is done.
  using FinishCallback = std::function<void(core::TimeUs finishUs)>;

  // Throws std::invalid_argument for a role with a negative head count or working hours
  // outside 0 <= start <= end <= 24 h, or a weekday outside 0..6.
  ResponseTeam(const TeamDef& team, int startWeekday, core::EventKernel& kernel,
               core::RandomEngine onCallRng);
  ResponseTeam(const ResponseTeam&) = delete;
  ResponseTeam& operator=(const ResponseTeam&) = delete;
  ~ResponseTeam();

  // Replaces the on-call delay stream: later call-ins draw from `onCallRng` (a re-seed
  // "from here", sim/core/random_streams.hpp). Delays already drawn stand.
  void reseed(core::RandomEngine onCallRng) { onCallRng_ = std::move(onCallRng); }

  // Index of the role with this id, -1 if none.
  int roleIndex(std::string_view id) const;
  int roleCount() const { return static_cast<int>(roles_.size()); }
  const RoleDef& role(int role) const;

  // Queues a task of `durationUs` (>= 0) for `role` (throws std::out_of_range for a bad
  // role, std::invalid_argument for a negative duration). If a responder is available
  // now the task starts before submit returns (onStart is called from inside submit).
  // The callbacks may submit and cancel tasks; they may be empty.
  TaskId submit(int role, core::TimeUs durationUs, StartCallback onStart,
                FinishCallback onFinish, int priority = 0);
  // Removes a task that has not started from its queue. Returns false if the task is
  // unknown, already started, finished or cancelled.
  bool cancel(TaskId id);
  // Forgets a task's callbacks (their owner is going away). A queued task is cancelled;
  // a started one still keeps its responder busy until it finishes, silently.
  void detach(TaskId id);

  // A decision during play: responders of `role` are called in now for the tasks waiting
  // outside working hours, one per waiting task not already covered, as an on-call role
  // does (docs/response-model.md), until the queue is empty. Returns how many were called
  // (0 when nobody could be: in working hours, nothing waiting, or everyone on the way).
  int callIn(int role);

  core::TimeUs nowUs() const { return kernel_.now(); }
  // Whether `role` works at `atUs` (its hours on one of its working days).
  bool inWorkingHours(int role, core::TimeUs atUs) const;
  // The next time >= atUs at which the role's working hours start (atUs itself if they
  // are running then), or kTimeNeverUs if the role never works.
  core::TimeUs nextWorkStartUs(int role, core::TimeUs atUs) const;

  // Statistics.
  const TaskRecord& task(TaskId id) const;  // throws std::out_of_range for an unknown id
  std::uint64_t taskCount() const { return tasks_.size(); }
  const RoleStats& stats(int role) const;
  std::size_t queueLength(int role) const;
  int busyCount(int role) const;     // responders working a task now
  int onTheWayCount(int role) const;  // on-call responders called in, not yet arrived

 private:
  enum class ResponderState {
    Free,     // at home outside working hours, or free at work in them
    OnTheWay, // called in: arrival event pending
    Present,  // in and free for a moment (just finished or just arrived): no call-in delay
    Busy,
  };
  struct Responder {
    ResponderState state = ResponderState::Free;
    TaskId task = kNoTask;
    core::EventId event;  // the pending finish or arrival
  };
  struct QueueKey {
    int priority;
    TaskId id;
    bool operator<(const QueueKey& o) const {
      return priority != o.priority ? priority < o.priority : id < o.id;
    }
  };
  struct RoleState {
    RoleDef def;
    core::TimeUs workStartUs = 0;  // within a day
    core::TimeUs workEndUs = 0;
    std::vector<Responder> responders;
    std::set<QueueKey> queue;
    core::EventId wakeUp;  // the next start of working hours, while tasks wait for it
    bool calledIn = false;  // callIn(): treated as on call until its queue is empty
    RoleStats stats;
  };
  struct Callbacks {
    StartCallback onStart;
    FinishCallback onFinish;
  };

  bool worksOnDay(const RoleState& r, std::int64_t day) const;
  bool inHours(const RoleState& r, core::TimeUs atUs) const;
  core::TimeUs nextStartUs(const RoleState& r, core::TimeUs atUs) const;
  TaskRecord& record(TaskId id);
  // Hands waiting tasks to available responders, calls responders in, and arms or
  // disarms the wake-up at the next working hours. Safe to re-enter from callbacks.
  void dispatch(int role);
  // The responder that can start a task now without a delay, or -1.
  int availableResponder(int role) const;
  void startTask(int role, int responder, TaskId id);
  void onTaskFinished(int role, int responder);
  void onArrival(int role, int responder);
  void onWakeUp(int role);
  // A responder who was in and is free after `dispatch`: goes home (or stays free at work).
  void settle(int role, int responder);

  core::EventKernel& kernel_;
  core::RandomEngine onCallRng_;
  int startWeekday_;
  std::vector<RoleState> roles_;
  std::vector<TaskRecord> tasks_;             // index id - 1
  std::map<TaskId, Callbacks> callbacks_;     // of tasks not finished, cancelled or detached
};

}  // namespace irdrill::response
