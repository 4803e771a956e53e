# Two commands on a fresh clone: `make translate` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSET ?= ../shared/devset
# Where pip finds the CPU build of torch; empty: the configured index (or local wheels).
TORCH_INDEX ?=

LANGS ?= uk pl de
# Models install into the project unless you point ARGOS_PACKAGES_DIR elsewhere.
export ARGOS_PACKAGES_DIR ?= $(CURDIR)/build/argos-packages

.PHONY: install translate check test test-models bench eval-quotes clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned to the CPU build, so nothing pulls a CUDA build in
	$(BIN)/pip install --quiet torch==2.13.0 $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX))
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# install missing models (models/*.argosmodel, the Argos index when online, else the
# demo models with a loud warning), then extract, machine-translate and render seeds/
translate: install
	$(BIN)/translate models install $(LANGS) --dir models --demo
	$(BIN)/translate extract
	$(BIN)/translate mt
	$(BIN)/translate render

# the CI gate: stale catalogs, msgfmt errors, QA errors in reviewed entries
check: install
	$(BIN)/translate check

# rebuild the demo Argos packages in tests/models (about a minute per language)
test-models: install
	$(BIN)/python tests/models/build.py --out tests/models

test: install
	$(BIN)/python -m pytest

# side-by-side measurements; prints ratios, never fails on time
bench: install
	$(BIN)/python bench/bench.py

eval-quotes: install
	@rm -rf build/eval-quotes && mkdir -p build/eval-quotes
	@for f in $(DEVSET)/*.txt; do \
		$(BIN)/translate -q quotes "$$f" --json > build/eval-quotes/$$(basename "$$f" .txt).json || exit 1; \
	done
	@$(BIN)/python $(DEVSET)/score_quotes.py $(DEVSET) build/eval-quotes | tail -n 1

clean:
	rm -rf build .pytest_cache
