// Writes a file so that readers never see it half-written: the content goes to a
// temporary file beside the target, which is renamed over it only once complete.
// If anything fails, the target is left as it was and the temporary file is removed.
#pragma once

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <filesystem>

#include <unistd.h>

namespace irdrill::cli {

class AtomicFile {
 public:
  explicit AtomicFile(std::string path)
      : path_(std::move(path)), tempPath_(path_ + ".tmp-" + std::to_string(::getpid())) {
    out_.open(tempPath_, std::ios::binary | std::ios::trunc);
    if (!out_) throw std::runtime_error("cannot write '" + path_ + "'");
  }
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile() {
    if (!committed_) {
      out_.close();
      std::error_code ignored;
      std::filesystem::remove(tempPath_, ignored);
    }
  }

  std::ostream& stream() { return out_; }

  // Flushes, closes and renames into place; throws if any write failed.
  void commit() {
    out_.flush();
    if (!out_) throw std::runtime_error("error while writing '" + path_ + "'");
    out_.close();
    std::error_code error;
    std::filesystem::rename(tempPath_, path_, error);
    if (error) throw std::runtime_error("cannot write '" + path_ + "': " + error.message());
    committed_ = true;
  }

 private:
  std::string path_;
  std::string tempPath_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace irdrill::cli
