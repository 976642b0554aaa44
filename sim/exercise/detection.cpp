// How harm gets noticed: monitoring tools (a chance per hour in each kill-chain stage),
// periodic log review, user reports, site monitoring and outside notice; and the tags
// (lost_items.cpp). Every detection is logged with who made it; the first one is the
// incident's time-to-detect, and those that reach the team start its procedure.
#include <cmath>

#include <boost/random/uniform_01.hpp>

#include "sim/exercise/exercise_impl.hpp"

namespace irdrill::exercise {

void Exercise::Impl::detect(Incident& x, TimeUs t, const char* by, bool reachesTeam) {
  if (!x.detected.timeUs) {
    x.detected = {t, log(t, Kind::Detected, &x, by)};
    x.detectedBy = by;
  }
  if (x.kind == incident::IncidentKind::CyberIntrusion) x.knownUnauthorizedAccess = true;
  if (reachesTeam && !x.teamEngaged.timeUs) engageTeam(x, t);
}

void Exercise::Impl::detectLater(Incident& x, TimeUs atUs, const char* by) {
  const int index = indexOf(x);
  kernel.scheduleAt(atUs, [this, index, by] {
    Incident& y = *incidents[static_cast<std::size_t>(index)];
    detect(y, kernel.now(), by, true);
    if (std::string_view(by) == "outside_notice") confirmLeak(y, kernel.now(), "outside notice");
  });
}

// Monitoring: "probability p of catching it within an hour" is a rate -ln(1 - p) per
// hour while the stage lasts; a fresh exponential draw at each stage (memoryless).
void Exercise::Impl::armMonitoring(int index) {
  Incident& x = *incidents[static_cast<std::size_t>(index)];
  kernel.cancel(x.monitoringEvent);
  boost::random::uniform_01<double> unit;
  const double u = unit(x.rng);
  if (x.detected.timeUs || x.stage < 0) return;
  const double p = scenario.detection.monitoringPerHour[static_cast<std::size_t>(x.stage)];
  if (!(p > 0)) return;
  const TimeUs nowUs = kernel.now();
  const TimeUs atUs = p >= 1 ? nowUs
                             : nowUs + core::secondsToUs(3600.0 * -std::log1p(-u) / -std::log1p(-p));
  if (atUs >= endUs) return;
  x.monitoringEvent = kernel.scheduleAt(atUs, [this, index] {
    detect(*incidents[static_cast<std::size_t>(index)], kernel.now(), "monitoring", true);
  });
}

void Exercise::Impl::scheduleLogReviews() {
  const bool anyAttack = std::any_of(scenario.incidents.begin(), scenario.incidents.end(), [](const auto& s) {
    return s.kind == incident::IncidentKind::CyberIntrusion || s.kind == incident::IncidentKind::Insider;
  });
  const double intervalS = scenario.detection.logReviewIntervalS;
  if (!anyAttack && !(scenario.itemFate.credentialMisuseProbability > 0)) return;
  if (!(intervalS > 0)) return;
  for (TimeUs atUs = core::secondsToUs(intervalS); atUs < endUs; atUs += core::secondsToUs(intervalS)) {
    kernel.scheduleAt(atUs, [this] { onLogReview(); });
  }
}

// A review reads the traces every stage reached so far left in the logs; each is spotted
// with the review's probability.
void Exercise::Impl::onLogReview() {
  const TimeUs nowUs = kernel.now();
  log(nowUs, Kind::LogReview, nullptr, "security_lead");
  boost::random::uniform_01<double> unit;
  const double p = scenario.detection.logReviewFindProbability;
  for (auto& incident : incidents) {
    Incident& x = *incident;
    if (x.detected.timeUs) continue;
    int traces = 0;
    if (x.kind == incident::IncidentKind::CyberIntrusion) traces = static_cast<int>(x.stagesReached.size());
    if (x.kind == incident::IncidentKind::Insider && x.copyStartUs) traces = 1;
    for (int k = 0; k < traces; ++k) {
      if (unit(logReviewRng) < p) {
        detect(x, nowUs, "log_review", true);
        break;
      }
    }
  }
}

void Exercise::Impl::scheduleOutsideNotice(Incident& x, TimeUs fromUs) {
  boost::random::uniform_01<double> unit;
  const bool noticed = unit(x.rng) < scenario.detection.outsideNoticeProbability;
  const TimeUs delayUs = core::sampleUs(scenario.detection.outsideNoticeDelay, x.rng);
  if (noticed && fromUs + delayUs < endUs) detectLater(x, fromUs + delayUs, "outside_notice");
}

void Exercise::Impl::confirmLeak(Incident& x, TimeUs t, const char* how) {
  if (x.leakConfirmedUs) return;
  x.leakConfirmedUs = t;
  x.leakConfirmedSeq = log(t, Kind::LeakConfirmed, &x, "", "", how);
}

}  // namespace irdrill::exercise
