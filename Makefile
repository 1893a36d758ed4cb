# Every target sets up .venv itself, so a fresh clone needs nothing but python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000
# Material prints a banner about MkDocs 2 on every build; the archive pins MkDocs 1.x.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint check clean

# Reinstalled whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dev-addr $(ADDR)

# `mkdocs build --strict`, staged: a failed build leaves the previous site/ untouched.
build: $(VENV)/.installed
	$(BIN)/vankien build --site-dir site

check: $(VENV)/.installed
	$(BIN)/vankien check directives

lint: $(VENV)/.installed
	$(BIN)/ruff check plugins tests scripts
	$(BIN)/ruff format --check plugins tests scripts
	$(BIN)/mypy

test: $(VENV)/.installed lint
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
