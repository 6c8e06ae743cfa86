"""bind's text edits: exact spans, encodings and line endings kept, atomic writes, refusals.

The prose is real: sentences from QuantEcon's "A First Course in Quantitative Economics with
Python" (lectures/inflation_history.md, CC BY-SA 4.0), which nobody on this project wrote.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from factcheck import rewrite
from factcheck.rewrite import Edit, RewriteError, apply_edits, plan, role_edit, write

GREAT_WAR = ("After the outbreak of the Great War in 1914, the four countries left the gold "
             "standard and in so doing acquired the ability to print money to finance government "
             "expenditures.")
ARMISTICE = ("In the wake of World War I, which ended in November 1918, monetary and fiscal "
             "authorities struggled to achieve price level stability without being on a gold or "
             "silver standard.")
PRE_WAR = ("we hesitate to criticize advocates of a gold or silver standard for their preference "
           "to stay on the pre-1914 gold/silver standard.")


def page(newline: str) -> str:
    return newline.join(["# Inflation", "", GREAT_WAR, "", ARMISTICE, ""])


def edits_for(text: str) -> list[Edit]:
    """Bind 1914 (line 3) and November 1918 (line 5) as the CLI would, from line and column."""
    lines = re.split(r"\r\n|\r|\n", text)
    spans = [(3, "1914", "ww1-start"), (5, "November 1918", "ww1-end")]
    result = []
    for line, figure, fact_id in spans:
        span = Edit.at(text, line, lines[line - 1].index(figure) + 1, figure, "")
        result.append(role_edit(text, span.start, span.end, fact_id, "markdown"))
    return result


# --------------------------------------------------------------------------- pure edits


def test_edit_at_line_and_column_with_every_line_ending() -> None:
    for newline in ("\n", "\r\n", "\r"):
        text = page(newline)
        edit = Edit.at(text, 5, ARMISTICE.index("November") + 1, "November 1918", "X")
        assert text[edit.start:edit.end] == "November 1918", repr(newline)


def test_edit_at_bytes_counts_utf8_bytes() -> None:
    text = "Šiauliai and Alytus, 1939"
    edit = Edit.at_bytes(text, len("Šiauliai and Alytus, ".encode()), "1939", "X")
    assert text[edit.start:edit.end] == "1939"
    with pytest.raises(RewriteError, match="inside a character"):
        Edit.at_bytes(text, 1, "x", "y")  # the middle of 'Š'


def test_apply_edits_changes_only_the_spans() -> None:
    text = page("\n")
    after = apply_edits(text, edits_for(text))
    assert after == page("\n").replace(" 1914,", " {fact}`1914 <ww1-start>`,").replace(
        "November 1918", "{fact}`November 1918 <ww1-end>`")


def test_a_span_that_no_longer_holds_the_figure_is_refused() -> None:
    text = page("\n")
    edits = edits_for(text)
    once = apply_edits(text, edits)
    with pytest.raises(RewriteError, match=r"expected '1914' but the file has '\{fac' there"):
        apply_edits(once, edits)  # the same edits a second time


def test_overlapping_and_out_of_range_edits_are_refused() -> None:
    text = GREAT_WAR
    start = text.index("1914")
    with pytest.raises(RewriteError, match="overlap"):
        apply_edits(text, [Edit(start, start + 4, "1914", "a"), Edit(start + 2, start + 4, "14",
                                                                     "b")])
    with pytest.raises(RewriteError, match="outside the file"):
        apply_edits(text, [Edit(len(text), len(text) + 4, "1914", "a")])


def test_role_markup_for_myst_and_rst() -> None:
    text = PRE_WAR
    start = text.index("1914")
    assert role_edit(text, start, start + 4, "ww1-start", "markdown").replacement == \
        "{fact}`1914 <ww1-start>`"
    # After "pre-" a role is recognised in reStructuredText ('-' is a delimiter) ...
    assert role_edit(text, start, start + 4, "ww1-start", "restructuredtext").replacement == \
        ":fact:`1914 <ww1-start>`"
    # ... but not after a letter or before one: escaped spaces set it off.
    glued = "the FY1914budget"
    start = glued.index("1914")
    assert role_edit(glued, start, start + 4, "ww1-start", "restructuredtext").replacement == \
        "\\ :fact:`1914 <ww1-start>`\\ "
    with pytest.raises(RewriteError):
        role_edit("a `1914` b", 2, 8, "x", "markdown")


def test_unified_diff_keeps_line_endings_and_marks_a_missing_final_newline() -> None:
    before = "a\r\nb\r\nc"
    after = "a\r\nB\r\nc"
    diff = rewrite.unified_diff("docs/x.md", before, after)
    assert diff == ("--- a/docs/x.md\n+++ b/docs/x.md\n@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n"
                    " c\n\\ No newline at end of file\n")


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize("bom", [False, True], ids=["utf8", "utf8-bom"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_write_keeps_encoding_and_line_endings_and_nothing_else(
        tmp_path: Path, bom: bool, newline: str) -> None:
    path = tmp_path / "inflation.md"
    text = page(newline) + "Wholesale prices, Poland, 1921–1924\u00a0(page 44)" + newline
    original = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    path.write_bytes(original)
    os.chmod(path, 0o640)
    planned = plan(path, edits_for(text), label="docs/inflation.md")
    assert planned.changed
    assert write(planned) is True
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") is bom
    expected = original.replace(b" 1914,", b" {fact}`1914 <ww1-start>`,").replace(
        b"November 1918", b"{fact}`November 1918 <ww1-end>`")
    assert data == expected  # byte for byte: the rest, BOM and line endings untouched
    assert data.count(b"\r\n") == original.count(b"\r\n")
    assert oct(os.stat(path).st_mode & 0o777) == oct(0o640)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inflation.md"]  # no temporary left
    # The same edits again are refused, and the file stays as the first run left it.
    with pytest.raises(RewriteError, match="changed since it was checked"):
        plan(path, edits_for(text))
    assert path.read_bytes() == expected


def test_diff_applies_with_git_apply(tmp_path: Path) -> None:
    git = shutil.which("git")
    assert git, "git is needed to check that the diff is a valid patch"
    for name, newline in (("lf.md", "\n"), ("crlf.md", "\r\n")):
        (tmp_path / name).write_bytes(page(newline).encode())
    subprocess.run([git, "init", "-q"], cwd=tmp_path, check=True)
    diffs = []
    for name, newline in (("lf.md", "\n"), ("crlf.md", "\r\n")):
        planned = plan(tmp_path / name, edits_for(page(newline)), label=name)
        diffs.append(planned.diff)
    patch = tmp_path / "bind.patch"
    patch.write_bytes("".join(diffs).encode())
    subprocess.run([git, "apply", "--whitespace=nowarn", str(patch)], cwd=tmp_path, check=True,
                   capture_output=True)
    for name, newline in (("lf.md", "\n"), ("crlf.md", "\r\n")):
        assert (tmp_path / name).read_bytes() == apply_edits(
            page(newline), edits_for(page(newline))).encode()


def test_a_file_changed_after_planning_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text(page("\n"), encoding="utf-8")
    planned = plan(path, edits_for(page("\n")))
    path.write_text(page("\n") + "An editor's new line.\n", encoding="utf-8")
    with pytest.raises(RewriteError, match="changed on disk"):
        write(planned)
    assert path.read_text(encoding="utf-8").endswith("An editor's new line.\n")


def test_a_failed_replace_leaves_the_file_and_no_temporary(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "page.md"
    path.write_text(page("\n"), encoding="utf-8")
    planned = plan(path, edits_for(page("\n")))

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rewrite.os, "replace", disk_full)
    with pytest.raises(OSError, match="No space"):
        write(planned)
    assert path.read_text(encoding="utf-8") == page("\n")
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]


def test_a_symlinked_page_is_edited_through_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text(page("\n"), encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write(plan(link, edits_for(page("\n"))))
    assert link.is_symlink()
    assert "{fact}`1914 <ww1-start>`" in real.read_text(encoding="utf-8")


def test_non_utf8_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes("Kaunas, 1939 – Šiauliai".encode("cp1257"))
    with pytest.raises(RewriteError, match="not UTF-8"):
        plan(path, [])


def test_no_edits_write_nothing(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text(page("\n"), encoding="utf-8")
    before = os.stat(path).st_mtime_ns
    planned = plan(path, [])
    assert not planned.changed and planned.diff == ""
    assert write(planned) is False
    assert os.stat(path).st_mtime_ns == before


# --------------------------------------------------------------------------- a real build

FACTS = """\
ww1-start:
  value: 1914
  label: The Great War breaks out
ww1-end:
  value: 1918-11
  label: World War I ends
countries:
  value: 4
  label: Hard-currency countries whose price levels are compared
"""


def _unbound(app: SphinxTestApp) -> list[tuple[str, int, str]]:
    found = []
    for line in strip_colors(app.warning.getvalue()).splitlines():
        match = re.search(r"/([\w.]+):(\d+): WARNING: unbound figure '([^']+)'", line)
        if match:
            found.append((match[1], int(match[2]), match[3]))
    return found


def test_bound_pages_build_clean_and_read_the_same(tmp_path: Path) -> None:
    """Edit the figures Sphinx reports as unbound, in MyST and rST; the rebuild reports
    nothing and the pages read exactly as before."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["myst_parser", "factcheck"]\n'
                                 'factcheck_strict = True\nexclude_patterns = ["_build"]\n',
                                 encoding="utf-8")
    (src / "facts.yaml").write_text(FACTS, encoding="utf-8")
    md = f"# Inflation\n\n```{{toctree}}\nwar\n```\n\n{GREAT_WAR}\n\n{ARMISTICE}\n"
    rst = f"War\n===\n\n{ARMISTICE}\n\nSome {PRE_WAR}\n"
    (src / "index.md").write_bytes(md.replace("\n", "\r\n").encode())  # CRLF, as on Windows
    (src / "war.rst").write_bytes(b"\xef\xbb\xbf" + rst.encode())  # with a BOM

    def build() -> SphinxTestApp:
        app = SphinxTestApp("text", srcdir=src, builddir=tmp_path / "_build", freshenv=True)
        try:
            app.build()
        finally:
            app.cleanup()
        return app

    first = build()
    before = {p.name: p.read_text(encoding="utf-8")
              for p in (tmp_path / "_build" / "text").glob("*.txt")}
    found = _unbound(first)
    assert found == [("index.md", 7, "1914"), ("index.md", 7, "four"),
                     ("index.md", 9, "November 1918"), ("war.rst", 4, "November 1918"),
                     ("war.rst", 6, "1914")]
    ids = {"1914": "ww1-start", "November 1918": "ww1-end", "four": "countries"}
    syntax = {".md": "markdown", ".rst": "restructuredtext"}
    for name in ("index.md", "war.rst"):
        path = src / name
        source = rewrite.read_source(path)
        lines = re.split(r"\r\n|\n", source.text)
        edits = []
        for _, line, figure in [f for f in found if f[0] == name]:
            span = Edit.at(source.text, line, lines[line - 1].index(figure) + 1, figure, "")
            edits.append(role_edit(source.text, span.start, span.end, ids[figure],
                                   syntax[path.suffix]))
        write(plan(path, edits))
    assert (src / "index.md").read_bytes().count(b"\r\n") == md.count("\n")
    assert (src / "war.rst").read_bytes().startswith(b"\xef\xbb\xbf")

    second = build()
    assert strip_colors(second.warning.getvalue()).strip() == ""  # bound, and agreeing
    after = {p.name: p.read_text(encoding="utf-8")
             for p in (tmp_path / "_build" / "text").glob("*.txt")}
    assert after == before
