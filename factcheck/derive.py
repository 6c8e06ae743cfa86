"""Derived facts and constraints: a small expression language over fact ids, evaluated safely.

A fact may be computed from others (``derive:``) and the facts file may state what must hold
between facts (``require:``)::

    bases-troops-sum:
      derive: base-alytus-troops + base-prienai-troops + base-gaiziunai-troops + base-vilnia-troops
      label: Sum of the four bases' troops
    border-agreement-signed:
      derive: bases-agreement-signed - days(1)
      label: The border agreement is signed, a day before the bases agreement
    troops-shrink:
      require: troops-demanded > troops-first-reduction > troops-final
      label: Each round of talks lowered the number of troops

The expression is parsed with Python's :mod:`ast` and only a whitelist of nodes is accepted
(numbers, fact ids, ``+ - * /``, comparisons, ``and``/``or``/``not`` and the functions in
:data:`FUNCTIONS`); nothing is ever passed to ``eval``.  Strings, ``__`` names, Python keywords,
attributes, subscripts, lambdas and keyword arguments are refused with a message, and so is an
expression nesting deeper than ``MAX_DEPTH`` (100).  Fact ids may hold ``-``: an id is read whole
when it is a known fact, so write spaces around a minus between two ids; ``and``, ``or`` and
``not`` are always operators.  Cycles, unknown ids and type errors (a date compared with a
number, days added to a month) are reported at their line in the facts file.
"""

from __future__ import annotations

import ast
import calendar
import datetime
import keyword
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from factcheck.values import (
    Amount,
    BadValue,
    DateValue,
    FractionValue,
    NumberValue,
    PercentValue,
    QuantityValue,
)
from factcheck.values.dates import make_date


class DeriveError(ValueError):
    """An expression that cannot be read or computed (the message says why)."""


@dataclass(frozen=True)
class Duration:
    """``days(n)``, ``years(n)``: what may be added to or taken from a date."""

    days: int = 0
    years: int = 0


_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def _days(n: Any) -> Duration:
    return Duration(days=_whole(n, "days()"))


def _years(n: Any) -> Duration:
    return Duration(years=_whole(n, "years()"))


def _years_between(a: Any, b: Any) -> QuantityValue:
    first, second = _date(a, "years_between()"), _date(b, "years_between()")
    years = (second.year or 0) - (first.year or 0)
    if first.month is not None and second.month is not None:
        earlier = (second.month, second.day or 0) < (first.month, first.day or 0)
        if earlier and (second.day is not None or second.month < first.month):
            years -= 1
    return QuantityValue(Amount(Fraction(years), Fraction(1)), "year")


def _days_between(a: Any, b: Any) -> QuantityValue:
    first, second = _day(a, "days_between()"), _day(b, "days_between()")
    return QuantityValue(Amount(Fraction((second - first).days), Fraction(1)), "day")


def _extreme(pick: Callable[..., Any], values: tuple[Any, ...]) -> Any:
    if not values:
        raise DeriveError(f"{pick.__name__}() needs at least one value")
    for value in values[1:]:
        _comparable(values[0], value)  # a date and a number have no order
    return pick(values, key=_sort_key)


def _sum(*values: Any) -> Any:
    if not values:
        raise DeriveError("sum() needs at least one value")
    total = values[0]
    for value in values[1:]:
        total = _add(total, value)
    return total


#: The functions an expression may call.
FUNCTIONS: dict[str, Callable[..., Any]] = {
    "days": _days,
    "years": _years,
    "years_between": _years_between,
    "days_between": _days_between,
    "sum": _sum,
    "min": lambda *v: _extreme(min, v),
    "max": lambda *v: _extreme(max, v),
}

#: ``and``, ``or`` and ``not`` are the language's own words, never fact ids.
_OPERATOR_WORDS = frozenset({"and", "or", "not"})

_ALLOWED = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Compare, ast.BoolOp, ast.Call,
            ast.Name, ast.Constant, ast.Load, ast.Add, ast.Sub, ast.Mult, ast.Div, ast.USub,
            ast.UAdd, ast.Not, ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.And,
            ast.Or)


_ALLOWED_TEXT = ("numbers, fact ids, + - * /, comparisons, and/or/not, "
                 f"{', '.join(FUNCTIONS)}")


@dataclass(frozen=True)
class Expression:
    """A parsed expression: its tree and the fact ids it reads, in order."""

    text: str
    tree: ast.Expression
    ids: tuple[str, ...]
    placeholders: dict[str, str]


def parse_expression(text: str, known: Mapping[str, object] | set[str]) -> Expression:
    """Parse ``text``; ``known`` holds the fact ids of the file (to tell ``a-b`` from ``a - b``)."""
    placeholders: dict[str, str] = {}
    ids: list[str] = []

    def substitute(match: re.Match[str]) -> str:
        token = match.group()
        following = text[match.end():].lstrip()
        if following[:1] == "(" and token in FUNCTIONS:
            return token
        if _NUMBER.match(token) or token in _OPERATOR_WORDS:
            return token
        if following[:1] == "=" and following[:2] != "==":
            raise DeriveError(f"{text!r} names an argument ({token}=…): functions take their "
                              "arguments in order")
        if token not in known:
            word = token.rstrip(":.")
            if keyword.iskeyword(word) or keyword.issoftkeyword(word):
                raise DeriveError(f"{text!r} uses the Python keyword {word!r}, which expressions "
                                  f"do not allow ({_ALLOWED_TEXT})")
            if token[0].isdigit():
                raise DeriveError(f"{token!r} in {text!r} is not a number expressions read "
                                  "(write 10000 or 2.5)")
            hint = " (write spaces around '-' between two ids)" if "-" in token else ""
            raise DeriveError(f"unknown fact id {token!r} in {text!r}{hint}")
        name = placeholders.setdefault(token, f"_f{len(placeholders)}")
        if token not in ids:
            ids.append(token)
        return name

    if len(text) > 2000:
        raise DeriveError("the expression is longer than 2,000 characters")
    if re.search(r"['\"]", text):
        raise DeriveError(f"{text!r} holds a string; expressions allow {_ALLOWED_TEXT}")
    if "__" in text:
        raise DeriveError(f"{text!r} names a Python internal ('__'); expressions allow "
                          f"{_ALLOWED_TEXT}")
    source = _ID.sub(substitute, text)
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise DeriveError(f"cannot read {text!r}: {exc.msg}") from None
    except (RecursionError, MemoryError):
        raise DeriveError(f"{text[:40]!r}… nests too deeply to read") from None
    _check_depth(tree, text)
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED):
            raise DeriveError(f"{text!r} uses {type(node).__name__}, which expressions do not "
                              f"allow ({_ALLOWED_TEXT})")
        if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name)
                                               and node.func.id in FUNCTIONS and not node.keywords):
            raise DeriveError(f"{text!r} calls something other than {', '.join(FUNCTIONS)}")
        if isinstance(node, ast.Constant) and not isinstance(node.value, int | float):
            raise DeriveError(f"{text!r} holds a constant that is not a number")
    return Expression(text, tree, tuple(ids), {v: k for k, v in placeholders.items()})


#: How deeply an expression may nest ("-(-(-a))", "a + (b + (c + …))"): far more than a facts
#: file needs, and little enough for the evaluator to recurse through.
MAX_DEPTH = 100


def _check_depth(tree: ast.AST, text: str) -> None:
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise DeriveError(f"{text[:40]!r}… nests deeper than {MAX_DEPTH} levels")
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


def evaluate(expression: Expression, values: Mapping[str, Any]) -> Any:
    """The value of ``expression`` with ``values`` (fact id → value) for its ids."""
    return _Evaluator(expression, values).visit(expression.tree.body)


class _Evaluator:
    def __init__(self, expression: Expression, values: Mapping[str, Any]) -> None:
        self.expression = expression
        self.values = values

    def visit(self, node: ast.AST) -> Any:
        if isinstance(node, ast.Constant):
            return NumberValue(Amount(Fraction(str(node.value)), Fraction(0)))
        if isinstance(node, ast.Name):
            return self.values[self.expression.placeholders[node.id]]
        if isinstance(node, ast.UnaryOp):
            operand = self.visit(node.operand)
            if isinstance(node.op, ast.Not):
                return not _truth(operand)
            if isinstance(node.op, ast.USub):
                return _scale(operand, Fraction(-1))
            return operand
        if isinstance(node, ast.BinOp):
            return _arithmetic(node.op, self.visit(node.left), self.visit(node.right))
        if isinstance(node, ast.Compare):
            left = self.visit(node.left)
            for op, right_node in zip(node.ops, node.comparators, strict=True):
                right = self.visit(right_node)
                if not _COMPARE[type(op)](*_comparable(left, right)):
                    return False
                left = right
            return True
        if isinstance(node, ast.BoolOp):
            results = (_truth(self.visit(v)) for v in node.values)
            return all(results) if isinstance(node.op, ast.And) else any(results)
        if isinstance(node, ast.Call):
            assert isinstance(node.func, ast.Name)
            return FUNCTIONS[node.func.id](*(self.visit(a) for a in node.args))
        raise DeriveError(f"cannot compute {ast.dump(node)}")  # pragma: no cover - whitelisted


_COMPARE: dict[type, Callable[[Any, Any], bool]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge,
}


def _truth(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise DeriveError("'and', 'or' and 'not' need comparisons on both sides")


def _number(value: Any, what: str) -> Fraction:
    if isinstance(value, NumberValue | PercentValue | FractionValue) or (
            isinstance(value, QuantityValue) and value.unit is None):
        return value.amount.value
    raise DeriveError(f"{what} needs a number, not a {_kind(value)}")


def _whole(value: Any, what: str) -> int:
    number = _number(value, what)
    if number.denominator != 1:
        raise DeriveError(f"{what} needs a whole number, not {number}")
    return int(number)


def _date(value: Any, what: str) -> DateValue:
    if isinstance(value, DateValue) and value.year is not None:
        return value
    raise DeriveError(f"{what} needs a date, not a {_kind(value)}")


def _day(value: Any, what: str) -> datetime.date:
    date = _date(value, what)
    if date.precision != "day":
        raise DeriveError(f"{what} needs dates known to the day, not {date.describe()}")
    return date.span()[0]


def _kind(value: Any) -> str:
    if isinstance(value, Duration):
        return "duration"
    if isinstance(value, bool):
        return "comparison"
    return str(getattr(value, "kind", type(value).__name__))


def _comparable(left: Any, right: Any) -> tuple[Any, Any]:
    """The keys two values are compared by; a date and a number cannot be compared."""
    keys = _sort_key(left), _sort_key(right)
    if isinstance(keys[0], datetime.date) != isinstance(keys[1], datetime.date):
        raise DeriveError(f"cannot compare a {_kind(left)} with a {_kind(right)}")
    if isinstance(left, QuantityValue) and isinstance(right, QuantityValue) and (
            left.unit != right.unit):
        raise DeriveError(f"cannot compare {left.unit} with {right.unit}")
    return keys


def _sort_key(value: Any) -> Any:
    """What comparisons compare: a number's value, a date's first day, a quantity in its unit."""
    if isinstance(value, DateValue):
        return value.span()[0]
    if isinstance(value, QuantityValue):
        return value.amount.value
    return _number(value, "a comparison")


def _arithmetic(op: ast.operator, left: Any, right: Any) -> Any:
    if isinstance(op, ast.Add):
        return _add(left, right)
    if isinstance(op, ast.Sub):
        if isinstance(left, DateValue) and isinstance(right, QuantityValue):
            right = _as_duration(right)
        if isinstance(right, Duration):
            return _shift(left, right, -1)
        if isinstance(left, DateValue) and isinstance(right, DateValue):
            return _days_between(right, left)
        return _combine(left, right, operator.sub)
    if isinstance(op, ast.Mult):
        return _combine(left, right, operator.mul)
    divisor = _number(right, "'/'")
    if divisor == 0:
        raise DeriveError("division by zero")
    return _combine(left, right, operator.truediv)


def _add(left: Any, right: Any) -> Any:
    if isinstance(left, DateValue) and isinstance(right, QuantityValue):
        right = _as_duration(right)
    if isinstance(right, DateValue) and isinstance(left, QuantityValue):
        left = _as_duration(left)
    if isinstance(right, Duration):
        return _shift(left, right, 1)
    if isinstance(left, Duration):
        return _shift(right, left, 1)
    return _combine(left, right, operator.add)


def _as_duration(value: QuantityValue) -> Duration:
    """A quantity of days or years (``15 years``) as something a date can be moved by."""
    whole = _whole(NumberValue(value.amount), "a duration")
    if value.unit == "day":
        return Duration(days=whole)
    if value.unit == "year":
        return Duration(years=whole)
    raise DeriveError(f"a date can be moved by days or years, not by {value.unit}")


def _combine(left: Any, right: Any, op: Callable[[Fraction, Fraction], Fraction]) -> Any:
    if op in (operator.mul, operator.truediv) and _measured(left) and not _measured(right):
        # "troops-per-base * 4", "area / 2": a quantity scaled by a number keeps its unit
        factor = _number(right, "arithmetic")
        return _scale(left, factor if op is operator.mul else 1 / factor)
    if op is operator.mul and _measured(right) and not _measured(left):
        return _scale(right, _number(left, "arithmetic"))
    if isinstance(left, QuantityValue) and isinstance(right, QuantityValue):
        if left.unit != right.unit:
            raise DeriveError(f"cannot combine {left.unit} and {right.unit}")
        value = op(left.amount.value, right.amount.value)
        return QuantityValue(Amount(value, max(left.amount.step, right.amount.step)), left.unit)
    a, b = _number(left, "arithmetic"), _number(right, "arithmetic")
    additive = op in (operator.add, operator.sub)
    step = max(_step(left), _step(right)) if additive else Fraction(0)
    result_type = PercentValue if isinstance(left, PercentValue) and additive else NumberValue
    return result_type(Amount(op(a, b), step))


def _measured(value: Any) -> bool:
    return isinstance(value, QuantityValue) and value.unit is not None


def _step(value: Any) -> Fraction:
    return value.amount.step if hasattr(value, "amount") else Fraction(0)


def _scale(value: Any, factor: Fraction) -> Any:
    if isinstance(value, NumberValue | PercentValue | FractionValue | QuantityValue):
        return type(value)(value.amount.scaled(factor), *_rest(value))
    raise DeriveError(f"cannot negate a {_kind(value)}")


def _rest(value: Any) -> tuple[Any, ...]:
    # A scaled quantity keeps its unit as the facts file wrote it ("km2", "years").
    return (value.unit, None, value.written_unit) if isinstance(value, QuantityValue) else ()


def _shift(value: Any, duration: Duration, sign: int) -> DateValue:
    date = _date(value, "adding days() or years()")
    if duration.days and date.precision != "day":
        raise DeriveError(f"days() needs a date known to the day, not {date.describe()}")
    year = (date.year or 0) + sign * duration.years
    if date.precision == "day":
        assert date.month is not None and date.day is not None
        day = min(date.day, calendar.monthrange(year, date.month)[1])  # Feb 29 + 1 year
        shifted = datetime.date(year, date.month, day) + datetime.timedelta(
            days=sign * duration.days)
        return make_date(shifted.year, shifted.month, shifted.day)
    try:
        return make_date(year, date.month, None, precision=date.precision)
    except BadValue as exc:
        raise DeriveError(str(exc)) from None
