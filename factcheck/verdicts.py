"""Judge each mention against the facts file, and word the findings.

Judging happens after all pages are read, on every build, from the mentions kept in the
environment; so an edit of the facts file is checked without reading the pages again.  The
wording of every message is here: what the text states, what the facts file says, and where the
fact is defined (``facts.yaml:42``).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace

from factcheck.facts import Fact, FactsFile
from factcheck.findings import Finding, Subtype
from factcheck.judge import judge_statement
from factcheck.mentions import Mention
from factcheck.reading.lexicon import Lexicon, lexicon_for

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` safe for a log line: no line breaks, no terminal escape codes."""
    return _CONTROL.sub(lambda m: " " if m.group() in "\n\r\t" else "\ufffd", text)


def judge(mention: Mention, facts_file: FactsFile, lexicon: Lexicon) -> Finding | None:
    """The finding for one mention, or ``None`` when it is consistent with the facts file."""
    place = {"path": mention.source, "line": mention.line, "column": mention.column}
    if mention.kind == "unbound":
        text = printable(mention.text)
        return Finding(Subtype.UNBOUND, f"unbound figure {text!r}: bind it to a fact with "
                       f"{{fact}}`{text} <id>` or exempt it with {{nofact}}`{text} <reason>`",
                       **place)
    if mention.kind == "exempt":
        if mention.reason:
            return None
        return Finding(Subtype.EXEMPTION, f"exemption of {printable(mention.text)!r} gives no "
                       "reason: write {nofact}`text <why this is not a claim>`", **place)
    facts = []
    for fact_id in mention.fact_ids or ("",):
        fact = facts_file.facts.get(fact_id)
        if fact is None:
            return _missing(fact_id, facts_file, place)
        facts.append(fact)
    if mention.kind != "stated":
        return None
    return _compare(mention, facts, facts_file, lexicon, place)


def _missing(fact_id: str, facts_file: FactsFile, place: dict) -> Finding:
    name = facts_file.path.name
    if fact_id in facts_file.invalid:
        return Finding(Subtype.FACTS_FILE, f"fact {fact_id!r} has an invalid value "
                       f"({name}:{facts_file.invalid[fact_id]})", fact_id=fact_id, **place)
    message = f"unknown fact id {printable(fact_id)!r}: {name} does not define it"
    close = difflib.get_close_matches(fact_id, list(facts_file.facts), n=1)
    if close:
        message += f" (did you mean {close[0]!r}?)"
    return Finding(Subtype.UNKNOWN_ID, message, fact_id=fact_id, **place)


def _compare(mention: Mention, facts: list[Fact], facts_file: FactsFile, lexicon: Lexicon,
             place: dict) -> Finding | None:
    outcome = judge_statement(mention.text, [f.value for f in facts], lexicon,
                              before=mention.before, after=mention.after)
    if outcome.agrees:
        return None
    text = printable(mention.text)
    about = _about(facts, facts_file)
    first = facts[0].id
    if outcome.status == "mismatch":
        detail = "" if outcome.detail in ("another value", "another date") else \
            f": {outcome.detail}"
        return Finding(Subtype.MISMATCH, f"the text states {text!r} but {about}{detail}",
                       fact_id=first, **place)
    if outcome.status == "ambiguous":
        return Finding(Subtype.AMBIGUOUS, f"{printable(outcome.detail)} ({about})",
                       fact_id=first, **place)
    if outcome.found:
        return Finding(Subtype.UNREADABLE, f"{outcome.detail} in {text!r} ({outcome.found}) "
                       f"for {_ids(facts, facts_file)}; bind each figure with its own role",
                       fact_id=first, **place)
    return Finding(Subtype.UNREADABLE, f"cannot read {text!r} for {_ids(facts, facts_file)}: "
                   f"{printable(outcome.detail)}", fact_id=first, **place)


def _about(facts: list[Fact], facts_file: FactsFile) -> str:
    name = facts_file.path.name
    parts = [f"fact {f.id!r} ({printable(f.label)}) is {printable(f.shown)}, defined at "
             f"{name}:{f.line}" for f in facts]
    return " and ".join(parts)


def _ids(facts: list[Fact], facts_file: FactsFile) -> str:
    name = facts_file.path.name
    return " and ".join(f"fact {f.id!r}, defined at {name}:{f.line}" for f in facts)


def unused_findings(facts_file: FactsFile, used: set[str], mode: str) -> list[Finding]:
    """Facts no page states or renders (a fact is used when a fact derived from it is):
    notes, warnings (``mode`` ``'warning'``) or nothing (``'off'``)."""
    if mode == "off":
        return []
    used = set(used)
    for fact in facts_file.facts.values():
        if fact.id in used:
            used.update(fact.depends_on)
    severity = "warning" if mode == "warning" else "note"
    return [Finding(Subtype.UNUSED, f"fact {fact.id!r} ({printable(fact.label)}) is never "
                    "stated or rendered", str(facts_file.path), fact.line, fact_id=fact.id,
                    severity=severity)
            for fact in facts_file.facts.values() if fact.id not in used]


def source_findings(facts_file: FactsFile, keys: set[str] | None) -> list[Finding]:
    """Facts whose ``source`` names no entry of the bibliography (``keys``, compared without
    case as BibTeX does; ``None``: the project has no bibliography to check against)."""
    folded = {key.casefold(): key for key in keys or ()}
    found = []
    for fact in facts_file.facts.values():
        if not fact.source or (keys is not None and fact.source.casefold() in folded):
            continue
        source = printable(fact.source)
        if keys is None:
            message = (f"fact {fact.id!r} names the source {source!r}, but the project has no "
                       "bibliography to check it against (add 'sphinxcontrib.bibtex' and "
                       "bibtex_bibfiles)")
        else:
            message = f"fact {fact.id!r} names the source {source!r}, which is not in the " \
                      "bibliography"
            close = difflib.get_close_matches(fact.source, sorted(keys), n=1)
            if close:
                message += f" (did you mean {close[0]!r}?)"
        found.append(Finding(Subtype.SOURCE, message, str(facts_file.path), fact.line,
                             fact_id=fact.id))
    return found


def as_reported(finding: Finding, strict: bool) -> Finding:
    """``finding`` with the severity it is reported at: an unbound figure is a note unless the
    check is strict."""
    if finding.subtype is Subtype.UNBOUND and not strict and finding.severity != "note":
        return replace(finding, severity="note")
    return finding


def verdict_key(fact_ids: set[str], facts_file: FactsFile) -> tuple[object, ...]:
    """What the findings of a page that names ``fact_ids`` depend on in the facts file."""
    parts: list[object] = [facts_file.path.name]
    for fact_id in sorted(fact_ids):
        fact = facts_file.facts.get(fact_id)
        if fact is not None:
            parts.append((fact_id, fact.written, fact.label, fact.line, fact.fingerprint()))
        elif fact_id in facts_file.invalid:
            parts.append((fact_id, "invalid", facts_file.invalid[fact_id]))
        else:  # "did you mean …" depends on every id of the file
            parts.append((fact_id, "unknown", tuple(sorted(facts_file.facts))))
    return tuple(parts)


def facts_file_findings(facts_file: FactsFile) -> list[Finding]:
    """The problems of the facts file itself, at their lines."""
    return [Finding(Subtype(problem.subtype), printable(problem.message), str(facts_file.path),
                    problem.line) for problem in facts_file.problems]


@dataclass(frozen=True)
class Outcome:
    """How one statement compares with one value: ``status`` is ``agrees``, ``mismatch``,
    ``unreadable`` or ``ambiguous``; ``message`` says why when it does not agree."""

    status: str
    message: str = ""


def check_statement(text: str, value: str, *, locale: str = "en",
                    kind: str | None = None, date_order: str | None = "auto") -> Outcome:
    """Judge ``text`` (what a ``fact`` role states) against ``value`` (as the facts file writes it).

    The core of the check without Sphinx or a facts file: ``check_statement("Sept. 17, 1939",
    "1939-09-17")`` is what ``{fact}`Sept. 17, 1939 <id>``` does for a fact of that value.
    Raises ValueError (with the reason) when ``value`` is not a value the facts file can hold.
    """
    from factcheck.values import BadValue, parse_value

    try:
        fact_value = parse_value(value, kind)
    except BadValue as exc:
        raise ValueError(f"bad value {value!r}: {exc}") from None
    outcome = judge_statement(text, [fact_value], lexicon_for(locale, date_order))
    if outcome.agrees:
        return Outcome("agrees")
    message = f"{outcome.detail} ({outcome.found})" if outcome.found else outcome.detail
    return Outcome(outcome.status, message)
