# One command to run, one to test; each sets up what it needs on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export FLASK_APP := wsgi

.PHONY: run test bench install catalogs db browser-deps extract-messages clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

catalogs: install
	bash scripts/setup-pdf.sh
	$(BIN)/pybabel compile --use-fuzzy -d translations

db: catalogs
	$(BIN)/flask db upgrade
	$(BIN)/flask shop demo --if-empty

run: db
	$(BIN)/flask run --host 127.0.0.1 --port $(PORT)

browser-deps:
	bash scripts/setup-browser.sh

test: catalogs browser-deps
	$(BIN)/pytest $(PYTEST_ARGS)

bench: catalogs
	bash bench/setup.sh
	$(BIN)/python bench/run.py $(BENCH_ARGS)

extract-messages: install
	$(BIN)/pybabel extract -F translations/babel.cfg -k _l -k lazy_gettext -o translations/messages.pot --no-location --sort-output .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching

clean:
	rm -rf $(VENV) instance/shop.sqlite3 .pytest_cache
