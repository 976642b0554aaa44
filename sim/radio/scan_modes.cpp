// The built-in receiver scan modes and scan-mode checks.
#include "sim/radio/scan_modes.hpp"

#include <string>

namespace irdrill::radio {

namespace {
ScanModeDef mode(const char* name, double windowMs, double intervalMs,
                 double coalescingPeriodS = 0) {
  ScanModeDef def;
  def.name = name;
  def.windowMs = windowMs;
  def.intervalMs = intervalMs;
  def.coalescingPeriodS = coalescingPeriodS;
  return def;
}
}  // namespace

std::map<std::string, ScanModeDef> builtInScanModes() {
  std::map<std::string, ScanModeDef> modes;
  const ScanModeDef all[] = {
      // AOSP packages/modules/Bluetooth ScanManager (ScanUtil in recent releases).
      mode("low_power", 140, 1400),
      mode("balanced", 183, 730),
      mode("low_latency", 100, 100),
      // SCAN_MODE_SCREEN_OFF_LOW_POWER: what a low-power scan becomes with the screen off.
      mode("screen_off", 512, 10240),
      // Assumption: listening is continuous, the limit is the OS delivering discoveries
      // to a background app, modelled as one report per tag per 60 s.
      mode("ios_background", 100, 100, 60),
      // Assumption: a mains-powered gateway scans all the time, rotating channels every
      // 100 ms like a phone in low_latency.
      mode("gateway", 100, 100),
  };
  for (const ScanModeDef& def : all) modes.emplace(def.name, def);
  return modes;
}

void validateScanMode(const ScanModeDef& mode, core::Diagnostics& diagnostics) {
  const std::string what = "scan mode '" + mode.name + "': ";
  if (!(mode.intervalMs > 0)) {
    diagnostics.error(
        mode.where, what + "interval " + core::formatNumber(mode.intervalMs) + " ms must be positive");
  }
  if (!(mode.windowMs > 0 && mode.windowMs <= mode.intervalMs)) {
    diagnostics.error(mode.where, what + "window " + core::formatNumber(mode.windowMs) +
                                      " ms must be positive and at most the interval (" +
                                      core::formatNumber(mode.intervalMs) + " ms)");
  }
  if (!(mode.coalescingPeriodS >= 0)) {
    diagnostics.error(mode.where, what + "coalescing period " +
                                      std::to_string(mode.coalescingPeriodS) +
                                      " s must be >= 0 (0: no coalescing)");
  }
}

}  // namespace irdrill::radio
