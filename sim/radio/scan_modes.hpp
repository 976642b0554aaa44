// The built-in receiver scan modes (Android ScanSettings modes with their AOSP
// window/interval values, an iOS-like background mode and a gateway), and checks of
// scan modes defined in scenario files. Sources and assumptions: docs/radio-timing.md.
#pragma once

#include <map>
#include <string>

#include "sim/core/diagnostics.hpp"
#include "sim/radio/radio_def.hpp"

namespace irdrill::radio {

// Keyed by name: low_power, balanced, low_latency, screen_off, ios_background, gateway.
//   name            window   interval  coalescing  source
//   low_power       140 ms   1400 ms   -           AOSP ScanManager SCAN_MODE_LOW_POWER
//   balanced        183 ms    730 ms   -           AOSP SCAN_MODE_BALANCED
//   low_latency     100 ms    100 ms   -           AOSP SCAN_MODE_LOW_LATENCY
//   screen_off      512 ms  10240 ms   -           AOSP SCAN_MODE_SCREEN_OFF_LOW_POWER
//   ios_background  100 ms    100 ms   60 s        assumption (Apple publishes none)
//   gateway         100 ms    100 ms   -           assumption: a mains-powered scanner
std::map<std::string, ScanModeDef> builtInScanModes();

// User-input checks of a scan mode (0 < window <= interval, coalescing >= 0), reported
// at mode.where.
void validateScanMode(const ScanModeDef& mode, core::Diagnostics& diagnostics);

}  // namespace irdrill::radio
