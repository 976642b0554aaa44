// `irdrill radio fit` and `irdrill radio sample` (see radio_command.hpp and
// docs/radio-model.md). A thin shell: reading and fitting live in sim/radio/.
//
// Sections: shared helpers | radio fit | radio sample | registration.
#include "sim/cli/radio_command.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/cli/exit_codes.hpp"
#include "sim/core/diagnostics.hpp"
#include "sim/core/random_streams.hpp"
#include "sim/radio/csv_table.hpp"
#include "sim/radio/propagation.hpp"
#include "sim/radio/radio_def.hpp"
#include "sim/radio/rssi_fit.hpp"
#include "sim/world/office_def.hpp"

namespace irdrill::cli {
namespace {

// ---------------------------------------------------------------- shared helpers

// Prints at most this many diagnostics (a bad file can have thousands).
constexpr std::size_t kMaxPrintedDiagnostics = 20;

[[noreturn]] void failUsage() { throw CLI::RuntimeError(kExitUsage); }

[[noreturn]] void failWith(const core::Diagnostics& diagnostics) {
  const auto& items = diagnostics.items();
  for (std::size_t i = 0; i < items.size() && i < kMaxPrintedDiagnostics; ++i) {
    std::fprintf(stderr, "%s\n", core::formatDiagnostic(items[i]).c_str());
  }
  if (items.size() > kMaxPrintedDiagnostics) {
    std::fprintf(stderr, "irdrill: only the first %zu errors are shown\n", kMaxPrintedDiagnostics);
  }
  failUsage();
}

// printf into a string, so a report can be printed whole or not at all.
__attribute__((format(printf, 2, 3))) void appendf(std::string& out, const char* format, ...) {
  std::va_list args;
  va_start(args, format);
  std::va_list copy;
  va_copy(copy, args);
  const int length = std::vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  if (length > 0) {
    const std::size_t old = out.size();
    out.resize(old + static_cast<std::size_t>(length) + 1);
    std::vsnprintf(out.data() + old, static_cast<std::size_t>(length) + 1, format, args);
    out.resize(old + static_cast<std::size_t>(length));
  }
  va_end(args);
}

[[noreturn]] void failMessage(const std::string& message) {
  std::fprintf(stderr, "irdrill radio: error: %s\n", message.c_str());
  failUsage();
}

std::vector<std::string> splitCommas(std::string_view text) {
  std::vector<std::string> parts;
  if (text.empty()) return parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    parts.emplace_back(text.substr(start, comma - start));
    if (comma == std::string_view::npos) return parts;
    start = comma + 1;
  }
}

template <std::size_t N>
std::string joinNames(const std::array<const char*, N>& names) {
  std::string out;
  for (const char* name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// The scenario file's names for FadingKind (as in sim/scenario/radio_section.cpp).
constexpr std::array<std::pair<const char*, radio::FadingKind>, 3> kFadingNames{{
    {"rician", radio::FadingKind::Rician},
    {"rayleigh", radio::FadingKind::Rayleigh},
    {"none", radio::FadingKind::None},
}};

const char* fadingName(radio::FadingKind kind) {
  for (const auto& [name, k] : kFadingNames) {
    if (k == kind) return name;
  }
  return "?";
}

// `name` has been checked against kFadingNames by CLI11.
radio::FadingKind fadingFromName(const std::string& name) {
  for (const auto& [n, kind] : kFadingNames) {
    if (name == n) return kind;
  }
  return radio::FadingKind::None;
}

std::string describeFading(radio::FadingKind kind, double ricianK) {
  std::string out = fadingName(kind);
  if (kind == radio::FadingKind::Rician) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, " K=%g", ricianK);
    out += buffer;
  }
  return out;
}

// ---------------------------------------------------------------- radio fit

struct FitOptions {
  std::string file;
  std::string distanceColumn = "distance_m";
  std::string rssiColumn = "rssi_dbm";
  std::string groupBy;
  std::string referenceGroup;
  std::string carryColumns;
  std::vector<std::string> filters;
  std::string stripSuffix;
  double txPowerDbm = 0.0;
  std::string fading = fadingName(radio::PropagationDef{}.fading);
  double ricianK = radio::PropagationDef{}.ricianK;
};

struct Filter {
  std::size_t column = 0;
  std::vector<std::string> values;  // a row passes when its cell equals any of them
};

// The rows of the file that pass the filters, turned into samples.
struct LoadedSamples {
  std::vector<radio::CarrySample> samples;  // carry positions only meaningful with carry
};

std::string stripSuffixes(std::string value, const std::vector<std::string>& suffixes) {
  for (const auto& suffix : suffixes) {
    if (!suffix.empty() && value.size() > suffix.size() && value.ends_with(suffix)) {
      value.resize(value.size() - suffix.size());
      break;
    }
  }
  return value;
}

LoadedSamples loadSamples(const FitOptions& options, const radio::CsvTable& table) {
  core::Diagnostics diagnostics;
  const auto distance =
      table.requireColumn(options.distanceColumn, "--distance-column", diagnostics);
  const auto rssi = table.requireColumn(options.rssiColumn, "--rssi-column", diagnostics);
  std::optional<std::size_t> group;
  if (!options.groupBy.empty()) {
    group = table.requireColumn(options.groupBy, "--group-by", diagnostics);
  }
  std::optional<std::size_t> txCarry, rxCarry;
  if (!options.carryColumns.empty()) {
    const auto names = splitCommas(options.carryColumns);
    if (names.size() != 2) {
      failMessage("--carry-columns expects TX_COLUMN,RX_COLUMN (got '" + options.carryColumns +
                  "')");
    }
    txCarry = table.requireColumn(names[0], "--carry-columns", diagnostics);
    rxCarry = table.requireColumn(names[1], "--carry-columns", diagnostics);
  }
  std::map<std::size_t, Filter> filters;  // by column, so the same column ORs its values
  for (const auto& text : options.filters) {
    const std::size_t equals = text.find('=');
    if (equals == std::string::npos || equals == 0) {
      failMessage("--filter expects COLUMN=VALUE (got '" + text + "')");
    }
    if (auto column = table.requireColumn(text.substr(0, equals), "--filter", diagnostics)) {
      filters[*column].column = *column;
      filters[*column].values.push_back(text.substr(equals + 1));
    }
  }
  if (diagnostics.hasErrors()) failWith(diagnostics);

  const std::vector<std::string> suffixes = splitCommas(options.stripSuffix);
  LoadedSamples loaded;
  for (std::size_t row = 0; row < table.rowCount(); ++row) {
    bool keep = true;
    for (const auto& [column, filter] : filters) {
      const std::string_view cell = table.cell(row, column);
      keep = keep &&
             std::find(filter.values.begin(), filter.values.end(), cell) != filter.values.end();
    }
    if (!keep) continue;
    radio::CarrySample sample;
    const auto d = table.number(row, *distance, diagnostics);
    const auto r = table.number(row, *rssi, diagnostics);
    if (d && !(*d > 0)) {
      diagnostics.error(table.where(row, *distance),
                        "column '" + options.distanceColumn + "': distance must be > 0 m, got '" +
                            std::string(table.cell(row, *distance)) + "'");
    }
    if (d) sample.distanceM = *d;
    if (r) sample.rssiDbm = *r;
    if (group) sample.group = stripSuffixes(std::string(table.cell(row, *group)), suffixes);
    if (txCarry) {
      for (auto [column, target] :
           {std::pair{*txCarry, &sample.txCarry}, std::pair{*rxCarry, &sample.rxCarry}}) {
        const std::string label = stripSuffixes(std::string(table.cell(row, column)), suffixes);
        if (auto position = radio::carryPositionFromLabel(label)) {
          *target = *position;
        } else {
          diagnostics.error(table.where(row, column),
                            "column '" + table.columns()[column] + "': unknown carry position '" +
                                label + "' (expected one of: " + radio::acceptedCarryLabels() +
                                ")");
        }
      }
    }
    if (diagnostics.items().size() > kMaxPrintedDiagnostics) break;
    loaded.samples.push_back(std::move(sample));
  }
  if (diagnostics.hasErrors()) failWith(diagnostics);
  if (loaded.samples.empty()) {
    failMessage(table.fileName() + ": no data rows" +
                (filters.empty() ? std::string() : std::string(" left after the filters")));
  }
  return loaded;
}

// Each group's sample count, to choose and check the reference group.
std::map<std::string, std::size_t> countGroups(const std::vector<radio::CarrySample>& samples) {
  std::map<std::string, std::size_t> counts;
  for (const auto& s : samples) ++counts[s.group];
  return counts;
}

void appendGroupOffsets(std::string& out, const std::map<std::string, double>& offsets,
                        const std::map<std::string, std::size_t>& counts,
                        const std::string& reference) {
  appendf(out, "  group offsets (dB, added to RSSI; reference '%s' = 0):\n", reference.c_str());
  for (const auto& [name, offset] : offsets) {
    const auto count = counts.find(name);
    appendf(out, "    %-32s %+7.2f  (%zu samples)\n", ("'" + name + "'").c_str(), offset,
            count == counts.end() ? std::size_t{0} : count->second);
  }
}

void appendSnippet(std::string& out, const radio::PropagationCalibration& calibration,
                   double exponent, const FitOptions& options, radio::FadingKind fading) {
  appendf(out,
          "\n# For the scenario file (merge into its radio: section). Fading %s (mean %.2f dB, sd "
          "%.2f dB per packet) "
          "taken out:\n# reference_loss_db = tx power %.1f dBm - A + fading mean; "
          "shadowing = residual sigma without the fading spread.\n",
          describeFading(fading, options.ricianK).c_str(), calibration.fading.meanDb,
          calibration.fading.sdDb, options.txPowerDbm);
  if (calibration.fadingExceedsResidual) {
    appendf(out,
            "# warning: the fading alone spreads more than the residual; shadowing set "
            "to 0 (choose a larger Rician K or no fading)\n");
  }
  appendf(out, "radio:\n  propagation:\n");
  appendf(out, "    reference_loss_db: %.2f\n", calibration.referenceLossDb);
  appendf(out, "    path_loss_exponent: %.3f\n", exponent);
  appendf(out, "    shadowing_sigma_db: %.2f\n", calibration.shadowingSigmaDb);
}

// Appends the fit's figures and the YAML snippet; throws radio::FitError.
void appendFitReport(std::string& out, const FitOptions& options, const LoadedSamples& loaded,
                     const std::map<std::string, std::size_t>& groupCounts,
                     const std::string& reference, radio::FadingKind fading) {
  if (!options.carryColumns.empty()) {
    const radio::CarryFit fit = radio::fitLogDistanceCarry(loaded.samples, reference);
    appendf(out, "  model: RSSI = A - 10 n log10(d / 1 m) - L[tx carry] - L[rx carry]%s\n",
            reference.empty() ? "" : " + offset[group]");
    appendf(out, "  A (hand to hand at 1 m%s) = %.2f dBm\n",
            reference.empty() ? "" : (", group '" + reference + "'").c_str(), fit.rssiAt1mDbm);
    appendf(out, "  n = %.3f\n  sigma = %.2f dB\n  R^2 = %.3f\n  count = %zu\n", fit.exponent,
            fit.sigmaDb, fit.rSquared, fit.count);
    appendf(out, "  carry-position losses (dB, relative to hand):\n");
    const radio::PropagationDef defaults;
    std::string absent;
    for (std::size_t pos = 0; pos < fit.bodyLossDb.size(); ++pos) {
      if (fit.bodyLossDb[pos]) {
        appendf(out, "    %-14s %7.2f\n", radio::kCarryPositionNames[pos], *fit.bodyLossDb[pos]);
      } else {
        absent += std::string(absent.empty() ? "" : ", ") + radio::kCarryPositionNames[pos];
      }
    }
    if (!reference.empty()) appendGroupOffsets(out, fit.groupOffsetDb, groupCounts, reference);
    const auto calibration = radio::calibrateFromFit(fit.rssiAt1mDbm, fit.sigmaDb,
                                                     options.txPowerDbm, fading, options.ricianK);
    appendSnippet(out, calibration, fit.exponent, options, fading);
    if (!absent.empty()) {
      appendf(out, "    # not in the data, default kept: %s\n", absent.c_str());
    }
    appendf(out, "    body_loss_db: {");
    for (std::size_t pos = 0; pos < fit.bodyLossDb.size(); ++pos) {
      appendf(out, "%s%s: %.2f", pos == 0 ? "" : ", ", radio::kCarryPositionNames[pos],
              fit.bodyLossDb[pos].value_or(defaults.bodyLossDb[pos]));
    }
    appendf(out, "}\n");
    return;
  }
  if (!reference.empty()) {
    std::vector<radio::RssiSample> samples;
    samples.reserve(loaded.samples.size());
    for (const auto& s : loaded.samples) samples.push_back({s.distanceM, s.rssiDbm, s.group});
    const radio::GroupedFit fit = radio::fitLogDistanceGrouped(samples, reference);
    appendf(out, "  model: RSSI = A - 10 n log10(d / 1 m) + offset[group]\n");
    appendf(out, "  A (group '%s', at 1 m) = %.2f dBm\n", reference.c_str(), fit.rssiAt1mDbm);
    appendf(out, "  n = %.3f\n  sigma = %.2f dB\n  R^2 = %.3f\n  count = %zu\n", fit.exponent,
            fit.sigmaDb, fit.rSquared, fit.count);
    appendGroupOffsets(out, fit.groupOffsetDb, groupCounts, reference);
    appendSnippet(out,
                  radio::calibrateFromFit(fit.rssiAt1mDbm, fit.sigmaDb, options.txPowerDbm, fading,
                                          options.ricianK),
                  fit.exponent, options, fading);
    return;
  }
  std::vector<radio::RssiSample> samples;
  samples.reserve(loaded.samples.size());
  for (const auto& s : loaded.samples) samples.push_back({s.distanceM, s.rssiDbm, {}});
  const radio::LogDistanceFit fit = radio::fitLogDistance(samples);
  appendf(out, "  model: RSSI = A - 10 n log10(d / 1 m)\n");
  appendf(out,
          "  A (at 1 m) = %.2f dBm\n  n = %.3f\n  sigma = %.2f dB\n  R^2 = %.3f\n"
          "  count = %zu\n",
          fit.rssiAt1mDbm, fit.exponent, fit.sigmaDb, fit.rSquared, fit.count);
  appendSnippet(out,
                radio::calibrateFromFit(fit.rssiAt1mDbm, fit.sigmaDb, options.txPowerDbm, fading,
                                        options.ricianK),
                fit.exponent, options, fading);
}

void runFit(const FitOptions& options) {
  if (!options.referenceGroup.empty() && options.groupBy.empty()) {
    failMessage("--reference-group needs --group-by");
  }
  const radio::FadingKind fading = fadingFromName(options.fading);
  core::Diagnostics diagnostics;
  const auto table = radio::CsvTable::readFile(options.file, diagnostics);
  if (!table) failWith(diagnostics);
  const LoadedSamples loaded = loadSamples(options, *table);
  const auto groupCounts = countGroups(loaded.samples);
  // Default reference: the first group in byte order, so the choice is predictable.
  const std::string reference =
      options.groupBy.empty()
          ? std::string()
          : (options.referenceGroup.empty() ? groupCounts.begin()->first : options.referenceGroup);

  // The report is built whole and printed only when the fit succeeded: a failing fit
  // prints its error and nothing else.
  std::string out;
  appendf(out, "radio fit: %s: %zu samples (distance '%s', RSSI '%s'", options.file.c_str(),
          loaded.samples.size(), options.distanceColumn.c_str(), options.rssiColumn.c_str());
  if (!options.carryColumns.empty()) appendf(out, ", carry '%s'", options.carryColumns.c_str());
  if (!options.groupBy.empty()) appendf(out, ", groups '%s'", options.groupBy.c_str());
  appendf(out, ")\n");

  try {
    appendFitReport(out, options, loaded, groupCounts, reference, fading);
  } catch (const radio::FitError& e) {
    failMessage(options.file + ": " + e.what());
  }
  std::fputs(out.c_str(), stdout);
}

// ---------------------------------------------------------------- radio sample

struct SampleOptions {
  double distanceM = 0;
  std::string walls;
  std::string txCarry = "hand";
  std::string rxCarry = "hand";
  double txPowerDbm = 0.0;
  std::uint64_t count = 10'000;
  std::uint64_t seed = 1;
  double sensitivityDbm = radio::ReceiverDef{}.sensitivityDbm;
  std::string fading = fadingName(radio::PropagationDef{}.fading);
  std::optional<double> ricianK;
  std::optional<double> referenceLossDb;
  std::optional<double> pathLossExponent;
  std::optional<double> shadowingSigmaDb;
  bool raw = false;
};

// Linear interpolation between order statistics (Hyndman-Fan type 7). sorted non-empty.
double quantile(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  const auto lower = static_cast<std::size_t>(std::floor(h));
  const std::size_t upper = std::min(lower + 1, sorted.size() - 1);
  return sorted[lower] + (h - static_cast<double>(lower)) * (sorted[upper] - sorted[lower]);
}

void runSample(const SampleOptions& options) {
  radio::PropagationDef def;
  def.fading = fadingFromName(options.fading);
  if (options.ricianK) def.ricianK = *options.ricianK;
  if (options.referenceLossDb) def.referenceLossDb = *options.referenceLossDb;
  if (options.pathLossExponent) def.pathLossExponent = *options.pathLossExponent;
  if (options.shadowingSigmaDb) def.shadowingSigmaDb = *options.shadowingSigmaDb;
  core::Diagnostics diagnostics;
  radio::checkPropagationDef(def, diagnostics);
  if (diagnostics.hasErrors()) failWith(diagnostics);
  const radio::PropagationModel model(def);

  double wallLossDb = 0;
  for (const auto& name : splitCommas(options.walls)) {
    const auto& names = world::kWallMaterialNames;
    const auto it = std::find(names.begin(), names.end(), std::string_view(name));
    if (it == names.end()) {
      failMessage("--walls: unknown wall material '" + name +
                  "' (expected one of: " + joinNames(names) + ")");
    }
    wallLossDb += world::kDefaultWallLossDb[static_cast<std::size_t>(it - names.begin())];
  }
  radio::CarryPosition carry[2];
  const std::string* labels[2] = {&options.txCarry, &options.rxCarry};
  for (int end = 0; end < 2; ++end) {
    const auto position = radio::carryPositionFromLabel(*labels[end]);
    if (!position) {
      failMessage(std::string(end == 0 ? "--tx-carry" : "--rx-carry") +
                  ": unknown carry position '" + *labels[end] +
                  "' (expected one of: " + radio::acceptedCarryLabels() + ")");
    }
    carry[end] = *position;
  }

  const double meanDbm =
      model.meanRssiDbm(options.txPowerDbm, options.distanceM, wallLossDb, carry[0], carry[1]);
  core::RandomEngine engine = core::RandomStreams(options.seed, 0).stream("radio.sample");
  std::vector<double> draws(options.count);
  for (auto& value : draws) value = radio::drawIndependentRssiDbm(def, meanDbm, engine);

  if (options.raw) {
    for (double value : draws) std::printf("%.3f\n", value);
    return;
  }
  double sum = 0;
  std::size_t received = 0;
  for (double value : draws) {
    sum += value;
    if (value >= options.sensitivityDbm) ++received;
  }
  const double n = static_cast<double>(draws.size());
  const double mean = sum / n;
  double squares = 0;
  for (double value : draws) squares += (value - mean) * (value - mean);
  const double sd = draws.size() > 1 ? std::sqrt(squares / (n - 1.0)) : 0.0;
  std::vector<double> sorted = draws;
  std::sort(sorted.begin(), sorted.end());

  const auto fadingMoments = radio::fadingDbMoments(def.fading, def.ricianK);
  std::printf(
      "radio sample: %zu packets at %.2f m, tx %.1f dBm, %s -> %s, walls %.1f dB%s%s%s, "
      "seed %llu\n",
      draws.size(), options.distanceM, options.txPowerDbm,
      radio::kCarryPositionNames[static_cast<std::size_t>(carry[0])],
      radio::kCarryPositionNames[static_cast<std::size_t>(carry[1])], wallLossDb,
      options.walls.empty() ? "" : " (", options.walls.c_str(), options.walls.empty() ? "" : ")",
      static_cast<unsigned long long>(options.seed));
  std::printf(
      "  model:    mean RSSI %.2f dBm without shadowing and fading (path loss %.2f dB, "
      "body %.2f + %.2f dB)\n",
      meanDbm, model.pathLossDb(options.distanceM), model.bodyLossDb(carry[0]),
      model.bodyLossDb(carry[1]));
  std::printf(
      "  expected: mean %.2f dBm, sd %.2f dB (shadowing sigma %.2f dB; fading %s: "
      "mean %.2f dB, sd %.2f dB)\n",
      meanDbm + fadingMoments.meanDb, std::hypot(def.shadowingSigmaDb, fadingMoments.sdDb),
      def.shadowingSigmaDb, describeFading(def.fading, def.ricianK).c_str(), fadingMoments.meanDb,
      fadingMoments.sdDb);
  std::printf("  drawn:    mean %.2f dBm, sd %.2f dB, p5 %.2f, p50 %.2f, p95 %.2f dBm\n", mean, sd,
              quantile(sorted, 0.05), quantile(sorted, 0.50), quantile(sorted, 0.95));
  std::printf("  received: %.2f %% at or above the sensitivity %.1f dBm\n",
              100.0 * static_cast<double>(received) / n, options.sensitivityDbm);
}

}  // namespace

// ---------------------------------------------------------------- registration

void setupRadioCommand(CLI::App& app) {
  CLI::App* radio = app.add_subcommand(
      "radio", "Calibrate the BLE propagation model: fit measurements, draw model RSSI");
  radio->require_subcommand(1);
  std::vector<std::string> fadingNames;
  for (const auto& [name, kind] : kFadingNames) fadingNames.push_back(name);

  auto fit = std::make_shared<FitOptions>();
  CLI::App* fitCommand = radio->add_subcommand(
      "fit",
      "Least-squares fit of RSSI = A - 10 n log10(d) (+ group offsets or carry losses) "
      "to a CSV file; prints a propagation: snippet");
  fitCommand->add_option("file", fit->file, "CSV file with a header row")->required();
  fitCommand->add_option("--distance-column", fit->distanceColumn, "distance column, metres")
      ->capture_default_str();
  fitCommand->add_option("--rssi-column", fit->rssiColumn, "RSSI column, dBm")
      ->capture_default_str();
  fitCommand->add_option("--group-by", fit->groupBy,
                         "column whose values get their own offset (e.g. environment)");
  fitCommand->add_option("--reference-group", fit->referenceGroup,
                         "group with offset 0 (default: the first in byte order)");
  fitCommand->add_option("--carry-columns", fit->carryColumns,
                         "TX,RX columns of carry positions: fit per-position losses "
                         "relative to hand (e.g. tx_carry,rx_carry)");
  fitCommand
      ->add_option("--filter", fit->filters,
                   "keep rows whose COLUMN equals VALUE (repeatable; the same column "
                   "repeated means any of the values)")
      ->allow_extra_args(false);
  fitCommand->add_option("--strip-suffix", fit->stripSuffix,
                         "comma-separated suffixes removed from group and carry values "
                         "(e.g. UP,DOWN)");
  fitCommand
      ->add_option("--tx-power-dbm", fit->txPowerDbm,
                   "transmit power of the measured advertiser, dBm")
      ->capture_default_str();
  fitCommand
      ->add_option("--fading", fit->fading,
                   "fading the scenario will use; its dB mean and spread are taken "
                   "out of the fit")
      ->capture_default_str()
      ->check(CLI::IsMember(fadingNames));
  fitCommand->add_option("--rician-k", fit->ricianK, "Rician K (linear)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  fitCommand->callback([fit] { runFit(*fit); });

  auto sample = std::make_shared<SampleOptions>();
  CLI::App* sampleCommand = radio->add_subcommand(
      "sample",
      "Draw RSSI values of one link from the model (independent shadowing and "
      "fading per packet) and summarise them");
  sampleCommand->add_option("--distance-m", sample->distanceM, "distance, metres")
      ->required()
      ->check(CLI::NonNegativeNumber);
  sampleCommand->add_option(
      "--walls", sample->walls,
      "comma-separated wall materials crossed (" + joinNames(world::kWallMaterialNames) + ")");
  sampleCommand->add_option("--tx-carry", sample->txCarry, "transmitter's carry position")
      ->capture_default_str();
  sampleCommand->add_option("--rx-carry", sample->rxCarry, "receiver's carry position")
      ->capture_default_str();
  sampleCommand->add_option("--tx-power-dbm", sample->txPowerDbm, "transmit power, dBm")
      ->capture_default_str();
  sampleCommand->add_option("--count", sample->count, "packets to draw")
      ->capture_default_str()
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100'000'000}));
  sampleCommand->add_option("--seed", sample->seed, "master seed")->capture_default_str();
  sampleCommand
      ->add_option("--sensitivity-dbm", sample->sensitivityDbm, "receiver sensitivity, dBm")
      ->capture_default_str();
  sampleCommand->add_option("--fading", sample->fading, "fading kind")
      ->capture_default_str()
      ->check(CLI::IsMember(fadingNames));
  sampleCommand->add_option("--rician-k", sample->ricianK, "Rician K (linear; default: model's)")
      ->check(CLI::NonNegativeNumber);
  sampleCommand->add_option("--reference-loss-db", sample->referenceLossDb,
                            "path loss at 1 m, dB (default: model's)");
  sampleCommand
      ->add_option("--path-loss-exponent", sample->pathLossExponent,
                   "path-loss exponent n (default: model's)")
      ->check(CLI::PositiveNumber);
  sampleCommand
      ->add_option("--shadowing-sigma-db", sample->shadowingSigmaDb,
                   "shadowing standard deviation, dB (default: model's)")
      ->check(CLI::NonNegativeNumber);
  sampleCommand->add_flag("--raw", sample->raw, "print one drawn RSSI per line, no summary");
  sampleCommand->callback([sample] { runSample(*sample); });
}

}  // namespace irdrill::cli
