// Window rectangles from the display size (see layout.hpp).
#include "layout.hpp"

#include <algorithm>

namespace irdrill::gui {

ShellLayout computeLayout(float displayWidthPx, float displayHeightPx, float topBarHeightPx,
                          const LayoutSplits& splits) {
  const float width = std::max(displayWidthPx, 4.0f);
  const float height = std::max(displayHeightPx, 4.0f);
  const float topBar = std::clamp(topBarHeightPx, 1.0f, height - 2.0f);
  const float mapShare = std::clamp(splits.mapWidthShare, kMinShare, kMaxShare);
  const float timelineShare = std::clamp(splits.timelineHeightShare, kMinShare * 0.5f, kMaxShare);

  const float bodyTop = topBar;
  const float bodyHeight = height - topBar;
  // Whole pixels, so neighbouring windows share an edge instead of overlapping by a fraction.
  const float leftWidth = std::max(1.0f, static_cast<float>(static_cast<int>(width * mapShare)));
  const float timelineHeight =
      std::max(1.0f, static_cast<float>(static_cast<int>(bodyHeight * timelineShare)));
  const float mapHeight = std::max(1.0f, bodyHeight - timelineHeight);

  ShellLayout layout;
  layout.topBar = {0, 0, width, topBar};
  layout.map = {0, bodyTop, leftWidth, mapHeight};
  layout.timeline = {0, bodyTop + mapHeight, leftWidth, bodyHeight - mapHeight};
  layout.panels = {leftWidth, bodyTop, std::max(1.0f, width - leftWidth), bodyHeight};
  return layout;
}

}  // namespace irdrill::gui
