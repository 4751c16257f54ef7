# Sandbox: a local-first copy of the analytics stack. `make demo` runs the main job, `make test` the suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help
CONFIG ?= Release
DOCKER_ANSWERS := $(shell docker info >/dev/null 2>&1 && echo yes)
# SANDBOX_STACK=native|compose overrides the choice; with no Docker engine answering it is native.
SANDBOX_STACK ?= $(if $(DOCKER_ANSWERS),compose,native)
SANDBOX := tools/sandbox
CLI_DLL := src/Sandbox.Cli/bin/Release/net10.0/sandbox.dll
# The warehouse's passwords live in .sandbox/warehouse.secrets (generated once), compose's --env-file.
COMPOSE := compose/write-endpoints.sh secrets && docker compose --env-file .sandbox/warehouse.secrets --env-file .sandbox/appdb.secrets --env-file .sandbox/redash.secrets -f compose/docker-compose.yml
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

.PHONY: help deps build up down status clean bootstrap test demo bench lint-compose load

help:
	@echo "make demo    up, generate a day of app traffic, run it through the stack, print the report"
	@echo "make test    install what is needed, start the stack, run every test, stop what it started"
	@echo "make up | down | status | clean    the $(SANDBOX_STACK) stack (down keeps data, clean removes it)"
	@echo "make bench   benchmarks (figures go to docs/BENCHMARKS.md)"
	@echo "make load    load test on the running stack: LOAD_EVENTS (30000000) LOAD_SPEED (max | K) LOAD_SHARDS (4 | auto) LOAD_ARGS"

deps:
	@tools/install-deps.sh

build: deps
	@echo "build: dotnet build ($(CONFIG))"
	@dotnet build Sandbox.sln -c $(CONFIG) -nologo -v q -clp:NoSummary -p:WarningLevel=0 /nr:false \
	  | { grep -E ": error " || true; }; test $${PIPESTATUS[0]} -eq 0

up: build
ifeq ($(SANDBOX_STACK),compose)
	@$(COMPOSE) up -d --build --wait
	@compose/write-endpoints.sh
else
	@compose/native/stack.sh up
endif
	@$(SANDBOX) bootstrap

down:
ifeq ($(SANDBOX_STACK),compose)
	@$(COMPOSE) stop
else
	@compose/native/stack.sh down
endif

clean:
ifeq ($(SANDBOX_STACK),compose)
	@$(COMPOSE) down -v
	@rm -rf .sandbox
else
	@compose/native/stack.sh clean
endif

# Build only when the CLI is missing: status should answer in a second.
$(CLI_DLL):
	@$(MAKE) --no-print-directory build

status: | $(CLI_DLL)
	@$(SANDBOX) status

bootstrap: | $(CLI_DLL)
	@$(SANDBOX) bootstrap

lint-compose:
	@tools/lint-compose.sh

test: build lint-compose
	@tools/run-tests.sh

demo: up
	@tools/demo.sh

bench: build
	@tools/bench.sh

# A generated day (30M events by default) through the running stack: live view, report in .sandbox/reports/load-*/.
# LOAD_ARGS passes the rest, e.g. LOAD_SPEED=24 LOAD_SHARDS=auto (the shard verdict: a search over the peak
# window, then one whole-day run) or LOAD_SPEED=24 LOAD_ARGS="--window peak" (one count over the busiest 3 hours).
LOAD_EVENTS ?= 30000000
LOAD_SPEED ?= max
LOAD_SHARDS ?= 4
load: | $(CLI_DLL)
	@$(SANDBOX) load --events $(LOAD_EVENTS) --speed $(LOAD_SPEED) --shards $(LOAD_SHARDS) $(LOAD_ARGS)
