# `make run` and `make test` work on a fresh clone: the first use creates .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

I18N := resources/i18n
UI_SOURCES := $(wildcard desktop/ui/*.py desktop/ui/*/*.py desktop/ui/*/*/*.py)

.PHONY: all run test test-stress lint typecheck unit bench soak translations update-translations screenshots demo clean build smoke-frozen lock

all: $(STAMP) translations

# Versions are pinned by packaging/constraints.txt (`make lock` after a deliberate update):
# the tests and the bundle staff receive are built from the same, known releases.
CONSTRAINTS := packaging/constraints.txt

$(STAMP): pyproject.toml $(CONSTRAINTS)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	@# A venv made half-way (no pip: python3-venv missing, or an interrupted run) is rebuilt.
	$(BIN)/python -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]' -c $(CONSTRAINTS)
	touch $(STAMP)

run: $(STAMP) translations
	$(BIN)/gatewatch

# Compiled translations; the .ts sources are edited by translators (docs/translation-notes.md).
translations: $(STAMP) $(I18N)/gatewatch_my.qm $(I18N)/gatewatch_en.qm

$(I18N)/%.qm: $(I18N)/%.ts
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After changing UI strings: refresh the .ts sources (English holds plural forms only).
update-translations: $(STAMP)
	$(BIN)/pyside6-lupdate -silent $(UI_SOURCES) -ts $(I18N)/gatewatch_my.ts -no-obsolete
	$(BIN)/pyside6-lupdate -silent -pluralonly $(UI_SOURCES) -ts $(I18N)/gatewatch_en.ts -no-obsolete
	$(BIN)/python tools/fill_same_source.py $(I18N)/gatewatch_my.ts

# Every screen in English and Burmese, from a demo store, into docs/screenshots/.
# Chinese names need a CJK font (Debian: fonts-wqy-microhei) on the machine that renders.
screenshots: $(STAMP) translations
	TZ=Asia/Yangon QT_QPA_PLATFORM=offscreen $(BIN)/python -m tools.screenshots

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy --strict desktop sync

# One pytest process per core (pytest-xdist); TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= auto
PYTEST := $(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal

unit: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PYTEST)

test: lint typecheck unit

# The suite while every core is kept busy (tools/stress.py: stress-ng where installed, else
# a Python busy loop per core), started before pytest and stopped after it, however it
# ends. Uses the .venv `make test` built and installs nothing. STRESS_TESTS narrows the run
# (default: the whole suite), STRESS_WORKERS sets the number of busy processes.
test-stress:
	@test -x $(BIN)/pytest || { echo "no $(BIN)/pytest: run make test once first"; exit 1; }
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tools.stress \
		$(if $(STRESS_WORKERS),--workers $(STRESS_WORKERS)) -- $(PYTEST) $(STRESS_TESTS)

# Figures against limits measured in the same run; writes bench/results.json
# (docs/testing.md says what each figure means). About 11 minutes on 2 cores.
bench: $(STAMP) translations
	rm -f bench/results.json
	$(BIN)/python -m bench.store_bench --reports $${BENCH_REPORTS:-100000}
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.ui_bench --reports $${BENCH_UI_REPORTS:-100000}
	$(BIN)/python -m bench.sync_bench --reports $${BENCH_SYNC_REPORTS:-10000}
	$(BIN)/python -m bench.desk_bench --reports $${BENCH_DESK_REPORTS:-10000}
	$(BIN)/python -m bench.memory_bench --reports $${BENCH_MEMORY_REPORTS:-100000}
	$(BIN)/python -m bench.board_bench --reports $${BENCH_BOARD_REPORTS:-100000} --flood $${BENCH_BOARD_FLOOD:-50000}
	$(BIN)/python -m bench.ingest_bench --seconds $${BENCH_INGEST_SECONDS:-60} --clients 4
	$(BIN)/python -m bench.photo_bench
	$(BIN)/python -m bench.envelope_bench
	$(BIN)/python -m bench.lifecycle_bench
	$(BIN)/python -m bench.duress_bench --reports $${BENCH_DURESS_REPORTS:-10000}
	$(BIN)/python -m bench.integrity_bench --reports $${BENCH_REPORTS:-100000}
	$(BIN)/python -m bench.handcarry_bench --reports $${BENCH_DESK_REPORTS:-10000}
	@# The frozen cold start needs the bundle: `make build` first.
	if [ -x dist/gatewatch/gatewatch ]; then $(BIN)/python -m bench.startup_bench; \
	else echo "startup bench skipped: no dist/gatewatch (make build)"; fi
	$(BIN)/python -m bench.common

# The long forms of the fault campaigns (100 kills, 8 network rounds, ...), 5,000
# hypothesis examples per parser property, schemathesis with 200 cases per operation, and
# atheris on the envelope and keyfile parsers (SOAK_FUZZ_SECONDS each).
SOAK_STAMP := $(VENV)/.soak-stamp
$(SOAK_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[soak]' -c $(CONSTRAINTS)
	touch $(SOAK_STAMP)

soak: $(SOAK_STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest tests/faults -m soak --timeout 3600
	QT_QPA_PLATFORM=offscreen GATEWATCH_FUZZ_EXAMPLES=5000 $(BIN)/pytest tests/faults/test_parsers_fuzz.py
	QT_QPA_PLATFORM=offscreen GATEWATCH_SCHEMATHESIS_CASES=200 $(BIN)/pytest tests/sync/test_server_schemathesis.py --timeout 3600
	$(BIN)/python -m fuzz.envelope_fuzz -max_total_time=$${SOAK_FUZZ_SECONDS:-300} -print_final_stats=1 $${TMPDIR:-/tmp}/gatewatch-fuzz-corpus/envelope
	$(BIN)/python -m fuzz.keyfile_fuzz -max_total_time=$${SOAK_FUZZ_SECONDS:-300} -print_final_stats=1 $${TMPDIR:-/tmp}/gatewatch-fuzz-corpus/keyfile

# A server on 127.0.0.1, a desk key, an enrolled correspondent with the demo story, a sync,
# a pull, then the correspondent's app; everything under ./demo-data/ (gitignored).
demo: $(STAMP) translations
	$(BIN)/python -m tools.demo

# The PyInstaller bundle dist/gatewatch/ (docs/packaging.md), its size by component, the
# archive dist/gatewatch-VERSION-PLATFORM.tar.gz and its manifest beside it.
BUILD_STAMP := $(VENV)/.build-stamp

$(BUILD_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,build]' -c $(CONSTRAINTS)
	touch $(BUILD_STAMP)

# Re-pin from what .venv holds now, installing nothing (after `pip install -U NAME` there,
# `make test` and `make build`); commit the file with the reason for the update.
lock:
	$(BIN)/python -m pip list --format=freeze --exclude-editable > $(CONSTRAINTS).tmp
	{ echo "# Pinned by \`make lock\` on Python $$($(BIN)/python -c 'import platform; print(platform.python_version())'); see the Makefile."; \
	  grep -v -E '^(pip|setuptools|wheel)==' $(CONSTRAINTS).tmp; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)
	rm -f $(CONSTRAINTS).tmp

build: $(STAMP) $(BUILD_STAMP) translations
	rm -rf build/gatewatch build/icu build/relinked dist/gatewatch
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build packaging/gatewatch.spec
	$(BIN)/python packaging/sizes.py dist/gatewatch --limit-mb $${BUNDLE_LIMIT_MB:-100}
	$(BIN)/python packaging/manifest.py dist/gatewatch

# The frozen binary's self-test, offscreen, and its CLI and startup (tests/packaging).
smoke-frozen: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -m frozen tests/packaging

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .hypothesis build dist
