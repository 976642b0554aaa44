// The GUI font's glyph ranges: every character of every catalogue string (both languages)
// and of the bundled scenarios' Japanese texts has a glyph of its own in the atlas, so
// nothing shows as ImGui's fallback '?'. Built headless (no window, no renderer).
#include <catch2/catch.hpp>

#include <imgui.h>

#include <filesystem>
#include <string>
#include <vector>

#include "gui/fonts.hpp"
#include "gui/view_model/scenario_texts.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/text/catalogue.hpp"

namespace irdrill::gui {
namespace {

// Code points of UTF-8 text (the catalogue test checks the encoding is valid).
std::vector<unsigned> codePoints(const std::string& text) {
  std::vector<unsigned> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    unsigned c = length == 1 ? lead : lead & (0x7Fu >> length);
    for (int k = 1; k < length && i + k < text.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    out.push_back(c);
    i += static_cast<std::size_t>(length);
  }
  return out;
}

// The characters of `texts` the font has no glyph for (ImGui would draw its fallback).
std::string missingGlyphs(const ImFont& font, const std::vector<std::string>& texts) {
  std::string missing;
  for (const std::string& text : texts) {
    for (const unsigned c : codePoints(text)) {
      if (c < 0x20 || c == 0x3000) continue;  // control characters and the ideographic space are not drawn
      if (font.FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) {
        missing += "U+" + std::to_string(c) + " in \"" + text + "\"\n";
      }
    }
  }
  return missing;
}

std::vector<std::string> bundledJapaneseTexts() {
  std::vector<std::string> texts;
  const std::filesystem::path dir = std::filesystem::path(IRDRILL_SOURCE_DIR) / "scenarios";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    const scenario::LoadResult loaded = scenario::loadScenarioFile(entry.path().string());
    REQUIRE(loaded.scenario);
    for (auto& text : view_model::japaneseScenarioTexts(*loaded.scenario)) texts.push_back(std::move(text));
  }
  return texts;
}

struct Atlas {
  Atlas() { ImGui::CreateContext(); }
  ~Atlas() { ImGui::DestroyContext(); }
  ImFontAtlas atlas;
  FontSetup setup;
};

}  // namespace

TEST_CASE("Every catalogue and bundled-scenario character has a glyph in the GUI font") {
  Atlas a;
  const std::vector<std::string> scenarioTexts = bundledJapaneseTexts();
  REQUIRE(scenarioTexts.size() > 20);  // the bundled procedures carry Japanese titles
  setUpFonts(a.atlas, 16.0f, scenarioTexts, a.setup);
  INFO(a.setup.warning);
  REQUIRE(a.setup.cjk);  // fonts-noto-cjk is a dependency (tools/install-deps.sh)
  REQUIRE(a.atlas.Build());
  const ImFont& font = *a.atlas.Fonts[0];

  std::vector<std::string> catalogueTexts;
  for (const text::Entry& entry : text::allEntries()) {
    catalogueTexts.push_back(entry.english);
    catalogueTexts.push_back(entry.japanese);
  }
  CHECK(missingGlyphs(font, catalogueTexts).empty());
  CHECK(missingGlyphs(font, scenarioTexts).empty());
}

TEST_CASE("A kanji outside ImGui's Japanese range gets a glyph only when a text carries it") {
  // ImGui's Japanese range holds the 2999 common kanji; the first CJK ideograph it leaves
  // out shows that the check above can fail, and that the texts passed in add it.
  std::string rare;
  {
    Atlas a;
    setUpFonts(a.atlas, 16.0f, {}, a.setup);
    REQUIRE(a.setup.cjk);
    REQUIRE(a.atlas.Build());
    for (unsigned c = 0x4E00; c <= 0x9FFF && rare.empty(); ++c) {
      if (a.atlas.Fonts[0]->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr) continue;
      rare = {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
              static_cast<char>(0x80 | (c & 0x3F))};
    }
    REQUIRE_FALSE(rare.empty());
    CHECK_FALSE(missingGlyphs(*a.atlas.Fonts[0], {rare}).empty());
  }
  Atlas a;
  setUpFonts(a.atlas, 16.0f, {"今日は" + rare}, a.setup);
  REQUIRE(a.atlas.Build());
  CHECK(missingGlyphs(*a.atlas.Fonts[0], {rare}).empty());
}

}  // namespace irdrill::gui
