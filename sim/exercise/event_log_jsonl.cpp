#include "sim/exercise/event_log_jsonl.hpp"

#include "sim/core/clock_text.hpp"
#include "sim/core/json_text.hpp"
#include "sim/core/version.hpp"

namespace irdrill::exercise {

using core::jsonNumber;
using core::jsonSecondsFromUs;
using core::jsonString;

void writeHeaderLine(std::ostream& out, const EventLogHeader& h) {
  out << "{\"type\":\"header\",\"scenario\":" << jsonString(h.scenarioFile)
      << ",\"scenario_name\":" << jsonString(h.scenarioName) << ",\"scenario_hash\":" << jsonString(h.scenarioHash)
      << ",\"seed\":" << h.seed << ",\"replication\":" << h.replication
      << ",\"irdrill_version\":" << jsonString(core::kIrdrillVersion) << "}\n";
}

void writeEventLine(std::ostream& out, const ExerciseEvent& e) {
  out << "{\"seq\":" << e.seq << ",\"t_s\":" << jsonSecondsFromUs(e.timeUs)
      << ",\"time\":" << jsonString(core::clockText(e.timeUs)) << ",\"type\":" << jsonString(e.type());
  if (!e.incident.empty()) out << ",\"incident\":" << jsonString(e.incident);
  if (!e.actor.empty()) out << ",\"actor\":" << jsonString(e.actor);
  if (!e.subject.empty()) out << ",\"subject\":" << jsonString(e.subject);
  if (!e.detail.empty()) out << ",\"detail\":" << jsonString(e.detail);
  if (!e.reason.empty()) out << ",\"reason\":" << jsonString(e.reason);
  // The kind's one quantity under its own key, written even when 0 (0 records is news).
  const EventQuantity quantity = eventQuantity(e.kind);
  if (quantity == EventQuantity::TrueAlert) {
    out << ",\"true_alert\":" << (e.value != 0 ? "true" : "false");
  } else if (quantity != EventQuantity::None) {
    out << ",\"" << kEventQuantityKeys[static_cast<int>(quantity)] << "\":" << jsonNumber(e.value);
  }
  out << "}\n";
}

void JsonLinesEventSink::onExerciseEvent(const ExerciseEvent& event) { writeEventLine(out_, event); }

void writeScoreLines(std::ostream& out, const scoring::ScoreCard& card) {
  for (const auto& e : card.ledger) {
    out << "{\"type\":\"score\",\"term\":" << jsonString(e.term);
    if (!e.incident.empty()) out << ",\"incident\":" << jsonString(e.incident);
    out << ",\"quantity\":" << jsonNumber(e.quantity) << ",\"unit\":" << jsonString(e.unit)
        << ",\"points\":" << jsonNumber(e.points) << ",\"t_s\":" << jsonSecondsFromUs(e.timeUs)
        << ",\"event\":" << e.eventSeq << ",\"detail\":" << jsonString(e.detail) << "}\n";
  }
  out << "{\"type\":\"score_total\",\"points\":" << jsonNumber(card.total) << "}\n";
}

}  // namespace irdrill::exercise
