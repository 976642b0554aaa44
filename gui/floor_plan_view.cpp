// Placeholder floor plan drawing: proves the SFML side of the frame renders under the
// ImGui overlay. Coordinates are in window pixels of the default 1280x800 layout.
#include "floor_plan_view.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>

namespace irdrill::gui {
namespace {

const sf::Color kWallColour(200, 205, 215);
const sf::Color kPersonColour(240, 140, 40);

// The plan stays left of x = 900 so the status panel on the right does not cover it.
constexpr float kPlanLeft = 40.0f;
constexpr float kPlanTop = 40.0f;
constexpr float kPlanWidth = 840.0f;
constexpr float kPlanHeight = 720.0f;
constexpr float kWallThickness = 4.0f;

sf::RectangleShape wall(sf::Vector2f position, sf::Vector2f size) {
  sf::RectangleShape shape(size);
  shape.setPosition(position);
  shape.setFillColor(kWallColour);
  return shape;
}

}  // namespace

void FloorPlanView::draw(sf::RenderTarget& target) const {
  sf::RectangleShape outline({kPlanWidth, kPlanHeight});
  outline.setPosition(kPlanLeft, kPlanTop);
  outline.setFillColor(sf::Color::Transparent);
  outline.setOutlineColor(kWallColour);
  // A negative thickness grows the outline inwards, keeping the plan inside its box.
  outline.setOutlineThickness(-kWallThickness);
  target.draw(outline);

  // Interior walls with a gap left as a doorway into each room.
  const float split_x = kPlanLeft + kPlanWidth * 0.55f;
  const float split_y = kPlanTop + kPlanHeight * 0.5f;
  const float door = 70.0f;
  target.draw(wall({split_x, kPlanTop}, {kWallThickness, split_y - kPlanTop - door}));
  target.draw(wall({split_x, split_y}, {kWallThickness, kPlanTop + kPlanHeight - split_y}));
  target.draw(wall({kPlanLeft, split_y}, {split_x - kPlanLeft - door, kWallThickness}));

  constexpr float kPersonRadius = 12.0f;
  sf::CircleShape person(kPersonRadius);
  person.setOrigin(kPersonRadius, kPersonRadius);
  person.setPosition(kPlanLeft + kPlanWidth * 0.3f, kPlanTop + kPlanHeight * 0.3f);
  person.setFillColor(kPersonColour);
  target.draw(person);
}

}  // namespace irdrill::gui
