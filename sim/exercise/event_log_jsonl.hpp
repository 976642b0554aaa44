// The exercise's event log as JSON Lines, the one format `irdrill run --events`,
// `irdrill replay --events` and the training GUI all write (docs/cli.md, "Event log"), so
// a session replayed headless can be compared byte for byte with the GUI's log.
//
// One JSON object per line. A "header" line opens the log (scenario, content hash, seed,
// replication, irdrill version); then the events, keys in a fixed order: seq, t_s (exact
// seconds), time (clock text), type, then whichever of incident, actor, subject, detail,
// reason and the kind's one quantity (eventQuantity: its own key, e.g. rssi_dbm) it has.
// The score closes the log: one "score" line per ledger entry, then "score_total".
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "sim/exercise/exercise_events.hpp"
#include "sim/scoring/score.hpp"

namespace irdrill::exercise {

// Writes each event as one line as it is logged. Writes nothing else; the stream must
// outlive the sink (errors are the stream's state, checked by whoever owns the file).
class JsonLinesEventSink : public ExerciseEventSink {
 public:
  explicit JsonLinesEventSink(std::ostream& out) : out_(out) {}
  void onExerciseEvent(const ExerciseEvent& event) override;

 private:
  std::ostream& out_;
};

// What the log's first line records about the run (docs/cli.md, "Event log").
struct EventLogHeader {
  std::string scenarioFile;  // the scenario file's name, without directories ("office-day.yaml")
  std::string scenarioName;  // its scenario.name
  std::string scenarioHash;  // scenario::scenarioHash of the files (and overrides) run
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
};

// The header line, newline included: written first, before any event.
void writeHeaderLine(std::ostream& out, const EventLogHeader& header);

// One event's line, newline included.
void writeEventLine(std::ostream& out, const ExerciseEvent& event);

// The ledger, one "score" line per entry in ledger order (each naming the event behind
// it, 0 for none), then the "score_total" line.
void writeScoreLines(std::ostream& out, const scoring::ScoreCard& card);

}  // namespace irdrill::exercise
