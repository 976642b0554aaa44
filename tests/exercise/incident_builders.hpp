// Scenario pieces built in code for the exercise tests: a round-the-clock team, one-step
// procedures, an intrusion with fixed stage durations, and an event recorder.
#pragma once

#include <string>
#include <vector>

#include "sim/exercise/exercise.hpp"
#include "sim/scenario/scenario_def.hpp"

namespace irdrill::testing {

// A role that works every hour of every day: always available, no on-call delay.
inline response::RoleDef roundTheClock(std::string id, int headCount) {
  response::RoleDef role;
  role.id = std::move(id);
  role.headCount = headCount;
  role.workStartS = 0;
  role.workEndS = 24 * 3600;
  role.workDaysMask = 0x7F;
  return role;
}

inline response::StepDef step(std::string id, std::string role, core::DurationDist duration,
                              std::vector<response::Effect> effects, std::vector<std::string> after = {}) {
  response::StepDef s;
  s.id = std::move(id);
  s.title = s.id;
  s.role = std::move(role);
  s.duration = duration;
  s.effects = std::move(effects);
  s.after = std::move(after);
  return s;
}

inline response::ProcedureDef procedure(std::string id, std::vector<response::StepDef> steps,
                                        std::string referenceId = {}) {
  response::ProcedureDef p;
  p.id = id;
  p.title = id;
  p.referenceId = referenceId.empty() ? id : std::move(referenceId);
  p.steps = std::move(steps);
  return p;
}

// Detection only by a phishing report with certainty after `reportDelayS`; nothing else
// fires (no monitoring, no log review, no outside notice).
inline incident::DetectionDef reportOnlyDetection(double reportDelayS) {
  incident::DetectionDef d;
  d.monitoringPerHour.fill(0.0);
  d.insiderCopyPerHour = 0;
  d.logReviewIntervalS = 0;
  d.phishingReportProbability = 1.0;
  d.phishingReportDelay = core::DurationDist::fixed(reportDelayS);
  d.outsideNoticeProbability = 0;
  return d;
}

// A phishing intrusion aiming at exfiltration, every stage a fixed duration.
inline incident::IncidentSourceDef fixedIntrusion(std::string id, double atS, double stageS) {
  incident::IncidentSourceDef src;
  src.id = std::move(id);
  src.kind = incident::IncidentKind::CyberIntrusion;
  src.arrival = incident::ArrivalKind::Scheduled;
  src.atS = atS;
  src.cyber.vector = incident::AccessVector::Phishing;
  src.cyber.objective = incident::Objective::Exfiltration;
  src.cyber.stageDuration.fill(core::DurationDist::fixed(stageS));
  src.cyber.recordsAvailable = 1e9;
  src.cyber.exfiltrationRecordsPerHour = 1000;
  return src;
}

// A scenario with no office day: only the team, its procedures and the incidents.
inline scenario::ScenarioDef incidentsOnly() {
  scenario::ScenarioDef s;
  s.name = "incidents-only";
  s.horizonS = 10 * 86400.0;
  s.team.roles.push_back(roundTheClock("security_lead", 1));
  s.team.roles.push_back(roundTheClock("it_admin", 2));
  s.itemFate.credentialMisuseProbability = 0;
  return s;
}

class RecordingSink : public exercise::ExerciseEventSink {
 public:
  void onExerciseEvent(const exercise::ExerciseEvent& e) override { events.push_back(e); }
  std::vector<exercise::ExerciseEvent> ofType(const std::string& type) const {
    std::vector<exercise::ExerciseEvent> out;
    for (const auto& e : events) {
      if (e.type() == type) out.push_back(e);
    }
    return out;
  }
  std::vector<exercise::ExerciseEvent> events;
};

}  // namespace irdrill::testing
