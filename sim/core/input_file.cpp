#include "sim/core/input_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace irdrill::core {
namespace {

std::string mebibytes(double bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MiB", bytes / (1024.0 * 1024.0));
  return text;
}

const char* fileKind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Opens without blocking (a FIFO with no writer would block a plain open) and checks the
// file; -1 with `problem` set when it is not one to read.
int openChecked(const std::string& path, std::size_t maxBytes, const std::string& kind,
                std::string& problem) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    problem = std::strerror(errno);
    return -1;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    problem = std::strerror(errno);
  } else if (!S_ISREG(info.st_mode)) {
    problem = std::string("not a regular file (it is ") + fileKind(info.st_mode) + ")";
  } else if (static_cast<std::size_t>(info.st_size) > maxBytes) {
    problem = "too large: " + mebibytes(static_cast<double>(info.st_size)) + ", the limit for " +
              kind + " is " + mebibytes(static_cast<double>(maxBytes));
  } else {
    return fd;
  }
  ::close(fd);
  return -1;
}

}  // namespace

bool checkInputFile(const std::string& path, std::size_t maxBytes, const std::string& kind,
                    std::string& problem) {
  const int fd = openChecked(path, maxBytes, kind, problem);
  if (fd < 0) return false;
  ::close(fd);
  return true;
}

std::optional<std::string> readInputFile(const std::string& path, std::size_t maxBytes,
                                         const std::string& kind, std::string& problem) {
  const int fd = openChecked(path, maxBytes, kind, problem);
  if (fd < 0) return std::nullopt;
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      problem = std::strerror(errno);
      break;
    }
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
    if (text.size() > maxBytes) {  // it grew while being read
      problem = "too large: more than " + mebibytes(static_cast<double>(maxBytes)) +
                ", the limit for " + kind;
      break;
    }
  }
  ::close(fd);
  if (!problem.empty()) return std::nullopt;
  return text;
}

}  // namespace irdrill::core
