"""The locator on figures the source does not hold verbatim: one page of many paragraphs.

Each paragraph states figures written with an escape or an entity (``10\\%``, ``20&nbsp;000``),
which the text of the page shows as ``10%`` and ``20 000``: a locator that searches the source
for the text finds nothing and, before issue 8, searched to the end of the file and back for each
of them (a 3-second build took 67 s).  Times a fresh ``-b dummy`` build with the check on against
the same build with ``-D factcheck_enabled=0``, alternating, and checks that every figure is
reported on its own line.

    .venv/bin/python benchmarks/bench_locator.py [--paragraphs 8000] [--runs 3]
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CONF = "extensions = ['myst_parser', 'factcheck']\nfactcheck_strict = True\n"


def make_site(root: Path, paragraphs: int) -> None:
    (root / "conf.py").write_text(CONF, encoding="utf-8")
    (root / "facts.yaml").write_text("", encoding="utf-8")
    body = []
    for n in range(paragraphs):
        body.append(f"Paragraph {n}: a share of 10\\% and a crowd of\n"
                    f"20&nbsp;000 people, {n % 97} more.\n")
    (root / "index.md").write_text("# Many paragraphs\n\n" + "\n".join(body), encoding="utf-8")


def build(root: Path, *extra: str) -> tuple[float, str]:
    with tempfile.TemporaryDirectory() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run([sys.executable, "-m", "sphinx", "-E", "-b", "dummy", str(root),
                               out, *extra], capture_output=True, text=True, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=8000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_site(root, args.paragraphs)
        on, off = [], []
        warnings = ""
        for _ in range(args.runs):
            seconds, _ = build(root, "-D", "factcheck_enabled=0")
            off.append(seconds)
            seconds, warnings = build(root)
            on.append(seconds)
        lines = [int(m) for m in re.findall(r"index\.md:(\d+): WARNING: unbound figure '10%'",
                                            warnings)]
        source = (root / "index.md").read_text(encoding="utf-8").splitlines()
        misplaced = [n for n in lines if "10\\%" not in source[n - 1]]
    print(f"{args.paragraphs} paragraphs, {args.runs} alternating runs, CPU seconds (median)")
    print(f"check off: {statistics.median(off):.2f} s")
    print(f"check on:  {statistics.median(on):.2f} s")
    print(f"ratio on/off: {statistics.median(on) / statistics.median(off):.2f}")
    print(f"'10%' figures reported: {len(lines)}, on the wrong line: {len(misplaced)}")


if __name__ == "__main__":
    main()
