// The discrete-event kernel: a clock and a queue of pending events with handlers.
//
// Event order (the contract every model and test relies on):
//   events fire in increasing timestamp; events with the same timestamp fire in the
//   order they were scheduled (insertion sequence). This is a total order, so a run is
//   a pure function of its inputs.
//
// Time never runs backwards: scheduling before now() is a programmer error and throws
// std::invalid_argument; the kernel also asserts the invariant when it pops an event.
//
// Costs: schedule and step are O(log n) in the number of pending events (a 4-ary heap
// of 16-byte keys; handlers live apart in a slab with stable addresses). cancel is O(1):
// it flags the slot and destroys the handler; the heap key is skipped when popped.
//
// Limits: 2^24 (16.7 million) events pending at once, including cancelled ones not yet
// popped, and 2^40 (1.1e12) events scheduled over a kernel's life. Both throw
// std::length_error when exceeded.
//
// The kernel is a plain object with no global or static mutable state, so independent
// replications run on separate threads. One kernel must not be used from two threads.
#pragma once

#include <cstdint>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include "sim/core/inline_function.hpp"
#include "sim/core/time.hpp"

namespace irdrill::core {

// An opaque handle to a scheduled event. The zero value is the null handle.
// A handle stays safe to use after its event fired or was cancelled: the slot's
// generation no longer matches, so cancel() returns false.
struct EventId {
  std::uint32_t slot = 0;
  std::uint32_t generation = 0;  // 0 only for the null handle
  constexpr bool isNull() const { return generation == 0; }
  friend constexpr bool operator==(EventId, EventId) = default;
};

// Inline capture budget of a handler: a `this` pointer plus a few ids fit.
inline constexpr std::size_t kHandlerInlineBytes = 40;
using EventHandler = InlineFunction<kHandlerInlineBytes>;

class EventKernel {
 public:
  EventKernel();
  EventKernel(const EventKernel&) = delete;
  EventKernel& operator=(const EventKernel&) = delete;
  ~EventKernel();

  TimeUs now() const { return nowUs_; }

  // Schedules `handler` (any `void()` callable, or an EventHandler) at absolute time
  // `atUs` (>= now()). The callable is built in place in the event's slot.
  template <typename F>
  EventId scheduleAt(TimeUs atUs, F&& handler) {
    const std::uint32_t index = reserveSlot(atUs);
    Slot& slot = slotAt(index);
    try {
      if constexpr (std::is_same_v<std::decay_t<F>, EventHandler>) {
        slot.handler = std::move(handler);
      } else {
        slot.handler.emplace(std::forward<F>(handler));
      }
    } catch (...) {
      releaseSlot(index);
      throw;
    }
    return commitSlot(index, atUs);
  }
  // Schedules `handler` after `delayUs` (>= 0) from now().
  template <typename F>
  EventId scheduleIn(TimeUs delayUs, F&& handler) {
    return scheduleAt(nowUs_ + delayUs, std::forward<F>(handler));
  }

  // Cancels a pending event. Returns true if it was pending and is now cancelled;
  // false for the null handle, an event already fired or already cancelled.
  bool cancel(EventId id);
  bool isPending(EventId id) const;

  // Fires the next pending event. Returns false (and does nothing) when none is left.
  bool step();
  // Fires up to `maxEvents` events; returns how many fired.
  std::uint64_t runSteps(std::uint64_t maxEvents);
  // Fires every event with timestamp <= untilUs, then sets the clock to untilUs
  // (if it was earlier), so a caller stepping by time sees the clock advance even
  // through quiet periods. Returns how many fired.
  std::uint64_t runUntil(TimeUs untilUs);
  // Fires events until none is pending or a handler calls requestStop().
  std::uint64_t runUntilEmpty();

  // Asks the running runSteps/runUntil/runUntilEmpty to return after the current event.
  void requestStop() { stopRequested_ = true; }

  // Time of the next pending event, or kTimeNeverUs when none is pending.
  TimeUs nextEventTimeUs();
  // Events scheduled and not yet fired or cancelled.
  std::size_t pendingCount() const { return pendingCount_; }
  // Events fired since construction.
  std::uint64_t firedCount() const { return firedCount_; }

 private:
  struct HeapKey {
    TimeUs timeUs;
    std::uint64_t seqAndSlot;  // insertion sequence << kSlotBits | slot index
    // One 128-bit comparison instead of two dependent ones: it compiles without
    // branches, which matters because heap comparisons are unpredictable by nature.
    // Times are never negative, so the unsigned view keeps their order.
    unsigned __int128 packed() const {
      return (static_cast<unsigned __int128>(static_cast<std::uint64_t>(timeUs)) << 64) |
             seqAndSlot;
    }
    bool operator<(const HeapKey& o) const { return packed() < o.packed(); }
  };
  // One cache line per slot (64 bytes) so reading a handler touches one line.
  struct alignas(64) Slot {
    EventHandler handler;
    std::uint32_t generation = 1;
    std::uint32_t nextFree = 0;  // free-list link, valid while the slot is free
    bool pending = false;        // scheduled and neither fired nor cancelled
  };

  static constexpr unsigned kSlotBits = 24;
  static constexpr std::uint64_t kSlotMask = (std::uint64_t{1} << kSlotBits) - 1;
  static constexpr std::uint64_t kMaxSequence = (std::uint64_t{1} << (64 - kSlotBits)) - 1;
  // Slots live in fixed-size chunks so a handler's address is stable while it runs,
  // even when it schedules events that grow the slab.
  static constexpr unsigned kChunkBits = 10;
  static constexpr std::uint32_t kChunkSize = 1u << kChunkBits;
  static constexpr std::uint32_t kNoFreeSlot = UINT32_MAX;

  Slot& slotAt(std::uint32_t index) {
    return chunks_[index >> kChunkBits][index & (kChunkSize - 1)];
  }
  const Slot& slotAt(std::uint32_t index) const {
    return chunks_[index >> kChunkBits][index & (kChunkSize - 1)];
  }
  // Checks `atUs` and the limits, then takes a free slot (commitSlot queues it).
  std::uint32_t reserveSlot(TimeUs atUs);
  EventId commitSlot(std::uint32_t index, TimeUs atUs);
  void releaseSlot(std::uint32_t index);

  void heapPush(HeapKey key);
  HeapKey heapPop();
  // Drops cancelled keys from the top of the heap; returns false when it is empty.
  bool settleTop();
  void fireTop();

  std::vector<HeapKey> heap_;
  std::vector<std::unique_ptr<Slot[]>> chunks_;
  std::uint32_t slotCount_ = 0;
  std::uint32_t freeHead_ = kNoFreeSlot;
  std::uint64_t nextSequence_ = 0;
  std::size_t pendingCount_ = 0;
  std::uint64_t firedCount_ = 0;
  TimeUs nowUs_ = 0;
  bool stopRequested_ = false;
};

}  // namespace irdrill::core
