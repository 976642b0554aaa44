// Window, ImGui lifetime and the per-frame draw order of the GUI.
#include "app_window.hpp"

#include "status_panel.hpp"

#include <imgui.h>
#include <backends/imgui_impl_opengl2.h>

#include <SFML/Graphics/View.hpp>
#include <SFML/Window/Event.hpp>
#include <SFML/Window/VideoMode.hpp>

// Normally set by gui/CMakeLists.txt from the project version.
#ifndef IRDRILL_VERSION
#define IRDRILL_VERSION "unknown"
#endif

namespace irdrill::gui {
namespace {

constexpr unsigned kDefaultWidth = 1280;
constexpr unsigned kDefaultHeight = 800;
const sf::Color kBackground(24, 28, 36);

}  // namespace

AppWindow::ImGuiContextGuard::ImGuiContextGuard() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  // An imgui.ini in whatever directory the GUI runs from would make layout depend on
  // past sessions (and litter test build trees).
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::StyleColorsDark();
}

AppWindow::ImGuiContextGuard::~ImGuiContextGuard() { ImGui::DestroyContext(); }

AppWindow::OpenGl2RendererGuard::OpenGl2RendererGuard() {
  if (!ImGui_ImplOpenGL2_Init()) {
    throw WindowOpenError("the ImGui OpenGL2 renderer failed to initialise");
  }
}

AppWindow::OpenGl2RendererGuard::~OpenGl2RendererGuard() { ImGui_ImplOpenGL2_Shutdown(); }

sf::RenderWindow& AppWindow::checked(sf::RenderWindow& window) {
  if (!window.isOpen()) {
    throw WindowOpenError("SFML could not create the window");
  }
  if (!window.setActive(true)) {
    throw WindowOpenError("cannot make the window's OpenGL context current");
  }
  return window;
}

AppWindow::AppWindow()
    : window_(sf::VideoMode(kDefaultWidth, kDefaultHeight), "irdrill",
              sf::Style::Default),
      imgui_context_(),
      platform_(checked(window_)),
      renderer_() {
  window_.setFramerateLimit(60);
}

bool AppWindow::poll_events() {
  sf::Event event;
  while (window_.pollEvent(event)) {
    platform_.process_event(event);
    if (event.type == sf::Event::Closed) {
      window_.close();
      return false;
    }
    if (event.type == sf::Event::Resized) {
      // Keep one world unit per pixel instead of stretching the plan to the new size.
      const sf::FloatRect visible(0.0f, 0.0f, static_cast<float>(event.size.width),
                                  static_cast<float>(event.size.height));
      window_.setView(sf::View(visible));
    }
  }
  return window_.isOpen();
}

void AppWindow::render_frame() {
  platform_.new_frame(frame_clock_.restart());
  ImGui_ImplOpenGL2_NewFrame();
  ImGui::NewFrame();
  ++frames_drawn_;
  draw_status_panel({.version = IRDRILL_VERSION, .frame = frames_drawn_});
  ImGui::Render();

  window_.clear(kBackground);
  // The ImGui renderer changes GL state behind SFML's state cache; resetting makes SFML
  // set everything it relies on again before it draws.
  window_.resetGLStates();
  floor_plan_.draw(window_);
  // And the other way round: SFML may leave a texture matrix, shader or buffer bound
  // that the fixed-function ImGui renderer does not expect.
  window_.resetGLStates();
  ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
}

void AppWindow::present() { window_.display(); }

}  // namespace irdrill::gui
