// Window and item rectangles for --ui-dump (see ui_dump.hpp).
#include "ui_dump.hpp"

#include <imgui.h>

#include <nlohmann/json.hpp>

namespace irdrill::gui {
namespace {

void upsert(std::vector<std::pair<std::string, Rect>>& list, const std::string& name, const Rect& rect) {
  for (auto& entry : list) {
    if (entry.first == name) {
      entry.second = rect;
      return;
    }
  }
  list.emplace_back(name, rect);
}

nlohmann::ordered_json toJsonObject(const std::vector<std::pair<std::string, Rect>>& list) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& [name, r] : list) out[name] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}};
  return out;
}

UiDump* current() {
  if (ImGui::GetCurrentContext() == nullptr) return nullptr;
  return static_cast<UiDump*>(ImGui::GetIO().UserData);
}

}  // namespace

void UiDump::noteWindow(const std::string& name, const Rect& rect) { upsert(windows_, name, rect); }
void UiDump::noteItem(const std::string& name, const Rect& rect) { upsert(items_, name, rect); }

std::string UiDump::toJson() const {
  nlohmann::ordered_json out;
  out["windows"] = toJsonObject(windows_);
  out["items"] = toJsonObject(items_);
  return out.dump(2) + "\n";
}

void noteItemForDump(const char* name) {
  if (UiDump* dump = current()) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    dump->noteItem(name, Rect{min.x, min.y, max.x - min.x, max.y - min.y});
  }
}

void noteWindowForDump(const char* name) {
  if (UiDump* dump = current()) {
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    dump->noteWindow(name, Rect{pos.x, pos.y, size.x, size.y});
  }
}

}  // namespace irdrill::gui
