// Checks of numeric options whose messages people can read: "--runs: must be at least 1,
// got 0" (CLI11's own range checks print a range up to a 300-digit number). CLI11 puts the
// option's name in front of the text returned here.
#pragma once

#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

namespace irdrill::cli {

// A number >= `minimum` (the text is checked before conversion, so "-1" for an unsigned
// option is reported here, not wrapped around).
inline CLI::Validator atLeast(double minimum) {
  char shown[32];
  std::snprintf(shown, sizeof shown, "%g", minimum);
  const std::string minimumText = shown;
  return CLI::Validator(
      [minimum, minimumText](std::string& text) -> std::string {
        std::size_t used = 0;
        double value = 0;
        try {
          value = std::stod(text, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used == 0 || used != text.size()) return "expected a number, got '" + text + "'";
        if (value < minimum) return "must be at least " + minimumText + ", got " + text;
        return {};
      },
      ">= " + minimumText);
}

}  // namespace irdrill::cli
