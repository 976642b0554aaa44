// Our own Dear ImGui platform backend for SFML 2.5. It feeds ImGuiIO the 1.86 way
// (io.KeyMap / io.KeysDown, io.MouseDown, AddInputCharacter) from sf::Event, plus the
// display size and frame time. Drawing is left to ImGui_ImplOpenGL2 from libimgui.a.
#pragma once

#include <SFML/System/Time.hpp>
#include <SFML/Window/Event.hpp>
#include <SFML/Window/Window.hpp>

#include <array>
#include <string>

namespace irdrill::gui {

class ImGuiSfmlBackend {
 public:
  // Needs a current ImGui context and installs itself as its platform backend; only one
  // backend may be installed per context. The window must outlive the backend.
  explicit ImGuiSfmlBackend(const sf::Window& window);
  ~ImGuiSfmlBackend();

  ImGuiSfmlBackend(const ImGuiSfmlBackend&) = delete;
  ImGuiSfmlBackend& operator=(const ImGuiSfmlBackend&) = delete;

  // Call for every event of the window, whether or not ImGui ends up wanting it.
  void process_event(const sf::Event& event);

  // Call once per frame before ImGui::NewFrame(), with the time since the last call.
  void new_frame(sf::Time elapsed);

 private:
  static constexpr int kMouseButtons = 5;  // ImGuiMouseButton_COUNT in 1.86

  static const char* get_clipboard_text(void* user_data);
  static void set_clipboard_text(void* user_data, const char* text);

  const sf::Window& window_;
  // A press and its release can both arrive within one frame; latching the press makes
  // ImGui still see the button down for that frame, so quick clicks are not lost.
  std::array<bool, kMouseButtons> mouse_pressed_{};
  std::array<bool, kMouseButtons> mouse_held_{};
  // ImGui keeps the pointer returned by the clipboard getter until the next call.
  std::string clipboard_utf8_;
};

}  // namespace irdrill::gui
