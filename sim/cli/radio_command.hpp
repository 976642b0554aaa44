// `irdrill radio`: tools to calibrate the BLE propagation model against measurements.
//   radio fit FILE.csv   least-squares fit of the log-distance model (optionally with
//                        per-group offsets or per-carry-position losses) and a YAML
//                        snippet for the scenario's `propagation:` section;
//   radio sample         RSSI values drawn from the model for one link, summarised or
//                        raw, to compare with one's own measurements.
#pragma once

#include <CLI/CLI.hpp>

namespace irdrill::cli {

void setupRadioCommand(CLI::App& app);

}  // namespace irdrill::cli
