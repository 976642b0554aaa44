// The What-if tab's worker thread (see what_if_job.hpp).
#include "gui/view_model/what_if_job.hpp"

#include <exception>

namespace irdrill::gui::view_model {

WhatIfJob::~WhatIfJob() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

bool WhatIfJob::start(WhatIfRequest request) {
  if (running_) return false;
  if (thread_.joinable()) thread_.join();  // the previous run has finished: no wait
  stop_ = false;
  done_ = 0;
  total_ = request.plan.replications;
  running_ = true;
  thread_ = std::thread([this, r = std::move(request)]() mutable { run(std::move(r)); });
  return true;
}

void WhatIfJob::wait() {
  if (thread_.joinable()) thread_.join();
}

std::shared_ptr<const WhatIfOutcome> WhatIfJob::outcome() const {
  std::lock_guard lock(mutex_);
  return outcome_;
}

void WhatIfJob::run(WhatIfRequest request) {
  auto outcome = std::make_shared<WhatIfOutcome>();
  outcome->branch = request.branch;
  outcome->otherBranch = request.otherBranch;
  const auto progress = [this](const montecarlo::RunProgress& p) { done_ = p.done; };
  try {
    if (request.otherLog) {
      auto compared = montecarlo::runWhatIfPaired(request.scenario, request.header, request.log, *request.otherLog,
                                                  request.plan, stop_, progress);
      outcome->result = std::move(compared.a);
      outcome->other = std::move(compared.b);
      outcome->differences = std::move(compared.differences);
    } else {
      outcome->result = montecarlo::runWhatIf(request.scenario, request.header, request.log, request.plan, stop_, progress);
    }
    done_ = outcome->result.completed;
  } catch (const std::exception& e) {
    outcome->error = e.what();
  }
  {
    std::lock_guard lock(mutex_);
    outcome_ = std::move(outcome);
  }
  running_ = false;
}

}  // namespace irdrill::gui::view_model
