// Walking routes on a floor: a graph of points people walk between, and shortest paths.
//
// Nodes: the entrance, every door, every desk, one interior point per room (its centroid
// when that is inside and clear of walls), and corner points that let routes bend around
// walls (see kCornerOffsetM). Each node belongs to the room(s) it stands in: a door to
// both rooms it joins; points outside every room to a pseudo-room "outside", shared with
// doors to "outside". Two nodes of a same room are joined when the straight segment
// between them crosses no wall (WallIndex's rule: touching counts), so non-convex rooms
// and rooms with partitions work. Rooms connect only through doors.
//
// All-pairs shortest paths are computed at construction (Dijkstra from every node, O(N E
// log N), N ~ a few hundred), so a route query costs the wall tests attaching its two
// ends to the nodes of their rooms plus a scan of those pairs. Immutable after
// construction; const queries are safe from several threads. The FloorPlan must outlive
// the graph.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/world/floor_plan.hpp"
#include "sim/world/geometry.hpp"

namespace irdrill::world {

enum class NavNodeKind { Entrance, Door, Desk, RoomPoint, Corner };

struct NavNode {
  Vec2 positionM;
  NavNodeKind kind = NavNodeKind::Corner;
  int ref = -1;  // door, desk or room index for those kinds; -1 otherwise
  // The rooms the node stands in (index into the plan's rooms, NavGraph::kOutside, or -1
  // for none); only doors have a second one.
  int roomA = -1;
  int roomB = -1;
};

class NavGraph {
 public:
  // Pseudo-room of points outside every room (the street side of the entrance door).
  static constexpr int kOutside = -2;
  // Where walls leave free space of more than 180 degrees around a wall end (a free end,
  // the inside of an L-shaped room's corner), a corner node stands kCornerOffsetM from the
  // end along the bisector of that free angle: shortest paths around obstacles bend only
  // at such corners, at a walking distance from the wall.
  static constexpr double kCornerOffsetM = 0.4;
  // Corner and room points closer than this to a wall are not used.
  static constexpr double kMinClearanceM = 0.2;

  explicit NavGraph(const FloorPlan& plan);

  // The shortest walking polyline from `from` to `to`: first point `from`, last `to`,
  // through door nodes between rooms; no repeated consecutive points, except that a route
  // of zero length is {from, to}. Empty when there is no route (a room cut off, or an end
  // that sees no node of its room). Each end belongs to roomAt(end) or "outside".
  std::vector<Vec2> routeM(Vec2 from, Vec2 to) const;
  // Length of routeM(from, to), metres; +infinity when there is no route.
  double routeLengthM(Vec2 from, Vec2 to) const;
  // Rooms whose interior point has no route from the entrance, in increasing index
  // (including rooms too degenerate to have an interior point).
  std::vector<int> unreachableRooms() const;

  int nodeCount() const { return static_cast<int>(nodes_.size()); }
  const NavNode& node(int index) const { return nodes_[static_cast<std::size_t>(index)]; }
  int entranceNode() const { return 0; }
  int doorNode(int door) const { return firstDoorNode_ + door; }
  int deskNode(int desk) const { return firstDeskNode_ + desk; }
  // The node of a room's interior point, or -1 when the room has none.
  int roomPointNode(int room) const { return roomPointNode_[static_cast<std::size_t>(room)]; }
  // Shortest distance between two nodes, metres (+infinity when disconnected), and the
  // nodes on that path, both ends included (empty when disconnected).
  double nodeDistanceM(int from, int to) const;
  std::vector<int> nodePath(int from, int to) const;

 private:
  struct Attachment {
    int node;
    double distanceM;
  };
  // Slot of a room in slotNodes_: rooms first, then "outside"; -1 for none.
  int slotOf(int room) const;
  int slotOfPoint(Vec2 p) const;
  std::vector<Attachment> attach(Vec2 p, int slot) const;
  // Best pair of attachments for from -> to; false when there is no route.
  bool bestRoute(Vec2 from, Vec2 to, int& fromNode, int& toNode, double& lengthM,
                 bool& direct) const;

  const FloorPlan* plan_;
  std::vector<NavNode> nodes_;
  int firstDoorNode_ = 1;
  int firstDeskNode_ = 1;
  std::vector<int> roomPointNode_;
  std::vector<std::vector<int>> slotNodes_;
  // Row-major N x N: distM_[s * N + t] from s to t; pred_[s * N + t] the node before t on
  // that path (-1 at s and when unreachable).
  std::vector<double> distM_;
  std::vector<std::int32_t> pred_;
};

}  // namespace irdrill::world
