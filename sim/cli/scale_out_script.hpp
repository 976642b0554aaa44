// The scripts `irdrill mc --shards N --emit-slurm FILE` and `--emit-parallel FILE` write
// (docs/montecarlo.md, "Splitting a run"): a run of `irdrill mc` cut into N shards, each
// run as a Slurm array task or a GNU parallel job into DIR-shards/shard-I, then merged into
// DIR by `irdrill merge` only when every shard succeeded.
//
// Every user text (paths, --set values) appears in the scripts as one shell word
// (shellWord), inside quoted here-documents for Slurm, and never inside a GNU parallel
// command template (a shell function is exported instead, so `{}` in a path is not a
// replacement string). The scripts take optional shard indices to rerun only those.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace irdrill::cli {

// The run to split, with the options exactly as the user gave them.
struct ScaleOutRun {
  std::string program;                // how irdrill was invoked (argv[0]), used by the jobs
  std::string scenarioPath;
  std::uint64_t runs = 0;
  std::optional<std::uint64_t> seed;  // absent: the scenario's seed, as for `mc`
  int threadsPerShard = 1;            // >= 1
  bool threadsGiven = false;          // --threads was on the command line
  std::vector<std::string> sets;      // --set PATH=VALUE texts, in order
  std::string decisionsPath;          // empty: none
  std::string outDir;                 // the merged run's directory
  std::uint64_t shardCount = 1;       // >= 1
};

// "out/all/" -> "out/all-shards": the directory beside DIR holding shard-0 ... shard-N-1
// and the Slurm logs.
std::string shardsDirectory(const std::string& outDir);

// A bash script that submits the shards as one Slurm job array and the merge as a job
// depending on it (afterok), then prints both job ids.
std::string slurmScript(const ScaleOutRun& run);

// A bash script that runs the shards with GNU parallel, one job per core, then the merge.
std::string parallelScript(const ScaleOutRun& run);

}  // namespace irdrill::cli
