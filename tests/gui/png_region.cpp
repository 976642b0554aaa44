// Test helper for the scripted GUI test: checks one rectangle of a screenshot, not exact
// pixels (Mesa versions differ). Usage:
//   png_region FILE.png X Y W H not-blank           the region has at least 4 colours and
//                                                   no colour covers more than 99.5% of it
//   png_region FILE.png X Y W H colour R G B MIN    at least MIN pixels within 24 of (R,G,B)
//   png_region FILE.png X Y W H glyphs MIN          the text in the region is drawn with at
//                                                   least MIN distinct glyph shapes (a label
//                                                   whose characters all fell back to the
//                                                   font's '?' has one shape, repeated)
// Exit codes: 0 the check holds, 1 it does not, 2 bad usage or unreadable file.
#include <SFML/Graphics/Image.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string_view>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

constexpr int kColourTolerance = 24;
constexpr std::size_t kMinColours = 4;
constexpr double kMaxDominantShare = 0.995;

bool parseInt(std::string_view text, long& out) {
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && ptr == text.data() + text.size();
}

int usage() {
  std::cerr << "usage: png_region FILE.png X Y W H not-blank | colour R G B MIN | glyphs MIN\n";
  return 2;
}

// A pixel is ink when one channel differs from the background by more than this: the
// anti-aliased fringe of a glyph is left out, its body kept.
constexpr int kInkContrast = 60;

// A glyph's ink, trimmed to its bounding box.
struct GlyphShape {
  long w = 0, h = 0;
  std::vector<bool> ink;  // row-major, w * h
  bool at(long x, long y) const { return x >= 0 && y >= 0 && x < w && y < h && ink[static_cast<std::size_t>(y * w + x)]; }
};

// Two glyph images of one character: sizes within a pixel, and at most a quarter of
// their ink differing (anti-aliasing shifts an edge when a glyph sits at another
// sub-pixel position, as the fallback '?' does across a label).
bool sameShape(const GlyphShape& a, const GlyphShape& b) {
  if (std::abs(a.w - b.w) > 1 || std::abs(a.h - b.h) > 1) return false;
  long differing = 0, inked = 0;
  for (long y = 0; y < std::max(a.h, b.h); ++y) {
    for (long x = 0; x < std::max(a.w, b.w); ++x) {
      const bool inA = a.at(x, y), inB = b.at(x, y);
      inked += inA || inB;
      differing += inA != inB;
    }
  }
  return inked > 0 && differing * 4 <= inked;
}

// Distinct shapes among the glyphs of the region: ink is cut into blobs at columns without
// ink (one per character, or a few for a kanji with a gap), each blob trimmed to its ink
// rows; blobs of the same shape (sameShape) count once.
std::size_t distinctGlyphShapes(const sf::Image& image, long x, long y, long x1, long y1, sf::Color background) {
  auto ink = [&](long px, long py) {
    const sf::Color c = image.getPixel(static_cast<unsigned>(px), static_cast<unsigned>(py));
    return std::abs(c.r - background.r) > kInkContrast || std::abs(c.g - background.g) > kInkContrast ||
           std::abs(c.b - background.b) > kInkContrast;
  };
  auto columnHasInk = [&](long px) {
    for (long py = y; py < y1; ++py) {
      if (ink(px, py)) return true;
    }
    return false;
  };
  std::vector<GlyphShape> shapes;
  long px = x;
  while (px < x1) {
    if (!columnHasInk(px)) {
      ++px;
      continue;
    }
    const long start = px;
    while (px < x1 && columnHasInk(px)) ++px;
    long top = y1, bottom = y;
    for (long py = y; py < y1; ++py) {
      for (long qx = start; qx < px; ++qx) {
        if (ink(qx, py)) {
          top = std::min(top, py);
          bottom = std::max(bottom, py + 1);
        }
      }
    }
    GlyphShape shape;
    shape.w = px - start;
    shape.h = bottom - top;
    for (long py = top; py < bottom; ++py) {
      for (long qx = start; qx < px; ++qx) shape.ink.push_back(ink(qx, py));
    }
    const bool known = std::any_of(shapes.begin(), shapes.end(), [&](const GlyphShape& s) { return sameShape(s, shape); });
    if (!known) shapes.push_back(std::move(shape));
  }
  return shapes.size();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 7) return usage();
  long x = 0, y = 0, w = 0, h = 0;
  if (!parseInt(argv[2], x) || !parseInt(argv[3], y) || !parseInt(argv[4], w) || !parseInt(argv[5], h) || w <= 0 ||
      h <= 0 || x < 0 || y < 0) {
    return usage();
  }
  const std::string_view mode = argv[6];
  long r = 0, g = 0, b = 0, minPixels = 0;
  if (mode == "colour") {
    if (argc != 11 || !parseInt(argv[7], r) || !parseInt(argv[8], g) || !parseInt(argv[9], b) ||
        !parseInt(argv[10], minPixels)) {
      return usage();
    }
  } else if (mode == "glyphs") {
    if (argc != 8 || !parseInt(argv[7], minPixels)) return usage();
  } else if (mode != "not-blank" || argc != 7) {
    return usage();
  }
  sf::Image image;
  if (!image.loadFromFile(argv[1])) {
    std::cerr << "png_region: cannot read image '" << argv[1] << "'\n";
    return 2;
  }
  const sf::Vector2u size = image.getSize();
  const long x1 = std::min<long>(x + w, size.x), y1 = std::min<long>(y + h, size.y);
  if (x >= x1 || y >= y1) {
    std::cerr << "png_region: the region lies outside the " << size.x << "x" << size.y << " image\n";
    return 2;
  }
  std::unordered_map<std::uint32_t, std::size_t> counts;
  long matching = 0;
  for (long py = y; py < y1; ++py) {
    for (long px = x; px < x1; ++px) {
      const sf::Color c = image.getPixel(static_cast<unsigned>(px), static_cast<unsigned>(py));
      ++counts[(std::uint32_t{c.r} << 16) | (std::uint32_t{c.g} << 8) | c.b];
      if (std::abs(c.r - r) <= kColourTolerance && std::abs(c.g - g) <= kColourTolerance &&
          std::abs(c.b - b) <= kColourTolerance) {
        ++matching;
      }
    }
  }
  const auto total = static_cast<double>((x1 - x) * (y1 - y));
  if (mode == "glyphs") {
    const auto commonest = std::max_element(counts.begin(), counts.end(),
                                            [](const auto& a, const auto& b) { return a.second < b.second; });
    const sf::Color background(static_cast<std::uint8_t>(commonest->first >> 16),
                               static_cast<std::uint8_t>(commonest->first >> 8),
                               static_cast<std::uint8_t>(commonest->first));
    const std::size_t shapes = distinctGlyphShapes(image, x, y, x1, y1, background);
    std::cout << "png_region: " << shapes << " distinct glyph shapes in " << argv[1] << " [" << x << "," << y << " "
              << w << "x" << h << "]\n";
    return shapes >= static_cast<std::size_t>(minPixels) ? 0 : 1;
  }
  if (mode == "colour") {
    std::cout << "png_region: " << matching << " pixels near (" << r << "," << g << "," << b << ") in " << argv[1]
              << " [" << x << "," << y << " " << w << "x" << h << "]\n";
    return matching >= minPixels ? 0 : 1;
  }
  std::size_t dominant = 0;
  for (const auto& entry : counts) dominant = std::max(dominant, entry.second);
  const double share = static_cast<double>(dominant) / total;
  std::cout << "png_region: " << counts.size() << " colours, the commonest covers " << share * 100 << "% of "
            << argv[1] << " [" << x << "," << y << " " << w << "x" << h << "]\n";
  return counts.size() >= kMinColours && share <= kMaxDominantShare ? 0 : 1;
}
