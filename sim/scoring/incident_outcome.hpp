// What one incident came to, as the exercise measured it: the figures the score is made
// of, each tied to the event (sequence number in the exercise's event log) that fixed it,
// so the score ledger can point at causes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/incident/incident_def.hpp"

namespace irdrill::scoring {

// A moment of the incident and the logged event that marks it (0: no event).
struct Milestone {
  std::optional<core::TimeUs> timeUs;
  std::uint64_t eventSeq = 0;
};

struct DeadlineOutcome {
  std::string id;
  core::TimeUs dueUs = 0;
  std::optional<core::TimeUs> doneUs;
  std::uint64_t eventSeq = 0;  // the step that did it, or the event that started the clock
  bool met = false;
};

struct StepNote {
  std::string stepId;
  core::TimeUs timeUs = 0;
  std::uint64_t eventSeq = 0;
};

struct IncidentOutcome {
  std::string id;  // "phishing-1", "lost:eng-03/laptop"
  incident::IncidentKind kind = incident::IncidentKind::LostItem;
  std::string procedure;  // empty when the incident had none
  std::string summary;    // one line for people: "eng-03/laptop left at client-a"
  core::TimeUs startUs = 0;
  std::uint64_t startSeq = 0;
  Milestone detected;
  std::string detectedBy;  // "phone_alert", "monitoring", "outside_notice"...
  Milestone teamEngaged;   // the team starts its procedure
  Milestone contained;     // the harm stops growing
  Milestone recovered;     // normal operation restored
  double recordsExfiltrated = 0;
  std::uint64_t recordsSeq = 0;  // the last event that added records
  bool leaked = false;           // truth: data left (records, or a device's contents)
  int itemsLost = 0;
  int itemsRecovered = 0;
  std::uint64_t itemsSeq = 0;
  double downtimeS = 0;
  std::uint64_t downtimeSeq = 0;
  std::vector<DeadlineOutcome> deadlines;
  int stepsDone = 0;
  std::vector<StepNote> stepsNotDone;     // reference steps that never ran
  std::vector<StepNote> stepsOutOfOrder;  // finished before a step the reference puts first
  core::TimeUs endUs = 0;  // end of the run: open milestones are censored here

  double hoursTo(const Milestone& m) const {
    const core::TimeUs atUs = m.timeUs.value_or(endUs);
    return core::usToSeconds(atUs - startUs) / 3600.0;
  }
  // Over before anyone noticed (an item handed in before its loss was known): it was
  // never detected and needs no response (docs/incident-model.md).
  bool recoveredBeforeDetection() const { return recovered.timeUs && !detected.timeUs; }
  // The time it went unnoticed: to the first detection; for one recovered before
  // detection, its whole course (to recovery); censored at the end otherwise.
  const Milestone& detectionOrEnd() const { return recoveredBeforeDetection() ? recovered : detected; }
  double hoursToDetect() const { return hoursTo(detectionOrEnd()); }
};

}  // namespace irdrill::scoring
