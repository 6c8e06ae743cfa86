extensions = ["myst_parser", "factcheck"]
exclude_patterns = ["_build"]
factcheck_strict = True
factcheck_unused = "off"
myst_enable_extensions = ["colon_fence"]
# MyST-Parser's own url schemes (docs/conf.py of executablebooks/MyST-Parser), so that its
# changelog's <gh-pr:887> and the <doi:...> links render as they do there.
myst_url_schemes = {
    "http": None,
    "https": None,
    "doi": "https://doi.org/{{path}}",
    "gh-pr": {"url": "https://github.com/executablebooks/MyST-Parser/pull/{{path}}",
              "title": "PR #{{path}}"},
    "gh-user": {"url": "https://github.com/{{path}}", "title": "@{{path}}"},
}
# A project rule: the shorthand the MyST-Parser changelog writes when a link is left open.
factcheck_identifiers = {
    "gh-shorthand": {
        "pattern": r"\bgh-(?:pr|issue):\d+",
        "reason": "a GitHub pull request in MyST-Parser's url-scheme shorthand",
        "examples": ["Directive option parsing in [[gh-pr:796]]"],
    },
}
