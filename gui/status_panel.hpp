// The "irdrill" ImGui panel: build information and the simulation clock.
#pragma once

#include <cstdint>
#include <string_view>

namespace irdrill::gui {

struct StatusPanelModel {
  std::string_view version;
  std::uint64_t frame = 0;
};

// Must be called between ImGui::NewFrame() and ImGui::Render().
void draw_status_panel(const StatusPanelModel& model);

}  // namespace irdrill::gui
