// --play SCRIPT.jsonl: a scripted session, one JSON object per line, each for one frame:
//
//   {"frame":3,"mouse":[x,y]}           move the pointer (window pixels)
//   {"frame":3,"click":[x,y]}           move, press and release the left button
//   {"frame":3,"key":"space"}           press and release a key (names: keyNames below)
//   {"frame":3,"text":"漏えい"}          type text (UTF-8, as IME commits arrive)
//   {"frame":3,"cmd":"pause"}           also "play", "step", "express", "reset_layout",
//                                       "run_to_end" (the whole horizon, as `irdrill replay`)
//   {"frame":3,"speed":3600}            simulated seconds per wall second
//   {"frame":3,"run_until":"d0 11:00"}  run the clock there now (synchronous)
//   {"frame":3,"decision":{...}}        a player decision (kind, incident, step, ...)
//   {"frame":3,"inject":{...}}          a facilitator inject (action, source, at, ...)
//   {"frame":3,"mark":{...}}            an evaluator mark (incident, step, mark, note)
//   {"frame":3,"view":"player"}         or "facilitator"
//   {"frame":3,"seat":"IT lead"}        who decides next
//   {"frame":3,"select_incident":"phishing-1"}
//   {"frame":3,"screenshot":"out.png"}  after this frame is drawn
//   {"frame":3,"quit":true}             end after this frame
//
// Frames count from 1 and never decrease. ImGui sees a button as clicked when it goes
// down and up again: two clicks need at least one frame between them, and a key pressed on
// frame N is released on frame N+1. Blank lines and lines starting with '#' are
// skipped. Input events replace the window's own keyboard and mouse while a script plays.
// Pure: parsed and checked before any window opens, errors located "file:line: ...".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/session/session.hpp"

namespace irdrill::gui {

struct ScriptInput {
  enum class Kind { MouseMove, Click, Key, Text };
  Kind kind = Kind::MouseMove;
  float xPx = 0, yPx = 0;
  std::string key;   // Kind::Key: one of kScriptKeyNames
  std::string text;  // Kind::Text: UTF-8
};

inline constexpr const char* kScriptKeyNames[] = {"space", "enter", "escape", "tab", "backspace", "f2",
                                                  "left", "right", "up", "down", "delete", "home", "end"};

struct ScriptCommand {
  enum class Kind {
    Pause, Play, Step, Express, ResetLayout, RunToEnd, Speed, RunUntil, Entry, View, Seat,
    SelectIncident, Screenshot, Quit
  };
  Kind kind = Kind::Pause;
  double speedSimSPerWallS = 0;  // Speed
  std::string text;              // RunUntil (as typed), View, Seat, SelectIncident, Screenshot
  session::SessionEntry entry;   // Entry: a decision, inject or mark (its time is set when applied)
};

struct ScriptStep {
  int frame = 1;
  int line = 0;  // in the script file, for messages
  std::variant<ScriptInput, ScriptCommand> what;
};

struct ScriptParse {
  std::vector<ScriptStep> steps;    // in frame order
  std::vector<std::string> errors;  // "script.jsonl:4: error: ..."
};

ScriptParse parseInputScript(std::string_view text, const std::string& path);

}  // namespace irdrill::gui
