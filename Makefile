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

# The suite runs on SQLite and on PostgreSQL, each pass in two halves, the four side by side
# (two cores: one process per pass left a core idle once SQLite finished first). Each process
# has its own index prefix, cache folder and SQLite file; each PostgreSQL half its own database.
# TEST_HALF names the first half's folders (about half of either pass's time, measured with
# --durations); the second half is every other test. Output of each process from var/ when all
# have finished, and every minute meanwhile how far each has got; it fails if any fails.
TEST_HALF := tests/search tests/site tests/contract tests/browser tests/network tests/e2e \
	tests/front tests/learning tests/legal tests/showcase tests/guides
TEST_OTHER_HALF := tests $(addprefix --ignore=,$(TEST_HALF))

# The test databases are migrated once and copied to each process (bin/test-databases);
# --reuse-db makes pytest-django take the copies.
TEST_PYTEST := TEST_TEMPLATE_SQLITE=$(CURDIR)/var/test-template.sqlite3 \
	TEST_TEMPLATE_POSTGRES=$(notdir $(PG_TEST_URL))_template $(VENV)/bin/pytest --reuse-db

test: venv engine lint pg browser
	@$(PY) bin/test-databases $(PG_TEST_URL)
	@echo "== test suite on SQLite and on PostgreSQL, each in two halves side by side =="
	@TEST_SQLITE_NAME=$(CURDIR)/var/test-sqlite-1.sqlite3 $(TEST_PYTEST) $(TEST_HALF) > var/test-sqlite-1.log 2>&1 & s1=$$!; \
	TEST_SQLITE_NAME=$(CURDIR)/var/test-sqlite-2.sqlite3 $(TEST_PYTEST) $(TEST_OTHER_HALF) > var/test-sqlite-2.log 2>&1 & s2=$$!; \
	DATABASE_URL=$(PG_TEST_URL)_1 $(TEST_PYTEST) $(TEST_HALF) > var/test-postgresql-1.log 2>&1 & p1=$$!; \
	DATABASE_URL=$(PG_TEST_URL)_2 $(TEST_PYTEST) $(TEST_OTHER_HALF) > var/test-postgresql-2.log 2>&1 & p2=$$!; \
	( while sleep 60 </dev/null >/dev/null 2>&1; do printf 'progress:'; for name in sqlite-1 sqlite-2 postgresql-1 postgresql-2; do \
		printf ' %s %s' $$name "$$(grep -o '\[ *[0-9]*%\]' var/test-$$name.log | tail -n 1 | tr -d '[] ')"; \
	done; echo; done ) & ticker=$$!; \
	failed=0; \
	for run in sqlite-1:$$s1 sqlite-2:$$s2 postgresql-1:$$p1 postgresql-2:$$p2; do \
		name=$${run%%:*}; wait $${run##*:}; code=$$?; \
		echo "== $$name (var/test-$$name.log): exit $$code =="; cat var/test-$$name.log; \
		test $$code -eq 0 || failed=1; \
	done; \
	kill $$ticker 2>/dev/null; \
	test $$failed -eq 0

clean:
	-$(PY) bin/search-engine down
	rm -rf $(VENV) var site/output .noida
