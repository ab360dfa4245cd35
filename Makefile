# The two set-up commands: `make run` (build and serve the demo) and `make test` (every test).
VENV := .venv
PYTHON := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Two test workers (pytest-xdist), each with its own test database; a module's tests run on one worker, so the
# servers, browsers and Spark session of module fixtures start once.
PARALLEL := -n 2 --dist loadscope --durations=40

.PHONY: run test system-packages gettext messages benchmark clean

# Translations: each .po file compiled to the .mo file Django reads (GNU gettext's msgfmt, as `django-admin
# compilemessages` runs it); rebuilt only when its .po file changed. The .mo files are not committed.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard src/clientela/locale/*/LC_MESSAGES/django.po))

%.mo: %.po
	msgfmt --check-format -o $@ $<

messages: $(MO_FILES)

$(PYTHON):
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PYTHON)
	$(PYTHON) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PYTHON) -m pip install --quiet -e '.[test,spark]'
	touch $@

# Debian packages: gettext (msgfmt compiles the translations), chromium (browser tests), the PostgreSQL server
# and Java (the Spark tests).
system-packages:
	@if ! command -v msgfmt >/dev/null || ! command -v chromium >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v java >/dev/null; then \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q gettext chromium postgresql default-jre-headless; \
	fi

# Only gettext is needed to serve; `make test` installs the rest too.
gettext:
	@command -v msgfmt >/dev/null || ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q gettext)

run: $(VENV)/.installed gettext
	$(MAKE) messages
	$(VENV)/bin/clientela demo --reset

test: $(VENV)/.installed-test system-packages
	$(MAKE) messages
	$(VENV)/bin/pytest $(PARALLEL)
	# The same suite on PostgreSQL (the CLI and browser tests run their own SQLite servers, the Spark tests read
	# files: once is enough).
	$(PYTHON) -m tests.support.postgres $(VENV)/bin/pytest $(PARALLEL) -m "not browser and not spark" --ignore=tests/cli -p no:cacheprovider

benchmark: $(VENV)/.installed
	$(PYTHON) benchmarks/import_transactions.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
	find src -name "*.mo" -delete
