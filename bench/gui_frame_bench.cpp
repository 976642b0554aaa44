// Frame time of the training GUI at office-day scale (scenarios/office-day.yaml: 40
// people, 97 tags) while the clock runs at 1 simulated hour per second, through the real
// frame loop (gui/shell.hpp) in a real window; run under Xvfb. Prints p50/p95/max frame
// time, the share spent in the simulation, and the ratio to an empty ImGui frame measured
// in the same run. Target: p95 under 16 ms. Skips (exit 0) without an X display.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include <SFML/Window/VideoMode.hpp>

#include "gui/app_window.hpp"
#include "gui/display_probe.hpp"
#include "gui/shell.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"GUI frame time at office-day scale, 1 simulated hour per second"};
  int frames = 600;
  std::string scenario = std::string(IRDRILL_SOURCE_DIR) + "/scenarios/office-day.yaml";
  app.add_option("--frames", frames, "frames to measure (60 per simulated hour)")->check(CLI::Range(10, 100000));
  app.add_option("--scenario", scenario, "scenario file");
  CLI11_PARSE(app, argc, argv);

  if (const auto reason = irdrill::gui::display_unavailable_reason()) {
    std::printf("gui_frame_bench: skipped: %s\n", reason->c_str());
    return 0;
  }
  const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
  irdrill::gui::AppWindow window(std::min(1600u, desktop.width), std::min(900u, desktop.height), 1.0f);
  window.window().setFramerateLimit(0);  // measure the work, not the 60 Hz pacing
  window.window().setVerticalSyncEnabled(false);
  constexpr double kFrameDtS = 1.0 / 60.0;

  // Reference: an empty ImGui frame in the same window, with its GL submission.
  std::vector<double> emptyMs;
  for (int i = 0; i < frames; ++i) {
    window.pollEvents(false, {});
    const auto start = Clock::now();
    window.beginFrame();
    window.endFrame({});
    window.present();
    emptyMs.push_back(msSince(start));
  }

  irdrill::gui::Shell shell(window, {});
  const auto opened = shell.openScenario(scenario, std::nullopt, {});
  if (!opened.ok) {
    for (const auto& message : opened.messages) std::fprintf(stderr, "%s\n", message.c_str());
    return 2;
  }
  // From the start of the working day, so people move about the plan.
  irdrill::gui::runClockTo(shell.host().live(), 8 * irdrill::core::kUsPerHour, 60 * irdrill::core::kUsPerSecond);
  shell.ui().run.paused = false;
  shell.ui().run.speedSimSPerWallS = 3600;

  std::vector<double> frameMs;
  double simMs = 0, buildMs = 0;  // buildMs: the ImGui half of the frame (shell.frame)
  const auto simStartUs = shell.host().live().now();
  for (int i = 0; i < frames; ++i) {
    window.pollEvents(false, {});
    shell.beforeFrame();
    const auto start = Clock::now();
    window.beginFrame();
    const auto buildStart = Clock::now();
    const irdrill::gui::FrameAdvance advance = shell.frame(kFrameDtS);
    buildMs += msSince(buildStart);
    window.endFrame([&shell](sf::RenderTarget& target) { shell.drawSfml(target); });
    window.present();
    frameMs.push_back(msSince(start));
    simMs += advance.simWallS * 1e3;
  }
  double totalMs = 0;
  for (double ms : frameMs) totalMs += ms;
  const double simulatedH = irdrill::core::usToSeconds(shell.host().live().now() - simStartUs) / 3600.0;
  const double p95 = percentile(frameMs, 0.95);
  std::printf("gui_frame_bench: %d frames of %s at 1 simulated h/s (%.2f simulated h, %zu events logged)\n", frames,
              scenario.c_str(), simulatedH, shell.host().live().events().size());
  std::printf("  frame time: p50 %.2f ms, p95 %.2f ms, max %.2f ms (target p95 < 16 ms: %s)\n",
              percentile(frameMs, 0.5), p95, *std::max_element(frameMs.begin(), frameMs.end()),
              p95 < 16.0 ? "met" : "MISSED");
  std::printf("  in the simulation: %.1f%% of frame time; building the frame (panels, map geometry) %.1f%%, "
              "rendering (SFML + ImGui draw, GL) %.1f%%\n",
              totalMs > 0 ? 100.0 * simMs / totalMs : 0.0, totalMs > 0 ? 100.0 * (buildMs - simMs) / totalMs : 0.0,
              totalMs > 0 ? 100.0 * (totalMs - buildMs) / totalMs : 0.0);
  const double emptyP50 = percentile(emptyMs, 0.5);
  std::printf("  reference empty ImGui frame: p50 %.2f ms; ratio p50 %.1fx\n", emptyP50,
              emptyP50 > 0 ? percentile(frameMs, 0.5) / emptyP50 : 0.0);
  return 0;
}
