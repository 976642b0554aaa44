// Event kernel implementation: a 4-ary min-heap of (time, sequence|slot) keys over a
// chunked slab of handler slots. A 4-ary heap halves the depth of a binary heap and
// keeps the four children of a node in one 64-byte cache line.
#include "sim/core/event_kernel.hpp"

#include <cassert>
#include <stdexcept>
#include <string>

namespace irdrill::core {

namespace {
constexpr std::size_t kArity = 4;
}

EventKernel::EventKernel() = default;
EventKernel::~EventKernel() = default;

std::uint32_t EventKernel::reserveSlot(TimeUs atUs) {
  if (atUs < nowUs_) {
    throw std::invalid_argument("EventKernel: cannot schedule at " + std::to_string(atUs) +
                                " us, before now (" + std::to_string(nowUs_) + " us)");
  }
  if (nextSequence_ > kMaxSequence) {
    throw std::length_error("EventKernel: more than 2^40 events scheduled");
  }
  if (freeHead_ != kNoFreeSlot) {
    const std::uint32_t index = freeHead_;
    freeHead_ = slotAt(index).nextFree;
    return index;
  }
  if (slotCount_ > kSlotMask) {
    throw std::length_error("EventKernel: more than 2^24 events pending at once");
  }
  if ((slotCount_ & (kChunkSize - 1)) == 0) {
    chunks_.push_back(std::make_unique<Slot[]>(kChunkSize));
  }
  return slotCount_++;
}

EventId EventKernel::commitSlot(std::uint32_t index, TimeUs atUs) {
  Slot& slot = slotAt(index);
  slot.pending = true;
  heapPush(HeapKey{atUs, (nextSequence_++ << kSlotBits) | index});
  ++pendingCount_;
  return EventId{index, slot.generation};
}

void EventKernel::releaseSlot(std::uint32_t index) {
  Slot& slot = slotAt(index);
  slot.handler.reset();
  slot.pending = false;
  // Generation 0 is reserved for the null handle, so skip it on wrap-around.
  if (++slot.generation == 0) slot.generation = 1;
  slot.nextFree = freeHead_;
  freeHead_ = index;
}

bool EventKernel::isPending(EventId id) const {
  if (id.isNull() || id.slot >= slotCount_) return false;
  const Slot& slot = slotAt(id.slot);
  return slot.generation == id.generation && slot.pending;
}

bool EventKernel::cancel(EventId id) {
  if (!isPending(id)) return false;
  Slot& slot = slotAt(id.slot);
  slot.pending = false;
  slot.handler.reset();  // free captured resources now, not when the key surfaces
  --pendingCount_;
  return true;
}

void EventKernel::heapPush(HeapKey key) {
  std::size_t hole = heap_.size();
  heap_.push_back(key);
  HeapKey* h = heap_.data();
  while (hole > 0) {
    const std::size_t parent = (hole - 1) / kArity;
    if (!(key < h[parent])) break;
    h[hole] = h[parent];
    hole = parent;
  }
  h[hole] = key;
}

// Bottom-up deletion (Wegener): walk the hole from the root down to a leaf along the
// smallest children, then sift the former last key up from there. The last key of a
// heap usually belongs near the bottom, so this saves the comparisons against it that a
// top-down sift makes at every level.
EventKernel::HeapKey EventKernel::heapPop() {
  assert(!heap_.empty());
  HeapKey* h = heap_.data();
  const HeapKey top = h[0];
  const HeapKey last = h[heap_.size() - 1];
  heap_.pop_back();
  const std::size_t n = heap_.size();
  if (n == 0) return top;
  std::size_t hole = 0;
  for (;;) {
    const std::size_t first = hole * kArity + 1;
    if (first >= n) break;
    std::size_t best = first;
    if (first + kArity <= n) {
      const std::size_t a = h[first + 1] < h[first] ? first + 1 : first;
      const std::size_t b = h[first + 3] < h[first + 2] ? first + 3 : first + 2;
      best = h[b] < h[a] ? b : a;
    } else {
      for (std::size_t c = first + 1; c < n; ++c) {
        if (h[c] < h[best]) best = c;
      }
    }
    h[hole] = h[best];
    hole = best;
  }
  while (hole > 0) {
    const std::size_t parent = (hole - 1) / kArity;
    if (!(last < h[parent])) break;
    h[hole] = h[parent];
    hole = parent;
  }
  h[hole] = last;
  return top;
}

bool EventKernel::settleTop() {
  while (!heap_.empty()) {
    const auto index = static_cast<std::uint32_t>(heap_[0].seqAndSlot & kSlotMask);
    if (slotAt(index).pending) return true;
    heapPop();
    releaseSlot(index);
  }
  return false;
}

void EventKernel::fireTop() {
  const HeapKey key = heapPop();
  const auto index = static_cast<std::uint32_t>(key.seqAndSlot & kSlotMask);
  assert(key.timeUs >= nowUs_ && "simulated time must never run backwards");
  nowUs_ = key.timeUs;
  // The next event's slot is almost always a cache miss (it was written long ago);
  // fetching it now overlaps the miss with this handler's work.
  if (!heap_.empty()) {
    __builtin_prefetch(&slotAt(static_cast<std::uint32_t>(heap_[0].seqAndSlot & kSlotMask)));
  }
  Slot& slot = slotAt(index);
  slot.pending = false;
  --pendingCount_;
  ++firedCount_;
  // The slot stays reserved while its handler runs (slab chunks never move), so the
  // handler may schedule and cancel freely; it is recycled afterwards.
  slot.handler();
  releaseSlot(index);
}

bool EventKernel::step() {
  if (!settleTop()) return false;
  fireTop();
  return true;
}

std::uint64_t EventKernel::runSteps(std::uint64_t maxEvents) {
  stopRequested_ = false;
  std::uint64_t fired = 0;
  while (fired < maxEvents && !stopRequested_ && settleTop()) {
    fireTop();
    ++fired;
  }
  return fired;
}

std::uint64_t EventKernel::runUntil(TimeUs untilUs) {
  stopRequested_ = false;
  std::uint64_t fired = 0;
  while (!stopRequested_ && settleTop() && heap_[0].timeUs <= untilUs) {
    fireTop();
    ++fired;
  }
  if (!stopRequested_ && untilUs > nowUs_) nowUs_ = untilUs;
  return fired;
}

std::uint64_t EventKernel::runUntilEmpty() {
  stopRequested_ = false;
  std::uint64_t fired = 0;
  while (!stopRequested_ && settleTop()) {
    fireTop();
    ++fired;
  }
  return fired;
}

TimeUs EventKernel::nextEventTimeUs() {
  return settleTop() ? heap_[0].timeUs : kTimeNeverUs;
}

}  // namespace irdrill::core
