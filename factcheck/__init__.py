"""factcheck: bind every figure and date in Sphinx prose to one canonical facts file.

The data flows through one module per step: ``facts`` (read the facts file) -> ``values`` (typed
values) -> ``scan`` / ``roles`` / ``locate`` / ``collector`` (mentions on each page) ->
``verdicts`` (compare) -> ``report`` (Sphinx warnings).  ``render`` formats values in the house
style, ``config`` declares the settings and ``directives`` renders lists and the reference.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    from factcheck.collector import FactcheckDomain, collect_mentions, outdated_by_facts
    from factcheck.config import facts_path, setup_config
    from factcheck.directives import setup_directives
    from factcheck.facts import load_facts
    from factcheck.html import setup_html
    from factcheck.register import setup_register
    from factcheck.report import report_findings
    from factcheck.roles import setup_roles
    from factcheck.sources import setup_sources

    setup_config(app)
    app.add_domain(FactcheckDomain)
    setup_roles(app)
    setup_directives(app)
    setup_html(app)
    setup_register(app)
    setup_sources(app)
    # Read the facts file once in the main process, before parallel readers fork.
    app.connect("builder-inited", lambda app: load_facts(facts_path(app.env)))
    app.connect("doctree-read", collect_mentions)
    app.connect("env-get-outdated", outdated_by_facts)
    app.connect("env-updated", report_findings)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
