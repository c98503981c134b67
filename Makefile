# Sentralbord — the two commands: `make run` and `make test`. Both set up what they need.
SHELL := /bin/bash
SWIFT ?= swift
SHARED ?= ../shared
CONFIG ?= config.toml
# Debian packages the build, the tests and the run need: C libraries (-dev), tzdata for
# libical, the test peers, and the sqlite3 shell (benchmark reference, inspecting data/).
DEB_PACKAGES := pkg-config libcurl4-openssl-dev libmicrohttpd-dev libsqlite3-dev libical-dev \
	libssl-dev tzdata python3 python3-aiosmtpd curl sqlite3
# Debian packages only `make bench` needs (installed by it, so `make deps` and `make test`
# stay lean): wrk drives the API benchmark, nginx serves its reference.
BENCH_PACKAGES := wrk nginx-light
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# schemathesis (PyPI) fuzzes the live API against docs/openapi.yaml in `make api-fuzz`.
SCHEMATHESIS_VERSION := 4.32.5
# Where release binaries are built (evaluated only by the targets that use it).
BIN = $(shell $(SWIFT) build -c release --show-bin-path)

.PHONY: deps bench-deps build release run test conformance openapi api-fuzz bench clean

# Installs those of the Debian packages $(1) that are missing (idempotent; apt-get update
# once, only when needed).
define install_missing
	@missing=""; \
	for p in $(1); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "make $@: installing$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

## deps: install the Debian packages that are missing
deps:
	$(call install_missing,$(DEB_PACKAGES))
	@python3 -c "import openapi_spec_validator, yaml, moto.server, schemathesis; assert schemathesis.__version__ == '$(SCHEMATHESIS_VERSION)'" 2>/dev/null \
		|| python3 -m pip install -q openapi-spec-validator pyyaml "moto[server]" schemathesis==$(SCHEMATHESIS_VERSION)

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## run: build for release and serve with ./config.toml
run: release
	$$($(SWIFT) build -c release --show-bin-path)/sentralbord serve --config $(CONFIG)

## conformance: toml-test over the shared cases; must be 532 passed, 0 failed
conformance: build
	@out=$$(python3 $(SHARED)/tools/toml-test-run --decoder "$$($(SWIFT) build --show-bin-path)/toml-test-decoder" \
		--tests $(SHARED)/testdata/toml-test); status=$$?; \
	echo "toml-test: $$(echo "$$out" | tail -n 1)"; \
	if [ $$status -ne 0 ] || ! echo "$$out" | tail -n 1 | grep -qx "532 passed, 0 failed"; then \
		echo "$$out" | tail -n 40; echo "toml-test conformance failed"; exit 1; fi

## openapi: docs/openapi.yaml must be a valid OpenAPI 3.1 document
openapi: deps
	@python3 -c "import yaml; from openapi_spec_validator import validate; validate(yaml.safe_load(open('docs/openapi.yaml'))); print('openapi: docs/openapi.yaml is valid')"

## api-fuzz: schemathesis against the live release server with docs/openapi.yaml: any 5xx or
## response the document does not describe fails (tools/api-fuzz; API_FUZZ_EXAMPLES, API_FUZZ_SEED)
api-fuzz: openapi release
	python3 tools/api-fuzz "$$($(SWIFT) build -c release --show-bin-path)/sentralbord"

## test: everything: debug and release builds (make run uses release), conformance runners, all tests
## (one at a time: on 2 cores, tests whose peers block a thread starve the others' timing)
test: conformance openapi api-fuzz
	$(SWIFT) build -c release
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel

## bench-deps: install the benchmarks' own packages (wrk, nginx)
bench-deps:
	$(call install_missing,$(BENCH_PACKAGES))

## bench: run the benchmarks (figures go in docs/benchmarks.md); the API benchmark is
## tools/bench-api (wrk beside nginx, 1,000 stream clients)
bench: release bench-deps
	$(BIN)/bench-engine
	$(BIN)/bench-eventlog
	$(BIN)/bench-delivery
	$(BIN)/bench-sms
	tools/bench-api $(BIN)

clean:
	rm -rf .build
