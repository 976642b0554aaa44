// Translation of SFML 2.5 window events into Dear ImGui 1.86 input state.
#include "imgui_sfml_backend.hpp"

#include <imgui.h>

#include <SFML/Window/Clipboard.hpp>
#include <SFML/Window/Keyboard.hpp>
#include <SFML/Window/Mouse.hpp>

#include <cfloat>
#include <stdexcept>

namespace irdrill::gui {
namespace {

// io.KeysDown is indexed by our "native" key code, which is sf::Keyboard::Key itself.
constexpr int kKeysDownSize = static_cast<int>(sizeof(ImGuiIO::KeysDown) / sizeof(bool));
static_assert(sf::Keyboard::KeyCount <= kKeysDownSize,
              "sf::Keyboard::Key values must fit io.KeysDown");

bool is_tracked_key(sf::Keyboard::Key key) {
  return key >= 0 && key < sf::Keyboard::KeyCount;
}

int mouse_button_index(sf::Mouse::Button button) {
  switch (button) {
    case sf::Mouse::Left: return ImGuiMouseButton_Left;
    case sf::Mouse::Right: return ImGuiMouseButton_Right;
    case sf::Mouse::Middle: return ImGuiMouseButton_Middle;
    case sf::Mouse::XButton1: return 3;
    case sf::Mouse::XButton2: return 4;
    default: return -1;
  }
}

void map_keys(ImGuiIO& io) {
  io.KeyMap[ImGuiKey_Tab] = sf::Keyboard::Tab;
  io.KeyMap[ImGuiKey_LeftArrow] = sf::Keyboard::Left;
  io.KeyMap[ImGuiKey_RightArrow] = sf::Keyboard::Right;
  io.KeyMap[ImGuiKey_UpArrow] = sf::Keyboard::Up;
  io.KeyMap[ImGuiKey_DownArrow] = sf::Keyboard::Down;
  io.KeyMap[ImGuiKey_PageUp] = sf::Keyboard::PageUp;
  io.KeyMap[ImGuiKey_PageDown] = sf::Keyboard::PageDown;
  io.KeyMap[ImGuiKey_Home] = sf::Keyboard::Home;
  io.KeyMap[ImGuiKey_End] = sf::Keyboard::End;
  io.KeyMap[ImGuiKey_Insert] = sf::Keyboard::Insert;
  io.KeyMap[ImGuiKey_Delete] = sf::Keyboard::Delete;
  io.KeyMap[ImGuiKey_Backspace] = sf::Keyboard::Backspace;
  io.KeyMap[ImGuiKey_Space] = sf::Keyboard::Space;
  io.KeyMap[ImGuiKey_Enter] = sf::Keyboard::Enter;
  io.KeyMap[ImGuiKey_Escape] = sf::Keyboard::Escape;
  // SFML 2.5 reports the keypad Enter as the main Enter key, so ImGuiKey_KeyPadEnter
  // keeps its "unmapped" default of -1.
  io.KeyMap[ImGuiKey_A] = sf::Keyboard::A;
  io.KeyMap[ImGuiKey_C] = sf::Keyboard::C;
  io.KeyMap[ImGuiKey_V] = sf::Keyboard::V;
  io.KeyMap[ImGuiKey_X] = sf::Keyboard::X;
  io.KeyMap[ImGuiKey_Y] = sf::Keyboard::Y;
  io.KeyMap[ImGuiKey_Z] = sf::Keyboard::Z;
}

bool either_down(const ImGuiIO& io, sf::Keyboard::Key left, sf::Keyboard::Key right) {
  return io.KeysDown[left] || io.KeysDown[right];
}

}  // namespace

ImGuiSfmlBackend::ImGuiSfmlBackend(const sf::Window& window) : window_(window) {
  if (ImGui::GetCurrentContext() == nullptr) {
    throw std::logic_error("ImGuiSfmlBackend needs a current ImGui context");
  }
  ImGuiIO& io = ImGui::GetIO();
  if (io.BackendPlatformUserData != nullptr) {
    throw std::logic_error("an ImGui platform backend is already installed");
  }
  io.BackendPlatformUserData = this;
  io.BackendPlatformName = "irdrill_sfml";
  map_keys(io);
  io.ClipboardUserData = this;
  io.GetClipboardTextFn = &ImGuiSfmlBackend::get_clipboard_text;
  io.SetClipboardTextFn = &ImGuiSfmlBackend::set_clipboard_text;
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // unknown until the first MouseMoved
}

ImGuiSfmlBackend::~ImGuiSfmlBackend() {
  if (ImGui::GetCurrentContext() == nullptr) return;
  ImGuiIO& io = ImGui::GetIO();
  if (io.BackendPlatformUserData != this) return;
  // Leave no dangling pointers to this object in a context that may outlive it.
  io.BackendPlatformUserData = nullptr;
  io.BackendPlatformName = nullptr;
  io.ClipboardUserData = nullptr;
  io.GetClipboardTextFn = nullptr;
  io.SetClipboardTextFn = nullptr;
}

void ImGuiSfmlBackend::process_event(const sf::Event& event) {
  ImGuiIO& io = ImGui::GetIO();
  switch (event.type) {
    case sf::Event::MouseMoved:
      io.MousePos = ImVec2(static_cast<float>(event.mouseMove.x),
                           static_cast<float>(event.mouseMove.y));
      break;
    case sf::Event::MouseLeft:
      io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
      break;
    case sf::Event::MouseButtonPressed:
    case sf::Event::MouseButtonReleased: {
      const int index = mouse_button_index(event.mouseButton.button);
      if (index < 0) break;
      const bool pressed = event.type == sf::Event::MouseButtonPressed;
      const auto slot = static_cast<std::size_t>(index);
      mouse_held_[slot] = pressed;
      if (pressed) mouse_pressed_[slot] = true;
      break;
    }
    case sf::Event::MouseWheelScrolled:
      // ImGui clears the wheel at the end of each frame, so several events add up.
      if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel) {
        io.MouseWheel += event.mouseWheelScroll.delta;
      } else {
        io.MouseWheelH += event.mouseWheelScroll.delta;
      }
      break;
    case sf::Event::KeyPressed:
    case sf::Event::KeyReleased:
      if (is_tracked_key(event.key.code)) {
        io.KeysDown[event.key.code] = event.type == sf::Event::KeyPressed;
      }
      break;
    case sf::Event::TextEntered:
      // Control characters (backspace, enter, tab, delete) already reach ImGui as keys;
      // passing them as text too would make them act twice.
      if (event.text.unicode >= 0x20 && event.text.unicode != 0x7F) {
        io.AddInputCharacter(event.text.unicode);
      }
      break;
    case sf::Event::LostFocus:
      // Key releases that happen while unfocused never arrive; ImGui drops held keys.
      io.AddFocusEvent(false);
      mouse_held_.fill(false);
      mouse_pressed_.fill(false);
      break;
    case sf::Event::GainedFocus:
      io.AddFocusEvent(true);
      break;
    default:
      // Resized needs nothing here: new_frame() reads the size every frame.
      break;
  }
}

void ImGuiSfmlBackend::new_frame(sf::Time elapsed) {
  ImGuiIO& io = ImGui::GetIO();

  const sf::Vector2u size = window_.getSize();
  io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);  // SFML 2.5 has no HiDPI scaling

  // ImGui asserts on a zero time step, which a microsecond clock can report between two
  // very fast frames (and the first frame has no previous one).
  const float seconds = elapsed.asSeconds();
  io.DeltaTime = seconds > 0.0f ? seconds : 1.0f / 60.0f;

  for (std::size_t i = 0; i < mouse_held_.size(); ++i) {
    io.MouseDown[i] = mouse_pressed_[i] || mouse_held_[i];
    mouse_pressed_[i] = false;
  }

  io.KeyCtrl = either_down(io, sf::Keyboard::LControl, sf::Keyboard::RControl);
  io.KeyShift = either_down(io, sf::Keyboard::LShift, sf::Keyboard::RShift);
  io.KeyAlt = either_down(io, sf::Keyboard::LAlt, sf::Keyboard::RAlt);
  io.KeySuper = either_down(io, sf::Keyboard::LSystem, sf::Keyboard::RSystem);
}

const char* ImGuiSfmlBackend::get_clipboard_text(void* user_data) {
  auto* const self = static_cast<ImGuiSfmlBackend*>(user_data);
  const auto utf8 = sf::Clipboard::getString().toUtf8();
  self->clipboard_utf8_.assign(utf8.begin(), utf8.end());
  return self->clipboard_utf8_.c_str();
}

void ImGuiSfmlBackend::set_clipboard_text(void* /*user_data*/, const char* text) {
  sf::Clipboard::setString(sf::String::fromUtf8(text, text + std::char_traits<char>::length(text)));
}

}  // namespace irdrill::gui
