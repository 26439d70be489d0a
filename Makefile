# newsevents: two commands for newcomers.
#   make demo  - set everything up and code the bundled example articles
#   make test  - set everything up (with dev tools) and run the test suite
#   make eval  - run every evaluation suite and write reports/eval.md
#   make mutants - break the code 15 ways, one at a time: which fast test catches each
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast lint check clean eval browser postgresql serve mutants

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e . pytest ruff mypy playwright import-linter
	touch $(STAMP)

# The web UI's JavaScript libraries and map data, from npm, never committed.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# Debian's Chromium for the browser tests (CI runs as root).
browser:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium) || echo "Chromium could not be installed: the browser tests will skip."

# Debian's PostgreSQL for the store tests, which start a throwaway server
# with its binaries (/usr/lib/postgresql/<version>/bin, not on PATH).
postgresql:
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || (apt-get update && apt-get install -y postgresql) || echo "PostgreSQL could not be installed: the PostgreSQL store tests will skip."

DEMO_DB := build/demo.duckdb
demo: $(STAMP) $(NODE_STAMP)
	$(BIN)/newsevents code --format table --explain examples/fr/*.txt examples/en/*.txt
	mkdir -p build
	$(BIN)/newsevents ingest --db $(DEMO_DB) examples/fr examples/en
	@echo
	@echo "Browse the demo database: run 'make serve' (or $(BIN)/newsevents serve --db $(DEMO_DB))"
	@echo "and open http://127.0.0.1:8000/ (events, articles, map, network, code a text; API at /docs)."

serve: $(STAMP) $(NODE_STAMP)
	$(BIN)/newsevents serve --db $(DEMO_DB)

test: $(STAMP) $(NODE_STAMP) browser postgresql
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check newsevents tests

check: lint test

# Outside the default run: edits the code in place (restored after each).
mutants: $(STAMP)
	$(BIN)/python tests/mutation/mutants.py

# Each suite writes its JSON to $(EVAL_OUT); a failing suite leaves an empty
# file and the report says "not run". Data is read from ../shared.
EVAL_OUT := build/eval
eval: $(STAMP)
	mkdir -p $(EVAL_OUT)
	-$(BIN)/newsevents eval --json ../shared/eval/gold/*.json eval/gold/*.json > $(EVAL_OUT)/gold.json
	-$(BIN)/newsevents eval --json ../shared/eval/gold/seed-fr.json eval/gold/seed-en.json > $(EVAL_OUT)/seed.json
	-for l in fr en; do for s in report tune; do \
		$(BIN)/newsevents eval --json --split $$s eval/gold/dev-$$l.json > $(EVAL_OUT)/dev-$$l-$$s.json; done; done
	-for f in petrarch timebank geo case2021; do \
		$(BIN)/newsevents eval --format $$f --json > $(EVAL_OUT)/$$f.json; done
	-$(BIN)/newsevents bench --lang fr --n 300 --json > $(EVAL_OUT)/bench-fr.json
	-$(BIN)/newsevents bench --lang en --n 300 --json > $(EVAL_OUT)/bench-en.json
	$(BIN)/python -m newsevents.eval.report $(EVAL_OUT) reports/eval.md

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
