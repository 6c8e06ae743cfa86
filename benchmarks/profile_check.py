"""Where factcheck's time goes in one fresh build: a cProfile, summed per part of the check.

    .venv/bin/python benchmarks/profile_check.py [--pages 1000] [--builder dummy] [--save FILE]
    .venv/bin/python benchmarks/profile_check.py --site docs

Builds a generated site (:mod:`sitegen`, 5 facts per page) or ``--site DIR`` in this process
under cProfile, then prints the seconds of each part of the check, from the
profile's call graph (callee time attributed to the named caller, so parts do not overlap
unless said so).  cProfile slows Python code down (by 1.5-2x here), so read the seconds as
shares of the profiled total; the bench_scale table has the unprofiled figures.  ``--save``
keeps the raw profile for ``python -m pstats`` or snakeviz.

Parts that a refactoring renames show as "not found"; adjust ``PARTS`` then.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

import sitegen

# (label, callee (file, function), caller (file, function) or None for every caller, note)
PARTS: list[tuple[str, tuple[str, str], tuple[str, str] | None, str]] = [
    ("facts file: read (start_build)", ("state.py", "start_build"), None,
     "builder-inited; a parse only when the file's content changed"),
    ("facts file: parse (read_facts)", ("facts.py", "read_facts"), None,
     "only when the content hash differs from the kept parse"),
    ("role: facts of the build (facts_for)", ("state.py", "facts_for"), ("roles.py", "run"),
     "every fact role: a dict lookup"),
    ("role: render bare values (Babel)", ("render.py", "render_value"), ("roles.py", "run"), ""),
    ("role: everything (FactRole.run)", ("roles.py", "run"), None,
     "includes the rows above and nofact"),
    ("doctree walk (blocks_of)", ("blocks.py", "blocks_of"), None, "one block per paragraph"),
    ("scan: figures (find_figures)", ("scanner.py", "find_figures"),
     ("mentions.py", "_prose_mentions"), "per paragraph, not per text node"),
    ("scan: identifier rules", ("rules.py", "identifier_spans"),
     ("mentions.py", "_prose_mentions"), "only where a paragraph has figures"),
    ("locate: all (SourceLocator.locate)", ("locate.py", "locate"), None,
     "every mention, a string search"),
    ("collect_mentions (doctree-read), total", ("collector.py", "collect_mentions"), None,
     "walk + scan + locate"),
    ("outdated_by_facts (env-get-outdated)", ("collector.py", "outdated_by_facts"), None, ""),
    ("report: judge every mention", ("verdicts.py", "judge"), ("report.py", "collect_findings"),
     "only pages read again or whose facts changed"),
    ("report: total (report_findings)", ("report.py", "report_findings"), None,
     "includes judging, unused facts, sources, rules"),
    ("exemptions list (doctree-resolved)", ("directives.py", "fill_exemption_lists"), None,
     "returns at once when no page has a list"),
    ("HTML visitors", ("html.py", "visit_fact_html"), None, "html builder only"),
]
#: The check's entry points (Sphinx calls these); their sum is the check's whole cost.
ENTRIES = [("state.py", "start_build"), ("roles.py", "run"), ("collector.py", "collect_mentions"),
           ("collector.py", "outdated_by_facts"), ("report.py", "report_findings"),
           ("directives.py", "fill_exemption_lists"), ("html.py", "visit_fact_html"),
           ("html.py", "depart_fact_html"), ("html.py", "record_places"),
           ("html.py", "rewrite_changed_notes"), ("register.py", "fill_register_lists"),
           ("html.py", "visit_exemption_html"), ("html.py", "depart_span_html")]


def _in_factcheck(key: tuple[str, int, str], file: str, name: str) -> bool:
    path = Path(key[0])
    return path.parent.name == "factcheck" and path.name == file and key[2] == name


def part_seconds(stats: pstats.Stats, callee: tuple[str, str],
                 caller: tuple[str, str] | None) -> tuple[float, int] | None:
    """Cumulative seconds and calls of ``callee`` (from ``caller`` only, when given)."""
    seconds, calls, found = 0.0, 0, False
    table = stats.stats  # type: ignore[attr-defined]
    for key, (_cc, nc, _tt, ct, callers) in table.items():
        if not _in_factcheck(key, *callee):
            continue
        found = True
        if caller is None:
            # Recursive functions: the primitive-call total is the cumulative time.
            seconds, calls = seconds + ct, calls + nc
            continue
        for caller_key, (_c_cc, c_nc, _c_tt, c_ct) in callers.items():
            if _in_factcheck(caller_key, *caller):
                seconds, calls = seconds + c_ct, calls + c_nc
    return (seconds, calls) if found else None


def summary(stats: pstats.Stats, total: float) -> str:
    lines = [f"{'part of the check':<42}{'seconds':>9}{'calls':>10}  note"]
    for label, callee, caller, note in PARTS:
        found = part_seconds(stats, callee, caller)
        if found is None:
            lines.append(f"{label:<42}{'not found':>9}")
            continue
        seconds, calls = found
        lines.append(f"{label:<42}{seconds:9.2f}{calls:10,}  {note}")
    whole = sum((part_seconds(stats, entry, None) or (0.0, 0))[0] for entry in ENTRIES)
    lines.append(f"{'factcheck, all entry points':<42}{whole:9.2f}{'':>10}  "
                 f"{100 * whole / total:.1f} % of the profiled build ({total:.2f} s)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--facts", type=int, default=None, help="default: 5 per page")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--site", type=Path, default=None, help="profile this site instead")
    parser.add_argument("--builder", default="dummy")
    parser.add_argument("--extra", nargs=argparse.REMAINDER, default=[],
                        help="more sphinx-build arguments, e.g. --extra -D factcheck_enabled=0")
    parser.add_argument("--save", type=Path, default=None, help="write the raw profile here")
    parser.add_argument("--top", type=int, default=25, help="also list the top N factcheck "
                        "functions by own time")
    args = parser.parse_args()

    from sphinx.cmd.build import build_main

    with tempfile.TemporaryDirectory(prefix="factcheck-profile-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            made = sitegen.generate_site(site, pages=args.pages, facts=args.facts,
                                         seed=args.seed)
            print(f"site: {made.root}: {len(made.pages)} pages, {made.facts} facts, "
                  f"{made.figures} figures", file=sys.stderr)
        argv = ["-q", "-N", "-b", args.builder, str(site), str(Path(tmp) / "out"), *args.extra]
        # cProfile's default clock (wall, ~0.1 us a call here): a CPU clock costs a system
        # call in this VM (~0.5 us) and, at 280 million calls, distorts more than it corrects.
        # The CPU total printed next to it shows whether the machine was shared meanwhile.
        profile = cProfile.Profile()
        start, cpu_start = time.perf_counter(), time.process_time()
        profile.enable()
        status = build_main(argv)
        profile.disable()
        total, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    if status:
        sys.exit(f"the build failed with status {status}")
    stats = pstats.Stats(profile)
    if args.save:
        stats.dump_stats(str(args.save))
    busy = " (wall well above CPU: the machine was busy, the seconds below are inflated)" \
        if total > 1.15 * cpu else ""
    print(f"builder {args.builder}, profiled build {total:.2f} s wall, {cpu:.2f} s CPU{busy}\n")
    print(summary(stats, total))
    if args.top:
        print(f"\nTop {args.top} factcheck functions by own time (tottime, cumtime):")
        stats.sort_stats("tottime").print_stats(r"factcheck[/\\]", args.top)


if __name__ == "__main__":
    main()
