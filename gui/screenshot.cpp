// Window capture for --screenshot, with write-to-temp-then-rename.
#include "screenshot.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/Texture.hpp>

#include <unistd.h>

#include <system_error>

namespace irdrill::gui {
namespace {

// Same directory as the target so the rename cannot cross file systems; the pid keeps
// two concurrent runs apart; the .png ending is what makes SFML choose the PNG encoder.
std::filesystem::path temp_path_for(const std::filesystem::path& target) {
  std::string name = ".";
  name += target.filename().string();
  name += ".tmp-";
  name += std::to_string(::getpid());
  name += ".png";
  return target.parent_path() / name;
}

}  // namespace

std::optional<std::string> save_window_png(const sf::RenderWindow& window,
                                           const std::filesystem::path& target) {
  const sf::Vector2u size = window.getSize();
  sf::Texture texture;
  if (!texture.create(size.x, size.y)) {
    return "cannot create a " + std::to_string(size.x) + "x" + std::to_string(size.y) +
           " texture to capture the window";
  }
  texture.update(window);
  const sf::Image image = texture.copyToImage();

  const std::filesystem::path temp = temp_path_for(target);
  std::error_code ignored;
  if (!image.saveToFile(temp.string())) {
    std::filesystem::remove(temp, ignored);  // the encoder may have written part of it
    return "cannot write '" + target.string() + "' (does its directory exist and is it writable?)";
  }
  std::error_code ec;
  std::filesystem::rename(temp, target, ec);
  if (ec) {
    std::filesystem::remove(temp, ignored);
    return "cannot move the screenshot into place at '" + target.string() + "': " + ec.message();
  }
  return std::nullopt;
}

}  // namespace irdrill::gui
