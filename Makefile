# Entry point. `make demo` and `make test` are the README's two commands: each installs
# missing Debian packages, configures and builds, then runs.
JOBS ?= $(shell nproc)
DEMO_RUNS ?= 24
BUILD ?= build/release
ASAN_BUILD ?= build/sanitize
CMAKE_GEN := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")

.PHONY: demo test deps build build-sanitize test-release test-sanitize bench clean

deps:
	@bash tools/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release

$(ASAN_BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DIRDRILL_SANITIZE=ON -DIRDRILL_BUILD_BENCH=OFF

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

build-sanitize: deps $(ASAN_BUILD)/CMakeCache.txt
	cmake --build $(ASAN_BUILD) -j $(JOBS)

demo: build
	@echo "== the bundled scenarios are valid =="
	$(BUILD)/sim/cli/irdrill validate scenarios/*.yaml
	@echo "== one seeded run of the phishing scenario: the incident, the team, the score =="
	$(BUILD)/sim/cli/irdrill run --scenario scenarios/phishing-exfiltration.yaml --seed 1 \
	  --events $(BUILD)/demo-phishing-events.jsonl --ledger-lines 6
	@echo "== Monte Carlo of the bundled office day =="
	$(BUILD)/sim/cli/irdrill mc --scenario scenarios/office-day.yaml --runs $(DEMO_RUNS) \
	  --seed 1 --out $(BUILD)/demo-mc
	@echo
	@echo "Report: $(abspath $(BUILD))/demo-mc/report.html (open it in a browser)"
	@echo "Per-run figures: $(BUILD)/demo-mc/runs.csv, summary: $(BUILD)/demo-mc/summary.json"
	@echo
	@echo "Tabletop training (needs a display): $(BUILD)/gui/irdrill-gui --scenario scenarios/phishing-exfiltration.yaml"
	@echo "  or $(BUILD)/gui/irdrill-gui alone for the scenario picker; how to run a session: docs/gui.md"

test-release: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The same suite under AddressSanitizer + UndefinedBehaviorSanitizer: memory errors and
# undefined behaviour fail the run.
test-sanitize: build-sanitize
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS)

test: test-release test-sanitize

bench: build
	$(BUILD)/bench/phold_bench
	$(BUILD)/bench/office_day_bench
	$(BUILD)/bench/wall_index_bench
	$(BUILD)/bench/mc_bench
	$(BUILD)/bench/sweep_bench
	@if command -v xvfb-run >/dev/null 2>&1; then \
	  xvfb-run -a -s "-screen 0 1600x900x24" $(BUILD)/bench/gui_frame_bench; \
	else $(BUILD)/bench/gui_frame_bench; fi

clean:
	rm -rf build
