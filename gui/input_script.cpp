// Parsing --play scripts (format in input_script.hpp).
#include "input_script.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "run_clock.hpp"

namespace irdrill::gui {
namespace {

using Json = nlohmann::json;

// Thrown for one bad line; caught per line so every bad line is reported.
struct LineError {
  std::string message;
};

std::string stringField(const Json& object, const char* key, const char* where) {
  const auto it = object.find(key);
  if (it == object.end()) return {};
  if (!it->is_string()) throw LineError{std::string(where) + "." + key + " must be a string"};
  return it->get<std::string>();
}

void rejectUnknownKeys(const Json& object, const std::set<std::string>& known, const std::string& where) {
  for (const auto& [key, value] : object.items()) {
    if (known.count(key)) continue;
    std::string list;
    for (const auto& name : known) list += (list.empty() ? "" : ", ") + name;
    throw LineError{"unknown key '" + where + (where.empty() ? "" : ".") + key + "' (expected one of: " + list + ")"};
  }
}

float coordinate(const Json& value, const char* key) {
  if (!value.is_number() || !std::isfinite(value.get<double>())) {
    throw LineError{std::string(key) + " needs two numbers [x, y]"};
  }
  return value.get<float>();
}

ScriptInput pointerInput(const Json& pair, ScriptInput::Kind kind, const char* key) {
  if (!pair.is_array() || pair.size() != 2) throw LineError{std::string(key) + " needs [x, y] in pixels"};
  ScriptInput input;
  input.kind = kind;
  input.xPx = coordinate(pair[0], key);
  input.yPx = coordinate(pair[1], key);
  return input;
}

session::SessionEntry decisionEntry(const Json& object) {
  if (!object.is_object()) throw LineError{"decision must be an object"};
  rejectUnknownKeys(object, {"kind", "incident", "step", "procedure", "role", "item", "deadline", "seat", "rationale"},
                    "decision");
  session::SessionEntry entry;
  entry.kind = session::SessionEntry::Kind::Decision;
  const std::string kindName = stringField(object, "kind", "decision");
  const auto kind = exercise::decisionKindNamed(kindName);
  if (!kind) {
    std::string list;
    for (const char* name : exercise::kDecisionKindNames) list += (list.empty() ? "" : ", ") + std::string(name);
    throw LineError{"decision.kind '" + kindName + "' is not a decision (expected one of: " + list + ")"};
  }
  exercise::Decision& d = entry.decision;
  d.kind = *kind;
  d.incident = stringField(object, "incident", "decision");
  d.step = stringField(object, "step", "decision");
  d.procedure = stringField(object, "procedure", "decision");
  d.role = stringField(object, "role", "decision");
  d.item = stringField(object, "item", "decision");
  d.deadline = stringField(object, "deadline", "decision");
  d.seat = stringField(object, "seat", "decision");
  d.rationale = stringField(object, "rationale", "decision");
  return entry;
}

session::SessionEntry injectEntry(const Json& object) {
  if (!object.is_object()) throw LineError{"inject must be an object"};
  rejectUnknownKeys(object, {"action", "source", "target", "arrival", "at", "seat", "rationale"}, "inject");
  session::SessionEntry entry;
  entry.kind = session::SessionEntry::Kind::Inject;
  exercise::InjectOrder& order = entry.inject;
  const std::string action = stringField(object, "action", "inject");
  const auto* const names = exercise::kInjectActionNames;
  const auto found = std::find_if(names, names + 3, [&](const char* name) { return action == name; });
  if (found == names + 3) {
    throw LineError{"inject.action '" + action + "' is not an action (expected one of: fire, schedule, skip)"};
  }
  order.action = static_cast<exercise::InjectAction>(found - names);
  order.source = stringField(object, "source", "inject");
  order.target = stringField(object, "target", "inject");
  order.arrival = stringField(object, "arrival", "inject");
  order.seat = stringField(object, "seat", "inject");
  order.rationale = stringField(object, "rationale", "inject");
  const std::string at = stringField(object, "at", "inject");
  if (order.action == exercise::InjectAction::Schedule) {
    const TimeParse parsed = parseUntilOption(at);
    if (!parsed.timeUs) throw LineError{"inject.at: " + parsed.error};
    order.atUs = *parsed.timeUs;
  } else if (!at.empty()) {
    throw LineError{"inject.at is only for action \"schedule\""};
  }
  return entry;
}

session::SessionEntry markEntry(const Json& object) {
  if (!object.is_object()) throw LineError{"mark must be an object"};
  rejectUnknownKeys(object, {"incident", "step", "mark", "note", "seat"}, "mark");
  session::SessionEntry entry;
  entry.kind = session::SessionEntry::Kind::Mark;
  entry.mark.incident = stringField(object, "incident", "mark");
  entry.mark.step = stringField(object, "step", "mark");
  entry.mark.note = stringField(object, "note", "mark");
  entry.decision.seat = stringField(object, "seat", "mark");
  const std::string mark = stringField(object, "mark", "mark");
  const auto* const names = session::kStepMarkNames;
  const auto found = std::find_if(names, names + 4, [&](const char* name) { return mark == name; });
  if (found == names + 4) {
    throw LineError{"mark.mark '" + mark + "' is not a mark (expected one of: not_observed, met, partly, not_met)"};
  }
  entry.mark.mark = static_cast<session::StepMark>(found - names);
  return entry;
}

ScriptCommand command(ScriptCommand::Kind kind) {
  ScriptCommand c;
  c.kind = kind;
  return c;
}

std::variant<ScriptInput, ScriptCommand> parseAction(const Json& line) {
  // Exactly one action key besides "frame".
  std::vector<std::string> actions;
  for (const auto& [key, value] : line.items()) {
    if (key != "frame") actions.push_back(key);
  }
  if (actions.size() != 1) {
    throw LineError{"each line needs \"frame\" and exactly one action (mouse, click, key, text, cmd, speed, "
                    "run_until, decision, inject, mark, view, seat, select_incident, screenshot, quit)"};
  }
  const std::string& key = actions.front();
  const Json& value = line[key];
  if (key == "mouse") return pointerInput(value, ScriptInput::Kind::MouseMove, "mouse");
  if (key == "click") return pointerInput(value, ScriptInput::Kind::Click, "click");
  if (key == "key") {
    ScriptInput input;
    input.kind = ScriptInput::Kind::Key;
    input.key = value.is_string() ? value.get<std::string>() : "";
    for (const char* name : kScriptKeyNames) {
      if (input.key == name) return input;
    }
    std::string list;
    for (const char* name : kScriptKeyNames) list += (list.empty() ? "" : ", ") + std::string(name);
    throw LineError{"key '" + input.key + "' is not a key name (expected one of: " + list + ")"};
  }
  if (key == "text") {
    if (!value.is_string()) throw LineError{"text must be a string"};
    ScriptInput input;
    input.kind = ScriptInput::Kind::Text;
    input.text = value.get<std::string>();
    return input;
  }
  if (key == "cmd") {
    const std::string name = value.is_string() ? value.get<std::string>() : "";
    if (name == "pause") return command(ScriptCommand::Kind::Pause);
    if (name == "play") return command(ScriptCommand::Kind::Play);
    if (name == "step") return command(ScriptCommand::Kind::Step);
    if (name == "express") return command(ScriptCommand::Kind::Express);
    if (name == "reset_layout") return command(ScriptCommand::Kind::ResetLayout);
    if (name == "run_to_end") return command(ScriptCommand::Kind::RunToEnd);
    throw LineError{"cmd '" + name +
                    "' is not a command (expected one of: pause, play, step, express, reset_layout, run_to_end)"};
  }
  if (key == "speed") {
    if (!value.is_number() || !(value.get<double>() > 0) || !std::isfinite(value.get<double>())) {
      throw LineError{"speed must be a positive number of simulated seconds per second"};
    }
    ScriptCommand c = command(ScriptCommand::Kind::Speed);
    c.speedSimSPerWallS = value.get<double>();
    return c;
  }
  auto textCommand = [&](ScriptCommand::Kind kind) {
    if (!value.is_string() || value.get<std::string>().empty()) throw LineError{key + " must be a non-empty string"};
    ScriptCommand c = command(kind);
    c.text = value.get<std::string>();
    return c;
  };
  if (key == "run_until") {
    ScriptCommand c = textCommand(ScriptCommand::Kind::RunUntil);
    // Checked for form now; whether it is still ahead of the clock is known only when it runs.
    if (const TimeParse parsed = parseUntilOption(c.text); !parsed.timeUs) throw LineError{"run_until: " + parsed.error};
    return c;
  }
  if (key == "view") {
    ScriptCommand c = textCommand(ScriptCommand::Kind::View);
    if (c.text != "player" && c.text != "facilitator") throw LineError{"view must be \"player\" or \"facilitator\""};
    return c;
  }
  if (key == "seat") return textCommand(ScriptCommand::Kind::Seat);
  if (key == "select_incident") return textCommand(ScriptCommand::Kind::SelectIncident);
  if (key == "screenshot") {
    ScriptCommand c = textCommand(ScriptCommand::Kind::Screenshot);
    if (c.text.size() < 4 || c.text.substr(c.text.size() - 4) != ".png") throw LineError{"screenshot file must end in .png"};
    return c;
  }
  if (key == "quit") {
    if (value != true) throw LineError{"quit must be true"};
    return command(ScriptCommand::Kind::Quit);
  }
  ScriptCommand c = command(ScriptCommand::Kind::Entry);
  if (key == "decision") c.entry = decisionEntry(value);
  else if (key == "inject") c.entry = injectEntry(value);
  else if (key == "mark") c.entry = markEntry(value);
  else throw LineError{"unknown action '" + key + "'"};
  return c;
}

}  // namespace

ScriptParse parseInputScript(std::string_view text, const std::string& path) {
  ScriptParse out;
  int lineNumber = 0;
  int lastFrame = 1;
  while (!text.empty()) {
    ++lineNumber;
    const auto newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#') continue;
    const std::string where = path + ":" + std::to_string(lineNumber) + ": error: ";
    try {
      const Json json = Json::parse(line);
      if (!json.is_object()) throw LineError{"each line must be a JSON object"};
      const auto frame = json.find("frame");
      if (frame == json.end() || !frame->is_number_integer() || frame->get<long long>() < 1 ||
          frame->get<long long>() > 1'000'000) {
        throw LineError{"\"frame\" must be a whole number from 1 to 1000000"};
      }
      ScriptStep step;
      step.frame = frame->get<int>();
      step.line = lineNumber;
      if (step.frame < lastFrame) {
        throw LineError{"frame " + std::to_string(step.frame) + " comes after frame " + std::to_string(lastFrame) +
                        " (frames never decrease)"};
      }
      step.what = parseAction(json);
      lastFrame = step.frame;
      out.steps.push_back(std::move(step));
    } catch (const LineError& e) {
      out.errors.push_back(where + e.message);
    } catch (const nlohmann::json::exception& e) {
      out.errors.push_back(where + "not valid JSON (" + e.what() + ")");
    }
  }
  return out;
}

}  // namespace irdrill::gui
