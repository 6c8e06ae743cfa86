extensions = ["myst_parser", "factcheck"]
factcheck_strict = True
