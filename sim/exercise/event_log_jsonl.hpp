// The exercise's event log as JSON Lines, the one format `irdrill run --events`,
// `irdrill replay --events` and the training GUI all write (docs/cli.md, "Event log"), so
// a session replayed headless can be compared byte for byte with the GUI's log.
//
// One JSON object per line, keys in a fixed order: seq, t_s (exact seconds), time (clock
// text), type, then whichever of incident, actor, subject, detail and value the event has.
// The score closes the log: one "score" line per ledger entry, then "score_total".
#pragma once

#include <ostream>

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

// One event's line, newline included.
void writeEventLine(std::ostream& out, const ExerciseEvent& event);

// The ledger, one "score" line per entry in ledger order (each naming the event behind
// it, 0 for none), then the "score_total" line.
void writeScoreLines(std::ostream& out, const scoring::ScoreCard& card);

}  // namespace irdrill::exercise
