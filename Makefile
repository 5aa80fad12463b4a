# The two commands:  make run  (open goalwriter)  and  make test  (the whole test suite).
# Both create .venv, install goalwriter into it, and install the Debian packages they need
# (as root; otherwise they print the apt-get line to run).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench screenshots lint clean

run: $(STAMP)
	@scripts/system-deps.sh run
	$(PY) -m goalwriter

test: $(STAMP)
	@scripts/system-deps.sh test
	QT_QPA_PLATFORM=offscreen scripts/with-postgres.sh $(PY) -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	@scripts/system-deps.sh test
	@for b in bench/bench_*.py; do echo "== $$b"; QT_QPA_PLATFORM=offscreen $(PY) $$b || exit 1; done

screenshots: $(STAMP)
	@scripts/system-deps.sh docs
	QT_QPA_PLATFORM=offscreen $(PY) scripts/screenshots.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .

$(STAMP): pyproject.toml
	@scripts/system-deps.sh python
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
