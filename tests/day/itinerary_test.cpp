#include <catch2/catch.hpp>

#include "sim/day/itinerary.hpp"

using irdrill::core::TimeUs;
using irdrill::day::Itinerary;
using irdrill::day::Waypoint;
using irdrill::world::Vec2;

namespace {
constexpr TimeUs kS = irdrill::core::kUsPerSecond;
}

TEST_CASE("A walk is timed at walking speed and interpolated linearly") {
  Itinerary it(Waypoint{10 * kS, 0, {0, 0}});
  it.walk({{0, 0}, {3, 0}, {3, 4}}, 1.0);  // 3 m then 4 m at 1 m/s
  CHECK(it.endUs() == 17 * kS);
  CHECK(it.at(0)->positionM == Vec2{0, 0});  // before the start: at the start
  CHECK(it.at(11500000)->positionM.xM == Approx(1.5));
  CHECK(it.at(15 * kS)->positionM.yM == Approx(2.0));
  CHECK(it.at(15 * kS)->positionM.xM == Approx(3.0));
  CHECK(it.at(100 * kS)->positionM == Vec2{3, 4});  // after the end: at the end
}

TEST_CASE("Between places a traveller is nowhere, then arrives") {
  Itinerary it(Waypoint{0, 0, {1, 1}});
  it.stayUntil(5 * kS);
  it.travel(60 * kS, Waypoint{0, 2, {30, 0}});
  CHECK(it.at(5 * kS)->place == 0);
  CHECK_FALSE(it.at(6 * kS));
  CHECK_FALSE(it.at(65 * kS - 1));
  CHECK(it.at(65 * kS)->place == 2);
  CHECK(it.at(65 * kS)->positionM == Vec2{30, 0});
}

TEST_CASE("Cutting an itinerary pins the person where they were and drops the rest") {
  Itinerary it(Waypoint{0, 0, {0, 0}});
  it.walk({{10, 0}}, 2.0);  // arrives at 5 s
  it.stayUntil(100 * kS);
  it.cutAt(2 * kS);
  CHECK(it.endUs() == 2 * kS);
  CHECK(it.last().positionM.xM == Approx(4.0));
  it.walk({{0, 0}}, 1.0);
  CHECK(it.endUs() == 6 * kS);
  CHECK(it.at(4 * kS)->positionM.xM == Approx(2.0));
}
