// The section parsers of the scenario loader, one file each, called by
// scenario_loader.cpp in dependency order (the office before the people who sit at its
// desks, day plans and scan modes before the people who name them, people before the
// tags that name their items; the team before the procedures whose steps name its roles,
// procedures before the incidents and `procedure_for` that name them). Each fills its
// part of the ScenarioDef, keeping defaults where the file is silent, and reports problems
// through the SourceSet.
//
// Internal to the scenario loader (sim/scenario/).
#pragma once

#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "sim/scenario/scenario_def.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace irdrill::scenario {

// "file:line:col", for messages pointing at a second place ("first at ...").
std::string formatLocation(const core::SourceLocation& where);

// info_section.cpp: `scenario: {name, description, seed, day_start, day_end}`.
void readScenarioInfo(SourceSet& s, const Node& node, ScenarioDef& out);

// office_section.cpp: `office:`, with structural checks (ids unique, desks in rooms of
// their floor, doors joining known rooms); geometry is world::validateOffice's.
void readOffice(SourceSet& s, const Node& node, world::OfficeDef& out);

// day_section.cpp: `day_plans:` (every occurrence, from includes too, combined) and
// `human_error:`.
void readDayPlans(SourceSet& s, const std::vector<Node>& occurrences,
                  std::map<std::string, world::DayPlanDef>& out);
void readHumanError(SourceSet& s, const Node& node, world::HumanErrorDef& out);

// radio_section.cpp: `radio: {propagation, scan_modes}`. `scanModes` holds the built-in
// modes on entry; the file's are added, or override a built-in of the same name.
void readRadio(SourceSet& s, const Node& node, radio::PropagationDef& propagation,
               std::map<std::string, radio::ScanModeDef>& scanModes);

// alerts_section.cpp: `alerts: {phone, gateway}` and `reaction:`.
void readAlerts(SourceSet& s, const Node& node, radio::AlertRuleDef& phone,
                radio::AlertRuleDef& gateway);
void readReaction(SourceSet& s, const Node& node, radio::ReactionDef& out);

// people_section.cpp: `people:` (every occurrence combined, in order), employees and
// groups expanded, desks assigned, references to desks, day plans and scan modes
// checked. Needs office, dayPlans and scanModes filled. The scenario-wide ids of items of
// entries left out for their errors go to `itemsOfInvalidPeople`, so a tag on one of
// them is not reported as a second, misleading error.
void readPeople(SourceSet& s, const std::vector<Node>& occurrences, ScenarioDef& scenario,
                std::set<std::string>& itemsOfInvalidPeople);

// Tag settings, shared by an item's `tag:` and a `tags:` entry (people_section.cpp).
void readTagFields(MapReader& reader, radio::TagDef& tag);

// tags_section.cpp: `tags:`, tags put on items declared in `people:`.
void readTags(SourceSet& s, const std::vector<Node>& occurrences, ScenarioDef& scenario,
              const std::set<std::string>& itemsOfInvalidPeople);

// incidents_section.cpp: `incidents:`. Needs scenario.horizonS, employees (persons and
// their items are checked when `peopleComplete`: after an error in `people:` a missing
// employee is most likely that error again) and procedures.
void readIncidents(SourceSet& s, const Node& node, ScenarioDef& scenario, bool peopleComplete);
// `thieves:`, `item_fate:` and `detection:` (incidents_section.cpp).
void readThieves(SourceSet& s, const Node& node, incident::ThievesDef& out);
void readItemFate(SourceSet& s, const Node& node, incident::ItemFateDef& out);
void readDetection(SourceSet& s, const Node& node, incident::DetectionDef& out);

// response_section.cpp: `team:` (role ids unique).
void readTeam(SourceSet& s, const Node& node, response::TeamDef& out);

// What validateProcedures needs to know about the procedures read.
struct ProcedureLoadInfo {
  std::set<std::string> withErrors;             // ids whose definition had an error
  std::map<std::string, std::string> extends;   // variant id -> the id it extends
};

// response_section.cpp: `procedures:`, variants (`extends:`) expanded into full steps with
// referenceId set to the procedure they extend (for a base: its own id).
void readProcedures(SourceSet& s, const Node& node,
                    std::map<std::string, response::ProcedureDef>& out, ProcedureLoadInfo& info);

// response_section.cpp: `procedure_for:` (incident kind -> procedure id, checked).
void readProcedureFor(SourceSet& s, const Node& node,
                      const std::map<std::string, response::ProcedureDef>& procedures,
                      std::array<std::string, 4>& out);

// response_section.cpp: response::validateProcedure on every procedure read without error,
// a variant only once the procedure it extends passed (so one mistake is reported once).
void validateProcedures(const std::map<std::string, response::ProcedureDef>& procedures,
                        const response::TeamDef& team, const ProcedureLoadInfo& info,
                        core::Diagnostics& diagnostics);

// A list of conditions, each a name of response::kConditionNames optionally written after
// "not " (`when:` of a step, `applies_if:` of a deadline). False when any was invalid.
bool readConditionTerms(SourceSet& s, const Node& list, std::string_view name,
                        std::vector<response::ConditionTerm>& out);

// scoring_section.cpp: `scoring: {weights, deadlines}`.
void readScoring(SourceSet& s, const Node& node, scoring::ScoringDef& out);

}  // namespace irdrill::scenario
