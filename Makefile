# metagate: `make demo` runs the quick-start example, `make test` builds and runs every test.
# Both install the Debian packages they need first (scripts/deps.sh).
JOBS ?= $(shell nproc)
METAGATE := build/release/src/cli/metagate

.PHONY: all deps build demo test test-unit-asan test-release bench bench-components bench-pdp fuzz-build format clean

all: build

deps:
	@bash scripts/deps.sh

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

demo: build
	@bash examples/quickstart/demo.sh $(METAGATE)

# The fast unit tests under ASan/UBSan first, then everything (unit + conformance) optimised.
test: deps test-unit-asan test-release

test-unit-asan:
	@cmake --preset asan-ubsan >/dev/null
	@cmake --build --preset asan-ubsan -j $(JOBS)
	@ctest --preset asan-ubsan -j $(JOBS) --timeout 300

test-release: build
	@ctest --preset release -j $(JOBS) --timeout 1500

# metagate beside its peers (bench/run.sh): rewrites docs/benchmarks.md's generated section and
# docs/bench-policies.png; QUICK=1 for small sizes. The per-component scripts: bench-components.
bench: deps
	@bash bench/run.sh $(if $(QUICK),--quick)

bench-components: deps
	@bash scripts/bench_authorize.sh
	@bash scripts/bench_classify.sh
	@bash scripts/bench_egress.sh
	@bash scripts/bench_gateway.sh
	@bash scripts/bench_pdp.sh
	@bash scripts/bench_entity_store.sh

# The AuthZEN PDP against a Node.js peer on cedar-wasm (PEER_ONLY=1: the peer alone).
bench-pdp: deps
	@bash scripts/bench_pdp.sh

fuzz-build: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)

format:
	@clang-format -i $$(git ls-files '*.h' '*.cc')

clean:
	rm -rf build
