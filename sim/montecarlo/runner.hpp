// Runs replications of a model on a pool of threads and hands the results to a sink in
// replication order, whatever the number of threads: same seed, same model, same rows.
//
// Workers take replication indices from a shared counter and compute them in any order;
// a reorder buffer of a few slots per thread holds results until every earlier one is in,
// and workers wait rather than run ahead of it, so memory does not grow with the number
// of replications. The calling thread takes every finished row contiguous with those
// already delivered in one batch (at most a window's worth) and hands them to the sink, so
// at most two windows of rows are held at once. The sink and the progress callback run
// on the calling thread.
//
// A stop flag (set by the CLI's SIGINT handler) lets each worker finish the replication it
// is in and take no new one; the run then delivers what is contiguous from the first
// replication, so a stopped run's output is still "the first k replications".
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <span>

#include "sim/montecarlo/replication_model.hpp"

namespace irdrill::montecarlo {

struct RunPlan {
  std::uint64_t masterSeed = 0;
  std::uint64_t firstReplication = 0;  // replications first .. first + count - 1
  std::uint64_t count = 0;
  int threads = 1;  // worker threads, >= 1 (the CLI turns "all cores" into a number)
};

// A deterministic slice of a run of `total` replications for shard `index` of `shards`
// (0-based): the contiguous block [floor(index total / shards), floor((index + 1) total /
// shards)). Blocks, not strides, so shards' outputs concatenate into the run's.
struct ReplicationRange {
  std::uint64_t first = 0;
  std::uint64_t count = 0;
};
ReplicationRange shardRange(std::uint64_t total, std::uint64_t index, std::uint64_t shards);

class ReplicationSink {
 public:
  virtual ~ReplicationSink() = default;
  // Once per replication, in increasing order from plan.firstReplication; `values` has
  // one entry per metric (NaN: does not apply).
  virtual void onReplication(std::uint64_t replication, std::span<const double> values) = 0;
};

struct RunProgress {
  std::uint64_t done = 0;   // replications delivered to the sink
  std::uint64_t total = 0;  // plan.count
  double elapsedS = 0;      // wall-clock seconds since the run started
};
// Called after each delivered replication and about every 100 ms while waiting.
using ProgressCallback = std::function<void(const RunProgress&)>;

struct RunResult {
  std::uint64_t completed = 0;  // replications delivered: the first `completed` of the plan
  bool stopped = false;         // the stop flag ended the run before all were done
};

// Runs the plan. An exception from the model stops the run and is rethrown here after
// every worker has finished (the sink has then seen a prefix of the replications).
RunResult runReplications(const ReplicationModel& model, const RunPlan& plan,
                          ReplicationSink& sink, const std::atomic<bool>& stop,
                          const ProgressCallback& progress = {});

// Slots of the reorder buffer for `threads` workers: how far the fastest worker may run
// ahead of the oldest unfinished replication.
std::uint64_t reorderWindow(int threads);

}  // namespace irdrill::montecarlo
