# The two commands: `make run` (set up everything, then serve http://127.0.0.1:8000) and
# `make test` (set up what the tests need, then run every test on SQLite and PostgreSQL).

PYTHON_BASE ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# Demo scale of `make run`: default (interactive on the local engine) or district (today's volume).
SCALE ?= default
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/hongshan

.PHONY: run test setup venv engine lint pg browser clean

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON_BASE) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch $@

engine: venv
	@$(PY) bin/search-engine up

setup: venv engine
	@mkdir -p var
	$(MANAGE) setup_platform --scale $(SCALE)

run: setup
	$(MANAGE) run_platform

lint: venv
	@mkdir -p var
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	PYTHONPATH=. $(VENV)/bin/lint-imports --no-cache
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run -v 0

pg:
	@pg_isready -h 127.0.0.1 -p 5432 -q || pg_ctlcluster --skip-systemctl-redirect 15 main start

# Debian's Chromium for the browser tests (Playwright drives the system binary; it downloads
# no browser of its own), and a CJK font so Chinese text is drawn, not boxes (the trademark
# statistics charts are checked for real glyphs): WenQuanYi Zen Hei, 16 MB installed, against
# 91 MB for fonts-noto-cjk.
browser:
	@command -v chromium >/dev/null || apt-get install -y -q chromium >/dev/null \
		|| (apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null)
	@test -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc || apt-get install -y -q fonts-wqy-zenhei >/dev/null \
		|| (apt-get update -q >/dev/null && apt-get install -y -q fonts-wqy-zenhei >/dev/null)

# The two passes run side by side (each test process has its own index prefix, cache folder and
# SQLite file; PostgreSQL's test database is its own): SQLite's output as it goes, PostgreSQL's
# from var/test-postgresql.log when both have finished. It fails if either fails.
test: venv engine lint pg browser
	@echo "== test suite on SQLite and on PostgreSQL, side by side =="
	@DATABASE_URL=$(PG_TEST_URL) $(VENV)/bin/pytest > var/test-postgresql.log 2>&1 & postgres=$$!; \
	$(VENV)/bin/pytest; sqlite=$$?; \
	wait $$postgres; postgresql=$$?; \
	echo "== test suite on PostgreSQL (var/test-postgresql.log) =="; cat var/test-postgresql.log; \
	echo "== SQLite: exit $$sqlite; PostgreSQL: exit $$postgresql =="; \
	test $$sqlite -eq 0 && test $$postgresql -eq 0

clean:
	-$(PY) bin/search-engine down
	rm -rf $(VENV) var site/output .noida
