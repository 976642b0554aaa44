// The branch tree of a session: every time the players take another path after a
// rewind, the session keeps both. A branch is a fork of its parent's log after a number
// of entries, at a simulated time, followed by its own entries; the first branch (the
// root) starts from nothing. SessionDef::entries stays the full log of the current
// branch, so a session without branches reads and plays as before (docs/session-format.md).
//
// These are plain functions on SessionDef: the GUI, `irdrill replay --branch`, the
// after-action report and the what-if panel read the tree through them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/session/session.hpp"

namespace irdrill::session {

// The name of the root branch of a session that never forked; later branches are named
// "branch 2", "branch 3", ... (nextBranchName) until renamed.
inline constexpr const char* kRootBranchName = "branch 1";

struct BranchInfo {
  std::string name;
  std::string parent;              // "" for the root
  std::size_t forkEntryCount = 0;  // entries kept from the parent
  core::TimeUs forkUs = 0;
  std::size_t entryCount = 0;      // of its full log, from the start
  core::TimeUs lastUs = 0;
  bool current = false;
};

// Every branch, root first, parents before children (a session without a tree lists its
// one implicit root branch).
std::vector<BranchInfo> listBranches(const SessionDef& session);
bool hasBranch(const SessionDef& session, std::string_view branchName);
// The name of the branch `entries` belongs to (kRootBranchName without a tree).
std::string currentBranchName(const SessionDef& session);
// The full log of a branch from the start: its ancestors' kept entries, then its own.
// Throws std::invalid_argument for an unknown name (check hasBranch first).
std::vector<SessionEntry> branchLog(const SessionDef& session, std::string_view branchName);
// The clock a branch was last played to.
core::TimeUs branchLastUs(const SessionDef& session, std::string_view branchName);

// Makes the tree explicit: a session without branches gets its root record.
void ensureBranchTree(SessionDef& session);
// Copies the current branch's log (`entries`) and clock (`lastUs`) into its record.
void syncCurrentBranch(SessionDef& session);
// "branch N" with N one more than the number of branches, or the next free one.
std::string nextBranchName(const SessionDef& session);
// Adds a branch forking from the current branch after its first `forkEntryCount` entries
// at `forkUs`, with no entries yet, and makes it current (entries becomes the kept
// prefix, lastUs = forkUs). `name` empty: nextBranchName. Returns the name; throws
// std::invalid_argument when the fork point is outside the current log or the name is
// taken.
std::string forkCurrentBranch(SessionDef& session, std::size_t forkEntryCount, core::TimeUs forkUs,
                              std::string name = {});
// Makes another branch current: entries becomes its log, lastUs its clock. Throws
// std::invalid_argument for an unknown name.
void switchBranch(SessionDef& session, std::string_view branchName);
// Renames a branch (and the parent links to it). Returns why not: an unknown branch, an
// empty name, or a name already taken.
std::optional<std::string> renameBranch(SessionDef& session, std::string_view from, const std::string& to);

// What is wrong with a tree as read from a file, each problem with the JSON path it is
// about ("branches[2].parent"): names unique and not empty, one root and it first,
// parents known and listed earlier, fork points inside the parent's log and not before
// its kept entries, own entries in time order from the fork, the current branch known and
// its record's log equal to `entries`.
struct BranchProblem {
  std::string path;
  std::string message;
};
std::vector<BranchProblem> branchTreeProblems(const SessionDef& session);

}  // namespace irdrill::session
