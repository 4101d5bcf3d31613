# The two commands a newcomer needs: `make run` and `make test`. Both only need Python
# (3.11, 3.12 or 3.13).
PYTHON ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3.13 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
# Everything is installed from the lock files (exact versions and hashes, the whole tree):
# requirements/runtime.txt for running the site, requirements/dev.txt for tests, browser
# tests, benchmarks and the search engine clients. `make lock` regenerates both.
RUNTIME_LOCK := requirements/runtime.txt
DEV_LOCK := requirements/dev.txt
RUNTIME_STAMP := $(VENV)/.installed-runtime
STAMP := $(VENV)/.installed
PIP_INSTALL := $(BIN)/python -m pip install --require-hashes --progress-bar on
# `make run PORT=8001` when 8000 is taken (the admin's address follows, unless set).
PORT ?= 8000
LOCAL_URL = WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)}

.PHONY: run test test-fast lint bench migrate demo clean lock prod-check

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Fant ikke Python 3.11–3.13 (python3.11, python3.12, python3.13 eller python3)."; exit 1; }
	@# Debian's python3 without python3-venv lacks ensurepip: fall back to the system pip.
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV) && $(PYTHON) -m venv --without-pip $(VENV) \
		&& $(PYTHON) -m pip --python $(BIN)/python install pip; }

# What running the site needs, and nothing else.
$(RUNTIME_STAMP): $(RUNTIME_LOCK) | $(BIN)/python
	@echo "== Installerer det nettstedet trenger ($(RUNTIME_LOCK)); dette tar et par minutter første gang."
	$(PIP_INSTALL) -r $(RUNTIME_LOCK)
	@touch $(RUNTIME_STAMP)

# The runtime set plus tests, browser tests, benchmarks and engine clients.
$(STAMP): $(DEV_LOCK) | $(BIN)/python
	@echo "== Installerer det testene trenger ($(DEV_LOCK)); dette tar noen minutter første gang."
	$(PIP_INSTALL) -r $(DEV_LOCK)
	@touch $(STAMP) $(RUNTIME_STAMP)

# Regenerate the lock files from pyproject.toml (run after changing a dependency there).
# Resolved with the oldest Python the project supports (LOCK_PYTHON; Debian 12 has 3.11.2),
# since a newer one may pick releases that refuse it (soupsieve 4.1 needs 3.11.5).
LOCK_PYTHON ?= $(PYTHON)
LOCK_VENV := .venv-lock
lock:
	test -x $(LOCK_VENV)/bin/python || $(LOCK_PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --upgrade pip==26.3 pip-tools==7.6.2
	$(LOCK_VENV)/bin/python -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links --no-emit-trusted-host \
		--output-file $(RUNTIME_LOCK) pyproject.toml requirements/venv.in
	$(LOCK_VENV)/bin/python -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links --no-emit-trusted-host \
		--extra engines --extra test --extra browser --extra bench --extra sentry \
		--constraint $(RUNTIME_LOCK) --output-file $(DEV_LOCK) pyproject.toml requirements/venv.in

migrate: $(RUNTIME_STAMP)
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo_content
	$(LOCAL_URL) $(BIN)/python manage.py ensure_local_admin

run: demo
	$(LOCAL_URL) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The production stack of deploy/ on this machine's loopback, tested through the front door
# (deploy/prod_check.py; needs root or sudo for apt-get and PostgreSQL). .ci/run runs it.
prod-check: $(STAMP)
	$(BIN)/python deploy/prod_check.py

test: $(STAMP)
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=lpp.settings.test
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python tools/layers.py

bench: $(STAMP)
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) $(LOCK_VENV) .venv-py3.13 db.sqlite3 media private-media static_collected
