# One venv for everything; `make html` and `make test` create it on first use.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SPHINXOPTS ?=
# -W --keep-going: every warning (a fact mismatch included) fails the build,
# but Sphinx reports all of them first.
SPHINXBUILD := $(BIN)/sphinx-build -W --keep-going $(SPHINXOPTS)

.PHONY: html pdf test test-quick serve clean venv

venv: $(VENV)/.installed

# Reinstall when the dependency list changes.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[docs,test,dev]'
	touch $@

html: venv
	$(SPHINXBUILD) -b html docs docs/_build/html
	@echo "Site built: docs/_build/html/index.html"

# Make mode (-M) takes sphinx-build's options after the directories; LATEXOPTS makes a TeX
# error (a missing glyph included, see conf.py) stop the build instead of prompting.
pdf: venv
	@for tool in xelatex latexmk; do \
	  command -v $$tool >/dev/null 2>&1 || { \
	    echo "make pdf needs TeX ($$tool is missing). Install it once with:"; \
	    echo "    sudo bash .ci/install-system-packages"; \
	    echo "(Debian/Ubuntu: texlive-xetex, latexmk and the packages listed in README.md)"; \
	    exit 1; }; \
	done
	LATEXOPTS="-interaction=nonstopmode -halt-on-error -file-line-error" \
	  $(BIN)/sphinx-build -M latexpdf docs docs/_build -W --keep-going $(SPHINXOPTS)
	@# latexmk now and then stops one pass early (its record of the .aux it read differs from
	@# the .aux on disk, page labels and references one pass stale); asked again, it reruns
	@# exactly then, and otherwise finds everything up to date.
	LATEXOPTS="-interaction=nonstopmode -halt-on-error -file-line-error" \
	  $(MAKE) --no-print-directory -C docs/_build/latex all-pdf
	@echo "PDF built: docs/_build/latex/soviet-lithuanian-treaty.pdf"

test: venv
	$(BIN)/python -m pytest $(PYTESTOPTS)

# Everything but the slow end-to-end builds.
test-quick: venv
	$(BIN)/python -m pytest -m "not slow" $(PYTESTOPTS)

serve: venv
	$(BIN)/sphinx-autobuild docs docs/_build/html --watch factcheck

clean:
	rm -rf docs/_build
