// Draws the office floor plan with SFML. For now a fixed placeholder layout (outer walls,
// two rooms, one person) until the simulation's scenario geometry is wired in.
#pragma once

#include <SFML/Graphics/RenderTarget.hpp>

namespace irdrill::gui {

class FloorPlanView {
 public:
  void draw(sf::RenderTarget& target) const;
};

}  // namespace irdrill::gui
