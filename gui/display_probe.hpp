// Checks that an X display can be reached before SFML is asked to open a window: SFML 2.5
// calls std::abort() when it cannot connect, which would hide our "cannot open window"
// exit code behind a crash.
#pragma once

#include <optional>
#include <string>

namespace irdrill::gui {

// Returns why no window can be opened, or nothing when the display answers.
std::optional<std::string> display_unavailable_reason();

}  // namespace irdrill::gui
