"""Sphinx configuration for the treaty site and the factcheck reference."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))  # site-only helpers (language spans)
sys.path.insert(0, str(HERE.parent))  # the factcheck package, for autodoc

# -- Project -----------------------------------------------------------------
project = "The Soviet–Lithuanian Mutual Assistance Treaty"
author = "Wikipedia contributors; edited by the factcheck team"
copyright = "text: Wikipedia contributors, CC BY-SA 4.0; code: the factcheck team, MIT"
language = "en"

extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
    "sphinx.ext.autodoc",
    "sphinx_autodoc_typehints",
]

root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
nitpicky = True

# -- MyST --------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "attrs_inline"]
myst_heading_anchors = 3

# -- Bibliography ------------------------------------------------------------
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "plain"
bibtex_reference_style = "author_year"

# -- HTML --------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = "Soviet–Lithuanian Mutual Assistance Treaty"
html_static_path = ["_static"]
html_css_files = ["print.css"]
html_theme_options = {
    "show_toc_level": 2,
    "use_download_button": False,
    "show_navbar_depth": 1,
}
html_last_updated_fmt = None

# -- LaTeX / PDF (see the PDF issue) -------------------------------------------
