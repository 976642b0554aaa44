// Fonts of the GUI: Noto Sans CJK JP (Debian's fonts-noto-cjk) so Japanese names,
// rationales and catalogue strings show, with glyph ranges built from the Japanese range
// plus every character of the texts given (scenario names, step titles...). Falls back to
// ImGui's built-in font, with a warning, when the file is missing.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace irdrill::gui {

inline constexpr const char* kCjkFontPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

struct FontSetup {
  // The atlas keeps a pointer into this array until it is rebuilt: it must live as long
  // as the font (ImFontConfig::GlyphRanges is not copied).
  ImVector<ImWchar> glyphRanges;
  bool cjk = false;
  std::string warning;  // set when the CJK font could not be used
};

// Adds the GUI's font to `atlas` (already cleared) at `sizePx`, filling `setup`. The glyph
// ranges: ImGui's Japanese range, the panels' symbols, every string of the text catalogue
// (sim/text/) in both languages, and `texts` (the scenario's names and titles).
void setUpFonts(ImFontAtlas& atlas, float sizePx, const std::vector<std::string>& texts, FontSetup& setup);

}  // namespace irdrill::gui
