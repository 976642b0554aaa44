// Inputs that must neither hang the loader nor eat the machine, nor read differently the
// second time (issue 12): special files, files past the size limit, an alias bomb with
// --set overrides, a file included thousands of times, an alias reused as an element.
// Cases that fit in a file are in tests/data/scenarios/bad/ with their messages.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "sim/core/input_file.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace fs = std::filesystem;
using irdrill::scenario::loadScenarioFile;
using irdrill::scenario::loadScenarioString;
using irdrill::scenario::LoadResult;
using irdrill::scenario::Override;

namespace {

const std::string kShared = std::string(IRDRILL_TEST_DATA_DIR) + "/scenarios/shared/";

std::vector<std::string> errors(const LoadResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics.items()) out.push_back(irdrill::core::formatDiagnostic(d));
  return out;
}

// A fresh directory for the files of one test, removed after it.
struct ScratchDir {
  fs::path path = fs::temp_directory_path() / ("irdrill-hostile-" + std::to_string(::getpid()));
  ScratchDir() { fs::create_directories(path); }
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream((path / name).string()) << text;
    return (path / name).string();
  }
};

const std::string kOffice = "office: {include: " + kShared + "small-office.yaml}\n";

}  // namespace

TEST_CASE("A FIFO or a device as a scenario file is refused at once, never read or waited on") {
  ScratchDir dir;
  const std::string fifo = (dir.path / "scenario.yaml").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const LoadResult fromFifo = loadScenarioFile(fifo);  // no writer: a plain open would block
  REQUIRE(errors(fromFifo).size() == 1);
  CHECK(errors(fromFifo)[0] == fifo + ": error: cannot read scenario file: not a regular file (it is a FIFO)");

  const LoadResult fromZero = loadScenarioFile("/dev/zero");
  REQUIRE(errors(fromZero).size() == 1);
  CHECK(errors(fromZero)[0] ==
        "/dev/zero: error: cannot read scenario file: not a regular file (it is a character device)");

  const std::string includer = dir.write("includer.yaml", kOffice + "include: /dev/urandom\n");
  const LoadResult fromInclude = loadScenarioFile(includer);
  REQUIRE(errors(fromInclude).size() == 1);
  CHECK(errors(fromInclude)[0].find("cannot read included file '/dev/urandom': not a regular file "
                                    "(it is a character device)") != std::string::npos);
}

TEST_CASE("A file past the size limit is refused without being read, even a huge sparse one") {
  ScratchDir dir;
  const std::string huge = (dir.path / "huge.yaml").string();
  { std::ofstream touch(huge); }
  fs::resize_file(huge, std::uintmax_t{3} << 30);  // 3 GiB, sparse: costs no disk
  const auto started = std::chrono::steady_clock::now();
  const LoadResult result = loadScenarioFile(huge);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
  REQUIRE(errors(result).size() == 1);
  CHECK(errors(result)[0] == huge + ": error: cannot read scenario file: too large: 3072.0 MiB, "
                                    "the limit for a scenario file is 16.0 MiB");

  std::string problem;
  CHECK_FALSE(irdrill::core::readInputFile(huge, irdrill::core::kCsvFileMaxBytes, "a CSV file", problem));
  CHECK(problem == "too large: 3072.0 MiB, the limit for a CSV file is 256.0 MiB");
}

TEST_CASE("An alias bomb is refused at once, also when --set overrides walk the document") {
  std::string yaml = kOffice + "scenario:\n  notes:\n    a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 12; ++i) {
    yaml += "    a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) yaml += (k ? ", *a" : "*a") + std::to_string(i - 1);
    yaml += "]\n";
  }
  const std::vector<Override> overrides{{"alerts.phone.hold_s", "20"}, {"scenario.notes.a11.0", "1"}};
  const auto started = std::chrono::steady_clock::now();
  const LoadResult result = loadScenarioString(yaml, "bomb.yaml", nullptr, overrides);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  REQUIRE(errors(result).size() == 1);
  CHECK(errors(result)[0].find("error: the document is too large: more than 2000000 values with "
                               "YAML aliases expanded") != std::string::npos);
}

TEST_CASE("A file included 5,000 times is reported once, with the count") {
  ScratchDir dir;
  dir.write("bob.yaml", "people:\n  - {id: bob, desk: d1}\n");
  std::string list;
  for (int i = 0; i < 5000; ++i) list += (i ? ", " : "") + std::string("bob.yaml");
  const std::string root = dir.write("root.yaml", kOffice + "include: [" + list + "]\n");
  const LoadResult result = loadScenarioFile(root);
  REQUIRE(errors(result).size() == 1);
  CHECK(errors(result)[0].find("bob.yaml' is included 5000 times (first at ") != std::string::npos);
  CHECK(errors(result)[0].find("every id in it would be defined 5000 times") != std::string::npos);
}

TEST_CASE("Loading never writes into its document: an alias used twice reads the same both times") {
  // Before, reading the first employee rebound its node to its desk name, so the second
  // use of the alias read "expected employee (a mapping), got 'd1'".
  const LoadResult result = loadScenarioString(
      kOffice + "people:\n  - &bob {id: bob, desk: d1}\n  - *bob\n", "alias-twice.yaml");
  REQUIRE(errors(result).size() == 1);
  CHECK(errors(result)[0].find("'d1' is already taken by employee 'bob'") != std::string::npos);
}

TEST_CASE("Every diagnostic is one line, whatever text it echoes") {
  irdrill::core::Diagnostic d;
  d.where = {"a.yaml", 3, 4};
  d.message = "got 'two\nlines\r' and a bell \a";
  CHECK(irdrill::core::formatDiagnostic(d) == "a.yaml:3:4: error: got 'two\\nlines\\r' and a bell \\x07");
}
