#include <catch2/catch.hpp>

#include <array>
#include <memory>
#include <utility>

#include "sim/core/event_kernel.hpp"
#include "sim/core/inline_function.hpp"

using irdrill::core::EventHandler;
using irdrill::core::InlineFunction;

namespace {
// Counts live instances so the tests can see every copy destroyed exactly once.
struct Tracked {
  int* live;
  explicit Tracked(int* l) : live(l) { ++*live; }
  Tracked(const Tracked& o) : live(o.live) { ++*live; }
  Tracked(Tracked&& o) noexcept : live(o.live) { ++*live; }
  ~Tracked() { --*live; }
};
}  // namespace

TEST_CASE("A handler capturing a pointer and a few ids is stored inline") {
  struct Model {};
  Model model;
  auto typical = [m = &model, a = 1u, b = 2u, c = 3.0] { (void)m, (void)a, (void)b, (void)c; };
  STATIC_REQUIRE(EventHandler::fitsInline<decltype(typical)>());
  auto tooBig = [big = std::array<char, 200>{}] { (void)big; };
  STATIC_REQUIRE_FALSE(EventHandler::fitsInline<decltype(tooBig)>());
}

TEST_CASE("Inline and heap-stored callables run and are destroyed exactly once") {
  int live = 0;
  int calls = 0;
  SECTION("inline") {
    {
      InlineFunction<40> f([t = Tracked(&live), &calls] { ++calls; });
      CHECK(live == 1);
      InlineFunction<40> g(std::move(f));
      CHECK_FALSE(static_cast<bool>(f));
      g();
      CHECK(live == 1);
    }
    CHECK(live == 0);
  }
  SECTION("heap fallback for a large capture") {
    {
      InlineFunction<16> f([t = Tracked(&live), pad = std::array<char, 64>{}, &calls] {
        (void)pad;
        ++calls;
      });
      InlineFunction<16> g;
      g = std::move(f);
      g();
      CHECK(live == 1);
    }
    CHECK(live == 0);
  }
  CHECK(calls == 1);
}

TEST_CASE("Move-only captures work and reset releases them") {
  auto owned = std::make_unique<int>(42);
  int seen = 0;
  InlineFunction<40> f([p = std::move(owned), &seen] { seen = *p; });
  f();
  CHECK(seen == 42);
  f.reset();
  CHECK_FALSE(static_cast<bool>(f));
}
