"""Find the exact source line of a mention.

Docutils and MyST give a line to block nodes (the first line of a paragraph, a table, a title),
not to the text inside them, and MyST gives roles no line at all.  A figure in the fourth line of
a paragraph must still be reported at that line, so the locator searches the source file for the
mention, starting at its block's first line.  Mentions of one block are located in document order
with a cursor, so the second "20,000" of a paragraph is found after the first.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from docutils.utils import get_source_line


class SourceLocator:
    """Locates mentions in the source files of one document (and the files it includes)."""

    def __init__(self, default_source: str) -> None:
        self._default_source = default_source
        self._texts: dict[str, str | None] = {}
        self._line_starts: dict[str, list[int]] = {}
        # (source, block's first line) -> offset after the last mention found in that block
        self._cursors: dict[tuple[str, int], int] = {}

    def locate(self, node: nodes.Node, needle: str) -> tuple[str, int]:
        """``(source path, line)`` of ``needle`` as written inside ``node``'s block."""
        source, hint = get_source_line(node)
        source = source or self._default_source
        hint = hint or 1
        text = self._text(source)
        if text is None:
            return source, hint
        starts = self._line_starts[source]
        block_start = starts[min(hint, len(starts)) - 1]
        pattern = _needle_pattern(needle)
        cursor_key = (source, hint)
        match = pattern.search(text, max(block_start, self._cursors.get(cursor_key, 0)))
        if match is None:  # the block line may be the last line of the block (some parsers)
            before = [m for m in pattern.finditer(text, 0, block_start)]
            match = before[-1] if before else None
        if match is None:
            return source, hint
        self._cursors[cursor_key] = match.end()
        return source, text.count("\n", 0, match.start()) + 1

    def _text(self, source: str) -> str | None:
        if source not in self._texts:
            try:
                text: str | None = Path(source).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = None
            self._texts[source] = text
            if text is not None:
                self._line_starts[source] = [0] + [m.end() for m in re.finditer("\n", text)]
        return self._texts[source]


def _needle_pattern(needle: str) -> re.Pattern[str]:
    # Whitespace may be a line break in the source; a figure must not match inside a longer one.
    body = r"\s+".join(re.escape(part) for part in needle.split())
    before = r"(?<![\w.,])" if needle[:1].isalnum() else ""
    after = r"(?![\w])" if needle[-1:].isalnum() else ""
    return re.compile(before + body + after)
