// Trajectory: positions on crafted walks (mid-segment, stays, clamping), jumps off the
// floor, truncation and re-planning, and the time invariants.
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "sim/world/trajectory.hpp"

using irdrill::core::kUsPerSecond;
using irdrill::core::TimeUs;
using irdrill::world::Location;
using irdrill::world::Trajectory;
using irdrill::world::Vec2;

namespace {
constexpr TimeUs s(double seconds) { return static_cast<TimeUs>(seconds * kUsPerSecond); }
}  // namespace

TEST_CASE("A walk is timed at walking speed and interpolated linearly") {
  // Start at t = 10 s at (0,0); walk to (3,4) (5 m) then (3,10) (6 m) at 1 m/s.
  Trajectory t(s(10), Vec2{0, 0});
  t.appendWalk({{3, 4}, {3, 10}}, 1.0);
  CHECK(t.endUs() == s(21));
  CHECK(t.knots().size() == 3);
  CHECK(t.knots()[1].timeUs == s(15));
  CHECK(t.positionAt(s(10)) == Vec2{0, 0});
  CHECK(t.positionAt(s(12.5)).xM == Approx(1.5));
  CHECK(t.positionAt(s(12.5)).yM == Approx(2.0));
  CHECK(t.positionAt(s(15)) == Vec2{3, 4});
  CHECK(t.positionAt(s(18)).yM == Approx(7.0));
  CHECK(t.positionAt(s(21)) == Vec2{3, 10});
}

TEST_CASE("Knot times round the cumulative distance, so rounding does not accumulate") {
  // Three 1 m legs at 1.3 m/s: knots at round(k / 1.3 s) in microseconds, k = 1, 2, 3
  // (769230.77 -> 769231, 1538461.54 -> 1538462, 2307692.31 -> 2307692): per-leg rounding
  // would give 769231 * 3 = 2307693 at the end.
  Trajectory t(0, Vec2{0, 0});
  t.appendWalk({{1, 0}, {2, 0}, {3, 0}}, 1.3);
  REQUIRE(t.knots().size() == 4);
  CHECK(t.knots()[1].timeUs == 769231);
  CHECK(t.knots()[2].timeUs == 1538462);
  CHECK(t.knots()[3].timeUs == 2307692);
}

TEST_CASE("Stays hold the position and queries are clamped before the start and after the end") {
  Trajectory t(s(100), Vec2{2, 2});
  t.appendStay(s(160));
  t.appendWalk({{2, 2}, {2, 6}}, 2.0);  // the first point is the current one: adds nothing
  CHECK(t.knots().size() == 3);
  CHECK(t.endUs() == s(162));
  CHECK(t.positionAt(s(130)) == Vec2{2, 2});
  CHECK(t.positionAt(s(161)).yM == Approx(4.0));
  CHECK(t.positionAt(0) == Vec2{2, 2});
  CHECK(t.positionAt(s(1e6)) == Vec2{2, 6});
  CHECK(t.startUs() == s(100));
  // A stay to the current end time adds nothing.
  t.appendStay(s(162));
  CHECK(t.knots().size() == 3);
}

TEST_CASE("A jump changes place at its time and the new place holds from that time on") {
  Trajectory t(0, Vec2{1, 1});
  t.appendJump(s(60), Location::atPlace(2));
  CHECK(t.locationAt(s(59.999999)).onFloor());
  CHECK(t.positionAt(s(59)) == Vec2{1, 1});
  CHECK(t.locationAt(s(60)) == Location::atPlace(2));  // right-continuous
  CHECK(t.locationAt(s(3600)) == Location::atPlace(2));
  t.appendJump(s(600), Location::atFloor(0, {0, 5}));
  CHECK(t.locationAt(s(599)).offsitePlace == 2);
  CHECK(t.locationAt(s(600)) == Location::atFloor(0, {0, 5}));
  t.appendWalk({{4, 5}}, 1.0);
  CHECK(t.positionAt(s(602)) == Vec2{2, 5});
  // No walking while off-site.
  Trajectory away(0, Location::atPlace(0));
  CHECK_THROWS_AS(away.appendWalk({{1, 1}}, 1.0), std::logic_error);
}

TEST_CASE("truncateAfter keeps the position reached then, and a new plan continues from it") {
  // Walking east 10 m at 1 m/s from t = 0; at t = 4 s an alert turns the person back.
  Trajectory t(0, Vec2{0, 0});
  t.appendWalk({{10, 0}}, 1.0);
  t.truncateAfter(s(4));
  CHECK(t.endUs() == s(4));
  CHECK(t.endLocation().positionM.xM == Approx(4.0));
  CHECK(t.positionAt(s(8)).xM == Approx(4.0));  // clamped at the new end
  t.appendWalk({{0, 0}}, 2.0);
  CHECK(t.endUs() == s(6));
  CHECK(t.positionAt(s(2)).xM == Approx(2.0));  // the old plan, before the cut
  CHECK(t.positionAt(s(5)).xM == Approx(2.0));  // the new plan, heading back
  CHECK(t.positionAt(s(6)) == Vec2{0, 0});

  SECTION("at a knot's time nothing is interpolated; at a jump's time the jump stays") {
    Trajectory u(0, Vec2{0, 0});
    u.appendJump(s(5), Location::atPlace(1));
    u.appendStay(s(50));
    u.truncateAfter(s(5));
    CHECK(u.endUs() == s(5));
    CHECK(u.endLocation() == Location::atPlace(1));
  }
  SECTION("past the end it extends by a stay, so the next append starts there") {
    Trajectory u(0, Vec2{1, 2});
    u.truncateAfter(s(30));
    CHECK(u.endUs() == s(30));
    u.appendWalk({{1, 3}}, 1.0);
    CHECK(u.endUs() == s(31));
    CHECK(u.positionAt(s(15)) == Vec2{1, 2});
  }
}

TEST_CASE("Time never goes back: bad appends and truncations throw") {
  Trajectory t(s(10), Vec2{0, 0});
  t.appendStay(s(20));
  CHECK_THROWS_AS(t.appendStay(s(19)), std::invalid_argument);
  CHECK_THROWS_AS(t.appendJump(s(5), Location::atPlace(0)), std::invalid_argument);
  CHECK_THROWS_AS(t.truncateAfter(s(9)), std::invalid_argument);
  CHECK_THROWS_AS(t.appendWalk({{1, 1}}, 0.0), std::invalid_argument);
  // A bad point anywhere in the walk leaves the trajectory as it was.
  CHECK_THROWS_AS(t.appendWalk({{1, 1}, {std::nan(""), 0}}, 1.0), std::invalid_argument);
  CHECK(t.knots().size() == 2);
  CHECK(t.endUs() == s(20));
  CHECK_THROWS_AS(Trajectory().positionAt(0), std::logic_error);
  CHECK(Trajectory().empty());
}

TEST_CASE("Property: positions along a long polyline match the closed form") {
  // A zig-zag of 1 m legs at 1.25 m/s (0.8 s per leg, exact in microseconds).
  std::vector<Vec2> zigzag;
  for (int i = 1; i <= 200; ++i) zigzag.push_back({static_cast<double>(i), i % 2 ? 1.0 : 0.0});
  Trajectory t(0, Vec2{0, 0});
  t.appendWalk(zigzag, 1.0 / 0.8 * std::sqrt(2.0));  // legs are sqrt(2) m long: 0.8 s each
  for (TimeUs at = 0; at <= s(160); at += 12'345) {
    const double legs = static_cast<double>(at) / 800'000.0;
    const double x = legs;
    const int leg = static_cast<int>(legs);
    const double f = legs - leg;
    const double y = leg % 2 == 0 ? f : 1 - f;  // leg 0 goes up from (0,0) to (1,1)
    const Vec2 p = t.positionAt(at);
    CHECK(p.xM == Approx(x).margin(1e-6));
    CHECK(p.yM == Approx(y).margin(1e-6));
  }
}
