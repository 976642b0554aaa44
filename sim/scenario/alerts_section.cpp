// The `alerts:` section (the separation-alert rules of phones and gateways, the values
// users tune) and the `reaction:` section (how people respond to alerts).
#include <array>

#include "sim/scenario/scenario_sections.hpp"

namespace irdrill::scenario {
namespace {

// radio_def.hpp has no name array for Smoothing; this one follows its enumerator order
// (MovingAverage, NOfM).
constexpr std::array<const char*, 2> kSmoothingNames{"moving_average", "n_of_m"};

constexpr int kMaxPacketWindow = radio::kMaxAlertWindowPackets;

void readAlertRule(SourceSet& s, const Node& node, radio::AlertRuleDef& out) {
  MapReader r(s, node, "alert_rule");
  out.where = r.where();
  r.number("rssi_threshold_dbm", out.rssiThresholdDbm, Bounds::between(-130, 0));
  r.choice("smoothing", out.smoothing, kSmoothingNames, "smoothing");
  r.integer("moving_average_samples", out.movingAverageSamples, 1, kMaxPacketWindow);
  if (const auto nOfM = r.get("n_of_m")) {
    if (!nOfM->yaml.IsSequence() || nOfM->yaml.size() != 2) {
      s.error(*nOfM, "expected [N, M] for 'n_of_m' (alert when N of the last M packets are "
                     "below the threshold), got " + describeValue(*nOfM));
    } else {
      const auto n = readInteger(s, s.child(*nOfM, nOfM->yaml[0]), "n_of_m[0] (N)", 1,
                                 kMaxPacketWindow);
      const auto m = readInteger(s, s.child(*nOfM, nOfM->yaml[1]), "n_of_m[1] (M)", 1,
                                 kMaxPacketWindow);
      if (n && m && *n > *m) {
        s.error(*nOfM, "'n_of_m' needs N <= M, got [" + std::to_string(*n) + ", " +
                           std::to_string(*m) + "]");
      } else if (n && m) {
        out.nOfMN = static_cast<int>(*n);
        out.nOfMM = static_cast<int>(*m);
      }
    }
  }
  r.number("hold_s", out.holdS, Bounds::nonNegative());
  r.number("no_packet_timeout_s", out.noPacketTimeoutS, Bounds::positive());
}

}  // namespace

void readAlerts(SourceSet& s, const Node& node, radio::AlertRuleDef& phone,
                radio::AlertRuleDef& gateway) {
  MapReader r(s, node, "alerts");
  if (const auto p = r.get("phone")) readAlertRule(s, *p, phone);
  if (const auto g = r.get("gateway")) readAlertRule(s, *g, gateway);
}

void readReaction(SourceSet& s, const Node& node, radio::ReactionDef& out) {
  MapReader r(s, node, "reaction");
  out.where = r.where();
  r.number("respond_probability", out.respondProbability, Bounds::unitInterval());
  r.number("response_delay_mean_s", out.responseDelayMeanS, Bounds::nonNegative());
  r.number("fatigue_factor", out.fatigueFactor, Bounds::unitInterval());
  r.duration("fatigue_window_h", out.fatigueWindowS, 3600.0, Bounds::positive());
}

}  // namespace irdrill::scenario
