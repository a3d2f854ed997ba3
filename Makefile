# make run   set up (first time) and serve the demo site on http://127.0.0.1:8000
# make test  run the whole test suite (SQLite, or DATABASE_URL if set)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DEMO := NEWSROOM_DEMO=1
# Tests run with production-like settings (no demo mode); they only need some key.
TEST_ENV := SECRET_KEY=$${SECRET_KEY:-insecure-key-for-tests-only}

.PHONY: run test messages clean bench

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

run: $(STAMP)
	$(DEMO) $(PY) manage.py migrate --noinput
	$(DEMO) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(DEMO) $(PY) manage.py load_demo
	$(DEMO) $(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(TEST_ENV) $(VENV)/bin/pytest $(PYTEST_ARGS)

# Browser and web-server tests (#7) need Debian's chromium and nginx, the front cache test (#8)
# Debian's varnish: installed once if missing.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
.PHONY: test-tools
test: test-tools
test-tools:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nginx; }
	@command -v varnishd >/dev/null 2>&1 || test -x /usr/sbin/varnishd || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq varnish; }

# Load test at archive scale (README "Performance"): make bench [N=100000]. Needs PostgreSQL and Redis.
N ?= 10000
bench: $(STAMP)
	@command -v wrk >/dev/null 2>&1 && test -x /usr/sbin/nginx && test -x /usr/sbin/varnishd || \
		{ $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk nginx varnish; }
	$(PY) -m bench.run --releases $(N)

# Needs GNU gettext; the compiled catalogues are committed, so running the site does not.
messages:
	$(PY) manage.py makemessages --locale de --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'newsroom/demo/*'
	$(PY) manage.py compilemessages --locale de --ignore '.venv/*'

# Browser tests: axe-core and the Nu HTML Checker, pinned by tests/browser/package-lock.json.
# --ignore-scripts: vnu-jar's install script would download a Java runtime; Debian's is used.
BROWSER_DEPS := tests/browser/node_modules/.package-lock.json
$(BROWSER_DEPS): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --ignore-scripts --no-audit --no-fund --loglevel=error
test: $(BROWSER_DEPS)

clean:
	rm -rf $(VENV) staticfiles
