# Sunwai: the two commands a new user runs are `make demo` and `make test`.
# Everything else here is what those two are made of.
#
#   make deps     install the Debian packages (scripts/install-deps)
#   make build    configure and build into build/ (binaries in build/bin)
#   make test     deps + build + every test (unit, integration, e2e)
#   make demo     deps + build + the local stack for the default state
#   make bench    deps + build + the benchmarks in bench/
#   make fuzz     deps + the clang fuzz build (build-fuzz/) + every libFuzzer
#                 target for FUZZ_SECONDS (60) each; crashes in build-fuzz/fuzz-artifacts/
#   make valgrind deps + build + every unit test under valgrind memcheck
#   make chaos    deps + build + the chaos test with N complaints (N=2000)
#   make clean    remove build directories
#
# Options: SANITIZE=1 builds with ASan+UBSan into build-asan/;
#          WERROR=0 lets warnings pass; CTEST_ARGS="-L unit" selects tests.

SANITIZE ?= 0
WERROR   ?= 1
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)

ifeq ($(SANITIZE),1)
BUILD_DIR ?= build-asan
CMAKE_FLAGS += -DSUNWAI_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
else
BUILD_DIR ?= build
endif
ifeq ($(WERROR),1)
CMAKE_FLAGS += -DSUNWAI_WERROR=ON
endif

FUZZ_SECONDS ?= 60

.PHONY: all deps configure build test unit demo bench chaos fuzz valgrind clean

all: build

deps:
	@sh scripts/install-deps

configure: deps
	@cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure --timeout 900 $(CTEST_ARGS)

unit: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -L unit $(CTEST_ARGS)

demo: build
	@BUILD_DIR=$(BUILD_DIR) /usr/bin/python3 scripts/demo

bench: build
	@BUILD_DIR=$(BUILD_DIR) sh bench/run

# The chaos test alone, with N complaints (2,000 in make test):
#   make chaos N=100000
N ?= 2000
chaos: build
	@cd $(BUILD_DIR) && CHAOS_N=$(N) ctest --output-on-failure -L chaos $(CTEST_ARGS)

fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) JOBS=$(JOBS) sh tests/fuzz/run fuzz $(FUZZ_TARGETS)

# The unit tests under valgrind memcheck (CTest label valgrind, defined in
# tests/CMakeLists.txt; make test runs them too): a memory error or a
# definite leak fails.  Not with SANITIZE=1: ASan and valgrind do not mix.
valgrind: build
	@test "$(SANITIZE)" != 1 || { echo "make valgrind: not with SANITIZE=1" >&2; exit 2; }
	@cd $(BUILD_DIR) && ctest --output-on-failure -L valgrind $(CTEST_ARGS)

clean:
	rm -rf build build-asan build-fuzz
