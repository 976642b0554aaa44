// Which walls a straight path crosses, and the radio loss they add.
//
// A uniform grid over the plan; each cell lists the walls that touch it. A query walks
// the cells along the segment (Amanatides & Woo, "A fast voxel traversal algorithm for
// ray tracing", Eurographics 1987) and tests only the walls listed there, so its cost
// grows with the segment's length in cells and the walls near it, not with the number
// of walls on the floor. Radio links query this millions of times a day: queries never
// allocate (except in the degenerate case documented at kInlineCrossings).
//
// Crossing rule: a path crosses a wall when the closed segments share a point
// (geometry.hpp's segmentsCross): touching a wall's end or lying on its line counts.
// Doors are real gaps between wall segments, so a path through a door crosses nothing.
// The endpoints of a query are put in a canonical order first (lexicographic by x, y),
// so every query is symmetric bit for bit: lossDb(a, b) == lossDb(b, a).
//
// Thread-compatible: the index is immutable after construction and queries keep their
// scratch on the stack, so const queries from several threads at once are safe.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "sim/world/geometry.hpp"
#include "sim/world/office_def.hpp"

namespace irdrill::world {

class WallIndex {
 public:
  // Walls one query can collect on the stack. More crossings than this (only seen on
  // synthetic plans) make the query fall back to one exact pass over all walls, which
  // gives the same answer without allocating.
  static constexpr int kInlineCrossings = 48;
  // Every wall is listed in each cell its segment comes within kMarginM of. The margin
  // absorbs the rounding of the cell walk (relative error ~1e-15 of the plan's extent,
  // so ~1e-10 m for plans up to 100 km): a segment passing exactly through a grid line
  // or corner still finds every wall touching it there.
  static constexpr double kMarginM = 1e-6;
  // The cell size grows past the requested one when a plan would need more cells than
  // this per axis (memory stays bounded for absurd plan sizes).
  static constexpr int kMaxCellsPerAxis = 2048;
  // The grid starts this fraction of a cell before the lowest coordinate of the plan and
  // walls, so walls drawn on round coordinates (multiples of the cell size) do not lie on
  // cell boundaries, where the margin would list them in two cells. 3/8 is exact in
  // binary, so grid lines stay exact for cell sizes that are.
  static constexpr double kGridShiftCells = 0.375;

  // walls: metres, any position (walls outside [0, widthM] x [0, depthM] are indexed
  // too: the grid covers the plan and every wall). materialLossDb: index = WallMaterial;
  // a wall's own lossDb overrides it. cellM > 0 (std::invalid_argument otherwise).
  // Construction: O(walls x cells each wall touches + cells).
  WallIndex(std::vector<WallDef> walls, const std::array<double, 6>& materialLossDb, double widthM,
            double depthM, double cellM = 2.0);

  // Sum of the losses of the walls the segment a-b crosses, each wall counted once, added
  // in increasing wall index (so the sum is exactly that of a plain loop over all walls).
  double lossDb(Vec2 a, Vec2 b) const;
  int wallsCrossed(Vec2 a, Vec2 b) const;
  // True when a-b crosses no wall; stops at the first wall found.
  bool lineOfSight(Vec2 a, Vec2 b) const;
  // Calls f(int wallIndex) once per wall crossed, in increasing wall index.
  template <class F>
  void forEachWallCrossed(Vec2 a, Vec2 b, F&& f) const;

  int wallCount() const { return static_cast<int>(walls_.size()); }
  const WallDef& wall(int index) const { return walls_[static_cast<std::size_t>(index)]; }
  const std::vector<WallDef>& walls() const { return walls_; }
  double wallLossDb(int index) const { return boxes_[static_cast<std::size_t>(index)].lossDb; }
  double cellM() const { return cellM_; }
  // Lower-left corner of cell (0, 0); cell (i, j) spans origin + [i, i+1) x [j, j+1) cells.
  Vec2 gridOriginM() const { return {originXM_, originYM_}; }
  int cellsX() const { return cellsX_; }
  int cellsY() const { return cellsY_; }
  // Walls listed in cell (ix, iy), for tests and drawing the grid.
  int wallsInCell(int ix, int iy) const;

 private:
  // A wall's segment with its bounding box, the box test done inline before the exact
  // crossing test (a wall whose box misses the query's box cannot share a point with it).
  struct WallBox {
    Segment segment;
    double minXM, maxXM, minYM, maxYM;
    double lossDb;
  };

  static std::pair<Vec2, Vec2> canonical(Vec2 a, Vec2 b) {
    if (b.xM < a.xM || (b.xM == a.xM && b.yM < a.yM)) std::swap(a, b);
    return {a, b};
  }
  bool crosses(const Segment& query, double qMinX, double qMaxX, double qMinY, double qMaxY,
               int wallIndex) const {
    const WallBox& w = boxes_[static_cast<std::size_t>(wallIndex)];
    if (w.maxXM < qMinX || w.minXM > qMaxX || w.maxYM < qMinY || w.minYM > qMaxY) return false;
    return detail::segmentsCrossBoxesOverlapping(query, w.segment);
  }
  // Calls visit(cellIndex) for the cells along a-b, in order from a, until it returns
  // false; returns false when stopped early. Precondition: finite coordinates.
  template <class G>
  bool visitCells(Vec2 a, Vec2 b, G&& visit) const;

  std::vector<WallDef> walls_;
  std::vector<WallBox> boxes_;
  // Compressed rows: the walls of cell c are cellWalls_[cellStart_[c] .. cellStart_[c+1]).
  std::vector<std::int32_t> cellStart_;
  std::vector<std::int32_t> cellWalls_;
  double originXM_ = 0;
  double originYM_ = 0;
  double cellM_ = 2.0;
  double invCellM_ = 0.5;
  int cellsX_ = 1;
  int cellsY_ = 1;
};

namespace detail {
// A plain scan: the lists are a handful of ids, where std::find's unrolled loop costs more
// to set up than it saves.
inline bool containsId(const std::int32_t* ids, int count, std::int32_t id) {
  for (int i = 0; i < count; ++i) {
    if (ids[i] == id) return true;
  }
  return false;
}

// Liang-Barsky clip of the segment a + t (b - a), t in [t0, t1], against the box;
// narrows [t0, t1] and returns false when nothing is left.
inline bool clipToBox(Vec2 a, Vec2 b, double minX, double maxX, double minY, double maxY,
                      double& t0, double& t1) {
  const double dx = b.xM - a.xM;
  const double dy = b.yM - a.yM;
  // Each side: p * t <= q.
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {a.xM - minX, maxX - a.xM, a.yM - minY, maxY - a.yM};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0) return false;
      continue;
    }
    const double r = q[i] / p[i];
    if (p[i] < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
  }
  return true;
}
}  // namespace detail

template <class G>
bool WallIndex::visitCells(Vec2 a, Vec2 b, G&& visit) const {
  // Only the part inside the grid (plus margin) can meet a wall: every wall is inside.
  // Most queries lie inside already and skip the clip.
  const double minX = originXM_ - kMarginM;
  const double minY = originYM_ - kMarginM;
  const double maxX = originXM_ + cellsX_ * cellM_ + kMarginM;
  const double maxY = originYM_ + cellsY_ * cellM_ + kMarginM;
  Vec2 p0 = a;
  Vec2 p1 = b;
  const auto inside = [&](Vec2 p) {
    return p.xM >= minX && p.xM <= maxX && p.yM >= minY && p.yM <= maxY;
  };
  if (!inside(a) || !inside(b)) {
    double t0 = 0;
    double t1 = 1;
    if (!detail::clipToBox(a, b, minX, maxX, minY, maxY, t0, t1)) return true;
    p0 = lerp(a, b, t0);
    p1 = lerp(a, b, t1);
  }
  // Grid coordinates: cell (i, j) spans [i, i+1) x [j, j+1).
  const double u0 = (p0.xM - originXM_) * invCellM_;
  const double v0 = (p0.yM - originYM_) * invCellM_;
  const double u1 = (p1.xM - originXM_) * invCellM_;
  const double v1 = (p1.yM - originYM_) * invCellM_;
  // u >= -margin here (clipped), so truncation is floor for u >= 0, and negative u
  // clamps to cell 0 anyway; avoids a floor() call on targets without SSE4.1.
  const auto cellOf = [](double u, int cells) {
    if (!(u > 0)) return 0;
    const int i = static_cast<int>(u);
    return i < cells ? i : cells - 1;
  };
  int ix = cellOf(u0, cellsX_);
  int iy = cellOf(v0, cellsY_);
  const int endX = cellOf(u1, cellsX_);
  const int endY = cellOf(v1, cellsY_);
  // The walk takes exactly |endX - ix| steps in x and |endY - iy| in y, so it always ends
  // in the end cell; rounding can only reorder steps at near-ties (a grid corner), which
  // the registration margin covers.
  int stepsX = std::abs(endX - ix);
  int stepsY = std::abs(endY - iy);
  const int dirX = endX >= ix ? 1 : -1;
  const int dirY = endY >= iy ? 1 : -1;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const double invDu = u1 != u0 ? 1.0 / (u1 - u0) : kInf;
  const double invDv = v1 != v0 ? 1.0 / (v1 - v0) : kInf;
  // Parameter (0 at p0, 1 at p1) where the walk leaves the current cell through its next
  // x (or y) boundary; recomputed from the boundary each step, so no error accumulates.
  // Only compared with each other, never used for a position.
  const auto nextT = [](int i, int dir, double start, double invDelta) {
    const double boundary = dir > 0 ? i + 1.0 : static_cast<double>(i);
    return (boundary - start) * invDelta;
  };
  if (!visit(iy * cellsX_ + ix)) return false;
  while (stepsX > 0 || stepsY > 0) {
    const double tx = stepsX > 0 ? nextT(ix, dirX, u0, invDu) : kInf;
    const double ty = stepsY > 0 ? nextT(iy, dirY, v0, invDv) : kInf;
    if (stepsY == 0 || (stepsX > 0 && tx <= ty)) {
      ix += dirX;
      --stepsX;
    } else {
      iy += dirY;
      --stepsY;
    }
    if (!visit(iy * cellsX_ + ix)) return false;
  }
  return true;
}

template <class F>
void WallIndex::forEachWallCrossed(Vec2 a, Vec2 b, F&& f) const {
  const auto [lo, hi] = canonical(a, b);
  const Segment query{lo, hi};
  const double qMinX = lo.xM;
  const double qMaxX = hi.xM;
  const double qMinY = std::min(lo.yM, hi.yM);
  const double qMaxY = std::max(lo.yM, hi.yM);
  const bool finite =
      std::isfinite(qMinX) && std::isfinite(qMaxX) && std::isfinite(qMinY) && std::isfinite(qMaxY);
  std::array<std::int32_t, kInlineCrossings> found;
  int foundCount = 0;
  bool overflow = !finite;
  if (finite) {
    visitCells(lo, hi, [&](int cell) {
      const std::int32_t* it = cellWalls_.data() + cellStart_[static_cast<std::size_t>(cell)];
      const std::int32_t* end = cellWalls_.data() + cellStart_[static_cast<std::size_t>(cell) + 1];
      for (; it != end; ++it) {
        const std::int32_t id = *it;
        const WallBox& w = boxes_[static_cast<std::size_t>(id)];
        if (w.maxXM < qMinX || w.minXM > qMaxX || w.maxYM < qMinY || w.minYM > qMaxY) continue;
        if (!detail::segmentsCrossBoxesOverlapping(query, w.segment)) continue;
        if (detail::containsId(found.data(), foundCount, id)) continue;
        if (foundCount == kInlineCrossings) {
          overflow = true;
          return false;
        }
        found[static_cast<std::size_t>(foundCount++)] = id;
      }
      return true;
    });
  }
  if (overflow) {
    // Exact fallback: one pass over all walls, already in index order.
    for (int i = 0; i < wallCount(); ++i) {
      if (crosses(query, qMinX, qMaxX, qMinY, qMaxY, i)) f(i);
    }
    return;
  }
  // Insertion sort: a handful of ids, and index order makes sums independent of the walk.
  for (int i = 1; i < foundCount; ++i) {
    const std::int32_t id = found[static_cast<std::size_t>(i)];
    int j = i - 1;
    while (j >= 0 && found[static_cast<std::size_t>(j)] > id) {
      found[static_cast<std::size_t>(j + 1)] = found[static_cast<std::size_t>(j)];
      --j;
    }
    found[static_cast<std::size_t>(j + 1)] = id;
  }
  for (int i = 0; i < foundCount; ++i) f(static_cast<int>(found[static_cast<std::size_t>(i)]));
}

}  // namespace irdrill::world
