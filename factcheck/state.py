"""The facts file of the running build, read once per build and shared by every role.

Resolving and stat-ing the facts path in each ``fact`` role cost seconds on large sites; it is
done once, on ``builder-inited``, in the main process, before parallel readers fork (they
inherit the reading).  The parsed file is also kept between builds:
:func:`~factcheck.facts.load_facts` re-reads it only when its size or modification time changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.facts import FactsFile, load_facts

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_ACTIVE: dict[int, FactsFile] = {}


def facts_path(env: BuildEnvironment) -> Path:
    return (Path(env.srcdir) / env.config.factcheck_facts).resolve()


def start_build(app: Sphinx) -> None:
    """``builder-inited``: read the facts file for this build."""
    _ACTIVE[id(app.env)] = load_facts(facts_path(app.env))


def facts_for(env: BuildEnvironment) -> FactsFile:
    """The facts file of ``env``'s build (read now if the build has not started it)."""
    facts_file = _ACTIVE.get(id(env))
    if facts_file is None:
        facts_file = _ACTIVE[id(env)] = load_facts(facts_path(env))
    return facts_file


def end_build(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: forget the build's reading (the file cache keeps the parse)."""
    _ACTIVE.pop(id(app.env), None)
