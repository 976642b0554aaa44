// An output file that never damages what is there (docs/cli.md "Output files"):
// - a regular file (or a new one) is written to a temporary file beside it, fsynced, and
//   renamed over it only once complete, then the directory is fsynced; on any failure the
//   previous file is untouched and the temporary file removed. The previous file's
//   permission bits are kept.
// - a symlink is followed: its final target is written, atomically, in the target's own
//   directory; the link stays a link (a dangling link creates its target).
// - a character device or FIFO (/dev/null, /dev/stdout, a named pipe, a shell's
//   `>(gzip > x.gz)`) is written directly: there is nothing to replace atomically, and
//   replacing it by a regular file would break it.
// - a directory, socket or block device is refused.
// Every failure is a std::runtime_error "cannot write 'PATH': REASON" with the system's
// reason (Permission denied, No space left on device...).
#pragma once

#include <memory>
#include <ostream>
#include <string>

namespace irdrill::cli {

class FdOutputBuffer;

class AtomicFile {
 public:
  // `shownPath` names the file in messages (default: `path`); the output directory writer
  // passes the final path of a file it stages elsewhere.
  explicit AtomicFile(std::string path, std::string shownPath = "");
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();  // not committed: the temporary file is removed, the target untouched

  std::ostream& stream();

  // Flushes, fsyncs and renames into place (or closes a device); throws with the reason
  // if any write failed.
  void commit();

  // True when the target is a device or FIFO written in place (no temporary file).
  bool direct() const { return direct_; }

 private:
  void fail(int errnoValue);

  std::string shownPath_;
  std::string targetPath_;  // the real file: symlinks followed
  std::string tempPath_;    // empty when written directly
  int fd_ = -1;
  bool direct_ = false;
  bool committed_ = false;
  std::unique_ptr<FdOutputBuffer> buffer_;
  std::unique_ptr<std::ostream> stream_;
};

}  // namespace irdrill::cli
