extensions = ["myst_parser", "factcheck"]
exclude_patterns = ["_build"]
language = "de"
factcheck_strict = True
