extensions = ["myst_parser", "factcheck"]
exclude_patterns = ["_build"]
language = "fr"
factcheck_strict = True
