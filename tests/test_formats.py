"""Every output format of the findings: exact text, valid SARIF, parseable JUnit, GitHub commands.

The findings are the ones the test-findings root really produces (tests/test_extension.py has
the same messages from a Sphinx build), and the labels that try to forge structure are the kind a
facts file edited by anyone could hold.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sarif import sarif_errors

from factcheck import __version__
from factcheck.findings import Finding, Subtype
from factcheck.formats import FORMATS, display_path, printable, render

MISMATCH = ("the text states 'October 11, 1939' but fact 'treaty-signed' (The treaty is signed) "
            "is 1939-10-10, defined at facts.yaml:1")
UNBOUND = ("unbound figure '350': bind it to a fact with {fact}`350 <id>` or exempt it with "
           "{nofact}`350 <reason>`")
BAD_DATE = "fact 'bad-date': '1939-02-30' is not a date: February 1939 has 28 days"
UNUSED = "fact 'never-used' (A fact nobody states) is never stated or rendered"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding a docs directory, as in CI (paths relative to it)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    return tmp_path


def findings(root: Path) -> list[Finding]:
    docs = root / "docs"
    return [
        Finding(Subtype.MISMATCH, MISMATCH, str(docs / "index.md"), 8, 11, "treaty-signed"),
        Finding(Subtype.FACTS_FILE, BAD_DATE, str(docs / "facts.yaml"), 14),
        Finding(Subtype.UNBOUND, UNBOUND, str(docs / "page.rst"), 6, 4, severity="note"),
        Finding(Subtype.UNUSED, UNUSED, str(docs / "facts.yaml"), 0, 0, "never-used", "note"),
    ]


# A label as a hostile or careless editor might write it: a line break followed by what looks
# like a finding and a workflow command, terminal escapes (colour, window title, 8-bit CSI),
# markup, a right-to-left override, a per cent sign and a Unicode line separator.
EVIL_LABEL = ("Soviet troops\ndocs/x.md:1:1: mismatch: forged\r\n::error file=x.md::forged "
              "\x1b[31mred\x1b[0m \x1b]0;title\x07 \x9b2J <script>alert(1)</script> ]]> & "
              "\u202eevil 100% a,b:c\u2028next")


def evil(root: Path) -> Finding:
    return Finding(Subtype.MISMATCH, f"the text states '25,000' but fact 'troops' "
                   f"({EVIL_LABEL}) is 20,000, defined at facts.yaml:4",
                   str(root / "docs" / "index.md"), 10, 7, "troops")


# --------------------------------------------------------------------------- text


def test_text_is_file_line_col_subtype_message_sorted_and_relative(project: Path) -> None:
    out = render(findings(project), "text")
    assert out.splitlines() == [
        f"docs/facts.yaml: unused (note): {UNUSED}",
        f"docs/facts.yaml:14: facts-file: {BAD_DATE}",
        f"docs/index.md:8:11: mismatch: {MISMATCH}",
        f"docs/page.rst:6:4: unbound (note): {UNBOUND}",
    ]


def test_paths_outside_the_base_stay_absolute(project: Path, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "page.md"
    assert display_path(elsewhere) == elsewhere.as_posix()
    assert display_path(project / "docs" / "a.md") == "docs/a.md"
    assert display_path("docs/a.md") == "docs/a.md"  # relative paths are relative to the cwd
    assert display_path(project / "docs" / "a.md", base=project / "docs") == "a.md"


def test_printable_strips_escape_sequences_and_spells_control_characters() -> None:
    assert printable("\x1b[1;31mred\x1b[0m") == "red"
    assert printable("a\x1b]0;window title\x07b") == "ab"  # OSC: set the terminal's title
    assert printable("a\x9b2Jb") == "ab"  # the 8-bit CSI, "erase display"
    assert printable("one\ntwo\rthree\tfour") == "one\\ntwo\\rthree\\tfour"
    assert printable("\u202eevil\u2028x\x00\x7f") == "\\u202eevil\\u2028x\\x00\\x7f"
    # Text in any script passes as it is.
    assert printable("Vilniaus kraštas – Виленский край, 1/5") == \
        "Vilniaus kraštas – Виленский край, 1/5"


def test_text_cannot_be_forged_by_a_label(project: Path) -> None:
    out = render([evil(project)], "text")
    lines = out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("docs/index.md:10:7: mismatch: the text states '25,000'")
    assert "\x1b" not in out and "\x9b" not in out and "\u202e" not in out
    assert "\\ndocs/x.md:1:1: mismatch: forged\\r\\n::error" in out


# --------------------------------------------------------------------------- JSON


def test_json_report_is_versioned_with_counts(project: Path) -> None:
    data = json.loads(render(findings(project), "json", files=[project / "docs" / "index.md"]))
    assert data["tool"] == {"name": "factcheck", "version": __version__}
    assert (data["format"], data["format_version"]) == ("factcheck-findings", 1)
    assert data["files"] == ["docs/index.md"]
    assert [(f["path"], f["line"], f["column"], f["subtype"], f["severity"])
            for f in data["findings"]] == [
        ("docs/facts.yaml", 0, 0, "unused", "note"),
        ("docs/facts.yaml", 14, 0, "facts-file", "warning"),
        ("docs/index.md", 8, 11, "mismatch", "warning"),
        ("docs/page.rst", 6, 4, "unbound", "note"),
    ]
    assert data["findings"][2]["message"] == MISMATCH
    assert data["findings"][2]["fact_id"] == "treaty-signed"
    assert data["findings"][2]["warning"] == "factcheck.mismatch"
    assert data["counts"] == {
        "total": 4, "warning": 2, "note": 2,
        "by_subtype": {"facts-file": 1, "mismatch": 1, "unbound": 1, "unused": 1},
    }


def test_json_keeps_a_hostile_label_exactly_and_inert(project: Path) -> None:
    out = render([evil(project)], "json")
    assert json.loads(out)["findings"][0]["message"] == evil(project).message
    # Escaped inside the string: no raw escape, C1, separator or override character.
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u202e]", out)
    assert len(json.loads(out)["findings"]) == 1


# --------------------------------------------------------------------------- SARIF


def test_sarif_is_valid_and_complete(project: Path) -> None:
    log = json.loads(render(findings(project), "sarif"))
    assert sarif_errors(log) == []
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("factcheck", __version__)
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == [f"factcheck/{s.value}" for s in Subtype]
    assert driver["rules"][0]["shortDescription"]["text"].startswith("A figure bound to a fact")
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.as_uri() + "/"
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("factcheck/unused", "note"), ("factcheck/facts-file", "warning"),
        ("factcheck/mismatch", "warning"), ("factcheck/unbound", "note"),
    ]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    mismatch = results[2]
    assert mismatch["message"]["text"] == MISMATCH
    assert mismatch["properties"] == {"factId": "treaty-signed"}
    assert mismatch["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "docs/index.md", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 8, "startColumn": 11},
    }
    # No line: no region; a line without a column: no startColumn.
    assert "region" not in results[0]["locations"][0]["physicalLocation"]
    assert results[1]["locations"][0]["physicalLocation"]["region"] == {"startLine": 14}


def test_sarif_uris_are_percent_encoded_and_absolute_outside_the_base(
        project: Path, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("other site") / "Šiauliai page.md"
    spaced = project / "docs" / "two words#1.md"
    log = json.loads(render([Finding(Subtype.UNKNOWN_ID, "unknown fact id 'x'", str(spaced), 2),
                             Finding(Subtype.UNKNOWN_ID, "unknown fact id 'y'", str(outside), 3)],
                            "sarif"))
    assert sarif_errors(log) == []
    locations = {r["message"]["text"]: r["locations"][0]["physicalLocation"]["artifactLocation"]
                 for r in log["runs"][0]["results"]}
    assert locations == {
        "unknown fact id 'x'": {"uri": "docs/two%20words%231.md", "uriBaseId": "%SRCROOT%"},
        "unknown fact id 'y'": {"uri": outside.as_uri()},
    }


def test_sarif_without_findings_is_valid(project: Path) -> None:
    log = json.loads(render([], "sarif"))
    assert sarif_errors(log) == []
    assert log["runs"][0]["results"] == []


def test_sarif_keeps_a_hostile_label_as_data(project: Path) -> None:
    log = json.loads(render([evil(project)], "sarif"))
    assert sarif_errors(log) == []
    assert log["runs"][0]["results"][0]["message"]["text"] == evil(project).message


# --------------------------------------------------------------------------- JUnit


def test_junit_has_a_case_per_checked_file_and_a_failure_per_warning(project: Path) -> None:
    docs = project / "docs"
    checked = [docs / "index.md", docs / "page.rst", docs / "clean.md"]
    root = ET.fromstring(render(findings(project), "junit", files=checked))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert list(cases) == ["docs/index.md", "docs/page.rst", "docs/clean.md", "docs/facts.yaml"]
    assert suite.get("tests") == "4" and suite.get("failures") == "2"
    assert suite.get("errors") == "0" and suite.get("skipped") == "0"
    (failure,) = cases["docs/index.md"].findall("failure")
    assert failure.get("type") == "factcheck.mismatch"
    assert failure.get("message") == MISMATCH
    assert failure.text == f"docs/index.md:8:11: mismatch: {MISMATCH}"
    # A note is listed, not failed; a clean file is a passing case.
    assert cases["docs/page.rst"].findall("failure") == []
    assert cases["docs/page.rst"].find("system-out").text == \
        f"docs/page.rst:6:4: unbound (note): {UNBOUND}"
    assert list(cases["docs/clean.md"]) == []
    assert [f.get("type") for f in cases["docs/facts.yaml"].findall("failure")] == \
        ["factcheck.facts-file"]
    for case in cases.values():
        assert case.get("classname") == "factcheck" and case.get("file") == case.get("name")


def test_junit_when_clean_is_one_passing_case(project: Path) -> None:
    root = ET.fromstring(render([], "junit"))
    (case,) = root.iter("testcase")
    assert list(case) == [] and root.find("testsuite").get("failures") == "0"


def test_junit_cannot_be_forged_by_a_label(project: Path) -> None:
    out = render([evil(project)], "junit")
    root = ET.fromstring(out)  # expat refuses raw control characters: it must parse
    assert len(list(root.iter("failure"))) == 1
    assert root.find(".//script") is None
    failure = next(root.iter("failure"))
    assert "<script>alert(1)</script> ]]> &" in failure.get("message")
    assert "\\ndocs/x.md:1:1: mismatch: forged" in failure.text


# --------------------------------------------------------------------------- GitHub


def test_github_workflow_commands(project: Path) -> None:
    assert render(findings(project), "github").splitlines() == [
        f"::notice file=docs/facts.yaml,title=factcheck.unused::{UNUSED}",
        f"::warning file=docs/facts.yaml,line=14,title=factcheck.facts-file::{BAD_DATE}",
        f"::warning file=docs/index.md,line=8,col=11,title=factcheck.mismatch::{MISMATCH}",
        f"::notice file=docs/page.rst,line=6,col=4,title=factcheck.unbound::{UNBOUND}",
    ]


def test_github_escapes_properties_and_data(project: Path) -> None:
    # ',' and ':' separate properties; '%' starts an escape: GitHub's escapeProperty rules.
    path = project / "docs" / "a,b:c%d.md"
    (line,) = render([Finding(Subtype.MISMATCH, "100% off", str(path), 3, 1)],
                     "github").splitlines()
    assert line == ("::warning file=docs/a%2Cb%3Ac%25d.md,line=3,col=1,"
                    "title=factcheck.mismatch::100%25 off")


def test_github_cannot_be_forged_by_a_label(project: Path) -> None:
    out = render([evil(project)], "github")
    lines = out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("::warning file=docs/index.md,line=10,col=7,")
    assert "\x1b" not in out and "\r" not in out and "\u2028" not in out
    assert "100%25 a,b:c" in out


# --------------------------------------------------------------------------- every format


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render([], "xml")


_messages = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)


@given(messages=st.lists(_messages, min_size=1, max_size=4))
def test_no_message_forges_or_loses_a_finding(messages: list[str]) -> None:
    base = Path(os.path.abspath("/srv/site"))
    found = [Finding(Subtype.MISMATCH, message, str(base / "docs" / f"p{i}.md"), i + 1, 1)
             for i, message in enumerate(messages)]
    text = render(found, "text", base=base)
    assert len(text.splitlines()) == len(found)
    github = render(found, "github", base=base)
    assert len(github.splitlines()) == len(found)
    assert all(line.startswith("::warning file=docs/p") for line in github.splitlines())
    junit = ET.fromstring(render(found, "junit", base=base))
    assert len(list(junit.iter("failure"))) == len(found)
    data = json.loads(render(found, "json", base=base))
    assert [f["message"] for f in data["findings"]] == messages
    sarif = json.loads(render(found, "sarif", base=base))
    assert [r["message"]["text"] for r in sarif["runs"][0]["results"]] == messages


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_ends_with_a_newline(project: Path, fmt: str) -> None:
    assert render(findings(project), fmt).endswith("\n")
