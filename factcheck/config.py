"""The configuration values of factcheck: one table, registered, validated and documented."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel import Locale, UnknownLocaleError
from sphinx.errors import ConfigError

from factcheck.mentions import ScanSettings

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
                "Also find figures written as number words (``five``, ``one fifth``, "
                "``zwanzig``): read by text2num in English, French, German, Spanish, Italian, "
                "Portuguese, Dutch and Danish."),
    ConfigValue("factcheck_date_order", "auto", (str, type(None)), "env",
                "Day–month order of numeric dates such as ``5/6/1939``: ``'DMY'``, ``'MDY'``, "
                "``None`` (no order: such a date is reported as ambiguous) or ``'auto'`` (the "
                "locale's: ``en_GB`` DMY, ``en_US`` MDY, ``de``/``fr`` DMY; plain ``en`` has "
                "none, since English writes both)."),
)

DATE_ORDERS = ("auto", "DMY", "MDY", None)

UNUSED_MODES = ("info", "warning", "off")


def setup_config(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(value.name, value.default, value.rebuild,  # type: ignore[arg-type]
                             types=value.types)
    app.connect("config-inited", check_config)


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
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise ConfigError(f"factcheck_locale: {exc}") from None
    if config.factcheck_date_order not in DATE_ORDERS:
        raise ConfigError(f"factcheck_date_order must be 'auto', 'DMY', 'MDY' or None, not "
                          f"{config.factcheck_date_order!r}")


def house_locale(config: Config) -> str:
    return str(config.factcheck_locale or config.language or "en").replace("-", "_")


def date_format_problem(config: Config) -> str | None:
    """Why ``factcheck_date_format`` cannot be used with Babel, or ``None`` when it can."""
    import datetime

    from babel.dates import format_date

    try:
        format_date(datetime.date(1939, 10, 10), config.factcheck_date_format,
                    locale=house_locale(config))
    except Exception as exc:  # noqa: BLE001 - Babel raises many kinds for a bad pattern
        return (f"factcheck_date_format {config.factcheck_date_format!r} cannot be used: "
                f"{type(exc).__name__}: {exc}; dates are rendered with 'long' instead")
    return None


def date_format(config: Config) -> str:
    """``factcheck_date_format``, or ``'long'`` when Babel cannot use it (reported once)."""
    return "long" if date_format_problem(config) else str(config.factcheck_date_format)


def scan_settings(config: Config) -> ScanSettings:
    """What reading prose depends on, from the configuration."""
    return ScanSettings(
        locale=house_locale(config),
        date_order=config.factcheck_date_order,
        number_words=bool(config.factcheck_number_words),
        exempt=tuple(sorted(dict(config.factcheck_exempt).items())),
    )


def facts_path(env: BuildEnvironment) -> Path:
    from factcheck.state import facts_path as path_of

    return path_of(env)
