"""``factcheck check`` against ``sphinx-build -E -b dummy``: how much faster the check is without a
Sphinx build, on this site and on a generated site.

Three commands per site, run in rounds in a rotated order, each a fresh process, CPU time (user +
system of the child) and wall time measured; the table gives medians and the ratio of medians:

* ``sphinx-build -E -b dummy`` — a full read of the site, nothing written (the baseline);
* ``factcheck check --no-cache`` — a cold check: every page parsed, scanned and judged;
* ``factcheck check`` — a warm check: the cache of the previous run (pages unchanged).

Both report the same findings (``tests/test_parity.py``); this script checks that they agree on
the number of findings too.

    .venv/bin/python benchmarks/bench_cli.py [--rounds 5] [--pages 200] [--no-generated]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "docs"
BIN = Path(sys.executable).parent


def run(command: list[str], cwd: Path) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.stdout + done.stderr


def commands(site: Path, out: Path, cache: Path) -> dict[str, list[str]]:
    return {
        "sphinx-build -E -b dummy": [str(BIN / "sphinx-build"), "-E", "-q", "-b", "dummy",
                                     str(site), str(out)],
        "factcheck check (cold)": [str(BIN / "factcheck"), "check", str(site), "--no-cache"],
        "factcheck check (warm)": [str(BIN / "factcheck"), "check", str(site), "--cache-dir",
                                   str(cache)],
    }


def measure(name: str, site: Path, rounds: int, work: Path) -> None:
    out, cache = work / f"{name}-out", work / f"{name}-cache"
    variants = commands(site, out, cache)
    run(variants["factcheck check (warm)"], site)  # fill the cache, warm the file system
    cpu: dict[str, list[float]] = {v: [] for v in variants}
    wall: dict[str, list[float]] = {v: [] for v in variants}
    logs: dict[str, str] = {}
    names = list(variants)
    for r in range(rounds):
        for variant in names[r % len(names):] + names[:r % len(names)]:
            seconds, elapsed, log = run(variants[variant], site)
            cpu[variant].append(seconds)
            wall[variant].append(elapsed)
            logs[variant] = log
    counts = {v: _findings(v, log) for v, log in logs.items()}
    base = statistics.median(cpu["sphinx-build -E -b dummy"])
    print(f"\n{name} ({rounds} rounds; CPU seconds, median; wall in brackets)")
    for variant in names:
        median = statistics.median(cpu[variant])
        print(f"  {variant:28} {median:7.3f} s  ({statistics.median(wall[variant]):6.3f} s)"
              f"  {base / median:5.1f}x faster than the build" if variant != names[0] else
              f"  {variant:28} {median:7.3f} s  ({statistics.median(wall[variant]):6.3f} s)")
    print(f"  findings: build {counts[names[0]]}, check {counts[names[1]]}, "
          f"warm check {counts[names[2]]}")


def _findings(variant: str, log: str) -> int:
    if variant.startswith("sphinx"):
        return len(re.findall(r"\[factcheck\.[\w-]+\]|factcheck note:", log))
    match = re.search(r"factcheck: (\d+) finding", log)
    return int(match.group(1)) if match else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--no-generated", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from sitegen import generate_site

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = work / "docs"
        shutil.copytree(DOCS, site, ignore=shutil.ignore_patterns("_build"))
        shutil.copy(DOCS.parent / "CITATION.cff", work)  # the site's conf.py reads it
        print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
        measure("this site", site, args.rounds, work)
        if not args.no_generated:
            generated = work / "generated"
            generate_site(generated, pages=args.pages, seed=1)
            measure(f"generated site, {args.pages} pages", generated, args.rounds, work)


if __name__ == "__main__":
    main()
