// The response team: working hours, on-call, queue order, cancellation, head counts and
// statistics, with exact times from fixed durations and delays.
#include "sim/response/response_team.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "sim/core/event_kernel.hpp"
#include "sim/core/random_streams.hpp"
#include "team_helpers.hpp"

using namespace irdrill;
using namespace irdrill::testing;
using response::ResponseTeam;
using response::TaskId;

namespace {

core::RandomEngine onCallStream() { return core::RandomStreams(5, 0).stream("team.on_call"); }

// What the callbacks of one task saw.
struct Seen {
  core::TimeUs startUs = -1;
  int responder = -1;
  core::TimeUs finishUs = -1;
};

// Submits a task of `durationUs` to `role` at time `atUs` (through the kernel, as a model
// would); the callbacks fill `seen`.
void submitAt(core::EventKernel& kernel, ResponseTeam& team, core::TimeUs atUs, int role,
              core::TimeUs durationUs, Seen& seen, int priority = 0) {
  kernel.scheduleAt(atUs, [&team, role, durationUs, &seen, priority] {
    team.submit(
        role, durationUs,
        [&seen](core::TimeUs startUs, int responder) {
          seen.startUs = startUs;
          seen.responder = responder;
        },
        [&seen](core::TimeUs finishUs) { seen.finishUs = finishUs; }, priority);
  });
}

response::TeamDef teamOf(std::vector<response::RoleDef> roles) {
  response::TeamDef team;
  team.roles = std::move(roles);
  return team;
}

}  // namespace

TEST_CASE("Roles are found by id and unknown ids give -1") {
  core::EventKernel kernel;
  ResponseTeam team(teamOf({alwaysOn("lead", 1), alwaysOn("it_admin", 2)}), 0, kernel,
                    onCallStream());
  CHECK(team.roleCount() == 2);
  CHECK(team.roleIndex("lead") == 0);
  CHECK(team.roleIndex("it_admin") == 1);
  CHECK(team.roleIndex("pr") == -1);
  CHECK(team.role(1).headCount == 2);
}

TEST_CASE("A task submitted in working hours starts at once and finishes after its duration") {
  core::EventKernel kernel;
  ResponseTeam team(teamOf({officeHours("it", 1)}), 0, kernel, onCallStream());
  Seen seen;
  submitAt(kernel, team, at(0, 10), 0, 30 * kMinuteUs, seen);
  kernel.runUntilEmpty();
  CHECK(seen.startUs == at(0, 10));
  CHECK(seen.responder == 0);
  CHECK(seen.finishUs == at(0, 10, 30));
  CHECK(team.task(1).waitUs() == 0);
  CHECK(team.task(1).state == response::TaskState::Finished);
}

TEST_CASE("A task submitted at 20:00 to a role not on call starts at 09:00 the next working day") {
  core::EventKernel kernel;
  ResponseTeam team(teamOf({officeHours("it", 1)}), 0 /* Monday */, kernel, onCallStream());
  Seen seen;
  submitAt(kernel, team, at(0, 20), 0, kHourUs, seen);
  kernel.runUntilEmpty();
  CHECK(seen.startUs == at(1, 9));
  CHECK(seen.finishUs == at(1, 10));
  CHECK(team.task(1).waitUs() == 13 * kHourUs);
  CHECK(team.stats(0).callIns == 0);
}

TEST_CASE("A task submitted on Friday evening waits for Monday morning") {
  core::EventKernel kernel;
  ResponseTeam team(teamOf({officeHours("it", 1)}), 4 /* day 0 is a Friday */, kernel,
                    onCallStream());
  Seen friday, saturday, beforeHours;
  submitAt(kernel, team, at(0, 20), 0, kHourUs, friday);
  submitAt(kernel, team, at(1, 11), 0, kHourUs, saturday);
  kernel.runUntilEmpty();
  CHECK(friday.startUs == at(3, 9));  // day 3 is Monday
  CHECK(saturday.startUs == at(3, 10));  // behind the Friday task, one responder
  // Early on a working day: the same day's 09:00.
  core::EventKernel kernel2;
  ResponseTeam team2(teamOf({officeHours("it", 1)}), 0, kernel2, onCallStream());
  submitAt(kernel2, team2, at(2, 7, 15), 0, kHourUs, beforeHours);
  kernel2.runUntilEmpty();
  CHECK(beforeHours.startUs == at(2, 9));
}

TEST_CASE("A task in progress at the end of working hours runs to completion, the next waits") {
  core::EventKernel kernel;
  ResponseTeam team(teamOf({officeHours("it", 1)}), 0, kernel, onCallStream());
  Seen late, behind;
  submitAt(kernel, team, at(0, 17, 30), 0, 2 * kHourUs, late);
  submitAt(kernel, team, at(0, 17, 45), 0, kHourUs, behind);
  kernel.runUntilEmpty();
  CHECK(late.startUs == at(0, 17, 30));
  CHECK(late.finishUs == at(0, 19, 30));  // overtime
  // The responder went home after the overtime task: not on call, so 09:00 next day.
  CHECK(behind.startUs == at(1, 9));
}

TEST_CASE("An on-call role starts outside working hours after the drawn call-in delay") {
  SECTION("fixed delay") {
    core::EventKernel kernel;
    ResponseTeam team(teamOf({officeHours("it", 1, 45 * 60)}), 0, kernel, onCallStream());
    Seen seen;
    submitAt(kernel, team, at(0, 20), 0, kHourUs, seen);
    kernel.runUntilEmpty();
    CHECK(seen.startUs == at(0, 20, 45));
    CHECK(team.stats(0).callIns == 1);
  }
  SECTION("lognormal delay: the team's on-call stream gives the draw") {
    response::RoleDef role = officeHours("it", 1, 1);
    role.onCallDelay = core::DurationDist::lognormal(45 * 60, 30 * 60);
    core::RandomEngine expected = onCallStream();
    const core::TimeUs delayUs = core::sampleUs(role.onCallDelay, expected);
    core::EventKernel kernel;
    ResponseTeam team(teamOf({role}), 0, kernel, onCallStream());
    Seen seen;
    submitAt(kernel, team, at(0, 20), 0, kHourUs, seen);
    kernel.runUntilEmpty();
    CHECK(delayUs > 0);
    CHECK(seen.startUs == at(0, 20) + delayUs);
  }
}

TEST_CASE("A called-in responder works through the queue without another delay, then goes home") {
  core::EventKernel kernel;
  ResponseTeam team(teamOf({officeHours("it", 1, 45 * 60)}), 0, kernel, onCallStream());
  Seen first, second, later;
  submitAt(kernel, team, at(0, 20), 0, kHourUs, first);
  submitAt(kernel, team, at(0, 20), 0, kHourUs, second);
  submitAt(kernel, team, at(0, 23), 0, kHourUs, later);
  kernel.runUntilEmpty();
  CHECK(first.startUs == at(0, 20, 45));
  CHECK(second.startUs == at(0, 21, 45));  // no second call-in delay
  // The queue was empty at 22:45: the responder went home and is called in again.
  CHECK(later.startUs == at(0, 23, 45));
  CHECK(team.stats(0).callIns == 2);
}

TEST_CASE("An on-call role calls in one responder per waiting task, up to its head count") {
  core::EventKernel kernel;
  ResponseTeam team(teamOf({officeHours("it", 2, 30 * 60)}), 0, kernel, onCallStream());
  Seen a, b, c;
  submitAt(kernel, team, at(0, 22), 0, kHourUs, a);
  submitAt(kernel, team, at(0, 22), 0, kHourUs, b);
  submitAt(kernel, team, at(0, 22), 0, kHourUs, c);
  kernel.runUntil(at(0, 22));
  CHECK(team.onTheWayCount(0) == 2);
  kernel.runUntilEmpty();
  CHECK(a.startUs == at(0, 22, 30));
  CHECK(b.startUs == at(0, 22, 30));
  CHECK(a.responder != b.responder);
  CHECK(c.startUs == at(0, 23, 30));  // the first responder free takes it, no delay
  CHECK(team.stats(0).callIns == 2);
}

TEST_CASE("Colleagues arriving for work take a task whose on-call responder is still on the way") {
  core::EventKernel kernel;
  ResponseTeam team(teamOf({officeHours("it", 2, 3 * 3600)}), 0, kernel, onCallStream());
  Seen seen;
  submitAt(kernel, team, at(1, 8), 0, kHourUs, seen);
  kernel.runUntilEmpty();
  CHECK(seen.startUs == at(1, 9));
  CHECK(seen.responder == 1);  // responder 0 was called in and arrives at 11:00 for nothing
  CHECK(team.stats(0).callIns == 1);
  CHECK(team.stats(0).tasksDone == 1);
}

TEST_CASE("Waiting tasks start in submission order (FIFO)") {
  core::EventKernel kernel;
  ResponseTeam team(teamOf({alwaysOn("it", 1)}), 0, kernel, onCallStream());
  std::vector<std::string> order;
  kernel.scheduleAt(0, [&] {
    for (const char* name : {"a", "b", "c", "d"}) {
      team.submit(0, 10 * kMinuteUs, [&order, name](core::TimeUs, int) { order.push_back(name); },
                  nullptr);
    }
  });
  kernel.runUntilEmpty();
  CHECK(order == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(team.task(1).startUs == 0);
  CHECK(team.task(2).startUs == 10 * kMinuteUs);
  CHECK(team.task(3).startUs == 20 * kMinuteUs);
  CHECK(team.task(4).startUs == 30 * kMinuteUs);
}

TEST_CASE("A lower priority value goes ahead of earlier tasks; equal priorities stay FIFO") {
  core::EventKernel kernel;
  ResponseTeam team(teamOf({alwaysOn("it", 1)}), 0, kernel, onCallStream());
  Seen running, normal1, normal2, urgent;
  submitAt(kernel, team, 0, 0, kHourUs, running);
  submitAt(kernel, team, 1, 0, kHourUs, normal1, 5);
  submitAt(kernel, team, 2, 0, kHourUs, normal2, 5);
  submitAt(kernel, team, 3, 0, kHourUs, urgent, 1);
  kernel.runUntilEmpty();
  CHECK(running.startUs == 0);  // a started task is never preempted
  CHECK(urgent.startUs == kHourUs);
  CHECK(normal1.startUs == 2 * kHourUs);
  CHECK(normal2.startUs == 3 * kHourUs);
}

TEST_CASE("A task submitted from a finish callback queues behind tasks already waiting") {
  core::EventKernel kernel;
  ResponseTeam team(teamOf({alwaysOn("it", 1)}), 0, kernel, onCallStream());
  std::vector<std::string> order;
  kernel.scheduleAt(0, [&] {
    team.submit(0, kHourUs, [&](core::TimeUs, int) { order.push_back("first"); },
                [&](core::TimeUs) {
                  team.submit(0, kHourUs, [&](core::TimeUs, int) { order.push_back("follow-up"); },
                              nullptr);
                });
    team.submit(0, kHourUs, [&](core::TimeUs, int) { order.push_back("waiting"); }, nullptr);
  });
  kernel.runUntilEmpty();
  CHECK(order == std::vector<std::string>{"first", "waiting", "follow-up"});
  CHECK(team.task(3).startUs == 2 * kHourUs);
}

TEST_CASE("Head count responders work in parallel; further tasks wait for the first free one") {
  core::EventKernel kernel;
  ResponseTeam team(teamOf({alwaysOn("it", 3)}), 0, kernel, onCallStream());
  std::vector<Seen> seen(5);
  for (int i = 0; i < 5; ++i) submitAt(kernel, team, 0, 0, (i + 1) * kHourUs, seen[static_cast<std::size_t>(i)]);
  kernel.runUntil(0);
  CHECK(team.busyCount(0) == 3);
  CHECK(team.queueLength(0) == 2);
  kernel.runUntilEmpty();
  CHECK(seen[0].startUs == 0);
  CHECK(seen[1].startUs == 0);
  CHECK(seen[2].startUs == 0);
  CHECK(seen[0].responder == 0);
  CHECK(seen[1].responder == 1);
  CHECK(seen[2].responder == 2);
  CHECK(seen[3].startUs == kHourUs);  // responder 0 is free first
  CHECK(seen[3].responder == 0);
  CHECK(seen[4].startUs == 2 * kHourUs);
  CHECK(seen[4].responder == 1);
  const response::RoleStats& stats = team.stats(0);
  CHECK(stats.tasksSubmitted == 5);
  CHECK(stats.tasksDone == 5);
  CHECK(stats.tasksStartedWithWait == 2);
  CHECK(stats.busyUs == 15 * kHourUs);
  CHECK(stats.totalWaitUs == 3 * kHourUs);
  CHECK(stats.maxQueueLength == 2);
  CHECK(team.busyCount(0) == 0);
}

TEST_CASE("A queued task can be cancelled; a started or finished one cannot") {
  core::EventKernel kernel;
  ResponseTeam team(teamOf({alwaysOn("it", 1)}), 0, kernel, onCallStream());
  Seen first, cancelled, last;
  submitAt(kernel, team, 0, 0, kHourUs, first);
  submitAt(kernel, team, 0, 0, kHourUs, cancelled);
  submitAt(kernel, team, 0, 0, kHourUs, last);
  kernel.runUntil(10 * kMinuteUs);
  CHECK(team.cancel(2));
  CHECK_FALSE(team.cancel(2));  // already cancelled
  CHECK_FALSE(team.cancel(1));  // started
  CHECK_FALSE(team.cancel(99));
  CHECK_FALSE(team.cancel(response::kNoTask));
  kernel.runUntilEmpty();
  CHECK(cancelled.startUs == -1);
  CHECK(cancelled.finishUs == -1);
  CHECK(last.startUs == kHourUs);  // took the cancelled task's place
  CHECK(team.task(2).state == response::TaskState::Cancelled);
  CHECK(team.stats(0).tasksCancelled == 1);
  CHECK_FALSE(team.cancel(1));  // finished
}

TEST_CASE("Cancelling the only waiting task leaves no event behind") {
  core::EventKernel kernel;
  ResponseTeam team(teamOf({officeHours("it", 1)}), 0, kernel, onCallStream());
  kernel.runUntil(at(0, 20));
  const TaskId id = team.submit(0, kHourUs, nullptr, nullptr);
  CHECK(kernel.pendingCount() == 1);  // the wake-up at 09:00
  CHECK(team.cancel(id));
  CHECK(kernel.pendingCount() == 0);
}

TEST_CASE("A role that never works and is not on call keeps its tasks waiting without events") {
  response::RoleDef role = officeHours("pr", 1);
  role.workDaysMask = 0;
  core::EventKernel kernel;
  ResponseTeam team(teamOf({role}), 0, kernel, onCallStream());
  const TaskId id = team.submit(0, kHourUs, nullptr, nullptr);
  CHECK(kernel.runUntilEmpty() == 0);
  CHECK(team.task(id).state == response::TaskState::Queued);
  CHECK(team.nextWorkStartUs(0, 0) == core::kTimeNeverUs);
}

TEST_CASE("The working calendar follows the weekday mask and joins periods that touch") {
  core::EventKernel kernel;
  response::RoleDef weekend = alwaysOn("weekend", 1);
  weekend.workDaysMask = 0x60;  // Saturday and Sunday, all day
  ResponseTeam team(teamOf({officeHours("it", 1), weekend, alwaysOn("soc", 1)}), 2 /* Wed */,
                    kernel, onCallStream());
  CHECK(team.inWorkingHours(0, at(0, 9)));
  CHECK_FALSE(team.inWorkingHours(0, at(0, 18)));  // the end is excluded
  CHECK_FALSE(team.inWorkingHours(0, at(3, 12)));  // Saturday
  CHECK(team.nextWorkStartUs(0, at(2, 18)) == at(5, 9));  // Friday evening -> Monday
  CHECK(team.nextWorkStartUs(0, at(1, 12)) == at(1, 12));
  CHECK(team.nextWorkStartUs(1, at(0, 12)) == at(3, 0));
  CHECK(team.inWorkingHours(1, at(4, 23, 59)));
  CHECK(team.inWorkingHours(1, at(4, 0)));
  CHECK_FALSE(team.inWorkingHours(1, at(5, 0)));
  CHECK(team.inWorkingHours(2, at(100, 3)));
}

TEST_CASE("Destroying the team cancels its pending events") {
  core::EventKernel kernel;
  {
    ResponseTeam team(teamOf({officeHours("it", 1, 1800)}), 0, kernel, onCallStream());
    kernel.runUntil(at(0, 20));
    team.submit(0, kHourUs, nullptr, nullptr);
    team.submit(0, kHourUs, nullptr, nullptr);
    CHECK(kernel.pendingCount() >= 1);
  }
  CHECK(kernel.pendingCount() == 0);
}

TEST_CASE("Invalid team definitions and arguments are rejected") {
  core::EventKernel kernel;
  response::RoleDef negative = alwaysOn("x", -1);
  CHECK_THROWS_AS(ResponseTeam(teamOf({negative}), 0, kernel, onCallStream()),
                  std::invalid_argument);
  response::RoleDef backwards = officeHours("x", 1);
  backwards.workStartS = 18 * 3600;
  backwards.workEndS = 9 * 3600;
  CHECK_THROWS_AS(ResponseTeam(teamOf({backwards}), 0, kernel, onCallStream()),
                  std::invalid_argument);
  CHECK_THROWS_AS(ResponseTeam(teamOf({}), 7, kernel, onCallStream()), std::invalid_argument);
  ResponseTeam team(teamOf({alwaysOn("it", 1)}), 0, kernel, onCallStream());
  CHECK_THROWS_AS(team.submit(1, kHourUs, nullptr, nullptr), std::out_of_range);
  CHECK_THROWS_AS(team.submit(0, -1, nullptr, nullptr), std::invalid_argument);
  CHECK_THROWS_AS(team.task(1), std::out_of_range);
}

TEST_CASE("The same seed gives the same on-call delays and start times") {
  const auto run = [](std::uint64_t seed) {
    response::RoleDef role = officeHours("it", 2, 1);
    role.onCallDelay = core::DurationDist::lognormal(45 * 60, 30 * 60);
    core::EventKernel kernel;
    ResponseTeam team(teamOf({role}), 0, kernel, core::RandomStreams(seed, 0).stream("team.on_call"));
    std::vector<Seen> seen(6);
    for (int i = 0; i < 6; ++i) {
      submitAt(kernel, team, at(i, 20), 0, kHourUs, seen[static_cast<std::size_t>(i)]);
    }
    kernel.runUntilEmpty();
    std::vector<core::TimeUs> starts;
    for (const Seen& s : seen) starts.push_back(s.startUs);
    return starts;
  };
  CHECK(run(1) == run(1));
  CHECK(run(1) != run(2));
}
