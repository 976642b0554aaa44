// Rewinding a session with checkpoints (see rewind.hpp).
#include "sim/session/rewind.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "sim/session/branches.hpp"

namespace irdrill::session {
namespace {

// A checkpoint is built in slices of simulated time, so that a stop or a changed log is
// noticed within one slice (a few milliseconds of work).
constexpr core::TimeUs kBuildSliceUs = 10 * core::kUsPerMinute;

// How many of the log's entries are timed before `atUs` (the log is in time order).
std::size_t entriesBefore(const std::vector<SessionEntry>& log, core::TimeUs atUs) {
  return static_cast<std::size_t>(
      std::partition_point(log.begin(), log.end(), [&](const SessionEntry& e) { return e.atUs < atUs; }) -
      log.begin());
}

// Whether a checkpoint that applied `applied` and stands at `atUs` is one of `log`'s.
bool validFor(const std::vector<SessionEntry>& applied, core::TimeUs atUs, const std::vector<SessionEntry>& log) {
  return entriesBefore(log, atUs) == applied.size() && std::equal(applied.begin(), applied.end(), log.begin());
}

SessionDef bareHeader(SessionDef header) {
  header.entries.clear();
  header.branches.clear();
  header.currentBranch.clear();
  return header;
}

std::vector<SessionEntry> slice(const std::vector<SessionEntry>& log, std::size_t from, std::size_t to) {
  return std::vector<SessionEntry>(log.begin() + static_cast<std::ptrdiff_t>(from),
                                   log.begin() + static_cast<std::ptrdiff_t>(to));
}

void replayOrThrow(LiveSession& live, const std::vector<SessionEntry>& entries, core::TimeUs untilUs) {
  if (const auto problem = live.replay(entries, untilUs)) {
    throw std::runtime_error("rewind: the log no longer replays: " + *problem);
  }
}

}  // namespace

RewindPoint rewindPointAt(const std::vector<SessionEntry>& log, core::TimeUs atUs) {
  return {entriesBefore(log, atUs), atUs};
}

RewindPoint rewindPointBefore(const std::vector<SessionEntry>& log, std::size_t entryIndex) {
  if (entryIndex >= log.size()) return {log.size(), log.empty() ? 0 : log.back().atUs};
  return {entryIndex, log[entryIndex].atUs};
}

std::unique_ptr<LiveSession> rebuildFromStart(std::shared_ptr<const scenario::ScenarioDef> scenario,
                                              const SessionDef& header, const std::vector<SessionEntry>& log,
                                              RewindPoint point) {
  auto live = std::make_unique<LiveSession>(std::move(scenario), bareHeader(header));
  replayOrThrow(*live, slice(log, 0, std::min(point.entryCount, log.size())), point.atUs);
  return live;
}

// ---------------------------------------------------------------------------------------

RewindCheckpoints::RewindCheckpoints(std::shared_ptr<const scenario::ScenarioDef> scenario, SessionDef header,
                                     core::TimeUs intervalUs)
    : scenario_(std::move(scenario)), header_(bareHeader(std::move(header))), intervalUs_(intervalUs) {
  if (!scenario_) throw std::invalid_argument("RewindCheckpoints needs a scenario");
  if (intervalUs_ <= 0) throw std::invalid_argument("RewindCheckpoints needs an interval > 0");
  worker_ = std::thread([this] { work(); });
}

RewindCheckpoints::~RewindCheckpoints() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

void RewindCheckpoints::follow(const std::vector<SessionEntry>& log, core::TimeUs untilUs) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const bool sameLog = log == log_;
    if (sameLog && untilUs == untilUs_) return;
    if (!sameLog) {
      log_ = log;
      ++generation_;
      for (auto it = ready_.begin(); it != ready_.end();) {
        it = validFor(it->second.applied, it->first, log_) ? std::next(it) : ready_.erase(it);
      }
    }
    untilUs_ = untilUs;
  }
  wake_.notify_all();
}

core::TimeUs RewindCheckpoints::nextMissingUs() const {
  const core::TimeUs lastUs = std::min(untilUs_, core::secondsToUs(scenario_->horizonS));
  for (core::TimeUs atUs = intervalUs_; atUs <= lastUs; atUs += intervalUs_) {
    if (!ready_.count(atUs)) return atUs;
  }
  return 0;
}

void RewindCheckpoints::work() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stop_) {
    const core::TimeUs atUs = nextMissingUs();
    if (atUs == 0) {
      building_ = false;
      idle_.notify_all();
      wake_.wait(lock);
      continue;
    }
    building_ = true;
    const std::uint64_t generation = generation_;
    std::vector<SessionEntry> applied = slice(log_, 0, entriesBefore(log_, atUs));
    lock.unlock();

    auto live = std::make_unique<LiveSession>(scenario_, header_);
    bool abandoned = false;
    if (live->replay(applied, std::nullopt)) {
      abandoned = true;  // a log that does not replay gets no checkpoints
    }
    while (!abandoned && live->now() < atUs) {
      live->runUntil(std::min(atUs, live->now() + kBuildSliceUs));
      std::lock_guard<std::mutex> check(mutex_);
      abandoned = stop_ || (generation_ != generation && !validFor(applied, atUs, log_));
      if (live->finished() && live->now() < atUs) abandoned = true;
    }

    lock.lock();
    if (abandoned && !stop_ && generation_ == generation) {
      // The log itself does not replay to here: stop following it until it changes.
      untilUs_ = 0;
    }
    if (!abandoned && validFor(applied, atUs, log_)) ready_[atUs] = Checkpoint{std::move(applied), std::move(live)};
  }
  building_ = false;
  idle_.notify_all();
}

std::unique_ptr<LiveSession> RewindCheckpoints::rebuild(const std::vector<SessionEntry>& log, RewindPoint point,
                                                        RewindStats* stats) {
  std::unique_ptr<LiveSession> live;
  core::TimeUs checkpointUs = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::vector<SessionEntry> wanted = slice(log, 0, std::min(point.entryCount, log.size()));
    for (auto it = ready_.upper_bound(point.atUs); it != ready_.begin();) {
      --it;
      // Valid for the log up to the point: its entries are the point's entries before it.
      if (validFor(it->second.applied, it->first, wanted)) {
        live = std::move(it->second.live);
        checkpointUs = it->first;
        ready_.erase(it);
        break;
      }
    }
  }
  wake_.notify_all();  // the one taken is missing now
  if (stats) {
    stats->fromCheckpoint = live != nullptr;
    stats->checkpointUs = checkpointUs;
  }
  if (!live) return rebuildFromStart(scenario_, header_, log, point);
  const std::size_t from = live->log().size();
  replayOrThrow(*live, slice(log, from, std::min(point.entryCount, log.size())), point.atUs);
  return live;
}

void RewindCheckpoints::waitUntilIdle() {
  std::unique_lock<std::mutex> lock(mutex_);
  idle_.wait(lock, [this] { return stop_ || (!building_ && nextMissingUs() == 0); });
}

std::vector<core::TimeUs> RewindCheckpoints::readyTimes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<core::TimeUs> out;
  for (const auto& [atUs, checkpoint] : ready_) out.push_back(atUs);
  return out;
}

// ---------------------------------------------------------------------------------------

std::unique_ptr<LiveSession> rewindSession(const LiveSession& live, RewindPoint point,
                                           RewindCheckpoints* checkpoints, RewindStats* stats) {
  const SessionDef whole = live.session();
  std::unique_ptr<LiveSession> rewound =
      checkpoints ? checkpoints->rebuild(whole.entries, point, stats)
                  : rebuildFromStart(live.sharedScenario(), whole, whole.entries, point);
  rewound->adoptBranchTree(whole);
  return rewound;
}

std::unique_ptr<LiveSession> switchToBranch(const LiveSession& live, std::string_view branchName,
                                            RewindCheckpoints* checkpoints, RewindStats* stats) {
  SessionDef whole = live.session();
  switchBranch(whole, branchName);
  const RewindPoint point{whole.entries.size(), whole.lastUs};
  std::unique_ptr<LiveSession> switched =
      checkpoints ? checkpoints->rebuild(whole.entries, point, stats)
                  : rebuildFromStart(live.sharedScenario(), whole, whole.entries, point);
  switched->adoptBranchTree(whole);
  if (checkpoints) checkpoints->follow(whole.entries, whole.lastUs);
  return switched;
}

}  // namespace irdrill::session
