// Binning and bar geometry of the What-if tab (see what_if_histogram.hpp).
#include "gui/view_model/what_if_histogram.hpp"

#include <algorithm>
#include <cmath>

namespace irdrill::gui::view_model {
namespace {

constexpr float kCensoredGapFraction = 0.04f;  // the gap before the censored bar, of w
constexpr float kBarGapPx = 1.0f;

// Bar slots: one per bin, plus one for the censored values when there are any.
int slots(const WhatIfHistogram& h) { return static_cast<int>(h.bins.size()) + (h.censored > 0 ? 1 : 0); }

float slotWidth(const WhatIfHistogram& h, float w) {
  const float gap = h.censored > 0 && !h.bins.empty() ? kCensoredGapFraction * w : 0.0f;
  return slots(h) == 0 ? 0.0f : (w - gap) / static_cast<float>(slots(h));
}

}  // namespace

int whatIfBinCount(std::size_t values) {
  const int root = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(values))));
  return std::clamp(root, 5, 20);
}

WhatIfHistogram binWhatIf(const std::vector<double>& values, const std::vector<bool>& censored,
                          std::optional<double> own, bool ownCensored, int binCount) {
  WhatIfHistogram h;
  h.own = own;
  h.ownCensored = own && ownCensored;
  std::vector<double> kept;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i < censored.size() && censored[i]) {
      ++h.censored;
    } else {
      kept.push_back(values[i]);
    }
  }
  h.maxCount = h.censored;
  if (kept.empty() || binCount < 1) return h;
  double lo = *std::min_element(kept.begin(), kept.end());
  double hi = *std::max_element(kept.begin(), kept.end());
  if (own && !h.ownCensored) {
    lo = std::min(lo, *own);
    hi = std::max(hi, *own);
  }
  if (hi == lo) {
    lo -= 0.5;
    hi += 0.5;
  }
  const double width = (hi - lo) / binCount;
  for (int b = 0; b < binCount; ++b) {
    h.bins.push_back({lo + width * b, b + 1 == binCount ? hi : lo + width * (b + 1), 0});
  }
  auto binOf = [&](double v) {
    return std::clamp(static_cast<int>(std::floor((v - lo) / width)), 0, binCount - 1);
  };
  for (const double v : kept) ++h.bins[static_cast<std::size_t>(binOf(v))].count;
  for (const auto& bin : h.bins) h.maxCount = std::max(h.maxCount, bin.count);
  if (own && !h.ownCensored) h.ownBin = binOf(*own);
  return h;
}

std::vector<BarRect> whatIfBars(const WhatIfHistogram& h, float x, float y, float w, float height) {
  std::vector<BarRect> bars;
  if (slots(h) == 0) return bars;
  const float slot = slotWidth(h, w);
  auto bar = [&](float left, std::uint64_t count, bool isCensored) {
    const float barHeight = h.maxCount == 0 ? 0.0f : height * static_cast<float>(count) / static_cast<float>(h.maxCount);
    bars.push_back({left, y + height - barHeight, left + std::max(0.0f, slot - kBarGapPx), y + height, count, isCensored});
  };
  for (std::size_t b = 0; b < h.bins.size(); ++b) bar(x + slot * static_cast<float>(b), h.bins[b].count, false);
  if (h.censored > 0) bar(x + w - slot, h.censored, true);
  return bars;
}

std::optional<float> whatIfOwnMarkerX(const WhatIfHistogram& h, float x, float w) {
  if (!h.own || slots(h) == 0) return std::nullopt;
  const float slot = slotWidth(h, w);
  if (h.ownCensored) return h.censored > 0 ? std::optional<float>(x + w - slot / 2) : std::nullopt;
  if (h.bins.empty()) return std::nullopt;
  const double lo = h.bins.front().lowX, hi = h.bins.back().highX;
  const double fraction = (*h.own - lo) / (hi - lo);
  return x + slot * static_cast<float>(h.bins.size()) * static_cast<float>(std::clamp(fraction, 0.0, 1.0));
}

}  // namespace irdrill::gui::view_model
