// Least-squares calibration of the log-distance model (see rssi_fit.hpp).
#include "sim/radio/rssi_fit.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "sim/core/diagnostics.hpp"

namespace irdrill::radio {
namespace {

// One unknown of a linear model: its description in error messages and a hint at why it
// could be unidentifiable.
struct Unknown {
  std::string name;
  std::string hint;
};

struct LinearFit {
  std::vector<double> beta;
  double sigmaDb = 0;
  double rSquared = 0;
};

// Solves the symmetric system `a x = b` (the normal equations) by Gaussian elimination
// with partial pivoting. A column whose largest remaining entry is negligible next to its
// original diagonal is a linear combination of the earlier ones: that unknown cannot be
// estimated from the data, which is reported by name. O(p^3), p = unknowns.
std::vector<double> solveNormalEquations(std::vector<std::vector<double>> a, std::vector<double> b,
                                         const std::vector<Unknown>& unknowns) {
  const std::size_t p = b.size();
  std::vector<double> originalDiagonal(p);
  for (std::size_t i = 0; i < p; ++i) originalDiagonal[i] = a[i][i];
  constexpr double kRelativeTolerance = 1e-10;
  for (std::size_t c = 0; c < p; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < p; ++r) {
      if (std::abs(a[r][c]) > std::abs(a[pivot][c])) pivot = r;
    }
    if (!(std::abs(a[pivot][c]) > kRelativeTolerance * originalDiagonal[c])) {
      throw FitError("cannot estimate " + unknowns[c].name +
                     " from these samples: " + unknowns[c].hint);
    }
    std::swap(a[c], a[pivot]);
    std::swap(b[c], b[pivot]);
    for (std::size_t r = c + 1; r < p; ++r) {
      const double factor = a[r][c] / a[c][c];
      if (factor == 0) continue;
      for (std::size_t k = c; k < p; ++k) a[r][k] -= factor * a[c][k];
      b[r] -= factor * b[c];
    }
  }
  std::vector<double> x(p);
  for (std::size_t i = p; i-- > 0;) {
    double sum = b[i];
    for (std::size_t k = i + 1; k < p; ++k) sum -= a[i][k] * x[k];
    x[i] = sum / a[i][i];
  }
  return x;
}

// Fits y = x . beta over `count` samples; row(i, x) fills the regressors of sample i and
// returns its y. Two passes over the data (normal equations, then residuals), O(count p^2).
template <class RowFn>
LinearFit fitLinear(std::size_t count, const std::vector<Unknown>& unknowns, RowFn row) {
  const std::size_t p = unknowns.size();
  if (count < p + 1) {
    throw FitError("need at least " + std::to_string(p + 1) + " samples to estimate " +
                   std::to_string(p) + " unknowns and a residual spread (got " +
                   std::to_string(count) + ")");
  }
  std::vector<std::vector<double>> ata(p, std::vector<double>(p, 0.0));
  std::vector<double> aty(p, 0.0);
  std::vector<double> x(p);
  double sumY = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const double y = row(i, x);
    sumY += y;
    for (std::size_t r = 0; r < p; ++r) {
      if (x[r] == 0) continue;  // indicator columns are mostly zero
      aty[r] += x[r] * y;
      for (std::size_t c = 0; c < p; ++c) ata[r][c] += x[r] * x[c];
    }
  }
  LinearFit fit;
  fit.beta = solveNormalEquations(std::move(ata), std::move(aty), unknowns);

  const double meanY = sumY / static_cast<double>(count);
  double rss = 0, tss = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const double y = row(i, x);
    double predicted = 0;
    for (std::size_t k = 0; k < p; ++k) predicted += x[k] * fit.beta[k];
    rss += (y - predicted) * (y - predicted);
    tss += (y - meanY) * (y - meanY);
  }
  fit.sigmaDb = std::sqrt(rss / static_cast<double>(count - p));
  fit.rSquared = tss > 0 ? 1.0 - rss / tss : 1.0;
  return fit;
}

void checkSample(std::size_t index, double distanceM, double rssiDbm) {
  if (!(distanceM > 0) || !std::isfinite(distanceM)) {
    throw FitError("sample " + std::to_string(index + 1) + ": distance must be a finite " +
                   "number > 0 m (got " + core::formatNumber(distanceM) + ")");
  }
  if (!std::isfinite(rssiDbm)) {
    throw FitError("sample " + std::to_string(index + 1) + ": RSSI must be finite");
  }
}

// The shared first two unknowns, A and n, whose regressors are 1 and -10 log10 d.
std::vector<Unknown> distanceUnknowns() {
  return {{"the RSSI at 1 m", "are there samples at all?"},
          {"the path-loss exponent", "the samples must cover at least two different distances"}};
}

// Group levels in sorted order, the reference first excluded; throws when the reference
// is absent, listing the groups present.
std::vector<std::string> nonReferenceGroups(const std::map<std::string, std::size_t>& seen,
                                            const std::string& referenceGroup) {
  if (!seen.contains(referenceGroup)) {
    std::string present;
    for (const auto& [name, n] : seen) {
      if (!present.empty()) present += ", ";
      present += "'" + name + "'";
    }
    throw FitError("reference group '" + referenceGroup +
                   "' is not in the data (groups: " + present + ")");
  }
  std::vector<std::string> others;
  for (const auto& [name, n] : seen) {
    if (name != referenceGroup) others.push_back(name);
  }
  return others;
}

std::size_t indexOf(const std::vector<std::string>& names, const std::string& name) {
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

}  // namespace

LogDistanceFit fitLogDistance(const std::vector<RssiSample>& samples) {
  for (std::size_t i = 0; i < samples.size(); ++i) {
    checkSample(i, samples[i].distanceM, samples[i].rssiDbm);
  }
  const LinearFit fit =
      fitLinear(samples.size(), distanceUnknowns(), [&](std::size_t i, std::vector<double>& x) {
        x[0] = 1.0;
        x[1] = -10.0 * std::log10(samples[i].distanceM);
        return samples[i].rssiDbm;
      });
  return {fit.beta[0], fit.beta[1], fit.sigmaDb, samples.size(), fit.rSquared};
}

GroupedFit fitLogDistanceGrouped(const std::vector<RssiSample>& samples,
                                 const std::string& referenceGroup) {
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    checkSample(i, samples[i].distanceM, samples[i].rssiDbm);
    ++seen[samples[i].group];
  }
  const std::vector<std::string> others = nonReferenceGroups(seen, referenceGroup);
  std::vector<Unknown> unknowns = distanceUnknowns();
  for (const auto& group : others) {
    unknowns.push_back(
        {"the offset of group '" + group + "'", "it must not be confounded with the distance"});
  }
  // Column of each sample's group (0: the reference, which has none), looked up once.
  std::vector<std::size_t> column(samples.size(), 0);
  for (std::size_t i = 0; i < samples.size(); ++i) {
    if (samples[i].group != referenceGroup) column[i] = 2 + indexOf(others, samples[i].group);
  }
  const LinearFit fit =
      fitLinear(samples.size(), unknowns, [&](std::size_t i, std::vector<double>& x) {
        std::fill(x.begin(), x.end(), 0.0);
        x[0] = 1.0;
        x[1] = -10.0 * std::log10(samples[i].distanceM);
        if (column[i] != 0) x[column[i]] = 1.0;
        return samples[i].rssiDbm;
      });
  GroupedFit result;
  result.rssiAt1mDbm = fit.beta[0];
  result.exponent = fit.beta[1];
  result.sigmaDb = fit.sigmaDb;
  result.referenceGroup = referenceGroup;
  result.groupOffsetDb[referenceGroup] = 0.0;
  for (std::size_t g = 0; g < others.size(); ++g) result.groupOffsetDb[others[g]] = fit.beta[2 + g];
  result.count = samples.size();
  result.rSquared = fit.rSquared;
  return result;
}

CarryFit fitLogDistanceCarry(const std::vector<CarrySample>& samples,
                             const std::string& referenceGroup) {
  constexpr std::size_t kPositions = kCarryPositionNames.size();
  std::array<bool, kPositions> present{};
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    checkSample(i, samples[i].distanceM, samples[i].rssiDbm);
    present[static_cast<std::size_t>(samples[i].txCarry)] = true;
    present[static_cast<std::size_t>(samples[i].rxCarry)] = true;
    ++seen[samples[i].group];
  }
  if (!samples.empty() && !present[static_cast<std::size_t>(CarryPosition::Hand)]) {
    throw FitError(
        "carry losses are relative to 'hand', but no sample has a device "
        "carried in hand at either end");
  }

  std::vector<Unknown> unknowns = distanceUnknowns();
  // Column of each carry position's loss (0: hand or absent, no column).
  std::array<std::size_t, kPositions> lossColumn{};
  for (std::size_t pos = 1; pos < kPositions; ++pos) {
    if (!present[pos]) continue;
    lossColumn[pos] = unknowns.size();
    unknowns.push_back(
        {std::string("the loss of carry position '") + kCarryPositionNames[pos] + "'",
         "it must occur in other combinations than with one single other "
         "position or group"});
  }
  const bool grouped = !referenceGroup.empty();
  std::vector<std::string> others;
  std::vector<std::size_t> groupColumn(samples.size(), 0);
  if (grouped) {
    others = nonReferenceGroups(seen, referenceGroup);
    const std::size_t first = unknowns.size();
    for (const auto& group : others) {
      unknowns.push_back({"the offset of group '" + group + "'",
                          "the group must not be confounded with the carry positions"});
    }
    for (std::size_t i = 0; i < samples.size(); ++i) {
      if (samples[i].group != referenceGroup) {
        groupColumn[i] = first + indexOf(others, samples[i].group);
      }
    }
  }

  const LinearFit fit =
      fitLinear(samples.size(), unknowns, [&](std::size_t i, std::vector<double>& x) {
        const CarrySample& s = samples[i];
        std::fill(x.begin(), x.end(), 0.0);
        x[0] = 1.0;
        x[1] = -10.0 * std::log10(s.distanceM);
        // Losses are subtracted; both ends in the same position count twice.
        for (CarryPosition end : {s.txCarry, s.rxCarry}) {
          const std::size_t column = lossColumn[static_cast<std::size_t>(end)];
          if (column != 0) x[column] -= 1.0;
        }
        if (groupColumn[i] != 0) x[groupColumn[i]] = 1.0;
        return s.rssiDbm;
      });

  CarryFit result;
  result.rssiAt1mDbm = fit.beta[0];
  result.exponent = fit.beta[1];
  result.sigmaDb = fit.sigmaDb;
  result.bodyLossDb[static_cast<std::size_t>(CarryPosition::Hand)] = 0.0;
  for (std::size_t pos = 1; pos < kPositions; ++pos) {
    if (lossColumn[pos] != 0) result.bodyLossDb[pos] = fit.beta[lossColumn[pos]];
  }
  if (grouped) {
    result.referenceGroup = referenceGroup;
    result.groupOffsetDb[referenceGroup] = 0.0;
    const std::size_t first = unknowns.size() - others.size();
    for (std::size_t g = 0; g < others.size(); ++g) {
      result.groupOffsetDb[others[g]] = fit.beta[first + g];
    }
  }
  result.count = samples.size();
  result.rSquared = fit.rSquared;
  return result;
}

std::optional<CarryPosition> carryPositionFromLabel(std::string_view label) {
  for (std::size_t i = 0; i < kCarryPositionNames.size(); ++i) {
    if (label == kCarryPositionNames[i]) return static_cast<CarryPosition>(i);
  }
  // PACT labels: a position followed by the screen orientation, which is ignored.
  for (std::string_view suffix : {"UP", "DOWN"}) {
    if (label.ends_with(suffix)) {
      label.remove_suffix(suffix.size());
      break;
    }
  }
  static constexpr std::pair<std::string_view, CarryPosition> kPactLabels[] = {
      {"Hand", CarryPosition::Hand},
      {"FrontPantsPocket", CarryPosition::FrontPocket},
      {"BackPantsPocket", CarryPosition::BackPocket},
      {"ShirtPocket", CarryPosition::ShirtPocket},
      {"Purse", CarryPosition::Bag}};
  for (const auto& [pact, position] : kPactLabels) {
    if (label == pact) return position;
  }
  return std::nullopt;
}

std::string acceptedCarryLabels() {
  std::string out;
  for (const char* name : kCarryPositionNames) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out +
         " (or PACT labels Hand, FrontPantsPocket, BackPantsPocket, ShirtPocket, "
         "Purse, with an optional UP/DOWN suffix)";
}

PropagationCalibration calibrateFromFit(double rssiAt1mDbm, double residualSigmaDb,
                                        double txPowerDbm, FadingKind fading, double ricianK) {
  PropagationCalibration out;
  out.fading = fadingDbMoments(fading, ricianK);
  out.referenceLossDb = txPowerDbm - rssiAt1mDbm + out.fading.meanDb;
  const double shadowingVariance =
      residualSigmaDb * residualSigmaDb - out.fading.sdDb * out.fading.sdDb;
  out.fadingExceedsResidual = shadowingVariance < 0;
  out.shadowingSigmaDb = std::sqrt(std::max(0.0, shadowingVariance));
  return out;
}

}  // namespace irdrill::radio
