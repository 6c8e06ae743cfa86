"""The ``factcheck`` command, run as users run it: the installed console script and
``python -m factcheck``, in subprocesses, with every exit code.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sarif import sarif_errors

from factcheck import __version__, cli
from factcheck.facts import SCHEMA, load_facts
from factcheck.findings import Subtype
from factcheck.schema import VALUE_KINDS, schema_data
from factcheck.settings import CONFIG_VALUES

REPO = Path(__file__).parent.parent
ROOTS = Path(__file__).parent / "roots"
SCRIPT = Path(sys.executable).parent / "factcheck"
INVOCATIONS = {"script": [str(SCRIPT)], "module": [sys.executable, "-m", "factcheck"]}



def factcheck(*args: str | Path, cwd: Path | None = None, via: str = "script",
              ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    result = subprocess.run([*INVOCATIONS[via], *map(str, args)], capture_output=True,
                            text=True, encoding="utf-8", cwd=cwd or REPO, env=env, timeout=120,
                            check=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def copy_root(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copytree(ROOTS / f"test-{name}", target)
    return target


# --------------------------------------------------------------------------- the command itself


def test_the_package_installs_the_console_script() -> None:
    assert SCRIPT.is_file() and os.access(SCRIPT, os.X_OK)


@pytest.mark.parametrize("via", INVOCATIONS)
@pytest.mark.parametrize("command", ["check", "suggest", "bind", "facts", "schema"])
def test_every_command_has_help_with_an_example(via: str, command: str) -> None:
    result = factcheck(command, "--help", via=via)
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: factcheck {command}")
    assert "example" in result.stdout
    assert f"  factcheck {command} " in result.stdout  # the example itself


@pytest.mark.parametrize("via", INVOCATIONS)
def test_top_level_help_and_version(via: str) -> None:
    result = factcheck("--help", via=via)
    assert result.returncode == 0
    for command in ("check", "suggest", "bind", "facts", "schema"):
        assert f"    {command} " in result.stdout
    assert factcheck("--version", via=via).stdout == f"factcheck {__version__}\n"


@pytest.mark.parametrize("via", INVOCATIONS)
@pytest.mark.parametrize("args", [
    [], ["lint"], ["check", "--format", "xml"], ["facts", "--format", "sarif"],
    ["schema", "--facts", "x.yaml"], ["check", "--no-such-option"],
], ids=["no-command", "unknown-command", "bad-format", "format-not-for-facts",
        "option-not-for-schema", "unknown-option"])
def test_usage_errors_exit_2(via: str, args: list[str]) -> None:
    result = factcheck(*args, via=via)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: factcheck")
    assert result.stdout == ""


# --------------------------------------------------------------------------- schema


@pytest.mark.parametrize("via", INVOCATIONS)
def test_schema_json_is_the_reference_tables(via: str) -> None:
    result = factcheck("schema", "--format", "json", via=via)
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert (data["format"], data["tool"]["version"]) == ("factcheck-schema", __version__)
    assert data["tables"] == json.loads(json.dumps(schema_data()))
    tables = data["tables"]
    assert [row["name"] for row in tables["config"]] == [v.name for v in CONFIG_VALUES]
    assert [row["subtype"] for row in tables["warnings"]] == [s.value for s in Subtype]
    assert [(row["key"], row["required"]) for row in tables["schema"]] == \
        [(key, required) for key, required, _ in SCHEMA]
    assert [row["kind"] for row in tables["values"]] == [kind for kind, _, _ in VALUE_KINDS]
    assert tables["config"][0]["default"] == "facts.yaml"


def test_schema_text_lists_every_row() -> None:
    result = factcheck("schema")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    for value in CONFIG_VALUES:
        assert value.name in lines
    for subtype in Subtype:
        assert f"factcheck.{subtype.value}" in lines
    for key, _, _ in SCHEMA:
        assert key in lines
    for kind, _, _ in VALUE_KINDS:
        assert kind in lines
    assert "    Default: 'facts.yaml'" in lines


def test_schema_runs_without_importing_sphinx_or_docutils() -> None:
    code = ("import sys, io, contextlib\n"
            "from factcheck.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    assert main(['schema']) == 0\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# --------------------------------------------------------------------------- facts


@pytest.mark.parametrize("via", INVOCATIONS)
def test_facts_json_lists_every_fact_of_the_site(via: str) -> None:
    result = factcheck("facts", "docs", "--format", "json", via=via)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    facts_file = load_facts(REPO / "docs" / "facts.yaml")
    assert data["facts_file"] == "docs/facts.yaml"
    assert [f["id"] for f in data["facts"]] == list(facts_file.facts)
    for record in data["facts"]:
        fact = facts_file.facts[record["id"]]
        assert (record["value"], record["kind"], record["label"]) == \
            (fact.written, fact.value.kind, fact.label)
        assert (record["source"], record["pages"], record["note"]) == \
            (fact.source, fact.pages, fact.note)
        assert record["defined_at"] == {"path": "docs/facts.yaml", "line": fact.line}
        assert "stated_at" in record
    assert data["problems"] == []


def test_facts_text() -> None:
    result = factcheck("facts", "docs")
    assert result.returncode == 0
    facts_file = load_facts(REPO / "docs" / "facts.yaml")
    fact = facts_file.facts["treaty-signed"]
    block = ["treaty-signed = 1939-10-10 (date)", f"    {fact.label}",
             f"    defined at docs/facts.yaml:{fact.line}"]
    lines = result.stdout.splitlines()
    start = lines.index(block[0])
    assert lines[start:start + 3] == block
    assert sum(1 for line in lines if not line.startswith(" ")) == len(facts_file.facts)


def test_facts_with_problems_lists_the_rest_and_exits_1(tmp_path: Path) -> None:
    root = copy_root("findings", tmp_path)
    result = factcheck("facts", root.name, cwd=tmp_path)
    assert result.returncode == 1
    listed = [line.split(" = ")[0] for line in result.stdout.splitlines()
              if not line.startswith(" ")]
    assert listed == ["treaty-signed", "troops", "xss", "never-used"]
    assert result.stderr == (f"{root.name}/facts.yaml:14: facts-file: fact 'bad-date': "
                             "'1939-02-30' is not a date: February 1939 has 28 days\n")
    data = json.loads(factcheck("facts", root.name, "-f", "json", cwd=tmp_path).stdout)
    assert [(p["path"], p["line"], p["subtype"]) for p in data["problems"]] == \
        [(f"{root.name}/facts.yaml", 14, "facts-file")]


def test_unreadable_facts_file_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    root = copy_root("findings", tmp_path)
    result = factcheck("facts", root, "--facts", root / "broken.yaml")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"factcheck: error: {root / 'broken.yaml'}:6: malformed "
                                    "YAML: while parsing a flow sequence")
    assert result.stderr.count("\n") == 1
    missing = factcheck("facts", root, "--facts", root / "nope.yaml")
    assert missing.returncode == 2
    assert f"{root / 'nope.yaml'}: cannot read the facts file" in missing.stderr
    directory = factcheck("facts", root, "--facts", root)
    assert directory.returncode == 2
    assert directory.stderr == (f"factcheck: error: {root}: the facts path {root} is a "
                                "directory, not a YAML file (set factcheck_facts to the file)\n")


def test_bad_conf_py_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    root = copy_root("findings", tmp_path)
    conf = root / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + "factcheck_unused = 'loud'\n",
                    encoding="utf-8")
    line = conf.read_text(encoding="utf-8").count("\n")
    for command in (["facts"], ["check"], ["suggest"], ["bind"]):
        result = factcheck(*command, root)
        assert result.returncode == 2, command
        assert result.stderr == (f"factcheck: error: {conf}:{line}: factcheck_unused must be "
                                 "one of info, warning, off, not 'loud'\n")


def test_missing_paths_exit_2(tmp_path: Path) -> None:
    nope = tmp_path / "nope"
    for command, message in [
        (["facts", nope], f"{nope}: no such directory (give the Sphinx source directory)"),
        (["check", nope], f"{nope}: no such file or directory"),
        (["check", tmp_path, f"{nope}.md"], f"{nope}.md: no such file or directory"),
        (["bind", nope], f"{nope}: no such directory (give the Sphinx source directory)"),
        (["facts", tmp_path, "--config", nope / "conf.py"],
         f"{nope / 'conf.py'}: no such file (--config names a Sphinx conf.py)"),
    ]:
        result = factcheck(*command)
        assert result.returncode == 2, command
        assert result.stderr == f"factcheck: error: {message}\n"


def test_output_file(tmp_path: Path) -> None:
    result = factcheck("facts", "docs", "--format", "json", "--output", tmp_path / "facts.json")
    assert (result.returncode, result.stdout) == (0, "")
    data = json.loads((tmp_path / "facts.json").read_text(encoding="utf-8"))
    assert data["facts"][0]["id"] == "treaty-signed"


HOSTILE_FACTS = (
    "troops:\n"
    "  value: 20,000\n"
    # YAML double-quoted escapes: \n \r, \e (ESC), \a (BEL), \x9b (8-bit CSI), \L (U+2028).
    '  label: "Soviet troops\\ndocs/x.md:1:1: mismatch: forged\\r\\n::error file=x::forged '
    "\\e[31mred\\e[0m \\e]0;title\\a \\x9b2J <script>alert(1)</script> \\u202eevil\\L100%\"\n"
)


def test_a_hostile_label_cannot_forge_output(tmp_path: Path) -> None:
    (tmp_path / "facts.yaml").write_text(HOSTILE_FACTS, encoding="utf-8")
    label = load_facts(tmp_path / "facts.yaml").facts["troops"].label
    assert "\n" in label and "\x1b" in label  # the YAML escapes made the characters
    text = factcheck("facts", tmp_path)
    assert text.returncode == 0
    lines = text.stdout.splitlines()
    assert lines[0] == "troops = 20,000 (number)"
    assert lines[1].startswith("    Soviet troops\\ndocs/x.md:1:1: mismatch: forged\\r\\n::error")
    assert len(lines) == 4  # id, label, defined at, stated at: the label stayed on its line
    assert not any(c in text.stdout for c in "\x1b\x9b\u202e\u2028\r")
    data = json.loads(factcheck("facts", tmp_path, "--format", "json").stdout)
    assert data["facts"][0]["label"] == label


def test_an_unexpected_error_is_one_line_unless_traceback_is_asked(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(options: object) -> int:
        raise RuntimeError("something the code did not foresee")

    monkeypatch.setattr(cli, "cmd_schema", broken)
    assert cli.main(["schema"]) == 2
    assert capsys.readouterr().err == ("factcheck: error: unexpected RuntimeError: something the "
                                       "code did not foresee (run again with --traceback and "
                                       "report it)\n")
    with pytest.raises(RuntimeError):
        cli.main(["schema", "--traceback"])


# --------------------------------------------------------------------------- check (no engine)


@pytest.mark.parametrize("via", INVOCATIONS)
def test_files_outside_any_sphinx_project_are_skipped(tmp_path: Path, via: str) -> None:
    # What pre-commit passes when a commit touches only a README or a changelog.
    for name in ("README.md", "CHANGELOG.md"):
        shutil.copy(REPO / name, tmp_path / name)
    result = factcheck("check", "README.md", "CHANGELOG.md", cwd=tmp_path, via=via)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr.splitlines() == [
        "factcheck: skipped README.md: not under a Sphinx source directory (no conf.py above it)",
        "factcheck: skipped CHANGELOG.md: not under a Sphinx source directory (no conf.py above "
        "it)",
    ]


def test_nothing_checked_is_a_clean_report_in_every_format(tmp_path: Path) -> None:
    shutil.copy(REPO / "README.md", tmp_path / "README.md")
    sarif = factcheck("check", "README.md", "-f", "sarif", "-o", "out.sarif", cwd=tmp_path)
    assert sarif.returncode == 0
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    assert sarif_errors(log) == [] and log["runs"][0]["results"] == []
    junit = ET.fromstring(factcheck("check", "README.md", "-f", "junit", cwd=tmp_path).stdout)
    assert [(c.get("name"), list(c)) for c in junit.iter("testcase")] == [("factcheck", [])]
    data = json.loads(factcheck("check", "README.md", "-f", "json", cwd=tmp_path).stdout)
    assert (data["findings"], data["counts"]["total"]) == ([], 0)
    assert factcheck("check", "README.md", "-f", "github", cwd=tmp_path).stdout == ""


# --------------------------------------------------------------------------- with the engine


def _findings_root(tmp_path: Path) -> Path:
    return copy_root("findings", tmp_path)


# What the Sphinx build reports on test-findings (tests/test_extension.py: FINDINGS), by file,
# line and subtype, plus the unused fact, which the build lists as a note.
EXPECTED = [
    ("facts.yaml", 10, "unused"), ("facts.yaml", 14, "facts-file"),
    ("index.md", 8, "mismatch"), ("index.md", 10, "unbound"), ("index.md", 12, "unknown-id"),
    ("index.md", 14, "unreadable"), ("index.md", 16, "exemption"),
    ("page.rst", 4, "mismatch"), ("page.rst", 6, "unbound"), ("page.rst", 8, "exemption"),
    ("page.rst", 8, "unknown-id"),
]


@pytest.mark.parametrize("via", INVOCATIONS)
def test_check_text_matches_the_sphinx_build(tmp_path: Path, via: str) -> None:
    root = _findings_root(tmp_path)
    result = factcheck("check", root.name, cwd=tmp_path, via=via)
    assert result.returncode == 1
    found = []
    for line in result.stdout.splitlines():
        place, subtype, _ = line.split(": ", 2)
        path, line_no = (place.split(":") + ["0"])[:2]
        found.append((path.removeprefix(f"{root.name}/"), int(line_no),
                      subtype.removesuffix(" (note)")))
    assert sorted(found) == sorted(EXPECTED)


def test_check_every_format(tmp_path: Path) -> None:
    root = _findings_root(tmp_path)
    sarif = factcheck("check", root.name, "-f", "sarif", "-o", "f.sarif", cwd=tmp_path)
    assert sarif.returncode == 1
    log = json.loads((tmp_path / "f.sarif").read_text(encoding="utf-8"))
    assert sarif_errors(log) == []
    assert len(log["runs"][0]["results"]) == len(EXPECTED)
    junit = ET.fromstring(factcheck("check", root.name, "-f", "junit", cwd=tmp_path).stdout)
    assert {c.get("name") for c in junit.iter("testcase") if c.find("failure") is not None} == \
        {f"{root.name}/{name}" for name in ("facts.yaml", "index.md", "page.rst")}
    github = factcheck("check", root.name, "-f", "github", cwd=tmp_path).stdout.splitlines()
    assert len(github) == len(EXPECTED)
    assert f"::warning file={root.name}/index.md,line=8," in "\n".join(github)
    data = json.loads(factcheck("check", root.name, "-f", "json", cwd=tmp_path).stdout)
    assert data["counts"]["total"] == len(EXPECTED)


def test_check_clean_project_exits_0(tmp_path: Path) -> None:
    root = copy_root("basic", tmp_path)
    result = factcheck("check", root)
    assert result.returncode == 0
    # Only notes (the facts file's unused fact): listed, but not failing, as under -W.
    assert [line.split(": ")[1] for line in result.stdout.splitlines()] == ["unused (note)"]


def test_check_only_the_files_given(tmp_path: Path) -> None:
    root = _findings_root(tmp_path)
    result = factcheck("check", f"{root.name}/page.rst", cwd=tmp_path)
    assert result.returncode == 1
    paths = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    assert paths <= {f"{root.name}/page.rst", f"{root.name}/facts.yaml"}
    assert f"{root.name}/page.rst" in paths
    # The facts file among the files: every page may be affected, so all are checked.
    everything = factcheck("check", f"{root.name}/facts.yaml", cwd=tmp_path)
    assert f"{root.name}/index.md:8:" in everything.stdout


def test_check_broken_facts_file_exits_2(tmp_path: Path) -> None:
    root = _findings_root(tmp_path)
    result = factcheck("check", root, "--facts", root / "broken.yaml")
    assert result.returncode == 2
    assert result.stderr.startswith(f"factcheck: error: {root / 'broken.yaml'}:6:")


def test_check_a_hostile_label(tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text("extensions = ['myst_parser', 'factcheck']\n",
                                      encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(HOSTILE_FACTS, encoding="utf-8")
    (tmp_path / "index.md").write_text("# Bases\n\nAbout {fact}`25,000 <troops>` troops.\n",
                                       encoding="utf-8")
    result = factcheck("check", tmp_path, "-f", "github")
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("::warning ")
    junit = ET.fromstring(factcheck("check", tmp_path, "-f", "junit").stdout)
    assert junit.find(".//script") is None


SENTENCES = ("After the outbreak of the Great War in 1914, the four countries left the gold "
             "standard.\n\nIn the wake of World War I, which ended in November 1918, monetary "
             "authorities struggled.\n")


def test_bind_diff_write_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text("extensions = ['myst_parser', 'factcheck']\n"
                                      "factcheck_strict = True\n", encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(
        "ww1-end:\n  value: 1918-11\n  label: World War I ends\n", encoding="utf-8")
    page = tmp_path / "index.md"
    original = f"# Inflation\n\n{SENTENCES}".replace("\n", "\r\n")  # CRLF, kept by bind
    page.write_bytes(original.encode())
    shown = factcheck("bind", tmp_path)
    assert shown.returncode == 1
    assert "+In the wake of World War I, which ended in {fact}`November 1918 <ww1-end>`" in \
        shown.stdout
    assert page.read_bytes() == original.encode()  # a diff only
    written = factcheck("bind", tmp_path, "--write")
    assert written.returncode == 0
    assert page.read_bytes() == original.replace(
        "November 1918", "{fact}`November 1918 <ww1-end>`").encode()
    again = factcheck("bind", tmp_path, "--write")
    assert (again.returncode, again.stderr) == (0, "factcheck: nothing to bind\n")
    assert page.read_bytes() == original.replace(
        "November 1918", "{fact}`November 1918 <ww1-end>`").encode()


def test_suggest_lists_the_fitting_facts(tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text("extensions = ['myst_parser', 'factcheck']\n",
                                      encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(
        "ww1-end:\n  value: 1918-11\n  label: World War I ends\n", encoding="utf-8")
    (tmp_path / "index.md").write_text(f"# Inflation\n\n{SENTENCES}", encoding="utf-8")
    data = json.loads(factcheck("suggest", tmp_path, "-f", "json").stdout)
    fits = {fig["text"]: [c["id"] for c in fig["candidates"]] for fig in data["figures"]}
    assert fits["November 1918"] == ["ww1-end"]


def test_facts_says_where_each_fact_is_stated(tmp_path: Path) -> None:
    root = _findings_root(tmp_path)
    data = json.loads(factcheck("facts", root.name, "-f", "json", cwd=tmp_path).stdout)
    stated = {f["id"]: [(s["path"], s["line"]) for s in f["stated_at"]] for f in data["facts"]}
    assert (f"{root.name}/index.md", 8) in stated["treaty-signed"]
    assert stated["never-used"] == []
