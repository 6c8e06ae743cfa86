"""What factcheck costs at scale, as ratios measured in one run on this machine.

    .venv/bin/python benchmarks/bench_scale.py            # full run (about an hour on 2 cores)
    .venv/bin/python benchmarks/bench_scale.py --quick    # smoke run, about a minute

Sites: this repository's ``docs/``, and sites from :mod:`sitegen` (1,000 pages with 5,000 facts;
2,000 pages with 10,000 facts; ``--quick``: 100 pages).  Every build is a separate
``python -m sphinx`` process into a fresh output directory.  The variants of one site are run in
rounds, each round running every variant once in a rotated order, so that machine noise hits all
alike; the table gives medians, and each ratio is the median of the per-round ratios.

The variants:

``on``
    the site as it is: factcheck loaded and checking.
``off``
    ``-D factcheck_enabled=0``: factcheck loaded, nothing scanned or judged; roles still render,
    so the facts file is still read and every role still resolves its fact.
``absent``
    the honest zero: a copy of the site with every ``fact`` / ``nofact`` role rewritten to the text
    it shows (a bare role to its rendered value), the ``factcheck-*`` directives dropped and
    ``factcheck`` removed from ``extensions`` (on ``docs/``, also the site's ``charts`` extension
    and its ``fact-*`` directives: they draw from the facts file through factcheck).  A conf
    override cannot do this (without the extension the role syntax is an error), hence the
    rewritten copy.  What the reader sees is
    the same text; the doctree has plain text where it had role nodes.
``roles``
    the floor: a copy with ``factcheck`` replaced by a stub whose ``fact`` and ``nofact`` roles
    return a plain inline node (bare roles get their rendered value written in, the
    ``factcheck-*`` directives are dropped): no facts file, no check.  *roles / absent* is what
    the markup itself costs (MyST parsing every role, the extra nodes in every doctree);
    *on / roles* is what factcheck adds beyond it, the part its code can shrink.
``on -j 2``
    the ``on`` build with two processes (1,000-page site only).

CPU time is user + system time of the build and the processes it waited for (``-j 2`` workers
included), from ``resource.getrusage(RUSAGE_CHILDREN)`` before and after each build; wall time
is measured around it.  Peak memory is the build's ``ru_maxrss`` (from ``os.wait4``, per build;
with ``-j 2`` the largest single process, not the sum).  Incremental rows start from the last
round's output directories: a rebuild with nothing changed, and a rebuild after editing one
fact's label (the pages re-read are counted from Sphinx's "reading sources" lines).

Raw runs are written as JSON with ``--json FILE``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import sitegen

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"


# --------------------------------------------------------------------------- one build


@dataclass
class Run:
    """One ``sphinx-build`` process: what it cost and what it said."""

    site: str
    variant: str
    round: int
    wall: float
    cpu: float
    maxrss_mib: float
    returncode: int
    warnings: list[str]
    reread: int  # documents read (Sphinx's "reading sources" lines)
    load: float = 0.0  # 1-minute load average when the build ended: is the machine shared?


def sphinx_build(src: Path, out: Path, *, site: str, variant: str, round_: int,
                 builder: str = "html", extra: tuple[str, ...] = (), logdir: Path) -> Run:
    """Build ``src`` into ``out`` in a child process and measure it."""
    command = [sys.executable, "-m", "sphinx", "-N", "-b", builder, str(src), str(out), *extra]
    logdir.mkdir(parents=True, exist_ok=True)
    stem = f"{site}-{variant}-{round_}".replace(" ", "")
    stdout_path, stderr_path = logdir / f"{stem}.out", logdir / f"{stem}.err"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with stdout_path.open("wb") as stdout, stderr_path.open("wb") as stderr:
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, cwd=src)
        # wait4, not Popen.wait: it also gives this child's own peak memory; the children's
        # ru_maxrss from getrusage is a running maximum over every build so far.
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    status_text = stdout_path.read_text(encoding="utf-8", errors="replace")
    warnings = [line for line in stderr_path.read_text(encoding="utf-8",
                                                       errors="replace").splitlines()
                if "WARNING" in line or "ERROR" in line]
    reread = len(re.findall(r"^reading sources\.\.\. \[\s*\d+%\] \S", status_text, re.M))
    return Run(site, variant, round_, wall, cpu, usage.ru_maxrss / 1024, process.returncode,
               warnings, reread, os.getloadavg()[0])


# --------------------------------------------------------------------------- the baselines

_ROLE = re.compile(r"(?P<code>(?P<ticks>`+).+?(?<!`)(?P=ticks)(?!`))"
                   r"|\{(?P<name>fact|nofact)\}`(?P<body>[^`]*)`", re.DOTALL)
_FENCE = re.compile(r"^\s*(?P<marks>`{3,}|~{3,}|:{3,})\s*(?P<info>\S*)")
_EXPLICIT = re.compile(r"^(.+?)\s*(?<!\x00)<([^<]*?)>$", re.DOTALL)  # Sphinx's explicit title
#: Fenced blocks whose content is not MyST prose: roles there are examples, not roles.
_VERBATIM = ("{code-block}", "{code}", "{literal}", "{eval-rst}", "{math}")

#: bench_scale's floor: roles that make a plain inline node; no facts file, no check.
_STUB = """from docutils import nodes
from sphinx.util.nodes import split_explicit_title


def role(name, rawtext, text, lineno, inliner, options=None, content=()):
    explicit, title, target = split_explicit_title(text)
    return [nodes.inline(rawtext, title if explicit else target)], []


def setup(app):
    app.add_role("fact", role)
    app.add_role("nofact", role)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""


def strip_factcheck(src: Path, dst: Path) -> None:
    """Copy the MyST site at ``src`` to ``dst`` as it would be written without factcheck:
    every role becomes the text it shows, the ``factcheck-*`` directives go."""
    _rewrite(src, dst, keep_roles=False)
    with (dst / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\n# benchmarks/bench_scale.py: the same site without factcheck.\n"
                   "extensions = [e for e in extensions if e not in ('factcheck', 'charts')]\n")


def stub_factcheck(src: Path, dst: Path) -> None:
    """Copy the site with factcheck replaced by a stub whose roles only make a node: the cost
    of the markup itself.  Bare roles get their rendered value written in, as the stub has no
    facts to render; the ``factcheck-*`` directives go."""
    _rewrite(src, dst, keep_roles=True)
    (dst / "_factcheck_floor").mkdir()
    (dst / "_factcheck_floor" / "factcheck_floor.py").write_text(_STUB, encoding="utf-8")
    with (dst / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\n# benchmarks/bench_scale.py: factcheck replaced by a roles-only stub.\n"
                   "import os as _os, sys as _sys\n"
                   "_sys.path.insert(0, _os.path.join(_os.path.dirname(__file__), "
                   "'_factcheck_floor'))\n"
                   "extensions = [e for e in extensions if e not in ('factcheck', 'charts')] "
                   "+ ['factcheck_floor']\n")


def _rewrite(src: Path, dst: Path, *, keep_roles: bool) -> None:
    from factcheck.facts import load_facts
    from factcheck.render import render_value

    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("_build"))
    facts = load_facts((src / "facts.yaml").resolve()).facts

    def role(match: re.Match[str]) -> str:
        if match.group("code"):
            return match.group("code")  # a role shown as code in the docs stays code
        name, body = match.group("name"), match.group("body")
        explicit = _EXPLICIT.match(body)
        if explicit:
            return match.group() if keep_roles else explicit.group(1)
        if name == "fact" and body.strip() in facts:
            # Both sites use English and "long" dates, the defaults of render_value.
            shown = render_value(facts[body.strip()].value)
            return f"{{fact}}`{shown} <{body.strip()}>`" if keep_roles else shown
        return match.group() if keep_roles else body

    for path in sorted(dst.rglob("*.md")):
        out: list[str] = []
        prose: list[str] = []  # lines since the last fence: a role may span several
        directives: list[str] = []  # fences of the open prose directives ({note} ...)
        closing, drop = "", False  # inside a code block, or a dropped factcheck directive
        for line in path.read_text(encoding="utf-8").splitlines(True):
            fence = _FENCE.match(line)
            marks, info = (fence["marks"], fence["info"]) if fence else ("", "")
            if fence or closing:
                out.append(_ROLE.sub(role, "".join(prose)))
                prose = []
            if closing:
                if marks[:1] == closing[:1] and len(marks) >= len(closing) and not info:
                    closing = ""
                    if drop:
                        drop = False
                        continue
                if not drop:
                    out.append(line)
                continue
            if fence:
                if not info and directives and marks[0] == directives[-1][0] \
                        and len(marks) >= len(directives[-1]):
                    directives.pop()
                elif info.startswith(("{factcheck-", "{fact-")):
                    closing, drop = marks, True
                    continue
                elif marks[0] != ":" and (not info.startswith("{") or info in _VERBATIM):
                    closing = marks
                else:
                    directives.append(marks)
                    line = _ROLE.sub(role, line)  # a title may hold a role
                out.append(line)
                continue
            prose.append(line)
        out.append(_ROLE.sub(role, "".join(prose)))
        path.write_text("".join(out), encoding="utf-8")


# --------------------------------------------------------------------------- rounds


@dataclass
class Site:
    name: str
    label: str
    check: Path  # the site as it is
    absent: Path  # the rewritten copy
    roles: Path  # the copy with the roles-only stub
    pages: int
    facts: int
    figures: int
    summary: sitegen.SiteSummary | None = None
    runs: list[Run] = field(default_factory=list)
    html_diff: str = ""  # -j 2 against -j 1, when both ran


#: The fresh-build variants of every site, cheapest first.
VARIANTS = ["absent", "roles", "off", "on"]


def run_rounds(site: Site, variants: list[str], rounds: int, work: Path,
               keep_last: bool = False) -> None:
    """Fresh builds of every variant, ``rounds`` times, in a rotated order each round."""
    for r in range(rounds):
        order = variants[r % len(variants):] + variants[:r % len(variants)]
        for variant in order:
            out = work / "out" / f"{site.name}-{variant.replace(' ', '')}"
            shutil.rmtree(out, ignore_errors=True)
            src = {"absent": site.absent, "roles": site.roles}.get(variant, site.check)
            extra = ("-D", "factcheck_enabled=0") if variant == "off" else \
                ("-j", "2") if variant == "on -j 2" else ()
            run = sphinx_build(src, out, site=site.name, variant=variant, round_=r, extra=extra,
                               logdir=work / "logs")
            site.runs.append(run)
            _progress(run)
            if run.returncode:
                # A build that fails measures nothing: stop at once, with the reason.
                log = (work / "logs").glob(f"{site.name}-{variant.replace(' ', '')}-{r}.err")
                tail = "".join(p.read_text(encoding="utf-8", errors="replace")[-2000:]
                               for p in log)
                sys.exit(f"{site.name} {variant} round {r} failed (rc={run.returncode}):\n{tail}")
            if not (keep_last and r == rounds - 1):
                shutil.rmtree(out, ignore_errors=True)


def _progress(run: Run) -> None:
    note = f" rc={run.returncode}" if run.returncode else ""
    note += f" {len(run.warnings)} warnings" if run.warnings else ""
    print(f"  {run.site:<10} {run.variant:<9} round {run.round}: cpu {run.cpu:7.2f} s  "
          f"wall {run.wall:7.2f} s  rss {run.maxrss_mib:6.0f} MiB  read {run.reread}  "
          f"load {run.load:.1f}{note}", file=sys.stderr, flush=True)


def _of(site: Site, variant: str) -> list[Run]:
    return [run for run in site.runs if run.variant == variant]


def _median(runs: list[Run], what: str) -> float:
    return statistics.median(getattr(run, what) for run in runs)


def _ratio(site: Site, top: str, bottom: str, what: str = "cpu") -> float:
    """Median over rounds of the per-round ratio ``top / bottom``."""
    pairs = {}
    for run in site.runs:
        pairs.setdefault(run.round, {})[run.variant] = getattr(run, what)
    ratios = [p[top] / p[bottom] for p in pairs.values() if top in p and bottom in p]
    return statistics.median(ratios)


# --------------------------------------------------------------------------- incremental


def incremental(site: Site, work: Path, rounds: int) -> dict[str, list[Run]]:
    """No-change rebuilds (on, off, absent) and rebuilds after one fact's label is edited."""
    assert site.summary is not None
    results: dict[str, list[Run]] = {"nochange on": [], "nochange off": [],
                                     "nochange absent": [], "fact edit": []}
    variants = ["absent", "off", "on"]
    for r in range(rounds):
        for variant in variants[r % 3:] + variants[:r % 3]:
            out = work / "out" / f"{site.name}-{variant}"
            src = site.absent if variant == "absent" else site.check
            extra = ("-D", "factcheck_enabled=0") if variant == "off" else ()
            run = sphinx_build(src, out, site=site.name, variant=f"nochange-{variant}",
                               round_=r, extra=extra, logdir=work / "logs")
            results[f"nochange {variant}"].append(run)
            _progress(run)
    facts_file = site.check / "facts.yaml"
    original = facts_file.read_text(encoding="utf-8")
    target = edited_fact(site.summary)
    try:
        for r in range(rounds):
            edited = re.sub(rf"(?m)^({re.escape(target)}:\n  value: .*\n  label: \")",
                            rf"\g<1>(revised {r + 1}) ", original, count=1)
            assert edited != original, f"cannot find the label of {target}"
            facts_file.write_text(edited, encoding="utf-8")
            run = sphinx_build(site.check, work / "out" / f"{site.name}-on", site=site.name,
                               variant="fact-edit", round_=r, logdir=work / "logs")
            results["fact edit"].append(run)
            _progress(run)
    finally:
        facts_file.write_text(original, encoding="utf-8")
    return results


def edited_fact(summary: sitegen.SiteSummary) -> str:
    """The fact the incremental row edits: the first fact of the middle page, a local fact."""
    middle = summary.pages[len(summary.pages) // 2]
    return next(fact_id for fact_id, owner in summary.owners.items() if owner == middle)


# --------------------------------------------------------------------------- standalone check
# `factcheck check --no-cache`: every page parsed, scanned and judged in each round (a warm run
# with the cache is benchmarks/bench_cli.py's business).


def standalone_check_command() -> list[str] | None:
    """The command that runs ``factcheck check``, or ``None`` while there is no such command."""
    script = Path(sys.executable).with_name("factcheck")
    for command in ([str(script)] if script.exists() else [], [sys.executable, "-m", "factcheck"]):
        if not command:
            continue
        probe = subprocess.run([*command, "check", "--help"], capture_output=True)
        if probe.returncode == 0:
            return [*command, "check", "--no-cache"]
    return None


def standalone_throughput(site: Site, rounds: int, work: Path) -> list[Run] | None:
    command = standalone_check_command()
    if command is None:
        return None
    runs = []
    for r in range(rounds):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        process = subprocess.Popen([*command, str(site.check)], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, cwd=site.check)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        runs.append(Run(site.name, "factcheck check", r, wall, cpu, usage.ru_maxrss / 1024,
                        process.returncode, [], 0))
        _progress(runs[-1])
    return runs


# --------------------------------------------------------------------------- the table


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import docutils
    import myst_parser
    import sphinx
    return (f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, Sphinx {sphinx.__version__}, "
            f"myst-parser {myst_parser.__version__}, docutils {docutils.__version__}")


def _cell(runs: list[Run]) -> str:
    return f"{_median(runs, 'cpu'):7.2f} [{_median(runs, 'wall'):7.2f}]"


def report(sites: list[Site], inc: dict[str, list[Run]] | None, inc_site: Site | None,
           standalone: list[Run] | None, standalone_site: Site | None, rounds: str) -> str:
    every = [run for site in sites for run in site.runs]
    loads = [run.load for run in every]
    serial = [run for run in every if run.variant != "on -j 2"]
    busy = sum(run.wall for run in serial) / sum(run.cpu for run in serial)
    lines = [f"factcheck scale benchmark ({rounds})", f"machine: {_machine()}",
             f"load average during the run: median {statistics.median(loads):.1f}, max "
             f"{max(loads):.1f} on {os.cpu_count()} CPUs (the build itself counts 1); fresh "
             f"-j 1 builds took {busy:.2f}x their CPU time in wall time (1.0 on an idle "
             "machine)", ""]
    lines.append("Fresh HTML builds, -j 1: CPU seconds, median [wall median]")
    lines.append(f"{'site':<30}" + "".join(f"{v:>18}" for v in VARIANTS))
    for site in sites:
        label = f"{site.label}, {site.facts:,} facts"
        lines.append(f"{label:<30}" + "".join(f"{_cell(_of(site, v)):>18}" for v in VARIANTS))
    lines.append("")
    lines.append("Ratios: median of the per-round CPU ratios [wall]. on/absent: what adopting "
                 "factcheck costs; roles/absent: the markup alone; on/roles: what factcheck's code "
                 "adds; off/roles: the same with the check off.")
    pairs = (("on", "absent"), ("roles", "absent"), ("on", "roles"), ("off", "roles"),
             ("on", "off"))
    lines.append(f"{'site':<30}" + "".join(f"{a + '/' + b:>16}" for a, b in pairs))
    for site in sites:
        lines.append(f"{site.label:<30}" + "".join(
            f"{_ratio(site, a, b):>8.3f} [{_ratio(site, a, b, 'wall'):5.3f}]" for a, b in pairs))
    lines.append("")
    lines.append("Overhead in CPU seconds (differences of medians):")
    for site in sites:
        cpu = {v: _median(_of(site, v), "cpu") for v in VARIANTS}
        per = f"   {1000 * (cpu['on'] - cpu['absent']) / site.figures:.2f} ms per figure" \
            if site.figures else ""
        lines.append(f"  {site.label:<18} on - absent {cpu['on'] - cpu['absent']:+7.2f} s = "
                     f"markup {cpu['roles'] - cpu['absent']:+7.2f} s + factcheck, check off "
                     f"{cpu['off'] - cpu['roles']:+7.2f} s + checking "
                     f"{cpu['on'] - cpu['off']:+7.2f} s{per}")
    lines.append("")
    lines.append("Peak memory (ru_maxrss of the build, MiB, max over rounds): "
                 + " / ".join(VARIANTS))
    for site in sites:
        mem = " / ".join(f"{max(r.maxrss_mib for r in _of(site, v)):.0f}" for v in VARIANTS)
        extra = ""
        if _of(site, "on -j 2"):
            extra = f"   (-j 2: {max(r.maxrss_mib for r in _of(site, 'on -j 2')):.0f}, largest " \
                    "process)"
        lines.append(f"  {site.label:<18} {mem}{extra}")
    lines.append("")
    for site in sites:
        if not _of(site, "on -j 2"):
            continue
        j1, j2 = _of(site, "on"), _of(site, "on -j 2")
        same = sorted(j1[-1].warnings) == sorted(j2[-1].warnings)
        lines.append(f"-j 2 against -j 1 ({site.label}, check on): wall "
                     f"{_median(j2, 'wall'):.2f} s vs {_median(j1, 'wall'):.2f} s, ratio "
                     f"{_ratio(site, 'on -j 2', 'on', 'wall'):.3f}; CPU ratio "
                     f"{_ratio(site, 'on -j 2', 'on'):.3f}; same warnings: "
                     f"{'yes' if same else 'NO'} ({len(j2[-1].warnings)})")
        if site.html_diff:
            lines.append(f"  HTML output of the last -j 2 and -j 1 builds: {site.html_diff}")
    if inc and inc_site:
        full = _median(_of(inc_site, "on"), "cpu")
        full_wall = _median(_of(inc_site, "on"), "wall")
        assert inc_site.summary is not None
        target = edited_fact(inc_site.summary)
        users = inc_site.summary.fact_users[target]
        edit = inc["fact edit"]
        lines.append("")
        lines.append(f"Incremental ({inc_site.label}, -j 1, from the last fresh build):")
        lines.append(f"  edit one fact's label ({target}, used on {len(users)} pages): "
                     f"{statistics.median(r.reread for r in edit):.0f} pages re-read; "
                     f"{_cell(edit).strip()} s, {_median(edit, 'cpu') / full:.3f} of a fresh "
                     f"build ({full:.2f} [{full_wall:.2f}] s)")
        nochange = {v: inc[f"nochange {v}"] for v in ("absent", "off", "on")}
        cells = ", ".join(f"{v} {_cell(runs).strip()}" for v, runs in nochange.items())
        ratio = statistics.median(o.cpu / a.cpu for o, a in zip(nochange["on"],
                                                                nochange["absent"],
                                                                strict=True))
        ratio_off = statistics.median(o.cpu / a.cpu for o, a in zip(nochange["off"],
                                                                    nochange["absent"],
                                                                    strict=True))
        lines.append(f"  no-change rebuild: {cells} s; on/absent {ratio:.3f}, "
                     f"off/absent {ratio_off:.3f} (CPU)")
    lines.append("")
    if standalone is None:
        lines.append("Standalone `factcheck check` throughput: skipped, this factcheck has no "
                     "`check` command yet (HOOK in bench_scale.py).")
    elif standalone_site is not None:
        cpu = _median(standalone, "cpu")
        on = _median(_of(standalone_site, "on"), "cpu")
        lines.append(f"Standalone `factcheck check` ({standalone_site.label}): {cpu:.2f} s CPU, "
                     f"{standalone_site.pages / cpu:,.0f} pages/s, "
                     f"{standalone_site.figures / cpu:,.0f} figures/s; {cpu / on:.3f} of a fresh "
                     f"HTML build with the check on; exit codes "
                     f"{sorted({r.returncode for r in standalone})}")
    problems = [f"{r.site} {r.variant} round {r.round}: rc={r.returncode}, "
                f"{len(r.warnings)} warnings, first: {r.warnings[:1]}"
                for site in sites for r in site.runs if r.returncode or r.warnings]
    if problems:
        lines.append("")
        lines.append("NOTE: some builds were not clean (the ratios then include reporting):")
        lines.extend(f"  {p}" for p in problems[:12])
    return "\n".join(lines)


def _html_diff(a: Path, b: Path) -> str:
    files_a = {p.relative_to(a) for p in a.rglob("*.html")}
    files_b = {p.relative_to(b) for p in b.rglob("*.html")}
    differ = [p for p in sorted(files_a & files_b)
              if (a / p).read_bytes() != (b / p).read_bytes()]
    only = len(files_a ^ files_b)
    if not differ and not only:
        return f"identical ({len(files_a)} files)"
    return f"{len(differ)} of {len(files_a)} files differ, {only} in one only " \
           f"(first: {differ[:3]})"


# --------------------------------------------------------------------------- main


def prepare(work: Path, name: str, label: str, pages: int | None, facts: int | None,
            seed: int) -> Site:
    check = work / "sites" / name
    if pages is None:
        shutil.copytree(DOCS, check, ignore=shutil.ignore_patterns("_build"))
        # conf.py reads the edition's CITATION.cff from the directory above docs/.
        shutil.copy2(REPO / "CITATION.cff", check.parent / "CITATION.cff")
        summary = None
        from factcheck.facts import load_facts
        n_facts = len(load_facts((check / "facts.yaml").resolve()).facts)
        n_pages = len(list(check.rglob("*.md")))
        figures = 0
    else:
        summary = sitegen.generate_site(check, pages=pages, facts=facts, seed=seed)
        n_facts, n_pages, figures = summary.facts, pages, summary.figures
    absent = work / "sites" / f"{name}-absent"
    strip_factcheck(check, absent)
    roles = work / "sites" / f"{name}-roles"
    stub_factcheck(check, roles)
    if pages is None:
        label = f"{label} ({n_pages} pages)"
    return Site(name, label, check, absent, roles, n_pages, n_facts, figures, summary)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: docs/ and 100 pages, one round each")
    parser.add_argument("--rounds", type=int, default=3, help="rounds for docs/ and 1,000 pages")
    parser.add_argument("--rounds-large", type=int, default=2, help="rounds for 2,000 pages")
    parser.add_argument("--skip-large", action="store_true", help="leave out 2,000 pages")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where sites, outputs and logs go (default: a temporary directory, "
                             "removed at the end)")
    parser.add_argument("--json", type=Path, default=None, help="write every run here")
    args = parser.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rounds = 1 if args.quick else args.rounds
    try:
        print(f"work directory: {work}", file=sys.stderr)
        docs = prepare(work, "docs", "docs/", None, None, 0)
        sizes = [(100, 500, 1)] if args.quick else [(1000, 5000, 1)]
        if not args.quick and not args.skip_large:
            sizes.append((2000, 10000, 2))
        generated = [prepare(work, f"gen{p}", f"{p:,} pages", p, f, s)
                     for p, f, s in sizes]
        # Warm the file cache and bytecode once, untimed.
        sphinx_build(docs.check, work / "out" / "warm", site="warm", variant="on", round_=0,
                     logdir=work / "logs")
        shutil.rmtree(work / "out" / "warm", ignore_errors=True)

        # docs/ builds in seconds and its overhead is a few per cent: more rounds, same cost.
        run_rounds(docs, VARIANTS, rounds if args.quick else max(rounds, 7), work)
        main_site = generated[0]
        run_rounds(main_site, [*VARIANTS, "on -j 2"], rounds, work, keep_last=True)
        main_site.html_diff = _html_diff(work / "out" / f"{main_site.name}-on",
                                         work / "out" / f"{main_site.name}-on-j2")
        inc = incremental(main_site, work, rounds)
        for site in generated[1:]:
            run_rounds(site, VARIANTS, args.rounds_large, work)
        standalone = standalone_throughput(main_site, rounds, work)

        label = "quick: 1 round each" if args.quick else (
            f"full: {rounds} rounds, {max(rounds, 7)} for docs/, "
            f"{args.rounds_large} at 2,000 pages")
        print(report([docs, *generated], inc, main_site, standalone, main_site, label))
        if args.json:
            every = [run for site in [docs, *generated] for run in site.runs]
            every += [run for runs in inc.values() for run in runs] + (standalone or [])
            args.json.write_text(json.dumps([asdict(r) for r in every], indent=1),
                                 encoding="utf-8")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
