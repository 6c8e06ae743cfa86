"""What the fact check costs: fresh builds of the site with the check on, against the check off.

Both sides run the same ``sphinx-build -E -b dummy`` of ``docs/`` in fresh processes, alternating
so that machine noise hits both alike; the baseline is ``-D factcheck_enabled=0`` (roles still
render, nothing is scanned or judged).  Reports the medians and their ratio.

    .venv/bin/python benchmarks/bench_check.py [--runs 9] [--builder dummy]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"


def build_seconds(builder: str, extra: list[str]) -> float:
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "sphinx", "-E", "-q", "-b", builder, str(DOCS), out,
                   *extra]
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--builder", default="dummy")
    args = parser.parse_args()
    checked, baseline = [], []
    build_seconds(args.builder, [])  # warm the file cache and bytecode
    for _ in range(args.runs):
        baseline.append(build_seconds(args.builder, ["-D", "factcheck_enabled=0"]))
        checked.append(build_seconds(args.builder, []))
    base, check = statistics.median(baseline), statistics.median(checked)
    print(f"builder: {args.builder}, runs: {args.runs} each, alternating")
    print(f"check off (baseline): median {base:.3f} s  (min {min(baseline):.3f})")
    print(f"check on:             median {check:.3f} s  (min {min(checked):.3f})")
    print(f"ratio on/off: {check / base:.3f}  (overhead {check - base:+.3f} s)")


if __name__ == "__main__":
    main()
