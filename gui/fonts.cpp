// Glyph ranges and the CJK font (see fonts.hpp).
#include "fonts.hpp"

#include <filesystem>

#include "sim/text/catalogue.hpp"

namespace irdrill::gui {

void setUpFonts(ImFontAtlas& atlas, float sizePx, const std::vector<std::string>& texts, FontSetup& setup) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(kCjkFontPath, ec)) {
    setup.warning = std::string("the Japanese font ") + kCjkFontPath +
                    " is missing (install fonts-noto-cjk): Japanese text shows as '?'";
    ImFontConfig config;
    config.SizePixels = sizePx < 13.0f ? 13.0f : sizePx;
    atlas.AddFontDefault(&config);
    return;
  }
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(atlas.GetGlyphRangesJapanese());
  // Symbols the panels use: check mark, triangles, squares, arrows, bullets.
  static const ImWchar kSymbols[] = {0x2190, 0x21FF, 0x2500, 0x25FF, 0x2713, 0x2717, 0x2026, 0x2026, 0};
  builder.AddRanges(kSymbols);
  // Every catalogue string, so the interface has each glyph it can show in either
  // language, even the rarer kanji outside ImGui's Japanese range (2999 common ones).
  for (const text::Entry& entry : text::allEntries()) {
    builder.AddText(entry.english);
    builder.AddText(entry.japanese);
  }
  for (const auto& text : texts) builder.AddText(text.c_str(), text.c_str() + text.size());
  setup.glyphRanges.clear();
  builder.BuildRanges(&setup.glyphRanges);

  ImFontConfig config;
  config.FontNo = 0;  // face 0 of the collection: Noto Sans CJK JP
  config.OversampleH = 1;  // CJK glyphs are dense; oversampling would double the atlas
  config.OversampleV = 1;
  config.PixelSnapH = true;
  if (atlas.AddFontFromFileTTF(kCjkFontPath, sizePx, &config, setup.glyphRanges.Data) == nullptr) {
    setup.warning = std::string("cannot load ") + kCjkFontPath + ": using the built-in font";
    atlas.Clear();
    atlas.AddFontDefault();
    return;
  }
  setup.cjk = true;
}

}  // namespace irdrill::gui
