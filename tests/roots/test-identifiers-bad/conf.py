extensions = ["myst_parser", "factcheck"]
exclude_patterns = ["_build"]
factcheck_strict = True
factcheck_unused = "off"
factcheck_identifiers = {
    "ticket": {"pattern": r"TKT-(\d+", "reason": "our ticket ids"},
    "build-number": {"pattern": r"build \d+"},
    "digits": {"pattern": r"\d*", "reason": "every digit"},
    "sprint": r"Sprint \d+",
    "table-caption": {"pattern": r"tables with over \d+ rows", "reason": "ours",
                      "examples": ["for [[tables with over 30 columns]]"]},
    "row-count": {"pattern": r"over \d+ rows", "reason": "a test of a working rule"},
}
factcheck_disable_identifiers = ["lables"]
