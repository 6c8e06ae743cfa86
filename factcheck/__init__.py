"""factcheck: bind every figure and date in Sphinx prose to one canonical facts file.

The data flows through one module per step: ``facts`` (read the facts file, ``derive``d facts
and constraints) -> ``values`` (typed values, one module per kind) -> ``reading`` (figures in
prose) -> ``blocks`` / ``mentions`` (what each page states, where) -> ``judge`` / ``verdicts``
(compare and word the findings) -> ``report`` (Sphinx warnings).  ``render`` formats values in the
house style; ``roles``, ``collector``, ``config``, ``state`` and ``directives`` are the Sphinx side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.2.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    from factcheck.collector import FactcheckDomain, collect_mentions, outdated_by_facts
    from factcheck.config import setup_config
    from factcheck.directives import setup_directives
    from factcheck.html import setup_html
    from factcheck.register import setup_register
    from factcheck.report import report_findings
    from factcheck.roles import setup_roles
    from factcheck.state import end_build, start_build

    setup_config(app)
    app.add_domain(FactcheckDomain)
    setup_roles(app)
    setup_directives(app)
    setup_html(app)
    setup_register(app)
    # Read the facts file once in the main process, before parallel readers fork.
    app.connect("builder-inited", start_build)
    app.connect("doctree-read", collect_mentions)
    app.connect("env-get-outdated", outdated_by_facts)
    app.connect("env-updated", report_findings)
    app.connect("build-finished", end_build)
    return {
        "version": __version__,
        "env_version": 4,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
