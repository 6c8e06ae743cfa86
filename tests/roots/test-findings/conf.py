extensions = ["myst_parser", "factcheck"]
exclude_patterns = ["_build"]
factcheck_strict = True
factcheck_exempt = {"Highway 66": "a road name, not a count"}
