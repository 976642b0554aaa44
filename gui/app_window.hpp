// The GUI's platform: the SFML window, the ImGui context with its platform and renderer
// backends, and the fonts. One frame is beginFrame() ... ImGui calls ... endFrame(), which
// draws the SFML layer (the floor map) first and ImGui on top; present() shows it.
#pragma once

#include "fonts.hpp"
#include "imgui_sfml_backend.hpp"

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Clock.hpp>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace irdrill::gui {

// Thrown when no usable window (or OpenGL context) can be created.
class WindowOpenError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class AppWindow {
 public:
  // Throws WindowOpenError. Only one AppWindow may exist at a time: ImGui keeps the
  // current context in a global.
  AppWindow(unsigned widthPx, unsigned heightPx, float uiScale);
  ~AppWindow() = default;

  AppWindow(const AppWindow&) = delete;
  AppWindow& operator=(const AppWindow&) = delete;

  // Takes the window's pending events. With `feedInput` they reach ImGui and `onEvent`;
  // without it (a --play script drives the input) only closing and resizing are handled.
  // Returns false once the window has been closed.
  bool pollEvents(bool feedInput, const std::function<void(const sf::Event&)>& onEvent);
  // A synthetic input event (from a --play script), handled as if the window sent it.
  void feedEvent(const sf::Event& event);

  // Rebuilds the font atlas for these texts (Japanese range + every character in them).
  // Call between frames, never between beginFrame and endFrame.
  void loadFonts(const std::vector<std::string>& texts);
  const FontSetup& fonts() const { return fonts_; }
  float uiScale() const { return uiScale_; }
  void setUiScale(float uiScale);

  // Frame time since the last beginFrame, seconds.
  double beginFrame();
  // Draws the frame into the back buffer without showing it, so a caller can capture it
  // before present(). `drawSfml` draws under ImGui (the map).
  void endFrame(const std::function<void(sf::RenderTarget&)>& drawSfml);
  void present();

  sf::RenderWindow& window() { return window_; }
  const sf::RenderWindow& window() const { return window_; }

 private:
  // Each guard undoes its own setup; member order below makes them tear down in reverse:
  // the GL renderer while the window's GL context is still alive, the context last.
  class ImGuiContextGuard {
   public:
    ImGuiContextGuard();
    ~ImGuiContextGuard();
    ImGuiContextGuard(const ImGuiContextGuard&) = delete;
    ImGuiContextGuard& operator=(const ImGuiContextGuard&) = delete;
  };
  class OpenGl2RendererGuard {
   public:
    OpenGl2RendererGuard();
    ~OpenGl2RendererGuard();
    OpenGl2RendererGuard(const OpenGl2RendererGuard&) = delete;
    OpenGl2RendererGuard& operator=(const OpenGl2RendererGuard&) = delete;
  };

  // Throws unless the window opened with a current GL context. Runs in the initialiser
  // list so that nothing GL-related is set up for a window that failed.
  static sf::RenderWindow& checked(sf::RenderWindow& window);
  void handleWindowEvent(const sf::Event& event);
  void applyStyle();

  sf::RenderWindow window_;
  ImGuiContextGuard imgui_context_;
  ImGuiSfmlBackend platform_;
  OpenGl2RendererGuard renderer_;
  FontSetup fonts_;  // owns the glyph ranges the atlas points into: lives as long as the font
  std::vector<std::string> fontTexts_;
  float uiScale_ = 1.0f;
  sf::Clock frame_clock_;
};

}  // namespace irdrill::gui
