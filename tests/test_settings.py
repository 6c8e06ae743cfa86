"""Reading a project's settings from conf.py without Sphinx, as Sphinx reads them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from factcheck.settings import (
    CONFIG_VALUES,
    InputError,
    Settings,
    execute_conf,
    read_settings,
)

REPO = Path(__file__).parent.parent
ROOTS = Path(__file__).parent / "roots"


def conf(tmp_path: Path, text: str) -> Path:
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    (src / "conf.py").write_text(text, encoding="utf-8")
    return src


def test_every_config_value_has_a_settings_field_with_its_default(tmp_path: Path) -> None:
    assert set(Settings.config_fields()) == {v.name for v in CONFIG_VALUES}
    defaults = Settings(srcdir=tmp_path)
    for value in CONFIG_VALUES:
        got = getattr(defaults, Settings.config_fields()[value.name])
        if value.name == "factcheck_facts":
            assert got == (tmp_path / value.default).resolve()
        elif isinstance(value.default, list):
            assert got == tuple(value.default)
        else:
            assert got == value.default, value.name


@pytest.mark.parametrize("root", sorted(p.name[5:] for p in ROOTS.glob("test-*")))
def test_same_values_as_sphinx_on_every_test_root_and_the_site(root: str, tmp_path: Path) -> None:
    srcdir = ROOTS / f"test-{root}"
    ours = read_settings(srcdir)
    app = SphinxTestApp("dummy", srcdir=srcdir, builddir=tmp_path / "_build")
    try:
        config = app.config
        for name, field_name in Settings.config_fields().items():
            theirs = getattr(config, name)
            mine = getattr(ours, field_name)
            if name == "factcheck_facts":
                assert mine == (srcdir / theirs).resolve()
            else:
                assert mine == (tuple(theirs) if isinstance(theirs, list) else theirs), name
        assert ours.language == config.language
        assert ours.exclude_patterns == tuple(config.exclude_patterns)
        assert ours.extensions == tuple(config.extensions)
        # After myst_parser's setup Sphinx knows .md; the settings say so without loading it.
        expected = dict(config.source_suffix)
        if "myst_parser" not in config.extensions:
            # Sphinx's default source_suffix dict is shared between apps of one process, and an
            # earlier app's myst_parser may have added ".md" to it.
            expected.pop(".md", None)
        assert ours.suffixes == expected
    finally:
        app.cleanup()


def test_the_site_conf_py() -> None:
    settings = read_settings(REPO / "docs")
    assert settings.strict is True
    assert settings.facts == (REPO / "docs" / "facts.yaml").resolve()
    assert settings.exclude_docs == ("reference/*",)
    assert "16th Special Rifle Corps" in settings.exempt
    assert settings.myst_enable_extensions == ("colon_fence", "deflist", "attrs_inline")
    assert settings.house_locale == "en"


def test_conf_py_runs_in_its_directory_with_file_and_tags(tmp_path: Path) -> None:
    src = conf(tmp_path, "import os\n"
                         "from pathlib import Path\n"
                         "factcheck_facts = Path(os.getcwd(), 'data', 'facts.yaml').name\n"
                         "here = __file__\n"
                         "if not tags.has('draft'):\n"
                         "    factcheck_strict = True\n")
    namespace = execute_conf(src / "conf.py")
    assert namespace["here"] == str((src / "conf.py").resolve())
    settings = read_settings(src)
    assert settings.strict is True and settings.facts == (src / "facts.yaml").resolve()


def test_facts_and_config_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = conf(tmp_path, "factcheck_facts = 'data/facts.yaml'\n")
    other = tmp_path / "other.py"
    other.write_text("factcheck_facts = 'alt.yaml'\nfactcheck_unused = 'off'\n", encoding="utf-8")
    assert read_settings(src).facts == (src / "data" / "facts.yaml").resolve()
    # --config: another conf.py; the facts file stays relative to the source directory.
    via_other = read_settings(src, conf=other)
    assert via_other.facts == (src / "alt.yaml").resolve() and via_other.unused == "off"
    # --facts: relative to the working directory.
    monkeypatch.chdir(tmp_path)
    assert read_settings(src, facts=Path("mine.yaml")).facts == tmp_path / "mine.yaml"


def test_without_conf_py_the_defaults_apply(tmp_path: Path) -> None:
    settings = read_settings(tmp_path)
    assert settings.conf_path is None and settings.strict is False
    assert settings.facts == tmp_path.resolve() / "facts.yaml"


@pytest.mark.parametrize(("text", "message"), [
    ("factcheck_strict = 'yes'\n",
     r"conf.py:1: factcheck_strict must be bool, not str \('yes'\)"),
    ("x = 1\n\nfactcheck_unused = 'loud'\n",
     "conf.py:3: factcheck_unused must be one of info, warning, off, not 'loud'"),
    ("factcheck_exempt = {'Highway 66': ''}\n",
     "conf.py:1: factcheck_exempt: the phrase 'Highway 66' needs a reason"),
    ("factcheck_stict = True\n",
     "conf.py:1: unknown configuration value 'factcheck_stict' \\(known: factcheck_facts, "),
    ("factcheck_locale = 'xx_NOPE'\n", "conf.py:1: factcheck_locale: "),
    ("factcheck_exclude_docs = 'api/*'\n",
     "conf.py:1: factcheck_exclude_docs must be list or tuple, not str"),
    ("factcheck_exclude_docs = ['api/*', 3]\n",
     r"conf.py:1: factcheck_exclude_docs must be a list of strings, not \['api/\*', 3\]"),
    ("source_suffix = 3\n", "conf.py:1: source_suffix must be a string, a list of strings or a"),
    ("extensions = [\n  'myst_parser',\n", r"conf.py:1: syntax error: '\[' was never closed"),
    ("import os\nos.environ['NO_SUCH_VARIABLE_FOR_FACTCHECK']\n",
     "conf.py:2: conf.py raised KeyError: 'NO_SUCH_VARIABLE_FOR_FACTCHECK'"),
    ("import sys\nsys.exit(1)\n", r"conf.py: the configuration file \(or a module it imports\) "
                                  r"called sys.exit\(\)"),
])
def test_bad_conf_py_is_an_input_error_naming_file_and_line(tmp_path: Path, text: str,
                                                            message: str) -> None:
    src = conf(tmp_path, text)
    with pytest.raises(InputError, match=f"^{src / message}" if message.startswith("conf.py")
                       else message) as caught:
        read_settings(src)
    assert str(caught.value).startswith(str(src / "conf.py"))


def test_missing_directory_or_config(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no-such-dir: no such directory"):
        read_settings(tmp_path / "no-such-dir")
    with pytest.raises(InputError, match="nope.py: no such file"):
        read_settings(tmp_path, conf=tmp_path / "nope.py")


def test_settings_are_frozen(tmp_path: Path) -> None:
    settings = read_settings(tmp_path)
    with pytest.raises(AttributeError):
        settings.strict = True  # type: ignore[misc]


def test_reading_settings_does_not_import_sphinx() -> None:
    code = ("import sys; from factcheck.settings import read_settings; "
            f"read_settings({str(REPO / 'tests' / 'roots' / 'test-findings')!r}); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
