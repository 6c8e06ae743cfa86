"""Text edits for ``factcheck bind``: the role markup for a figure, a unified diff, an atomic write.

Pure text editing, with three promises: nothing but the edited spans changes (the bytes of the
rest of the file, its UTF-8 byte order mark if it has one and its line endings stay as they
were); an edit is refused unless its span still holds the text it was computed from (so a file
changed since it was read, or edits applied a second time, are refused, not mangled); and a
file is replaced atomically (written to a temporary file in the same directory, then
``os.replace``), so a crash leaves the old file or the new one, never half of each.

Offsets count characters (code points) of the file's text as decoded from UTF-8, after the byte
order mark and with line endings untranslated; lines and columns are 1-based, columns in
characters.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docutils.utils import punctuation_chars

from factcheck.settings import InputError

BOM = b"\xef\xbb\xbf"
_LINE_END = re.compile(r"\r\n|\r|\n")

# reStructuredText recognises inline markup only after whitespace or an opening or delimiting
# punctuation mark, and only before whitespace or a closing or delimiting one (docutils'
# Inliner.start_string_prefix and end_string_suffix); elsewhere the role needs an escaped
# space ("\ "), which docutils drops from the output.
_RST_BEFORE = re.compile(rf"\s|[{punctuation_chars.openers}{punctuation_chars.delimiters}]")
_RST_AFTER = re.compile(rf"\s|[{punctuation_chars.closing_delimiters}"
                        rf"{punctuation_chars.delimiters}{punctuation_chars.closers}]")


class RewriteError(InputError):
    """An edit that cannot be made as asked; the file is left as it was."""


@dataclass(frozen=True)
class Edit:
    """Replace ``expected`` at ``start:end`` (character offsets) with ``replacement``."""

    start: int
    end: int
    expected: str
    replacement: str

    @classmethod
    def at(cls, text: str, line: int, column: int, expected: str, replacement: str) -> Edit:
        """The edit of ``expected`` written at ``line``:``column`` (1-based) of ``text``."""
        starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
        if not 1 <= line <= len(starts) or column < 1:
            raise RewriteError(f"line {line}, column {column} is outside the text")
        start = starts[line - 1] + column - 1
        return cls(start, start + len(expected), expected, replacement)

    @classmethod
    def at_bytes(cls, text: str, offset: int, expected: str, replacement: str) -> Edit:
        """The edit of ``expected`` at byte ``offset`` of the UTF-8 text (after any BOM)."""
        try:
            start = len(text.encode("utf-8")[:offset].decode("utf-8"))
        except UnicodeDecodeError:
            raise RewriteError(f"byte offset {offset} falls inside a character") from None
        return cls(start, start + len(expected), expected, replacement)


@dataclass(frozen=True)
class Source:
    """A text file as read: its bytes, its decoded text and whether it starts with a BOM."""

    path: Path
    raw: bytes
    text: str
    bom: bool

    def encode(self, text: str) -> bytes:
        return (BOM if self.bom else b"") + text.encode("utf-8")


def read_source(path: Path) -> Source:
    raw = Path(path).read_bytes()
    bom = raw.startswith(BOM)
    try:
        # bytes.decode translates no line endings: CRLF stays CRLF.
        text = raw[len(BOM) if bom else 0:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RewriteError(f"{path}: not UTF-8 (byte {exc.start}); factcheck edits only UTF-8 "
                           "files") from None
    return Source(Path(path), raw, text, bom)


def apply_edits(text: str, edits: Sequence[Edit], *, name: str = "<text>") -> str:
    """``text`` with every edit made; refuse overlapping edits and spans that changed."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.start < before.end:
            raise RewriteError(f"{name}: edits overlap at {_where(text, after.start)}")
    for edit in ordered:
        if not 0 <= edit.start <= edit.end <= len(text):
            raise RewriteError(f"{name}: an edit ({edit.start}:{edit.end}) lies outside the file")
        found = text[edit.start:edit.end]
        if found != edit.expected:
            raise RewriteError(f"{name}:{_where(text, edit.start)}: expected {edit.expected!r} "
                               f"but the file has {found!r} there: it changed since it was "
                               "checked (or the edit was already made); run the command again")
    pieces, last = [], 0
    for edit in ordered:
        pieces += [text[last:edit.start], edit.replacement]
        last = edit.end
    pieces.append(text[last:])
    return "".join(pieces)


def _where(text: str, offset: int) -> str:
    line = len(_LINE_END.findall(text, 0, offset)) + 1
    starts = [0] + [m.end() for m in _LINE_END.finditer(text, 0, offset)]
    return f"{line}:{offset - starts[-1] + 1}"


def unified_diff(label: str, before: str, after: str) -> str:
    """A unified diff (``--- a/label``, ``+++ b/label``), line endings kept as in the file."""
    lines = []
    for line in difflib.unified_diff(_lines(before), _lines(after), f"a/{label}", f"b/{label}"):
        lines.append(line)
        if not line.endswith(("\n", "\r")):
            lines.append("\n\\ No newline at end of file\n")
    return "".join(lines)


def _lines(text: str) -> list[str]:
    # Only CR, LF and CRLF end lines (str.splitlines also splits at U+2028, form feeds …).
    return re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)


@dataclass(frozen=True)
class Rewrite:
    """The planned change of one file: its text before and after, and the diff between them."""

    source: Source
    after: str
    label: str

    @property
    def changed(self) -> bool:
        return self.after != self.source.text

    @property
    def diff(self) -> str:
        return unified_diff(self.label, self.source.text, self.after)


def plan(path: Path, edits: Sequence[Edit], *, label: str | None = None) -> Rewrite:
    """Read ``path`` and make ``edits`` in memory (nothing is written)."""
    source = read_source(path)
    name = label or str(path)
    return Rewrite(source, apply_edits(source.text, edits, name=name), name)


def write(rewrite: Rewrite) -> bool:
    """Replace the file with the planned text, atomically; ``False`` when there is no change.

    Refused when the file on disk is no longer what the plan was made from.
    """
    if not rewrite.changed:
        return False
    path = rewrite.source.path
    if Path(path).read_bytes() != rewrite.source.raw:
        raise RewriteError(f"{rewrite.label}: changed on disk since it was read; nothing written")
    write_atomic(Path(path), rewrite.source.encode(rewrite.after))
    return True


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and move it over ``path``."""
    target = Path(os.path.realpath(path))  # replace a symlink's target, not the link
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:  # a new file: the mode open() would give it
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                     suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def role_edit(text: str, start: int, end: int, fact_id: str, syntax: str) -> Edit:
    """The edit that binds the figure at ``text[start:end]`` to ``fact_id`` with a ``fact`` role.

    ``syntax`` is ``"markdown"`` (MyST: ``{fact}`20,000 <troops>```) or ``"restructuredtext"``
    (``:fact:`20,000 <troops>```; where the figure touches a letter, as in ``x20``, the role is
    set off with escaped spaces, ``x\\ :fact:`20 <id>```, which docutils removes).
    """
    figure = text[start:end]
    if not figure or "`" in figure or "<" in figure or "\n" in figure or "\r" in figure:
        raise RewriteError(f"cannot write a role around {figure!r}")
    if syntax == "markdown":
        return Edit(start, end, figure, f"{{fact}}`{figure} <{fact_id}>`")
    if syntax != "restructuredtext":
        raise RewriteError(f"no role syntax for {syntax!r} sources")
    markup = f":fact:`{figure} <{fact_id}>`"
    if start > 0 and not _RST_BEFORE.match(text[start - 1]):
        markup = "\\ " + markup
    if end < len(text) and not _RST_AFTER.match(text[end]):
        markup += "\\ "
    return Edit(start, end, figure, markup)
