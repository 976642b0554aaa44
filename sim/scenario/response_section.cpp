// The response side of a scenario: `team:` (roles, head counts, hours, on-call),
// `procedures:` (steps with roles, durations, dependencies, conditions and effects; a
// variant `extends:` another and is expanded here into full steps) and `procedure_for:`
// (the procedure each incident kind gets by default).
//
// The structure of each procedure (duplicate steps, unknown `after` steps and roles,
// cycles) is response::validateProcedure's, run once everything is read (see
// validateProcedures).
//
// Sections: steps and conditions / procedures and variants / team / procedure_for and
// validation.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "sim/response/procedure_validation.hpp"
#include "sim/scenario/duration_text.hpp"
#include "sim/scenario/scenario_sections.hpp"

namespace irdrill::scenario {
namespace {

using response::ProcedureDef;
using response::StepDef;

std::size_t errorsSoFar(SourceSet& s) {
  const auto& items = s.diagnostics().items();
  return static_cast<std::size_t>(std::count_if(items.begin(), items.end(), [](const auto& d) {
    return d.severity == core::Severity::Error;
  }));
}

std::vector<std::string> stepIds(const std::vector<StepDef>& steps) {
  std::vector<std::string> ids;
  for (const auto& step : steps) ids.push_back(step.id);
  return ids;
}

std::vector<StepDef>::iterator findStep(std::vector<StepDef>& steps, const std::string& id) {
  return std::find_if(steps.begin(), steps.end(), [&](const StepDef& s) { return s.id == id; });
}

// -------------------------------------------------------------------------------------
// Steps

// Which fields a step entry gave: a `replace_steps` entry replaces only those.
struct GivenFields {
  bool title = false, titleJa = false, role = false, duration = false, after = false, when = false,
       effects = false;
};

void readStepFields(MapReader& r, StepDef& step, Need roleNeed, GivenFields& given) {
  SourceSet& s = r.sources();
  step.where = r.where();
  r.id("id", step.id);
  given.title = r.text("title", step.title);
  given.titleJa = r.text("title_ja", step.titleJa);
  if (const auto role = r.get("role", roleNeed)) {
    if (const auto id = readId(s, *role, "role")) {
      step.role = *id;
      step.roleWhere = s.locate(*role);
      given.role = true;
    }
  }
  given.duration = durationDistKey(r, "duration", step.duration);
  if (const auto after = r.get("after")) {
    given.after = true;
    for (const Node& element : readList(s, *after, "after")) {
      if (const auto id = readId(s, element, "after")) {
        step.after.push_back(*id);
        step.afterWhere.push_back(s.locate(element));
      }
    }
  }
  if (const auto when = r.get("when")) given.when = readConditionTerms(s, *when, "when", step.when);
  if (const auto effects = r.get("effects")) {
    given.effects = true;
    for (const Node& element : readList(s, *effects, "effects")) {
      if (const auto index = readChoice(s, element, "effect", response::kEffectNames)) {
        step.effects.push_back(static_cast<response::Effect>(*index));
      }
    }
  }
}

// -------------------------------------------------------------------------------------
// Procedures and variants

struct StepOverride {
  StepDef fields;
  GivenFields given;
  Node at;
};

struct RemovedStep {
  std::string id;
  Node at;
};

struct AddedStep {
  StepDef step;
  std::string before;  // empty: appended
  Node beforeAt;
};

struct ProcedureEntry {
  ProcedureDef def;  // a variant's steps are filled by expansion
  std::string extends;
  Node extendsAt;
  std::vector<StepOverride> replaces;
  std::vector<RemovedStep> removes;
  std::vector<AddedStep> adds;
  bool hadErrors = false;
  // Expansion state.
  bool expanded = false;
  bool expanding = false;
  bool failed = false;  // a variant that could not be expanded (its error is reported)
};

ProcedureEntry readProcedure(SourceSet& s, const Node& node) {
  const std::size_t errorsBefore = errorsSoFar(s);
  ProcedureEntry entry;
  ProcedureDef& def = entry.def;
  MapReader r(s, node, "procedure");
  def.where = r.where();
  r.id("id", def.id);
  r.text("title", def.title);
  r.text("title_ja", def.titleJa);
  r.text("description", def.description);
  r.text("description_ja", def.descriptionJa);
  if (const auto extends = r.get("extends")) {
    if (const auto id = readId(s, *extends, "extends")) {
      entry.extends = *id;
      entry.extendsAt = *extends;
    }
  }
  const bool isVariant = r.get("extends").has_value();

  if (const auto steps = r.get("steps", isVariant ? Need::Optional : Need::Required)) {
    if (isVariant) {
      s.error(*steps, "procedure '" + def.id + "' extends another, so it gives replace_steps, "
                      "remove_steps and add_steps, not steps");
    } else {
      for (const Node& element : readList(s, *steps, "steps")) {
        MapReader sr(s, element, "step");
        StepDef step;
        GivenFields given;
        readStepFields(sr, step, Need::Required, given);
        def.steps.push_back(std::move(step));
      }
    }
  }
  for (const char* key : {"replace_steps", "remove_steps", "add_steps"}) {
    const auto value = r.get(key);
    if (!value || isVariant) continue;
    // Built by appending: GCC 12 warns (-Wrestrict, a false positive) on "'" + string.
    std::string message = "'";
    message.append(key).append("' needs 'extends' (the procedure whose steps it changes)");
    s.error(*value, message);
  }
  if (isVariant) {
    if (const auto replaces = r.get("replace_steps")) {
      for (const Node& element : readList(s, *replaces, "replace_steps")) {
        MapReader sr(s, element, "step_override");
        StepOverride override;
        readStepFields(sr, override.fields, Need::Optional, override.given);
        override.at = sr.get("id").value_or(element);
        if (!override.fields.id.empty()) entry.replaces.push_back(std::move(override));
      }
    }
    if (const auto removes = r.get("remove_steps")) {
      for (const Node& element : readList(s, *removes, "remove_steps")) {
        if (const auto id = readId(s, element, "remove_steps")) {
          entry.removes.push_back({*id, element});
        }
      }
    }
    if (const auto adds = r.get("add_steps")) {
      for (const Node& element : readList(s, *adds, "add_steps")) {
        MapReader sr(s, element, "added_step");
        AddedStep added;
        GivenFields given;
        readStepFields(sr, added.step, Need::Required, given);
        if (const auto before = sr.get("before")) {
          if (const auto id = readId(s, *before, "before")) {
            added.before = *id;
            added.beforeAt = *before;
          }
        }
        entry.adds.push_back(std::move(added));
      }
    }
  }
  entry.hadErrors = errorsSoFar(s) != errorsBefore;
  return entry;
}

// Removing a step keeps the order it imposed: the steps that waited for it wait for what
// it waited for instead.
void removeStep(std::vector<StepDef>& steps, std::vector<StepDef>::iterator removed) {
  const StepDef gone = *removed;
  steps.erase(removed);
  for (StepDef& step : steps) {
    for (std::size_t i = 0; i < step.after.size();) {
      if (step.after[i] != gone.id) {
        ++i;
        continue;
      }
      step.after.erase(step.after.begin() + static_cast<std::ptrdiff_t>(i));
      const bool hasWhere = i < step.afterWhere.size();
      if (hasWhere) step.afterWhere.erase(step.afterWhere.begin() + static_cast<std::ptrdiff_t>(i));
      for (std::size_t k = 0; k < gone.after.size(); ++k) {
        if (std::find(step.after.begin(), step.after.end(), gone.after[k]) != step.after.end()) {
          continue;
        }
        step.after.push_back(gone.after[k]);
        if (hasWhere) {
          step.afterWhere.push_back(k < gone.afterWhere.size() ? gone.afterWhere[k]
                                                               : core::SourceLocation{});
        }
      }
    }
  }
}

void applyOverride(StepDef& step, const StepOverride& override) {
  const StepDef& f = override.fields;
  const GivenFields& given = override.given;
  step.where = f.where;
  if (given.title) step.title = f.title;
  if (given.titleJa) step.titleJa = f.titleJa;
  // A new English title with no Japanese one: the base step's Japanese title would no
  // longer match, so the English shows in both languages.
  if (given.title && !given.titleJa) step.titleJa.clear();
  if (given.role) {
    step.role = f.role;
    step.roleWhere = f.roleWhere;
  }
  if (given.duration) step.duration = f.duration;
  if (given.after) {
    step.after = f.after;
    step.afterWhere = f.afterWhere;
  }
  if (given.when) step.when = f.when;
  if (given.effects) step.effects = f.effects;
}

void expand(SourceSet& s, ProcedureEntry& entry, std::map<std::string, ProcedureEntry*>& byId,
            std::vector<std::string>& chain) {
  if (entry.expanded) return;
  entry.expanded = true;
  ProcedureDef& def = entry.def;
  if (entry.extends.empty()) {
    def.referenceId = def.id;
    return;
  }
  const auto found = byId.find(entry.extends);
  if (found == byId.end()) {
    std::vector<std::string> names;
    for (const auto& [id, other] : byId) {
      if (id != def.id) names.push_back(id);
    }
    s.error(entry.extendsAt, "procedure '" + def.id + "' extends unknown procedure '" +
                                 entry.extends + "' (" + expectedOneOf(names, entry.extends) + ")");
    entry.failed = true;
    return;
  }
  ProcedureEntry& base = *found->second;
  if (&base == &entry) {
    s.error(entry.extendsAt, "procedure '" + def.id + "' extends itself");
    entry.failed = true;
    return;
  }
  if (base.expanding) {
    // The chain from the procedure whose expansion began, as include cycles are named.
    std::string text;
    for (const auto& id : chain) text += id + " -> ";
    s.error(entry.extendsAt, "'extends' cycle: " + text + def.id + " -> " + entry.extends);
    entry.failed = true;
    return;
  }
  entry.expanding = true;
  chain.push_back(def.id);
  expand(s, base, byId, chain);
  chain.pop_back();
  entry.expanding = false;
  if (base.failed) {
    entry.failed = true;  // the base's error is what to fix
    return;
  }
  entry.hadErrors = entry.hadErrors || base.hadErrors;
  def.referenceId = base.def.referenceId;
  std::vector<StepDef> steps = base.def.steps;
  const std::string baseLabel = "procedure '" + base.def.id + "'";

  for (const RemovedStep& removed : entry.removes) {
    const auto step = findStep(steps, removed.id);
    if (step == steps.end()) {
      s.error(removed.at, baseLabel + " has no step '" + removed.id + "' to remove (" +
                              expectedOneOf(stepIds(steps), removed.id) + ")");
      entry.hadErrors = true;
      continue;
    }
    removeStep(steps, step);
  }
  for (const StepOverride& override : entry.replaces) {
    const auto step = findStep(steps, override.fields.id);
    if (step == steps.end()) {
      s.error(override.at, baseLabel + " has no step '" + override.fields.id + "' to replace (" +
                               expectedOneOf(stepIds(steps), override.fields.id) + ")");
      entry.hadErrors = true;
      continue;
    }
    applyOverride(*step, override);
  }
  for (const AddedStep& added : entry.adds) {
    if (added.step.id.empty()) continue;
    if (findStep(steps, added.step.id) != steps.end()) {
      s.error(added.step.where, "step '" + added.step.id + "' is already in " + baseLabel +
                                    "; change it with replace_steps");
      entry.hadErrors = true;
      continue;
    }
    auto position = steps.end();
    if (!added.before.empty()) {
      position = findStep(steps, added.before);
      if (position == steps.end()) {
        s.error(added.beforeAt, "unknown step '" + added.before + "' for 'before' (" +
                                    expectedOneOf(stepIds(steps), added.before) + ")");
        entry.hadErrors = true;
      }
    }
    steps.insert(position, added.step);
  }
  def.steps = std::move(steps);
}

// -------------------------------------------------------------------------------------
// Team

// Days of the week, bit i of RoleDef::workDaysMask (Monday first).
constexpr std::array<const char*, 7> kWorkDayNames{"mon", "tue", "wed", "thu",
                                                   "fri", "sat", "sun"};

// Far above any response team, low enough to catch a typo before it allocates.
constexpr int kMaxHeadCount = 1000;

void readRole(SourceSet& s, const Node& node, response::RoleDef& role) {
  MapReader r(s, node, "role");
  role.where = r.where();
  r.id("id", role.id);
  r.text("title", role.title);
  r.text("title_ja", role.titleJa);
  r.integer("head_count", role.headCount, 1, kMaxHeadCount);
  if (const auto hours = r.get("hours")) {
    if (!hours->yaml.IsScalar()) {
      s.error(*hours, "expected working hours \"HH:MM-HH:MM\" for 'hours', got " +
                          describeValue(*hours));
    } else if (const auto parsed = parseWorkingHours(hours->yaml.Scalar()); !parsed.value) {
      // A malformed value is named whole; an end before the start points at the end.
      if (parsed.errorOffset == 0) {
        s.error(*hours, parsed.error + " for 'hours', got " + describeValue(*hours));
      } else {
        errorInScalar(s, *hours, parsed.errorOffset, parsed.error);
      }
    } else {
      role.workStartS = parsed.value->startS;
      role.workEndS = parsed.value->endS;
    }
  }
  if (const auto days = r.get("work_days")) {
    unsigned mask = 0;
    bool valid = true;
    for (const Node& element : readList(s, *days, "work_days")) {
      if (const auto index = readChoice(s, element, "work day", kWorkDayNames)) {
        mask |= 1u << *index;
      } else {
        valid = false;
      }
    }
    if (valid) role.workDaysMask = mask;
  }
  r.boolean("on_call", role.onCall);
  durationDistKey(r, "on_call_delay", role.onCallDelay);
}

}  // namespace

// -------------------------------------------------------------------------------------
// Conditions (shared with scoring_section.cpp)

bool readConditionTerms(SourceSet& s, const Node& list, std::string_view name,
                        std::vector<response::ConditionTerm>& out) {
  bool valid = true;
  const std::vector<std::string> names(response::kConditionNames.begin(),
                                       response::kConditionNames.end());
  for (const Node& element : readList(s, list, name)) {
    if (!element.yaml.IsScalar()) {
      s.error(element, "expected a condition name, optionally after \"not \", in '" +
                           std::string(name) + "', got " + describeValue(element) + " (" +
                           expectedOneOf(names, "") + ")");
      valid = false;
      continue;
    }
    const std::string& text = element.yaml.Scalar();
    response::ConditionTerm term;
    std::size_t offset = 0;
    if (text.starts_with("not ")) {
      term.negated = true;
      offset = text.find_first_not_of(' ', 4);
      if (offset == std::string::npos) offset = text.size();
    }
    const std::string condition = text.substr(offset);
    const auto found = std::find(names.begin(), names.end(), condition);
    if (found == names.end()) {
      errorInScalar(s, element, offset, "unknown condition '" + condition + "' (" +
                                            expectedOneOf(names, condition) + ")");
      valid = false;
      continue;
    }
    term.condition = static_cast<response::Condition>(found - names.begin());
    out.push_back(term);
  }
  return valid;
}

// -------------------------------------------------------------------------------------
// Entry points

void readTeam(SourceSet& s, const Node& node, response::TeamDef& out) {
  MapReader r(s, node, "team");
  out.where = r.where();
  const auto roles = r.get("roles");
  if (!roles) return;
  std::map<std::string, core::SourceLocation> ids;
  for (const Node& element : readList(s, *roles, "roles")) {
    response::RoleDef role;
    readRole(s, element, role);
    if (role.id.empty()) continue;
    const auto [first, inserted] = ids.emplace(role.id, role.where);
    if (!inserted) {
      s.error(role.where, "duplicate role id '" + role.id + "' (first at " +
                              formatLocation(first->second) + ")");
      continue;
    }
    out.roles.push_back(std::move(role));
  }
}

void readProcedures(SourceSet& s, const Node& node,
                    std::map<std::string, response::ProcedureDef>& out, ProcedureLoadInfo& info) {
  std::vector<ProcedureEntry> entries;
  for (const Node& element : readList(s, node, "procedures")) {
    entries.push_back(readProcedure(s, element));
  }
  std::map<std::string, ProcedureEntry*> byId;
  for (ProcedureEntry& entry : entries) {
    if (entry.def.id.empty()) continue;
    const auto [first, inserted] = byId.emplace(entry.def.id, &entry);
    if (!inserted) {
      s.error(entry.def.where, "duplicate procedure id '" + entry.def.id + "' (first at " +
                                   formatLocation(first->second->def.where) + ")");
      entry.def.id.clear();
    }
  }
  for (ProcedureEntry& entry : entries) {
    if (entry.def.id.empty()) continue;
    std::vector<std::string> chain;
    expand(s, entry, byId, chain);
  }
  for (ProcedureEntry& entry : entries) {
    if (entry.def.id.empty()) continue;
    if (entry.hadErrors || entry.failed) info.withErrors.insert(entry.def.id);
    if (!entry.extends.empty()) info.extends[entry.def.id] = entry.extends;
    out.emplace(entry.def.id, std::move(entry.def));
  }
}

void readProcedureFor(SourceSet& s, const Node& node,
                      const std::map<std::string, response::ProcedureDef>& procedures,
                      std::array<std::string, 4>& out) {
  MapReader r(s, node, "procedure_for");
  std::vector<std::string> names;
  for (const auto& [id, procedure] : procedures) names.push_back(id);
  for (std::size_t kind = 0; kind < incident::kIncidentKindNames.size(); ++kind) {
    const char* kindName = incident::kIncidentKindNames[kind];
    std::string id;
    if (!r.id(kindName, id, Need::Optional)) continue;
    if (!procedures.contains(id)) {
      s.error(*r.get(kindName), "unknown procedure '" + id + "' for " + kindName +
                                    " incidents (" + expectedOneOf(names, id) + ")");
      continue;
    }
    out[kind] = id;
  }
}

void validateProcedures(const std::map<std::string, response::ProcedureDef>& procedures,
                        const response::TeamDef& team, const ProcedureLoadInfo& info,
                        core::Diagnostics& diagnostics) {
  // A variant repeats its base's steps: validated only once its base is clean, so one
  // mistake is not reported once per variant.
  std::map<std::string, bool> clean;
  auto errors = [&] {
    const auto& items = diagnostics.items();
    return std::count_if(items.begin(), items.end(),
                         [](const auto& d) { return d.severity == core::Severity::Error; });
  };
  std::function<bool(const std::string&, int)> validate = [&](const std::string& id, int depth) {
    if (const auto known = clean.find(id); known != clean.end()) return known->second;
    bool ok = false;
    const auto procedure = procedures.find(id);
    // Depth bounds a chain of extends; cycles were reported while reading.
    if (procedure != procedures.end() && !info.withErrors.contains(id) &&
        depth <= static_cast<int>(procedures.size())) {
      const auto base = info.extends.find(id);
      if (base == info.extends.end() || validate(base->second, depth + 1)) {
        const auto before = errors();
        response::validateProcedure(procedure->second, team, diagnostics);
        ok = errors() == before;
      }
    }
    clean[id] = ok;
    return ok;
  };
  for (const auto& [id, procedure] : procedures) validate(id, 0);
}

}  // namespace irdrill::scenario
