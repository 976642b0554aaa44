// An output directory written as one unit (docs/cli.md "Output files"): the files of a
// run (`mc`, `sweep`, `compare`, `merge`) are written into a fresh staging directory
// beside the target, `.NAME.irdrill-PID`, and swapped in by one rename when all are
// complete (an atomic exchange with the previous directory when there is one), with
// fsyncs around it. A full disk, a crash or a second Ctrl-C therefore leaves either the
// previous run's files or the new run's, never some of each.
//
// Files in the previous directory that irdrill did not write (notes, a README) are kept:
// they are hard-linked (or, where that is refused, copied) into the new directory just
// before the swap. A sub-directory that irdrill did not write is refused at the start, so
// nothing is lost and no work is wasted. A symlink to a directory is followed: its target
// is replaced and the link stays. The working directory (or one holding it) is refused:
// replacing it would leave the shell in a deleted directory.
//
// Failures throw std::runtime_error with the reason ("cannot create directory 'out':
// Permission denied"); the previous directory is then untouched.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace irdrill::cli {

class OutputDirectory {
 public:
  // `ownNames`: the files this command writes; other entries of the previous directory
  // are the user's. Creates the staging directory (and the target's parents).
  OutputDirectory(std::string path, std::vector<std::string> ownNames);
  OutputDirectory(const OutputDirectory&) = delete;
  OutputDirectory& operator=(const OutputDirectory&) = delete;
  ~OutputDirectory();  // not committed: the staging directory is removed

  // Where to write `name` now (inside the staging directory).
  std::string stagedPath(const std::string& name) const;
  // Where `name` will be once committed, for messages.
  std::string finalPath(const std::string& name) const;

  // Carries the user's files over, swaps the staging directory in and removes the
  // previous one.
  void commit();
  // commit(), with a failure reported on stderr as "irdrill COMMAND: error: ..."; false then.
  bool commitOrReport(const char* command);

 private:
  bool isOwn(const std::string& name) const;
  void carryUserFiles(std::set<std::string>& carried) const;
  void removePrevious(const std::string& previousPath, const std::set<std::string>& carried) const;
  void removeStaleStaging() const;

  std::string shownPath_;   // as the user wrote it
  std::string targetPath_;  // symlinks followed
  std::string stagingPath_;
  std::vector<std::string> ownNames_;
  bool targetExisted_ = false;
  bool committed_ = false;
};

}  // namespace irdrill::cli
