# The two commands of the quick start are `make run` and `make test`; the rest are their steps.
SHELL := /bin/bash
.DEFAULT_GOAL := help

DEV_PORT ?= 55432
TEST_PORT ?= 55433
API_HOST ?= 127.0.0.1
API_PORT ?= 8080
# `talent backup` keeps base backups in $(BACKUP_DIR)/base and the cluster archives its WAL into $(BACKUP_DIR)/wal.
BACKUP_DIR ?= .data/backup
TALENT_RELEASE := .build/release/talent
TALENT_DEBUG := .build/debug/talent

.PHONY: help run test db db-stop build build-debug migrate demo serve smoke clean toolchain cluster cluster-stop bench

help:
	@echo "make run      install what is missing, start PostgreSQL, build, migrate, load demo data, serve the API"
	@echo "make test     start a throwaway PostgreSQL and run every test"
	@echo "make db       start the local PostgreSQL cluster (.data/pg, 127.0.0.1:$(DEV_PORT)); make db-stop stops it"
	@echo "              (it archives its WAL into $(BACKUP_DIR)/wal for \`talent backup run | list | restore\`)"
	@echo "make cluster  primary + streaming standby, two API instances and nginx on http://127.0.0.1:8088 (and TLS"
	@echo "              on 8443), all on loopback; make cluster-stop stops it (deploy/local/cluster.sh)"
	@echo "make bench    every benchmark against its limit at a million candidates (about 30 minutes; BENCH_CANDIDATES"
	@echo "              sets the scale), the table written to bench/results.md (bench/run.sh, BENCHMARKS.md)"

toolchain:
	@command -v swift >/dev/null || { echo "Swift 6.3 is required (swift not on PATH)"; exit 1; }

db:
	@TALENT_PG_PORT=$(DEV_PORT) TALENT_PG_ARCHIVE=$(BACKUP_DIR)/wal deploy/local/db.sh start >/dev/null

db-stop:
	@TALENT_PG_PORT=$(DEV_PORT) deploy/local/db.sh stop

build: toolchain
	swift build -c release --product talent

build-debug: toolchain
	swift build --product talent

migrate: db build
	$(TALENT_RELEASE) migrate

demo: migrate
	$(TALENT_RELEASE) demo load --as "make run"

run: demo
	@deploy/local/welcome.sh $(TALENT_RELEASE) $(API_HOST) $(API_PORT)
	$(TALENT_RELEASE) serve --host $(API_HOST) --port $(API_PORT)

# More than one instance (deploy/local/cluster.sh; TALENT_BIN=.build/debug/talent runs a debug build instead).
cluster: $(if $(TALENT_BIN),,build)
	@deploy/local/cluster.sh start

cluster-stop:
	@deploy/local/cluster.sh stop

BENCH_CANDIDATES ?= 1000000
bench: toolchain
	@bench/run.sh $(BENCH_CANDIDATES)

# At most this many tests at once: each runs on a database of its own and most wait on it, but hundreds at once on
# two cores starve one another (a CLI test's 10-second wait for its connection ran out).
TEST_WIDTH ?= 16

# Every test against a fresh cluster of its own, removed afterwards: the Swift tests, the end-to-end smoke test, the
# fault tests (a cluster of their own, killed and restarted), one of two instances killed under nomination load through
# nginx (a cluster of its own, on 55437-55438 and free ports), a backup and point-in-time restore on clusters of their
# own, schemathesis, and the dashboard in headless Chromium (screenshots in artifacts/).
test: toolchain
	@set -euo pipefail; \
	export TALENT_PG_DATA=.data/test-pg TALENT_PG_PORT=$(TEST_PORT) TALENT_PG_FAST=1; \
	deploy/local/db.sh destroy >/dev/null 2>&1 || true; \
	trap 'deploy/local/db.sh destroy >/dev/null 2>&1 || true' EXIT; \
	deploy/local/db.sh start >/dev/null; \
	export TALENT_TEST_DATABASE_URL=postgres://talent@127.0.0.1:$(TEST_PORT)/postgres; \
	swift build --build-tests; \
	"$$(swift build --show-bin-path)/talentPackageTests.xctest" --testing-library swift-testing \
		--experimental-maximum-parallelization-width $(TEST_WIDTH) 2>&1 | tee .data/test.log; \
	Tests/smoke.sh $(TALENT_DEBUG); \
	Tests/faults/faults.sh $(TALENT_DEBUG); \
	Tests/cluster/kill-instance.sh $(TALENT_DEBUG); \
	timeout 240 Tests/backup.sh $(TALENT_DEBUG); \
	Tests/fuzz/schemathesis.sh $(TALENT_DEBUG); \
	Tests/browser/dashboard.sh $(TALENT_DEBUG)

clean:
	rm -rf .build .data
