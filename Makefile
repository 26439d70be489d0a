# newsevents: two commands for newcomers.
#   make demo  - set everything up and code the bundled example articles
#   make test  - set everything up (with dev tools) and run the test suite
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast lint check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e . pytest ruff mypy
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newsevents code --format table --explain examples/fr/*.txt examples/en/*.txt

test: $(STAMP)
	$(BIN)/python -m pytest -q

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check newsevents tests

check: lint test

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
