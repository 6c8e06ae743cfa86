"""Validate SARIF logs against the official 2.1.0 schema (vendored in tests/data, see README)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator, FormatChecker

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@cache
def _validator() -> Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    # The schema is draft 4 but uses "uri-reference", which only later drafts' checkers know:
    # check every format jsonschema knows (rfc3986-validator provides "uri" and "uri-reference").
    return Draft4Validator(schema, format_checker=FormatChecker())


def sarif_errors(log: Any) -> list[str]:
    """Every schema violation of ``log``, as 'path: message' (empty when valid)."""
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in _validator().iter_errors(log)]
