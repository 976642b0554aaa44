// The `radio:` section: propagation (path loss, body loss by carry position, shadowing,
// fading) and scan modes defined or overridden by the file. The key names are fixed:
// other tools print snippets with them.
#include <array>

#include "sim/radio/scan_modes.hpp"
#include "sim/scenario/scenario_sections.hpp"

namespace irdrill::scenario {
namespace {

// radio_def.hpp has no name array for FadingKind; this one follows its enumerator order
// (Rayleigh, Rician, None).
constexpr std::array<const char*, 3> kFadingNames{"rayleigh", "rician", "none"};

void readPropagation(SourceSet& s, const Node& node, radio::PropagationDef& out) {
  MapReader r(s, node, "propagation");
  out.where = r.where();
  r.number("reference_loss_db", out.referenceLossDb, Bounds::nonNegative());
  r.number("path_loss_exponent", out.pathLossExponent, Bounds::positive());
  if (const auto body = r.get("body_loss_db")) {
    MapReader b(s, *body, "body_loss_db");
    for (std::size_t i = 0; i < radio::kCarryPositionNames.size(); ++i) {
      b.number(radio::kCarryPositionNames[i], out.bodyLossDb[i], Bounds::nonNegative());
    }
  }
  r.number("shadowing_sigma_db", out.shadowingSigmaDb, Bounds::nonNegative());
  r.number("shadowing_decorrelation_m", out.shadowingDecorrelationM, Bounds::positive());
  r.number("shadowing_decorrelation_s", out.shadowingDecorrelationS, Bounds::positive());
  r.choice("fading", out.fading, kFadingNames, "fading model");
  r.number("rician_k", out.ricianK, Bounds::nonNegative());
}

void readScanMode(SourceSet& s, const NamedEntry& entry, radio::ScanModeDef& mode) {
  MapReader r(s, entry.value, "scan_mode");
  mode.name = entry.name;
  mode.where = r.where();
  // True unless the key is present with a bad value.
  auto readField = [&r](const char* key, double& out, Bounds bounds) {
    return !r.get(key) || r.number(key, out, bounds);
  };
  bool valid = readField("window_ms", mode.windowMs, Bounds::positive());
  valid = readField("interval_ms", mode.intervalMs, Bounds::positive()) && valid;
  valid = readField("coalescing_period_s", mode.coalescingPeriodS, Bounds::nonNegative()) && valid;
  // Each value is in range; what is left is how they relate (window <= interval), which
  // the radio's own check knows. Skipped after an error so nothing is reported twice.
  if (valid) radio::validateScanMode(mode, s.diagnostics());
}

}  // namespace

void readRadio(SourceSet& s, const Node& node, radio::PropagationDef& propagation,
               std::map<std::string, radio::ScanModeDef>& scanModes) {
  MapReader r(s, node, "radio");
  if (const auto p = r.get("propagation")) readPropagation(s, *p, propagation);
  if (const auto modes = r.get("scan_modes")) {
    for (const NamedEntry& entry : readNamedEntries(s, *modes, "scan_modes")) {
      // Overriding a built-in mode starts from its values: `balanced: {window_ms: 200}`
      // changes the window only.
      radio::ScanModeDef mode;
      if (const auto builtIn = scanModes.find(entry.name); builtIn != scanModes.end()) {
        mode = builtIn->second;
      }
      readScanMode(s, entry, mode);
      scanModes[entry.name] = mode;
    }
  }
}

}  // namespace irdrill::scenario
