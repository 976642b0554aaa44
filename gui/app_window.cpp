// Window, ImGui lifetime, fonts and the draw order of one frame (SFML map under ImGui).
#include "app_window.hpp"

#include <imgui.h>
#include <backends/imgui_impl_opengl2.h>

#include <SFML/Graphics/View.hpp>
#include <SFML/Window/Event.hpp>
#include <SFML/Window/VideoMode.hpp>

#include <iostream>

namespace irdrill::gui {
namespace {

const sf::Color kBackground(24, 28, 36);
constexpr float kBaseFontPx = 16.0f;

}  // namespace

AppWindow::ImGuiContextGuard::ImGuiContextGuard() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  // An imgui.ini in whatever directory the GUI runs from would make layout depend on
  // past sessions (and litter test build trees); the layout is computed every frame.
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::GetIO().LogFilename = nullptr;
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

AppWindow::AppWindow(unsigned widthPx, unsigned heightPx, float uiScale)
    : window_(sf::VideoMode(widthPx, heightPx), "irdrill", sf::Style::Default),
      imgui_context_(),
      platform_(checked(window_)),
      renderer_(),
      uiScale_(uiScale) {
  window_.setFramerateLimit(60);
  applyStyle();
  loadFonts({});
}

void AppWindow::applyStyle() {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 0.0f;  // tiled windows, edge to edge
  style.WindowBorderSize = 1.0f;
  style.ScaleAllSizes(uiScale_);
}

void AppWindow::setUiScale(float uiScale) {
  if (uiScale == uiScale_) return;
  uiScale_ = uiScale;
  applyStyle();
  loadFonts(fontTexts_);
}

void AppWindow::loadFonts(const std::vector<std::string>& texts) {
  fontTexts_ = texts;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // Field by field: ImVector has no move, and copying an empty one is memcpy(null, null, 0).
  fonts_.glyphRanges.clear();
  fonts_.cjk = false;
  fonts_.warning.clear();
  setUpFonts(*io.Fonts, kBaseFontPx * uiScale_, texts, fonts_);
  if (!fonts_.warning.empty()) std::cerr << "irdrill-gui: warning: " << fonts_.warning << '\n';
  // The renderer uploads the atlas again on its next NewFrame.
  ImGui_ImplOpenGL2_DestroyFontsTexture();
}

void AppWindow::handleWindowEvent(const sf::Event& event) {
  if (event.type == sf::Event::Closed) {
    window_.close();
  } else if (event.type == sf::Event::Resized) {
    // Keep one world unit per pixel instead of stretching the picture to the new size.
    const sf::FloatRect visible(0.0f, 0.0f, static_cast<float>(event.size.width),
                                static_cast<float>(event.size.height));
    window_.setView(sf::View(visible));
  }
}

bool AppWindow::pollEvents(bool feedInput, const std::function<void(const sf::Event&)>& onEvent) {
  sf::Event event;
  while (window_.pollEvent(event)) {
    handleWindowEvent(event);
    if (feedInput || event.type == sf::Event::Resized || event.type == sf::Event::LostFocus ||
        event.type == sf::Event::GainedFocus) {
      platform_.process_event(event);
      if (onEvent) onEvent(event);
    }
  }
  return window_.isOpen();
}

void AppWindow::feedEvent(const sf::Event& event) { platform_.process_event(event); }

double AppWindow::beginFrame() {
  const sf::Time elapsed = frame_clock_.restart();
  platform_.new_frame(elapsed);
  ImGui_ImplOpenGL2_NewFrame();
  ImGui::NewFrame();
  return elapsed.asSeconds();
}

void AppWindow::endFrame(const std::function<void(sf::RenderTarget&)>& drawSfml) {
  ImGui::Render();
  window_.clear(kBackground);
  // The ImGui renderer changes GL state behind SFML's state cache; resetting makes SFML
  // set everything it relies on again before it draws.
  window_.resetGLStates();
  if (drawSfml) drawSfml(window_);
  // And the other way round: SFML may leave a texture matrix, shader or buffer bound
  // that the fixed-function ImGui renderer does not expect.
  window_.resetGLStates();
  ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
}

void AppWindow::present() { window_.display(); }

}  // namespace irdrill::gui
