// The scenario picker window (see scenario_picker.hpp).
#include "scenario_picker.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <charconv>
#include <system_error>

#include "sim/scenario/scenario_loader.hpp"
#include "ui_dump.hpp"

namespace irdrill::gui {
namespace fs = std::filesystem;

std::vector<fs::path> findBundledScenarios(const std::vector<fs::path>& roots) {
  std::vector<fs::path> found;
  for (const auto& root : roots) {
    std::error_code ec;
    const fs::path dir = root / "scenarios";
    if (!fs::is_directory(dir, ec)) continue;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.is_regular_file(ec) && entry.path().extension() == ".yaml") found.push_back(entry.path());
    }
  }
  std::sort(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
    return a.filename() != b.filename() ? a.filename() < b.filename() : a < b;
  });
  // The same file reached from two roots (the source tree is the working directory) once.
  found.erase(std::unique(found.begin(), found.end(),
                          [](const fs::path& a, const fs::path& b) {
                            std::error_code ec;
                            return fs::equivalent(a, b, ec);
                          }),
              found.end());
  return found;
}

std::vector<BundledScenario> describeScenarios(const std::vector<fs::path>& paths) {
  std::vector<BundledScenario> out;
  for (const auto& path : paths) {
    BundledScenario b;
    b.path = path;
    const scenario::LoadResult loaded = scenario::loadScenarioFile(path.string());
    if (loaded.scenario) {
      b.name = loaded.scenario->name;
      b.description = loaded.scenario->description;
    } else {
      for (const auto& d : loaded.diagnostics.items()) b.errors += d.severity == core::Severity::Error ? 1 : 0;
    }
    out.push_back(std::move(b));
  }
  return out;
}

std::optional<PickerRequest> drawScenarioPicker(const Rect& area, PickerState& state) {
  std::optional<PickerRequest> request;
  const float width = std::min(area.w - 40, 760.0f * ImGui::GetFontSize() / 16.0f);
  ImGui::SetNextWindowPos(ImVec2(area.x + (area.w - width) / 2, area.y + 30));
  ImGui::SetNextWindowSize(ImVec2(width, area.h - 60));
  if (ImGui::Begin("Open a scenario", nullptr,
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                       ImGuiWindowFlags_NoSavedSettings)) {
    noteWindowForDump("picker");
    auto seed = [&]() -> std::optional<std::uint64_t> {
      std::uint64_t value = 0;
      const auto [ptr, ec] = std::from_chars(state.seedText.data(), state.seedText.data() + state.seedText.size(), value);
      if (state.seedText.empty() || ec != std::errc{} || ptr != state.seedText.data() + state.seedText.size()) {
        return std::nullopt;
      }
      return value;
    };
    ImGui::TextWrapped("Pick a bundled scenario, or type the path of a scenario (.yaml) or a saved session (.json).");
    ImGui::Spacing();
    ImGui::TextUnformatted("Seed");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120);
    ImGui::InputTextWithHint("##seed", "default", &state.seedText, ImGuiInputTextFlags_CharsDecimal);
    ImGui::Separator();
    ImGui::TextUnformatted("Bundled scenarios");
    if (state.bundled.empty()) ImGui::TextDisabled("(no scenarios/ folder found here or in the source tree)");
    if (!state.bundled.empty() &&
        ImGui::BeginTable("##bundled", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
      ImGui::TableSetupColumn("file", ImGuiTableColumnFlags_WidthFixed, 220.0f * ImGui::GetFontSize() / 16.0f);
      ImGui::TableSetupColumn("scenario", ImGuiTableColumnFlags_WidthStretch);
      for (const auto& b : state.bundled) {
        const std::string file = b.path.filename().string();
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        // One click opens it: the whole row is the target.
        if (ImGui::Selectable(file.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
          request = PickerRequest{PickerRequest::Kind::Scenario, b.path, seed()};
        }
        noteItemForDump(("scenario:" + file).c_str());
        ImGui::TableNextColumn();
        if (b.errors > 0) {
          ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.5f, 1.0f), "does not load (%d error%s): open it to see them",
                             b.errors, b.errors == 1 ? "" : "s");
        } else {
          ImGui::TextUnformatted(b.name.c_str());
          if (!b.description.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", b.description.c_str());
            ImGui::PopStyleColor();
          }
        }
      }
      ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::TextUnformatted("Open file");
    ImGui::SetNextItemWidth(width - 200);
    const bool entered = ImGui::InputTextWithHint("##path", "scenario.yaml or session.json", &state.path,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    noteItemForDump("open_path");
    ImGui::SameLine();
    if ((ImGui::Button("Open") || entered) && !state.path.empty()) {
      const fs::path path(state.path);
      const bool session = path.extension() == ".json";
      request = PickerRequest{session ? PickerRequest::Kind::Session : PickerRequest::Kind::Scenario, path, seed()};
    }
    noteItemForDump("open");
    if (!state.messages.empty()) {
      ImGui::Separator();
      ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.5f, 1.0f), "It did not open:");
      ImGui::BeginChild("##messages", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
      for (const auto& message : state.messages) ImGui::TextUnformatted(message.c_str());
      ImGui::EndChild();
    }
  }
  ImGui::End();
  return request;
}

}  // namespace irdrill::gui
