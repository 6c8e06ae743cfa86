"""The configuration values of factcheck in Sphinx: registered and validated.

The table itself (``CONFIG_VALUES``) and the checks live in ``factcheck.settings``, which the
command line reads without Sphinx; they are re-exported here for existing imports.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.errors import ConfigError

from factcheck.mentions import ScanSettings
from factcheck.rules import rules_for
from factcheck.settings import CONFIG_VALUES, UNUSED_MODES, ConfigValue, InputError, check_values

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment


__all__ = ["CONFIG_VALUES", "UNUSED_MODES", "ConfigValue", "check_config", "date_format",
           "facts_path", "house_locale", "scan_settings", "setup_config"]


def setup_config(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(value.name, value.default, value.rebuild,  # type: ignore[arg-type]
                             types=value.types)
    app.connect("config-inited", check_config)


def check_config(app: Sphinx, config: Config) -> None:
    """Refuse a configuration the check cannot honour, with a message a person can act on."""
    values = {value.name: getattr(config, value.name) for value in CONFIG_VALUES}
    try:
        check_values({**values, "language": config.language})
    except InputError as exc:
        raise ConfigError(str(exc)) from None


def house_locale(config: Config) -> str:
    """The Babel locale of the site: ``factcheck_locale``, else ``language``, else ``en``."""
    return str(config.factcheck_locale or config.language or "en").replace("-", "_")


def date_format_problem(config: Config) -> str | None:
    """Why ``factcheck_date_format`` cannot be used with Babel, or ``None`` when it can."""
    from factcheck.settings import date_format_problem as problem_of

    return problem_of(config.factcheck_date_format, house_locale(config))


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
        identifier_rules=rules_for(config.factcheck_identifiers,
                                   config.factcheck_disable_identifiers),
    )


def facts_path(env: BuildEnvironment) -> Path:
    return (Path(env.srcdir) / env.config.factcheck_facts).resolve()
