#include "sim/cli/scale_out_script.hpp"

#include <sstream>

#include "sim/cli/mc_output.hpp"

namespace irdrill::cli {

namespace {

constexpr std::size_t kLineWidth = 90;

// Pieces of a command line (a word, or an option with its value) joined by spaces, broken
// with " \" before a piece that would pass kLineWidth, so an option stays with its value.
std::string wrapCommand(const std::vector<std::string>& pieces, const std::string& firstPrefix,
                        const std::string& continuation) {
  std::string text = firstPrefix;
  std::size_t lineStart = 0;
  bool lineEmpty = true;
  for (const auto& piece : pieces) {
    if (!lineEmpty && text.size() - lineStart + 1 + piece.size() + 2 > kLineWidth) {
      text += " \\\n";
      lineStart = text.size();
      text += continuation;
      lineEmpty = true;
    }
    if (!lineEmpty) text += ' ';
    text += piece;
    lineEmpty = false;
  }
  return text + "\n";
}

// Prose as "# " comment lines of at most kLineWidth characters (a longer word alone).
std::string commentParagraph(const std::string& prose) {
  std::istringstream words(prose);
  std::string text, line, word;
  while (words >> word) {
    if (!line.empty() && 2 + line.size() + 1 + word.size() > kLineWidth) {
      text += "# " + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  return text + "# " + line + "\n";
}

// A shell word shown in a comment: a line break in it would end the comment and make the
// rest of the word a command, so it is shown as "\n".
std::string commentWord(const std::string& word) {
  std::string shown;
  for (const char c : word) {
    shown += c == '\n' ? std::string("\\n") : c == '\r' ? std::string("\\r") : std::string(1, c);
  }
  return shown;
}

// `irdrill mc` and the options common to the whole run and to every shard.
std::vector<std::string> runPieces(const ScaleOutRun& run) {
  std::vector<std::string> pieces{shellWord(run.program) + " mc", "--scenario " + shellWord(run.scenarioPath),
                                  "--runs " + std::to_string(run.runs)};
  if (run.seed) pieces.push_back("--seed " + std::to_string(*run.seed));
  for (const auto& set : run.sets) pieces.push_back("--set " + shellWord(set));
  if (!run.decisionsPath.empty()) pieces.push_back("--decisions " + shellWord(run.decisionsPath));
  return pieces;
}

std::string lastIndex(const ScaleOutRun& run) { return std::to_string(run.shardCount - 1); }

std::string shardsText(const ScaleOutRun& run) {
  return std::to_string(run.shardCount) + (run.shardCount == 1 ? " shard" : " shards");
}

// `PREFIX-shards/shard-` as one shell word, to which a quoted index or a brace range is
// appended ('my out-shards/shard-'"$1", out/all-shards/shard-{0..7}).
std::string shardDirPrefixWord(const ScaleOutRun& run) {
  return shellWord(shardsDirectory(run.outDir) + "/shard-");
}

std::string mergeCommand(const ScaleOutRun& run) {
  const std::string allShards =
      shardDirPrefixWord(run) + (run.shardCount == 1 ? std::string("0") : "{0.." + lastIndex(run) + "}");
  return wrapCommand({shellWord(run.program) + " merge", "--out " + shellWord(run.outDir), allShards}, "", "  ");
}

// What the script runs (`how`, after the whole run's command) and how to use it (`usage`).
std::string header(const ScaleOutRun& run, const std::string& how, const std::string& usage) {
  std::vector<std::string> whole = runPieces(run);
  if (run.threadsGiven) whole.push_back("--threads " + std::to_string(run.threadsPerShard));
  whole.push_back("--out " + shellWord(run.outDir));
  for (auto& piece : whole) piece = commentWord(piece);
  return "#!/bin/bash\n# The Monte Carlo run\n" + wrapCommand(whole, "#   ", "#     ") + commentParagraph(how) +
         "#\n" + commentParagraph(usage) + "set -euo pipefail\n\n";
}

// "shard I into DIR-shards/shard-I, then `irdrill merge` into DIR", for the header.
std::string shardsAndMergePhrase(const ScaleOutRun& run) {
  return "shard I into " + commentWord(shellWord(shardsDirectory(run.outDir))) + "/shard-I, then `irdrill merge` into " +
         commentWord(shellWord(run.outDir));
}

// Checks the optional shard arguments and collects them in `selected` (leading zeros
// dropped, so shard 03 writes shard-3).
std::string shardArguments(const ScaleOutRun& run) {
  const std::string last = lastIndex(run);
  return "selected=()\n"
         "for shard in \"$@\"; do\n"
         "  [[ $shard =~ ^[0-9]{1,18}$ ]] && ((10#$shard <= " + last + ")) ||\n"
         "    { echo \"$0: '$shard' is not a shard index (0 to " + last + ")\" >&2; exit 2; }\n"
         "  selected+=(\"$((10#$shard))\")\n"
         "done\n";
}

// A here-document whose delimiter is no line of `body` (a path may hold a line break).
std::string hereDocument(std::string delimiter, const std::string& body) {
  const auto isLineOfBody = [&](const std::string& candidate) {
    std::istringstream lines(body);
    std::string line;
    while (std::getline(lines, line)) {
      if (line == candidate) return true;
    }
    return false;
  };
  while (isLineOfBody(delimiter)) delimiter += "_";
  return "<<'" + delimiter + "'\n" + body + delimiter + "\n";
}

// "--output=DIR/PATTERN" for sbatch, '%' in DIR doubled so Slurm keeps it; empty for a DIR
// with a backslash (which turns every pattern off): Slurm's default log in the job's
// directory then.
std::string slurmOutputOption(const std::string& dir, const std::string& pattern) {
  if (dir.find('\\') != std::string::npos) return "";
  std::string escaped;
  for (const char c : dir) escaped += c == '%' ? std::string("%%") : std::string(1, c);
  return "--output=" + shellWord(escaped + "/" + pattern);
}

// `VARIABLE=$(sbatch OPTIONS <<'DELIMITER' ... JOB ... DELIMITER\n)`: the job script
// read by sbatch from its standard input, taken literally.
std::string submission(const std::string& variable, std::vector<std::string> options,
                       const std::string& delimiter, const std::string& job) {
  options.insert(options.begin(), variable + "=$(sbatch --parsable");
  std::string text = wrapCommand(options, "", "  ");
  text.pop_back();
  return text + " " + hereDocument(delimiter, "#!/bin/bash\n" + job) + ")\n";
}

}  // namespace

std::string shardsDirectory(const std::string& outDir) {
  std::string dir = outDir;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir + "-shards";
}

std::string slurmScript(const ScaleOutRun& run) {
  const std::string count = std::to_string(run.shardCount);
  const std::string last = lastIndex(run);
  const std::string cpus = std::to_string(run.threadsPerShard);
  const std::string shardsDir = shardsDirectory(run.outDir);
  std::string text = header(
      run,
      "as a Slurm job array of " + shardsText(run) + " (" + cpus + " CPU" + (run.threadsPerShard == 1 ? "" : "s") +
          " each), " + shardsAndMergePhrase(run) +
          " as a job that starts only if every shard succeeded (afterok). Logs: " +
          commentWord(shellWord(shardsDir)) + "/slurm-*.out. Written by `irdrill mc --emit-slurm` "
          "(docs/montecarlo.md).",
      "Run it with bash, not sbatch, from the directory irdrill mc was run in: the paths are relative "
      "to it, and the jobs start there. `bash SCRIPT 3 5` submits shards 3 and 5 again (after a "
      "failure), then the merge. sbatch reads more options from the environment: SBATCH_PARTITION, "
      "SBATCH_TIMELIMIT, SBATCH_ACCOUNT...");
  text += shardArguments(run);
  text += "array=" + (run.shardCount == 1 ? std::string("0") : "0-" + last) + "\n";
  text += "if [ ${#selected[@]} -gt 0 ]; then array=$(IFS=,; echo \"${selected[*]}\"); fi\n\n";
  text += "mkdir -p " + shellWord(shardsDir) + "\n";

  std::vector<std::string> shardJob = runPieces(run);
  shardJob.front() = "exec " + shardJob.front();
  shardJob.insert(shardJob.end(), {"--threads \"$SLURM_CPUS_PER_TASK\"",
                                   "--shard \"$SLURM_ARRAY_TASK_ID/" + count + "\"",
                                   "--out " + shardDirPrefixWord(run) + "\"$SLURM_ARRAY_TASK_ID\""});
  std::vector<std::string> arrayOptions{"--job-name=irdrill-mc", "--array=\"$array\"", "--cpus-per-task=" + cpus};
  if (const auto log = slurmOutputOption(shardsDir, "slurm-%A_%a.out"); !log.empty()) arrayOptions.push_back(log);
  text += submission("array_job", arrayOptions, "IRDRILL_SHARD", wrapCommand(shardJob, "", "  "));
  text += "array_job=${array_job%%;*}  # \"ID;CLUSTER\" where Slurm federates clusters\n";

  std::vector<std::string> mergeOptions{"--job-name=irdrill-merge", "--dependency=afterok:\"$array_job\"",
                                        "--kill-on-invalid-dep=yes"};
  if (const auto log = slurmOutputOption(shardsDir, "slurm-%j-merge.out"); !log.empty()) mergeOptions.push_back(log);
  text += submission("merge_job", mergeOptions, "IRDRILL_MERGE", "exec " + mergeCommand(run));
  text += "echo \"irdrill: shards $array of " + count +
          ": job array $array_job; merge: job ${merge_job%%;*}, once every shard succeeded\"\n";
  return text;
}

std::string parallelScript(const ScaleOutRun& run) {
  const std::string count = std::to_string(run.shardCount);
  const std::string last = lastIndex(run);
  const std::string threads = std::to_string(run.threadsPerShard);
  std::string text = header(
      run,
      "as " + shardsText(run) + " run by GNU parallel (" + threads + " thread" +
          (run.threadsPerShard == 1 ? "" : "s") +
          " each, as many at once as the cores allow), " + shardsAndMergePhrase(run) +
          " if every shard succeeded. Written by `irdrill mc --emit-parallel` (docs/montecarlo.md).",
      "Run it with bash from the directory irdrill mc was run in: the paths are relative to it. "
      "`bash SCRIPT 3 5` runs shards 3 and 5 again (after a failure), then the merge. GNU parallel "
      "reads more options from $PARALLEL: PARALLEL='-S host1,host2 --wd .' runs shards on machines "
      "that share this directory.");
  text += shardArguments(run);
  text += "if [ ${#selected[@]} -eq 0 ]; then selected=(" +
          (run.shardCount == 1 ? std::string("0") : "{0.." + last + "}") + "); fi\n";
  text += "command -v parallel >/dev/null || { echo \"$0: GNU parallel is not installed\" >&2; exit 1; }\n";
  if (run.threadsPerShard == 1) {
    text += "jobs=$(nproc)\n\n";
  } else {
    text += "jobs=$(($(nproc) / " + threads + ")); [ \"$jobs\" -ge 1 ] || jobs=1\n\n";
  }

  // The user's words live in a function, not in parallel's command template, where `{}`
  // in a path would be replaced.
  std::vector<std::string> shardJob = runPieces(run);
  shardJob.insert(shardJob.end(), {"--threads " + threads, "--shard \"$1/" + count + "\"",
                                   "--out " + shardDirPrefixWord(run) + "\"$1\""});
  text += "run_shard() {\n" + wrapCommand(shardJob, "  ", "    ") + "}\n";
  text += "export -f run_shard\n";
  text += "if ! parallel --jobs \"$jobs\" --env run_shard run_shard ::: \"${selected[@]}\"; then\n";
  text += "  echo \"$0: a shard failed (its messages are above): not merged; run it again with: bash $0 SHARD\" >&2\n";
  text += "  exit 1\n";
  text += "fi\n";
  text += "exec " + mergeCommand(run);
  return text;
}

}  // namespace irdrill::cli
