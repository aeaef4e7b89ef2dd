# factsheet — the two commands of the quick start are `make site` and `make test`.
# Folders are settings: make site SEEDS=dir FACTS=dir SITE=dir builds another collection.

PYTHON ?= python3
VENV   ?= .venv
SEEDS  ?= seeds
FACTS  ?= facts
SITE   ?= site
BUILD  ?= build
PORT   ?= 8000
SHARED ?= ../shared
EVAL_SETS ?= $(wildcard $(SHARED)/eval/dev/*)
EVAL_OUT  ?= $(BUILD)/eval
JOBS   ?= 1
SCHEDULER ?=
BENCH_SIZES ?= 1000,3000
BENCH_RUNS  ?= 3
BENCH_JOBS  ?= $(JOBS)
BENCH_DASK  ?= 1000
DEMO   ?= $(BUILD)/demo

BIN       := $(VENV)/bin
RUN_STAMP := $(VENV)/.run-installed
DEV_STAMP := $(VENV)/.dev-installed
PIP       := $(BIN)/python -m pip --disable-pip-version-check --quiet
FACTSHEET := $(BIN)/python -m generator
FOLDERS   := --seeds $(SEEDS) --facts $(FACTS) --site $(SITE) --build-dir $(BUILD)

.PHONY: site serve test check lint format update-golden clean help test-browser eval bench demo calibrate

help:
	@echo "make site     set up what is missing, then build the site from $(SEEDS)/ into $(SITE)/"
	@echo "make site SCHEDULER=tcp://host:8786   extract on that Dask cluster (docs: README, Dask)"
	@echo "make serve    preview on http://127.0.0.1:$(PORT) with live reload"
	@echo "make test     run the test suite"
	@echo "make test-browser   only the real-browser tests (Playwright + /usr/bin/chromium; skipped without it)"
	@echo "make check    ruff (lint and format) and mypy"
	@echo "make update-golden   regenerate tests/golden from seeds/ after an intended change"
	@echo "make bench    time full and incremental builds at 489, 1,000 and 3,000 articles (BENCH_SIZES, BENCH_RUNS)"
	@echo "make demo     build the seed plus the White House set of $(SHARED)/corpus into $(DEMO)/site"
	@echo "make eval     score the extractor on $(SHARED)/eval/dev (EVAL_SETS=\"DIR ...\" EVAL_OUT=DIR; EVAL_ALL=1 writes all facts)"
	@echo "make calibrate   refit the confidence calibration on $(SHARED)/eval/dev after a change to the rules"

$(RUN_STAMP): requirements/run.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes -r requirements/run.txt
	$(PIP) install --no-deps --require-hashes -r requirements/model.txt
	touch $@

$(DEV_STAMP): $(RUN_STAMP) requirements/dev.txt
	$(PIP) install --require-hashes -r requirements/run.txt -r requirements/dev.txt
	touch $@

site: $(RUN_STAMP)
	$(FACTSHEET) build $(FOLDERS) --jobs $(JOBS) $(if $(SCHEDULER),--executor dask --scheduler $(SCHEDULER))

serve: $(RUN_STAMP)
	$(FACTSHEET) serve $(FOLDERS) --port $(PORT)

test: $(DEV_STAMP)
	$(BIN)/pytest

test-browser: $(DEV_STAMP)
	$(BIN)/pytest -m browser

check: $(DEV_STAMP)
	$(BIN)/ruff check generator tests tools bench
	$(BIN)/ruff format --check generator tests tools bench
	$(BIN)/mypy

format: $(DEV_STAMP)
	$(BIN)/ruff format generator tests bench
	$(BIN)/ruff check --fix generator tests bench

update-golden: $(DEV_STAMP)
	$(BIN)/python -m tests.golden

eval: $(RUN_STAMP)
	$(BIN)/python -m tools.evaluate --out $(EVAL_OUT) --scorer $(SHARED)/eval/score.py $(EVAL_SETS)

calibrate: $(RUN_STAMP)
	$(BIN)/python -m tools.calibrate --scorer $(SHARED)/eval/score.py $(EVAL_SETS)

bench: $(RUN_STAMP)
	BENCH_SIZES="$(BENCH_SIZES)" BENCH_RUNS=$(BENCH_RUNS) BENCH_JOBS=$(BENCH_JOBS) BENCH_DASK=$(BENCH_DASK) \
		BENCH_CORPUS=$(SHARED)/corpus \
		$(BIN)/python -m bench.run

demo: $(RUN_STAMP)
	@test -d $(SHARED)/corpus/whitehouse-2023 || { echo "make demo needs $(SHARED)/corpus/whitehouse-2023 (SHARED=dir)"; exit 2; }
	rm -rf $(DEMO)/seeds && mkdir -p $(DEMO)/seeds
	cp $(SEEDS)/* $(SHARED)/corpus/whitehouse-2023/*.md $(DEMO)/seeds/
	$(FACTSHEET) build --seeds $(DEMO)/seeds --facts $(DEMO)/facts --site $(DEMO)/site --build-dir $(DEMO)/build --jobs $(JOBS)
	@echo "demo: open $(DEMO)/site/index.html, or: make serve SEEDS=$(DEMO)/seeds FACTS=$(DEMO)/facts SITE=$(DEMO)/site BUILD=$(DEMO)/build"

clean:
	rm -rf $(BUILD) $(SITE) .$(SITE).new .$(SITE).old .pytest_cache .mypy_cache .ruff_cache
