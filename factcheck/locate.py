"""Find the exact source line (and column) of a mention, in time that does not grow with the file.

A block knows its first line, and a figure's offset in the block's text gives the line breaks
before it: that is the first guess.  The guess is then checked against the source with a plain
string search for the figure's first digits or letters (no regular expression is compiled per
mention), moving forward a few lines where the parser gives one line to a whole table (MyST gives
every cell the table's first line) and back a line where it gives the line after a title.  A
figure the source does not hold verbatim (an escaped ``10\\%``, ``20&nbsp;000``) keeps the first
guess, never the line of some other, identical figure elsewhere in the file.
"""

from __future__ import annotations

import re
from pathlib import Path

#: How far from the first guess a figure is looked for: forward (table rows), then back.
FORWARD, BACKWARD = 40, 2
_NEEDLE = re.compile(r"[^\W_]+")
#: An rST section adornment: one punctuation character repeated, nothing else on the line.
_ADORNMENT = re.compile(r"^([!-/:-@\[-`{-~])\1+\s*$")


class SourceLocator:
    """Locates mentions in the source files of one document (and the files it includes)."""

    def __init__(self) -> None:
        self._lines: dict[str, list[str] | None] = {}
        # (source, block's first line) -> (line, column) after the last mention found there
        self._cursors: dict[tuple[str, int], tuple[int, int]] = {}

    def locate(self, source: str, block_line: int, guess: int, text: str) -> tuple[int, int]:
        """``(line, column)`` of ``text`` in ``source``, starting from the line ``guess``."""
        lines = self._source(source)
        needle = _needle(text)
        if lines is None or not needle:
            return guess, 0
        if 1 < guess <= len(lines) and _ADORNMENT.match(lines[guess - 1]):
            # docutils gives an rST section title the line of its underline: the title is the
            # line above (searching forward from the underline would find a later figure).
            guess -= 1
        key = (source, block_line)
        after_line, after_column = self._cursors.get(key, (0, 0))
        start = max(guess, after_line)
        for number in range(start, min(start + FORWARD, len(lines)) + 1):
            column = _find(lines[number - 1], needle,
                           after_column if number == after_line else 0)
            if column >= 0:
                self._cursors[key] = (number, column + len(needle))
                return number, column + 1
        # A parser may number nested content past the end of the file (MyST's HTML admonition
        # inside a directive): look back from the last line, never past it.
        for number in range(min(guess - 1, len(lines)), max(guess - BACKWARD, 1) - 1, -1):
            column = _find(lines[number - 1], needle, 0)
            if column >= 0:
                return number, column + 1
        return guess, 0

    def _source(self, source: str) -> list[str] | None:
        if source not in self._lines:
            try:
                text = Path(source).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError, ValueError):
                self._lines[source] = None
            else:
                self._lines[source] = text.splitlines()
        return self._lines[source]


def _needle(text: str) -> str:
    """What to look for: the figure's first word (``10`` of ``10\\%``, ``Sept`` of
    ``Sept. 17``), skipping a short leading word such as "the" that any line may hold."""
    runs = _NEEDLE.findall(text)
    if len(runs) > 1 and runs[0].isalpha() and len(runs[0]) <= 3:
        return runs[1]
    return runs[0] if runs else ""


def _find(line: str, needle: str, start: int) -> int:
    """The column of ``needle`` in ``line`` as a whole token (not the "10" of "100")."""
    column = line.find(needle, start)
    while column >= 0:
        before = line[column - 1] if column else " "
        end = column + len(needle)
        after = line[end] if end < len(line) else " "
        if not (before.isalnum() or after.isalnum()):
            return column
        column = line.find(needle, column + 1)
    return -1
