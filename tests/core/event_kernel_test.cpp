#include <catch2/catch.hpp>

#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

#include <boost/random/uniform_int_distribution.hpp>

#include "sim/core/event_kernel.hpp"
#include "sim/core/random_streams.hpp"

using irdrill::core::EventId;
using irdrill::core::EventKernel;
using irdrill::core::TimeUs;

TEST_CASE("Events fire in timestamp order, and same-time events in insertion order") {
  EventKernel kernel;
  std::vector<int> fired;
  kernel.scheduleAt(30, [&] { fired.push_back(3); });
  kernel.scheduleAt(10, [&] { fired.push_back(1); });
  kernel.scheduleAt(20, [&] { fired.push_back(20); });
  kernel.scheduleAt(20, [&] { fired.push_back(21); });
  kernel.scheduleAt(10, [&] { fired.push_back(2); });
  kernel.scheduleAt(20, [&] { fired.push_back(22); });
  CHECK(kernel.runUntilEmpty() == 6);
  CHECK(fired == std::vector<int>{1, 2, 20, 21, 22, 3});
  CHECK(kernel.now() == 30);
}

TEST_CASE("An event scheduled at the current time fires after those already queued then") {
  EventKernel kernel;
  std::vector<int> fired;
  kernel.scheduleAt(5, [&] {
    fired.push_back(1);
    kernel.scheduleIn(0, [&] { fired.push_back(3); });
  });
  kernel.scheduleAt(5, [&] { fired.push_back(2); });
  kernel.runUntilEmpty();
  CHECK(fired == std::vector<int>{1, 2, 3});
}

TEST_CASE("A cancelled event never fires and its handle goes stale") {
  EventKernel kernel;
  int fired = 0;
  const EventId keep = kernel.scheduleAt(10, [&] { fired += 1; });
  const EventId drop = kernel.scheduleAt(5, [&] { fired += 100; });
  CHECK(kernel.pendingCount() == 2);
  CHECK(kernel.cancel(drop));
  CHECK_FALSE(kernel.cancel(drop));
  CHECK_FALSE(kernel.isPending(drop));
  CHECK(kernel.pendingCount() == 1);
  CHECK(kernel.nextEventTimeUs() == 10);
  kernel.runUntilEmpty();
  CHECK(fired == 1);
  CHECK_FALSE(kernel.cancel(keep));  // already fired
  CHECK_FALSE(kernel.cancel(EventId{}));

  SECTION("a recycled slot does not answer to the old handle") {
    const EventId reuse = kernel.scheduleIn(1, [&] { fired += 10; });
    CHECK((reuse.slot == drop.slot || reuse.slot == keep.slot));
    CHECK_FALSE(kernel.cancel(drop));
    CHECK_FALSE(kernel.cancel(keep));
    kernel.runUntilEmpty();
    CHECK(fired == 11);
  }
}

TEST_CASE("A handler can cancel an event due at the same time") {
  EventKernel kernel;
  bool secondFired = false;
  EventId second;
  kernel.scheduleAt(7, [&] { CHECK(kernel.cancel(second)); });
  second = kernel.scheduleAt(7, [&] { secondFired = true; });
  kernel.runUntilEmpty();
  CHECK_FALSE(secondFired);
}

TEST_CASE("Scheduling in the past is refused") {
  EventKernel kernel;
  kernel.scheduleAt(100, [] {});
  kernel.runUntilEmpty();
  CHECK_THROWS_AS(kernel.scheduleAt(99, [] {}), std::invalid_argument);
  CHECK_THROWS_AS(kernel.scheduleIn(-1, [] {}), std::invalid_argument);
  CHECK_NOTHROW(kernel.scheduleAt(100, [] {}));
}

TEST_CASE("runUntil fires events up to and including the limit and advances the clock") {
  EventKernel kernel;
  std::vector<TimeUs> seen;
  for (TimeUs t : {10, 20, 30}) kernel.scheduleAt(t, [&] { seen.push_back(kernel.now()); });
  CHECK(kernel.runUntil(20) == 2);
  CHECK(kernel.now() == 20);
  CHECK(kernel.runUntil(25) == 0);
  CHECK(kernel.now() == 25);  // the clock moves through a quiet period
  CHECK(kernel.runUntil(25) == 0);
  CHECK(kernel.runUntil(1000) == 1);
  CHECK(kernel.now() == 1000);
  CHECK(seen == std::vector<TimeUs>{10, 20, 30});
}

TEST_CASE("step and runSteps fire one event at a time") {
  EventKernel kernel;
  int fired = 0;
  for (int i = 0; i < 5; ++i) kernel.scheduleAt(i, [&] { ++fired; });
  CHECK(kernel.step());
  CHECK(fired == 1);
  CHECK(kernel.runSteps(3) == 3);
  CHECK(fired == 4);
  CHECK(kernel.runSteps(10) == 1);
  CHECK_FALSE(kernel.step());
  CHECK(kernel.firedCount() == 5);
}

TEST_CASE("requestStop returns control after the current event") {
  EventKernel kernel;
  int fired = 0;
  for (int i = 0; i < 5; ++i) {
    kernel.scheduleAt(i, [&, i] {
      ++fired;
      if (i == 1) kernel.requestStop();
    });
  }
  CHECK(kernel.runUntilEmpty() == 2);
  CHECK(kernel.pendingCount() == 3);
  CHECK(kernel.runUntilEmpty() == 3);
  CHECK(fired == 5);
}

TEST_CASE("Property: over 100k random schedule and cancel operations, events fire in "
          "(time, insertion) order and time never decreases") {
  // Oracle: an ordered map keyed by (time, insertion number) holding the live events.
  const std::uint64_t seed = GENERATE(1u, 2u, 3u);
  irdrill::core::RandomEngine engine =
      irdrill::core::RandomStreams(seed, 0).stream("test.kernel.property");
  boost::random::uniform_int_distribution<int> operation(0, 9);
  boost::random::uniform_int_distribution<TimeUs> delayUs(0, 50);  // many ties

  EventKernel kernel;
  std::map<std::pair<TimeUs, std::uint64_t>, EventId> expected;
  std::vector<std::pair<TimeUs, std::uint64_t>> firedOrder;
  std::vector<std::pair<EventId, std::pair<TimeUs, std::uint64_t>>> handles;
  std::uint64_t insertion = 0;
  TimeUs lastFiredUs = 0;
  bool timeWentBack = false;

  for (int op = 0; op < 100'000; ++op) {
    const int kind = operation(engine);
    if (kind < 5) {
      const TimeUs at = kernel.now() + delayUs(engine);
      const auto key = std::make_pair(at, insertion++);
      const EventId id = kernel.scheduleAt(at, [&, key] {
        if (kernel.now() < lastFiredUs) timeWentBack = true;
        lastFiredUs = kernel.now();
        firedOrder.push_back(key);
      });
      expected.emplace(key, id);
      handles.emplace_back(id, key);
    } else if (kind < 7 && !handles.empty()) {
      boost::random::uniform_int_distribution<std::size_t> pick(0, handles.size() - 1);
      const auto& [id, key] = handles[pick(engine)];
      const bool wasLive = expected.count(key) == 1;
      CHECK(kernel.cancel(id) == wasLive);
      expected.erase(key);
    } else {
      if (kernel.step()) {
        REQUIRE(!expected.empty());
        CHECK(firedOrder.back() == expected.begin()->first);
        expected.erase(expected.begin());
      } else {
        CHECK(expected.empty());
      }
    }
    REQUIRE(kernel.pendingCount() == expected.size());
  }
  kernel.runUntilEmpty();
  CHECK_FALSE(timeWentBack);
  CHECK(kernel.pendingCount() == 0);
}
