# make run        set up .venv, ingest corpus/ into db/reports.db, serve it on http://127.0.0.1:8001
# make test       set up .venv with the test extras, check the code (make lint) and run every test
#                 (what .ci/run calls)
# make test-fast  the same without the tests marked slow (OCR, scans, raw archives, Word 97, browser,
#                 cluster, reliability): about a minute instead of five to twelve
# make lint       ruff (lint and format) and mypy, as configured in pyproject.toml
#
# .venv is built with the first Python 3.11+ on PATH; choose another with `make PYTHON=python3.12 run`.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
DB := db/reports.db
HOST := 127.0.0.1
PORT := 8001

.PHONY: install ingest serve run test test-fast lint browser system-deps screenshots

$(BIN)/miner: pyproject.toml
	@test -n "$(PYTHON)" || { echo "miner needs Python 3.11 or newer: install it, or run make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/miner

# Exit status 1 means some file could not be read (listed in the ingest_errors table): serve anyway.
ingest: install
	$(BIN)/miner ingest corpus --db $(DB) --exclude README.md; test $$? -le 1

serve: install
	$(BIN)/miner serve --db $(DB) --host $(HOST) --port $(PORT)

run: install
	$(MAKE) --no-print-directory ingest
	$(MAKE) --no-print-directory serve

# The browser tests drive Debian's chromium: installed here when missing and apt works (as root);
# without it they skip, saying why.
browser:
	@test -x /usr/bin/chromium || { test "$$(id -u)" = 0 && command -v apt-get >/dev/null && \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } ; } || \
		echo "chromium could not be installed: the browser tests will be skipped"

# OCR of scanned PDFs and Word 97 .doc files need Tesseract (+ Vietnamese model), antiword and
# catdoc: installed here when missing and apt works (as root); without them those tests skip.
system-deps:
	@sh scripts/install-system-deps.sh

CHECKED := miner tests benchmarks

lint: install
	$(BIN)/ruff check $(CHECKED)
	$(BIN)/ruff format --check $(CHECKED)
	$(BIN)/mypy miner

test: install browser system-deps lint
	$(BIN)/pytest

test-fast: install lint
	$(BIN)/pytest -m "not slow"

# Every page of `miner serve` at 1366 and 390 px as PNG files in tests/artifacts/screenshots/ (corpus/
# ingested there first; SCREENSHOTS_DB=path for another database), with the pages that scroll sideways listed.
screenshots: install browser
	$(BIN)/python tests/browser/screenshots.py $(if $(SCREENSHOTS_DB),--db $(SCREENSHOTS_DB))
