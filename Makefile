# Every target bootstraps its own virtualenv (.venv) on a fresh machine.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Training and evaluation code is not in the runtime package: it lives in
# training/dragoman_training (run from the repository root) and imports dragoman.
TRAIN_PY := PYTHONPATH=training $(BIN)/python
MAIN := $(VENV)/.stamp-main
DEV := $(VENV)/.stamp-dev
SHARED ?= ../shared
SEEDS := $(SHARED)/corpus/seeds
DEMO_DB := out/demo.db
REPORT := out/report

.PHONY: demo serve test eval bench lint models argmodel kb fuzz clean help lock lock-upgrade lockcheck vendor

help:
	@echo "make demo   - install, ingest examples/ (and $(SEEDS) when present), write the HTML report"
	@echo "make serve  - serve the desk's REST API over the demo store (make demo first if it is missing; HOST=, PORT=)"
	@echo "make test   - install and run the whole test suite"
	@echo "make eval   - quality on gold data in $(SHARED)/datasets, checked against eval/floors.toml"
	@echo "make bench  - speed and memory figures (a script, not a test)"
	@echo "make lint   - ruff and mypy"
	@echo "make models - retrain the shipped NER weights (CRF, then neural: about an hour) and the argument model"
	@echo "make argmodel - retrain only the event argument model (under a minute) from training/args and $(SHARED)/datasets"
	@echo "make kb     - regenerate knowledge-base files generated from CLDR (after a Babel upgrade)"
	@echo "make lock   - re-resolve requirements/*.txt (pinned, hashed) from pyproject.toml, keeping pins that still fit"
	@echo "make lock-upgrade - the same, taking the newest releases pyproject.toml allows"
	@echo "make vendor - re-fetch the dashboard's JavaScript (pinned in tools/vendor_web.py) from the npm registry, checked by SHA-256"
	@echo "make fuzz   - open-ended fuzzing of read/clean/extract (atheris if installed, else hypothesis)"

# Installs come from the lock (requirements/*.txt: every package pinned, with
# hashes), never from pyproject.toml's ranges; `make lock` refreshes it.  Each
# target installs the lock file it needs; a changed lock file rebuilds .venv from
# scratch so nothing it no longer lists lingers.
define install_lock
	@$(PY) tools/lock.py check
	@if [ -f $@ ]; then echo "$(1).txt changed: rebuilding $(VENV) from the lock"; rm -rf $(VENV); fi
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --no-input --disable-pip-version-check --require-hashes --no-deps -r requirements/$(1).txt
	$(BIN)/python -m pip install -qq --no-input --disable-pip-version-check --no-deps --no-build-isolation -e .
	@$(BIN)/python -m pip check >/dev/null || { $(BIN)/python -m pip check; exit 1; }
	@touch $@
endef

$(VENV)/.stamp-main: requirements/main.txt
	$(call install_lock,main)

$(VENV)/.stamp-dev: requirements/dev.txt
	$(call install_lock,dev)

$(VENV)/.stamp-training: requirements/training.txt | $(VENV)/.stamp-dev
	$(call install_lock,training)

# Runs before every target that uses .venv: a lock older than pyproject.toml's
# requirements is a bug, and the message names `make lock`.
lockcheck:
	@$(PY) tools/lock.py check

lock:
	$(PY) tools/lock.py write
	@echo "Review the diff of requirements/ (and run make kb if Babel moved) before committing."

# Newest releases the ranges in pyproject.toml allow (holds.in still applies).
lock-upgrade:
	$(PY) tools/lock.py write --upgrade
	@echo "Review the diff of requirements/ (and run make kb if Babel moved) before committing."

demo: lockcheck $(MAIN)
	@rm -f $(DEMO_DB)
	@mkdir -p out
	$(BIN)/dragoman ingest examples $(if $(wildcard $(SEEDS)),$(SEEDS),) --db $(DEMO_DB)
	$(BIN)/dragoman report --db $(DEMO_DB) --out $(REPORT) > out/report-path.txt
	@echo "Report written to: $$(cat out/report-path.txt)"

# The demo store is made by `make demo` when it is missing; an existing one is served as it is.
$(DEMO_DB):
	$(MAKE) demo

serve: lockcheck $(MAIN) | $(DEMO_DB)
	$(BIN)/dragoman serve --db $(DEMO_DB) --host $(or $(HOST),127.0.0.1) --port $(or $(PORT),8000)

test: lockcheck $(DEV)
	$(BIN)/python -m pytest

eval: lockcheck $(DEV)
	$(TRAIN_PY) -m dragoman_training.eval --shared $(SHARED) --save

bench: lockcheck $(DEV)
	$(BIN)/python bench/run.py

lint: lockcheck $(DEV)
	$(BIN)/ruff check src tests bench training
	$(BIN)/mypy

models: lockcheck $(VENV)/.stamp-training
	@if [ ! -d "$(SHARED)/datasets" ]; then echo "make models: $(SHARED)/datasets not found; the gold training data lives in ../shared. Nothing retrained."; exit 2; fi
	$(TRAIN_PY) -m dragoman_training.ner.train --shared $(SHARED)
	$(TRAIN_PY) -m dragoman_training.ner.neural_train --shared $(SHARED)
	$(TRAIN_PY) -m dragoman_training.events.train --shared $(SHARED)

# The argument model needs only numpy (in the dev lock), not the training extra.
argmodel: lockcheck $(DEV)
	@if [ ! -d "$(SHARED)/datasets" ]; then echo "make argmodel: $(SHARED)/datasets not found; the gold training data lives in ../shared. Nothing retrained."; exit 2; fi
	$(TRAIN_PY) -m dragoman_training.events.train --shared $(SHARED)

kb: lockcheck $(DEV)
	$(BIN)/python -m dragoman.kb.generate

# The dashboard's vendored JavaScript is checked in; this re-fetches it (needs the npm registry).
vendor:
	$(PY) tools/vendor_web.py fetch

fuzz: lockcheck $(DEV)
	$(BIN)/python tests/fuzz/fuzz_extract.py --seconds 300

clean:
	rm -rf out .dragoman
