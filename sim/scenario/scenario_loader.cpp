// Loading a scenario: gathers the top-level sections of the file and of the files it
// includes, then runs the section parsers in dependency order (see scenario_sections.hpp).
//
// A top-level `include: [a.yaml, b.yaml]` adds the sections of those files as if written
// at that point. `people`, `tags` and `day_plans` may appear in several files and are
// combined, in the order met; any other section is defined once.
#include "sim/scenario/scenario_loader.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "sim/radio/scan_modes.hpp"
#include "sim/scenario/scenario_sections.hpp"
#include "sim/world/office_validation.hpp"

namespace irdrill::scenario {
namespace {

// The top-level keys, in the order messages list them. The JSON Schema's root
// `properties` must list the same (tests/scenario check it).
constexpr std::array<const char*, 20> kTopLevelKeys{
    "include",   "scenario",      "office",    "day_plans", "people",        "tags",
    "human_error", "radio",       "alerts",    "reaction",  "crowd_finding",
    "separation_distance_m",      "incidents", "thieves",   "item_fate",     "detection",
    "team",      "procedures",    "procedure_for", "scoring"};

bool isCombinedSection(std::string_view key) {
  return key == "people" || key == "tags" || key == "day_plans";
}

// A file whose sections were included more than once: everything it defines would be
// defined again, so the repeats are skipped and reported once, with their count.
struct RepeatedInclude {
  std::string path;
  core::SourceLocation first;   // the include that was used
  core::SourceLocation second;  // where the message points
  std::size_t times = 1;
};

struct Sections {
  std::map<std::string, std::vector<Node>, std::less<>> byKey;
  std::map<std::string, core::SourceLocation, std::less<>> firstAt;
  std::map<std::string, RepeatedInclude> includes;  // by the file's identity

  const Node* single(std::string_view key) const {
    const auto it = byKey.find(key);
    return it == byKey.end() ? nullptr : &it->second.front();
  }
  std::vector<Node> all(std::string_view key) const {
    const auto it = byKey.find(key);
    return it == byKey.end() ? std::vector<Node>{} : it->second;
  }
};

void collectSections(SourceSet& s, const Node& document, Sections& out) {
  if (!document.yaml.IsMap()) {
    s.error(document, "expected a mapping of scenario sections (scenario, office, people, ...), "
                      "got " + describeValue(document));
    return;
  }
  const std::vector<std::string> validKeys(kTopLevelKeys.begin(), kTopLevelKeys.end());
  std::map<std::string, Node> seenHere;
  for (auto it = document.yaml.begin(); it != document.yaml.end(); ++it) {
    const Node keyNode = s.child(document, it->first);
    const Node value = s.child(document, it->second, &it->first);
    if (!it->first.IsScalar()) {
      s.error(keyNode, "expected a key name, got " + describeValue(keyNode));
      continue;
    }
    const std::string& key = it->first.Scalar();
    if (std::find(validKeys.begin(), validKeys.end(), key) == validKeys.end()) {
      s.error(keyNode, "unknown key '" + key + "' (" + expectedOneOf(validKeys, key) + ")");
      continue;
    }
    if (const auto previous = seenHere.find(key); previous != seenHere.end()) {
      const auto first = s.locate(previous->second);
      s.error(keyNode, "duplicate key '" + key + "' (first at " + std::to_string(first.line) +
                           ":" + std::to_string(first.column) + ")");
      continue;
    }
    seenHere.emplace(key, keyNode);

    if (key == "include") {
      // One path or a list of paths, each relative to this file.
      std::vector<Node> paths;
      if (value.yaml.IsSequence()) {
        for (const auto& element : value.yaml) paths.push_back(s.child(value, element));
      } else {
        paths.push_back(value);
      }
      for (const Node& path : paths) {
        const auto included = s.include(path);
        if (!included) continue;
        const SourceFile& file = *included->frame->file;
        const auto [use, first] =
            out.includes.try_emplace(file.identity, RepeatedInclude{file.displayPath, s.locate(path), {}, 0});
        if (++use->second.times == 2) use->second.second = s.locate(path);
        if (first) collectSections(s, *included, out);
      }
      continue;
    }
    if (!isCombinedSection(key)) {
      if (const auto first = out.firstAt.find(key); first != out.firstAt.end()) {
        s.error(keyNode, "section '" + key + "' is defined twice (first at " +
                             formatLocation(first->second) + ")");
        continue;
      }
    }
    out.firstAt.emplace(key, s.locate(keyNode));
    if (const auto resolved = resolveInclude(s, value)) out.byKey[key].push_back(*resolved);
  }
}

std::size_t errorCount(const core::Diagnostics& diagnostics) {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.items().begin(), diagnostics.items().end(),
                    [](const core::Diagnostic& d) { return d.severity == core::Severity::Error; }));
}

// Sections are parsed in dependency order, not file order; users read messages top to
// bottom, so sort them by file (in the order files were first mentioned), line, column.
core::Diagnostics inFileOrder(const core::Diagnostics& diagnostics) {
  std::vector<std::string> files;
  for (const auto& d : diagnostics.items()) {
    if (std::find(files.begin(), files.end(), d.where.file) == files.end()) {
      files.push_back(d.where.file);
    }
  }
  auto key = [&](const core::Diagnostic& d) {
    const auto file = std::find(files.begin(), files.end(), d.where.file) - files.begin();
    return std::tuple(file, d.where.line, d.where.column);
  };
  std::vector<core::Diagnostic> sorted = diagnostics.items();
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const auto& a, const auto& b) { return key(a) < key(b); });
  core::Diagnostics out;
  for (auto& d : sorted) {
    if (d.severity == core::Severity::Error) {
      out.error(std::move(d.where), std::move(d.message));
    } else {
      out.warning(std::move(d.where), std::move(d.message));
    }
  }
  return out;
}

LoadResult load(SourceSet& sources, const std::optional<Node>& root,
                const std::string& displayPath, core::Diagnostics& diagnostics) {
  LoadResult result;
  if (root) {
    Sections sections;
    collectSections(sources, *root, sections);
    for (const auto& [identity, use] : sections.includes) {
      if (use.times < 2) continue;
      sources.error(use.second, "'" + use.path + "' is included " + std::to_string(use.times) +
                                    " times (first at " + formatLocation(use.first) +
                                    "); a file's sections are included once, or every id in "
                                    "it would be defined " + std::to_string(use.times) + " times");
    }

    ScenarioDef def;
    def.where = sources.locate(*root);
    def.name = std::filesystem::path(displayPath).stem().string();
    def.scanModes = radio::builtInScanModes();

    if (const Node* n = sections.single("scenario")) readScenarioInfo(sources, *n, def);
    if (const Node* n = sections.single("office")) {
      const std::size_t before = errorCount(diagnostics);
      readOffice(sources, *n, def.office);
      // Geometry is checked on an office that parsed cleanly: on a half-read one (a desk
      // whose room was misspelt...) it would only repeat what was said, less precisely.
      if (errorCount(diagnostics) == before) world::validateOffice(def.office, diagnostics);
    } else if (root->yaml.IsMap() && !sections.firstAt.contains("office")) {
      // (When `office:` is there but its include failed, that failure is the message.)
      sources.error(*root, "missing required section 'office'");
    }
    if (const Node* n = sections.single("radio")) {
      readRadio(sources, *n, def.propagation, def.scanModes);
    }
    readDayPlans(sources, sections.all("day_plans"), def.dayPlans);
    if (const Node* n = sections.single("human_error")) readHumanError(sources, *n, def.humanError);
    if (const Node* n = sections.single("alerts")) {
      readAlerts(sources, *n, def.phoneAlert, def.gatewayAlert);
    }
    if (const Node* n = sections.single("reaction")) readReaction(sources, *n, def.reaction);
    if (const Node* n = sections.single("crowd_finding")) {
      if (const auto flag = readBool(sources, *n, "crowd_finding")) def.crowdFinding = *flag;
    }
    if (const Node* n = sections.single("separation_distance_m")) {
      if (const auto distance =
              readNumber(sources, *n, "separation_distance_m", Bounds::positive())) {
        def.separationDistanceM = *distance;
      }
    }
    std::set<std::string> itemsOfInvalidPeople;
    const std::size_t errorsBeforePeople = errorCount(diagnostics);
    readPeople(sources, sections.all("people"), def, itemsOfInvalidPeople);
    const bool peopleComplete = errorCount(diagnostics) == errorsBeforePeople;
    readTags(sources, sections.all("tags"), def, itemsOfInvalidPeople);

    // The response before the incidents that name its procedures.
    const std::size_t errorsBeforeTeam = errorCount(diagnostics);
    if (const Node* n = sections.single("team")) readTeam(sources, *n, def.team);
    const bool teamComplete = errorCount(diagnostics) == errorsBeforeTeam;
    ProcedureLoadInfo procedureInfo;
    if (const Node* n = sections.single("procedures")) {
      readProcedures(sources, *n, def.procedures, procedureInfo);
    }
    if (const Node* n = sections.single("procedure_for")) {
      readProcedureFor(sources, *n, def.procedures, def.procedureForKind);
    }
    if (const Node* n = sections.single("incidents")) {
      readIncidents(sources, *n, def, peopleComplete);
    }
    if (const Node* n = sections.single("thieves")) readThieves(sources, *n, def.thieves);
    if (const Node* n = sections.single("item_fate")) readItemFate(sources, *n, def.itemFate);
    if (const Node* n = sections.single("detection")) readDetection(sources, *n, def.detection);
    if (const Node* n = sections.single("scoring")) readScoring(sources, *n, def.scoring);
    // Steps naming roles of a team that failed to load would only repeat that failure.
    if (teamComplete) validateProcedures(def.procedures, def.team, procedureInfo, diagnostics);

    // Parts the file leaves to defaults still name the file (line 0: no line), so a
    // later check of them says which scenario it is about.
    const core::SourceLocation fileOnly{displayPath, 0, 0};
    for (core::SourceLocation* where :
         {&def.office.where, &def.humanError.where, &def.propagation.where,
          &def.phoneAlert.where, &def.gatewayAlert.where, &def.reaction.where,
          &def.dayPlans["default"].where, &def.thieves.where, &def.itemFate.where,
          &def.detection.where, &def.team.where, &def.scoring.where}) {
      if (where->file.empty()) *where = fileOnly;
    }

    if (!diagnostics.hasErrors()) result.scenario = std::move(def);
  }
  if (KeyCatalogue* catalogue = sources.catalogue()) {
    (*catalogue)["scenario_file"].insert(kTopLevelKeys.begin(), kTopLevelKeys.end());
  }
  result.diagnostics = inFileOrder(diagnostics);
  return result;
}

}  // namespace

// Overrides change the documents before the sections are gathered (overrides.hpp); their
// messages are then moved from the lines of the nodes they created to the option.
LoadResult loadScenarioFile(const std::string& path, KeyCatalogue* acceptedKeys,
                            const std::vector<Override>& overrides) {
  core::Diagnostics diagnostics;
  SourceSet sources(diagnostics, acceptedKeys);
  const auto root = sources.openRoot(path);
  OverrideMarks marks;
  if (root) applyOverrides(sources, *root, overrides, marks);
  LoadResult result = load(sources, root, path, diagnostics);
  result.diagnostics = relocateOverrideDiagnostics(result.diagnostics, marks);
  return result;
}

LoadResult loadScenarioString(std::string_view yaml, const std::string& displayName,
                              KeyCatalogue* acceptedKeys, const std::vector<Override>& overrides) {
  core::Diagnostics diagnostics;
  SourceSet sources(diagnostics, acceptedKeys);
  const auto root = sources.openRootText(yaml, displayName);
  OverrideMarks marks;
  if (root) applyOverrides(sources, *root, overrides, marks);
  LoadResult result = load(sources, root, displayName, diagnostics);
  result.diagnostics = relocateOverrideDiagnostics(result.diagnostics, marks);
  return result;
}

}  // namespace irdrill::scenario
