# presskg: `make demo` and `make test` each set up everything they need on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORE ?= presskg-data

.PHONY: install demo test unit lint bench browser-deps neo4j-up neo4j-down clean

# Root can install system packages directly; anyone else goes through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/presskg build examples/icbc-2018-04-26-press-conference.txt --store $(STORE)
	$(BIN)/presskg viz --store $(STORE) --out out/graph.html
	$(BIN)/presskg query --store $(STORE) --name who-asked-whom
	$(BIN)/presskg query --store $(STORE) --name products-by-speaker --param speaker=吴翔江
	$(BIN)/presskg query --store $(STORE) --name offers

lint: $(STAMP)
	$(BIN)/ruff check presskg loaders graph queries tests benchmarks
	$(BIN)/ruff format --check presskg loaders graph queries tests benchmarks
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q -m "not neo4j and not browser"

# Headless Chromium and CJK fonts for the page's browser test (Debian packages).
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "noto.*cjk"; then \
		echo "installing chromium and fonts-noto-cjk (Debian packages) ..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

test: lint browser-deps
	$(MAKE) neo4j-up
	PRESSKG_REQUIRE_NEO4J=1 PRESSKG_REQUIRE_BROWSER=1 $(BIN)/pytest -q; \
		status=$$?; $(MAKE) neo4j-down; exit $$status

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

neo4j-up: $(STAMP)
	tools/neo4j/neo4j.sh up

neo4j-down:
	tools/neo4j/neo4j.sh down

clean:
	rm -rf $(VENV) $(STORE) out .pytest_cache .mypy_cache .ruff_cache
