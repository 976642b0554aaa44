// What kind of quantity a Monte Carlo metric is, declared with its definition
// (replication_model.hpp), and which way is better. The kind chooses the confidence
// interval of the mean (intervals.hpp) so that an interval never claims values the
// quantity cannot take: no negative times or counts, no proportion above 1.
#pragma once

#include <optional>
#include <string_view>

namespace irdrill::montecarlo {

enum class MetricKind {
  Proportion,  // a fraction in [0, 1] per replication: Wilson score interval
  Count,       // a non-negative whole number per replication: exact Poisson (Garwood)
  Duration,    // a non-negative time, usually right-skewed: bootstrap percentile
  Amount,      // any other quantity of one sign (records, a rate, a score ledger term):
               // bootstrap percentile, which never leaves the range of the values
  Signed,      // may take either sign (the score, its terms): Student's t
};

// Which direction of a metric is good for the organisation, for compare's verdicts.
enum class Better { Lower, Higher, Neither };

// "proportion", "count", "duration", "amount", "signed" (summary.json's "kind").
std::string_view kindName(MetricKind kind);
std::optional<MetricKind> parseKind(std::string_view name);
// "lower", "higher", "neither".
std::string_view betterName(Better better);
std::optional<Better> parseBetter(std::string_view name);

}  // namespace irdrill::montecarlo
