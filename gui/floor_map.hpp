// The floor map: the office plan (rooms, walls coloured by material, desks, gateways with
// an indicative radio range), the people where their itineraries put them now, the items
// they carry or left behind, alerts flashing where they fire, and the off-site places
// (train, cafe, home...) as labelled boxes beside the plan. Zoom and pan; click to pick.
//
// A frame: prepare() computes every shape in window pixels during the ImGui frame (and
// adds the labels to an ImGui draw list, so they use the CJK font); drawSfml() draws the
// shapes with SFML under ImGui; pick() answers clicks from the same geometry.
#pragma once

#include <imgui.h>

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "gui/layout.hpp"
#include "gui/ui_state.hpp"
#include "sim/day/office_day.hpp"
#include "sim/exercise/exercise_events.hpp"
#include "sim/scenario/scenario_def.hpp"

namespace irdrill::gui {

struct MapLayers {
  bool rooms = true, walls = true, desks = true, gateways = true, ranges = true;
  bool people = true, items = true, alerts = true, offsite = true, labels = true;
};

// The person colour: the GUI tests look for it in screenshots of the map.
inline const sf::Color kPersonColour(240, 140, 40);

// What the map shows this frame besides the office day itself.
struct MapScene {
  core::TimeUs nowUs = 0;
  ViewMode view = ViewMode::Facilitator;
  std::set<std::string> knownMissingItems;  // "<employee>/<item>": shown where they are to players
  const std::vector<exercise::ExerciseEvent>* events = nullptr;  // for alerts
  double alertWindowS = 120;  // simulated seconds an alert keeps flashing
  double wallTimeS = 0;       // drives the flashing
  std::optional<Selection> selection;
};

class FloorMap {
 public:
  // The scenario must outlive the map.
  explicit FloorMap(const scenario::ScenarioDef& scenario);

  // Indicative range of each gateway, metres: PropagationModel::maxRangeM for the
  // strongest tag of the scenario, the gateway's sensitivity and no fading margin.
  const std::vector<double>& gatewayRangesM() const { return gatewayRangeM_; }
  const std::vector<std::string>& itemIds() const { return itemIds_; }  // "<employee>/<item>"
  double strongestTagTxDbm() const { return strongestTagTxDbm_; }

  void prepare(const Rect& canvas, const day::OfficeDay* day, const MapScene& scene, ImDrawList* labels);
  void drawSfml(sf::RenderTarget& target) const;
  std::optional<Selection> pick(float xPx, float yPx) const;

  // Zoom by `factor` keeping the point under (xPx, yPx) still; pan by pixels; reset.
  void zoomAt(float factor, float xPx, float yPx);
  void panBy(float dxPx, float dyPx);
  void resetView();
  float zoom() const { return zoom_; }

  MapLayers layers;

 private:
  struct Disc { float x, y, r; sf::Color fill; sf::Color outline; float outlinePx; };
  struct Line { float ax, ay, bx, by, widthPx; sf::Color colour; };
  struct Poly { std::vector<sf::Vector2f> points; sf::Color fill; sf::Color outline; };
  struct Target { Selection what; float x, y, r; };

  // World metres of place `place` (0 = office floor) to window pixels.
  sf::Vector2f toScreen(world::Vec2 positionM) const;
  sf::Vector2f offsiteSlot(int box, int slot) const;

  const scenario::ScenarioDef& scenario_;
  std::vector<std::string> itemIds_;
  std::map<std::string, int> itemIndexById_;
  std::map<std::string, int> personIndexById_;
  std::vector<double> gatewayRangeM_;
  double strongestTagTxDbm_ = 0;

  float zoom_ = 1.0f;
  float panXPx_ = 0, panYPx_ = 0;

  // This frame's geometry.
  Rect canvas_;
  float scalePxPerM_ = 1;
  float originXPx_ = 0, originYPx_ = 0;
  double floorDepthM_ = 0;
  std::vector<Rect> offsiteBoxes_;
  std::vector<Poly> polys_;
  std::vector<Line> lines_;
  std::vector<Disc> discs_;
  std::vector<Target> targets_;
};

}  // namespace irdrill::gui
