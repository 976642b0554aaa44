// Log-distance path loss with wall and body losses (see propagation.hpp).
#include "sim/radio/propagation.hpp"

#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "sim/radio/fading.hpp"

namespace irdrill::radio {

void checkPropagationDef(const PropagationDef& def, core::Diagnostics& diagnostics) {
  auto require = [&](bool ok, const char* field, const char* what, double value) {
    if (!ok) {
      diagnostics.error(def.where, std::string("propagation: ") + field + " must be " + what +
                                       " (got " + core::formatNumber(value) + ")");
    }
  };
  require(std::isfinite(def.referenceLossDb), "reference_loss_db", "finite", def.referenceLossDb);
  require(std::isfinite(def.pathLossExponent) && def.pathLossExponent > 0, "path_loss_exponent",
          "a finite number > 0", def.pathLossExponent);
  for (std::size_t i = 0; i < def.bodyLossDb.size(); ++i) {
    if (!std::isfinite(def.bodyLossDb[i])) {
      diagnostics.error(def.where, std::string("propagation: body_loss_db.") +
                                       kCarryPositionNames[i] + " must be finite");
    }
  }
  require(std::isfinite(def.shadowingSigmaDb) && def.shadowingSigmaDb >= 0, "shadowing_sigma_db",
          "a finite number >= 0", def.shadowingSigmaDb);
  require(!std::isnan(def.shadowingDecorrelationM) && def.shadowingDecorrelationM >= 0,
          "shadowing_decorrelation_m", ">= 0", def.shadowingDecorrelationM);
  require(!std::isnan(def.shadowingDecorrelationS) && def.shadowingDecorrelationS >= 0,
          "shadowing_decorrelation_s", ">= 0", def.shadowingDecorrelationS);
  require(std::isfinite(def.ricianK) && def.ricianK >= 0, "rician_k", "a finite number >= 0",
          def.ricianK);
}

PropagationModel::PropagationModel(const PropagationDef& def) : def_(def) {
  core::Diagnostics diagnostics;
  checkPropagationDef(def_, diagnostics);
  if (diagnostics.hasErrors()) {
    std::string message;
    for (const auto& d : diagnostics.items()) {
      if (!message.empty()) message += "; ";
      message += d.message;
    }
    throw std::invalid_argument(message);
  }
  minBodyLossDb_ = *std::min_element(def_.bodyLossDb.begin(), def_.bodyLossDb.end());
}

double PropagationModel::pathLossDb(double distanceM) const {
  // max(clamp, NaN) is the clamp, so a degenerate distance never poisons a run.
  const double d = std::max(kMinDistanceM, distanceM);
  return def_.referenceLossDb + 10.0 * def_.pathLossExponent * std::log10(d);
}

double PropagationModel::bodyLossDb(CarryPosition position) const {
  return def_.bodyLossDb[static_cast<std::size_t>(position)];
}

double PropagationModel::meanRssiDbm(double txPowerDbm, double distanceM, double wallLossDb,
                                     CarryPosition txCarry, CarryPosition rxCarry) const {
  return txPowerDbm - pathLossDb(distanceM) - wallLossDb - bodyLossDb(txCarry) -
         bodyLossDb(rxCarry);
}

double PropagationModel::maxRangeM(double txPowerDbm, double sensitivityDbm,
                                   double marginDb) const {
  // Solve tx - PL(d) - 2 minBody + margin = sensitivity for d: the largest loss budget
  // any pair of carry positions can afford at 1 m, spread over 10 n dB per decade.
  const double budgetDb =
      txPowerDbm + marginDb - sensitivityDbm - def_.referenceLossDb - 2.0 * minBodyLossDb_;
  if (!(def_.pathLossExponent > 0)) return std::numeric_limits<double>::infinity();
  return std::pow(10.0, budgetDb / (10.0 * def_.pathLossExponent));
}

double drawIndependentRssiDbm(const PropagationDef& def, double meanRssiDbm,
                              core::RandomEngine& engine) {
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  const double shadowingDb = def.shadowingSigmaDb * normal(engine);
  return meanRssiDbm + shadowingDb + drawFadingDb(def.fading, def.ricianK, engine);
}

}  // namespace irdrill::radio
