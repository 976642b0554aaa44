// Test helper for the GUI smoke test: fails when a screenshot is blank, i.e. when the
// window was captured before anything was drawn or the GL pipeline produced one flat
// colour. Usage: png_not_blank FILE.png [MIN_COLOURS]
// Exit codes: 0 the picture has content, 1 it looks blank, 2 bad usage or unreadable file.
#include <SFML/Graphics/Image.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <iostream>
#include <string_view>
#include <unordered_map>

namespace {

// Background + walls + person + ImGui panel and text give far more; a flat or nearly
// flat frame gives one or two.
constexpr std::size_t kDefaultMinColours = 4;
// Guards against a frame that is one colour except for a few stray pixels.
constexpr double kMaxDominantShare = 0.995;

std::uint32_t pack(sf::Color c) {
  return (std::uint32_t{c.r} << 24) | (std::uint32_t{c.g} << 16) | (std::uint32_t{c.b} << 8) |
         std::uint32_t{c.a};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: png_not_blank FILE.png [MIN_COLOURS]\n";
    return 2;
  }
  std::size_t min_colours = kDefaultMinColours;
  if (argc == 3) {
    const std::string_view text = argv[2];
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), min_colours);
    if (ec != std::errc{} || ptr != text.data() + text.size() || min_colours < 2) {
      std::cerr << "png_not_blank: MIN_COLOURS must be a whole number >= 2\n";
      return 2;
    }
  }

  sf::Image image;
  if (!image.loadFromFile(argv[1])) {
    std::cerr << "png_not_blank: cannot read image '" << argv[1] << "'\n";
    return 2;
  }
  const sf::Vector2u size = image.getSize();
  const std::size_t total = std::size_t{size.x} * size.y;
  if (total == 0) {
    std::cerr << "png_not_blank: '" << argv[1] << "' is empty\n";
    return 1;
  }

  std::unordered_map<std::uint32_t, std::size_t> counts;
  for (unsigned y = 0; y < size.y; ++y) {
    for (unsigned x = 0; x < size.x; ++x) {
      ++counts[pack(image.getPixel(x, y))];
    }
  }
  std::size_t dominant = 0;
  for (const auto& entry : counts) dominant = std::max(dominant, entry.second);
  const double share = static_cast<double>(dominant) / static_cast<double>(total);

  std::cout << "png_not_blank: " << size.x << "x" << size.y << ", " << counts.size()
            << " distinct colours, most common colour covers " << share * 100.0 << "%\n";
  if (counts.size() < min_colours) {
    std::cerr << "png_not_blank: only " << counts.size() << " distinct colours, expected at least "
              << min_colours << ": the picture looks blank\n";
    return 1;
  }
  if (share > kMaxDominantShare) {
    std::cerr << "png_not_blank: one colour covers more than " << kMaxDominantShare * 100.0
              << "% of the picture: it looks blank\n";
    return 1;
  }
  return 0;
}
