// The grid of a sweep: `--grid KEY=START:STOP:STEP` or `--grid KEY=V1,V2,...`, one axis
// per option, and the grid points as every combination of the axes' values.
//
// A key is a scenario path as for `--set` (sim/scenario/overrides.hpp); `alert.X` is short
// for `alerts.phone.X`. A range includes STOP when the steps reach it: the count is
// floor((STOP - START) / STEP) + 1 with a tolerance of 1e-9 steps, so decimal steps that
// binary floating point cannot hold exactly (0.1, 1.84) still land on STOP. Each value is
// START + i STEP, computed by multiplication (no accumulated error) and rounded to the
// decimals START and STEP are written with, so -95:-60:1.84 gives -93.16, not
// -93.16000000000001. STEP may be negative for a descending range.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/radio/radio_def.hpp"

namespace irdrill::sweep {

// Limits that keep a typo from asking for millions of simulations.
inline constexpr std::size_t kMaxAxisValues = 1000;
inline constexpr std::size_t kMaxGridPoints = 100000;

struct GridAxis {
  std::string key;   // normalised scenario path: "alerts.phone.hold_s"
  std::string text;  // the option's text as typed, for messages: "alert.hold_s=5:60:5"
  std::vector<double> values;
  std::vector<std::string> valueTexts;  // each value as YAML text for an override: "-93.16"
};

// "alert.hold_s" -> "alerts.phone.hold_s"; any other key is returned as is.
std::string normaliseGridKey(std::string_view key);

// Parses one --grid text. On bad text returns nullopt and sets `error` to a message
// without location ("expected KEY=START:STOP:STEP or KEY=V1,V2,..., got ...").
std::optional<GridAxis> parseGridAxis(std::string_view text, std::string& error);

// Checks a set of axes together: no key twice, at most kMaxGridPoints points.
bool checkGrid(const std::vector<GridAxis>& axes, std::string& error);

// Points of the grid: the product of the axes' sizes (1 for no axis).
std::size_t gridPointCount(const std::vector<GridAxis>& axes);
// Value index on each axis of point `point`; row-major, the last axis varies fastest (the
// order of ReportData::sweepPoints).
std::vector<std::size_t> gridPointDigits(const std::vector<GridAxis>& axes, std::size_t point);

// The keys of the phone's separation rule that only change the phone's decision, so a
// sweep over them can replay one reception trace per replication (trace mode).
enum class RuleKey { RssiThresholdDbm, MovingAverageSamples, HoldS, NoPacketTimeoutS };
// The rule key a normalised path names: "alerts.phone.hold_s" -> HoldS; nullopt for any
// other path (gateway rule, smoothing kind, n_of_m, anything else).
std::optional<RuleKey> phoneRuleKey(std::string_view key);
// Copies the field `key` names from one rule to another.
void copyRuleField(RuleKey key, const radio::AlertRuleDef& from, radio::AlertRuleDef& to);

}  // namespace irdrill::sweep
