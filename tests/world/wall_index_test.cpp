// WallIndex: losses on crafted plans, the touching rule at door gaps, and a property test
// against a brute-force loop over all walls on random plans (including segments along
// grid lines and through grid corners, where a cell walk is easiest to get wrong).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "plans.hpp"
#include "sim/world/wall_index.hpp"

using irdrill::world::kDefaultWallLossDb;
using irdrill::world::Segment;
using irdrill::world::segmentsCross;
using irdrill::world::Vec2;
using irdrill::world::WallDef;
using irdrill::world::WallIndex;
using irdrill::world::WallMaterial;
namespace plans = irdrill::world::testplans;

namespace {

WallIndex indexOf(const irdrill::world::FloorDef& f,
                  const std::array<double, 6>& losses = kDefaultWallLossDb, double cellM = 2.0) {
  return WallIndex(f.walls, losses, f.widthM, f.depthM, cellM);
}

// The reference: every wall, in index order, tested against the query with its ends in
// the documented canonical order.
std::vector<int> bruteForceCrossed(const WallIndex& index, Vec2 a, Vec2 b) {
  if (b.xM < a.xM || (b.xM == a.xM && b.yM < a.yM)) std::swap(a, b);
  std::vector<int> out;
  for (int i = 0; i < index.wallCount(); ++i) {
    if (segmentsCross({a, b}, index.wall(i).segment)) out.push_back(i);
  }
  return out;
}

double bruteForceLossDb(const WallIndex& index, Vec2 a, Vec2 b) {
  double sum = 0;
  for (int i : bruteForceCrossed(index, a, b)) sum += index.wallLossDb(i);
  return sum;
}

std::vector<int> crossedByIndex(const WallIndex& index, Vec2 a, Vec2 b) {
  std::vector<int> out;
  index.forEachWallCrossed(a, b, [&](int i) { out.push_back(i); });
  return out;
}

}  // namespace

TEST_CASE("A path across the grid of rooms adds the loss of each wall it crosses") {
  auto f = plans::gridOfRooms();
  // (5,5) -> (25,15) crosses x=10 at y=7.5 (wall 0), y=10 at x=15 (wall 7: column 1),
  // x=20 at y=12.5 (wall 4: x=20, row 1).
  f.walls[7].material = WallMaterial::Glass;
  const Vec2 a{5, 5};
  const Vec2 b{25, 15};
  SECTION("default losses: 2 drywalls and 1 glass = 2 * 3 + 3 dB") {
    const WallIndex index = indexOf(f);
    CHECK(index.wallsCrossed(a, b) == 3);
    CHECK(crossedByIndex(index, a, b) == std::vector<int>{0, 4, 7});
    CHECK(index.lossDb(a, b) == 2 * 3.0 + 3.0);
    CHECK_FALSE(index.lineOfSight(a, b));
  }
  SECTION("a material table of the scenario's") {
    std::array<double, 6> losses = kDefaultWallLossDb;
    losses[static_cast<int>(WallMaterial::Glass)] = 2.5;
    losses[static_cast<int>(WallMaterial::Drywall)] = 3.5;
    CHECK(indexOf(f, losses).lossDb(a, b) == 3.5 + 3.5 + 2.5);
  }
  SECTION("a per-wall override replaces the material's loss for that wall only") {
    f.walls[4].lossDb = 10.0;
    const WallIndex index = indexOf(f);
    CHECK(index.lossDb(a, b) == 3.0 + 10.0 + 3.0);
    CHECK(index.wallLossDb(4) == 10.0);
    CHECK(index.wallLossDb(1) == 3.0);
  }
  SECTION("inside one room nothing is crossed; across the whole plan the outer walls count") {
    const WallIndex index = indexOf(f);
    CHECK(index.lossDb({1, 1}, {9, 9}) == 0);
    CHECK(index.lineOfSight({1, 1}, {9, 9}));
    // (-1, 15) -> (31, 15): concrete west and east (12 each) + x=10 and x=20 (3 each).
    CHECK(index.lossDb({-1, 15}, {31, 15}) == 12 + 3 + 3 + 12);
    CHECK(index.wallsCrossed({-1, 15}, {31, 15}) == 4);
  }
}

TEST_CASE("Each wall counts once, however many cells it spans along the path") {
  const auto f = plans::gridOfRooms();
  // Along the wall y = 10 from x = 1 to x = 29: collinear with walls 6, 7 and 8 (the
  // three 10 m pieces), and touching the ends of x=10 and x=20 walls of rows 0 and 1.
  const WallIndex index = indexOf(f, kDefaultWallLossDb, 1.0);
  CHECK(crossedByIndex(index, {1, 10}, {29, 10}) == std::vector<int>{0, 1, 3, 4, 6, 7, 8});
  CHECK(index.lossDb({1, 10}, {29, 10}) == 7 * 3.0);
}

TEST_CASE("A door gap lets a path through with no loss, but grazing a jamb counts") {
  const auto f = plans::twoRooms();
  const WallIndex index = indexOf(f);
  // The wall x = 5 has its gap for y in (2.05, 2.95).
  CHECK(index.lossDb({2, 2.5}, {8, 2.5}) == 0);
  CHECK(index.lossDb({1, 1}, {9, 4}) == 0);  // through (5, 2.5)
  CHECK(index.lineOfSight({2, 2.9}, {8, 2.1}));
  // Touching the jamb's end (5, 2.05) counts as crossing that wall (touching rule).
  CHECK(index.wallsCrossed({2, 2.05}, {8, 2.05}) == 1);
  CHECK(index.wallsCrossed({2, 1}, {8, 1}) == 1);
}

TEST_CASE("Queries are symmetric and a zero-length query crosses only walls it touches") {
  const auto f = plans::gridOfRooms();
  const WallIndex index = indexOf(f);
  CHECK(index.lossDb({25, 15}, {5, 5}) == index.lossDb({5, 5}, {25, 15}));
  CHECK(index.wallsCrossed({4, 4}, {4, 4}) == 0);
  CHECK(index.wallsCrossed({10, 5}, {10, 5}) == 1);
  CHECK(index.wallsCrossed({10, 10}, {10, 10}) == 4);  // the junction of four walls
}

TEST_CASE("Walls are listed only in the cells they pass through") {
  irdrill::world::FloorDef f;
  f.widthM = 10;
  f.depthM = 10;
  f.walls.push_back(plans::wall({0, 0}, {10, 10}));
  const WallIndex index = indexOf(f);
  // The grid starts 3/8 of a cell (0.75 m) before the plan: cells of 2 m from -0.75,
  // ceil(10.75 / 2) = 6 per axis.
  REQUIRE(index.gridOriginM() == Vec2{-0.75, -0.75});
  REQUIRE(index.cellsX() == 6);
  REQUIRE(index.cellsY() == 6);
  int listed = 0;
  for (int iy = 0; iy < 6; ++iy) {
    for (int ix = 0; ix < 6; ++ix) listed += index.wallsInCell(ix, iy);
  }
  // y = x passes through the grid corners (1.25 + 2k, 1.25 + 2k): the 6 diagonal cells,
  // and at each of the 5 corners the 2 side cells it touches there (listed thanks to the
  // margin, so a query through that corner finds it from either side).
  CHECK(listed == 16);
  CHECK(index.wallsInCell(2, 2) == 1);
  CHECK(index.wallsInCell(3, 2) == 1);
  CHECK(index.wallsInCell(4, 2) == 0);
  CHECK(index.wallsInCell(5, 0) == 0);
  CHECK(index.wallsInCell(0, 5) == 0);
}

TEST_CASE("More crossings than fit on the stack still give the exact answer") {
  irdrill::world::FloorDef f;
  f.widthM = 100;
  f.depthM = 10;
  for (int i = 0; i < 80; ++i) {
    f.walls.push_back(plans::wall({i + 0.5, 0}, {i + 0.5, 10},
                                  i % 2 ? WallMaterial::Glass : WallMaterial::Brick));
  }
  REQUIRE(80 > WallIndex::kInlineCrossings);
  const WallIndex index = indexOf(f);
  CHECK(index.wallsCrossed({0, 5}, {100, 5}) == 80);
  CHECK(index.lossDb({0, 5}, {100, 5}) == bruteForceLossDb(index, {0, 5}, {100, 5}));
  CHECK(index.lossDb({0, 5}, {100, 5}) == 40 * 3.0 + 40 * 8.0);
  CHECK(index.wallsCrossed({0, 5}, {20, 5}) == 20);
}

TEST_CASE("Walls and queries beyond the plan's edges are handled exactly") {
  irdrill::world::FloorDef f;
  f.widthM = 10;
  f.depthM = 10;
  f.walls.push_back(plans::wall({-5, -5}, {-5, 5}));  // left of the plan
  f.walls.push_back(plans::wall({12, 3}, {15, 3}));   // right of the plan
  f.walls.push_back(plans::wall({5, -1}, {5, 11}));   // through it, ends outside
  const WallIndex index = indexOf(f);
  CHECK(crossedByIndex(index, {-10, 0}, {20, 0}) == std::vector<int>{0, 2});
  CHECK(crossedByIndex(index, {13, -10}, {13, 20}) == std::vector<int>{1});
  CHECK(index.wallsCrossed({-100, 50}, {100, 50}) == 0);
  CHECK(index.wallsCrossed({20, 20}, {30, 30}) == 0);
}

TEST_CASE("Property: the grid gives exactly the brute-force walls on random plans") {
  boost::random::mt19937_64 engine(20261125);
  const auto uniform = [&](double lo, double hi) {
    return boost::random::uniform_real_distribution<double>(lo, hi)(engine);
  };
  const auto pick = [&](int lo, int hi) {
    return boost::random::uniform_int_distribution<int>(lo, hi)(engine);
  };
  constexpr int kPlans = 400;
  constexpr int kQueriesPerPlan = 40;
  int queries = 0;
  int nonZero = 0;
  for (int plan = 0; plan < kPlans; ++plan) {
    const double widthM = uniform(3, 60);
    const double depthM = uniform(3, 60);
    // Half the cell sizes are exact in binary, so points on grid lines are exactly on them.
    const double exactCells[] = {0.5, 1.0, 1.25, 2.0, 2.5, 4.0};
    const double cellM = pick(0, 1) ? exactCells[pick(0, 5)] : uniform(0.3, 5);
    // A coordinate on a grid line: origin + k * pitch, inside [0, extent]. Walls use the
    // origin the index will have when no wall sticks out below 0 (most plans; those that
    // do shift it, covered by the random mix); queries use the index's actual grid.
    Vec2 origin{-WallIndex::kGridShiftCells * cellM, -WallIndex::kGridShiftCells * cellM};
    double pitch = cellM;
    const auto onGridX = [&](double extent) {
      return origin.xM +
             std::max(1.0, std::ceil((uniform(0, extent) - origin.xM) / pitch - 1)) * pitch;
    };
    const auto onGridY = [&](double extent) {
      return origin.yM +
             std::max(1.0, std::ceil((uniform(0, extent) - origin.yM) / pitch - 1)) * pitch;
    };
    const auto randomPoint = [&](double margin) {
      return Vec2{uniform(-margin, widthM + margin), uniform(-margin, depthM + margin)};
    };
    std::vector<WallDef> walls;
    const int wallCount = pick(0, 80);
    for (int i = 0; i < wallCount; ++i) {
      Vec2 a;
      Vec2 b;
      switch (pick(0, 5)) {
        case 0:  // any segment, a few reaching outside the plan
          a = randomPoint(plan % 7 == 0 ? 3 : 0);
          b = randomPoint(plan % 7 == 0 ? 3 : 0);
          break;
        case 1: {  // vertical on a grid line
          const double x = onGridX(widthM);
          a = {x, uniform(0, depthM)};
          b = {x, uniform(0, depthM)};
          break;
        }
        case 2: {  // horizontal on a grid line
          const double y = onGridY(depthM);
          a = {uniform(0, widthM), y};
          b = {uniform(0, widthM), y};
          break;
        }
        case 3:  // between grid corners
          a = {onGridX(widthM), onGridY(depthM)};
          b = {onGridX(widthM), onGridY(depthM)};
          break;
        case 4:  // short
          a = randomPoint(0);
          b = a + Vec2{uniform(-0.5, 0.5), uniform(-0.5, 0.5)};
          break;
        default:  // a point
          a = randomPoint(0);
          b = a;
          break;
      }
      WallDef w = plans::wall(a, b, static_cast<WallMaterial>(pick(0, 5)));
      if (pick(0, 9) == 0) w.lossDb = uniform(0, 20);
      walls.push_back(w);
    }
    const WallIndex index(walls, kDefaultWallLossDb, widthM, depthM, cellM);
    const double c = index.cellM();
    origin = index.gridOriginM();
    pitch = c;
    for (int q = 0; q < kQueriesPerPlan; ++q) {
      Vec2 a;
      Vec2 b;
      switch (pick(0, 6)) {
        case 0:  // typical BLE link: anywhere, up to ~30 m
          a = randomPoint(2);
          b = a + Vec2{uniform(-25, 25), uniform(-25, 25)};
          break;
        case 1: {  // along a vertical cell boundary
          const double x = onGridX(widthM);
          a = {x, uniform(-2, depthM + 2)};
          b = {x, uniform(-2, depthM + 2)};
          break;
        }
        case 2: {  // along a horizontal cell boundary
          const double y = onGridY(depthM);
          a = {uniform(-2, widthM + 2), y};
          b = {uniform(-2, widthM + 2), y};
          break;
        }
        case 3: {  // diagonal through grid corners
          a = {onGridX(widthM), onGridY(depthM)};
          const double k = pick(-6, 6) * c;
          b = a + Vec2{k, pick(0, 1) ? k : -k};
          break;
        }
        case 4:  // both ends on grid lines, any direction
          a = {onGridX(widthM), uniform(0, depthM)};
          b = {uniform(0, widthM), onGridY(depthM)};
          break;
        case 5:  // between two wall ends (touching cases)
          if (!walls.empty()) {
            a = walls[static_cast<std::size_t>(pick(0, wallCount - 1))].segment.a;
            b = walls[static_cast<std::size_t>(pick(0, wallCount - 1))].segment.b;
            break;
          }
          [[fallthrough]];
        default:  // zero length
          a = randomPoint(1);
          b = a;
          break;
      }
      const std::vector<int> expected = bruteForceCrossed(index, a, b);
      const std::vector<int> got = crossedByIndex(index, a, b);
      if (got != expected) {
        INFO("plan " << plan << " cell " << c << " query (" << a.xM << ", " << a.yM << ") -> ("
                     << b.xM << ", " << b.yM << ")");
        CHECK(got == expected);
      }
      // Sums in index order, so equal to the last bit.
      if (index.lossDb(a, b) != bruteForceLossDb(index, a, b)) {
        CHECK(index.lossDb(a, b) == bruteForceLossDb(index, a, b));
      }
      if (index.lineOfSight(a, b) != expected.empty())
        CHECK(index.lineOfSight(a, b) == expected.empty());
      if (index.lossDb(b, a) != index.lossDb(a, b)) CHECK(index.lossDb(b, a) == index.lossDb(a, b));
      ++queries;
      if (!expected.empty()) ++nonZero;
    }
  }
  CHECK(queries == kPlans * kQueriesPerPlan);
  // The mix must actually exercise crossings, not only empty answers.
  CHECK(nonZero > queries / 4);
}
