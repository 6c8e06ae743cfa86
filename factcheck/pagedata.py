"""Per-page data kept on the Sphinx build environment, safe for incremental and parallel builds.

What the extension records while a page is read (where each fact is mentioned, which pages hold
a generated list) lives in a dict ``docname -> data`` on the environment, so it is pickled with
it.  Like a Sphinx collector's data it must be dropped when its page is read again
(``env-purge-doc``) and copied back from the worker processes of a parallel read
(``env-merge-info``); :class:`PageData` does both for one attribute.
"""

from __future__ import annotations

from collections.abc import Set
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

T = TypeVar("T")


class PageData(Generic[T]):
    """The dict ``docname -> T`` kept on the environment as ``attribute``."""

    def __init__(self, attribute: str) -> None:
        self.attribute = attribute

    def of(self, env: BuildEnvironment) -> dict[str, T]:
        if not hasattr(env, self.attribute):
            setattr(env, self.attribute, {})
        data: dict[str, T] = getattr(env, self.attribute)
        return data

    def connect(self, app: Sphinx) -> None:
        app.connect("env-purge-doc", self._purge)
        app.connect("env-merge-info", self._merge)

    def _purge(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        self.of(env).pop(docname, None)

    def _merge(self, app: Sphinx, env: BuildEnvironment, docnames: Set[str],
               other: BuildEnvironment) -> None:
        mine, theirs = self.of(env), self.of(other)
        for docname in docnames:
            if docname in theirs:
                mine[docname] = theirs[docname]


