// Geometry, SFML drawing and picking of the floor map (see floor_map.hpp).
#include "floor_map.hpp"

#include <SFML/Graphics/VertexArray.hpp>
#include <SFML/Graphics/View.hpp>

#include <algorithm>
#include <cmath>

#include "sim/radio/propagation.hpp"

namespace irdrill::gui {
namespace {

constexpr float kMarginPx = 16.0f;
constexpr double kOffsiteGapM = 2.0;
constexpr float kPersonRadiusPx = 5.0f;
constexpr float kPickRadiusPx = 9.0f;
constexpr double kDeskWidthM = 1.4, kDeskDepthM = 0.8;

// Index = world::WallMaterial: drywall, glass, wood, brick, concrete, metal.
const sf::Color kWallColours[] = {{205, 205, 210}, {120, 200, 235}, {170, 120, 70},
                                  {190, 90, 60},   {150, 150, 150}, {110, 140, 190}};
// Index = world::RoomKind: translucent fills so walls and people stay readable.
const sf::Color kRoomFills[] = {{70, 90, 120, 70}, {90, 70, 120, 70}, {130, 60, 60, 80}, {70, 110, 90, 70},
                                {110, 100, 60, 70}, {80, 80, 100, 70}, {60, 60, 70, 60}, {80, 70, 60, 70}};
const sf::Color kDeskColour(95, 100, 115);
const sf::Color kGatewayColour(200, 110, 230);
const sf::Color kRangeColour(200, 110, 230, 90);
const sf::Color kItemCarriedColour(120, 210, 140);
const sf::Color kItemLeftColour(250, 215, 60);
const sf::Color kItemTakenColour(235, 70, 70);
const sf::Color kBoxColour(60, 66, 80);
const sf::Color kBoxOutline(120, 128, 145);
const sf::Color kSelectionColour(255, 255, 255);
const sf::Color kAlertColour(255, 60, 60);

bool isConvex(const world::Polygon& polygon) {
  if (polygon.size() < 3) return false;
  int sign = 0;
  for (std::size_t i = 0; i < polygon.size(); ++i) {
    const world::Vec2 a = polygon[i], b = polygon[(i + 1) % polygon.size()], c = polygon[(i + 2) % polygon.size()];
    const double turn = world::cross(b - a, c - b);
    if (turn == 0) continue;
    const int s = turn > 0 ? 1 : -1;
    if (sign != 0 && s != sign) return false;
    sign = s;
  }
  return true;
}

ImU32 imColour(sf::Color c) { return IM_COL32(c.r, c.g, c.b, c.a); }

bool isAlertKind(exercise::ExerciseEventKind kind) {
  return kind == exercise::ExerciseEventKind::PhoneAlert || kind == exercise::ExerciseEventKind::GatewayAlert ||
         kind == exercise::ExerciseEventKind::CrowdReport;
}

}  // namespace

FloorMap::FloorMap(const scenario::ScenarioDef& scenario) : scenario_(scenario) {
  bool anyTag = false;
  for (std::size_t p = 0; p < scenario.employees.size(); ++p) {
    const auto& employee = scenario.employees[p];
    personIndexById_[employee.id] = static_cast<int>(p);
    for (const auto& item : employee.items) {
      const std::string id = employee.id + "/" + item.id;
      itemIndexById_[id] = static_cast<int>(itemIds_.size());
      itemIds_.push_back(id);
      if (item.tag && (!anyTag || item.tag->txPowerDbm > strongestTagTxDbm_)) {
        strongestTagTxDbm_ = item.tag->txPowerDbm;
        anyTag = true;
      }
    }
  }
  if (!anyTag) strongestTagTxDbm_ = radio::TagDef{}.txPowerDbm;
  if (!scenario.office.floors.empty()) {
    const radio::PropagationModel model(scenario.propagation);
    for (const auto& gateway : scenario.office.floors.front().gateways) {
      const double rangeM = model.maxRangeM(strongestTagTxDbm_, gateway.sensitivityDbm, 0.0);
      gatewayRangeM_.push_back(std::isfinite(rangeM) ? rangeM : 0.0);
    }
  }
}

sf::Vector2f FloorMap::toScreen(world::Vec2 positionM) const {
  return {originXPx_ + static_cast<float>(positionM.xM) * scalePxPerM_,
          originYPx_ + static_cast<float>(floorDepthM_ - positionM.yM) * scalePxPerM_};
}

sf::Vector2f FloorMap::offsiteSlot(int box, int slot) const {
  const Rect& r = offsiteBoxes_[static_cast<std::size_t>(box)];
  const float step = 3.6f * kPersonRadiusPx;  // room for the items drawn around a person
  const int columns = std::max(1, static_cast<int>((r.w - step) / step));
  const float top = r.y + 18.0f;  // below the label
  return {r.x + step * (0.75f + static_cast<float>(slot % columns)),
          std::min(r.y + r.h - kPersonRadiusPx, top + step * (0.5f + static_cast<float>(slot / columns)))};
}

void FloorMap::zoomAt(float factor, float xPx, float yPx) {
  const float newZoom = std::clamp(zoom_ * factor, 0.25f, 16.0f);
  const float applied = newZoom / zoom_;
  // Keep the point under the cursor still: the content centre moves with the pan.
  const float cx = canvas_.x + canvas_.w * 0.5f + panXPx_;
  const float cy = canvas_.y + canvas_.h * 0.5f + panYPx_;
  panXPx_ += (cx - xPx) * (applied - 1.0f);
  panYPx_ += (cy - yPx) * (applied - 1.0f);
  zoom_ = newZoom;
}

void FloorMap::panBy(float dxPx, float dyPx) {
  panXPx_ += dxPx;
  panYPx_ += dyPx;
}

void FloorMap::resetView() {
  zoom_ = 1.0f;
  panXPx_ = panYPx_ = 0;
}

void FloorMap::prepare(const Rect& canvas, const day::OfficeDay* day, const MapScene& scene, ImDrawList* labels) {
  canvas_ = canvas;
  polys_.clear();
  lines_.clear();
  discs_.clear();
  targets_.clear();
  offsiteBoxes_.clear();
  if (scenario_.office.floors.empty()) return;
  const world::FloorDef& floor = scenario_.office.floors.front();
  floorDepthM_ = floor.depthM;

  // Off-site boxes: the day's places after the office floor (off-site places, home), then
  // one for people in transit.
  std::vector<std::string> boxNames;
  if (day) {
    const auto& names = day->placeNames();
    boxNames.assign(names.begin() + std::min<std::size_t>(1, names.size()), names.end());
  } else {
    for (const auto& place : scenario_.office.offsitePlaces) boxNames.push_back(place.id);
  }
  if (day) boxNames.push_back("in transit");
  // Two places of one name (a scenario's own "home" and the day's) stay apart on screen.
  for (std::size_t b = 1; b < boxNames.size(); ++b) {
    int same = 1;
    for (std::size_t a = 0; a < b; ++a) same += boxNames[a].rfind(boxNames[b], 0) == 0 ? 1 : 0;
    if (same > 1) boxNames[b] += " (" + std::to_string(same) + ")";
  }
  const bool showOffsite = layers.offsite && !boxNames.empty();
  const double columnM = showOffsite ? std::max(0.35 * floor.widthM, 8.0) : 0.0;
  const double contentWM = floor.widthM + (showOffsite ? kOffsiteGapM + columnM : 0.0);
  const double contentHM = std::max(floor.depthM, 1.0);
  const float fit = std::min((canvas.w - 2 * kMarginPx) / static_cast<float>(std::max(contentWM, 1.0)),
                             (canvas.h - 2 * kMarginPx) / static_cast<float>(contentHM));
  scalePxPerM_ = std::max(fit, 0.01f) * zoom_;
  originXPx_ = canvas.x + canvas.w * 0.5f + panXPx_ - static_cast<float>(contentWM) * scalePxPerM_ * 0.5f;
  originYPx_ = canvas.y + canvas.h * 0.5f + panYPx_ - static_cast<float>(contentHM) * scalePxPerM_ * 0.5f;

  auto label = [&](sf::Vector2f at, const std::string& text, ImU32 colour, bool centred) {
    if (!labels || !layers.labels || text.empty()) return;
    ImVec2 pos(at.x, at.y);
    if (centred) {
      const ImVec2 size = ImGui::CalcTextSize(text.c_str());
      pos.x -= size.x * 0.5f;
      pos.y -= size.y * 0.5f;
    }
    labels->AddText(pos, colour, text.c_str());
  };

  if (layers.rooms) {
    for (const auto& room : floor.rooms) {
      Poly poly;
      for (const auto& v : room.outline) poly.points.push_back(toScreen(v));
      const auto kind = static_cast<std::size_t>(room.kind);
      poly.fill = isConvex(room.outline) ? kRoomFills[kind] : sf::Color::Transparent;
      poly.outline = sf::Color(90, 96, 110);
      polys_.push_back(std::move(poly));
      // Top-left inside the room: gateways often sit at room centres.
      double leftM = room.outline.empty() ? 0 : room.outline.front().xM, topM = room.outline.empty() ? 0 : room.outline.front().yM;
      for (const auto& v : room.outline) {
        leftM = std::min(leftM, v.xM);
        topM = std::max(topM, v.yM);
      }
      const sf::Vector2f corner = toScreen({leftM, topM});
      label({corner.x + 4, corner.y + 2}, room.id, IM_COL32(200, 205, 215, 170), false);
    }
  }
  if (layers.desks) {
    for (const auto& desk : floor.desks) {
      const sf::Vector2f a = toScreen({desk.positionM.xM - kDeskWidthM / 2, desk.positionM.yM + kDeskDepthM / 2});
      const sf::Vector2f b = toScreen({desk.positionM.xM + kDeskWidthM / 2, desk.positionM.yM - kDeskDepthM / 2});
      polys_.push_back(Poly{{a, {b.x, a.y}, b, {a.x, b.y}}, kDeskColour, sf::Color::Transparent});
    }
  }
  if (layers.walls) {
    const float width = std::max(2.0f, 0.15f * scalePxPerM_);
    for (const auto& wall : floor.walls) {
      const sf::Vector2f a = toScreen(wall.segment.a), b = toScreen(wall.segment.b);
      lines_.push_back({a.x, a.y, b.x, b.y, width, kWallColours[static_cast<std::size_t>(wall.material)]});
    }
  }
  if (layers.gateways) {
    for (std::size_t g = 0; g < floor.gateways.size(); ++g) {
      const sf::Vector2f at = toScreen(floor.gateways[g].positionM);
      if (layers.ranges && g < gatewayRangeM_.size()) {
        discs_.push_back({at.x, at.y, static_cast<float>(gatewayRangeM_[g]) * scalePxPerM_, sf::Color::Transparent,
                          kRangeColour, 1.5f});
      }
      discs_.push_back({at.x, at.y, 5.0f, kGatewayColour, sf::Color(40, 20, 50), 1.0f});
      targets_.push_back({Selection{Selection::Kind::Gateway, static_cast<int>(g)}, at.x, at.y, kPickRadiusPx});
      // Below the marker: room names sit at room centres, often where the gateway is.
      label({at.x + 6, at.y + 4}, floor.gateways[g].id, imColour(kGatewayColour), false);
    }
  }
  if (showOffsite) {
    const float x = originXPx_ + static_cast<float>(floor.widthM + kOffsiteGapM) * scalePxPerM_;
    const float w = static_cast<float>(columnM) * scalePxPerM_;
    const float gap = 6.0f;
    const float total = static_cast<float>(contentHM) * scalePxPerM_;
    const float h = (total - gap * static_cast<float>(boxNames.size() - 1)) / static_cast<float>(boxNames.size());
    for (std::size_t b = 0; b < boxNames.size(); ++b) {
      const Rect box{x, originYPx_ + static_cast<float>(b) * (h + gap), w, std::max(h, 4.0f)};
      offsiteBoxes_.push_back(box);
      polys_.push_back(Poly{{{box.x, box.y}, {box.x + box.w, box.y}, {box.x + box.w, box.y + box.h}, {box.x, box.y + box.h}},
                            kBoxColour, kBoxOutline});
      label({box.x + 4, box.y + 2}, boxNames[b], IM_COL32(210, 215, 225, 230), false);
    }
  }
  if (!day) return;

  // People: where their itineraries put them now; off-site people fill their box's slots.
  const int people = day->personCount();
  std::vector<std::optional<sf::Vector2f>> personPx(static_cast<std::size_t>(people));
  std::vector<int> slotsUsed(offsiteBoxes_.size(), 0);
  const int transitBox = static_cast<int>(offsiteBoxes_.size()) - 1;
  for (int p = 0; p < people; ++p) {
    const auto where = day->personAt(p, scene.nowUs);
    std::optional<sf::Vector2f> at;
    if (where && where->place == day::kOfficePlace) {
      at = toScreen(where->positionM);
    } else if (!offsiteBoxes_.empty()) {
      const int box = where ? std::min(where->place - 1, transitBox) : transitBox;
      at = offsiteSlot(box, slotsUsed[static_cast<std::size_t>(box)]++);
    }
    personPx[static_cast<std::size_t>(p)] = at;
  }

  if (layers.items) {
    const bool player = scene.view == ViewMode::Player;
    std::vector<int> carriedCount(static_cast<std::size_t>(people), 0);
    for (int i = 0; i < day->itemCount(); ++i) {
      const day::ItemView item = day->itemAt(i, scene.nowUs);
      const std::string& id = itemIds_[static_cast<std::size_t>(i)];
      const bool shownLeft = !item.withOwner && (!player || scene.knownMissingItems.count(id));
      std::optional<sf::Vector2f> at;
      sf::Color colour = kItemCarriedColour;
      float size = 2.0f;
      if (shownLeft && item.whereabouts) {
        colour = kItemLeftColour;
        size = 4.0f;
        if (item.whereabouts->place == day::kOfficePlace) {
          at = toScreen(item.whereabouts->positionM);
        } else if (!offsiteBoxes_.empty()) {
          const int box = std::min(item.whereabouts->place - 1, transitBox);
          at = offsiteSlot(box, slotsUsed[static_cast<std::size_t>(box)]++);
        }
      } else if (shownLeft) {
        colour = kItemTakenColour;  // carried off by someone who is not its owner
        size = 4.0f;
        if (!offsiteBoxes_.empty()) at = offsiteSlot(transitBox, slotsUsed[static_cast<std::size_t>(transitBox)]++);
      } else if (item.owner >= 0 && item.owner < people && personPx[static_cast<std::size_t>(item.owner)]) {
        // Carried: a small square on a ring around the owner.
        const int k = carriedCount[static_cast<std::size_t>(item.owner)]++;
        const float angle = 0.9f * static_cast<float>(k) - 0.8f;
        const sf::Vector2f owner = *personPx[static_cast<std::size_t>(item.owner)];
        at = sf::Vector2f(owner.x + std::cos(angle) * (kPersonRadiusPx + 3), owner.y + std::sin(angle) * (kPersonRadiusPx + 3));
      }
      if (!at) continue;
      polys_.push_back(Poly{{{at->x - size, at->y - size}, {at->x + size, at->y - size}, {at->x + size, at->y + size},
                             {at->x - size, at->y + size}},
                            colour, size > 2 ? sf::Color(30, 30, 30) : sf::Color::Transparent});
      targets_.push_back({Selection{Selection::Kind::Item, i}, at->x, at->y, std::max(size + 3, 6.0f)});
    }
  }
  if (layers.people) {
    for (int p = 0; p < people; ++p) {
      const auto& at = personPx[static_cast<std::size_t>(p)];
      if (!at) continue;
      discs_.push_back({at->x, at->y, kPersonRadiusPx, kPersonColour, sf::Color(60, 30, 10), 1.0f});
      targets_.push_back({Selection{Selection::Kind::Person, p}, at->x, at->y, kPickRadiusPx});
      if (zoom_ >= 2.0f) label({at->x + 7, at->y - 7}, scenario_.employees[static_cast<std::size_t>(p)].id,
                               IM_COL32(250, 200, 150, 230), false);
    }
  }
  if (layers.alerts && scene.events) {
    // Recent alerts, newest last; the log is in time order, so walk back from the end.
    const auto windowUs = static_cast<core::TimeUs>(scene.alertWindowS * 1e6);
    const float pulse = 0.5f + 0.5f * static_cast<float>(std::sin(scene.wallTimeS * 8.0));
    const auto& events = *scene.events;
    for (auto it = events.rbegin(); it != events.rend() && it->timeUs >= scene.nowUs - windowUs; ++it) {
      if (!isAlertKind(it->kind)) continue;
      if (scene.view == ViewMode::Player && !scene.knownMissingItems.count(it->subject)) continue;
      std::optional<sf::Vector2f> at;
      if (it->kind == exercise::ExerciseEventKind::PhoneAlert) {
        // The owner's phone rings: flash where the owner is.
        if (const auto person = personIndexById_.find(it->actor); person != personIndexById_.end()) {
          at = personPx[static_cast<std::size_t>(person->second)];
        }
      } else if (const auto item = itemIndexById_.find(it->subject); item != itemIndexById_.end()) {
        const day::ItemView view = day->itemAt(item->second, scene.nowUs);
        if (view.whereabouts && view.whereabouts->place == day::kOfficePlace) at = toScreen(view.whereabouts->positionM);
      }
      if (!at) continue;
      sf::Color ring = kAlertColour;
      ring.a = static_cast<sf::Uint8>(90 + 160 * pulse);
      discs_.push_back({at->x, at->y, 10.0f + 6.0f * pulse, sf::Color::Transparent, ring, 2.5f});
    }
  }
  if (scene.selection) {
    for (const auto& t : targets_) {
      if (t.what.kind == scene.selection->kind && t.what.index == scene.selection->index) {
        discs_.push_back({t.x, t.y, t.r + 3.0f, sf::Color::Transparent, kSelectionColour, 2.0f});
        break;
      }
    }
  }
}

void FloorMap::drawSfml(sf::RenderTarget& target) const {
  if (canvas_.w < 1 || canvas_.h < 1) return;
  const sf::Vector2u size = target.getSize();
  // Pixel coordinates in, clipped to the canvas: the view shows exactly the canvas
  // rectangle and its viewport is that same rectangle of the window.
  sf::View view(sf::FloatRect(canvas_.x, canvas_.y, canvas_.w, canvas_.h));
  view.setViewport(sf::FloatRect(canvas_.x / static_cast<float>(size.x), canvas_.y / static_cast<float>(size.y),
                                 canvas_.w / static_cast<float>(size.x), canvas_.h / static_cast<float>(size.y)));
  const sf::View previous = target.getView();
  target.setView(view);

  // Fills (convex, fanned) and outlines each in one batch.
  sf::VertexArray fills(sf::Triangles), outlines(sf::Lines);
  for (const auto& poly : polys_) {
    if (poly.fill.a > 0 && poly.points.size() >= 3) {
      for (std::size_t i = 1; i + 1 < poly.points.size(); ++i) {
        fills.append(sf::Vertex(poly.points[0], poly.fill));
        fills.append(sf::Vertex(poly.points[i], poly.fill));
        fills.append(sf::Vertex(poly.points[i + 1], poly.fill));
      }
    }
    if (poly.outline.a > 0 && poly.points.size() >= 2) {
      for (std::size_t i = 0; i < poly.points.size(); ++i) {
        outlines.append(sf::Vertex(poly.points[i], poly.outline));
        outlines.append(sf::Vertex(poly.points[(i + 1) % poly.points.size()], poly.outline));
      }
    }
  }
  target.draw(fills);
  target.draw(outlines);
  // Walls as quads: GL line widths above 1 are not portable.
  sf::VertexArray quads(sf::Quads);
  for (const auto& line : lines_) {
    const float dx = line.bx - line.ax, dy = line.by - line.ay;
    const float length = std::hypot(dx, dy);
    if (length <= 0) continue;
    const float nx = -dy / length * line.widthPx * 0.5f, ny = dx / length * line.widthPx * 0.5f;
    quads.append(sf::Vertex({line.ax + nx, line.ay + ny}, line.colour));
    quads.append(sf::Vertex({line.bx + nx, line.by + ny}, line.colour));
    quads.append(sf::Vertex({line.bx - nx, line.by - ny}, line.colour));
    quads.append(sf::Vertex({line.ax - nx, line.ay - ny}, line.colour));
  }
  target.draw(quads);
  // All discs in one triangle batch: one draw call instead of one per person (software
  // GL under Xvfb pays per call), fills and rings as triangles.
  sf::VertexArray discTriangles(sf::Triangles);
  const float farthestCornerPx = std::hypot(canvas_.w, canvas_.h);
  for (const auto& disc : discs_) {
    if (disc.r <= 0) continue;
    // A ring wider than the canvas around a centre inside it lies wholly outside: culled.
    const bool centreInside = canvas_.contains(disc.x, disc.y);
    if (centreInside && disc.r - disc.outlinePx > farthestCornerPx && disc.fill.a == 0) continue;
    const int points = static_cast<int>(std::clamp(disc.r * 0.8f, 12.0f, 96.0f));
    for (int k = 0; k < points; ++k) {
      const float a0 = 6.2831853f * static_cast<float>(k) / static_cast<float>(points);
      const float a1 = 6.2831853f * static_cast<float>(k + 1) / static_cast<float>(points);
      const sf::Vector2f u0(std::cos(a0), std::sin(a0)), u1(std::cos(a1), std::sin(a1));
      if (disc.fill.a > 0) {
        discTriangles.append(sf::Vertex({disc.x, disc.y}, disc.fill));
        discTriangles.append(sf::Vertex({disc.x + u0.x * disc.r, disc.y + u0.y * disc.r}, disc.fill));
        discTriangles.append(sf::Vertex({disc.x + u1.x * disc.r, disc.y + u1.y * disc.r}, disc.fill));
      }
      if (disc.outline.a > 0 && disc.outlinePx > 0) {
        const float inner = disc.r, outer = disc.r + disc.outlinePx;
        const sf::Vector2f i0(disc.x + u0.x * inner, disc.y + u0.y * inner), i1(disc.x + u1.x * inner, disc.y + u1.y * inner);
        const sf::Vector2f o0(disc.x + u0.x * outer, disc.y + u0.y * outer), o1(disc.x + u1.x * outer, disc.y + u1.y * outer);
        for (const sf::Vector2f& v : {i0, o0, o1, i0, o1, i1}) discTriangles.append(sf::Vertex(v, disc.outline));
      }
    }
  }
  target.draw(discTriangles);
  target.setView(previous);
}

std::optional<Selection> FloorMap::pick(float xPx, float yPx) const {
  // The nearest target within its radius; later targets (people over items) win ties.
  std::optional<Selection> best;
  float bestDistance = 0;
  for (const auto& t : targets_) {
    const float d = std::hypot(t.x - xPx, t.y - yPx);
    if (d > t.r) continue;
    if (!best || d <= bestDistance) {
      best = t.what;
      bestDistance = d;
    }
  }
  return best;
}

}  // namespace irdrill::gui
