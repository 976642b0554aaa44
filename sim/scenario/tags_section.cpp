// The `tags:` section: tags put on items declared under `people:`, by the item's
// scenario-wide id ("alice/laptop", "engineering-03/keys"). Lets a file (or a variant
// that includes a shared staff list) decide which items are tagged and how, apart from
// who carries what.
#include <map>
#include <set>
#include <utility>

#include "sim/scenario/scenario_sections.hpp"

namespace irdrill::scenario {

void readTags(SourceSet& s, const std::vector<Node>& occurrences, ScenarioDef& scenario,
              const std::set<std::string>& itemsOfInvalidPeople) {
  std::map<std::string, world::ItemDef*> items;
  std::vector<std::string> itemNames;
  for (auto& employee : scenario.employees) {
    for (auto& item : employee.items) {
      items.emplace(item.id, &item);
      itemNames.push_back(item.id);
    }
  }

  for (const Node& occurrence : occurrences) {
    for (const Node& element : readList(s, occurrence, "tags")) {
      MapReader r(s, element, "tag_assignment");
      std::string itemId;
      const auto itemNode = r.get("item", Need::Required);
      if (itemNode) {
        if (const auto text = readText(s, *itemNode, "item")) itemId = *text;
      }
      radio::TagDef tag;
      readTagFields(r, tag);
      if (!itemNode || itemId.empty()) continue;

      const auto found = items.find(itemId);
      if (found == items.end() && itemsOfInvalidPeople.contains(itemId)) continue;
      if (found == items.end()) {
        s.error(*itemNode, "tag on unknown item '" + itemId + "': no employee carries it (" +
                               expectedOneOf(itemNames, itemId) + ")");
        continue;
      }
      world::ItemDef& item = *found->second;
      if (item.tag) {
        s.error(*itemNode, "item '" + itemId + "' already has a tag (from " +
                               formatLocation(item.tag->where) + ")");
        continue;
      }
      item.tag = tag;
    }
  }
}

}  // namespace irdrill::scenario
