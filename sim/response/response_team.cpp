// The response team's queues, hours and on-call (see response_team.hpp).
#include "sim/response/response_team.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include "sim/core/distribution.hpp"

namespace irdrill::response {
namespace {

constexpr int kDaysPerWeek = 7;

}  // namespace

ResponseTeam::ResponseTeam(const TeamDef& team, int startWeekday, core::EventKernel& kernel,
                           core::RandomEngine onCallRng)
    : kernel_(kernel), onCallRng_(std::move(onCallRng)), startWeekday_(startWeekday) {
  if (startWeekday < 0 || startWeekday >= kDaysPerWeek) {
    throw std::invalid_argument("ResponseTeam: start weekday must be 0 (Monday) .. 6 (Sunday)");
  }
  roles_.reserve(team.roles.size());
  for (const RoleDef& def : team.roles) {
    if (def.headCount < 0) {
      throw std::invalid_argument("ResponseTeam: role '" + def.id + "' has a negative head count");
    }
    if (!(def.workStartS >= 0 && def.workStartS <= def.workEndS && def.workEndS <= 24 * 3600)) {
      throw std::invalid_argument("ResponseTeam: role '" + def.id +
                                  "' needs working hours 0 <= start <= end <= 24h");
    }
    RoleState r;
    r.def = def;
    r.workStartUs = core::secondsToUs(def.workStartS);
    r.workEndUs = core::secondsToUs(def.workEndS);
    r.responders.resize(static_cast<std::size_t>(def.headCount));
    roles_.push_back(std::move(r));
  }
}

ResponseTeam::~ResponseTeam() {
  // Handlers on the kernel point at this object: none may fire after it is gone.
  for (RoleState& r : roles_) {
    kernel_.cancel(r.wakeUp);
    for (Responder& responder : r.responders) kernel_.cancel(responder.event);
  }
}

int ResponseTeam::roleIndex(std::string_view id) const {
  for (std::size_t i = 0; i < roles_.size(); ++i) {
    if (roles_[i].def.id == id) return static_cast<int>(i);
  }
  return -1;
}

const RoleDef& ResponseTeam::role(int role) const {
  return roles_.at(static_cast<std::size_t>(role)).def;
}

// ---------------------------------------------------------------------------------------
// Calendar

bool ResponseTeam::worksOnDay(const RoleState& r, std::int64_t day) const {
  if (r.workStartUs >= r.workEndUs) return false;
  const std::int64_t weekday = ((startWeekday_ + day) % kDaysPerWeek + kDaysPerWeek) % kDaysPerWeek;
  return (r.def.workDaysMask >> weekday) & 1u;
}

bool ResponseTeam::inHours(const RoleState& r, core::TimeUs atUs) const {
  const std::int64_t day = atUs / kUsPerDay;
  const core::TimeUs timeOfDayUs = atUs - day * kUsPerDay;
  return worksOnDay(r, day) && timeOfDayUs >= r.workStartUs && timeOfDayUs < r.workEndUs;
}

core::TimeUs ResponseTeam::nextStartUs(const RoleState& r, core::TimeUs atUs) const {
  if (inHours(r, atUs)) return atUs;
  const std::int64_t today = atUs / kUsPerDay;
  // The week repeats: if no start is found within 8 days, the role never works.
  for (std::int64_t day = today; day <= today + kDaysPerWeek; ++day) {
    if (!worksOnDay(r, day)) continue;
    const core::TimeUs startUs = day * kUsPerDay + r.workStartUs;
    if (startUs >= atUs) return startUs;
  }
  return core::kTimeNeverUs;
}

bool ResponseTeam::inWorkingHours(int role, core::TimeUs atUs) const {
  return inHours(roles_.at(static_cast<std::size_t>(role)), atUs);
}

core::TimeUs ResponseTeam::nextWorkStartUs(int role, core::TimeUs atUs) const {
  return nextStartUs(roles_.at(static_cast<std::size_t>(role)), atUs);
}

// ---------------------------------------------------------------------------------------
// Tasks

TaskRecord& ResponseTeam::record(TaskId id) {
  if (id == kNoTask || id > tasks_.size()) throw std::out_of_range("ResponseTeam: unknown task");
  return tasks_[id - 1];
}

const TaskRecord& ResponseTeam::task(TaskId id) const {
  if (id == kNoTask || id > tasks_.size()) throw std::out_of_range("ResponseTeam: unknown task");
  return tasks_[id - 1];
}

const RoleStats& ResponseTeam::stats(int role) const {
  return roles_.at(static_cast<std::size_t>(role)).stats;
}

std::size_t ResponseTeam::queueLength(int role) const {
  return roles_.at(static_cast<std::size_t>(role)).queue.size();
}

int ResponseTeam::busyCount(int role) const {
  const auto& responders = roles_.at(static_cast<std::size_t>(role)).responders;
  return static_cast<int>(std::count_if(responders.begin(), responders.end(), [](const auto& x) {
    return x.state == ResponderState::Busy;
  }));
}

int ResponseTeam::onTheWayCount(int role) const {
  const auto& responders = roles_.at(static_cast<std::size_t>(role)).responders;
  return static_cast<int>(std::count_if(responders.begin(), responders.end(), [](const auto& x) {
    return x.state == ResponderState::OnTheWay;
  }));
}

TaskId ResponseTeam::submit(int role, core::TimeUs durationUs, StartCallback onStart,
                            FinishCallback onFinish, int priority) {
  if (role < 0 || role >= roleCount()) throw std::out_of_range("ResponseTeam: unknown role");
  if (durationUs < 0) throw std::invalid_argument("ResponseTeam: negative task duration");
  const TaskId id = tasks_.size() + 1;
  TaskRecord rec;
  rec.role = role;
  rec.priority = priority;
  rec.durationUs = durationUs;
  rec.submitUs = kernel_.now();
  tasks_.push_back(rec);
  callbacks_.emplace(id, Callbacks{std::move(onStart), std::move(onFinish)});
  RoleState& r = roles_[static_cast<std::size_t>(role)];
  r.queue.insert({priority, id});
  ++r.stats.tasksSubmitted;
  dispatch(role);
  r.stats.maxQueueLength = std::max(r.stats.maxQueueLength, r.queue.size());
  return id;
}

bool ResponseTeam::cancel(TaskId id) {
  if (id == kNoTask || id > tasks_.size()) return false;
  TaskRecord& rec = tasks_[id - 1];
  if (rec.state != TaskState::Queued) return false;
  rec.state = TaskState::Cancelled;
  const int role = rec.role;
  RoleState& r = roles_[static_cast<std::size_t>(role)];
  r.queue.erase({rec.priority, id});
  ++r.stats.tasksCancelled;
  callbacks_.erase(id);
  // Only to disarm the wake-up if nothing waits any more. A responder already called in
  // for it still comes, finds the queue empty and goes home.
  dispatch(role);
  return true;
}

void ResponseTeam::detach(TaskId id) {
  callbacks_.erase(id);
  cancel(id);
}

// ---------------------------------------------------------------------------------------
// Responders

int ResponseTeam::availableResponder(int role) const {
  const RoleState& r = roles_[static_cast<std::size_t>(role)];
  const bool working = inHours(r, kernel_.now());
  // Someone already in (just finished, just arrived) goes first: in working hours any
  // choice would do, outside them only they can start without a call-in delay.
  if (working || r.def.onCall) {
    for (std::size_t k = 0; k < r.responders.size(); ++k) {
      if (r.responders[k].state == ResponderState::Present) return static_cast<int>(k);
    }
  }
  if (working) {
    for (std::size_t k = 0; k < r.responders.size(); ++k) {
      if (r.responders[k].state == ResponderState::Free) return static_cast<int>(k);
    }
  }
  return -1;
}

void ResponseTeam::dispatch(int role) {
  RoleState& r = roles_[static_cast<std::size_t>(role)];  // roles_ never grows: stable
  // Re-read the queue and the responders every turn: startTask runs a callback that may
  // submit or cancel (and so dispatch) in between.
  while (!r.queue.empty()) {
    const int responder = availableResponder(role);
    if (responder < 0) break;
    const TaskId id = r.queue.begin()->id;
    r.queue.erase(r.queue.begin());
    startTask(role, responder, id);
  }
  const core::TimeUs now = kernel_.now();
  const bool working = inHours(r, now);
  if (r.queue.empty()) r.calledIn = false;
  if (!r.queue.empty() && !working && (r.def.onCall || r.calledIn)) {
    // One responder per waiting task not already covered by someone on the way: a
    // second task does not make the first responder come faster, a second person does.
    std::size_t onTheWay = static_cast<std::size_t>(onTheWayCount(role));
    for (std::size_t k = 0; k < r.responders.size() && onTheWay < r.queue.size(); ++k) {
      Responder& responder = r.responders[k];
      if (responder.state != ResponderState::Free) continue;
      responder.state = ResponderState::OnTheWay;
      const core::TimeUs delayUs = core::sampleUs(r.def.onCallDelay, onCallRng_);
      const int index = static_cast<int>(k);
      responder.event = kernel_.scheduleAt(now + delayUs, [this, role, index] {
        onArrival(role, index);
      });
      ++r.stats.callIns;
      ++onTheWay;
    }
  }
  // Tasks still waiting outside working hours get looked at again when the hours start:
  // responders who are not on call come to work then, and on-call ones may still be on
  // the way. Nothing waiting: no event, so an idle team leaves the kernel empty.
  if (!r.queue.empty() && !working) {
    if (!kernel_.isPending(r.wakeUp)) {
      const core::TimeUs startUs = nextStartUs(r, now);
      if (startUs != core::kTimeNeverUs) {
        r.wakeUp = kernel_.scheduleAt(startUs, [this, role] { onWakeUp(role); });
      }
    }
  } else if (r.queue.empty() && kernel_.isPending(r.wakeUp)) {
    kernel_.cancel(r.wakeUp);
    r.wakeUp = {};
  }
}

int ResponseTeam::callIn(int role) {
  RoleState& r = roles_.at(static_cast<std::size_t>(role));
  if (r.queue.empty() || inHours(r, kernel_.now())) return 0;
  const std::uint64_t before = r.stats.callIns;
  r.calledIn = true;
  dispatch(role);
  return static_cast<int>(r.stats.callIns - before);
}

void ResponseTeam::startTask(int role, int responder, TaskId id) {
  RoleState& r = roles_[static_cast<std::size_t>(role)];
  Responder& who = r.responders[static_cast<std::size_t>(responder)];
  const core::TimeUs now = kernel_.now();
  TaskRecord& rec = record(id);
  rec.state = TaskState::Started;
  rec.startUs = now;
  rec.responder = responder;
  const core::TimeUs waitUs = now - rec.submitUs;
  ++r.stats.tasksStarted;
  r.stats.totalWaitUs += waitUs;
  if (waitUs > 0) ++r.stats.tasksStartedWithWait;
  who.state = ResponderState::Busy;
  who.task = id;
  who.event = kernel_.scheduleAt(now + rec.durationUs, [this, role, responder] {
    onTaskFinished(role, responder);
  });
  // Last, with the state consistent: the callback may re-enter submit or cancel (and
  // `rec` may move when tasks_ grows).
  const auto it = callbacks_.find(id);
  if (it != callbacks_.end() && it->second.onStart) {
    const StartCallback onStart = std::move(it->second.onStart);
    it->second.onStart = nullptr;
    onStart(now, responder);
  }
}

void ResponseTeam::onTaskFinished(int role, int responder) {
  RoleState& r = roles_[static_cast<std::size_t>(role)];
  Responder& who = r.responders[static_cast<std::size_t>(responder)];
  const core::TimeUs now = kernel_.now();
  const TaskId id = who.task;
  who.task = kNoTask;
  who.event = {};
  // In, and free: a task submitted by onFinish below goes to this responder (or to the
  // head of the queue) without a call-in delay.
  who.state = ResponderState::Present;
  TaskRecord& rec = record(id);
  rec.state = TaskState::Finished;
  rec.finishUs = now;
  ++r.stats.tasksDone;
  r.stats.busyUs += rec.durationUs;
  FinishCallback onFinish;
  if (const auto it = callbacks_.find(id); it != callbacks_.end()) {
    onFinish = std::move(it->second.onFinish);
    callbacks_.erase(it);
  }
  if (onFinish) onFinish(now);
  dispatch(role);
  settle(role, responder);
}

void ResponseTeam::onArrival(int role, int responder) {
  Responder& who = roles_[static_cast<std::size_t>(role)].responders[static_cast<std::size_t>(responder)];
  who.state = ResponderState::Present;
  who.event = {};
  dispatch(role);
  settle(role, responder);
}

void ResponseTeam::onWakeUp(int role) {
  roles_[static_cast<std::size_t>(role)].wakeUp = {};
  dispatch(role);
}

void ResponseTeam::settle(int role, int responder) {
  Responder& who = roles_[static_cast<std::size_t>(role)].responders[static_cast<std::size_t>(responder)];
  // Nothing left to take: at work in working hours, at home outside them. Either way the
  // next task outside hours needs a new call-in.
  if (who.state == ResponderState::Present) who.state = ResponderState::Free;
}

}  // namespace irdrill::response
