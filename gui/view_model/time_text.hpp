// Clock and duration text for every panel: one formatter, so the timeline, the checklist,
// the MSEL and the journal all read the same ("d1 10:32:05", the session files' format,
// sim/core/clock_text.hpp), and the parser of the times a facilitator types.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sim/core/time.hpp"

namespace irdrill::gui::view_model {

// "d1 10:32:05": the day always shown, whole seconds rounded down.
std::string clockText(core::TimeUs timeUs);
// "d1 10:32": axis labels and compact columns.
std::string shortClockText(core::TimeUs timeUs);
// A span for people ("45 s", "12 min", "3.4 h", "2.1 days"); "-" for a negative span,
// which the views use for "not yet".
std::string spanText(core::TimeUs spanUs);

// A time typed by the facilitator, as a moment of the exercise:
//   "d1 14:00", "d1 14:00:30", "day 1 14:00"   that day and time
//   "14:00", "14:00:30"                          that time on the day `nowUs` is in
//   "+30m", "+1h30m", "+2d"                      that long after `nowUs`
// `error` says what is wrong when `timeUs` is empty (for the form, next to the field).
struct ParsedTime {
  std::optional<core::TimeUs> timeUs;
  std::string error;
};
ParsedTime parseClockText(std::string_view text, core::TimeUs nowUs);

}  // namespace irdrill::gui::view_model
