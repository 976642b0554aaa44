// WallIndex benchmark: queries per second of the grid index against a brute-force loop
// over every wall (the reference, measured in the same run on the same segments).
//
// Plans: the office scale (40 x 25 m, ~150 walls) and a large floor (100 x 60 m, ~2000
// walls), both grids of rooms with a door gap in every wall piece plus some free-standing
// partitions. Segments: uniform start in the plan, length uniform in 0-30 m (typical BLE
// link; also 0-5 m, a person and the items they carry), uniform direction, clipped to the
// plan. Each figure is the best of --repeat runs;
// the two methods' answers are compared, and any mismatch is printed (it would be a bug).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "sim/world/wall_index.hpp"

namespace {

using irdrill::world::kDefaultWallLossDb;
using irdrill::world::Segment;
using irdrill::world::Vec2;
using irdrill::world::WallDef;
using irdrill::world::WallIndex;
using irdrill::world::WallMaterial;

struct Plan {
  std::string name;
  double widthM;
  double depthM;
  std::vector<WallDef> walls;
};

WallDef makeWall(Vec2 a, Vec2 b, WallMaterial material) {
  WallDef w;
  w.segment = {a, b};
  w.material = material;
  return w;
}

// A grid of roomW x roomD rooms, every interior wall piece split by a 0.9 m door gap at a
// random place, outer concrete walls, then `partitions` random free-standing walls.
Plan gridPlan(std::string name, double widthM, double depthM, double roomWM, double roomDM,
              int partitions, boost::random::mt19937_64& engine) {
  Plan plan{std::move(name), widthM, depthM, {}};
  boost::random::uniform_real_distribution<double> unit(0, 1);
  boost::random::uniform_int_distribution<int> material(0, 2);  // drywall, glass, wood
  const auto piece = [&](Vec2 a, Vec2 b) {
    const double lengthM = irdrill::world::distanceM(a, b);
    const double gapM = 0.45 + unit(engine) * (lengthM - 0.9);
    const Vec2 dir = (b - a) * (1.0 / lengthM);
    const auto m = static_cast<WallMaterial>(material(engine));
    plan.walls.push_back(makeWall(a, a + dir * (gapM - 0.45), m));
    plan.walls.push_back(makeWall(a + dir * (gapM + 0.45), b, m));
  };
  const int cols = static_cast<int>(std::round(widthM / roomWM));
  const int rows = static_cast<int>(std::round(depthM / roomDM));
  for (int c = 1; c < cols; ++c) {
    for (int r = 0; r < rows; ++r) piece({c * roomWM, r * roomDM}, {c * roomWM, (r + 1) * roomDM});
  }
  for (int r = 1; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) piece({c * roomWM, r * roomDM}, {(c + 1) * roomWM, r * roomDM});
  }
  plan.walls.push_back(makeWall({0, 0}, {widthM, 0}, WallMaterial::Concrete));
  plan.walls.push_back(makeWall({widthM, 0}, {widthM, depthM}, WallMaterial::Concrete));
  plan.walls.push_back(makeWall({widthM, depthM}, {0, depthM}, WallMaterial::Concrete));
  plan.walls.push_back(makeWall({0, depthM}, {0, 0}, WallMaterial::Concrete));
  for (int i = 0; i < partitions; ++i) {
    const Vec2 a{unit(engine) * widthM, unit(engine) * depthM};
    const double angle = unit(engine) * 2 * std::numbers::pi;
    const Vec2 b{std::clamp(a.xM + 2.5 * std::cos(angle), 0.0, widthM),
                 std::clamp(a.yM + 2.5 * std::sin(angle), 0.0, depthM)};
    plan.walls.push_back(makeWall(a, b, WallMaterial::Drywall));
  }
  return plan;
}

std::vector<Segment> linkSegments(const Plan& plan, int count, double maxLengthM,
                                  boost::random::mt19937_64& engine) {
  boost::random::uniform_real_distribution<double> unit(0, 1);
  std::vector<Segment> out;
  out.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    const Vec2 a{unit(engine) * plan.widthM, unit(engine) * plan.depthM};
    const double lengthM = unit(engine) * maxLengthM;
    const double angle = unit(engine) * 2 * std::numbers::pi;
    const Vec2 b{std::clamp(a.xM + lengthM * std::cos(angle), 0.0, plan.widthM),
                 std::clamp(a.yM + lengthM * std::sin(angle), 0.0, plan.depthM)};
    out.push_back({a, b});
  }
  return out;
}

// The reference: every wall tested, losses summed as WallIndex documents (index order).
// Segments and losses in compact arrays, so the reference is as fast as a loop gets.
double bruteForceLossDb(const std::vector<Segment>& walls, const std::vector<double>& lossDb,
                        Vec2 a, Vec2 b) {
  if (b.xM < a.xM || (b.xM == a.xM && b.yM < a.yM)) std::swap(a, b);
  double sum = 0;
  for (std::size_t i = 0; i < walls.size(); ++i) {
    if (irdrill::world::segmentsCross({a, b}, walls[i])) sum += lossDb[i];
  }
  return sum;
}

template <typename Body>
double bestSeconds(int repeat, Body&& body) {
  double best = 1e300;
  for (int r = 0; r < repeat; ++r) {
    const auto start = std::chrono::steady_clock::now();
    body();
    best = std::min(
        best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

void runPlan(const Plan& plan, double cellM, double maxLengthM, int queries, int repeat) {
  boost::random::mt19937_64 engine(42);
  const std::vector<Segment> segments = linkSegments(plan, queries, maxLengthM, engine);
  const WallIndex index(plan.walls, kDefaultWallLossDb, plan.widthM, plan.depthM, cellM);
  std::vector<Segment> wallSegments;
  std::vector<double> lossDb;
  for (int i = 0; i < index.wallCount(); ++i) {
    wallSegments.push_back(index.wall(i).segment);
    lossDb.push_back(index.wallLossDb(i));
  }

  std::vector<double> indexed(segments.size());
  std::vector<double> brute(segments.size());
  const double indexS = bestSeconds(repeat, [&] {
    for (std::size_t i = 0; i < segments.size(); ++i)
      indexed[i] = index.lossDb(segments[i].a, segments[i].b);
  });
  const double bruteS = bestSeconds(repeat, [&] {
    for (std::size_t i = 0; i < segments.size(); ++i) {
      brute[i] = bruteForceLossDb(wallSegments, lossDb, segments[i].a, segments[i].b);
    }
  });
  int losCount = 0;
  const double losS = bestSeconds(repeat, [&] {
    losCount = 0;
    for (const Segment& s : segments) losCount += index.lineOfSight(s.a, s.b) ? 1 : 0;
  });
  int mismatches = 0;
  double meanWallsDb = 0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    mismatches += indexed[i] != brute[i] ? 1 : 0;
    meanWallsDb += indexed[i];
  }
  meanWallsDb /= static_cast<double>(segments.size());
  const double n = static_cast<double>(segments.size());
  std::printf("%-16s %5d %5.0f %5.1f %11.2f %11.2f %7.1fx %11.2f %8.2f %5.1f%% %8d\n",
              plan.name.c_str(), index.wallCount(), maxLengthM, index.cellM(), n / indexS / 1e6,
              n / bruteS / 1e6, bruteS / indexS, n / losS / 1e6, meanWallsDb, 100.0 * losCount / n,
              mismatches);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"WallIndex benchmark: grid queries vs a brute-force loop over all walls"};
  int queries = 200'000;
  int repeat = 3;
  app.add_option("--queries", queries, "random segments per plan")->check(CLI::PositiveNumber);
  app.add_option("--repeat", repeat, "runs per figure; the best is kept")
      ->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);

  boost::random::mt19937_64 engine(20261125);
  // 8 x 5 rooms of 5 m: 67 pieces with a door each (134 walls), 4 outer, 12 partitions.
  const Plan office = gridPlan("office 40x25", 40, 25, 5, 5, 12, engine);
  // 25 x 20 rooms of 4 x 3 m: 955 pieces (1910 walls), 4 outer, 86 partitions.
  const Plan large = gridPlan("large 100x60", 100, 60, 4, 3, 86, engine);

  std::printf(
      "WallIndex::lossDb vs a brute-force loop over all walls, %d segments per row "
      "(large plan: a quarter), best of %d\n",
      queries, repeat);
  std::printf(
      "(links: uniform length 0-max m; LOS: queries/s of lineOfSight and the share of "
      "links with no wall; mean dB: wall loss per link)\n");
  std::printf("%-16s %5s %5s %5s %11s %11s %8s %11s %8s %6s %8s\n", "plan", "walls", "max m",
              "cell", "index Mq/s", "brute Mq/s", "ratio", "LOS Mq/s", "mean dB", "LOS",
              "mismatch");
  for (double cellM : {1.0, 2.0, 4.0}) runPlan(office, cellM, 30, queries, repeat);
  runPlan(office, 2.0, 5, queries, repeat);
  for (double cellM : {1.0, 2.0, 4.0}) runPlan(large, cellM, 30, queries / 4, repeat);
  runPlan(large, 2.0, 5, queries / 4, repeat);
  return 0;
}
