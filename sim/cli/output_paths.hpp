// Small POSIX helpers shared by the output writers (atomic_file.hpp, output_directory.hpp):
// following a symlink chain to the file it names, fsync of a directory, and the reason of
// a failed system call as text. The rules they serve are in docs/cli.md "Output files".
#pragma once

#include <string>

namespace irdrill::cli {

// `path` with every symlink in its last component followed, also a dangling one (the
// result is then the file the link would create). Relative link targets resolve from the
// link's own directory. More than 40 links in a row (a loop) throw std::runtime_error
// with the reason, as the kernel's ELOOP does.
std::string followSymlinks(const std::string& path);

// The directory part of `path` ("." when it has none), where a temporary file or
// directory beside it is made.
std::string directoryPart(const std::string& path);
std::string lastComponent(const std::string& path);

// Makes a finished rename durable: fsync of the directory holding the new entry. Errors
// are ignored: some file systems refuse fsync on directories, and the data itself was
// already synced.
void syncDirectory(const std::string& directory);

// "cannot write 'PATH': REASON" with REASON the text of `errnoValue` (strerror).
std::string cannotWrite(const std::string& shownPath, int errnoValue);

}  // namespace irdrill::cli
