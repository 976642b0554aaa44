// Xlib probe behind display_unavailable_reason(); kept apart so only this file sees Xlib's
// macros (None, Status, ...), which clash with names used elsewhere.
#include "display_probe.hpp"

#include <X11/Xlib.h>

#include <cstdlib>

namespace irdrill::gui {

std::optional<std::string> display_unavailable_reason() {
  const char* const name = std::getenv("DISPLAY");
  if (name == nullptr || *name == '\0') {
    return std::string("DISPLAY is not set (run under an X server, e.g. xvfb-run)");
  }
  Display* const display = XOpenDisplay(name);
  if (display == nullptr) {
    return "cannot connect to X display '" + std::string(name) + "'";
  }
  XCloseDisplay(display);
  return std::nullopt;
}

}  // namespace irdrill::gui
