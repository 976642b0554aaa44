// Saves the window's current back buffer as a PNG file.
#pragma once

#include <SFML/Graphics/RenderWindow.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace irdrill::gui {

// Call after the frame is drawn and before display(): the back buffer is what gets saved,
// and its contents are undefined once the buffers are swapped.
// The image is written to a temporary file beside `target` and renamed over it, so
// `target` is either the complete new picture or untouched. Returns an error message on
// failure.
std::optional<std::string> save_window_png(const sf::RenderWindow& window,
                                           const std::filesystem::path& target);

}  // namespace irdrill::gui
