// Reading a user's input file whole, safely: only a regular file is read (a device such
// as /dev/zero, a FIFO or a directory is refused, without blocking on a FIFO), and a file
// larger than the limit for its kind is refused before it is read (a sparse 1.5 GB file
// costs nothing). The limits are documented in docs/cli.md "Input files".
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace irdrill::core {

// Limits per kind of input file, in bytes.
inline constexpr std::size_t kScenarioFileMaxBytes = 16u << 20;  // a scenario or included file
inline constexpr std::size_t kSessionFileMaxBytes = 64u << 20;   // a tabletop session
inline constexpr std::size_t kCsvFileMaxBytes = 256u << 20;      // measurements for radio fit
inline constexpr std::size_t kSummaryFileMaxBytes = 16u << 20;   // a Monte Carlo summary.json

// The whole content of `path`; nullopt with `problem` set to a reason for a message
// ("not a regular file (it is a FIFO)", "too large: 20.0 MiB, the limit for a scenario
// file is 16 MiB", "No such file or directory"). `kind` names the file in the reason.
std::optional<std::string> readInputFile(const std::string& path, std::size_t maxBytes,
                                         const std::string& kind, std::string& problem);

// The same checks without reading, for a file that is then streamed: true when `path` is
// a regular file of at most `maxBytes`.
bool checkInputFile(const std::string& path, std::size_t maxBytes, const std::string& kind,
                    std::string& problem);

}  // namespace irdrill::core
