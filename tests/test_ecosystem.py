"""The files other tools read: pre-commit's hook manifest and config, the GitHub workflow and
.readthedocs.yaml.  Each is validated by the tool's own validator or the schema the ecosystem
maintains (pre-commit, check-jsonschema's vendored SchemaStore schemas), offline, and its key
fields are checked against this repository: the commands exist, the paths exist."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

REPO = Path(__file__).parent.parent


def load(name: str) -> Any:
    return YAML(typ="safe", pure=True).load((REPO / name).read_text(encoding="utf-8"))


def assert_runs_factcheck(entry: str) -> list[str]:
    """``entry`` starts with a console script the package installs and one of its commands;
    returns the arguments after them."""
    words = shlex.split(entry)
    (script,) = [ep for ep in entry_points(group="console_scripts") if ep.name == words[0]]
    assert script.value == "factcheck.cli:main"
    installed = Path(sys.executable).parent / words[0]
    result = subprocess.run([installed, words[1], "--help"], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0 and result.stdout.startswith(f"usage: factcheck {words[1]}")
    return words[2:]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True,
                          cwd=REPO, check=False, timeout=120)


def test_pyproject_installs_the_console_script() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["scripts"] == {"factcheck": "factcheck.cli:main"}


def test_pre_commit_hook_manifest() -> None:
    result = _run("pre_commit", "validate-manifest", ".pre-commit-hooks.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    (hook,) = load(".pre-commit-hooks.yaml")
    assert hook["id"] == "factcheck" and hook["language"] == "python"
    assert assert_runs_factcheck(hook["entry"]) == []  # pre-commit appends the file names
    assert hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    for path in ("docs/index.md", "docs/page.rst", "docs/facts.yaml", "site/facts.yml",
                 "docs/conf.py"):
        assert files.search(path), path
    for path in ("factcheck/cli.py", "docs/refs.bib", "notfacts.yaml", "docs/_static/print.css"):
        assert not files.search(path), path


def test_pre_commit_config() -> None:
    result = _run("pre_commit", "validate-config", ".pre-commit-config.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    repos = {repo["repo"]: repo for repo in load(".pre-commit-config.yaml")["repos"]}
    ruff = repos["https://github.com/astral-sh/ruff-pre-commit"]
    assert re.fullmatch(r"v\d+\.\d+\.\d+", ruff["rev"])
    assert [hook["id"] for hook in ruff["hooks"]] == ["ruff", "ruff-format"]
    (local,) = repos["local"]["hooks"]
    docs_dir = assert_runs_factcheck(local["entry"])
    assert docs_dir == ["docs"] and (REPO / "docs" / "conf.py").is_file()
    assert local["pass_filenames"] is False


def test_github_workflow() -> None:
    result = _run("check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                  ".github/workflows/docs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    workflow = load(".github/workflows/docs.yml")
    (job,) = workflow["jobs"].values()
    assert job["permissions"]["security-events"] == "write"  # upload-sarif needs it
    steps = job["steps"]
    uses = [step.get("uses", "") for step in steps]
    assert uses[0].startswith("actions/checkout@")
    (python,) = [s for s in steps if s.get("uses", "").startswith("actions/setup-python@")]
    assert python["with"]["python-version"] == "3.11"
    runs = [step.get("run", "") for step in steps]
    assert "bash .ci/install-system-packages" in runs
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("html", "pdf", "test"):
        assert f"make {target}" in runs
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target
    assert (REPO / ".ci" / "install-system-packages").is_file()

    (check,) = [s for s in steps if s.get("run", "").startswith("factcheck check")]
    assert check["if"] == "always()"
    args = assert_runs_factcheck(check["run"])
    assert args[:3] == ["docs", "--format", "sarif"]
    report = args[args.index("--output") + 1]
    (upload,) = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/"
                                                                  "upload-sarif@v3")]
    assert upload["with"]["sarif_file"] == report
    assert upload["if"].startswith("always()")
    assert steps.index(upload) > steps.index(check)
    artifacts = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert "docs/_build/html" in [s["with"]["path"] for s in artifacts]


def test_readthedocs_config() -> None:
    result = _run("check_jsonschema", "--builtin-schema", "vendor.readthedocs",
                  ".readthedocs.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    config = load(".readthedocs.yaml")
    assert config["version"] == 2
    assert config["build"]["os"] == "ubuntu-24.04"
    assert config["build"]["tools"]["python"] == "3.11"
    assert (REPO / config["sphinx"]["configuration"]).is_file()
    assert config["sphinx"]["fail_on_warning"] is True
    (install,) = config["python"]["install"]
    assert (install["method"], install["path"]) == ("pip", ".")
    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"]["optional-dependencies"]
    assert install["extra_requirements"] == ["docs"] and "docs" in extras


@pytest.mark.parametrize("name", [".pre-commit-hooks.yaml", ".pre-commit-config.yaml",
                                  ".github/workflows/docs.yml", ".readthedocs.yaml"])
def test_validators_reject_a_broken_copy(tmp_path: Path, name: str) -> None:
    """The validators above are not vacuous: each refuses its file with a required key gone."""
    data = load(name)
    if isinstance(data, list):
        del data[0]["entry"]
    elif "repos" in data:
        del data["repos"][0]["rev"]
    elif "jobs" in data:
        del next(iter(data["jobs"].values()))["runs-on"]
    else:
        data["version"] = 3
    broken = tmp_path / Path(name).name
    with broken.open("w", encoding="utf-8") as handle:
        YAML(typ="safe", pure=True).dump(data, handle)
    validator = {
        ".pre-commit-hooks.yaml": ("pre_commit", "validate-manifest"),
        ".pre-commit-config.yaml": ("pre_commit", "validate-config"),
        ".github/workflows/docs.yml": ("check_jsonschema", "--builtin-schema",
                                       "vendor.github-workflows"),
        ".readthedocs.yaml": ("check_jsonschema", "--builtin-schema", "vendor.readthedocs"),
    }[name]
    assert _run(*validator, str(broken)).returncode != 0


@pytest.mark.slow
def test_the_wheel_is_sphinx_factcheck_with_every_module(tmp_path: Path) -> None:
    """`pip install` of a built wheel gets this package under its own distribution name (the
    name ``factcheck`` on the package index is an unrelated QuickCheck library)."""
    import zipfile

    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "-q", "-w", str(tmp_path), str(REPO)], check=True, timeout=300)
    wheel = next(tmp_path.glob("*.whl"))
    assert wheel.name.startswith("sphinx_factcheck-")
    names = zipfile.ZipFile(wheel).namelist()
    sources = {str(p.relative_to(REPO)) for p in (REPO / "factcheck").rglob("*.py")}
    assert sources <= set(names), sorted(sources - set(names))
    assert "factcheck/py.typed" in names
    metadata = next(n for n in names if n.endswith("METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "Name: sphinx-factcheck" in text
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "factcheck = factcheck.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_make_pdf_without_tex_says_what_is_missing(tmp_path: Path) -> None:
    """On a machine without TeX, `make pdf` names the missing tool and the command that
    installs it, instead of ending in "latexmk: No such file or directory"."""
    import os
    import shutil

    bin_dir = tmp_path / "bin"  # every command of this machine but TeX's
    bin_dir.mkdir()
    tex = {"xelatex", "latexmk", "pdflatex", "lualatex", "xdvipdfmx"}
    for directory in os.environ["PATH"].split(os.pathsep):
        for tool in Path(directory).glob("*") if Path(directory).is_dir() else ():
            target = bin_dir / tool.name
            if tool.name not in tex and not target.exists() and shutil.which(tool.name):
                target.symlink_to(tool)
    result = subprocess.run(["make", "-s", "pdf", f"VENV={REPO / '.venv'}"], cwd=REPO,
                            capture_output=True, text=True, check=False,
                            env={"PATH": str(bin_dir), "HOME": str(tmp_path)})
    assert result.returncode != 0
    assert "make pdf needs TeX (xelatex is missing)" in result.stdout
    assert "sudo bash .ci/install-system-packages" in result.stdout
