extensions = ["myst_parser", "factcheck"]
exclude_patterns = ["_build"]
factcheck_unused = "off"
