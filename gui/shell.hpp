// The training app's shell: one frame of the GUI around the session. It owns the session
// host, the view state (UiState, layout splits, the top bar's and picker's fields), the
// floor map, and runs the frame in the order of TABLETOP-GUI.md: apply queued actions,
// advance the clock, check auto-pause, draw (top bar, map, panels, timeline, inspector,
// pause card; or the picker when nothing is open).
#pragma once

#include <SFML/Graphics/RenderTarget.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gui/floor_map.hpp"
#include "gui/frame_loop.hpp"
#include "gui/input_script.hpp"
#include "gui/layout.hpp"
#include "gui/scenario_picker.hpp"
#include "gui/session_host.hpp"
#include "gui/top_bar.hpp"
#include "gui/ui_dump.hpp"
#include "gui/ui_state.hpp"

namespace irdrill::gui {

class AppWindow;

class Shell {
 public:
  // `sourceRoots`: where the picker looks for scenarios/ (the source tree, the working dir).
  Shell(AppWindow& app, std::vector<std::filesystem::path> sourceRoots);

  SessionHost& host() { return host_; }
  UiState& ui() { return ui_; }
  UiDump& uiDump() { return dump_; }
  FrameBudget& budget() { return budget_; }

  // Opening; on failure the messages also go to the picker. Rebuilds fonts and the map.
  OpenOutcome openScenario(const std::filesystem::path& path, std::optional<std::uint64_t> seed,
                           const std::vector<std::string>& overrides);
  OpenOutcome openSession(const std::filesystem::path& path);
  // Scripts: every action's feedback also goes to stderr, so a log shows what applied.
  void setEchoFeedback(bool on) { echoFeedback_ = on; }
  // Where "Save session" writes (the top bar's field).
  void setSessionPath(const std::filesystem::path& path);

  // A high-level command of a --play script; an error message when it cannot be done.
  std::optional<std::string> applyScriptCommand(const ScriptCommand& command);

  // Between frames (before AppWindow::beginFrame): what must not happen inside an ImGui
  // frame, i.e. opening a session picked last frame and rebuilding fonts.
  void beforeFrame();
  // The ImGui half of a frame (between AppWindow::beginFrame and endFrame).
  FrameAdvance frame(double frameDtS);
  // The SFML half: the map under ImGui.
  void drawSfml(sf::RenderTarget& target) const;

 private:
  void afterOpen(const OpenOutcome& outcome);
  // ui_.branchRequest: a rewind, switch or rename through the session host.
  void applyBranchRequest();
  void drawMapWindow(const Rect& rect);
  void drawPauseCard(const Rect& mapRect);
  void drawPicker();

  AppWindow& app_;
  SessionHost host_;
  UiState ui_;
  LayoutSplits splits_;
  TopBarState topBar_;
  PickerState picker_;
  UiDump dump_;
  FrameBudget budget_;
  std::unique_ptr<FloorMap> map_;
  bool mapVisible_ = false;
  bool mapDragged_ = false;
  bool echoFeedback_ = false;  // the press on the map became a drag: no pick on release
  core::TimeUs mapTimeUs_ = 0;  // frozen while express runs
  double wallTimeS_ = 0;
  std::set<std::string> knownMissing_;
  // Requests made during a frame, carried out by beforeFrame().
  std::optional<PickerRequest> pendingOpen_;
  std::optional<float> pendingUiScale_;
  bool pendingClose_ = false;
};

}  // namespace irdrill::gui
