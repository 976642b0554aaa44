// The What-if tab's worker: runs montecarlo::runWhatIf (or the paired run of two
// branches) on a thread of its own, so the frame never waits for it. The frame reads the
// progress from atomics and takes the finished result as a shared pointer (a lock held
// only to copy the pointer). The shell owns the job (UiState::whatIf): destroying it
// cancels the run and joins the thread, so closing a session or the app never leaves a
// thread behind. No ImGui: tested headless (tests/gui/what_if_view_model_test.cpp).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "sim/montecarlo/what_if.hpp"

namespace irdrill::gui::view_model {

struct WhatIfRequest {
  std::shared_ptr<const scenario::ScenarioDef> scenario;
  session::SessionDef header;              // seed, replication, clock
  std::vector<session::SessionEntry> log;  // the branch shown
  std::string branch;                      // its name
  // A second branch compared on common random numbers (nullopt: none).
  std::optional<std::vector<session::SessionEntry>> otherLog;
  std::string otherBranch;
  montecarlo::WhatIfPlan plan;
};

struct WhatIfOutcome {
  montecarlo::WhatIfResult result;                 // the branch shown (A)
  std::optional<montecarlo::WhatIfResult> other;   // the compared branch (B)
  std::vector<montecarlo::MetricDifference> differences;  // B - A, when compared
  std::string branch, otherBranch;
  std::string error;  // the run failed: why (no result then)
};

class WhatIfJob {
 public:
  WhatIfJob() = default;
  ~WhatIfJob();
  WhatIfJob(const WhatIfJob&) = delete;
  WhatIfJob& operator=(const WhatIfJob&) = delete;

  // Starts a run; false (nothing happens) while one is running.
  bool start(WhatIfRequest request);
  // Asks the running replications to stop (each finishes the one it is in); returns at once.
  void cancel() { stop_ = true; }
  bool running() const { return running_; }
  std::uint64_t done() const { return done_; }
  std::uint64_t total() const { return total_; }
  // The last finished run (also a cancelled one: its first replications), nullptr before.
  std::shared_ptr<const WhatIfOutcome> outcome() const;
  // Joins a finished thread; waits for a running one (tests, shutdown).
  void wait();

 private:
  void run(WhatIfRequest request);

  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> running_{false};
  std::atomic<std::uint64_t> done_{0}, total_{0};
  mutable std::mutex mutex_;  // guards outcome_
  std::shared_ptr<const WhatIfOutcome> outcome_;
};

}  // namespace irdrill::gui::view_model
