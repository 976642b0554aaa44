// --ui-dump: the rectangles of the main windows and of named buttons, as JSON, so --play
// scripts (and their tests) can find click targets without guessing pixels. Also a
// renderer-independent record of the layout.
//
// The shell installs one UiDump as ImGui's io.UserData for the frame; any code drawing a
// widget may then call noteItemForDump("name") right after it to record its rectangle.
#pragma once

#include <string>
#include <vector>

#include "gui/layout.hpp"

namespace irdrill::gui {

class UiDump {
 public:
  void clear() { windows_.clear(); items_.clear(); }
  void noteWindow(const std::string& name, const Rect& rect);
  void noteItem(const std::string& name, const Rect& rect);
  // {"windows":{"map":{"x":..,"y":..,"w":..,"h":..},...},"items":{...}}; a name noted
  // twice keeps its last rectangle.
  std::string toJson() const;

 private:
  std::vector<std::pair<std::string, Rect>> windows_, items_;
};

// Records the last ImGui item under `name` in the frame's UiDump (a no-op without one).
void noteItemForDump(const char* name);
// Records the current ImGui window under `name`.
void noteWindowForDump(const char* name);

}  // namespace irdrill::gui
