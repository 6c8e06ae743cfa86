"""Identifier rules: tokens with digits in them that name something instead of stating a figure.

``#11147``, ``Python 3.7``, ``UTF-8``, ``Figure 3.1`` or ``10:30`` hold digits, and a scanner that
reads figures finds numbers in them; none of them is a claim to bind to a fact.  Each kind of such
token is one :class:`IdentifierRule`: a name (to switch it off with
``factcheck_disable_identifiers``), a one-line reason (shown on the exemptions page and the
reference page), a compiled pattern, the examples it is meant for and the claims beside them that
it must leave alone.  Projects add their own rules the same way (``factcheck_identifiers``).

Examples and claims are written with the span in double brackets: in an example, ``[[...]]`` is
the span the rule exempts; in a claim, ``[[...]]`` is a figure that must still be reported.  The
test suite checks every default rule against its own examples and claims.

This module knows nothing of Sphinx: it works on strings and on the ``classes`` of the element a
text is in.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.findings import Finding, Subtype

_MARK = re.compile(r"\[\[(.+?)\]\]")


@dataclass(frozen=True)
class IdentifierRule:
    """One kind of identifier: what it is, why it is not a claim, and how to find it.

    A rule exempts the spans of text its ``pattern`` matches; ``classes`` exempts all text inside
    an element with one of these classes (text that Sphinx itself generates, such as "Added in
    version 6.2"); ``headers`` exempts the cells of a table column whose header is one of them,
    case ignored (a column headed "Deprecated" holds version numbers).
    """

    name: str
    reason: str
    pattern: re.Pattern[str] | None = None
    examples: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    headers: tuple[str, ...] = ()
    origin: str = "default"

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self.pattern is None:
            return []
        return [m.span() for m in self.pattern.finditer(text) if m.end() > m.start()]


@dataclass(frozen=True)
class Span:
    """A stretch of a text that is an identifier, and the rule that says so."""

    start: int
    end: int
    rule: IdentifierRule


def marked(example: str) -> tuple[str, list[tuple[int, int]]]:
    """``example`` without its ``[[ ]]`` marks, and the spans they marked in the plain text."""
    plain, spans, last = [], [], 0
    length = 0
    for match in _MARK.finditer(example):
        plain.append(example[last:match.start()])
        length += match.start() - last
        spans.append((length, length + len(match.group(1))))
        plain.append(match.group(1))
        length += len(match.group(1))
        last = match.end()
    plain.append(example[last:])
    return "".join(plain), spans


def identifier_spans(text: str, rules: Iterable[IdentifierRule]) -> list[Span]:
    """Every identifier in ``text``, in the order of ``rules`` (the first rule names a figure)."""
    return [Span(start, end, rule) for rule in rules for start, end in rule.spans(text)]


def exempting_rule(start: int, end: int, spans: Iterable[Span]) -> IdentifierRule | None:
    """The first rule whose span overlaps the figure at ``start:end``, if any."""
    return next((s.rule for s in spans if s.start < end and start < s.end), None)


def column_rule(header: str, rules: Iterable[IdentifierRule]) -> IdentifierRule | None:
    """The rule that says the cells under a column headed ``header`` are identifiers, if any."""
    text = " ".join(header.split()).casefold()
    return next((r for r in rules if text in (h.casefold() for h in r.headers)), None)


def generated_by(classes: Iterable[str], rules: Iterable[IdentifierRule]) -> IdentifierRule | None:
    """The rule that marks text in an element with these ``classes`` as generated, if any."""
    present = set(classes)
    return next((r for r in rules if present.intersection(r.classes)), None)


# --------------------------------------------------------------------------- the default rules

def _rule(name: str, reason: str, pattern: str, examples: tuple[str, ...],
          claims: tuple[str, ...], headers: tuple[str, ...] = ()) -> IdentifierRule:
    return IdentifierRule(name, reason, re.compile(pattern, re.VERBOSE), examples, claims,
                          headers=headers)


# A version number: 3, 3.7, 1.3.2, 2.0rc1, 3.x; and the words that join several of them.
_V = (r"v?\d+(?:\.(?:\d+|[x*]))*(?:(?:a|b|rc|\.?dev|\.?post|-?alpha|-?beta)\d*"
      r"|\s(?:alpha|beta|rc)\s?\d+)?\+?(?:\s+LTS\b)?")
_JOIN = r"(?:\s*(?:,|-|–|—|/)\s*|\s+(?:and|or|to|through|&)\s+)"
# The HTTP error codes that docs name bare ("a 404 page", "404s").
_HTTP = r"(?:40[0-9]|41[0-8]|429|50[0-8])"
# What may follow a time of day: am, p.m., a time zone.
_SUFFIX = r"(?:\s?(?:[AaPp]\.[Mm]\.|[AaPp][Mm]\b|UTC\b|GMT\b|[A-Z][SD]T\b))"
# Products that are commonly named with their version ("Python 3", "Windows 10").  A version
# after any other word is only an identifier when it is spelled like one (1.3.2, v2, 3.x).
_PRODUCTS = (
    "[Pp]ython|CPython|PyPy|[Ss]phinx|EPUB|[Dd]ocutils|Django|Jinja2?|Flask|NumPy|SciPy|[Pp]andas|"
    "Matplotlib|IPython|Jupyter(?:Lab)?|MyST(?:-Parser|-NB)?|myst-parser|markdown-it(?:-py)?|"
    "CommonMark|Pygments|Babel|LaTeX|TeX\\s?Live|MiKTeX|XeLaTeX|LuaLaTeX|pdfTeX|MathJax|KaTeX|"
    "Bootstrap|jQuery|Node(?:\\.js)?|npm|Yarn|Ruby|Rails|Perl|PHP|Java|JDK|Golang|Rust|Scala|"
    "Kotlin|Swift|C\\+\\+|Ubuntu|Debian|Fedora|CentOS|RHEL|Alpine|Windows|macOS|Mac\\sOS(?:\\sX)?|"
    "OS\\sX|iOS|Android|Linux|Firefox|Chrome|Chromium|Safari|Internet\\sExplorer|Opera|PostgreSQL|"
    "Postgres|MySQL|MariaDB|SQLite|Redis|MongoDB|Elasticsearch|Celery|Docker|Kubernetes|conda|"
    "Anaconda|pip|setuptools|virtualenv|[Tt]ox|pytest|CLDR|Unicode|HTML|CSS|XHTML|Qt|PyQt|GTK|Gtk|"
    "OpenSSL|TLS|SSL|OAuth|SAML|OpenAPI|Git|Mercurial|Subversion|SVN|Bazaar|Read\\sthe\\sDocs|"
    "Furo|PyData|Bash|Zsh|PowerShell|Excel|Vim|Emacs|JavaScript|TypeScript|ECMAScript|Julia|"
    "MATLAB|Octave|Stata|Fortran|GCC|Clang|LLVM"
)

DEFAULT_RULES: tuple[IdentifierRule, ...] = (
    IdentifierRule(
        "sphinx-generated",
        "text that Sphinx writes itself for versionadded, versionchanged, deprecated and "
        "versionremoved (\"Added in version 6.2\"), not the author's prose",
        classes=("versionmodified",),
        examples=("[[Added in version 6.2]]", "[[Deprecated since version 4.0]]"),
        claims=("Added in version 6.2: the build is [[3]] times faster.",),
    ),
    _rule(
        "isbn-issn-doi",
        "a book, journal or article identifier",
        r"""\bISBN(?:-1[03])?:?\s*(?:97[89][\s-]?)?\d[\d\s-]{7,15}[\dXx]\b
          | \bISSN:?\s*\d{4}-\d{3}[\dXx]\b
          | (?:\b(?:doi|DOI):\s*|\b)10\.\d{4,9}/[^\s,;()\[\]]*[^\s,;()\[\].]
          | \barXiv:\s*\d{4}\.\d{4,5}(?:v\d+)?\b""",
        ("Stokey, Lucas and Prescott, [[ISBN 978-0-674-75096-4]].",
         "Published at [[doi:10.1257/aer.91.1.1]] in 2001.",
         "The journal ([[ISSN 0002-8282]]) appears monthly."),
        ("The book (ISBN 978-0-674-75096-4) has [[588]] pages.",),
    ),
    _rule(
        "network-addresses",
        "an IP address, a host and port, or a port number",
        r"""(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?(?![\w]|\.\d)
          | (?<![\w:])(?=[0-9A-Fa-f:]*::)[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])
          | \b(?:localhost|(?:[\w-]+\.)+[a-z]{2,}):\d{2,5}\b
          | \b[Pp]orts?\s+\d{2,5}\b""",
        ("Open [[127.0.0.1:8000]] in a browser.", "The server listens on [[localhost:8080]].",
         "Then [[port 8000]] is free."),
        ("A pool of [[4]] servers at 10.0.0.1 took [[2.5]] seconds.",),
    ),
    _rule(
        "phone-numbers",
        "a telephone number",
        r"""(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?![\w-])
          | (?<![\w(])\(\d{3}\)\s?\d{3}[\s.-]\d{4}(?![\w-])
          | (?<![\w.-])\d{3}[.-]\d{3}[.-]\d{4}(?![\w.-])""",
        ("Call [[+1 (555) 010-4477]] for support.", "or [[555-010-4477]] after hours."),
        ("Call +44 20 7946 0958 within [[30]] days.",),
    ),
    _rule(
        "times",
        "a time of day",
        rf"""(?<![\d:.,])(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?{_SUFFIX}?(?![\d:])
          | (?<![\d:.,])\d:[0-5]\d(?::[0-5]\d)?{_SUFFIX}(?![\d:])
          | (?<=\b(?:at|by)\s)\d:[0-5]\d(?![\d:])
          | (?<![\w.,])(?:1[0-2]|0?\d)\s?(?:[AaPp]\.[Mm]\.|[AaPp][Mm]\b)""",
        ("The build runs at [[10:30]] every day.", "Office hours end at [[5 p.m.]]"),
        ("At 10:30 am the queue held [[400]] jobs.", "Mix them in a ratio of [[1]]:[[40]]."),
    ),
    _rule(
        "hex-and-hashes",
        "a hexadecimal number, a Unicode code point, a colour, a UUID or a commit hash",
        r"""\b0[xX][0-9A-Fa-f]+\b | \b0[bB][01]+\b
          | \b[Uu]\+[0-9A-Fa-f]{4,6}\b
          | (?<![\w&])\#(?=[0-9]*[A-Fa-f])[0-9A-Fa-f]{3,8}\b
          | \b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b
          | \b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,64}\b""",
        ("The flag is [[0x1F]].", "Use [[U+2014]] for an em dash.",
         "Fixed in commit [[3f2a9c1]].", "The link colour is [[#2980b9]]."),
        ("0x1F is [[31]].",),
    ),
    _rule(
        "issue-numbers",
        "an issue, pull request or ticket number",
        r"""(?<![\w&])(?:[\w.-]+/[\w.-]+)?\#\d+\b
          | \b(?:PR|GH|gh|bpo|BPO|CVE)[-\s]?\#?\d+(?:-\d+)?\b
          | \b(?:[Ii]ssues?|PRs?|[Pp]ull\s+[Rr]equests?|[Bb]ugs?|[Tt]ickets?|[Tt]asks?\s\#)
              \s*\#?\d+(?:(?:,\s*|\s+and\s+|\s*&\s*)\#?\d+)*\b""",
        ("[[#11147]]: Fix a crash.", "Merged in [[PR#157]].", "See [[GH-123]].",
         "This is [[issue 42]].", "See [[pypa/pip#1234]]."),
        ("#11147: Speed up the build by [[30%]].",),
        headers=("Issue", "Issues", "PR", "PRs", "Pull request", "Ticket", "Bug"),
    ),
    _rule(
        "status-codes",
        "an HTTP status code or a program's exit or error code",
        rf"""\b(?:HTTP|[Ss]tatus(?:\s+[Cc]odes?)?|[Ee]rror(?:\s+[Cc]odes?)?|[Ee]xit\s+(?:[Cc]odes?
              |[Ss]tatus)|[Rr]eturn\s+[Cc]odes?|[Rr]esponse\s+[Cc]odes?)\s+[1-5]?\d{{1,2}}\b
          | \b[1-5]\d\d(?=\s+(?:Not\s+Found|Forbidden|Unauthori[sz]ed|Internal\s+Server\s+Error
              |Bad\s+Request|Moved\s+Permanently|Permanent\s+Redirect|Temporary\s+Redirect|OK
              |No\s+Content|Created|Too\s+Many\s+Requests|Service\s+Unavailable|Gone|Conflict
              |Bad\s+Gateway|Gateway\s+Timeout|Method\s+Not\s+Allowed|See\s+Other|Not\s+Modified)\b)
          | \b{_HTTP}(?=\s+(?:pages?|views?|handlers?|responses?|status|redirects?|errors?)\b
                        |:\s)
          | \b(?:[Rr]eturn(?:s|ed|ing)?|[Ss]erv(?:e|es|ed|ing)|[Rr]ais(?:e|es|ed|ing)
              |[Aa]void(?:s|ed)?|[Hh]andl(?:e|es|ed|ing)|[Gg]ets?|[Gg]ot|don['’]t)\s+{_HTTP}\b
          | \b{_HTTP}(?:,\s*{_HTTP})*,?\s+(?:and|or)\s+{_HTTP}\b
          | \b{_HTTP}s\b | (?<=\b[Aa]\s){_HTTP}(?=\s*(?:[.,;:)]|$))""",
        ("The server answers [[HTTP 401]].", "A [[404]] Not Found page.",
         "It ends with [[exit code 2]].", "Don't hit storage for [[404s]].",
         "Users will get a [[404]].", "[[Handle 401]], [[403 and 404]] when setting up.",
         "Fix infinite redirect in [[404]] view.", "[[Return 404]] when the project is gone.",
         "Static files: [[don’t 500]] on invalid paths."),
        ("[[3]] requests returned HTTP 500.", "It serves [[40]] pages a day.",
         "A [[500]] word essay.", "We surveyed [[404]] households.",
         "The second item with [[404]] in it."),
    ),
    _rule(
        "version-ranges",
        "a version requirement such as >=1.2,<2 (a package's constraint, not a figure)",
        rf"""(?:(?<=[\w\]])(?:[<>]=?|[=!~]=|===)|(?<![\w.)\]}}])(?:[<>]=|[=!~]=|===|\^))
              \s?{_V}(?:\s*,\s*(?:[<>]=?|[=!~]=)\s?{_V})*
          | (?<![\w.])(?:{_PRODUCTS})\s*(?:[<>]=?|[=!~]=)\s*{_V}
          | (?<=\()\s*(?:[<>]=?|[=!~]=)\s*{_V}(?=\s*\))""",
        ("Requires [[>=1.2,<2]].", "Pin it with [[~=3.4]].", "Use [[^1.2]] in npm.",
         "Install [[sphinx>=5]].", "Only for [[Python < 3.3]].",
         "Crashes with old pyOpenSSL ([[< 0.14]])."),
        ("It takes [[5]] minutes when >=1.2,<2 is pinned.", "Less than [[5%]] fail.",
         "If x > [[5]] then stop."),
    ),
    _rule(
        "standards",
        "the number of a standard or specification (PEP, RFC, ISO, IEEE, CVE, WCAG ...)",
        r"""\b(?:PEPs?|RFCs?|ISO(?:/IEC)?|IEC|IEEE|ECMA|ANSI|NIST|CWE|WCAG|BCP|FIPS|SPEC|ITU-T\s?[A-Z]\.?
              |DIN|JIS|GB|EN|BS)[\s-]?\d+(?:[-:.]\d+)*
              (?:(?:,\s*|\s+and\s+|\s+or\s+)\d+(?:[-:.]\d+)*)*\b""",
        ("Follow [[PEP 8]].", "Dates are [[ISO 8601]].", "as in [[RFC 2119]].",
         "Encoded as [[ISO-8859-1]]."),
        ("PEP 8 asks for lines of at most [[79]] characters.",),
    ),
    _rule(
        "names-with-numbers",
        "a name that contains a number (UTF-8, COVID-19, x86-64, B-52, HTTP/2, AR(1), Web 2.0, "
        "@user-2)",
        r"""\b(?:[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Za-z]+\d+|Latin|(?i:covid)|Type|Tier
              |Class|Mark|Level|Web|Base)-\d+(?:[-.]\d+)*\b
          | \b[A-Z]-\d+[A-Z]?\b
          | (?<![\w@])@[A-Za-z][\w.-]*-\d+\b
          | \b[A-Z]{2,}/\d+(?:\.\d+)?\b
          | \b[A-Z]{1,6}\(\d+(?:,\s*\d+){0,2}\)
          | \b[a-z][\w.-]+\([1-9][a-z]?\)
          | \b(?i:utf|ucs)[-\s]?\d+\b | \b(?i:utf|ucs|latin|cp|koi|iso|windows)-?\d+(?:-\d+)*\b
          | \bC\+\+\s?\d{2}\b
          | \b3rd[\s-]part(?:y|ies)\b | \b(?:two|2)[\s-]factor\b | \bpy\d(?:/\d)+\b
          | \b(?:two|three|2|3)[\s-]clause\s+BSD\b | \b45[\s-]degree\s+(?:lines?|diagrams?)\b
          | \bWeb\s2\.0\b""",
        ("Files are [[UTF-8]].", "The [[COVID-19]] recession.", "Built for [[x86-64]].",
         "A [[B-52]] bomber and an [[H-1B]] visa.", "Thanks to [[@mmorel-35]].",
         "Support for non-[[UTF 8]] sources.",
         "Served over [[HTTP/2]].", "An [[AR(1)]] process.", "See [[sphinx-build(1)]].",
         "Works with [[3rd party]] themes.", "Use a [[45-degree diagram]]."),
        ("The COVID-19 recession cost [[3%]] of output.",
         "A Beta([[2]], [[5]]) prior.", "In [[the 3rd century]], [[two]] factors mattered.",
         "Unemployment rose pre-[[1939]] and fell post-[[1945]].",
         "Pre-[[1914]] prices, a [[64]]-bit build and the B-52's [[8]] engines."),
    ),
    _rule(
        "versions",
        "a software version (Python 3.7, version 6.2, v2.0, 1.3.2, 3.x) or release number",
        rf"""(?<![\w.])(?:{_PRODUCTS})\s+(?:(?:to|up\s+to|from)\s+)?{_V}(?:{_JOIN}{_V})*
              (?!\w|\.\d|\s?%|\s+(?:times|percent|per\s?cent|million|billion|thousand)\b)
          | \b(?:[Bb]ump(?:s|ed)?\s+\S+\s+from\s+{_V}\s+to|[Uu]pgrade[sd]?\s+to)\s+{_V}
          | (?<![\w.])\d+\.\d+(?:\.\d+)*\s+(?:final|alpha|beta|rc)\b
          | \b(?:[Vv]ersions?|[Rr]eleases?|[Rr]elease\s+[Cc]andidates?|[Rr]evisions?)
              \s+(?:(?:from|up\s+to|greater\s+than|less\s+than|older\s+than|newer\s+than|below
                  |above|of|is|was)\s+)?{_V}(?:{_JOIN}{_V})*
              (?!\.?\d|\s?%)
          | \b(?:(?:[Nn]ew|[Aa]dded|[Cc]hanged|[Dd]eprecated|[Rr]emoved|[Ff]ixed|[Ii]ntroduced
                  |[Rr]eleased|[Dd]ropped|[Bb]roken|[Ss]upported|[Aa]vailable)\s+(?:in|since|as\s+of|at)
                |[Ss]ince|[Aa]s\s+of)\s+v?\d+\.\d+(?:\.\d+)*(?:{_JOIN}v?\d+(?:\.\d+)*)*
              (?=\s*(?:[,;:)\]]|\.(?!\d)|$|\(|(?:and|or)\s+(?:later|newer|above|earlier)\b))
          | (?<![\w.])v\d+(?:\.\d+)*\b
          | (?<![\w.])\d+(?:\.\d+){{2,}}(?:[-.]?(?:a|b|rc|dev|post|alpha|beta)\d*)?(?<!\d\.\d{{4}})
              (?![\w]|\.\d)
          | (?<![\w.])["'“‘]?\d+(?:\.\d+)+["'”’]?(?=\s+(?:versions?|releases?|series|branch)\b)
          | (?<![\w.])\d+(?:\.\d+)*\.[x*](?![\w])
          | (?<![\w.])\d+\.\d+\+(?![\w.])
          | (?<![\w.])\d+\.\d+(?:a|b|rc|\.dev|\.post)\d+\b
          | \b[A-Za-z]\w*-\d+(?:\.\d+)+\b""",
        ("[[Sphinx 7.2]] needs [[Python 3.9]] or later.", "Added in [[version 6.2]].",
         "Released as [[1.3.2]].", "[[Upgrade to v2.0]].", "Works on [[3.x]].",
         "For Docutils [[version 0.16.1 beta 2]] this would be",
         "Fails with [[six-1.4]].", "The [[1.3b3]] change breaks it.",
         "Restrict [[Docutils to 0.16]]", "Dropped support for Docutils [[versions up to 0.9]].",
         "It will be [[removed at 1.7]].", "[[Bump peter-evans/create-pull-request from 4 to 5]]",
         "Ubuntu [[version from 18.04 LTS to 20.04 LTS]]", "increase [[3.11 beta]] version",
         "Avoid [[\"2.0\"]] version of Babel.", "Supports [[Sphinx 1.3–1.5]]."),
        ("Python 3.9 is [[25%]] faster than Python 3.8 at startup.",
         "PyPy [[4]] times faster than CPython.",
         "Inflation was [[2.5%]] in [[2.5]] years.", "It falls [[from 0.74 to 0.70]].",
         "Spending rose [[from 0.3 to 0.4]].", "A [[3.11 percent]] rise.",
         "Prices rose [[1.3–1.5]] times.", "The 2.0 release took [[3]] weeks."),
        headers=("Version", "Versions", "Deprecated", "Removed", "Added", "Changed", "Since",
                 "Release", "Releases", "Python", "Sphinx", "Docutils", "Minimum version",
                 "Required version", "Supported versions"),
    ),
    _rule(
        "labels",
        "the number of a step, example, figure, chapter, page, section, table, exercise or line",
        rf"""\b(?:[Ss]teps?|[Ee]xamples?|[Ff]ig(?:ure)?s?\.?|[Cc]hapters?|[Cc]h\.|[Pp]ages?|pp?\.
              |[Ss]ections?|[Ss]ec\.|[Tt]ables?|[Ee]xercises?|[Ll]ines?|[Ll]ectures?|[Pp]arts?
              |[Aa]ppendi(?:x|ces)|[Ee]quations?|[Ee]qs?\.|[Tt]heorems?|[Ll]emmas?|[Dd]efinitions?
              |[Pp]ropositions?|[Cc]orollar(?:y|ies)|[Aa]lgorithms?|[Ll]istings?|Volumes?|Vol\.
              |No\.|Nos\.|[Ii]tems?|[Oo]ptions?|[Qq]uestions?|[Pp]roblems?|[Ss]olutions?
              |[Tt]asks?|[Ff]ootnotes?|[Cc]olumns?|[Rr]ows?|[Pp]hases?|[Ss]tages?|Levels?
              |Modules?|Lessons?|Episodes?|[Ss]lides?|Panels?|[Aa]rticles?|[Cc]lauses?
              |[Pp]aragraphs?|[Pp]aras?\.|[Rr]ules?|Cases?|Models?|Assumptions?|Remarks?
              |[Ee]xperiments?|[Ww]eeks?|[Mm]ethods?|Scenes?)
            \s+\(?\d+(?:\.\d+)*[a-z]?\)?
            (?:{_JOIN}\(?\d+(?:\.\d+)*[a-z]?\)?)*
            (?!\s?(?:%|percent|per\s?cent|times|million|billion|thousand)\b|[.,]\d)
          | (?:\b(?:[Pp]aths?|[Pp]roducts?|[Ss]ubperiods?|[Cc]hild|Terms?|Content)
              |(?<![Aa]\s)(?<![Oo]ne\s)\b(?:[Yy]ear|[Gg]oods?))
            \s+\d{{1,2}}\b(?:{_JOIN}\d{{1,2}}\b)*
            (?!\s?(?:%|percent|per\s?cent|times|million|billion|thousand)\b|[.,]\d)
          | \b\d+(?:st|nd|rd|th)\s+(?:[Ee]dition|[Ee]d\.)
          | (?:\b(?i:in|at|from|to|of|each|into|for|and|or|with|the)\s+|(?<=\()|^)
              [Ss]tates?\s+\d+(?:{_JOIN}\d+)*\b(?![.,]\d)""",
        ("See [[Figure 3.1]].", "[[Step 1]]: install it.", "In [[Chapter 9]] we",
         "on [[page 42]]", "Solve [[Exercise 5]].", "Read [[lines 12-15]].",
         "Dependency update for [[week 07]].", "[[In state 0]] the worker is unemployed.",
         "Either unemployed ([[state 0]]) or employed.",
         "The [[2nd Edition]] of the book.", "Under [[path 2]], [[Product 1]] sells best.",
         "In [[year 21]] of the sequence.", "We label them as [[good 0]] and [[good 1]]."),
        ("Figure 3 shows that [[20%]] of firms exit.",
         "A table [[3]] times larger.", "It lasts [[3]] weeks, in [[two]] states.",
         "The footnote states [[707]].", "In the year [[1921]] prices rose.",
         "It lasted a good [[2]] hours.", "For [[20]] years [[2]] paths were open.",
         "Within a year [[3]] banks failed."),
        headers=("No.", "No", "#", "Step", "Line", "Page"),
    ),
    _rule(
        "section-numbers",
        "a section number (§ 4.2)",
        rf"""§§?\s*\d+(?:\.\d+)*(?:{_JOIN}\d+(?:\.\d+)*)*""",
        ("As [[§ 4.2]] requires.", "See [[§§ 3-5]]."),
        ("§ 4.2 allows [[30]] days.",),
    ),
    _rule(
        "file-names",
        "a file name or path with digits in it (figure1.png, chapter-2.md, /en/3.2/)",
        r"""(?<![\w./\\-])[\w.-]*\d[\w.-]*\.(?:png|jpe?g|gif|svg|pdf|html?|md|rst|txt|py|ipynb
              |csv|json|ya?ml|toml|ini|cfg|tex|bib|zip|tar|gz|bz2|xz|whl|js|css|xml|xlsx?|docx?
              |log|sh|bat|exe|dat|h5|parquet|pkl)\b
          | (?<![\w./\\-])(?:/[\w-]+(?:\.[\w-]+)*){2,}/? | (?<![\w./\\-])/[\w.-]+/
          | (?<![\w./\\-])[\w.-]*[A-Za-z][\w.-]*(?:/[\w-]+(?:\.[\w-]+)*){2,}/?""",
        ("See [[chapter-2.md]].", "Docs live under [[/en/3.2/]].",
         "Call [[api/v3/projects]]."),
        ("Saved [[3]] files to /tmp/run-2/.", "Only [[1/5]] of them pass."),
    ),
    _rule(
        "token-fragments",
        "a number in scientific notation or a token of digits and letters (1e-5, 3x3): the piece "
        "a reader finds in it is not its value",
        r"""(?<![\w.])\d+(?:\.\d+)?[eE][-+]?\d+\b
          | (?<![\w.])\d+(?:[.,]\d+)*[A-Za-z_]+\d\w*""",
        ("A tolerance of [[1e-5]].", "Use a [[3x3]] grid."),
        ("A [[19th century]] town of [[1920s]] design.",
         "It weighs [[15,000]]kg and answers in [[10]]ms.", "A [[25k]] budget, [[3.8m]] users."),
    ),
)


# --------------------------------------------------------------------------- project rules

class RuleProblem(ValueError):
    """A project rule (or a disabled name) that cannot be used, and why."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


def project_rule(name: Any, spec: Any) -> IdentifierRule:
    """The rule a project declares in ``factcheck_identifiers``; :class:`RuleProblem` if bad."""
    where = f"factcheck_identifiers[{name!r}]"
    if not isinstance(name, str) or not name.strip():
        raise RuleProblem(str(name), f"{where}: a rule name must be a non-empty string")
    if not isinstance(spec, Mapping):
        raise RuleProblem(name, f"{where} must be a dict with 'pattern' and 'reason', not "
                          f"{type(spec).__name__}")
    unknown = sorted(set(spec) - {"pattern", "reason", "examples"})
    if unknown:
        raise RuleProblem(name, f"{where}: unknown key(s) {', '.join(map(repr, unknown))} "
                          "(allowed: 'pattern', 'reason', 'examples')")
    reason = spec.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise RuleProblem(name, f"{where} needs a 'reason': a non-empty string saying why "
                          "these tokens are not claims")
    pattern = spec.get("pattern")
    if isinstance(pattern, re.Pattern):
        compiled = pattern
    elif isinstance(pattern, str) and pattern:
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise RuleProblem(name, f"{where}: the pattern {pattern!r} is not a valid "
                              f"regular expression: {exc}") from None
    else:
        raise RuleProblem(name, f"{where} needs a 'pattern': a regular expression (a string)")
    if compiled.search(""):
        raise RuleProblem(name, f"{where}: the pattern {compiled.pattern!r} matches the empty "
                          "string, so it would exempt nothing or everything")
    examples = spec.get("examples", ())
    if isinstance(examples, str) or not all(isinstance(e, str) for e in examples):
        raise RuleProblem(name, f"{where}: 'examples' must be a list of strings")
    rule = IdentifierRule(name, reason.strip(), compiled, tuple(examples), origin="conf.py")
    for example in rule.examples:
        plain, spans = marked(example)
        if spans and not set(spans) <= set(rule.spans(plain)):
            raise RuleProblem(name, f"{where}: the example {example!r} marks a span the pattern "
                              "does not match")
    return rule


def active_rules(project: Any, disabled: Any,
                 defaults: tuple[IdentifierRule, ...] = DEFAULT_RULES,
                 ) -> tuple[tuple[IdentifierRule, ...], list[RuleProblem]]:
    """The rules in force: the defaults, then the project's rules, minus the disabled names.

    Returns the rules and the problems found; a bad project rule or an unknown name to disable is
    left out and reported, never raised, so the build goes on with the rest.  ``project`` should
    be a mapping and ``disabled`` a list of names; anything else is reported and ignored.
    """
    problems: list[RuleProblem] = []
    rules: list[IdentifierRule] = list(defaults)
    names = {rule.name for rule in defaults}
    if not isinstance(project, Mapping):
        problems.append(RuleProblem("factcheck_identifiers", "factcheck_identifiers must be a "
                                    "dict of rule names to {'pattern': ..., 'reason': ...}, not "
                                    f"{type(project).__name__}; it is ignored"))
        project = {}
    if isinstance(disabled, str) or not isinstance(disabled, Iterable):
        problems.append(RuleProblem("factcheck_disable_identifiers", "factcheck_disable_"
                                    "identifiers must be a list of rule names, such as "
                                    f"['labels'], not {disabled!r}; it is ignored"))
        disabled = []
    for name, spec in project.items():
        try:
            rule = project_rule(name, spec)
        except RuleProblem as problem:
            problems.append(problem)
            continue
        if rule.name in names:
            problems.append(RuleProblem(rule.name, f"factcheck_identifiers[{rule.name!r}]: a "
                                        "rule of that name exists already; choose another name"))
            continue
        names.add(rule.name)
        rules.append(rule)
    off = set()
    for name in disabled:
        if name not in names:
            close = difflib.get_close_matches(str(name), sorted(names), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(RuleProblem(str(name), f"factcheck_disable_identifiers: no rule is "
                                        f"named {name!r}{hint}"))
        off.add(name)
    return tuple(r for r in rules if r.name not in off), problems


_CACHE: dict[str, tuple[IdentifierRule, ...]] = {}


def rules_for(project: Any, disabled: Any) -> tuple[IdentifierRule, ...]:
    """:func:`active_rules` without the problems (reported once, at config time), memoised."""
    key = repr((project, disabled))
    if key not in _CACHE:
        _CACHE[key] = active_rules(project, disabled)[0]
    return _CACHE[key]


def rule_findings(project: Any, disabled: Any, conf: Path | None) -> list[Finding]:
    """The problems of the project's rules as findings (subtype ``config``), each at the line of
    ``conf`` that names the rule or assigns the value."""
    problems = active_rules(project, disabled)[1]
    if not problems:
        return []
    lines: list[str] = []
    if conf is not None:
        try:
            lines = Path(conf).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
    found = []
    for problem in problems:
        quoted = (f'"{problem.name}"', f"'{problem.name}'")
        line = next((n for n, text in enumerate(lines, 1)
                     if any(q in text for q in quoted) or text.startswith(f"{problem.name} =")),
                    0)
        found.append(Finding(Subtype.CONFIG, str(problem), str(conf or "conf.py"), line))
    return found
