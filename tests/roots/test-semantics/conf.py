extensions = ["myst_parser", "factcheck"]
exclude_patterns = ["_build"]
factcheck_strict = True
factcheck_unused = "warning"
