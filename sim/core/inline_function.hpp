// A move-only `void()` callable with inline storage, used for event handlers.
//
// std::function may allocate for any capture larger than two pointers, and the kernel
// stores one handler per pending event, so the allocation would sit on the hottest path.
// Callables up to kInlineBytes live inside the object; larger ones fall back to the heap
// (correct but slower, so keep captures small: a pointer and an id or two).
#pragma once

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

namespace irdrill::core {

template <std::size_t kInlineBytes>
class InlineFunction {
 public:
  InlineFunction() noexcept = default;

  template <typename F, typename D = std::decay_t<F>,
            typename = std::enable_if_t<!std::is_same_v<D, InlineFunction> &&
                                        std::is_invocable_r_v<void, D&>>>
  InlineFunction(F&& callable) {  // NOLINT(google-explicit-constructor): like std::function
    construct(std::forward<F>(callable));
  }

  // Replaces the held callable by one built in place (no intermediate move).
  template <typename F>
  void emplace(F&& callable) {
    reset();
    construct(std::forward<F>(callable));
  }

  InlineFunction(InlineFunction&& other) noexcept : ops_(other.ops_) {
    if (ops_ != nullptr) {
      ops_->moveTo(other.storage_, storage_);
      other.ops_ = nullptr;
    }
  }

  InlineFunction& operator=(InlineFunction&& other) noexcept {
    if (this != &other) {
      reset();
      ops_ = other.ops_;
      if (ops_ != nullptr) {
        ops_->moveTo(other.storage_, storage_);
        other.ops_ = nullptr;
      }
    }
    return *this;
  }

  InlineFunction(const InlineFunction&) = delete;
  InlineFunction& operator=(const InlineFunction&) = delete;
  ~InlineFunction() { reset(); }

  void operator()() { ops_->invoke(storage_); }
  explicit operator bool() const noexcept { return ops_ != nullptr; }

  void reset() noexcept {
    if (ops_ != nullptr) {
      ops_->destroy(storage_);
      ops_ = nullptr;
    }
  }

  template <typename F>
  static constexpr bool fitsInline() {
    return sizeof(F) <= kInlineBytes && alignof(F) <= alignof(std::max_align_t) &&
           std::is_nothrow_move_constructible_v<F>;
  }

 private:
  template <typename F, typename D = std::decay_t<F>>
  void construct(F&& callable) {
    static_assert(std::is_invocable_r_v<void, D&>, "an event handler is callable as void()");
    if constexpr (fitsInline<D>()) {
      ::new (static_cast<void*>(storage_)) D(std::forward<F>(callable));
      ops_ = &kInlineOps<D>;
    } else {
      D* heapCallable = new D(std::forward<F>(callable));
      ::new (static_cast<void*>(storage_)) D*(heapCallable);
      ops_ = &kHeapOps<D>;
    }
  }

  struct Ops {
    void (*invoke)(void* storage);
    void (*moveTo)(void* from, void* to) noexcept;  // leaves `from` destroyed
    void (*destroy)(void* storage) noexcept;
  };

  template <typename F>
  static constexpr Ops kInlineOps{
      [](void* s) { (*std::launder(static_cast<F*>(s)))(); },
      [](void* from, void* to) noexcept {
        F* source = std::launder(static_cast<F*>(from));
        ::new (to) F(std::move(*source));
        source->~F();
      },
      [](void* s) noexcept { std::launder(static_cast<F*>(s))->~F(); }};

  template <typename F>
  static constexpr Ops kHeapOps{
      [](void* s) { (**std::launder(static_cast<F**>(s)))(); },
      [](void* from, void* to) noexcept { ::new (to) F*(*std::launder(static_cast<F**>(from))); },
      [](void* s) noexcept { delete *std::launder(static_cast<F**>(s)); }};

  alignas(std::max_align_t) unsigned char storage_[kInlineBytes];
  const Ops* ops_ = nullptr;
};

}  // namespace irdrill::core
