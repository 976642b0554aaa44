#include "sim/cli/output_directory.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sim/cli/output_paths.hpp"

namespace irdrill::cli {
namespace fs = std::filesystem;

namespace {

std::string trimTrailingSlashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::vector<std::string> entriesOf(const std::string& directory) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    names.push_back(it->path().filename().string());
  }
  if (ec) throw std::runtime_error("cannot read directory '" + directory + "': " + ec.message());
  return names;
}

// True when `inner` is `outer` or lies inside it (both canonical).
bool isWithin(const fs::path& inner, const fs::path& outer) {
  const auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return o == outer.end();
}

// The staging directories of this target are ".NAME.irdrill-PID" (and "...-N", "...-old").
// (Appended, not "." + ...: GCC 12 warns falsely on "literal" + std::string&&.)
std::string stagingPrefix(const std::string& target) {
  std::string prefix = ".";
  prefix += lastComponent(target);
  prefix += ".irdrill-";
  return prefix;
}

}  // namespace

OutputDirectory::OutputDirectory(std::string path, std::vector<std::string> ownNames)
    : shownPath_(std::move(path)), ownNames_(std::move(ownNames)) {
  if (shownPath_.empty()) throw std::runtime_error("the output directory is an empty path");
  targetPath_ = followSymlinks(trimTrailingSlashes(shownPath_));
  const std::string parent = directoryPart(targetPath_);

  struct stat info {};
  targetExisted_ = ::stat(targetPath_.c_str(), &info) == 0;
  if (!targetExisted_ && errno != ENOENT) {
    throw std::runtime_error("cannot create directory '" + shownPath_ + "': " + std::strerror(errno));
  }
  if (targetExisted_) {
    if (!S_ISDIR(info.st_mode)) {
      throw std::runtime_error("cannot write to '" + shownPath_ + "': it exists and is not a directory");
    }
    std::error_code ec;
    const fs::path here = fs::canonical(fs::current_path(ec), ec);
    const fs::path target = fs::canonical(targetPath_, ec);
    if (!ec && isWithin(here, target)) {
      throw std::runtime_error("cannot write to '" + shownPath_ +
                               "': it is the working directory or holds it, and an output "
                               "directory is replaced as a whole; choose another directory");
    }
    for (const auto& name : entriesOf(targetPath_)) {
      struct stat entry {};
      if (isOwn(name) || ::lstat((targetPath_ + "/" + name).c_str(), &entry) != 0) continue;
      if (S_ISDIR(entry.st_mode)) {
        throw std::runtime_error("cannot write to '" + shownPath_ + "': it holds a directory '" + name +
                                 "' that irdrill did not write, and an output directory is replaced "
                                 "as a whole; choose a new directory or one of irdrill's outputs");
      }
    }
  } else {
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw std::runtime_error("cannot create directory '" + shownPath_ + "': " + ec.message());
  }

  removeStaleStaging();
  const std::string stem = parent + "/" + stagingPrefix(targetPath_) + std::to_string(::getpid());
  for (int attempt = 0;; ++attempt) {
    stagingPath_ = attempt == 0 ? stem : stem + "-" + std::to_string(attempt);
    if (::mkdir(stagingPath_.c_str(), 0777) == 0) break;
    if (errno != EEXIST || attempt == 1000) {
      const int reason = errno;
      stagingPath_.clear();
      throw std::runtime_error("cannot write to '" + shownPath_ + "': cannot create its staging directory in '" +
                               parent + "': " + std::strerror(reason));
    }
  }
  if (targetExisted_) ::chmod(stagingPath_.c_str(), info.st_mode & 07777);
}

OutputDirectory::~OutputDirectory() {
  if (committed_ || stagingPath_.empty()) return;
  // Only what this process wrote (and hard links of the user's files) is in it.
  std::error_code ignored;
  fs::remove_all(stagingPath_, ignored);
}

std::string OutputDirectory::stagedPath(const std::string& name) const { return stagingPath_ + "/" + name; }

std::string OutputDirectory::finalPath(const std::string& name) const {
  return (fs::path(shownPath_) / name).string();
}

bool OutputDirectory::isOwn(const std::string& name) const {
  // An own file, or the temporary file of one that a killed run left (atomic_file.hpp).
  return std::any_of(ownNames_.begin(), ownNames_.end(), [&](const std::string& own) {
    return name == own || name.rfind(own + ".tmp-", 0) == 0;
  });
}

void OutputDirectory::carryUserFiles(std::set<std::string>& carried) const {
  for (const auto& name : entriesOf(targetPath_)) {
    if (isOwn(name)) continue;
    const std::string from = targetPath_ + "/" + name;
    const std::string to = stagingPath_ + "/" + name;
    struct stat entry {};
    if (::lstat(from.c_str(), &entry) != 0) continue;  // removed meanwhile
    bool kept = false;
    if (S_ISREG(entry.st_mode)) {
      kept = ::link(from.c_str(), to.c_str()) == 0;
      if (!kept) {  // another file system, or a file the user may not link: copy it
        std::error_code ec;
        kept = fs::copy_file(from, to, ec);
      }
    } else if (S_ISLNK(entry.st_mode)) {
      std::error_code ec;
      fs::copy_symlink(from, to, ec);
      kept = !ec;
    }
    if (!kept) {
      throw std::runtime_error("cannot write to '" + shownPath_ + "': '" + name +
                               "', which irdrill did not write, cannot be kept in the new output "
                               "(the previous output is left as it was)");
    }
    carried.insert(name);
  }
}

void OutputDirectory::commit() {
  std::set<std::string> carried;
  struct stat info {};
  const bool targetExists = ::stat(targetPath_.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
  if (targetExists) carryUserFiles(carried);
  syncDirectory(stagingPath_);

  std::string previousPath;
  if (!targetExists) {
    if (::rename(stagingPath_.c_str(), targetPath_.c_str()) != 0) {
      throw std::runtime_error(cannotWrite(shownPath_, errno));
    }
  } else if (::renameat2(AT_FDCWD, stagingPath_.c_str(), AT_FDCWD, targetPath_.c_str(), RENAME_EXCHANGE) == 0) {
    previousPath = stagingPath_;  // the exchange left the previous directory here
  } else if (errno == EINVAL || errno == ENOSYS) {
    // A file system without the atomic exchange: two renames. Between them the target
    // does not exist for a moment, but it never holds files of two runs.
    previousPath = stagingPath_ + "-old";
    if (::rename(targetPath_.c_str(), previousPath.c_str()) != 0) {
      throw std::runtime_error(cannotWrite(shownPath_, errno));
    }
    if (::rename(stagingPath_.c_str(), targetPath_.c_str()) != 0) {
      const int reason = errno;
      ::rename(previousPath.c_str(), targetPath_.c_str());
      throw std::runtime_error(cannotWrite(shownPath_, reason));
    }
  } else {
    throw std::runtime_error(cannotWrite(shownPath_, errno));
  }
  committed_ = true;
  syncDirectory(directoryPart(targetPath_));
  if (!previousPath.empty()) removePrevious(previousPath, carried);
}

void OutputDirectory::removePrevious(const std::string& previousPath, const std::set<std::string>& carried) const {
  std::vector<std::string> names;
  try {
    names = entriesOf(previousPath);
  } catch (const std::runtime_error&) {
    return;
  }
  for (const auto& name : names) {
    if (isOwn(name) || carried.count(name) != 0) ::unlink((previousPath + "/" + name).c_str());
  }
  if (::rmdir(previousPath.c_str()) != 0) {
    // Something appeared in the previous directory after its files were carried over:
    // never delete what irdrill did not write.
    std::fprintf(stderr, "irdrill: note: files added to '%s' during the run are kept in '%s'\n",
                 shownPath_.c_str(), previousPath.c_str());
  }
}

void OutputDirectory::removeStaleStaging() const {
  const std::string parent = directoryPart(targetPath_);
  const std::string prefix = stagingPrefix(targetPath_);
  std::vector<std::string> names;
  try {
    names = entriesOf(parent);
  } catch (const std::runtime_error&) {
    return;
  }
  for (const auto& name : names) {
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string digits = name.substr(prefix.size(), name.find_first_not_of("0123456789", prefix.size()) - prefix.size());
    if (digits.empty() || digits.size() > 9) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(digits));
    // Left by a run that was killed: only its own files are removed, then the directory
    // if that emptied it.
    if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH) continue;
    const std::string stale = parent + "/" + name;
    try {
      for (const auto& entry : entriesOf(stale)) {
        if (isOwn(entry)) ::unlink((stale + "/" + entry).c_str());
      }
    } catch (const std::runtime_error&) {
      continue;
    }
    ::rmdir(stale.c_str());
  }
}

bool OutputDirectory::commitOrReport(const char* command) {
  try {
    commit();
    return true;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "irdrill %s: error: %s\n", command, e.what());
    return false;
  }
}

}  // namespace irdrill::cli
