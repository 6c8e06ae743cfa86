"""Real Sphinx builds of the test roots in ``tests/roots``: every finding, exactly where it is.

Warnings are read from ``app.warning`` (colour codes stripped) and parsed into
``(file relative to the source dir, line, subtype, message)``; the tests compare whole lists, so a
missing, extra, misplaced or reordered finding fails them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from conftest import Finding, html, notes_of, short, unbound, warnings_of
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from factcheck.config import CONFIG_VALUES
from factcheck.facts import SCHEMA
from factcheck.findings import Subtype

ROOTS = Path(__file__).parent / "roots"

# --------------------------------------------------------------------------- test-findings

MISMATCH_MD = ("the text states 'October 11, 1939' but fact 'treaty-signed' (The treaty is "
               "signed) is 1939-10-10, defined at facts.yaml:1")
FINDINGS: list[Finding] = [
    ("facts.yaml", 14, "facts-file",
     "fact 'bad-date': '1939-02-30' is not a date: February 1939 has 28 days"),
    ("index.md", 8, "mismatch", MISMATCH_MD),
    ("index.md", 10, "unbound", unbound("350")),
    ("index.md", 12, "unknown-id", "unknown fact id 'no-such-fact': facts.yaml does not define it"),
    ("index.md", 14, "unreadable", "cannot read one number in 'soon' (no figure) for fact "
                                   "'troops', defined at facts.yaml:4; bind each figure with its "
                                   "own role"),
    ("index.md", 16, "exemption", "exemption of '16th' gives no reason: write "
                                  "{nofact}`text <why this is not a claim>`"),
    ("page.rst", 4, "mismatch", "the text states '12 October 1939' but fact 'treaty-signed' (The "
                                "treaty is signed) is 1939-10-10, defined at facts.yaml:1"),
    ("page.rst", 6, "unbound", unbound("1941")),
    ("page.rst", 8, "unknown-id", "unknown fact id 'trop': facts.yaml does not define it (did you "
                                  "mean 'troops'?)"),
    ("page.rst", 8, "exemption", "exemption of '9th' gives no reason: write "
                                 "{nofact}`text <why this is not a claim>`"),
]
UNUSED_MESSAGE = "fact 'never-used' (A fact nobody states) is never stated or rendered"


@pytest.mark.sphinx("html", testroot="findings", freshenv=True)
def test_every_subtype_at_its_exact_place_in_myst_and_rst(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == FINDINGS
    # factcheck_unused defaults to 'info': a note in the status log, not a warning.
    assert notes_of(app) == [("facts.yaml", 10, "note", UNUSED_MESSAGE)]
    # The build itself went on: every page was written.
    assert {"index", "page", "exemptions"} <= {p.stem for p in Path(app.outdir).glob("*.html")}


@pytest.mark.parametrize("builder", ["latex", "text", "dirhtml"])
def test_other_builders_report_the_same_findings(make_app, rootdir: Path, tmp_path: Path,
                                                 builder: str) -> None:
    # The check runs while reading, whatever the output: a mismatch fails `make pdf` too.
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-findings", srcdir)
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    assert warnings_of(app) == FINDINGS


@pytest.mark.parametrize(
    ("mode", "warned", "noted"),
    [
        ("warning", [("facts.yaml", 10, "unused", UNUSED_MESSAGE)], []),
        ("info", [], [("facts.yaml", 10, "note", UNUSED_MESSAGE)]),
        ("off", [], []),
    ],
)
def test_unused_modes(make_app, rootdir: Path, tmp_path: Path, mode: str, warned: list,
                      noted: list) -> None:
    app = make_app("html", srcdir=rootdir / "test-findings", builddir=tmp_path / "_build",
                   confoverrides={"factcheck_unused": mode}, freshenv=True)
    app.build()
    findings = warnings_of(app)
    assert [f for f in findings if f[2] == "unused"] == warned
    assert [f for f in findings if f[2] != "unused"] == FINDINGS  # the rest is unchanged
    assert notes_of(app) == noted


def test_bad_unused_mode_is_a_config_error(make_app, rootdir: Path, tmp_path: Path) -> None:
    from sphinx.errors import ConfigError

    with pytest.raises(ConfigError, match="factcheck_unused must be one of info, warning, off"):
        make_app("html", srcdir=rootdir / "test-findings", builddir=tmp_path / "_build",
                 confoverrides={"factcheck_unused": "loud"}, freshenv=True)


@pytest.mark.sphinx("html", testroot="findings", freshenv=True,
                    confoverrides={"suppress_warnings": ["factcheck.unbound"]})
def test_suppress_warnings_by_subtype(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == [f for f in FINDINGS if f[2] != "unbound"]


@pytest.mark.sphinx("html", testroot="findings", freshenv=True,
                    confoverrides={"factcheck_strict": False})
def test_not_strict_puts_unbound_figures_in_the_status_log(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == [f for f in FINDINGS if f[2] != "unbound"]
    assert notes_of(app) == [  # in the order of the findings: unused facts come last
        ("index.md", 10, "note", unbound("350")),
        ("page.rst", 6, "note", unbound("1941")),
        ("facts.yaml", 10, "note", UNUSED_MESSAGE),
    ]
    assert "350" not in strip_colors(app.warning.getvalue())


@pytest.mark.sphinx("html", testroot="findings", freshenv=True,
                    confoverrides={"factcheck_enabled": False})
def test_disabled_reports_nothing_but_roles_render(app: SphinxTestApp) -> None:
    app.build()
    assert "factcheck" not in strip_colors(app.warning.getvalue())
    assert "factcheck" not in strip_colors(app.status.getvalue())
    page = html(app, "index")
    # A stated figure shows as written, a bare role shows the canonical value.
    assert '<span class="fact" data-fact="treaty-signed" id="fact-treaty-signed">' in page
    assert '<button type="button" class="fact-figure" popovertarget="fact-treaty-signed-note">' \
           "October 11, 1939</button>" in page
    # The bare role's canonical value, with the label in its note (no id in visible text).
    assert re.search(r'data-fact="troops" id="fact-troops"><button [^>]*>20,000</button>'
                     r'<span class="fact-note" [^>]*>.*?<span class="fact-note-label">'
                     r"Soviet troops allowed by the treaty</span>", page)
    assert ('<span class="fact-unknown" data-fact="no-such-fact" id="fact-no-such-fact">'
            'ghost</span>') in page
    assert '<span class="fact-exempt">7th</span>' in page


@pytest.mark.sphinx("html", testroot="findings", freshenv=True)
def test_label_is_escaped_in_the_note(app: SphinxTestApp) -> None:
    app.build()
    page = html(app, "index")
    assert ('<span class="fact-note-label">&lt;script&gt;alert(1)&lt;/script&gt; '
            '&amp; &quot;quoted&quot;</span>') in page
    assert "<script>alert(1)" not in page


@pytest.mark.sphinx("html", testroot="findings", freshenv=True)
def test_exemptions_table_lists_role_and_config_exemptions(app: SphinxTestApp) -> None:
    app.build()
    page = html(app, "exemptions")
    table = page[page.index('<table class="factcheck-table'):page.index("</table>")]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
    cells = [[re.sub(r"<[^>]+>", "", cell).strip()
              for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)] for row in rows]
    assert cells == [
        ["Page", "Figure", "Why it is not a claim", "Exempted by"],
        ["Findings", "16th", "(no reason given)", "role"],
        ["Findings", "7th", "unit designation", "role"],
        ["Findings", "66", "a road name, not a count", "config"],  # factcheck_exempt
        ["RST page", "9th", "(no reason given)", "role"],
    ]
    assert 'href="index.html">Findings</a>' in table
    assert 'href="page.html">RST page</a>' in table
    # The config-exempted figure is not reported as unbound (strict mode is on).
    assert not any("'66'" in message for *_, message in warnings_of(app))


@pytest.mark.sphinx("html", testroot="findings", freshenv=True,
                    confoverrides={"factcheck_facts": "broken.yaml"})
def test_malformed_facts_file_is_a_finding_not_a_traceback(app: SphinxTestApp) -> None:
    app.build()
    findings = warnings_of(app)
    assert findings[0] == ("broken.yaml", 6, "facts-file", "malformed YAML: while parsing a "
                           "flow sequence did not find expected ',' or ']'")
    # With no facts, every role names an unknown id; nothing else is lost.
    assert short(findings[1:]) == [  # on one line, in the order written
        ("index.md", 8, "unknown-id"), ("index.md", 10, "unknown-id"),
        ("index.md", 10, "unbound"), ("index.md", 12, "unknown-id"),
        ("index.md", 14, "unknown-id"), ("index.md", 16, "exemption"),
        ("index.md", 20, "unknown-id"), ("index.md", 20, "unknown-id"),
        ("page.rst", 4, "unknown-id"), ("page.rst", 6, "unbound"), ("page.rst", 6, "unknown-id"),
        ("page.rst", 8, "unknown-id"), ("page.rst", 8, "exemption"),
    ]
    assert "Traceback" not in app.warning.getvalue() + app.status.getvalue()


@pytest.mark.sphinx("html", testroot="findings", freshenv=True,
                    confoverrides={"factcheck_facts": "missing.yaml"})
def test_missing_facts_file_is_a_finding(app: SphinxTestApp) -> None:
    app.build()
    first = warnings_of(app)[0]
    assert first[:3] == ("missing.yaml", 0, "facts-file")  # the file, not "missing.yaml.rst"
    assert f"{app.srcdir / 'missing.yaml'}:: WARNING: cannot read" in strip_colors(
        app.warning.getvalue())
    assert first[3] == (f"cannot read the facts file {app.srcdir / 'missing.yaml'}: No such "
                        "file or directory")


# --------------------------------------------------------------------------- exact lines


@pytest.mark.sphinx("html", testroot="lines", freshenv=True)
def test_figures_are_reported_at_their_exact_line(app: SphinxTestApp) -> None:
    app.build()
    findings = warnings_of(app)
    assert all(subtype == "unbound" for _, _, subtype, _ in findings)
    assert [(path, line, message) for path, line, _, message in findings] == [
        ("index.md", 1, unbound("1918")),  # heading
        ("index.md", 10, unbound("101")),  # 4th line of a paragraph
        ("index.md", 16, unbound("303")),  # table cell, 3rd body row
        ("index.md", 19, unbound("404")),  # list item
        ("index.md", 22, unbound("505")),  # colon-fence admonition
        ("index.md", 27, unbound("606")),  # 2nd line of a fenced admonition
        ("index.md", 32, unbound("707")),  # footnote
        ("index.md", 45, unbound("808")),  # prose after the code: scanning goes on
        ("index.md", 47, unbound("909")),  # the same figure twice in one paragraph ...
        ("index.md", 48, unbound("909")),  # ... each at its own line
        ("index.md", 50, unbound("101")),  # a figure seen before, in a later paragraph
        ("other.rst", 1, unbound("1919")),  # rST title
        ("other.rst", 7, unbound("111")),  # 4th line of a paragraph
        ("other.rst", 10, unbound("222")),  # list item
        ("other.rst", 17, unbound("333")),  # grid table cell
        ("other.rst", 23, unbound("444")),  # admonition
        ("other.rst", 27, unbound("555")),  # footnote
        ("other.rst", 35, unbound("777")),  # rST title: docutils gives its underline's line
        ("other.rst", 38, unbound("777")),  # ... and the same figure just below it
        ("other.rst", 41, unbound("888")),  # overlined title
        ("other.rst", 44, unbound("888")),
    ]
    # Code blocks, inline code, indented code and URLs are not prose (1939..1948).
    text = app.warning.getvalue() + app.status.getvalue()
    for code in range(1939, 1949):
        assert f"'{code}'" not in text


@pytest.mark.sphinx("html", testroot="exclude", freshenv=True)
def test_excluded_docs_are_not_scanned_but_roles_are_checked(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == [
        ("api/ref.md", 5, "mismatch", "the text states '25,000' but fact 'troops' (Soviet troops) "
                                      "is 20,000, defined at facts.yaml:1"),
        ("index.md", 7, "unbound", unbound("1234")),
    ]


@pytest.mark.sphinx("html", testroot="reference", freshenv=True,
                    confoverrides={"factcheck_strict": True})
def test_reference_directive_renders_from_the_code(app: SphinxTestApp) -> None:
    app.build()
    page = html(app, "index")
    assert page.count('<table class="factcheck-table') == 4
    for value in CONFIG_VALUES:
        assert f'<span class="pre">{value.name}</span>' in page, value.name
    for subtype in Subtype:
        assert f'<span class="pre">factcheck.{subtype.value}</span>' in page, subtype
    for key, _, _ in SCHEMA:
        assert f'<span class="pre">{key}</span>' in page, key
    for kind in ("date (day)", "date (month)", "date (year)", "date (decade)", "number",
                 "percent", "fraction"):
        assert f"<p>{kind}</p>" in page, kind
    # The generated tables are not the author's prose: no figure in them is reported.
    assert warnings_of(app) == []
    assert notes_of(app) == []


# --------------------------------------------------------------------------- command line


def _sphinx_build(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", *map(str, args)],
                          capture_output=True, text=True, timeout=120, check=False)


def test_command_line_disable_and_fail_on_warnings(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-findings", src)
    disabled = _sphinx_build("-W", "-E", "-D", "factcheck_enabled=0", src, tmp_path / "out1")
    assert disabled.returncode == 0, disabled.stderr
    assert "factcheck" not in disabled.stderr + disabled.stdout
    assert (tmp_path / "out1" / "index.html").is_file()

    failing = _sphinx_build("-W", "-E", src, tmp_path / "out2")
    assert failing.returncode == 1, failing.stderr
    stderr = strip_colors(failing.stderr)
    assert f"{src / 'facts.yaml'}:14: WARNING: fact 'bad-date'" in stderr
    assert "[factcheck.facts-file]" in stderr
    assert "Traceback" not in stderr


# --------------------------------------------------------------------------- incremental


def _touch_later(path: Path, text: str) -> None:
    """Write ``text`` and move the mtime clearly forward, so Sphinx and the cache notice."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    later = max(before, path.stat().st_mtime_ns) + 2 * 10**9
    os.utime(path, ns=(later, later))


def _build(srcdir: Path, builddir: Path, read: list[list[str]], **kwargs) -> SphinxTestApp:
    """Build once; ``read`` gets the names of the documents Sphinx decided to (re-)read.

    The list comes from ``env-before-read-docs``, which Sphinx emits with exactly the documents
    it is about to read (new, changed on disk, and those ``env-get-outdated`` handlers return):
    it is the decision itself, not an interpretation of the log.
    """
    app = SphinxTestApp("html", srcdir=srcdir, builddir=builddir, status=StringIO(),
                        warning=StringIO(), **kwargs)
    app.connect("env-before-read-docs", lambda app, env, docnames: read.append(list(docnames)))
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def test_incremental_rebuild_rereads_only_pages_using_a_changed_fact(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-incremental", src)
    build = tmp_path / "_build"
    a_mismatch = ("a.md", 3, "mismatch", "the text states 'October 11, 1939' but fact 'alpha' "
                                         "(Alpha date) is 1939-10-10, defined at facts.yaml:1")
    c_unbound = ("c.md", 3, "unbound", unbound("777"))

    read: list[list[str]] = []
    first = _build(src, build, read, freshenv=True)
    assert read == [["a", "b", "c", "index"]]
    assert warnings_of(first) == [a_mismatch, c_unbound]

    # Nothing changed: nothing is re-read, and the unchanged page with a mismatch still fails.
    read.clear()
    second = _build(src, build, read)
    assert read == [[]]
    assert warnings_of(second) == [a_mismatch, c_unbound]

    # Change one fact's value (same length, so only the mtime tells the file changed).
    facts = src / "facts.yaml"
    _touch_later(facts, facts.read_text(encoding="utf-8").replace("20,000", "25,000"))
    read.clear()
    third = _build(src, build, read)
    assert read == [["b"]]  # only the page that uses 'beta'
    assert warnings_of(third) == [
        a_mismatch,
        ("b.md", 3, "mismatch", "the text states '20,000' but fact 'beta' (Beta count) is "
                                "25,000, defined at facts.yaml:4"),
        c_unbound,
    ]

    # A label change also re-reads the pages using that fact (its note shows the label).
    _touch_later(facts, facts.read_text(encoding="utf-8").replace("Alpha date", "Alpha day"))
    read.clear()
    fourth = _build(src, build, read)
    assert read == [["a"]]
    assert short(warnings_of(fourth)) == [("a.md", 3, "mismatch"), ("b.md", 3, "mismatch"),
                                          ("c.md", 3, "unbound")]
    assert "(Alpha day)" in warnings_of(fourth)[0][3]
    assert '<span class="fact-note-label">Alpha day</span>' in \
        (Path(fourth.outdir) / "a.html").read_text("utf-8")

    # Editing a page re-reads it: fixing the text removes its finding.
    _touch_later(src / "b.md", "# Page B\n\nThere were {fact}`25,000 <beta>` troops.\n")
    read.clear()
    fifth = _build(src, build, read)
    assert read == [["b"]]
    assert short(warnings_of(fifth)) == [("a.md", 3, "mismatch"), ("c.md", 3, "unbound")]


# --------------------------------------------------------------------------- parallel


PAGES = 14


def _parallel_root(root: Path, piddir: Path) -> Path:
    root.mkdir()
    piddir.mkdir()
    (root / "conf.py").write_text(
        "import os, pathlib\n"
        "extensions = ['myst_parser', 'factcheck']\n"
        "exclude_patterns = ['_build']\n"
        "factcheck_strict = True\n"
        "factcheck_unused = 'warning'\n"
        "def setup(app):\n"
        "    def record(app, doctree):\n"
        f"        pathlib.Path({str(piddir)!r}, app.env.docname).write_text(str(os.getpid()))\n"
        "    app.connect('doctree-read', record)\n",
        encoding="utf-8",
    )
    (root / "facts.yaml").write_text(
        "signed:\n  value: 1939-10-10\n  label: Signed\n"
        "troops:\n  value: 20,000\n  label: Troops\n"
        "idle:\n  value: 5\n  label: Never used\n",
        encoding="utf-8",
    )
    names = [f"p{i:02d}" for i in range(PAGES)]
    (root / "index.md").write_text("# Index\n\n```{toctree}\n" + "\n".join(names) + "\n```\n",
                                   encoding="utf-8")
    for i, name in enumerate(names):
        (root / f"{name}.md").write_text(
            f"# Page {name}\n\n"  # 'p00': digits glued to letters are no figure
            f"Signed on {{fact}}`October {i + 1}, 1939 <signed>` with\n"
            f"{{fact}}`{20000 + i:,} <troops>` troops and {100 + i} tanks.\n\n"
            f"Later {200 + i} guns and {{fact}}`x <nothing-{i}>`.\n",
            encoding="utf-8",
        )
    return root


def test_parallel_read_reports_exactly_what_serial_read_does(tmp_path: Path) -> None:
    piddir = tmp_path / "pids"
    src = _parallel_root(tmp_path / "src", piddir)
    logs = {}
    pids = {}
    for jobs in (2, 1):
        read: list[list[str]] = []
        app = _build(src, tmp_path / f"_build{jobs}", read, freshenv=True, parallel=jobs)
        assert len(read[0]) == PAGES + 1
        logs[jobs] = [line for line in strip_colors(app.warning.getvalue()).splitlines()
                      if "[factcheck." in line]
        pids[jobs] = {p.name: int(p.read_text()) for p in piddir.iterdir()}
        assert len(pids[jobs]) == PAGES + 1
        progress = [line for line in strip_colors(app.status.getvalue()).splitlines()
                    if line.startswith("reading sources... ")]
        if jobs == 2:
            # Sphinx reports parallel reading per chunk of documents, serial reading per page.
            assert app.is_parallel_allowed("read")
            assert 2 <= len(progress) < PAGES + 1
        else:
            assert len(progress) == PAGES + 1
        for p in piddir.iterdir():
            p.unlink()

    # Parallel reading really happened: the pages were read in more than one worker process,
    # none of them this (the main) process; serially, every page was read here.
    assert len(set(pids[2].values())) >= 2
    assert os.getpid() not in pids[2].values()
    assert set(pids[1].values()) == {os.getpid()}

    # Identical findings, in the identical order.
    assert logs[2] == logs[1]
    # ... and they are the complete set: per page a mismatch of 'signed' (right only on p09,
    # "October 10"), one of 'troops' (right only on p00), 2 unbound, 1 unknown id; and, after
    # all pages, the unused fact.
    subtypes = [re.search(r"\[factcheck\.([\w-]+)\]$", line).group(1) for line in logs[1]]
    assert subtypes.count("unused") == 1
    assert subtypes.count("unknown-id") == PAGES
    assert subtypes.count("unbound") == 2 * PAGES
    assert subtypes.count("mismatch") == 2 * PAGES - 2
    assert logs[1][-1].startswith(f"{src / 'facts.yaml'}:7: WARNING: fact 'idle'")
    pages_in_order = [re.match(r".*/(p\d\d)\.md:", line).group(1) for line in logs[1][:-1]]
    assert pages_in_order == sorted(pages_in_order)


def test_incremental_rebuilds_follow_derived_facts_and_ignore_unused_ones(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A derived fact's base edit re-reads the pages of the derived fact; adding an unused fact
    re-reads nothing; an unchanged facts file is not parsed again; findings survive."""
    import factcheck.facts as facts_module

    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-incremental", src)
    facts = src / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8") + (
        "gamma:\n  derive: beta + 500\n  label: Beta and five hundred\n"), encoding="utf-8")
    (src / "c.md").write_text("# Page C\n\nIn all {fact}`20,500 <gamma>`; 777 unbound.\n",
                              encoding="utf-8")
    build = tmp_path / "_build"
    parsed: list[str] = []
    real = facts_module.read_facts_bytes
    monkeypatch.setattr(facts_module, "read_facts_bytes",
                        lambda path, data: parsed.append(path.name) or real(path, data))
    facts_module._cache.clear()

    read: list[list[str]] = []
    first = _build(src, build, read, freshenv=True)
    assert read == [["a", "b", "c", "index"]]
    assert parsed == ["facts.yaml"]
    found = short(warnings_of(first))
    assert found == [("a.md", 3, "mismatch"), ("c.md", 3, "unbound")]

    # Nothing changed, in a new process as far as the cache is concerned: the parse kept in the
    # environment is re-used (same content hash), nothing is re-read, findings are the same.
    facts_module._cache.clear()
    parsed.clear()
    read.clear()
    second = _build(src, build, read)
    assert (read, parsed) == ([[]], [])
    assert short(warnings_of(second)) == found

    # A fact nobody uses: the file is parsed again, no page is re-read.
    _touch_later(facts, facts.read_text(encoding="utf-8") + "delta:\n  value: 7\n  label: D\n")
    read.clear()
    third = _build(src, build, read)
    assert read == [[]]
    assert short(warnings_of(third)) == found

    # The base of a derived fact: its own page and the derived fact's page are re-read, and
    # the derived figure now disagrees.
    _touch_later(facts, facts.read_text(encoding="utf-8").replace("20,000", "21,000"))
    read.clear()
    fourth = _build(src, build, read)
    assert read == [["b", "c"]]
    assert short(warnings_of(fourth)) == [("a.md", 3, "mismatch"), ("b.md", 3, "mismatch"),
                                          ("c.md", 3, "mismatch"), ("c.md", 3, "unbound")]
