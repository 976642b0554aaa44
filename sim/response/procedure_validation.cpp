// Structural checks of a procedure (see procedure_validation.hpp).
#include "sim/response/procedure_validation.hpp"

#include <deque>
#include <map>
#include <string>
#include <vector>

namespace irdrill::response {
namespace {

std::string quoted(const std::string& text) { return "'" + text + "'"; }

bool known(const core::SourceLocation& where) { return !where.file.empty() || where.line > 0; }

// "file:line:col", or the step's position when the definition was built in code.
std::string placeText(const core::SourceLocation& where, std::size_t stepIndex) {
  if (!known(where)) return "step " + std::to_string(stepIndex + 1);
  std::string text = where.file;
  if (where.line > 0) {
    text += text.empty() ? "line " : ":";
    text += std::to_string(where.line);
    if (where.column > 0) {
      text += ':';
      text += std::to_string(where.column);
    }
  }
  return text;
}

// The full list: procedures and teams are short, and sim/response does not depend on the
// scenario loader's closest-names helper.
std::string expectedOneOf(const std::vector<std::string>& names, const std::string& empty) {
  if (names.empty()) return "(" + empty + ")";
  std::string text = "(expected one of: ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += ", ";
    text += names[i];
  }
  return text + ")";
}

// The procedure's dependency graph with steps identified by their first occurrence:
// successors[p] are the steps that come after step p (execution order).
struct Graph {
  std::map<std::string, std::size_t> firstIndex;
  std::vector<std::vector<std::size_t>> successors;
};

Graph buildGraph(const ProcedureDef& procedure) {
  Graph g;
  const std::size_t n = procedure.steps.size();
  for (std::size_t i = 0; i < n; ++i) g.firstIndex.emplace(procedure.steps[i].id, i);
  g.successors.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (const std::string& id : procedure.steps[i].after) {
      const auto parent = g.firstIndex.find(id);
      // Unknown steps and self-dependencies have their own messages.
      if (parent == g.firstIndex.end() || parent->second == i) continue;
      g.successors[parent->second].push_back(i);  // ascending in i: deterministic walks
    }
  }
  return g;
}

// reach[i][j]: step j can be reached from step i by one or more edges.
std::vector<std::vector<bool>> reachability(const Graph& g) {
  const std::size_t n = g.successors.size();
  std::vector<std::vector<bool>> reach(n, std::vector<bool>(n, false));
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<std::size_t> stack(g.successors[i].begin(), g.successors[i].end());
    while (!stack.empty()) {
      const std::size_t j = stack.back();
      stack.pop_back();
      if (reach[i][j]) continue;
      reach[i][j] = true;
      for (std::size_t k : g.successors[j]) stack.push_back(k);
    }
  }
  return reach;
}

// The shortest cycle from `first` back to it through steps of `group` only (breadth
// first, successors in written order, so the same procedure names the same cycle).
std::vector<std::size_t> shortestCycle(const Graph& g, std::size_t first,
                                       const std::vector<bool>& group) {
  const std::size_t n = g.successors.size();
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> cameFrom(n, kNone);
  std::deque<std::size_t> frontier{first};
  std::vector<bool> seen(n, false);
  seen[first] = true;
  while (!frontier.empty()) {
    const std::size_t p = frontier.front();
    frontier.pop_front();
    for (std::size_t q : g.successors[p]) {
      if (!group[q]) continue;
      if (q == first) {
        std::vector<std::size_t> path{first};
        for (std::size_t at = p; at != first; at = cameFrom[at]) path.insert(path.begin() + 1, at);
        path.push_back(first);
        return path;
      }
      if (seen[q]) continue;
      seen[q] = true;
      cameFrom[q] = p;
      frontier.push_back(q);
    }
  }
  return {};  // not reached: every step of a group lies on a cycle through `first`
}

void checkCycles(const ProcedureDef& procedure, core::Diagnostics& out) {
  const Graph g = buildGraph(procedure);
  const std::vector<std::vector<bool>> reach = reachability(g);
  const std::size_t n = g.successors.size();
  std::vector<bool> reported(n, false);
  for (std::size_t first = 0; first < n; ++first) {
    if (reported[first] || !reach[first][first]) continue;
    // The steps that depend on each other with `first` (a strongly connected group): one
    // message for the group, however many cycles run through it.
    std::vector<bool> group(n, false);
    for (std::size_t j = 0; j < n; ++j) {
      group[j] = j == first || (reach[first][j] && reach[j][first]);
      if (group[j]) reported[j] = true;
    }
    const std::vector<std::size_t> cycle = shortestCycle(g, first, group);
    std::string path;
    for (std::size_t k = 0; k < cycle.size(); ++k) {
      if (k > 0) path += " -> ";
      path += procedure.steps[cycle[k]].id;
    }
    out.error(procedure.steps[first].where, "dependency cycle: " + path);
  }
}

}  // namespace

void validateProcedure(const ProcedureDef& procedure, const TeamDef& team,
                       core::Diagnostics& diagnostics) {
  if (procedure.steps.empty()) {
    diagnostics.error(procedure.where, "procedure " + quoted(procedure.id) + " has no steps");
    return;
  }
  std::vector<std::string> roleIds;
  for (const RoleDef& role : team.roles) roleIds.push_back(role.id);
  std::map<std::string, std::size_t> firstIndex;
  std::vector<std::string> stepIds;  // unique, in written order
  for (std::size_t i = 0; i < procedure.steps.size(); ++i) {
    const std::string& id = procedure.steps[i].id;
    if (firstIndex.emplace(id, i).second) stepIds.push_back(id);
  }

  for (std::size_t i = 0; i < procedure.steps.size(); ++i) {
    const StepDef& step = procedure.steps[i];
    if (step.id.empty()) {
      diagnostics.error(step.where, "step has no id");
    } else if (const std::size_t first = firstIndex.at(step.id); first != i) {
      diagnostics.error(step.where, "duplicate step id " + quoted(step.id) + " (first at " +
                                        placeText(procedure.steps[first].where, first) + ")");
    }

    bool roleKnown = false;
    for (const std::string& id : roleIds) roleKnown = roleKnown || id == step.role;
    if (!roleKnown) {
      diagnostics.error(known(step.roleWhere) ? step.roleWhere : step.where,
                        "unknown role " + quoted(step.role) + " " +
                            expectedOneOf(roleIds, "the team has no roles"));
    }

    std::vector<std::string> otherSteps;
    for (const std::string& id : stepIds) {
      if (id != step.id) otherSteps.push_back(id);
    }
    for (std::size_t a = 0; a < step.after.size(); ++a) {
      const std::string& id = step.after[a];
      const core::SourceLocation& where =
          a < step.afterWhere.size() && known(step.afterWhere[a]) ? step.afterWhere[a] : step.where;
      if (!step.id.empty() && id == step.id) {
        diagnostics.error(where, "step " + quoted(step.id) + " depends on itself");
      } else if (!firstIndex.contains(id)) {
        diagnostics.error(where, "unknown step " + quoted(id) + " " +
                                     expectedOneOf(otherSteps, "the procedure has no other steps"));
      }
    }
  }
  checkCycles(procedure, diagnostics);
}

}  // namespace irdrill::response
