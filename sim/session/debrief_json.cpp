// The "debrief" object of a session file (see debrief_json.hpp).
#include "sim/session/debrief_json.hpp"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/core/clock_text.hpp"

namespace irdrill::session {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kPath = "debrief";
// As for entries: later than any exercise, and exact to the microsecond in a double.
constexpr double kLatestS = 1e9;

const std::vector<std::string> kDebriefKeys = {"exercise_date", "facilitator", "participants",
                                               "objectives",    "discussion",  "improvements"};
const std::vector<std::string> kParticipantKeys = {"name", "seat", "organisation"};
const std::vector<std::string> kObjectiveKeys = {"objective", "rating", "note"};
const std::vector<std::string> kDiscussionKeys = {"t_s", "time", "prompt", "answer"};
const std::vector<std::string> kImprovementKeys = {"issue", "corrective_action", "capability", "owner", "due"};

Json secondsJson(core::TimeUs timeUs) {
  if (timeUs % core::kUsPerSecond == 0) return Json(static_cast<std::int64_t>(timeUs / core::kUsPerSecond));
  return Json(core::usToSeconds(timeUs));
}

std::string dumped(const Json& value) {
  // Invalid UTF-8 in free text is replaced rather than refused: a session must save.
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// A list written one element per line (or "[]").
template <typename T, typename ToJson>
std::string listText(const std::vector<T>& items, const std::string& pad, ToJson toJson) {
  if (items.empty()) return "[]";
  std::string out = "[\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += pad + "  " + dumped(toJson(items[i])) + (i + 1 < items.size() ? ",\n" : "\n");
  }
  return out + pad + "]";
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& n : names) text += (text.empty() ? "" : ", ") + n;
  return text;
}

std::string typeName(const Json& value) {
  if (value.is_number()) return "a number";
  if (value.is_string()) return "a string";
  if (value.is_boolean()) return "a boolean";
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  return "null";
}

class DebriefReader {
 public:
  DebriefReader(const JsonLocations& where, core::Diagnostics& diagnostics)
      : where_(where), diagnostics_(diagnostics) {}

  DebriefNotes read(const Json& value) {
    DebriefNotes out;
    if (!value.is_object()) {
      error(kPath, "expected the debrief (a JSON object), got " + typeName(value));
      return out;
    }
    checkKeys(value, kPath, kDebriefKeys);
    out.exerciseDate = text(value, kPath, "exercise_date");
    out.facilitator = text(value, kPath, "facilitator");
    out.participants = list<DebriefParticipant>(value, "participants", kParticipantKeys,
                                                [this](const Json& o, const std::string& at) {
                                                  DebriefParticipant p;
                                                  p.name = text(o, at, "name");
                                                  p.seat = text(o, at, "seat");
                                                  p.organisation = text(o, at, "organisation");
                                                  return p;
                                                });
    out.objectives = list<DebriefObjective>(value, "objectives", kObjectiveKeys,
                                            [this](const Json& o, const std::string& at) {
                                              DebriefObjective objective;
                                              objective.objective = text(o, at, "objective");
                                              objective.rating = rating(o, at);
                                              objective.note = text(o, at, "note");
                                              return objective;
                                            });
    out.discussion = list<DiscussionAnswer>(value, "discussion", kDiscussionKeys,
                                            [this](const Json& o, const std::string& at) {
                                              DiscussionAnswer answer;
                                              if (!o.contains("t_s")) error(at, "missing key 't_s'");
                                              answer.atUs = seconds(o, at, "t_s");
                                              text(o, at, "time");  // not read, but must be text
                                              answer.prompt = text(o, at, "prompt");
                                              answer.answer = text(o, at, "answer");
                                              return answer;
                                            });
    out.improvements = list<ImprovementItem>(value, "improvements", kImprovementKeys,
                                             [this](const Json& o, const std::string& at) {
                                               ImprovementItem item;
                                               item.issue = text(o, at, "issue");
                                               item.correctiveAction = text(o, at, "corrective_action");
                                               item.capability = text(o, at, "capability");
                                               item.owner = text(o, at, "owner");
                                               item.dueDate = text(o, at, "due");
                                               return item;
                                             });
    return out;
  }

 private:
  void error(const std::string& path, const std::string& message) {
    diagnostics_.error(where_.at(path), path + ": " + message);
  }
  static std::string member(const std::string& path, const std::string& key) { return path + "." + key; }

  void checkKeys(const Json& object, const std::string& path, const std::vector<std::string>& accepted) {
    for (const auto& [key, value] : object.items()) {
      bool known = false;
      for (const auto& a : accepted) known = known || a == key;
      if (!known) error(member(path, key), "unknown key '" + key + "' (expected one of: " + joined(accepted) + ")");
    }
  }

  std::string text(const Json& object, const std::string& path, const char* key) {
    if (!object.contains(key)) return {};
    const Json& value = object.at(key);
    if (!value.is_string()) {
      error(member(path, key), "expected a string, got " + typeName(value));
      return {};
    }
    return value.get<std::string>();
  }

  core::TimeUs seconds(const Json& object, const std::string& path, const char* key) {
    if (!object.contains(key)) return 0;
    const Json& value = object.at(key);
    if (!value.is_number()) {
      error(member(path, key), "expected a number of seconds, got " + typeName(value));
      return 0;
    }
    const double s = value.get<double>();
    if (!std::isfinite(s) || s < 0 || s > kLatestS) {
      error(member(path, key),
            "expected seconds from 0 to " + core::formatNumber(kLatestS) + ", got " + core::formatNumber(s));
      return 0;
    }
    if (value.is_number_integer()) return value.get<std::int64_t>() * core::kUsPerSecond;
    return core::secondsToUs(s);
  }

  ObjectiveRating rating(const Json& object, const std::string& path) {
    if (!object.contains("rating")) return ObjectiveRating::NotRated;
    const Json& value = object.at("rating");
    if (!value.is_string()) {
      error(member(path, "rating"), "expected a string, got " + typeName(value));
      return ObjectiveRating::NotRated;
    }
    const std::string name = value.get<std::string>();
    for (int i = 0; i < kObjectiveRatingCount; ++i) {
      if (name == kObjectiveRatingNames[i]) return static_cast<ObjectiveRating>(i);
    }
    error(member(path, "rating"),
          "unknown rating '" + name + "' (expected one of: " +
              joined(std::vector<std::string>(kObjectiveRatingNames, kObjectiveRatingNames + kObjectiveRatingCount)) +
              ")");
    return ObjectiveRating::NotRated;
  }

  // A list of objects under `key`; each element read by `readOne` after its keys are checked.
  template <typename T, typename ReadOne>
  std::vector<T> list(const Json& debrief, const char* key, const std::vector<std::string>& accepted,
                      ReadOne readOne) {
    std::vector<T> out;
    if (!debrief.contains(key)) return out;
    const std::string path = member(kPath, key);
    const Json& items = debrief.at(key);
    if (!items.is_array()) {
      error(path, "expected a list, got " + typeName(items));
      return out;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string at = path + "[" + std::to_string(i) + "]";
      if (!items[i].is_object()) {
        error(at, "expected an object, got " + typeName(items[i]));
        continue;
      }
      checkKeys(items[i], at, accepted);
      out.push_back(readOne(items[i], at));
    }
    return out;
  }

  const JsonLocations& where_;
  core::Diagnostics& diagnostics_;
};

}  // namespace

std::string debriefToJsonText(const DebriefNotes& debrief, int indent) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  const std::string inner = pad + "  ";
  std::string out = "{\n";
  out += inner + "\"exercise_date\": " + dumped(Json(debrief.exerciseDate)) + ",\n";
  out += inner + "\"facilitator\": " + dumped(Json(debrief.facilitator)) + ",\n";
  out += inner + "\"participants\": " + listText(debrief.participants, inner, [](const DebriefParticipant& p) {
           Json o;
           o["name"] = p.name;
           o["seat"] = p.seat;
           o["organisation"] = p.organisation;
           return o;
         }) + ",\n";
  out += inner + "\"objectives\": " + listText(debrief.objectives, inner, [](const DebriefObjective& objective) {
           Json o;
           o["objective"] = objective.objective;
           o["rating"] = kObjectiveRatingNames[static_cast<int>(objective.rating)];
           o["note"] = objective.note;
           return o;
         }) + ",\n";
  out += inner + "\"discussion\": " + listText(debrief.discussion, inner, [](const DiscussionAnswer& answer) {
           Json o;
           o["t_s"] = secondsJson(answer.atUs);
           o["time"] = core::dayClockText(answer.atUs);
           o["prompt"] = answer.prompt;
           o["answer"] = answer.answer;
           return o;
         }) + ",\n";
  out += inner + "\"improvements\": " + listText(debrief.improvements, inner, [](const ImprovementItem& item) {
           Json o;
           o["issue"] = item.issue;
           o["corrective_action"] = item.correctiveAction;
           o["capability"] = item.capability;
           o["owner"] = item.owner;
           o["due"] = item.dueDate;
           return o;
         }) + "\n";
  out += pad + "}";
  return out;
}

DebriefNotes debriefFromJson(const Json& value, const JsonLocations& where, core::Diagnostics& diagnostics) {
  return DebriefReader(where, diagnostics).read(value);
}

}  // namespace irdrill::session
