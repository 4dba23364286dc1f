# Every target bootstraps its own virtualenv (.venv) on a fresh machine.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared
SEEDS := $(SHARED)/corpus/seeds
DEMO_DB := out/demo.db
REPORT := out/report

.PHONY: demo test eval bench lint models kb fuzz clean help

help:
	@echo "make demo   - install, ingest examples/ (and $(SEEDS) when present), write the HTML report"
	@echo "make test   - install and run the whole test suite"
	@echo "make eval   - quality on gold data in $(SHARED)/datasets, checked against eval/floors.toml"
	@echo "make bench  - speed and memory figures (a script, not a test)"
	@echo "make lint   - ruff and mypy"
	@echo "make models - retrain the shipped NER weights (CRF, then neural: about an hour) from $(SHARED)/datasets"
	@echo "make kb     - regenerate knowledge-base files generated from CLDR"
	@echo "make fuzz   - open-ended fuzzing of read/clean/extract (atheris if installed, else hypothesis)"

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev,scale]"
	@touch $(STAMP)

demo: $(STAMP)
	@rm -f $(DEMO_DB)
	@mkdir -p out
	$(BIN)/dragoman ingest examples $(if $(wildcard $(SEEDS)),$(SEEDS),) --db $(DEMO_DB)
	$(BIN)/dragoman report --db $(DEMO_DB) --out $(REPORT) > out/report-path.txt
	@echo "Report written to: $$(cat out/report-path.txt)"

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/python -m dragoman.eval --shared $(SHARED) --save

bench: $(STAMP)
	$(BIN)/python bench/run.py

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

models: $(STAMP)
	@if [ ! -d "$(SHARED)/datasets" ]; then echo "make models: $(SHARED)/datasets not found; the gold training data lives in ../shared. Nothing retrained."; exit 2; fi
	$(BIN)/python -m dragoman.ner.train --shared $(SHARED)
	@# The neural tagger trains with PyTorch's CPU build (not a runtime dependency).
	$(BIN)/python -c "import torch" 2>/dev/null || $(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m dragoman.ner.neural_train --shared $(SHARED)

kb: $(STAMP)
	$(BIN)/python -m dragoman.kb.generate

fuzz: $(STAMP)
	$(BIN)/python tests/fuzz/fuzz_extract.py --seconds 300

clean:
	rm -rf out .dragoman
