// The irdrill version, as `irdrill --version` prints it and every event log's header
// records it (docs/cli.md, "Event log").
#pragma once

namespace irdrill::core {

inline constexpr const char* kIrdrillVersion = "0.1.0";

}  // namespace irdrill::core
