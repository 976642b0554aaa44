// The scenario picker window (see scenario_picker.hpp).
#include "scenario_picker.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <charconv>
#include <system_error>

#include "sim/scenario/scenario_loader.hpp"
#include "top_bar.hpp"
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
      b.nameJa = loaded.scenario->nameJa;
      b.descriptionJa = loaded.scenario->descriptionJa;
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
  const text::Language lang = state.language;
  const std::string title = text::trId(lang, "gui.picker.title");
  if (ImGui::Begin(title.c_str(), nullptr,
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
    drawLanguageSwitch(state.language);
    ImGui::TextWrapped("%s", text::tr(lang, "gui.picker.intro"));
    ImGui::Spacing();
    ImGui::TextUnformatted(text::tr(lang, "gui.picker.seed"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120);
    ImGui::InputTextWithHint("##seed", text::tr(lang, "gui.picker.seed_default"), &state.seedText, ImGuiInputTextFlags_CharsDecimal);
    ImGui::Separator();
    ImGui::TextUnformatted(text::tr(lang, "gui.picker.bundled"));
    if (state.bundled.empty()) ImGui::TextDisabled("%s", text::tr(lang, "gui.picker.none_found"));
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
          ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.5f, 1.0f), "%s",
                             text::trf(lang, b.errors == 1 ? "gui.picker.does_not_load_one" : "gui.picker.does_not_load",
                                       {{"count", std::to_string(b.errors)}})
                                 .c_str());
        } else {
          ImGui::TextUnformatted(text::localized(lang, b.name, b.nameJa).c_str());
          const std::string& description = text::localized(lang, b.description, b.descriptionJa);
          if (!description.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", description.c_str());
            ImGui::PopStyleColor();
          }
        }
      }
      ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::TextUnformatted(text::tr(lang, "gui.picker.open_file"));
    ImGui::SetNextItemWidth(width - 200);
    const bool entered = ImGui::InputTextWithHint("##path", text::tr(lang, "gui.picker.path_hint"), &state.path,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    noteItemForDump("open_path");
    ImGui::SameLine();
    if ((ImGui::Button(text::trId(lang, "gui.picker.open").c_str()) || entered) && !state.path.empty()) {
      const fs::path path(state.path);
      const bool session = path.extension() == ".json";
      request = PickerRequest{session ? PickerRequest::Kind::Session : PickerRequest::Kind::Scenario, path, seed()};
    }
    noteItemForDump("open");
    if (!state.messages.empty()) {
      ImGui::Separator();
      ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.5f, 1.0f), "%s", text::tr(lang, "gui.picker.did_not_open"));
      ImGui::BeginChild("##messages", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
      for (const auto& message : state.messages) ImGui::TextUnformatted(message.c_str());
      ImGui::EndChild();
    }
  }
  ImGui::End();
  return request;
}

}  // namespace irdrill::gui
