// One seeded run of a whole scenario: the office day (people, tagged items, radio,
// alerts), the incidents it and the attackers produce, their detection, the response
// team working its procedures, containment and recovery; scored at the end.
//
// Driving: like the kernel and the office day, an Exercise is stepped by time
// (runUntil) and read through const accessors; the training GUI and the CLI drive it the
// same way. Incidents can also be injected while it runs (inject), as a facilitator does.
//
// Time: microseconds since midnight of day 0. The office day covers
// [dayStartS, dayEndS] of day 0; incidents play until horizonS.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/day/office_day.hpp"
#include "sim/exercise/exercise_events.hpp"
#include "sim/scenario/scenario_def.hpp"
#include "sim/scoring/incident_outcome.hpp"
#include "sim/scoring/score.hpp"

namespace irdrill::exercise {

// What the GUI shows of an incident now.
struct IncidentView {
  std::string id;
  incident::IncidentKind kind = incident::IncidentKind::LostItem;
  std::string summary;
  std::string procedure;
  core::TimeUs startUs = 0;
  std::optional<core::TimeUs> detectedUs, containedUs, recoveredUs;
  std::string state;  // "undetected", "detected", "responding", "contained", "recovered"
  double recordsExfiltrated = 0;
  int stepsDone = 0, stepsTotal = 0;
};

class Exercise {
 public:
  // The scenario must outlive the exercise.
  Exercise(const scenario::ScenarioDef& scenario, std::uint64_t masterSeed,
           std::uint64_t replication, ExerciseEventSink* sink = nullptr);
  ~Exercise();
  Exercise(const Exercise&) = delete;
  Exercise& operator=(const Exercise&) = delete;

  core::TimeUs now() const;
  core::TimeUs endUs() const;  // the horizon
  void runUntil(core::TimeUs untilUs);
  void runToEnd();
  bool finished() const;

  // Starts an incident from `source` at `atUs` (>= now; its `arrival` is ignored) and
  // returns its id. Lost-item and theft sources need the office day still running.
  std::string inject(const incident::IncidentSourceDef& source, core::TimeUs atUs);

  // The office day, when the scenario has people (nullptr otherwise).
  const day::OfficeDay* officeDay() const;
  std::vector<IncidentView> incidents() const;
  // Outcomes and score as of now: open milestones are censored at now (the final ones
  // after runToEnd).
  std::vector<scoring::IncidentOutcome> outcomes() const;
  scoring::ScoreCard score() const;
  std::uint64_t eventsLogged() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace irdrill::exercise
