#include "sim/cli/output_paths.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace irdrill::cli {

namespace {

// Linux's own limit on links followed in one lookup (MAXSYMLINKS).
constexpr int kMaxSymlinksFollowed = 40;

std::string readLink(const std::string& path) {
  std::vector<char> buffer(256);
  for (;;) {
    const ssize_t length = ::readlink(path.c_str(), buffer.data(), buffer.size());
    if (length < 0) throw std::runtime_error(cannotWrite(path, errno));
    if (static_cast<std::size_t>(length) < buffer.size()) {
      return std::string(buffer.data(), static_cast<std::size_t>(length));
    }
    buffer.resize(buffer.size() * 2);
  }
}

}  // namespace

std::string directoryPart(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string lastComponent(const std::string& path) {
  std::string trimmed = path;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  const std::size_t slash = trimmed.find_last_of('/');
  return slash == std::string::npos ? trimmed : trimmed.substr(slash + 1);
}

std::string followSymlinks(const std::string& path) {
  std::string current = path;
  for (int followed = 0;; ++followed) {
    struct stat info {};
    if (::lstat(current.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return current;
    if (followed == kMaxSymlinksFollowed) throw std::runtime_error(cannotWrite(path, ELOOP));
    const std::string target = readLink(current);
    current = !target.empty() && target.front() == '/' ? target : directoryPart(current) + "/" + target;
  }
}

void syncDirectory(const std::string& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

std::string cannotWrite(const std::string& shownPath, int errnoValue) {
  return "cannot write '" + shownPath + "': " + std::strerror(errnoValue);
}

}  // namespace irdrill::cli
