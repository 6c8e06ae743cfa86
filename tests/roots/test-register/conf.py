project = "Apollo 11"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "factcheck"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
bibtex_cite_id = "{key}"
factcheck_register_license = "CC0 1.0"
factcheck_register_license_url = "https://creativecommons.org/publicdomain/zero/1.0/"
