"""No traceback, ever: every bad input is a located warning, and the build goes on.

Each case is a real Sphinx build of a one-page MyST project with a broken facts file or setting;
the build must finish, write its page, and report exactly one located finding for the fault.
"""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

PAGE = "# Page\n\nSigned on {fact}`October 10, 1939 <signed>`; rendered: {fact}`signed`.\n"
GOOD = "signed:\n  value: 1939-10-10\n  label: The treaty is signed\n"


def build(tmp_path: Path, facts: bytes | None, *, conf: str = "", page: str = PAGE,
          facts_name: str = "facts.yaml") -> tuple[SphinxTestApp, list[str]]:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text("extensions = ['myst_parser', 'factcheck']\n"
                                 "exclude_patterns = ['_build']\n" + conf, encoding="utf-8")
    (src / "index.md").write_text(page, encoding="utf-8")
    if facts is not None:
        (src / facts_name).write_bytes(facts)
    app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "_build", freshenv=True,
                        status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    log = strip_colors(app.warning.getvalue() + app.status.getvalue())
    assert "Traceback" not in log
    assert (Path(app.outdir) / "index.html").is_file()  # the build went on
    return app, [line for line in log.splitlines() if "[factcheck." in line]


def test_facts_path_is_a_directory(tmp_path: Path) -> None:
    (tmp_path / "src" / "facts").mkdir(parents=True)
    src = tmp_path / "src"
    (src / "conf.py").write_text("extensions = ['myst_parser', 'factcheck']\n"
                                 "factcheck_facts = 'facts'\n", encoding="utf-8")
    (src / "index.md").write_text(PAGE, encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "_build", freshenv=True,
                        status=StringIO(), warning=StringIO())
    app.build()
    app.cleanup()
    log = strip_colors(app.warning.getvalue())
    assert "Traceback" not in log
    assert (f"{src / 'facts'}:: WARNING: the facts path {src / 'facts'} is a directory, not a "
            "YAML file (set factcheck_facts to the file) [factcheck.facts-file]") in log


def test_facts_file_that_is_not_utf8(tmp_path: Path) -> None:
    app, found = build(tmp_path, GOOD.encode() + b"other:\n  value: 1\n  label: caf\xe9\n")
    assert found[0] == (f"{app.srcdir / 'facts.yaml'}:6: WARNING: the facts file is not UTF-8: "
                        "byte 0xe9 cannot be read (save the file as UTF-8) [factcheck.facts-file]")


def test_a_number_of_thousands_of_digits(tmp_path: Path) -> None:
    huge = "9" * 4300
    app, found = build(tmp_path, (GOOD + f"huge:\n  value: {huge}\n  label: big\n").encode())
    assert found == [f"{app.srcdir / 'facts.yaml'}:5: WARNING: fact 'huge': a number of 4300 "
                     "digits is more than a fact needs (at most 300) [factcheck.facts-file]"]


def test_yaml_nested_500_deep(tmp_path: Path) -> None:
    deep = "deep:\n  value: " + "[" * 500 + "]" * 500 + "\n  label: x\n"
    app, found = build(tmp_path, (GOOD + deep).encode())
    assert found == [f"{app.srcdir / 'facts.yaml'}:5: WARNING: 'value' of fact 'deep' must be "
                     "a single value, not a list or a mapping [factcheck.facts-file]",
                     f"{app.srcdir / 'facts.yaml'}:4: WARNING: fact 'deep' lacks value "
                     "[factcheck.facts-file]"]


def test_the_date_year_zero(tmp_path: Path) -> None:
    page = PAGE + "\nZero: {fact}`zero`.\n"
    app, found = build(tmp_path, (GOOD + "zero:\n  value: 0000-01-01\n  label: z\n").encode(),
                       page=page)
    facts = app.srcdir / "facts.yaml"
    assert found == [
        f"{facts}:5: WARNING: fact 'zero': '0000-01-01' is not a date: year 0 is outside the "
        "calendar this check knows (1–9999; there is no year 0) [factcheck.facts-file]",
        f"{app.srcdir / 'index.md'}:5: WARNING: fact 'zero' has an invalid value "
        "(facts.yaml:5) [factcheck.facts-file]",
    ]


def test_an_invalid_date_format(tmp_path: Path) -> None:
    conf = "factcheck_date_format = 'd MMMMMM y HH:mm'\n"  # Babel cannot use it for a date
    app, found = build(tmp_path, GOOD.encode(), conf=conf)
    assert len(found) == 1
    assert found[0].startswith(f"{app.srcdir / 'conf.py'}:: WARNING: factcheck_date_format "
                               "'d MMMMMM y HH:mm' cannot be used: ")
    assert found[0].endswith("dates are rendered with 'long' instead [factcheck.config]")
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    # Both figures show October 10, 1939: the bound one as written, the bare role rendered
    # with 'long' instead of the unusable format.
    assert len(re.findall(r'class="fact-figure"[^>]*>October 10, 1939</button>', html)) == 2


def test_an_empty_value_is_reported_at_its_own_line(tmp_path: Path) -> None:
    app, found = build(tmp_path, (GOOD + "empty:\n  label: nothing\n  value:\n").encode())
    assert found == [f"{app.srcdir / 'facts.yaml'}:6: WARNING: fact 'empty': 'value' is empty "
                     "(write the value after 'value:', e.g. 1939-10-10) [factcheck.facts-file]"]


def test_a_fact_whose_value_cannot_be_typed_is_reported_once_and_its_uses_say_so(
        tmp_path: Path) -> None:
    page = PAGE + "\nBad: {fact}`20,000 <broken>` and again {fact}`broken`.\n"
    app, found = build(tmp_path, (GOOD + "broken:\n  value: 20,00\n  label: b\n").encode(),
                       page=page)
    facts, index = app.srcdir / "facts.yaml", app.srcdir / "index.md"
    assert found == [
        f"{facts}:5: WARNING: fact 'broken': '20,00' has misplaced thousands separators "
        "[factcheck.facts-file]",
        f"{index}:5: WARNING: fact 'broken' has an invalid value (facts.yaml:5) "
        "[factcheck.facts-file]",
        f"{index}:5: WARNING: fact 'broken' has an invalid value (facts.yaml:5) "
        "[factcheck.facts-file]",
    ]
    assert "did you mean" not in "\n".join(found)


def test_a_missing_facts_file_names_the_path(tmp_path: Path) -> None:
    app, found = build(tmp_path, None)
    missing = app.srcdir / "facts.yaml"
    assert found[0] == (f"{missing}:: WARNING: cannot read the facts file {missing}: No such "
                        "file or directory [factcheck.facts-file]")


def test_a_label_cannot_forge_lines_in_the_build_log(tmp_path: Path) -> None:
    label = '"Soviet troops\\n/etc/passwd:1: WARNING: forged [factcheck.mismatch]\\x1b[2J"'
    facts = f"troops:\n  value: 20,000\n  label: {label}\n".encode()
    page = "# Page\n\nThere were {fact}`25,000 <troops>` troops.\n"
    app, found = build(tmp_path, facts, page=page)
    assert len(found) == 1
    assert found[0].startswith(f"{app.srcdir / 'index.md'}:3: WARNING: the text states "
                               "'25,000' but fact 'troops' (Soviet troops /etc/passwd:1: ")
    log = app.warning.getvalue()
    assert "\x1b[2J" not in log
    assert not any(line.startswith("/etc/passwd") for line in log.splitlines())


@pytest.mark.parametrize(("value", "message"), [
    ("28 September 1939", "'28 September 1939' is a date written as prose writes it: write it "
                          "as 1939-09-28"),
    ("twenty", "'twenty' is not a value the facts file reads (dates are written 1939-10-10"),
])
def test_a_value_written_as_prose_is_explained(tmp_path: Path, value: str, message: str) -> None:
    app, found = build(tmp_path, (GOOD + f"odd:\n  value: {value}\n  label: o\n").encode())
    assert len(found) == 1
    assert found[0].startswith(f"{app.srcdir / 'facts.yaml'}:5: WARNING: fact 'odd': {message}")
    assert "is not a number" not in found[0]


def test_arbitrary_bytes_as_facts_file_never_crash(tmp_path: Path) -> None:
    junk = bytes(range(256)) * 3 + b"\n: - [ { !!python/object:os.system\n"
    app, found = build(tmp_path, junk)
    assert found and all(re.search(r"\[factcheck\.[\w-]+\]$", line) for line in found)


def test_a_figure_numbered_past_the_end_of_its_file(tmp_path: Path) -> None:
    # MyST numbers the lines of an HTML admonition nested in a directive past the end of the
    # file (MyST-Parser's own docs/syntax/optional.md ends so); the locator must not index there.
    page = ("# Page\n\n```{note}\n<div class=\"admonition\">\n<p>Some content</p>\n"
            "  <div class=\"admonition tip\">\n  <p>It has 2 paragraphs</p>\n  </div>\n"
            "</div>\n```\n")
    conf = "myst_enable_extensions = ['html_admonition']\nfactcheck_strict = True\n"
    app, found = build(tmp_path, b"", conf=conf, page=page)
    assert len(found) == 1
    assert re.fullmatch(rf"{re.escape(str(app.srcdir / 'index.md'))}:\d+: WARNING: unbound "
                        r"figure '2': .*\[factcheck\.unbound\]", found[0])
