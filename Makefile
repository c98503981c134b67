# Sentralbord — the two commands: `make run` and `make test`. Both set up what they need.
SHELL := /bin/bash
SWIFT ?= swift
SHARED ?= ../shared
CONFIG ?= config.toml
# Debian packages `make run` needs: the C libraries (-dev, which pull in their runtimes) and
# tzdata for libical. Nothing from PyPI: running the gateway needs no Python at all.
RUN_PACKAGES := pkg-config libcurl4-openssl-dev libmicrohttpd-dev libsqlite3-dev libical-dev \
	libssl-dev tzdata
# Debian packages only `make test` adds: Debian's Python with venv for the test tools'
# virtual environment, Debian's aiosmtpd (the SMTP peer) and Pillow (writes and reads the
# profile-picture tests' images), which the venv sees, CA certificates for pip, and curl for
# the fresh-machine check's probes.
TEST_PACKAGES := python3 python3-venv python3-aiosmtpd python3-pil ca-certificates curl
# Debian packages only `make bench` needs: wrk drives the API benchmark, nginx serves its
# reference, the sqlite3 shell is the event log's and the export's reference, python3
# finds tools/bench-api a free port.
BENCH_PACKAGES := wrk nginx-light sqlite3 python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The tests' PyPI tools (schemathesis, openapi-spec-validator, moto, …) live in a project-local
# virtual environment made from Debian's Python, pinned by tools/test-requirements.txt; it sees
# Debian's own Python packages (aiosmtpd). Nothing is installed into the system interpreter.
VENV := .build/venv
PYTHON := $(VENV)/bin/python3
# Where release binaries are built (evaluated only by the targets that use it).
BIN = $(shell $(SWIFT) build -c release --show-bin-path)
# `make run LISTEN=127.0.0.1:9000` serves on another address than config.toml's.
LISTEN ?=

.PHONY: deps run-deps test-deps fresh-machine-check bench-deps build release run test conformance openapi api-fuzz bench clean

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

## deps: install what `make run` needs (the Debian packages of the C libraries)
deps: run-deps

## run-deps: the Debian packages of the C libraries and tzdata, nothing else
run-deps:
	$(call install_missing,$(RUN_PACKAGES))

## test-deps: run-deps, the tests' Debian packages, and the tests' virtual environment
## ($(VENV), remade when tools/test-requirements.txt changes)
test-deps: run-deps
	$(call install_missing,$(TEST_PACKAGES))
	@if ! cmp -s tools/test-requirements.txt $(VENV)/requirements.installed; then \
		echo "make $@: making $(VENV) from tools/test-requirements.txt"; \
		rm -rf $(VENV) && /usr/bin/python3 -m venv --system-site-packages $(VENV) \
		&& PIP_CERT=$${PIP_CERT:-/etc/ssl/certs/ca-certificates.crt} \
			$(PYTHON) -m pip install -q --require-virtualenv --no-input -r tools/test-requirements.txt \
		&& cp tools/test-requirements.txt $(VENV)/requirements.installed; \
	fi

build: run-deps
	$(SWIFT) build

release: run-deps
	$(SWIFT) build -c release

## run: build for release and serve with ./config.toml (LISTEN=HOST:PORT to serve elsewhere)
run: release
	$$($(SWIFT) build -c release --show-bin-path)/sentralbord serve --config $(CONFIG) $(if $(LISTEN),--listen $(LISTEN))

## conformance: toml-test over the shared cases; must be 532 passed, 0 failed
conformance: build test-deps
	@out=$$($(PYTHON) $(SHARED)/tools/toml-test-run --decoder "$$($(SWIFT) build --show-bin-path)/toml-test-decoder" \
		--tests $(SHARED)/testdata/toml-test); status=$$?; \
	echo "toml-test: $$(echo "$$out" | tail -n 1)"; \
	if [ $$status -ne 0 ] || ! echo "$$out" | tail -n 1 | grep -qx "532 passed, 0 failed"; then \
		echo "$$out" | tail -n 40; echo "toml-test conformance failed"; exit 1; fi

## openapi: docs/openapi.yaml must be a valid OpenAPI 3.1 document
openapi: test-deps
	@$(PYTHON) -c "import yaml; from openapi_spec_validator import validate; validate(yaml.safe_load(open('docs/openapi.yaml'))); print('openapi: docs/openapi.yaml is valid')"

## api-fuzz: schemathesis against the live release server with docs/openapi.yaml: any 5xx or
## response the document does not describe fails (tools/api-fuzz; API_FUZZ_EXAMPLES, API_FUZZ_SEED)
api-fuzz: openapi release
	$(PYTHON) tools/api-fuzz "$$($(SWIFT) build -c release --show-bin-path)/sentralbord"

## test: everything: debug and release builds (make run uses release), conformance runners, all tests
## (one at a time: on 2 cores, tests whose peers block a thread starve the others' timing)
test: conformance openapi api-fuzz
	$(SWIFT) build -c release
	$(SWIFT) build --build-tests
	SENTRALBORD_TEST_PYTHON=$(abspath $(PYTHON)) $(SWIFT) test --skip-build --no-parallel

## fresh-machine-check: the two commands on a stock Debian 12 root made by debootstrap, each
## from a clean clone of the committed tree (tools/fresh-machine-check; needs root or sudo)
fresh-machine-check:
	$(call install_missing,debootstrap curl python3)
	tools/fresh-machine-check

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

## clean: remove the build folder (and with it the tests' virtual environment)
clean:
	rm -rf .build
