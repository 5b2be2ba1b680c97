# One command to run, one to test; each sets up what it needs on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
export FLASK_APP := wsgi

.PHONY: run serve worker test bench profile install catalogs db browser-deps cluster-deps extract-messages clean

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

# The web server and, beside it, the worker (mails, expiry, reminders, PDFs); Ctrl-C stops both.
run: db
	$(BIN)/flask shop worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/flask run --host 127.0.0.1 --port $(PORT)

# Production-shaped: gunicorn with threaded workers (deploy/gunicorn.conf.py); run `make worker` beside it.
serve: db
	GUNICORN_BIND=127.0.0.1:$(PORT) $(BIN)/gunicorn -c deploy/gunicorn.conf.py wsgi:app

worker: db
	$(BIN)/flask shop worker

browser-deps:
	bash scripts/setup-browser.sh

cluster-deps:
	bash scripts/setup-cluster.sh

test: catalogs browser-deps cluster-deps
	$(BIN)/pytest $(PYTEST_ARGS)

# SQLite, and PostgreSQL too when BENCH_DATABASE_URL names a database the bench may create and drop
# (e.g. postgresql://postgres@127.0.0.1:5432/bench); one JSON in bench/results/latest.json.
bench: catalogs
	bash bench/setup.sh
	$(BIN)/python bench/run.py --postgresql-url "$(BENCH_DATABASE_URL)" $(BENCH_ARGS)

# Where the time of an uncached page or an order goes (cProfile); PROFILE_ARGS="--help" lists options.
profile: catalogs
	$(BIN)/python bench/profile.py $(PROFILE_ARGS)

extract-messages: install
	$(BIN)/pybabel extract -F translations/babel.cfg -k _l -k lazy_gettext -o translations/messages.pot --no-location --sort-output .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching

clean:
	rm -rf $(VENV) instance/shop.sqlite3 .pytest_cache
