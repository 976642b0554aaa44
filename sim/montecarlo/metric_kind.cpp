// Names of metric kinds and directions (see metric_kind.hpp).
#include "sim/montecarlo/metric_kind.hpp"

#include <array>
#include <utility>

namespace irdrill::montecarlo {
namespace {

constexpr std::array<std::pair<MetricKind, std::string_view>, 5> kKinds{{
    {MetricKind::Proportion, "proportion"},
    {MetricKind::Count, "count"},
    {MetricKind::Duration, "duration"},
    {MetricKind::Amount, "amount"},
    {MetricKind::Signed, "signed"},
}};

constexpr std::array<std::pair<Better, std::string_view>, 3> kDirections{{
    {Better::Lower, "lower"},
    {Better::Higher, "higher"},
    {Better::Neither, "neither"},
}};

}  // namespace

std::string_view kindName(MetricKind kind) {
  for (const auto& [k, name] : kKinds) {
    if (k == kind) return name;
  }
  return "signed";
}

std::optional<MetricKind> parseKind(std::string_view name) {
  for (const auto& [k, text] : kKinds) {
    if (text == name) return k;
  }
  return std::nullopt;
}

std::string_view betterName(Better better) {
  for (const auto& [b, name] : kDirections) {
    if (b == better) return name;
  }
  return "neither";
}

std::optional<Better> parseBetter(std::string_view name) {
  for (const auto& [b, text] : kDirections) {
    if (text == name) return b;
  }
  return std::nullopt;
}

}  // namespace irdrill::montecarlo
