#include "sim/cli/interrupt.hpp"

namespace irdrill::cli {
namespace {

// A signal handler can only reach static storage; a lock-free atomic is safe to store to
// from one (a mutex-based atomic would not be).
static_assert(std::atomic<bool>::is_always_lock_free);
std::atomic<bool> gStopRequested{false};

extern "C" void onStopSignal(int) { gStopRequested.store(true); }

bool install(int signal, struct sigaction& previous) {
  struct sigaction current {};
  if (sigaction(signal, nullptr, &current) != 0) return false;
  if (current.sa_handler == SIG_IGN) return false;
  struct sigaction action {};
  action.sa_handler = onStopSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;  // the next one terminates, as if we were not here
  return sigaction(signal, &action, &previous) == 0;
}

}  // namespace

InterruptGuard::InterruptGuard() {
  gStopRequested.store(false);
  installedInt_ = install(SIGINT, previousInt_);
  installedTerm_ = install(SIGTERM, previousTerm_);
}

InterruptGuard::~InterruptGuard() {
  if (installedInt_) sigaction(SIGINT, &previousInt_, nullptr);
  if (installedTerm_) sigaction(SIGTERM, &previousTerm_, nullptr);
}

const std::atomic<bool>& InterruptGuard::flag() const { return gStopRequested; }

}  // namespace irdrill::cli
