// The exercise's event log: every happening of a run (office-day events, attacker steps,
// detections, the team's steps and their effects, containment) as one ordered record
// stream, handed to a caller-provided sink. Sequence numbers are the log's line numbers
// (from 1); the score ledger points at them.
#pragma once

#include <cstdint>
#include <string>

#include "sim/core/time.hpp"

namespace irdrill::exercise {

struct ExerciseEvent {
  std::uint64_t seq = 0;
  core::TimeUs timeUs = 0;
  std::string type;      // "incident_started", "stage_reached", "detected", "step_finished"...
  std::string incident;  // incident id, empty for office-day events outside incidents
  std::string actor;     // person id, role id ("it_admin#2"), "intruder", "thief", a detector
  std::string subject;   // item id, step id, stage name, effect name...
  std::string detail;    // free text for people
  double value = 0;      // records, probability... (0 when not used)
};

class ExerciseEventSink {
 public:
  virtual ~ExerciseEventSink() = default;
  virtual void onExerciseEvent(const ExerciseEvent& event) = 0;
};

}  // namespace irdrill::exercise
