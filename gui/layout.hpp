// Where the main windows go. No docking in ImGui 1.86, so the rectangles are computed from
// the display size every frame: the top bar across the top; the floor map on the left with
// the incident timeline below it; the tabbed panels on the right. Pure: unit-tested headless.
#pragma once

namespace irdrill::gui {

// Pixels, origin at the top-left of the window.
struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
};

// The two splits people may move; "Reset layout" puts the defaults back.
struct LayoutSplits {
  float mapWidthShare = 0.6f;        // of the width under the top bar
  float timelineHeightShare = 0.28f; // of the left column's height
};

struct ShellLayout {
  Rect topBar, map, timeline, panels;
};

// Shares outside [kMinShare, kMaxShare] are clamped, so a window never vanishes; each
// rectangle is at least one pixel even on a tiny display.
inline constexpr float kMinShare = 0.25f;
inline constexpr float kMaxShare = 0.8f;

ShellLayout computeLayout(float displayWidthPx, float displayHeightPx, float topBarHeightPx,
                          const LayoutSplits& splits);

}  // namespace irdrill::gui
