"""Sphinx configuration for the treaty site and the factcheck reference."""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "_ext"))  # site-only helpers (language spans)
sys.path.insert(0, str(HERE.parent))  # the factcheck package, for autodoc

from citation import read_edition, read_revisions  # noqa: E402 - docs/_ext, on the path above

# -- Project -----------------------------------------------------------------
project = "The Soviet–Lithuanian Mutual Assistance Treaty"
author = "Wikipedia contributors; edited by the factcheck team"
copyright = "text: Wikipedia contributors, CC BY-SA 4.0; code: the factcheck team, MIT"
language = "en"
# The edition's version lives in CITATION.cff (with its title, authors and licence), and only there.
EDITION = read_edition(HERE.parent / "CITATION.cff")
version = release = EDITION.version
_REVISION = read_revisions(HERE)  # the commit the PDF's title page names (None outside git)

extensions = [
    "myst_parser",
    "bibstyle",  # docs/_ext/bibstyle.py: the bibliography's pybtex style
    "sphinxcontrib.bibtex",
    "sphinx.ext.autodoc",
    "sphinx_autodoc_typehints",
    "langspan",  # docs/_ext/langspan.py: {lang}`phrase <lt>` → <span lang="lt">
    "citation",  # docs/_ext/citation.py: page metadata and the "Cite this page" box
    "charts",  # docs/_ext/charts.py: figures and tables drawn from facts.yaml
    "keeptogether",  # docs/_ext/keeptogether.py: no line break inside ISO dates and ISBNs in print
    "factcheck",  # every figure and date is checked against facts.yaml
]

root_doc = "index"
templates_path = ["_templates"]
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
nitpicky = True

# -- MyST --------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist", "attrs_inline"]
myst_heading_anchors = 3

# -- Bibliography ------------------------------------------------------------
bibtex_bibfiles = ["refs.bib"]
# "edition": one Chicago-like form for books, chapters, journal and newspaper articles and web
# pages, sorted by author (docs/_ext/bibstyle.py).
bibtex_default_style = "edition"
bibtex_reference_style = "author_year"
# Each work's anchor is its citation key (sources.html#lane2001), stable across builds.
bibtex_cite_id = "{key}"

# -- factcheck ---------------------------------------------------------------
factcheck_facts = "facts.yaml"
# This site promises full coverage: a figure that is neither bound nor exempted fails -W.
factcheck_strict = True
factcheck_exempt = {
    "16th Special Rifle Corps": "name of a Soviet unit, not a count",
    "5th Rifle Division": "name of a Soviet unit, not a count",
    "2nd Light Tank Brigade": "name of a Soviet unit, not a count",
    "CC BY-SA 4.0": "version of a licence, not a claim",
}
# The chart directives (docs/_ext/charts.py) list fact ids, not prose: `factcheck check` reads
# the sources without loading this site's extensions, so it is told.
factcheck_skip_directives = ["fact-bar-chart", "fact-sum-table", "fact-timeline-figure"]
# The extension's own documentation shows example figures; it is not part of the article.
factcheck_exclude_docs = ["reference/*"]
# The facts register's CSV and JSON downloads carry the licence of the text they come from.
factcheck_register_license = "CC BY-SA 4.0"
factcheck_register_license_url = "https://creativecommons.org/licenses/by-sa/4.0/"

# -- API reference (autodoc) ---------------------------------------------------
autodoc_member_order = "bysource"
autodoc_inherit_docstrings = False  # Sphinx's own docstrings cross-reference Sphinx internals
# The build is offline (no intersphinx inventories), so references into the standard library
# and third-party packages cannot resolve; everything inside factcheck still must.
nitpick_ignore_regex = [
    (r"py:.*", r"(typing|fractions|decimal|pathlib|re|enum|collections|dataclasses|datetime|ast)"
               r"(\..*)?"),
    (r"py:.*", r"(docutils|sphinx|yaml|babel|pint)(\..*)?"),
    (r"py:.*", r"(Any|Path|Fraction|Decimal|Node|Element|Sphinx|Config|BuildEnvironment)"),
    (r"py:data", r"Ellipsis"),
]
suppress_warnings = [
    # sphinx-autodoc-typehints evaluates the TYPE_CHECKING blocks of *imported* modules
    # (docutils, sphinx); their failures say nothing about our annotations.
    "sphinx_autodoc_typehints.guarded_import",
    "sphinx_autodoc_typehints.forward_reference",
]

# -- HTML --------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = "Soviet–Lithuanian Mutual Assistance Treaty"
html_static_path = ["_static"]
html_css_files = ["print.css"]
html_theme_options = {
    "show_toc_level": 2,
    "use_download_button": False,
    "show_navbar_depth": 1,
    # "Cite this page" after each page's text, and a link to it in the page's header.
    "article_footer_items": ["cite-this-page.html"],
    "article_header_end": ["cite-link.html", "article-header-buttons.html"],
}
# The theme's light/dark switch logs a console error when no default mode is set.
html_context = {"default_mode": "auto"}
# Without an icon, browsers ask for /favicon.ico and log a 404 to the console.
html_favicon = "_static/favicon.svg"
# Each page's last change comes from git and is shown in its cite box instead.
html_last_updated_fmt = None
# Where the edition is published: the canonical links, the citation metadata and the cite box
# name pages under it. Set SITE_URL when deploying elsewhere.
html_baseurl = os.environ.get("SITE_URL", "https://example.org/soviet-lithuanian-treaty/")

# -- Citation (docs/_ext/citation.py) ----------------------------------------
citation_cff = "../CITATION.cff"
citation_key_prefix = "SovietLithuanianTreaty"

# -- LaTeX / PDF (see the PDF issue) -------------------------------------------
# `make pdf` (sphinx-build -M latexpdf) → docs/_build/latex/soviet-lithuanian-treaty.pdf.
# XeLaTeX reads the UTF-8 source natively and sets it in OpenType fonts, so every Lithuanian
# (ą č ę ė į š ų ū ž), Polish (Ż ł) and Cyrillic letter prints as itself; pdflatex would need
# T1/T2A font encodings and Cyrillic Type 1 fonts. Debian packages: .ci/install-system-packages.
latex_engine = "xelatex"
# The PDF is the article: no Python module index from the API reference pages.
latex_domain_indices = False
latex_documents = [
    # (start doc, .tex file name (the PDF takes its stem), title, author, LaTeX class)
    (
        root_doc,
        "soviet-lithuanian-treaty.tex",
        "The Soviet–Lithuanian Mutual Assistance Treaty",
        "Wikipedia contributors\\\\edited by the factcheck team",
        "manual",  # sphinxmanual: title page, contents, page numbers in the footer
    ),
]
# Print has no links: external URLs go to footnotes so the reader sees them.
latex_show_urls = "footnote"
latex_elements = {
    "papersize": "a4paper",
    # One-sided, chapters start on any page: a PDF read on screen needs no blank versos.
    "extraclassoptions": "openany,oneside",
    # With xelatex Sphinx emits "\usepackage{polyglossia}" then "\setmainlanguage{english}"
    # (from `language`); the phrases marked {lang}`… <lt>` / `<ru>` (docs/_ext/langspan.py)
    # become \foreignlanguage{lithuanian|russian}{…}, so both languages are loaded for their
    # hyphenation patterns (texlive-lang-european, texlive-lang-cyrillic).
    "polyglossia": "\\usepackage{polyglossia}\n\\setotherlanguages{lithuanian,russian}",
    # Sphinx's xelatex default (GNU FreeFont, Debian fonts-freefont-otf: Latin Extended,
    # Cyrillic, Greek), plus the Cyrillic families polyglossia switches to for Russian.
    "fontpkg": r"""
\setmainfont{FreeSerif}[Extension=.otf, UprightFont=*, ItalicFont=*Italic,
  BoldFont=*Bold, BoldItalicFont=*BoldItalic]
\setsansfont{FreeSans}[Extension=.otf, UprightFont=*, ItalicFont=*Oblique,
  BoldFont=*Bold, BoldItalicFont=*BoldOblique]
\setmonofont{FreeMono}[Scale=0.9, Extension=.otf, UprightFont=*, ItalicFont=*Oblique,
  BoldFont=*Bold, BoldItalicFont=*BoldOblique]
\newfontfamily\cyrillicfont{FreeSerif}[Script=Cyrillic, Extension=.otf, UprightFont=*,
  ItalicFont=*Italic, BoldFont=*Bold, BoldItalicFont=*BoldItalic]
\newfontfamily\cyrillicfontsf{FreeSans}[Script=Cyrillic, Extension=.otf, UprightFont=*,
  ItalicFont=*Oblique, BoldFont=*Bold, BoldItalicFont=*BoldOblique]
\newfontfamily\cyrillicfonttt{FreeMono}[Script=Cyrillic, Scale=0.9, Extension=.otf,
  UprightFont=*, ItalicFont=*Oblique, BoldFont=*Bold, BoldItalicFont=*BoldOblique]
""",
    # A glyph missing from the font is only a log line by default ("Missing character");
    # 3 makes it a TeX error, so `make pdf` fails instead of silently dropping a letter.
    # The document's language and subject go into the PDF's catalogue and information.
    "preamble": "\\tracinglostchars=3\n"
    f"\\hypersetup{{pdflang={{{language}}}, pdfsubject={{{EDITION.title}}}, "
    f"pdfkeywords={{{', '.join(EDITION.keywords)}}}}}",
    # The title page names the edition ("Edition 0.2.0") and the licence of its text, and the
    # commit it was made from, instead of the build date.
    "releasename": "Edition",
    "maketitle": "\\date{Text licensed " + EDITION.licence[0].replace(" ", "~")
    + (f"\\\\[1ex]\\small commit {_REVISION.short}" if _REVISION else "")
    + "}\n\\sphinxmaketitle",
}
