# Two commands on a fresh clone: `make translate` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSET ?= ../shared/devset
# Where pip finds the CPU build of torch; empty: the configured index (or local wheels).
TORCH_INDEX ?=

.PHONY: install translate extract render test eval-quotes clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned to the CPU build, so nothing pulls a CUDA build in
	$(BIN)/pip install --quiet torch==2.13.0 $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX))
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

translate: install
	$(BIN)/translate extract
	$(BIN)/translate render

test: install
	$(BIN)/python -m pytest

eval-quotes: install
	@rm -rf build/eval-quotes && mkdir -p build/eval-quotes
	@for f in $(DEVSET)/*.txt; do \
		$(BIN)/translate -q quotes "$$f" --json > build/eval-quotes/$$(basename "$$f" .txt).json || exit 1; \
	done
	@$(BIN)/python $(DEVSET)/score_quotes.py $(DEVSET) build/eval-quotes | tail -n 1

clean:
	rm -rf build .pytest_cache
