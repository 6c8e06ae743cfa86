"""The identifier rules: each fires on real prose and leaves the claims beside it alone.

Units check every default rule against its own documented examples and claims and against
sentences quoted from public documentation (the Sphinx docs and changelog, the MyST-Parser docs,
QuantEcon's lecture-python-intro, Microsoft's Recognizers-Text specs, the Read the Docs docs),
as the scanner of ``factcheck.reading`` reads them; builds of ``tests/roots/test-identifiers``
check the hook into the mentions (``by="rule:<name>"``), the exemptions page, a project rule from
``conf.py``, rules switched off (the text Sphinx generates included, in both front ends), and
``tests/roots/test-identifiers-bad`` the warnings for rules that cannot be used.  The same root
holds the passages on which ``factcheck check`` once read otherwise than the build
(``tests/test_parity.py`` compares the two on it).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from test_extension import html, unbound, warnings_of

from factcheck.collector import get_domain
from factcheck.project import check_project
from factcheck.reading.lexicon import lexicon_for
from factcheck.reading.scanner import find_figures as _find
from factcheck.rules import (
    DEFAULT_RULES,
    IdentifierRule,
    active_rules,
    exempting_rule,
    identifier_spans,
    marked,
)


def find_figures(text: str) -> list:
    """Figures the scanner reports in prose (English), as a strict build would."""
    return _find(text, lexicon_for("en"))

RULES = {rule.name: rule for rule in DEFAULT_RULES}
PATTERN_RULES = [rule for rule in DEFAULT_RULES if rule.pattern is not None]


def reported(text: str, rules: tuple[IdentifierRule, ...] = DEFAULT_RULES) -> list[str]:
    """The figures of ``text`` that no rule exempts, as written."""
    spans = identifier_spans(text, rules)
    return [f.text for f in find_figures(text) if exempting_rule(f.start, f.end, spans) is None]


def exempted(text: str) -> list[tuple[str, str]]:
    """Each exempted figure of ``text``, in order, with the name of the rule that exempts it."""
    spans = identifier_spans(text, DEFAULT_RULES)
    found = []
    for figure in find_figures(text):
        rule = exempting_rule(figure.start, figure.end, spans)
        if rule is not None:
            found.append((figure.text, rule.name))
    return found


# --------------------------------------------------------------------------- the documented rows


@pytest.mark.parametrize("rule", PATTERN_RULES, ids=lambda r: r.name)
def test_each_example_fires_exactly_on_its_marked_span(rule: IdentifierRule) -> None:
    assert rule.examples, f"{rule.name} documents no example"
    for example in rule.examples:
        plain, spans = marked(example)
        assert rule.spans(plain) == spans, example


@pytest.mark.parametrize("rule", DEFAULT_RULES, ids=lambda r: r.name)
def test_each_documented_claim_is_still_reported(rule: IdentifierRule) -> None:
    assert rule.claims, f"{rule.name} documents no claim that it must leave alone"
    for claim in rule.claims:
        plain, spans = marked(claim)
        expected = [plain[start:end] for start, end in spans]
        assert expected, claim
        assert [f for f in reported(plain) if f in expected] == expected, claim


def test_every_rule_has_a_unique_name_and_a_one_line_reason() -> None:
    names = [rule.name for rule in DEFAULT_RULES]
    assert len(names) == len(set(names))
    for rule in DEFAULT_RULES:
        assert re.fullmatch(r"[a-z][a-z0-9-]*", rule.name)
        assert rule.reason and "\n" not in rule.reason
        assert (rule.pattern is None) == bool(rule.classes)  # text rules or generated-text rules


# --------------------------------------------------------------------------- quoted prose

#: (rule, where the sentence is from, the sentence with each identifier in ``[[ ]]``, the claims
#: still reported).  The rule must match one of the marked identifiers there; every marked
#: identifier is matched by some rule, and exactly the figures the scanner reads inside them are
#: exempted.  The file names rule has no row: none of these sources writes a file name with
#: digits in its prose (they are all in code), so it is covered by its examples.
QUOTED = [
    ("issue-numbers", "sphinx doc/changes/1.3.rst:87",
     "[[#2201]]: Fix wrong table caption for tables with over 30 rows", ["30"]),
    ("issue-numbers", "sphinx doc/changes/1.2.rst:289-290",
     "[[PR#153]]: The \"extensions\" config value can now be overridden.", []),
    ("versions", "sphinx doc/development/html_themes/templating.rst:390-391",
     "The version of Docutils used to build represented as a tuple of five elements. For "
     "Docutils [[version 0.16.1 beta 2]] this would be", ["five"]),
    # The scanner reads "six-1.4" as a range from the number word six; the version covers it.
    ("versions", "sphinx doc/changes/1.4.rst:130",
     "[[#2684]]: sphinx.ext.intersphinx crashes with [[six-1.4.1]]", []),
    ("versions", "sphinx doc/usage/builders/index.rst:232",
     "The testing is currently ([[since 5.3.0]]) done on Ubuntu 22.04LTS,", []),
    ("version-ranges", "sphinx doc/changes/1.2.rst:302-303",
     "[[#1173]]: Adjust setup.py dependencies because [[Jinja2 2.7]] discontinued compatibility "
     "with [[Python < 3.3]] and [[Python < 2.6]].", []),
    ("standards", "sphinx doc/changes/7.1.rst:68-69",
     "directives for [[PEP 695]] (generic classes and functions declarations) and [[PEP 696]] "
     "(default type parameters).", []),
    # The decade is read with its article, as a date.
    ("names-with-numbers", "lecture-python-intro lectures/business_cycle.md:256-257",
     "Major dips in the growth rate coincided with the Oil Crisis of the 1970s, the Global "
     "Financial Crisis (GFC) and the [[Covid-19]] pandemic.", ["the 1970s"]),
    ("names-with-numbers", "MyST-Parser CHANGELOG.md:320 (as rendered with its url schemes)",
     "🔧 ci(deps): setup dependabot ([[PR #669]]), thanks to [[@mmorel-35]]", []),
    ("names-with-numbers", "sphinx doc/changes/9.0.rst:91",
     "Deprecate support for non-[[UTF 8]] source encodings, scheduled for removal in "
     "[[Sphinx 10]].", []),
    ("names-with-numbers", "lecture-python-intro lectures/ar1_processes.md:51",
     "The [[AR(1)]] model (autoregressive model of order 1) takes the form", ["1"]),
    ("names-with-numbers", "sphinx doc/changes/2.1.rst:173 and 1.2.rst:291",
     "C++, allow 8 and 9 in hexadecimal integer literals. 'make gettext' caused "
     "UnicodeDecodeError when templates contain [[utf-8]] encoded strings.", ["8", "9"]),
    # A period is one figure, a range.
    ("labels", "lecture-python-intro lectures/inflation_history.md:69",
     "We begin by displaying data that originally appeared on [[page 35]] of that show price "
     "levels for four \"hard currency\" countries from 1600 to 1914.",
     ["four", "from 1600 to 1914"]),
    ("labels", "sphinx doc/usage/restructuredtext/directives.rst:1073",
     "This includes [[line 1]], [[line 3]], [[lines 5 to 10]], and [[line 20]] to the end.", []),
    ("labels", "lecture-python-intro lectures/inflation_history.md:219",
     "[[Figure 3.1]], Retail prices Austria, 1921-1924 ([[page 42]])", ["1921-1924"]),
    # Math is left out of the text read ("…" here).
    ("labels", "lecture-python-intro lectures/cagan_ree.md:479-480",
     "Thus, for [[path 1]], … for all …, while for [[path 2]], … for all ….", []),
    ("labels", "lecture-python-intro lectures/lp_intro.md:534",
     "[[Product 1]] uses 2 units of material and 4 units of labor and earns revenue 3, so the "
     "investor needs", ["2", "4", "3"]),
    ("labels", "lecture-python-intro lectures/cons_smooth.md:386",
     "We first assume a one-time windfall of … in [[year 21]] of the income sequence ….", []),
    ("labels", "lecture-python-intro lectures/linear_equations.md:66",
     "To keep things simple, we label them as [[good 0]] and [[good 1]].", []),
    ("labels", "MyST-Parser docs/syntax/optional.md:634 (a definition list's term)",
     "[[Term 1]]", []),
    ("status-codes", "sphinx doc/changes/2.3.rst:57 and 1.3.rst:87",
     "[[#6872]]: linkcheck: Handles [[HTTP 308]] Permanent Redirect. [[#2201]]: Fix wrong table "
     "caption for tables with over 30 rows", ["30"]),
    ("section-numbers", "sphinx doc/changes/8.1.rst:157-158 (as rendered)",
     "make target URIs to be same-document references in the sense of [[RFC 3986]], [[§4.4]]",
     []),
    ("hex-and-hashes", "sphinx doc/changes/1.6.rst:53",
     "[[#4267]]: PDF build broken by Unicode [[U+2116]] NUMERO SIGN character", []),
    ("token-fragments", "Recognizers-Text Specs/Number/English/NumberModel.json",
     "-[[12e-1]]", []),
    ("isbn-issn-doi", "MyST-Parser docs/syntax/cross-referencing.md:272 (as rendered)",
     "<[[doi:10.1186/gm483]]> is converted to [[doi:10.1186/gm483]]", []),
    ("phone-numbers", "Recognizers-Text Specs/DateTime/English/DateTimeModel.json",
     "Call me al [[(206) 555-1212]]", []),
    ("phone-numbers", "Recognizers-Text Specs/Number/English/NumberRangeModel.json",
     "[[+1-222-2222-2222]] is a phone number.", []),
    ("times", "Recognizers-Text Specs/DateTime/English/DateTimeModel.json",
     "for 2 people tonight at [[9:30 pm]]", ["2"]),
    ("times", "Recognizers-Text Specs/DateTime/English/DateTimeModel.json",
     "Book meeting room on 14th Feb for 7 hours from [[9:30am]]", ["14th Feb", "7"]),
    ("network-addresses", "Recognizers-Text Specs/Number/English/NumberModel.json",
     "[[192.168.1.2]]", []),
]

#: Real prose in which the scanner itself reads no figure out of an identifier (a unit glued
#: to its number, a name that ends in a version): no rule is needed, the claims are reported.
READ_WITHOUT_RULES = [
    ("MyST-Parser docs/syntax/glossary.md:25",
     "The following are all valid length values: \"1.5em\", \"20 mm\", \".5in\".", ["20"]),
    ("sphinx doc/usage/builders/index.rst:232",
     "done on Ubuntu 22.04LTS, the oldest supported", []),
]


@pytest.mark.parametrize(("rule", "source", "text", "claims"), QUOTED,
                         ids=[f"{row[0]}: {row[1]}" for row in QUOTED])
def test_quoted_prose(rule: str, source: str, text: str, claims: list[str]) -> None:
    plain, marks = marked(text)
    spans = identifier_spans(plain, DEFAULT_RULES)
    # The rule fires on this real prose: one of its matches holds a marked identifier.
    assert any(s.rule.name == rule and s.start <= a and b <= s.end
               for s in spans for a, b in marks), f"{rule} does not fire on {source}"
    # Every marked identifier is one to some rule, and exactly what is read inside them is exempt.
    for a, b in marks:
        assert any(s.start <= a and b <= s.end for s in spans), plain[a:b]
    figures = find_figures(plain)
    inside = [f.text for f in figures if any(f.start < b and a < f.end for a, b in marks)]
    assert [figure for figure, _ in exempted(plain)] == inside
    assert reported(plain) == claims


@pytest.mark.parametrize(("source", "text", "claims"), READ_WITHOUT_RULES,
                         ids=[row[0] for row in READ_WITHOUT_RULES])
def test_prose_the_scanner_reads_right_without_rules(source: str, text: str,
                                                     claims: list[str]) -> None:
    assert exempted(text) == []
    assert reported(text, ()) == claims


def test_every_pattern_rule_is_quoted_or_says_why_not() -> None:
    quoted = {row[0] for row in QUOTED}
    assert {r.name for r in PATTERN_RULES} - quoted == {"file-names"}


# --------------------------------------------------------------------------- project rules


def test_project_rules_follow_the_defaults_and_can_switch_any_rule_off() -> None:
    project = {"gh-shorthand": {"pattern": r"\bgh-(?:pr|issue):\d+", "reason": "GitHub links"}}
    rules, problems = active_rules(project, ["labels"])
    assert problems == []
    names = [rule.name for rule in rules]
    assert names[-1] == "gh-shorthand" and "labels" not in names
    assert rules[-1].origin == "conf.py"
    # MyST-Parser, CHANGELOG.md:115: a link left open, so the shorthand shows as text.
    text = "Directive option parsing by chrisjsewell in <gh-pr:796"
    assert reported(text, DEFAULT_RULES) == ["796"]
    assert reported(text, rules) == []
    assert reported("on page 35 of", rules) == ["35"]


def test_a_project_rule_may_not_take_a_default_name() -> None:
    rules, problems = active_rules({"labels": {"pattern": "x", "reason": "mine"}}, [])
    assert [str(p) for p in problems] == [
        "factcheck_identifiers['labels']: a rule of that name exists already; choose another name"
    ]
    assert rules == DEFAULT_RULES


# --------------------------------------------------------------------------- real builds

ROOT_FINDINGS = [  # (file, figure) of every unbound figure, in order: the claims only
    ("changes.rst", "6th"), ("changes.rst", "5"), ("changes.rst", "2008–2010"),
    ("index.rst", "30"), ("index.rst", "five"), ("index.rst", "0"), ("index.rst", "three"),
    ("index.rst", "two"), ("index.rst", "30"),
    ("lectures.md", "four"), ("lectures.md", "from 1600 to 1914"),
    ("lectures.md", "the 1970s"), ("lectures.md", "1"), ("lectures.md", "5"), ("lectures.md", "10"),
    ("others.md", "20"), ("others.md", "2"), ("others.md", "the early ’00s"),
    ("readthedocs.rst", "April 16, 2021"), ("readthedocs.rst", "August 9, 2024"),
    ("readthedocs.rst", "2"),
]


def unbound_figures(app: SphinxTestApp) -> list[tuple[str, str]]:
    """(file, figure) of each unbound finding, in order (lines are the locator's business)."""
    found = []
    for path, _line, subtype, message in warnings_of(app):
        if subtype != "unbound":
            continue
        assert message == unbound(message.split("'")[1])
        found.append((path, message.split("'")[1]))
    return found


@pytest.mark.sphinx("html", testroot="identifiers", freshenv=True)
def test_a_strict_build_reports_the_claims_and_not_the_identifiers(app: SphinxTestApp) -> None:
    app.build()
    assert [f[2] for f in warnings_of(app)] == ["unbound"] * len(ROOT_FINDINGS)
    assert unbound_figures(app) == ROOT_FINDINGS


def exemption_rows(app: SphinxTestApp) -> list[list[str]]:
    page = html(app, "exemptions")
    table = page[page.index('<table class="factcheck-table'):]
    table = table[:table.index("</table>")]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
    return [[re.sub(r"<[^>]+>", "", cell).strip()
             for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows[1:]]


@pytest.mark.sphinx("html", testroot="identifiers", freshenv=True)
def test_rule_exemptions_are_listed_with_the_rule_and_its_reason(app: SphinxTestApp) -> None:
    app.build()
    rows = exemption_rows(app)
    by = {(page, figure): how for page, figure, _, how in rows}
    reasons = {how: reason for _, _, reason, how in rows}
    assert by[("Identifiers in real prose", "2201")] == "rule issue-numbers"
    assert by[("Identifiers in real prose", "9.0")] == "rule versions"  # the Deprecated column
    # "Added in version 1.2", which Sphinx writes for versionadded (5.0.2 is no figure at all).
    assert by[("Identifiers in real prose", "1.2")] == "rule sphinx-generated"
    assert by[("Identifiers in real prose", "7.3")] == "rule sphinx-generated"
    assert by[("MyST-Parser and the Recognizers-Text specs", "796")] == "rule gh-shorthand"
    assert reasons["rule gh-shorthand"] == (
        "a GitHub pull request in MyST-Parser's url-scheme shorthand")
    assert reasons["rule labels"] == RULES["labels"].reason
    # Every figure the build found is either reported or listed here: nothing is dropped.
    listed = {(page, figure) for page, figure, _, _ in rows}
    assert ("Lectures", "35") in listed and ("Lectures", "1") in listed


@pytest.mark.sphinx("html", testroot="identifiers", freshenv=True)
def test_mentions_record_the_rule_that_exempts_them(app: SphinxTestApp) -> None:
    app.build()
    mentions = [m for found in get_domain(app.env).mentions.values() for m in found]
    rules = {rule.name: rule for rule in active_rules(app.config.factcheck_identifiers, [])[0]}
    by_rule = [m for m in mentions if m.by.startswith("rule:")]
    assert by_rule and all(m.kind == "exempt" for m in by_rule)
    for mention in by_rule:
        assert mention.reason == rules[mention.by.removeprefix("rule:")].reason
    # Each exempted figure is located on its own line of its source.
    lines = {m.source: Path(m.source).read_text(encoding="utf-8").splitlines() for m in by_rule}
    assert all(m.text.split()[0] in lines[m.source][m.line - 1] for m in by_rule)
    assert [(Path(m.source).name, m.text) for m in mentions if m.kind == "unbound"] == \
        ROOT_FINDINGS


def _with_rules_off(tmp_path: Path, rootdir: Path, names: list[str]) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-identifiers", srcdir)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"factcheck_disable_identifiers = {names!r}\n")
    return srcdir


def test_generated_text_is_reported_when_its_rules_are_off(make_app, rootdir: Path,
                                                           tmp_path: Path) -> None:
    # "Added in version 1.2" is also a version phrase: both rules must go for it to be reported.
    srcdir = _with_rules_off(tmp_path, rootdir, ["sphinx-generated", "versions"])
    # The command line first: a Sphinx app registers its directives for the whole process.
    cli = {(Path(f.path).name, f.line, f.message.split("'")[1])
           for f in check_project(srcdir).findings if f.subtype.value == "unbound"}
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    found = [(path, line, message.split("'")[1]) for path, line, subtype, message
             in warnings_of(app) if subtype == "unbound"]
    assert ("index.rst", 38, "1.2") in found  # .. versionadded:: 1.2
    assert ("index.rst", 40, "7.3") in found  # .. versionchanged:: 7.3
    # The command line reads the same text from its stand-ins, at the same lines.
    assert cli == set(found)


@pytest.mark.sphinx("html", testroot="identifiers", freshenv=True)
def test_the_reference_table_lists_every_default_rule(app: SphinxTestApp) -> None:
    app.build()
    page = html(app, "exemptions")
    table = page[page.rindex('<table class="factcheck-table'):]
    names = re.findall(r'<tr class="row-(?:odd|even)"><td><p><code[^>]*><span class="pre">'
                       r"([a-z-]+)</span>", table)
    assert names == [rule.name for rule in DEFAULT_RULES]
    # The exempted span of an example is in code font, the claim beside it too.
    assert '<code class="docutils literal notranslate"><span class="pre">PEP</span> ' in table


@pytest.mark.sphinx("html", testroot="identifiers", freshenv=True,
                    confoverrides={"factcheck_disable_identifiers": ["labels", "gh-shorthand"]})
def test_switched_off_rules_report_their_figures_again(app: SphinxTestApp) -> None:
    app.build()
    # "page 35", "experiment 1" and "gh-pr:796" come back, each in its place; nothing else.
    expected = list(ROOT_FINDINGS)
    expected.insert(expected.index(("lectures.md", "four")), ("lectures.md", "35"))
    expected.insert(expected.index(("lectures.md", "5")), ("lectures.md", "1"))
    expected.insert(expected.index(("others.md", "20")), ("others.md", "796"))
    assert unbound_figures(app) == expected


CONF_PROBLEMS = [
    ("conf.py", 6, "config", "factcheck_identifiers['ticket']: the pattern 'TKT-(\\\\d+' is not a "
                             "valid regular expression: missing ), unterminated subpattern at "
                             "position 4"),
    ("conf.py", 7, "config", "factcheck_identifiers['build-number'] needs a 'reason': a "
                             "non-empty string saying why these tokens are not claims"),
    ("conf.py", 8, "config", "factcheck_identifiers['digits']: the pattern '\\\\d*' matches the "
                             "empty string, so it would exempt nothing or everything"),
    ("conf.py", 9, "config", "factcheck_identifiers['sprint'] must be a dict with 'pattern' and "
                             "'reason', not str"),
    ("conf.py", 10, "config", "factcheck_identifiers['table-caption']: the example 'for "
                              "[[tables with over 30 columns]]' marks a span the pattern does "
                              "not match"),
    ("conf.py", 14, "config", "factcheck_disable_identifiers: no rule is named 'lables' (did you "
                              "mean 'labels'?)"),
]


@pytest.mark.sphinx("html", testroot="identifiers-bad", freshenv=True)
def test_bad_project_rules_are_located_warnings_and_the_build_goes_on(
        app: SphinxTestApp) -> None:
    app.build()
    # Each bad rule is reported at its line of conf.py and left out; the good one still works
    # ("over 30 rows" is exempt), and so do the defaults.
    assert warnings_of(app) == CONF_PROBLEMS
    assert (Path(app.outdir) / "index.html").exists()


@pytest.mark.sphinx("html", testroot="identifiers", freshenv=True,
                    confoverrides={"factcheck_identifiers": ["gh-shorthand"]})
def test_project_rules_of_the_wrong_type_are_reported_not_raised(app: SphinxTestApp) -> None:
    app.build()
    assert [f for f in warnings_of(app) if f[2] == "config"] == [
        ("conf.py", 17, "config", "factcheck_identifiers must be a dict of rule names to "
                                  "{'pattern': ..., 'reason': ...}, not list; it is ignored"),
    ]
    # The defaults still apply; the project rule does not, so gh-pr:796 is reported.
    expected = list(ROOT_FINDINGS)
    expected.insert(expected.index(("others.md", "20")), ("others.md", "796"))
    assert unbound_figures(app) == expected


def test_a_name_to_switch_off_must_be_in_a_list() -> None:
    # conf.py's factcheck_disable_identifiers = "labels" would otherwise switch off l, a, b, ...
    rules, problems = active_rules({}, "labels")
    assert rules == DEFAULT_RULES
    assert [str(p) for p in problems] == [
        "factcheck_disable_identifiers must be a list of rule names, such as ['labels'], not "
        "'labels'; it is ignored"]


# --------------------------------------------------------------------------- before any rule

@pytest.mark.parametrize(("source", "text", "claims"), [
    ("MyST-Parser docs/syntax/optional.md:795",
     "the inner attributes override the outer ones. One exception is that if multiple classes "
     "are given, they are combined.", []),
    ("sphinx doc/latex.rst:1776-1778",
     "options of the outer one: it first resets all options to their default state as they were "
     "prior to applying the outer box options, then it applies its own specific ones.", []),
    ("sphinx tests/roots/test-versioning/original.txt:10-11",
     "Anyway I need more than one paragraph, at least three for the original document, I "
     "think, and another one for two different ones.", ["three", "two"]),
], ids=["myst optional.md", "sphinx latex.rst", "sphinx test-versioning"])
def test_plural_number_words_are_no_figures(source: str, text: str, claims: list[str]) -> None:
    # text2num reads "ones" as 1 and "hundreds" as 100; a plural names a kind or a magnitude.
    assert reported(text) == claims, source
