// The cyber intruder's kill chain and the insider.
//
// An intrusion walks the stages initial_access -> foothold -> discovery ->
// lateral_movement -> objective, each for a drawn duration, until it is cut off. Reaching
// the objective starts the harm: exfiltration at a rate (records accrue continuously and
// stop when the intruder is cut off), ransomware (systems down until restored),
// defacement or denial of service (the public site harmed until shut or cut off).
#include <algorithm>
#include <cmath>

#include <boost/random/uniform_01.hpp>

#include "sim/exercise/exercise_impl.hpp"

namespace irdrill::exercise {
namespace {

const char* stageName(int stage) { return incident::kStageNames[static_cast<std::size_t>(stage)]; }

}  // namespace

void Exercise::Impl::startIntrusion(Incident& x, int firstStage) {
  enterStage(indexOf(x), firstStage);
}

void Exercise::Impl::enterStage(int index, int stage) {
  Incident& x = *incidents[static_cast<std::size_t>(index)];
  const TimeUs nowUs = kernel.now();
  const incident::CyberIntrusionDef& cyber = x.source->cyber;
  x.stage = stage;
  x.stageStartUs = nowUs;
  x.stagesReached.push_back(stage);
  log(nowUs, Kind::StageReached, &x, "intruder", stageName(stage));
  if (stage == static_cast<int>(incident::Stage::InitialAccess) &&
      cyber.vector == incident::AccessVector::Phishing) {
    // Draws are made whether or not they are used: streams stay aligned across variants.
    boost::random::uniform_01<double> unit;
    const bool reported = unit(x.rng) < scenario.detection.phishingReportProbability;
    const TimeUs delayUs = core::sampleUs(scenario.detection.phishingReportDelay, x.rng);
    if (reported) detectLater(x, nowUs + delayUs, "user_report");
  }
  armMonitoring(index);
  const TimeUs durationUs = core::sampleUs(cyber.stageDuration[static_cast<std::size_t>(stage)], x.rng);
  x.stageEnd = kernel.scheduleAt(nowUs + durationUs, [this, index] { onStageDone(index); });
}

void Exercise::Impl::onStageDone(int index) {
  Incident& x = *incidents[static_cast<std::size_t>(index)];
  if (x.cutOff) return;
  if (x.stage < static_cast<int>(incident::Stage::Objective)) {
    enterStage(index, x.stage + 1);
    return;
  }
  const TimeUs nowUs = kernel.now();
  const incident::CyberIntrusionDef& cyber = x.source->cyber;
  x.objectiveReached = true;
  log(nowUs, Kind::ObjectiveReached, &x, "intruder", incident::kObjectiveNames[static_cast<int>(cyber.objective)]);
  switch (cyber.objective) {
    case incident::Objective::Exfiltration:
      x.exfiltrationSinceUs = nowUs;
      x.leaked = cyber.recordsAvailable > 0;
      x.recordsSeq = log(nowUs, Kind::ExfiltrationStarted, &x, "intruder", "", "",
                         cyber.exfiltrationRecordsPerHour);
      scheduleOutsideNotice(x, nowUs);
      break;
    case incident::Objective::Ransomware:
      goDown(x, nowUs);
      // Encrypted files are noticed by their users: the site-monitoring delay stands for it.
      detectLater(x, nowUs + core::sampleUs(scenario.detection.siteMonitoringDelay, x.rng), "user_report");
      break;
    case incident::Objective::Defacement:
    case incident::Objective::DenialOfService:
      x.siteHarm = true;
      if (cyber.objective == incident::Objective::DenialOfService) goDown(x, nowUs);
      detectLater(x, nowUs + core::sampleUs(scenario.detection.siteMonitoringDelay, x.rng), "site_monitoring");
      break;
  }
}

double Exercise::Impl::recordsSoFar(const Incident& x, TimeUs t) const {
  if (x.kind != incident::IncidentKind::CyberIntrusion || !x.exfiltrationSinceUs) return x.recordsExfiltrated;
  const incident::CyberIntrusionDef& cyber = x.source->cyber;
  const double hours = core::usToSeconds(std::max<TimeUs>(0, t - *x.exfiltrationSinceUs)) / 3600.0;
  return std::min(cyber.recordsAvailable, x.recordsExfiltrated + cyber.exfiltrationRecordsPerHour * hours);
}

void Exercise::Impl::stopExfiltration(Incident& x, TimeUs t) {
  if (!x.exfiltrationSinceUs) return;
  x.recordsExfiltrated = recordsSoFar(x, t);
  x.exfiltrationSinceUs.reset();
  x.recordsSeq = log(t, Kind::ExfiltrationStopped, &x, "", "", "", x.recordsExfiltrated);
}

void Exercise::Impl::cutOffAttacker(Incident& x, const char* how) {
  if (x.cutOff) return;
  const TimeUs nowUs = kernel.now();
  x.cutOff = true;
  kernel.cancel(x.stageEnd);
  kernel.cancel(x.monitoringEvent);
  stopExfiltration(x, nowUs);
  x.siteHarm = false;
  log(nowUs, Kind::AttackerCutOff, &x, "", x.stage >= 0 ? stageName(x.stage) : "", how);
}

// ---------------------------------------------------------------------------------------
// The insider copies for a while, then walks out with the drive. Stopped before the door
// (credentials revoked, network isolated) nothing leaves; after it, the records are out.
void Exercise::Impl::startInsider(Incident& x) {
  const int index = indexOf(x);
  const TimeUs nowUs = kernel.now();
  const incident::InsiderDef& insider = x.source->insider;
  x.copyStartUs = nowUs;
  const TimeUs copyUs = core::sampleUs(insider.copyDuration, x.rng);
  x.copyDoneEvent = kernel.scheduleAt(nowUs + copyUs, [this, index] { onCopyDone(index); });
  log(nowUs, Kind::CopyingStarted, &x, insider.person.empty() ? "insider" : insider.person, "", "",
      insider.recordsToCopy);
  // Data-loss prevention watches the copying: a rate per hour while it lasts.
  const double perHour = scenario.detection.insiderCopyPerHour;
  boost::random::uniform_01<double> unit;
  const double u = unit(x.rng);
  if (perHour > 0 && perHour < 1) {
    const double rate = -std::log1p(-perHour);  // per hour, from "chance within an hour"
    const TimeUs atUs = nowUs + core::secondsToUs(3600.0 * -std::log1p(-u) / rate);
    if (atUs < nowUs + copyUs) detectLater(x, atUs, "monitoring");
  } else if (perHour >= 1) {
    detectLater(x, nowUs, "monitoring");
  }
}

void Exercise::Impl::onCopyDone(int index) {
  Incident& x = *incidents[static_cast<std::size_t>(index)];
  if (x.insiderStopped) return;
  const TimeUs nowUs = kernel.now();
  x.copyEndUs = nowUs;
  log(nowUs, Kind::CopyingDone, &x, x.source->insider.person.empty() ? "insider" : x.source->insider.person);
  const TimeUs walkUs = core::sampleUs(x.source->insider.walkOutAfter, x.rng);
  x.walkOutEvent = kernel.scheduleAt(nowUs + walkUs, [this, index] { onWalkOut(index); });
}

void Exercise::Impl::onWalkOut(int index) {
  Incident& x = *incidents[static_cast<std::size_t>(index)];
  if (x.insiderStopped) return;
  const TimeUs nowUs = kernel.now();
  x.walkedOutUs = nowUs;
  x.recordsExfiltrated = x.source->insider.recordsToCopy;
  x.leaked = x.recordsExfiltrated > 0;
  x.recordsSeq = log(nowUs, Kind::WalkedOut, &x, x.source->insider.person.empty() ? "insider" : x.source->insider.person,
                     "", "with a USB drive", x.recordsExfiltrated);
  scheduleOutsideNotice(x, nowUs);
  updateContainment(x, nowUs, "");
}

}  // namespace irdrill::exercise
