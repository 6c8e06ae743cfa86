"""The settings of a check, without Sphinx: the configuration values, and reading them from conf.py.

:data:`CONFIG_VALUES` declares every ``factcheck_*`` value once: :mod:`factcheck.config` registers
them with Sphinx, :mod:`factcheck.schema` documents them, and :func:`read_settings` reads them
from a ``conf.py`` for the command line, executed the way Sphinx executes it (a namespace holding
``__file__`` and ``tags``, the working directory set to the conf.py's directory).  The result is a
frozen :class:`Settings` that the Sphinx-free core takes.  Nothing here imports Sphinx: the
command line must start fast.
"""

from __future__ import annotations

import ast
import contextlib
import os
import traceback
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError


class InputError(Exception):
    """Input the check cannot read (a conf.py, a facts file, a path); the message names the file
    and, when known, the line.  The command line prints it without a traceback and exits 2."""


@dataclass(frozen=True)
class ConfigValue:
    name: str
    default: Any
    types: tuple[type, ...]
    rebuild: str
    description: str


#: Every configuration value, in the order the reference page lists them.
CONFIG_VALUES: tuple[ConfigValue, ...] = (
    ConfigValue("factcheck_facts", "facts.yaml", (str,), "env",
                "Path of the canonical facts file, relative to the source directory."),
    ConfigValue("factcheck_enabled", True, (bool,), "env",
                "Check the text. ``False`` (or ``-D factcheck_enabled=0``) reports nothing, for a "
                "quick preview; roles still render."),
    ConfigValue("factcheck_strict", False, (bool,), "",
                "Report figures that are neither bound to a fact nor exempted as warnings "
                "(subtype ``unbound``), so ``-W`` fails on them. When ``False`` they are listed "
                "as notes in the build log."),
    ConfigValue("factcheck_unused", "info", (str,), "",
                "How to report facts that no page states or renders: ``'info'`` (a note in the "
                "log, never fails ``-W``), ``'warning'`` (subtype ``unused``) or ``'off'``."),
    ConfigValue("factcheck_locale", None, (str, type(None)), "env",
                "Babel locale for rendering values and reading month names; defaults to "
                "``language`` (or ``en``)."),
    ConfigValue("factcheck_date_format", "long", (str,), "env",
                "Babel date format for day-precision dates rendered by a bare ``:fact:`id```: "
                "``'long'``, ``'medium'`` or a pattern such as ``'d MMMM y'``."),
    ConfigValue("factcheck_exempt", {}, (dict,), "env",
                "Phrases whose figures are not claims, mapped to the reason: "
                "``{'16th Special Rifle Corps': 'unit designation'}``. Matched literally."),
    ConfigValue("factcheck_exclude_docs", [], (list, tuple), "env",
                "Glob patterns of document names whose prose is not scanned for unbound figures "
                "(roles there are still checked), e.g. ``['api/*']``."),
    ConfigValue("factcheck_number_words", True, (bool,), "env",
                "Also find figures written as number words (``five``, ``one fifth``, "
                "``zwanzig``): read by text2num in English, French, German, Spanish, Italian, "
                "Portuguese, Dutch and Danish."),
    ConfigValue("factcheck_date_order", "auto", (str, type(None)), "env",
                "Day–month order of numeric dates such as ``5/6/1939``: ``'DMY'``, ``'MDY'``, "
                "``None`` (no order: such a date is reported as ambiguous) or ``'auto'`` (the "
                "locale's: ``en_GB`` DMY, ``en_US`` MDY, ``de``/``fr`` DMY; plain ``en`` has "
                "none, since English writes both)."),
    ConfigValue("factcheck_identifiers", {}, (dict,), "env",
                "The project's own identifier rules, added to the defaults (see the list of "
                "identifier rules): a name mapped to a regular expression and the reason its "
                "matches are not claims, ``{'ticket': {'pattern': r'TKT-\\d+', 'reason': "
                "'our ticket ids'}}``. Figures inside a match are exempt and listed on the "
                "exemptions page with the rule's name and reason. Optional ``'examples'``: "
                "strings with the exempted span in double brackets, checked at startup. A rule "
                "without a reason or with a bad pattern is reported (subtype ``config``) and "
                "left out."),
    ConfigValue("factcheck_disable_identifiers", [], (list, tuple), "env",
                "Names of identifier rules to switch off, default or the project's own, e.g. "
                "``['labels']``: figures they would exempt are checked again."),
    ConfigValue("factcheck_skip_directives", [], (list, tuple), "",
                "Directives of other extensions whose content is data, not prose (e.g. a chart "
                "directive listing fact ids; its argument, a caption, is still read).  "
                "``factcheck check`` reads sources without loading "
                "the project's extensions, so it reads an unknown directive's content as prose "
                "(as most are: grids, tabs, cards) unless it is named here; Sphinx builds are "
                "not affected."),
    ConfigValue("factcheck_html_show_ids", False, (bool,), "html",
                "Show each fact's id in the note a reader opens on a bound figure (for editors; "
                "readers see the value, the label and the source)."),
    ConfigValue("factcheck_register_license", "", (str,), "html",
                "Licence of the facts as a dataset, stated on the register page "
                "(``factcheck-register``) and in its JSON download, e.g. ``'CC BY-SA 4.0'``."),
    ConfigValue("factcheck_register_license_url", "", (str,), "html",
                "Address of that licence's text."),
    ConfigValue("factcheck_register_downloads", True, (bool,), "html",
                "Write the facts register as CSV and JSON next to the HTML pages and link them "
                "from the register."),
    ConfigValue("factcheck_report_json", None, (str, type(None)), "",
                "Also write the build's findings to this file as JSON (the format of "
                "``factcheck check --format json``), e.g. ``'_build/factcheck.json'``; relative "
                "to the source directory. Written after the findings are reported."),
    ConfigValue("factcheck_report_sarif", None, (str, type(None)), "",
                "Also write the build's findings to this file as SARIF 2.1.0, for code scanning, "
                "e.g. ``'_build/factcheck.sarif'``; relative to the source directory."),
)

UNUSED_MODES = ("info", "warning", "off")
DATE_ORDERS = ("auto", "DMY", "MDY", None)

#: The Sphinx (and MyST) settings the check needs besides its own, with Sphinx's defaults.
SPHINX_VALUES: dict[str, Any] = {
    "language": "en",
    "exclude_patterns": [],
    "source_suffix": {".rst": "restructuredtext"},
    "extensions": [],
    "myst_enable_extensions": [],
    "templates_path": [],
    "bibtex_bibfiles": [],
}

_DEFAULTS = {value.name: value.default for value in CONFIG_VALUES}


def _default(name: str) -> Any:
    return field(default_factory=lambda: _DEFAULTS[f"factcheck_{name}"],
                 metadata={"config": f"factcheck_{name}"})


@dataclass(frozen=True)
class Settings:
    """What the check needs to know about a project, read from its conf.py or defaulted.

    One field per ``factcheck_*`` value, named without the prefix (``facts`` is made absolute:
    relative to ``srcdir`` as Sphinx reads it), then the Sphinx settings that decide which files
    are sources, and the conf.py they were read from (``None``: the defaults).
    """

    srcdir: Path
    facts: Path = _default("facts")
    enabled: bool = _default("enabled")
    strict: bool = _default("strict")
    unused: str = _default("unused")
    locale: str | None = _default("locale")
    date_format: str = _default("date_format")
    exempt: Mapping[str, str] = _default("exempt")
    exclude_docs: tuple[str, ...] = _default("exclude_docs")
    number_words: bool = _default("number_words")
    date_order: str | None = _default("date_order")
    identifiers: Mapping[str, Any] = _default("identifiers")
    disable_identifiers: tuple[str, ...] = _default("disable_identifiers")
    skip_directives: tuple[str, ...] = _default("skip_directives")
    html_show_ids: bool = _default("html_show_ids")
    register_license: str = _default("register_license")
    register_license_url: str = _default("register_license_url")
    register_downloads: bool = _default("register_downloads")
    report_json: str | None = _default("report_json")
    report_sarif: str | None = _default("report_sarif")
    language: str | None = SPHINX_VALUES["language"]
    exclude_patterns: tuple[str, ...] = ()
    source_suffix: Mapping[str, str] = field(
        default_factory=lambda: dict(SPHINX_VALUES["source_suffix"]))
    extensions: tuple[str, ...] = ()
    myst_enable_extensions: tuple[str, ...] = ()
    templates_path: tuple[str, ...] = ()
    bibtex_bibfiles: tuple[str, ...] = ()
    conf_path: Path | None = None

    def __post_init__(self) -> None:
        # Frozen, so normalise through object.__setattr__: absolute paths, tuples for lists.
        srcdir = Path(self.srcdir).resolve()
        object.__setattr__(self, "srcdir", srcdir)
        object.__setattr__(self, "facts", (srcdir / self.facts).resolve())
        for item in fields(self):  # lists (as conf.py writes them) are kept as tuples
            if isinstance(getattr(self, item.name), list):
                object.__setattr__(self, item.name, tuple(getattr(self, item.name)))

    @property
    def house_locale(self) -> str:
        """The Babel locale of the project, as :func:`factcheck.config.house_locale` gives it."""
        return str(self.locale or self.language or "en").replace("-", "_")

    @property
    def suffixes(self) -> dict[str, str]:
        """Source suffixes as Sphinx sees them once extensions are loaded: myst_parser adds .md."""
        suffixes = dict(self.source_suffix)
        if "myst_parser" in self.extensions:
            suffixes.setdefault(".md", "markdown")
        return suffixes

    @classmethod
    def config_fields(cls) -> dict[str, str]:
        """Config value name -> field name, for every ``factcheck_*`` value."""
        return {f.metadata["config"]: f.name for f in fields(cls) if "config" in f.metadata}


class SettingError(InputError):
    """A value the check cannot honour; ``name`` is the configuration value at fault."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


def check_values(values: Mapping[str, Any]) -> None:
    """Refuse values the check cannot honour (raise :class:`SettingError` saying which and why).

    ``values`` maps config names to values and holds ``language``; Sphinx's ``config-inited``
    check and :func:`read_settings` share this, so both refuse the same things in the same words.
    """
    unused = values.get("factcheck_unused", _DEFAULTS["factcheck_unused"])
    if unused not in UNUSED_MODES:
        raise SettingError("factcheck_unused", "factcheck_unused must be one of "
                           f"{', '.join(UNUSED_MODES)}, not {unused!r}")
    for phrase, reason in dict(values.get("factcheck_exempt") or {}).items():
        if not isinstance(phrase, str) or not isinstance(reason, str) or not reason.strip():
            raise SettingError("factcheck_exempt", f"factcheck_exempt: the phrase {phrase!r} "
                               "needs a reason (a non-empty string saying why its figures are "
                               "not claims)")
    locale = values.get("factcheck_locale") or values.get("language") or "en"
    try:
        Locale.parse(str(locale).replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        name = "factcheck_locale" if values.get("factcheck_locale") else "language"
        raise SettingError(name, f"factcheck_locale: {exc}") from None
    order = values.get("factcheck_date_order", _DEFAULTS["factcheck_date_order"])
    if order not in DATE_ORDERS:
        raise SettingError("factcheck_date_order", "factcheck_date_order must be 'auto', "
                           f"'DMY', 'MDY' or None, not {order!r}")


@lru_cache(maxsize=64)  # asked at every rendered date: a trial rendering each time adds up
def date_format_problem(date_format: str, locale: str) -> str | None:
    """Why Babel cannot render dates with ``date_format``, or ``None`` when it can.

    Not refused as a configuration error: a bad format is one located warning, and dates are then
    rendered with ``'long'``, so the build goes on.
    """
    import datetime

    from babel.dates import format_date

    try:
        format_date(datetime.date(1939, 10, 10), date_format, locale=locale)
    except Exception as exc:  # noqa: BLE001 - Babel raises many kinds for a bad pattern
        return (f"factcheck_date_format {date_format!r} cannot be used: {type(exc).__name__}: "
                f"{exc}; dates are rendered with 'long' instead")
    return None


def read_settings(srcdir: Path, *, conf: Path | None = None,
                  facts: Path | None = None) -> Settings:
    """The settings of the Sphinx project in ``srcdir``.

    ``conf`` is another conf.py (``--config``); without it ``srcdir/conf.py`` is read when it
    exists, and the defaults apply when it does not.  ``facts`` (``--facts``, relative to the
    working directory) replaces the facts file the conf.py names.  Raises :class:`InputError`
    for a conf.py that cannot be executed or holds a value the check cannot use, naming the file
    and line.
    """
    srcdir = Path(srcdir)
    if not srcdir.is_dir():
        raise InputError(f"{srcdir}: no such directory (give the Sphinx source directory)")
    if conf is None and (srcdir / "conf.py").is_file():
        conf = srcdir / "conf.py"
    if conf is not None and not Path(conf).is_file():
        raise InputError(f"{conf}: no such file (--config names a Sphinx conf.py)")
    # The command line and the core may both ask within one run: execute conf.py once.
    key = (srcdir.resolve(), _stamp(conf), Path(facts).resolve() if facts else None)
    if key not in _read:
        namespace = execute_conf(Path(conf)) if conf is not None else {}
        settings = settings_from(namespace, srcdir=srcdir, conf=conf)
        if facts is not None:
            settings = replace(settings, facts=Path(facts).resolve())
        _read[key] = settings
    return _read[key]


_read: dict[tuple[Any, ...], Settings] = {}


def _stamp(conf: Path | None) -> tuple[Any, ...] | None:
    if conf is None:
        return None
    stat = os.stat(conf)
    return (Path(conf).resolve(), stat.st_mtime_ns, stat.st_size)


def settings_from(namespace: Mapping[str, Any], *, srcdir: Path,
                  conf: Path | None = None) -> Settings:
    """Type-check and collect the values of an executed conf.py (missing ones defaulted)."""
    where = _Locator(conf)
    for name in namespace:
        if name.startswith("factcheck_") and name not in _DEFAULTS:
            raise SettingError(name, f"{where(name)}unknown configuration value {name!r} "
                               f"(known: {', '.join(_DEFAULTS)})")
    values: dict[str, Any] = {}
    for spec in CONFIG_VALUES:
        value = namespace.get(spec.name, spec.default)
        if not isinstance(value, spec.types):
            expected = " or ".join("None" if t is type(None) else t.__name__ for t in spec.types)
            raise SettingError(spec.name, f"{where(spec.name)}{spec.name} must be {expected}, "
                               f"not {type(value).__name__} ({value!r})")
        values[spec.name] = value
    for name, default in SPHINX_VALUES.items():
        values[name] = namespace.get(name, default)
    try:
        check_values(values)
    except SettingError as exc:
        raise SettingError(exc.name, f"{where(exc.name)}{exc}") from None
    typed = {field_name: values[name] for name, field_name in Settings.config_fields().items()}
    typed["exclude_docs"] = _strings(values, "factcheck_exclude_docs", where)
    typed["exempt"] = dict(typed["exempt"])
    return Settings(
        srcdir=srcdir,
        **typed,
        language=values["language"],
        exclude_patterns=_strings(values, "exclude_patterns", where),
        source_suffix=_source_suffix(values["source_suffix"], where),
        extensions=_strings(values, "extensions", where),
        myst_enable_extensions=_strings(values, "myst_enable_extensions", where),
        templates_path=_strings(values, "templates_path", where),
        bibtex_bibfiles=_strings(values, "bibtex_bibfiles", where),
        conf_path=Path(conf).resolve() if conf is not None else None,
    )


def _strings(values: Mapping[str, Any], name: str, where: _Locator) -> tuple[str, ...]:
    value = values[name]
    if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset)) or any(
        not isinstance(item, str) for item in value
    ):
        raise SettingError(name, f"{where(name)}{name} must be a list of strings, not {value!r}")
    return tuple(value)


def _source_suffix(value: Any, where: _Locator) -> dict[str, str]:
    # Sphinx accepts a string, a list of suffixes (all reStructuredText) or a mapping to parsers.
    if isinstance(value, str):
        return {value: "restructuredtext"}
    if isinstance(value, (list, tuple)) and all(isinstance(s, str) for s in value):
        return dict.fromkeys(value, "restructuredtext")
    if isinstance(value, dict) and all(isinstance(s, str) for s in value):
        return {suffix: str(parser or "restructuredtext") for suffix, parser in value.items()}
    raise SettingError("source_suffix", f"{where('source_suffix')}source_suffix must be a "
                       "string, a list of strings or a mapping of suffixes to file types, not "
                       f"{value!r}")


class _Tags:
    """What conf.py sees as ``tags``: Sphinx's set of ``-t`` tags, empty from the command line."""

    def __init__(self) -> None:
        self._tags: set[str] = set()

    def has(self, tag: str) -> bool:
        return tag in self._tags

    __contains__ = has

    def add(self, tag: str) -> None:
        self._tags.add(tag)

    def remove(self, tag: str) -> None:
        self._tags.discard(tag)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._tags))


def execute_conf(conf: Path) -> dict[str, Any]:
    """Execute ``conf`` as ``sphinx.config.eval_config_file`` does and return its namespace."""
    shown, conf = conf, Path(conf).resolve()
    namespace: dict[str, Any] = {"__file__": str(conf), "tags": _Tags()}
    try:
        source = conf.read_bytes()
    except OSError as exc:
        raise InputError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    with contextlib.chdir(conf.parent):
        try:
            # A conf.py is code by definition: Sphinx executes it, and so must a Sphinx-free
            # reader that wants the same settings.  Facts files, by contrast, are never executed.
            exec(compile(source, str(conf), "exec"), namespace)  # noqa: S102
        except SyntaxError as exc:
            raise InputError(f"{shown}:{exc.lineno or 0}: syntax error: {exc.msg}") from None
        except SystemExit:
            raise InputError(f"{shown}: the configuration file (or a module it imports) called "
                             "sys.exit()") from None
        except Exception as exc:  # anything conf.py raises is an error in the input
            line = _conf_line(exc, conf)
            where = f"{shown}:{line}" if line else str(shown)
            raise InputError(f"{where}: conf.py raised {type(exc).__name__}: {exc}") from None
    return namespace


def _conf_line(exc: BaseException, conf: Path) -> int:
    """The line of conf.py that was running when ``exc`` was raised (0 when none was)."""
    lines = [frame.lineno for frame in traceback.extract_tb(exc.__traceback__)
             if os.path.realpath(frame.filename) == str(conf)]
    return (lines[-1] or 0) if lines else 0


class _Locator:
    """``conf.py:LINE: `` for the line that assigns a name in conf.py (the file alone if none)."""

    def __init__(self, conf: Path | None) -> None:
        self.conf = conf
        self._lines: dict[str, int] | None = None

    def __call__(self, name: str) -> str:
        if self.conf is None:
            return ""
        line = self._assignments().get(name, 0)
        return f"{self.conf}:{line}: " if line else f"{self.conf}: "

    def _assignments(self) -> dict[str, int]:
        if self._lines is None:
            self._lines = {}
            try:
                tree = ast.parse(Path(str(self.conf)).read_bytes())
            except (OSError, SyntaxError, ValueError):
                return self._lines
            for node in ast.walk(tree):
                if isinstance(node, ast.Assign):
                    targets = node.targets
                elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
                    targets = [node.target]
                else:
                    continue
                for target in targets:
                    if isinstance(target, ast.Name):  # the last assignment is what counts
                        self._lines[target.id] = max(node.lineno, self._lines.get(target.id, 0))
        return self._lines
