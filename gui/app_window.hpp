// The GUI's main window: owns the SFML window, the ImGui context with its platform and
// renderer backends, and draws one frame of floor plan plus status panel at a time.
#pragma once

#include "floor_plan_view.hpp"
#include "imgui_sfml_backend.hpp"

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Clock.hpp>

#include <cstdint>
#include <stdexcept>

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
  AppWindow();
  ~AppWindow() = default;

  AppWindow(const AppWindow&) = delete;
  AppWindow& operator=(const AppWindow&) = delete;

  // Handles pending window events. Returns false once the user has closed the window.
  bool poll_events();

  // Draws the next frame into the back buffer without showing it, so a caller can
  // capture it before present().
  void render_frame();
  void present();

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

  sf::RenderWindow window_;
  ImGuiContextGuard imgui_context_;
  ImGuiSfmlBackend platform_;
  OpenGl2RendererGuard renderer_;
  FloorPlanView floor_plan_;
  sf::Clock frame_clock_;
  std::uint64_t frames_drawn_ = 0;
};

}  // namespace irdrill::gui
