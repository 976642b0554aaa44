// The What-if tab's histograms as plain data and geometry (no ImGui): values binned over
// equal-width bins, the censored ones (incidents never contained) in a bar of their own on
// the right, and where the session's own run falls - so the panel only draws rectangles.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace irdrill::gui::view_model {

struct HistogramBin {
  double lowX = 0, highX = 0;  // [lowX, highX), the last bin closed
  std::uint64_t count = 0;
};

struct WhatIfHistogram {
  std::vector<HistogramBin> bins;  // empty when no uncensored value
  std::uint64_t censored = 0;      // values only known to lie beyond the end
  std::uint64_t maxCount = 0;      // the tallest bar, censored bar included
  std::optional<double> own;       // the session's own value
  bool ownCensored = false;
  std::optional<int> ownBin;       // the bin holding `own` (not set when censored)
};

// Bins for n values: ceil(sqrt(n)) clamped to [5, 20] (an assumption: enough bars to see
// a shape at 200 replications, few enough to read on a projector).
int whatIfBinCount(std::size_t values);

// `censored[i]` flags values[i] (same length, or empty: none censored). The range spans
// the uncensored values and the own value when it is uncensored; a range of one value is
// widened to +-0.5 so it has a width.
WhatIfHistogram binWhatIf(const std::vector<double>& values, const std::vector<bool>& censored,
                          std::optional<double> own, bool ownCensored, int binCount);

struct BarRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // screen pixels, y down
  std::uint64_t count = 0;
  bool censored = false;
};

// Bars filling the rectangle (x, y, w, h): one per bin left to right, then the censored
// bar (when any) in its own slot after a gap; heights proportional to counts, the tallest
// reaching the top. Empty bins give zero-height bars.
std::vector<BarRect> whatIfBars(const WhatIfHistogram& histogram, float x, float y, float w, float h);
// The x of the own-run marker: inside its bin at its value, or the censored bar's centre;
// nullopt without an own value or bars.
std::optional<float> whatIfOwnMarkerX(const WhatIfHistogram& histogram, float x, float w);

}  // namespace irdrill::gui::view_model
