"""The configuration values of factcheck: one table, registered, validated and documented."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel import Locale, UnknownLocaleError
from sphinx.errors import ConfigError
from sphinx.util import logging

from factcheck.findings import Subtype
from factcheck.rules import active_rules

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment


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
                "Also find figures written as English number words (``five``, ``one fifth``)."),
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
)

UNUSED_MODES = ("info", "warning", "off")

logger = logging.getLogger(__name__)


def setup_config(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(value.name, value.default, value.rebuild,  # type: ignore[arg-type]
                             types=value.types)
    app.connect("config-inited", check_config)
    app.connect("config-inited", check_identifier_rules)


def check_config(app: Sphinx, config: Config) -> None:
    """Refuse a configuration the check cannot honour, with a message a person can act on."""
    if config.factcheck_unused not in UNUSED_MODES:
        raise ConfigError(f"factcheck_unused must be one of {', '.join(UNUSED_MODES)}, "
                          f"not {config.factcheck_unused!r}")
    for phrase, reason in dict(config.factcheck_exempt).items():
        if not isinstance(phrase, str) or not isinstance(reason, str) or not reason.strip():
            raise ConfigError(f"factcheck_exempt: the phrase {phrase!r} needs a reason "
                              "(a non-empty string saying why its figures are not claims)")
    try:
        Locale.parse(house_locale(config))
    except (UnknownLocaleError, ValueError) as exc:
        raise ConfigError(f"factcheck_locale: {exc}") from None


def house_locale(config: Config) -> str:
    return str(config.factcheck_locale or config.language or "en").replace("-", "_")


def facts_path(env: BuildEnvironment) -> Path:
    return (Path(env.srcdir) / env.config.factcheck_facts).resolve()


def check_identifier_rules(app: Sphinx, config: Config) -> None:
    """Report each project identifier rule that cannot be used, at its line of ``conf.py``."""
    project, disabled = config.factcheck_identifiers, config.factcheck_disable_identifiers
    for problem in active_rules(project, disabled)[1]:
        logger.warning(str(problem), type="factcheck", subtype=Subtype.CONFIG.value,
                       location=_conf_location(app, problem.name))


def _conf_location(app: Sphinx, name: str) -> str:
    # Config values keep no line numbers; the rule's quoted name in conf.py is where to look.
    path = Path(app.confdir) / "conf.py"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return f"{path}:"
    # The rule's quoted name, or the assignment of the config value itself.
    quoted = (f'"{name}"', f"'{name}'")
    line = next((n for n, text in enumerate(lines, 1)
                 if any(q in text for q in quoted) or text.startswith(f"{name} =")), 0)
    return f"{path}:{line}" if line else f"{path}:"
