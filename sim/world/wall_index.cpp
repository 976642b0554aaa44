// Construction of the wall grid and the non-template queries (see wall_index.hpp).
#include "sim/world/wall_index.hpp"

#include <stdexcept>

namespace irdrill::world {

WallIndex::WallIndex(std::vector<WallDef> walls, const std::array<double, 6>& materialLossDb,
                     double widthM, double depthM, double cellM)
    : walls_(std::move(walls)) {
  if (!(cellM > 0) || !std::isfinite(cellM)) {
    throw std::invalid_argument("WallIndex: the cell size must be positive and finite");
  }
  // The grid covers the plan and every wall, so a query only needs the cells inside it.
  double minX = 0;
  double minY = 0;
  double maxX = std::isfinite(widthM) ? std::max(widthM, 0.0) : 0.0;
  double maxY = std::isfinite(depthM) ? std::max(depthM, 0.0) : 0.0;
  boxes_.reserve(walls_.size());
  for (const WallDef& w : walls_) {
    const Segment& s = w.segment;
    WallBox box{s,
                std::min(s.a.xM, s.b.xM),
                std::max(s.a.xM, s.b.xM),
                std::min(s.a.yM, s.b.yM),
                std::max(s.a.yM, s.b.yM),
                w.lossDb ? *w.lossDb : materialLossDb[static_cast<std::size_t>(w.material)]};
    // A wall with a non-finite coordinate cannot be placed in the grid; it still lives in
    // boxes_ for the exact fallback, and its NaN box never matches a query's box.
    if (std::isfinite(box.minXM) && std::isfinite(box.maxXM) && std::isfinite(box.minYM) &&
        std::isfinite(box.maxYM)) {
      minX = std::min(minX, box.minXM);
      minY = std::min(minY, box.minYM);
      maxX = std::max(maxX, box.maxXM);
      maxY = std::max(maxY, box.maxYM);
    }
    boxes_.push_back(box);
  }
  const double extentM = std::max(maxX - minX, maxY - minY);
  cellM_ = std::max(cellM, extentM / (kMaxCellsPerAxis - 1));
  invCellM_ = 1.0 / cellM_;
  originXM_ = minX - kGridShiftCells * cellM_;
  originYM_ = minY - kGridShiftCells * cellM_;
  cellsX_ = std::max(1, static_cast<int>(std::ceil((maxX - originXM_) * invCellM_)));
  cellsY_ = std::max(1, static_cast<int>(std::ceil((maxY - originYM_) * invCellM_)));
  cellsX_ = std::min(cellsX_, kMaxCellsPerAxis);
  cellsY_ = std::min(cellsY_, kMaxCellsPerAxis);
  // ceil can fall one cell short of the far edge after rounding; widen if so.
  if (originXM_ + cellsX_ * cellM_ < maxX) ++cellsX_;
  if (originYM_ + cellsY_ * cellM_ < maxY) ++cellsY_;

  // Two passes (count, then fill) into compressed rows. A wall goes into every cell of its
  // box (widened by the margin) whose widened square its segment actually meets, so long
  // diagonal walls do not flood the cells of their bounding box.
  const auto cellRange = [&](double lo, double hi, double origin, int cells) {
    const auto clampCell = [cells](double u) {
      return static_cast<int>(std::clamp(std::floor(u), 0.0, static_cast<double>(cells - 1)));
    };
    return std::pair<int, int>{clampCell((lo - kMarginM - origin) * invCellM_),
                               clampCell((hi + kMarginM - origin) * invCellM_)};
  };
  const auto forEachCellOfWall = [&](const WallBox& w, auto&& add) {
    if (!std::isfinite(w.minXM) || !std::isfinite(w.maxXM) || !std::isfinite(w.minYM) ||
        !std::isfinite(w.maxYM)) {
      return;
    }
    const auto [x0, x1] = cellRange(w.minXM, w.maxXM, originXM_, cellsX_);
    const auto [y0, y1] = cellRange(w.minYM, w.maxYM, originYM_, cellsY_);
    for (int iy = y0; iy <= y1; ++iy) {
      for (int ix = x0; ix <= x1; ++ix) {
        const double cx = originXM_ + ix * cellM_;
        const double cy = originYM_ + iy * cellM_;
        double t0 = 0;
        double t1 = 1;
        if (detail::clipToBox(w.segment.a, w.segment.b, cx - kMarginM, cx + cellM_ + kMarginM,
                              cy - kMarginM, cy + cellM_ + kMarginM, t0, t1)) {
          add(iy * cellsX_ + ix);
        }
      }
    }
  };
  const std::size_t cellCount =
      static_cast<std::size_t>(cellsX_) * static_cast<std::size_t>(cellsY_);
  cellStart_.assign(cellCount + 1, 0);
  for (const WallBox& w : boxes_) {
    forEachCellOfWall(w, [&](int cell) { ++cellStart_[static_cast<std::size_t>(cell) + 1]; });
  }
  for (std::size_t c = 0; c < cellCount; ++c) cellStart_[c + 1] += cellStart_[c];
  cellWalls_.resize(static_cast<std::size_t>(cellStart_[cellCount]));
  std::vector<std::int32_t> fill(cellStart_.begin(), cellStart_.end() - 1);
  for (std::size_t i = 0; i < boxes_.size(); ++i) {
    forEachCellOfWall(boxes_[i], [&](int cell) {
      cellWalls_[static_cast<std::size_t>(fill[static_cast<std::size_t>(cell)]++)] =
          static_cast<std::int32_t>(i);
    });
  }
}

double WallIndex::lossDb(Vec2 a, Vec2 b) const {
  double sumDb = 0;
  forEachWallCrossed(a, b, [&](int i) { sumDb += boxes_[static_cast<std::size_t>(i)].lossDb; });
  return sumDb;
}

int WallIndex::wallsCrossed(Vec2 a, Vec2 b) const {
  int count = 0;
  forEachWallCrossed(a, b, [&](int) { ++count; });
  return count;
}

bool WallIndex::lineOfSight(Vec2 a, Vec2 b) const {
  const auto [lo, hi] = canonical(a, b);
  const Segment query{lo, hi};
  const double qMinY = std::min(lo.yM, hi.yM);
  const double qMaxY = std::max(lo.yM, hi.yM);
  if (!std::isfinite(lo.xM) || !std::isfinite(hi.xM) || !std::isfinite(qMinY) ||
      !std::isfinite(qMaxY)) {
    for (int i = 0; i < wallCount(); ++i) {
      if (crosses(query, lo.xM, hi.xM, qMinY, qMaxY, i)) return false;
    }
    return true;
  }
  return visitCells(lo, hi, [&](int cell) {
    const std::int32_t* it = cellWalls_.data() + cellStart_[static_cast<std::size_t>(cell)];
    const std::int32_t* end = cellWalls_.data() + cellStart_[static_cast<std::size_t>(cell) + 1];
    for (; it != end; ++it) {
      if (crosses(query, lo.xM, hi.xM, qMinY, qMaxY, *it)) return false;
    }
    return true;
  });
}

int WallIndex::wallsInCell(int ix, int iy) const {
  const std::size_t cell = static_cast<std::size_t>(iy) * static_cast<std::size_t>(cellsX_) +
                           static_cast<std::size_t>(ix);
  return cellStart_[cell + 1] - cellStart_[cell];
}

}  // namespace irdrill::world
