# The two set-up commands: `make run` (build and serve the demo) and `make test` (every test).
VENV := .venv
PYTHON := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test system-packages benchmark clean

$(PYTHON):
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PYTHON)
	$(PYTHON) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PYTHON) -m pip install --quiet -e '.[test]'
	touch $@

# Debian packages the tests use: chromium (browser tests) and the PostgreSQL server.
system-packages:
	@if ! command -v chromium >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium postgresql; \
	fi

run: $(VENV)/.installed
	$(VENV)/bin/clientela demo --reset

test: $(VENV)/.installed-test system-packages
	$(VENV)/bin/pytest
	# The same suite on PostgreSQL (the CLI and browser tests run their own SQLite servers: once is enough).
	$(PYTHON) -m tests.support.postgres $(VENV)/bin/pytest -m "not browser" --ignore=tests/cli -p no:cacheprovider

benchmark: $(VENV)/.installed
	$(PYTHON) benchmarks/import_transactions.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
