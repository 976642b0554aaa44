// NavGraph: node placement, visibility edges, all-pairs Dijkstra, route queries
// (see nav_graph.hpp).
#include "sim/world/nav_graph.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numbers>
#include <queue>
#include <utility>

namespace irdrill::world {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Wall ends closer than this are one junction (plans are written by hand).
constexpr double kJunctionToleranceM = 1e-6;
// Candidate corners closer than this to an existing node add nothing.
constexpr double kMergeM = 0.05;
// Samples per axis when a room's centroid is unusable (outside the room or on a wall).
constexpr int kRoomSamples = 15;

double nearestWallM(const WallIndex& walls, Vec2 p) {
  double best = kInf;
  for (const WallDef& w : walls.walls()) best = std::min(best, distanceToSegmentM(p, w.segment));
  return best;
}

double nearestEdgeM(const Polygon& outline, Vec2 p) {
  double best = kInf;
  for (std::size_t i = 0, j = outline.size() - 1; i < outline.size(); j = i++) {
    best = std::min(best, distanceToSegmentM(p, {outline[j], outline[i]}));
  }
  return best;
}

// A point well inside the room to walk to: the centroid when it is inside and clear of
// walls, else the sample of a kRoomSamples^2 grid over the room's box farthest from the
// outline and walls (ties: first in row order, so the choice is deterministic).
bool roomInteriorPoint(const Polygon& outline, const WallIndex& walls, Vec2& out) {
  if (outline.size() < 3) return false;
  const Vec2 c = centroid(outline);
  if (containsPoint(outline, c) && nearestWallM(walls, c) >= NavGraph::kMinClearanceM) {
    out = c;
    return true;
  }
  double minX = kInf, maxX = -kInf, minY = kInf, maxY = -kInf;
  for (const Vec2& v : outline) {
    minX = std::min(minX, v.xM);
    maxX = std::max(maxX, v.xM);
    minY = std::min(minY, v.yM);
    maxY = std::max(maxY, v.yM);
  }
  double bestClearance = -1;
  for (int j = 0; j < kRoomSamples; ++j) {
    for (int i = 0; i < kRoomSamples; ++i) {
      const Vec2 p{minX + (maxX - minX) * (i + 0.5) / kRoomSamples,
                   minY + (maxY - minY) * (j + 0.5) / kRoomSamples};
      if (!containsPoint(outline, p)) continue;
      const double clearance = std::min(nearestEdgeM(outline, p), nearestWallM(walls, p));
      if (clearance > bestClearance) {
        bestClearance = clearance;
        out = p;
      }
    }
  }
  return bestClearance > 0;
}

// Corner candidates: at each wall end (ends within kJunctionToleranceM are one junction),
// sort the directions of the walls leaving it; a gap between consecutive directions wider
// than pi is free space a path may bend around, and the candidate stands on its bisector.
std::vector<Vec2> cornerCandidates(const std::vector<WallDef>& walls) {
  struct End {
    Vec2 p;
    double angle;  // direction of the wall leaving this end, radians
  };
  std::vector<End> ends;
  ends.reserve(walls.size() * 2);
  for (const WallDef& w : walls) {
    const Vec2 d = w.segment.b - w.segment.a;
    if (lengthM(d) <= kJunctionToleranceM) continue;  // a point wall is no corner
    ends.push_back({w.segment.a, std::atan2(d.yM, d.xM)});
    ends.push_back({w.segment.b, std::atan2(-d.yM, -d.xM)});
  }
  std::vector<Vec2> out;
  std::vector<bool> done(ends.size(), false);
  std::vector<double> angles;
  for (std::size_t i = 0; i < ends.size(); ++i) {
    if (done[i]) continue;
    angles.clear();
    for (std::size_t k = i; k < ends.size(); ++k) {
      if (!done[k] && distanceM(ends[k].p, ends[i].p) <= kJunctionToleranceM) {
        done[k] = true;
        angles.push_back(ends[k].angle);
      }
    }
    std::sort(angles.begin(), angles.end());
    for (std::size_t k = 0; k < angles.size(); ++k) {
      const double from = angles[k];
      const double to = k + 1 < angles.size() ? angles[k + 1] : angles[0] + 2 * std::numbers::pi;
      // Strictly reflex only: a straight wall through a junction (gap exactly pi) is not a
      // corner; the 1e-9 absorbs atan2 rounding on axis-aligned plans.
      if (to - from > std::numbers::pi + 1e-9) {  // a lone wall end: 2 pi
        const double mid = (from + to) / 2;
        out.push_back(ends[i].p + Vec2{std::cos(mid), std::sin(mid)} * NavGraph::kCornerOffsetM);
      }
    }
  }
  return out;
}

}  // namespace

int NavGraph::slotOf(int room) const {
  if (room >= 0) return room;
  if (room == kOutside) return static_cast<int>(plan_->def().rooms.size());
  return -1;
}

int NavGraph::slotOfPoint(Vec2 p) const {
  const int room = plan_->roomAt(p);
  return slotOf(room >= 0 ? room : kOutside);
}

NavGraph::NavGraph(const FloorPlan& plan) : plan_(&plan) {
  const FloorDef& def = plan.def();
  const WallIndex& walls = plan.walls();
  const std::size_t roomCount = def.rooms.size();
  // A named room when the point is inside it (overlapping rooms: the one named), else the
  // room the point is in, else outside.
  const auto roomFor = [&](int named, Vec2 p) {
    if (named >= 0 && containsPoint(def.rooms[static_cast<std::size_t>(named)].outline, p)) {
      return named;
    }
    const int at = plan.roomAt(p);
    return at >= 0 ? at : kOutside;
  };
  const auto doorSide = [&](const std::string& name) {
    if (name == "outside") return kOutside;
    return plan.roomIndex(name);  // -1 when unknown: that side joins nothing
  };

  nodes_.push_back({def.entranceM, NavNodeKind::Entrance, -1, roomFor(-1, def.entranceM), -1});
  firstDoorNode_ = static_cast<int>(nodes_.size());
  for (std::size_t i = 0; i < def.doors.size(); ++i) {
    const DoorDef& door = def.doors[i];
    int a = doorSide(door.roomA);
    int b = doorSide(door.roomB);
    if (a == -1 || a == b) std::swap(a, b);
    if (a == b) b = -1;
    nodes_.push_back({door.positionM, NavNodeKind::Door, static_cast<int>(i), a, b});
  }
  firstDeskNode_ = static_cast<int>(nodes_.size());
  for (std::size_t i = 0; i < def.desks.size(); ++i) {
    const DeskDef& desk = def.desks[i];
    nodes_.push_back({desk.positionM, NavNodeKind::Desk, static_cast<int>(i),
                      roomFor(plan.deskRoom(static_cast<int>(i)), desk.positionM), -1});
  }
  roomPointNode_.assign(roomCount, -1);
  for (std::size_t r = 0; r < roomCount; ++r) {
    Vec2 p;
    if (roomInteriorPoint(def.rooms[r].outline, walls, p)) {
      roomPointNode_[r] = static_cast<int>(nodes_.size());
      nodes_.push_back({p, NavNodeKind::RoomPoint, static_cast<int>(r), static_cast<int>(r), -1});
    }
  }
  for (const Vec2& p : cornerCandidates(walls.walls())) {
    const int room = plan.roomAt(p);
    if (room < 0) continue;  // routes stay inside the building
    if (nearestWallM(walls, p) < kMinClearanceM) continue;
    const bool inDoorway = std::any_of(def.doors.begin(), def.doors.end(), [&](const DoorDef& d) {
      return distanceM(p, d.positionM) <= d.widthM / 2;  // the door node serves there
    });
    if (inDoorway) continue;
    const bool near = std::any_of(nodes_.begin(), nodes_.end(), [&](const NavNode& n) {
      return distanceM(n.positionM, p) < kMergeM && (n.roomA == room || n.roomB == room);
    });
    if (near) continue;
    nodes_.push_back({p, NavNodeKind::Corner, -1, room, -1});
  }

  // Membership by slot; a node is listed once per distinct room it stands in.
  slotNodes_.assign(roomCount + 1, {});
  for (std::size_t n = 0; n < nodes_.size(); ++n) {
    const int sa = slotOf(nodes_[n].roomA);
    const int sb = slotOf(nodes_[n].roomB);
    if (sa >= 0) slotNodes_[static_cast<std::size_t>(sa)].push_back(static_cast<int>(n));
    if (sb >= 0 && sb != sa)
      slotNodes_[static_cast<std::size_t>(sb)].push_back(static_cast<int>(n));
  }

  // Visibility edges within each slot. A pair sharing two slots (two doors joining the
  // same rooms) is tested in the lower slot only.
  const int nodeCount = static_cast<int>(nodes_.size());
  std::vector<std::vector<std::pair<int, double>>> adjacency(static_cast<std::size_t>(nodeCount));
  const auto sharesLowerSlot = [&](int u, int v, int slot) {
    const int su[2] = {slotOf(nodes_[static_cast<std::size_t>(u)].roomA),
                       slotOf(nodes_[static_cast<std::size_t>(u)].roomB)};
    const int sv[2] = {slotOf(nodes_[static_cast<std::size_t>(v)].roomA),
                       slotOf(nodes_[static_cast<std::size_t>(v)].roomB)};
    for (int a : su) {
      for (int b : sv) {
        if (a >= 0 && a == b && a < slot) return true;
      }
    }
    return false;
  };
  for (std::size_t slot = 0; slot < slotNodes_.size(); ++slot) {
    const std::vector<int>& members = slotNodes_[slot];
    for (std::size_t i = 0; i < members.size(); ++i) {
      for (std::size_t j = i + 1; j < members.size(); ++j) {
        const int u = members[i];
        const int v = members[j];
        if (sharesLowerSlot(u, v, static_cast<int>(slot))) continue;
        const Vec2 pu = nodes_[static_cast<std::size_t>(u)].positionM;
        const Vec2 pv = nodes_[static_cast<std::size_t>(v)].positionM;
        if (!walls.lineOfSight(pu, pv)) continue;
        const double d = distanceM(pu, pv);
        adjacency[static_cast<std::size_t>(u)].emplace_back(v, d);
        adjacency[static_cast<std::size_t>(v)].emplace_back(u, d);
      }
    }
  }

  // Dijkstra from every node. Ties pop by node index and relax on strict improvement
  // only, so the chosen paths are a pure function of the plan.
  const std::size_t n = static_cast<std::size_t>(nodeCount);
  distM_.assign(n * n, kInf);
  pred_.assign(n * n, -1);
  using Item = std::pair<double, int>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
  for (std::size_t s = 0; s < n; ++s) {
    double* dist = distM_.data() + s * n;
    std::int32_t* pred = pred_.data() + s * n;
    dist[s] = 0;
    queue.push({0.0, static_cast<int>(s)});
    while (!queue.empty()) {
      const auto [d, u] = queue.top();
      queue.pop();
      if (d > dist[u]) continue;
      for (const auto& [v, w] : adjacency[static_cast<std::size_t>(u)]) {
        const double candidate = d + w;
        if (candidate < dist[v]) {
          dist[v] = candidate;
          pred[v] = u;
          queue.push({candidate, v});
        }
      }
    }
  }
}

double NavGraph::nodeDistanceM(int from, int to) const {
  return distM_[static_cast<std::size_t>(from) * nodes_.size() + static_cast<std::size_t>(to)];
}

std::vector<int> NavGraph::nodePath(int from, int to) const {
  if (nodeDistanceM(from, to) == kInf) return {};
  const std::int32_t* pred = pred_.data() + static_cast<std::size_t>(from) * nodes_.size();
  std::vector<int> path{to};
  for (int v = to; v != from;) {
    v = pred[v];
    path.push_back(v);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<NavGraph::Attachment> NavGraph::attach(Vec2 p, int slot) const {
  std::vector<Attachment> out;
  if (slot < 0) return out;
  for (int node : slotNodes_[static_cast<std::size_t>(slot)]) {
    const Vec2 q = nodes_[static_cast<std::size_t>(node)].positionM;
    if (plan_->walls().lineOfSight(p, q)) out.push_back({node, distanceM(p, q)});
  }
  return out;
}

bool NavGraph::bestRoute(Vec2 from, Vec2 to, int& fromNode, int& toNode, double& lengthM,
                         bool& direct) const {
  const int fromSlot = slotOfPoint(from);
  const int toSlot = slotOfPoint(to);
  direct = fromSlot == toSlot && plan_->walls().lineOfSight(from, to);
  if (direct) {
    lengthM = distanceM(from, to);
    return true;
  }
  const std::vector<Attachment> starts = attach(from, fromSlot);
  const std::vector<Attachment> ends = attach(to, toSlot);
  lengthM = kInf;
  for (const Attachment& s : starts) {
    for (const Attachment& e : ends) {
      const double d = s.distanceM + nodeDistanceM(s.node, e.node) + e.distanceM;
      if (d < lengthM) {
        lengthM = d;
        fromNode = s.node;
        toNode = e.node;
      }
    }
  }
  return lengthM < kInf;
}

std::vector<Vec2> NavGraph::routeM(Vec2 from, Vec2 to) const {
  int fromNode = -1;
  int toNode = -1;
  double lengthM = 0;
  bool direct = false;
  if (!bestRoute(from, to, fromNode, toNode, lengthM, direct)) return {};
  if (direct) return {from, to};
  std::vector<Vec2> route{from};
  for (int node : nodePath(fromNode, toNode)) {
    const Vec2 p = nodes_[static_cast<std::size_t>(node)].positionM;
    if (!(p == route.back())) route.push_back(p);
  }
  if (!(to == route.back()) || route.size() == 1) route.push_back(to);
  return route;
}

double NavGraph::routeLengthM(Vec2 from, Vec2 to) const {
  int fromNode = -1;
  int toNode = -1;
  double lengthM = 0;
  bool direct = false;
  return bestRoute(from, to, fromNode, toNode, lengthM, direct) ? lengthM : kInf;
}

std::vector<int> NavGraph::unreachableRooms() const {
  std::vector<int> out;
  for (std::size_t r = 0; r < roomPointNode_.size(); ++r) {
    const int node = roomPointNode_[r];
    if (node < 0 || nodeDistanceM(entranceNode(), node) == kInf) out.push_back(static_cast<int>(r));
  }
  return out;
}

}  // namespace irdrill::world
