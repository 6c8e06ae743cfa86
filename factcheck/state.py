"""The facts file of the running build, read once per build and shared by every role.

Resolving and stat-ing the facts path in each ``fact`` role cost seconds on large sites; it is
done once, on ``builder-inited``, in the main process, before parallel readers fork (they
inherit the reading).  The parsed file is also kept between builds:
:func:`~factcheck.facts.load_facts` re-reads it only when its size or modification time changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.facts import FactsFile, content_digest, load_facts, remember

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_ACTIVE: dict[int, FactsFile] = {}


def facts_path(env: BuildEnvironment) -> Path:
    return (Path(env.srcdir) / env.config.factcheck_facts).resolve()


def start_build(app: Sphinx) -> None:
    """``builder-inited``: read the facts file for this build.

    The parse of the last build is kept in the environment with the file's SHA-256: a build
    whose facts file has the same content re-uses it instead of parsing it again.
    """
    env = app.env
    path = facts_path(env)
    cached = getattr(env, "factcheck_parsed_facts", None)
    digest = content_digest(path)
    if cached is not None and digest is not None and cached.digest == digest \
            and cached.path == path:
        _ACTIVE[id(env)] = cached
        remember(path, cached)
        return
    facts_file = load_facts(path)
    _ACTIVE[id(env)] = facts_file
    env.factcheck_parsed_facts = facts_file  # type: ignore[attr-defined]


def facts_for(env: BuildEnvironment) -> FactsFile:
    """The facts file of ``env``'s build (read now if the build has not started it)."""
    facts_file = _ACTIVE.get(id(env))
    if facts_file is None:
        facts_file = _ACTIVE[id(env)] = load_facts(facts_path(env))
    return facts_file


def end_build(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: forget the build's reading (the file cache keeps the parse)."""
    _ACTIVE.pop(id(app.env), None)
