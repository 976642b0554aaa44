// The debrief of a tabletop session as data, kept in the session file beside the log
// ("debrief", docs/session-format.md): who took part, the exercise date and facilitator,
// the objectives with the evaluator's rating, the answers the room gave to the discussion
// prompts, and the improvement plan. Everything is free text as entered (any language,
// UTF-8); nothing here changes the simulation, so a session replays the same with or
// without it. The after-action report (sim/debrief/aar_html.hpp) is built from it.
//
// The structure follows the HSEEP After-Action Report / Improvement Plan (AAR/IP).
#pragma once

#include <string>
#include <vector>

#include "sim/core/time.hpp"

namespace irdrill::session {

// One person in the room.
struct DebriefParticipant {
  std::string name;
  std::string seat;          // role or seat during the exercise ("IT lead", "CISO")
  std::string organisation;  // as entered ("Information Systems", "情報システム部")
};

// The HSEEP rating of an objective or capability by the evaluator.
enum class ObjectiveRating {
  NotRated,
  Performed,        // P: performed without challenges
  SomeChallenges,   // S: performed with some challenges
  MajorChallenges,  // M: performed with major challenges
  Unable,           // U: unable to be performed
};
inline constexpr const char* kObjectiveRatingNames[] = {"not_rated", "performed", "some_challenges",
                                                        "major_challenges", "unable"};
inline constexpr int kObjectiveRatingCount = 5;

struct DebriefObjective {
  std::string objective;  // "Contain a phished workstation within 4 hours of detection"
  ObjectiveRating rating = ObjectiveRating::NotRated;
  std::string note;       // the evaluator's reasons
};

// What the room answered to a discussion prompt (an auto-pause card's, or one the
// facilitator asked), at the simulated time it was typed.
struct DiscussionAnswer {
  core::TimeUs atUs = 0;
  std::string prompt;
  std::string answer;
};

// One row of the improvement plan.
struct ImprovementItem {
  std::string issue;             // what went wrong or is missing (an area for improvement)
  std::string correctiveAction;  // what will be done about it
  std::string capability;        // the capability or procedure it belongs to ("unauthorized-access")
  std::string owner;             // who does it (a person or a team)
  std::string dueDate;           // as entered; ISO dates ("2027-01-31") sort and print best
};

struct DebriefNotes {
  std::string exerciseDate;  // as entered ("2026-12-03")
  std::string facilitator;
  std::vector<DebriefParticipant> participants;
  std::vector<DebriefObjective> objectives;
  std::vector<DiscussionAnswer> discussion;  // in the order typed
  std::vector<ImprovementItem> improvements;

  // Nothing entered: the session file then has no "debrief" key (older files stay as they are).
  bool empty() const {
    return exerciseDate.empty() && facilitator.empty() && participants.empty() && objectives.empty() &&
           discussion.empty() && improvements.empty();
  }
};

}  // namespace irdrill::session
