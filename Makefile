# make run   set up .venv, ingest corpus/ into db/reports.db, serve it on http://127.0.0.1:8001
# make test  set up .venv with the test extras and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install run test

$(BIN)/miner: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/miner

run: install
	$(BIN)/miner ingest corpus --db db/reports.db; test $$? -le 1
	$(BIN)/miner serve --db db/reports.db --host 127.0.0.1 --port 8001

test: install
	$(BIN)/pytest
