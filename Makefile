# Every target sets up .venv itself, so a fresh clone needs nothing but python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ADDR ?= 127.0.0.1:8000
# Material prints a banner about MkDocs 2 on every build; the archive pins MkDocs 1.x.
export NO_MKDOCS_2_WARNING := 1
# Debian packages the tests drive: the browser of the browser tests, and the web server that
# serves the site with the repository's own server block (deploy/nginx/van-kien.conf). The tests
# start their own nginx on a loopback port; the package's service is not used.
SYSTEM_PACKAGES := chromium nginx
SYSTEM_COMMANDS := /usr/bin/chromium /usr/sbin/nginx

.PHONY: serve build test lint check clean system-packages

# Reinstalled whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The preview is never strict: a problem in the archive shows on the pages (and in the terminal)
# instead of stopping the server; `make build` and `make check` stay strict.
serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --no-strict --dev-addr $(ADDR)

# `mkdocs build --strict`, staged: a failed build leaves the previous site/ untouched.
build: $(VENV)/.installed
	$(BIN)/vankien build --site-dir site

check: $(VENV)/.installed
	$(BIN)/vankien check --strict directives

lint: $(VENV)/.installed
	$(BIN)/ruff check plugins tests scripts
	$(BIN)/ruff format --check plugins tests scripts
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

# Installs what the tests need from Debian when run as root; otherwise says what to install.
system-packages:
	@missing=""; for command in $(SYSTEM_COMMANDS); do [ -x "$$command" ] || missing="$$missing $$command"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && apt-get install -y -qq $(SYSTEM_PACKAGES); \
		else \
			echo "Thiếu$$missing: chạy 'sudo apt-get install $(SYSTEM_PACKAGES)' rồi chạy lại 'make test'." >&2; \
			echo "Missing$$missing: run 'sudo apt-get install $(SYSTEM_PACKAGES)', then 'make test' again." >&2; \
			exit 1; \
		fi; \
	fi

test: $(VENV)/.installed system-packages lint
	$(BIN)/python -m pytest

clean:
	rm -rf site .site-releases .pytest_cache .mypy_cache .ruff_cache
