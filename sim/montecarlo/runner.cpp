// The replication runner (see runner.hpp).
#include "sim/montecarlo/runner.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace irdrill::montecarlo {

ReplicationRange shardRange(std::uint64_t total, std::uint64_t index, std::uint64_t shards) {
  if (shards == 0 || index >= shards) throw std::invalid_argument("shardRange: index out of range");
  // 128-bit products: total * index overflows 64 bits for huge runs split many ways.
  const auto bound = [&](std::uint64_t i) {
    return static_cast<std::uint64_t>(static_cast<unsigned __int128>(total) * i / shards);
  };
  return {bound(index), bound(index + 1) - bound(index)};
}

std::uint64_t reorderWindow(int threads) {
  // Four slots per worker let a worker run a few replications ahead of a slow one
  // without stalling; the minimum keeps one or two workers busy too.
  return std::max<std::uint64_t>(8, 4 * static_cast<std::uint64_t>(std::max(1, threads)));
}

RunResult runReplications(const ReplicationModel& model, const RunPlan& plan,
                          ReplicationSink& sink, const std::atomic<bool>& stop,
                          const ProgressCallback& progress) {
  const std::size_t metricCount = model.metrics().size();
  const int threads = std::max(1, plan.threads);
  const std::uint64_t window = reorderWindow(threads);
  const auto start = std::chrono::steady_clock::now();
  const auto report = [&](std::uint64_t done) {
    if (!progress) return;
    const double elapsedS =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    progress(RunProgress{done, plan.count, elapsedS});
  };
  if (plan.count == 0) return {};

  // Everything below `mutex` is shared between the workers and this thread. Two condition
  // variables keep wake-ups rare when replications are short (tens of microseconds): a
  // worker wakes this thread only when it finished the very replication the sink needs
  // next, and this thread wakes the workers once per batch of rows it hands on.
  std::mutex mutex;
  std::condition_variable workersWake;   // window space, or halt
  std::condition_variable consumerWake;  // the next row is ready, a failure, a worker left
  std::uint64_t next = 0;       // next replication (relative to the first) to hand out
  std::uint64_t delivered = 0;  // replications taken from the slots for the sink
  int running = 0;              // workers inside model.run
  bool halt = false;            // stop requested, a failure, or the end: hand out no more
  std::exception_ptr failure;
  std::vector<double> slots(window * metricCount);
  std::vector<char> ready(window, 0);

  const auto worker = [&] {
    std::vector<double> values(metricCount);
    while (true) {
      std::uint64_t i = 0;
      {
        std::unique_lock lock(mutex);
        workersWake.wait(lock, [&] {
          return halt || next >= plan.count || next < delivered + window;
        });
        if (halt || next >= plan.count || stop.load(std::memory_order_relaxed)) {
          consumerWake.notify_one();  // it may be waiting for the last worker to leave
          return;
        }
        i = next++;
        ++running;
      }
      std::fill(values.begin(), values.end(), std::numeric_limits<double>::quiet_NaN());
      try {
        model.run(plan.masterSeed, plan.firstReplication + i, values);
      } catch (...) {
        {
          std::lock_guard lock(mutex);
          if (!failure) failure = std::current_exception();
          halt = true;
          --running;
        }
        workersWake.notify_all();
        consumerWake.notify_one();
        return;
      }
      bool needed = false;
      {
        std::lock_guard lock(mutex);
        std::copy(values.begin(), values.end(), slots.begin() + static_cast<std::ptrdiff_t>((i % window) * metricCount));
        ready[i % window] = 1;
        --running;
        needed = i == delivered || (halt && running == 0);
      }
      if (needed) consumerWake.notify_one();
    }
  };

  std::vector<std::thread> pool;
  const auto finish = [&] {
    {
      std::lock_guard lock(mutex);
      halt = true;
    }
    workersWake.notify_all();
    for (auto& thread : pool) thread.join();
    pool.clear();
  };

  std::vector<double> rows(window * metricCount);  // a batch of rows, in order
  try {
    for (int t = 0; t < threads; ++t) pool.emplace_back(worker);
    bool done = false;
    while (!done) {
      std::uint64_t batchFirst = 0, batchSize = 0;
      bool stopped = false;
      {
        std::unique_lock lock(mutex);
        // A stop request wakes this thread within 100 ms (to set `halt`); after that it
        // waits for the workers still running, which notify as they leave.
        consumerWake.wait_for(lock, std::chrono::milliseconds(100), [&] {
          return failure || ready[delivered % window] || (halt && running == 0) ||
                 (!halt && stop.load(std::memory_order_relaxed));
        });
        if (stop.load(std::memory_order_relaxed)) halt = true;
        if (failure) break;
        // Every contiguous finished row in one go.
        batchFirst = delivered;
        while (ready[delivered % window] && batchSize < window) {
          const auto begin = slots.begin() + static_cast<std::ptrdiff_t>((delivered % window) * metricCount);
          std::copy(begin, begin + static_cast<std::ptrdiff_t>(metricCount),
                    rows.begin() + static_cast<std::ptrdiff_t>(batchSize * metricCount));
          ready[delivered % window] = 0;
          ++delivered;
          ++batchSize;
        }
        // Stopped: what is not contiguous with the delivered ones is dropped.
        stopped = batchSize == 0 && halt && running == 0;
      }
      workersWake.notify_all();  // slots were freed, or a halt must reach waiting workers
      for (std::uint64_t k = 0; k < batchSize; ++k) {
        sink.onReplication(plan.firstReplication + batchFirst + k,
                           std::span<const double>(rows.data() + k * metricCount, metricCount));
        report(batchFirst + k + 1);
      }
      if (batchSize == 0) report(delivered);
      done = stopped || delivered == plan.count;
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
  if (failure) std::rethrow_exception(failure);
  return RunResult{delivered, delivered < plan.count};
}

}  // namespace irdrill::montecarlo
