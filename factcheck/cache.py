"""What ``factcheck check`` keeps between runs, so that a run on unchanged sources is cheap.

Like ruff's or mypy's caches: a directory (``.factcheck_cache`` in the working directory by
default, ``--cache-dir`` or ``FACTCHECK_CACHE_DIR`` to move it, ``--no-cache`` to do without)
holding, per project, pickled results keyed by what they depend on:

* the parsed facts file, by the SHA-256 of its bytes;
* each page's mentions, by the SHA-256 of the page, the settings that change how prose is read,
  and this version of factcheck;
* each page's findings, by its mentions' key and everything in the facts file they depend on
  (:func:`factcheck.verdicts.verdict_key`).

A stale or unreadable cache is simply ignored and rewritten; nothing in it is ever trusted
beyond its keys, and it holds nothing a project does not already hold.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from factcheck import __version__

#: Environment variable naming the cache directory.
ENV_VAR = "FACTCHECK_CACHE_DIR"
DEFAULT_DIR = ".factcheck_cache"


def cache_dir(option: str | Path | None) -> Path:
    return Path(option or os.environ.get(ENV_VAR) or DEFAULT_DIR)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Cache:
    """The cached results of one project (one docs directory)."""

    def __init__(self, directory: Path | None, project: Path) -> None:
        self.path: Path | None = None
        self.data: dict[str, Any] = {}
        self.changed = False
        if directory is None:
            return
        name = digest(f"{__version__}|{project.resolve()}".encode())[:20]
        self.path = directory / f"{name}.pickle"
        try:
            with open(self.path, "rb") as stream:
                data = pickle.load(stream)  # noqa: S301 - our own file, checked by its version
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, ValueError,
                TypeError, IndexError):
            return
        if isinstance(data, dict) and data.get("version") == __version__:
            self.data = data

    def get(self, section: str, key: object) -> Any:
        """The value kept under ``key`` in ``section``, or ``None``."""
        entry = self.data.get(section, {}).get(key)
        return entry

    def put(self, section: str, key: object, value: Any) -> None:
        self.data.setdefault(section, {})[key] = value
        self.changed = True

    def keep_only(self, section: str, keys: set[Any]) -> None:
        """Forget what ``section`` holds for keys no longer in use (deleted or changed pages)."""
        kept = self.data.get(section, {})
        stale = [key for key in kept if key not in keys]
        for key in stale:
            del kept[key]
        self.changed = self.changed or bool(stale)

    def save(self) -> None:
        """Write the cache if anything changed (atomically; a failure only loses the cache)."""
        if self.path is None or not self.changed:
            return
        self.data["version"] = __version__
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            gitignore = self.path.parent / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# Created by factcheck: nothing here belongs in git.\n*\n",
                                     encoding="utf-8")
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(self.data, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
        except OSError:
            return
