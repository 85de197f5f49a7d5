# The two commands of the README: `make demo` and `make test`. Everything else
# is for developers. CMake does the building; this file installs and runs.
BUILD     ?= build
SHARED    ?= $(abspath ../shared)
JOBS      ?= $(shell nproc)
FUZZ_SECONDS ?= 60

.PHONY: deps build test demo fuzz bench bench-quality bench-stress clean

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

test: build
	@scripts/conformance.sh $(BUILD) $(SHARED)
	@scripts/bench_quality.sh $(BUILD) $(SHARED) --gate
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

demo: build
	@scripts/demo.sh $(BUILD)

fuzz:
	@scripts/install-deps.sh --fuzz
	@scripts/fuzz.sh $(FUZZ_SECONDS)

bench: build
	@scripts/bench.sh $(BUILD) $(SHARED)

bench-quality: build
	@scripts/bench_quality.sh $(BUILD) $(SHARED)

# Adversarial pages of 1-31 MiB: CPU time and peak memory (some 15 minutes).
bench-stress: build
	@bench/stress.sh $(BUILD)

clean:
	rm -rf $(BUILD) build-fuzz
