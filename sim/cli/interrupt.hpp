// Ctrl-C (SIGINT) and SIGTERM (what Slurm sends at a time limit) as a request to stop
// cleanly: while a guard lives, either signal sets a flag that the Monte Carlo runner polls;
// the commands then write what they have, marked partial, and exit kExitInterrupted. The
// handler is one-shot (SA_RESETHAND): a second Ctrl-C kills the process as usual, and the
// files the commands write are still either complete or untouched (atomic_file.hpp).
//
// A signal the parent process set to be ignored (a background job of a non-interactive
// shell, nohup) stays ignored.
#pragma once

#include <atomic>
#include <csignal>

namespace irdrill::cli {

class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();  // restores the previous handlers
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  // Set once SIGINT or SIGTERM has arrived.
  const std::atomic<bool>& flag() const;
  bool interrupted() const { return flag().load(); }

 private:
  struct sigaction previousInt_ {};
  struct sigaction previousTerm_ {};
  bool installedInt_ = false;
  bool installedTerm_ = false;
};

}  // namespace irdrill::cli
