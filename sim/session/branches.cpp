// The branch tree of a session (see branches.hpp).
#include "sim/session/branches.hpp"

#include <algorithm>
#include <stdexcept>

#include "sim/core/clock_text.hpp"

namespace irdrill::session {
namespace {

bool sameDecision(const exercise::Decision& a, const exercise::Decision& b) {
  return a.kind == b.kind && a.incident == b.incident && a.step == b.step && a.procedure == b.procedure &&
         a.role == b.role && a.item == b.item && a.deadline == b.deadline && a.seat == b.seat &&
         a.rationale == b.rationale;
}

bool sameInject(const exercise::InjectOrder& a, const exercise::InjectOrder& b) {
  return a.action == b.action && a.source == b.source && a.target == b.target && a.arrival == b.arrival &&
         a.atUs == b.atUs && a.seat == b.seat && a.rationale == b.rationale;
}

const SessionBranch* findBranch(const SessionDef& session, std::string_view name) {
  const auto it = std::find_if(session.branches.begin(), session.branches.end(),
                               [&](const SessionBranch& b) { return b.name == name; });
  return it == session.branches.end() ? nullptr : &*it;
}

SessionBranch* findBranch(SessionDef& session, std::string_view name) {
  return const_cast<SessionBranch*>(findBranch(static_cast<const SessionDef&>(session), name));
}

std::string knownNames(const SessionDef& session) {
  std::string text;
  for (const auto& info : listBranches(session)) text += (text.empty() ? "" : ", ") + info.name;
  return text;
}

[[noreturn]] void unknownBranch(const SessionDef& session, std::string_view name) {
  throw std::invalid_argument("no branch '" + std::string(name) + "' in the session (expected one of: " +
                              knownNames(session) + ")");
}

}  // namespace

bool operator==(const EvaluatorMark& a, const EvaluatorMark& b) {
  return a.incident == b.incident && a.step == b.step && a.mark == b.mark && a.note == b.note;
}

bool operator==(const SessionEntry& a, const SessionEntry& b) {
  if (a.atUs != b.atUs || a.kind != b.kind) return false;
  switch (a.kind) {
    case SessionEntry::Kind::Decision: return sameDecision(a.decision, b.decision);
    case SessionEntry::Kind::Inject: return sameInject(a.inject, b.inject);
    case SessionEntry::Kind::Mark:
      return a.mark == b.mark && a.decision.seat == b.decision.seat && a.decision.rationale == b.decision.rationale;
  }
  return false;
}

std::string currentBranchName(const SessionDef& session) {
  return session.branches.empty() ? std::string(kRootBranchName) : session.currentBranch;
}

bool hasBranch(const SessionDef& session, std::string_view branchName) {
  if (session.branches.empty()) return branchName == kRootBranchName;
  return findBranch(session, branchName) != nullptr;
}

std::vector<SessionEntry> branchLog(const SessionDef& session, std::string_view branchName) {
  if (!hasBranch(session, branchName)) unknownBranch(session, branchName);
  if (branchName == currentBranchName(session)) return session.entries;
  const SessionBranch& branch = *findBranch(session, branchName);
  std::vector<SessionEntry> log;
  if (!branch.parent.empty()) {
    log = branchLog(session, branch.parent);  // parents are listed first: the recursion ends
    log.resize(std::min(log.size(), branch.forkEntryCount));
  }
  log.insert(log.end(), branch.entries.begin(), branch.entries.end());
  return log;
}

core::TimeUs branchLastUs(const SessionDef& session, std::string_view branchName) {
  if (!hasBranch(session, branchName)) unknownBranch(session, branchName);
  if (branchName == currentBranchName(session)) return session.lastUs;
  return findBranch(session, branchName)->lastUs;
}

std::vector<BranchInfo> listBranches(const SessionDef& session) {
  std::vector<BranchInfo> out;
  if (session.branches.empty()) {
    BranchInfo root;
    root.name = kRootBranchName;
    root.entryCount = session.entries.size();
    root.lastUs = session.lastUs;
    root.current = true;
    out.push_back(std::move(root));
    return out;
  }
  for (const SessionBranch& branch : session.branches) {
    BranchInfo info;
    info.name = branch.name;
    info.parent = branch.parent;
    info.forkEntryCount = branch.forkEntryCount;
    info.forkUs = branch.forkUs;
    info.current = branch.name == session.currentBranch;
    info.entryCount = branchLog(session, branch.name).size();
    info.lastUs = info.current ? session.lastUs : branch.lastUs;
    out.push_back(std::move(info));
  }
  return out;
}

void ensureBranchTree(SessionDef& session) {
  if (!session.branches.empty()) return;
  SessionBranch root;
  root.name = kRootBranchName;
  session.branches.push_back(std::move(root));
  session.currentBranch = kRootBranchName;
  syncCurrentBranch(session);
}

void syncCurrentBranch(SessionDef& session) {
  SessionBranch* current = findBranch(session, session.currentBranch);
  if (!current) return;
  const std::size_t kept = std::min(current->forkEntryCount, session.entries.size());
  current->entries.assign(session.entries.begin() + static_cast<std::ptrdiff_t>(kept), session.entries.end());
  current->lastUs = session.lastUs;
}

std::string nextBranchName(const SessionDef& session) {
  for (std::size_t n = std::max<std::size_t>(session.branches.size(), 1) + 1;; ++n) {
    std::string name = "branch " + std::to_string(n);
    if (!hasBranch(session, name)) return name;
  }
}

std::string forkCurrentBranch(SessionDef& session, std::size_t forkEntryCount, core::TimeUs forkUs,
                              std::string name) {
  if (forkEntryCount > session.entries.size()) {
    throw std::invalid_argument("a fork after " + std::to_string(forkEntryCount) + " entries of a log of " +
                                std::to_string(session.entries.size()));
  }
  if (forkEntryCount > 0 && session.entries[forkEntryCount - 1].atUs > forkUs) {
    throw std::invalid_argument("a fork at " + core::dayClockText(forkUs) + " before its last kept entry");
  }
  if (name.empty()) name = nextBranchName(session);
  if (hasBranch(session, name)) throw std::invalid_argument("a branch named '" + name + "' exists already");
  ensureBranchTree(session);
  syncCurrentBranch(session);
  SessionBranch branch;
  branch.name = name;
  branch.parent = session.currentBranch;
  branch.forkEntryCount = forkEntryCount;
  branch.forkUs = forkUs;
  branch.lastUs = forkUs;
  session.branches.push_back(std::move(branch));
  session.entries.resize(forkEntryCount);
  session.currentBranch = name;
  session.lastUs = forkUs;
  return name;
}

void switchBranch(SessionDef& session, std::string_view branchName) {
  if (!hasBranch(session, branchName)) unknownBranch(session, branchName);
  if (branchName == currentBranchName(session)) return;
  syncCurrentBranch(session);
  std::vector<SessionEntry> log = branchLog(session, branchName);
  session.currentBranch = std::string(branchName);
  session.entries = std::move(log);
  session.lastUs = findBranch(session, branchName)->lastUs;
}

std::optional<std::string> renameBranch(SessionDef& session, std::string_view from, const std::string& to) {
  if (!hasBranch(session, from)) return "no branch '" + std::string(from) + "' (expected one of: " + knownNames(session) + ")";
  if (to.empty()) return std::string("a branch name cannot be empty");
  if (to == from) return std::nullopt;
  if (hasBranch(session, to)) return "a branch named '" + to + "' exists already";
  ensureBranchTree(session);
  for (SessionBranch& branch : session.branches) {
    if (branch.name == from) branch.name = to;
    if (branch.parent == from) branch.parent = to;
  }
  if (session.currentBranch == from) session.currentBranch = to;
  return std::nullopt;
}

std::vector<BranchProblem> branchTreeProblems(const SessionDef& session) {
  std::vector<BranchProblem> problems;
  if (session.branches.empty()) return problems;
  const auto at = [](std::size_t i, const char* key) {
    return "branches[" + std::to_string(i) + "]" + (key[0] ? std::string(".") + key : std::string());
  };
  // Logs of the branches checked so far (parents come first), to check the forks against.
  std::vector<std::vector<SessionEntry>> logs;
  for (std::size_t i = 0; i < session.branches.size(); ++i) {
    const SessionBranch& branch = session.branches[i];
    const bool current = branch.name == session.currentBranch;
    bool usable = true;
    if (branch.name.empty()) problems.push_back({at(i, "name"), "a branch name cannot be empty"});
    for (std::size_t j = 0; j < i; ++j) {
      if (session.branches[j].name == branch.name) {
        problems.push_back({at(i, "name"), "branch '" + branch.name + "' is listed twice"});
        usable = false;
      }
    }
    std::vector<SessionEntry> parentLog;
    if (i == 0) {
      if (!branch.parent.empty()) {
        problems.push_back({at(i, "parent"), "the first branch is the root: its parent must be \"\""});
      }
      if (branch.forkEntryCount != 0 || branch.forkUs != 0) {
        problems.push_back({at(i, "fork_entries"), "the root branch forks from nothing (0 entries at 0 s)"});
      }
    } else if (branch.parent.empty()) {
      problems.push_back({at(i, "parent"), "only the first branch is a root: name the branch it forks from"});
      usable = false;
    } else {
      std::size_t parentIndex = i;
      for (std::size_t j = 0; j < i; ++j) {
        if (session.branches[j].name == branch.parent) parentIndex = j;
      }
      if (parentIndex == i) {
        problems.push_back({at(i, "parent"), "no branch '" + branch.parent +
                                                 "' listed before this one (parents come before their forks)"});
        usable = false;
      } else {
        parentLog = logs[parentIndex];
        if (branch.forkEntryCount > parentLog.size()) {
          problems.push_back({at(i, "fork_entries"), std::to_string(branch.forkEntryCount) +
                                                         " entries kept, but branch '" + branch.parent + "' has " +
                                                         std::to_string(parentLog.size())});
          usable = false;
        } else {
          parentLog.resize(branch.forkEntryCount);
          if (!parentLog.empty() && parentLog.back().atUs > branch.forkUs) {
            problems.push_back({at(i, "fork_t_s"), core::dayClockText(branch.forkUs) +
                                                       " is before the last kept entry's " +
                                                       core::dayClockText(parentLog.back().atUs)});
          }
        }
      }
    }
    std::vector<SessionEntry> log = parentLog;
    if (current) {
      // The current branch's log is the top-level entries: its kept part must be the
      // parent's.
      const std::size_t kept = std::min(branch.forkEntryCount, session.entries.size());
      if (usable && (kept != parentLog.size() ||
                     !std::equal(parentLog.begin(), parentLog.end(), session.entries.begin()))) {
        problems.push_back({"entries", "the first " + std::to_string(branch.forkEntryCount) +
                                           " entries of the current branch '" + branch.name +
                                           "' differ from its parent's '" + branch.parent + "'"});
      }
      log = session.entries;
    } else {
      core::TimeUs previousUs = branch.forkUs;
      for (std::size_t e = 0; e < branch.entries.size(); ++e) {
        if (branch.entries[e].atUs < previousUs) {
          problems.push_back({at(i, ("entries[" + std::to_string(e) + "].t_s").c_str()),
                              core::dayClockText(branch.entries[e].atUs) + " is before " +
                                  core::dayClockText(previousUs) + " (own entries follow the fork in time order)"});
        }
        previousUs = std::max(previousUs, branch.entries[e].atUs);
      }
      log.insert(log.end(), branch.entries.begin(), branch.entries.end());
      if (branch.lastUs < previousUs) {
        problems.push_back({at(i, "last_t_s"), core::dayClockText(branch.lastUs) + " is before the branch's last entry"});
      }
    }
    logs.push_back(std::move(log));
  }
  if (!findBranch(session, session.currentBranch)) {
    problems.push_back({"branch", "no branch '" + session.currentBranch + "' in \"branches\" (expected one of: " +
                                      knownNames(session) + ")"});
  }
  return problems;
}

}  // namespace irdrill::session
