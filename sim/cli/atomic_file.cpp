#include "sim/cli/atomic_file.hpp"

#include <cerrno>
#include <stdexcept>
#include <streambuf>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sim/cli/output_paths.hpp"

namespace irdrill::cli {

// A stream buffer over a file descriptor that keeps the errno of the first failed write,
// so the message can say why (std::ofstream loses it).
class FdOutputBuffer : public std::streambuf {
 public:
  explicit FdOutputBuffer(int fd) : fd_(fd), buffer_(kBufferBytes) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  int error() const { return error_; }

  // Writes out what is buffered; false (error() set) when the system refused.
  bool drain() {
    const char* data = pbase();
    std::size_t left = static_cast<std::size_t>(pptr() - pbase());
    while (left > 0 && error_ == 0) {
      const ssize_t written = ::write(fd_, data, left);
      if (written < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
      } else {
        data += written;
        left -= static_cast<std::size_t>(written);
      }
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  static constexpr std::size_t kBufferBytes = 1 << 16;
  int fd_;
  std::vector<char> buffer_;
  int error_ = 0;
};

namespace {

// A temporary file beside `target`, made with O_EXCL so a stale or foreign file of that
// name is never reused; mode 0666 less the umask, as a plain new file gets.
int createTemporary(const std::string& target, std::string& tempPath) {
  const std::string stem = directoryPart(target) + "/" + lastComponent(target) + ".tmp-" +
                           std::to_string(::getpid());
  for (int attempt = 0;; ++attempt) {
    tempPath = attempt == 0 ? stem : stem + "-" + std::to_string(attempt);
    const int fd = ::open(tempPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST || attempt == 1000) return fd;
  }
}

}  // namespace

AtomicFile::AtomicFile(std::string path, std::string shownPath)
    : shownPath_(shownPath.empty() ? path : std::move(shownPath)) {
  struct stat info {};
  const bool exists = ::stat(path.c_str(), &info) == 0;
  if (!exists && errno != ENOENT) throw std::runtime_error(cannotWrite(shownPath_, errno));
  if (exists && (S_ISCHR(info.st_mode) || S_ISFIFO(info.st_mode))) {
    // Opening follows any symlink to the device; a FIFO blocks here until it has a reader.
    fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd_ < 0) throw std::runtime_error(cannotWrite(shownPath_, errno));
    direct_ = true;
  } else if (exists && !S_ISREG(info.st_mode)) {
    const char* what = S_ISDIR(info.st_mode)    ? "it is a directory"
                       : S_ISSOCK(info.st_mode) ? "it is a socket"
                       : S_ISBLK(info.st_mode)  ? "it is a block device"
                                                : "it is not a regular file";
    throw std::runtime_error("cannot write '" + shownPath_ + "': " + what +
                             " (irdrill writes regular files, character devices and FIFOs)");
  } else {
    targetPath_ = followSymlinks(path);
    fd_ = createTemporary(targetPath_, tempPath_);
    if (fd_ < 0) throw std::runtime_error(cannotWrite(shownPath_, errno));
    if (exists) ::fchmod(fd_, info.st_mode & 07777);  // keep the replaced file's permissions
  }
  buffer_ = std::make_unique<FdOutputBuffer>(fd_);
  stream_ = std::make_unique<std::ostream>(buffer_.get());
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  if (fd_ >= 0) ::close(fd_);
  if (!tempPath_.empty()) ::unlink(tempPath_.c_str());
}

std::ostream& AtomicFile::stream() { return *stream_; }

void AtomicFile::fail(int errnoValue) { throw std::runtime_error(cannotWrite(shownPath_, errnoValue)); }

void AtomicFile::commit() {
  stream_->flush();
  if (!buffer_->drain() || !*stream_) fail(buffer_->error() != 0 ? buffer_->error() : EIO);
  // fsync before the rename: a crash must not leave the new name on empty data. A device
  // or FIFO may refuse fsync (EINVAL); that is not a failed write.
  if (::fsync(fd_) != 0 && !(direct_ && (errno == EINVAL || errno == EROFS))) fail(errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(errno);
  if (!direct_) {
    if (::rename(tempPath_.c_str(), targetPath_.c_str()) != 0) fail(errno);
    syncDirectory(directoryPart(targetPath_));
  }
  committed_ = true;
}

}  // namespace irdrill::cli
