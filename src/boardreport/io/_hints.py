"""Hints for the TOML mistakes people make most when they write a report by hand.

:func:`syntax_hint` looks at the line a TOML syntax error points at and, when the mistake is
a common one (a thousands separator, a percent sign, a date written day/month/year, quotes
pasted from a word processor, text in triple quotes never closed), says how to write it.
"""

from __future__ import annotations

import re

from attrs import frozen

_ASSIGNMENT = re.compile(r"^\s*(?P<key>[A-Za-z0-9_.\-\"' ]+?)\s*=\s*(?P<value>.*?)\s*(?:#.*)?$")
_GROUPED = re.compile(r"^[-+]?\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?$")
_PERCENT = re.compile(r"^(?P<number>[-+]?\d+(?:\.\d+)?)\s*%$")
_POUNDS = re.compile(r"^[-+]?£\s*(?P<number>[\d,]+(?:\.\d+)?)$")
_DMY = re.compile(r"^(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4})$")
_SHORT_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
_CURLY = "“”‘’„«»"
_TRIPLE = re.compile(r'"""|\'\'\'')
_CAPITALISED_BOOL = re.compile(r"^(True|False|TRUE|FALSE|Yes|No|yes|no)$")


@frozen
class Hint:
    """How to fix a syntax error, and the line it is on (which may differ from the parser's)."""

    line: int | None
    text: str


def _date(key: str, year: str, month: str, day: str) -> str:
    return (
        f"dates are written year-month-day without quotes: "
        f"{key} = {int(year):04d}-{int(month):02d}-{int(day):02d}"
    )


def _value_hint(key: str, value: str) -> str | None:
    """The fix for a value TOML cannot read, or None when it is not a common mistake."""
    if value[:1] in _CURLY:
        inner = value.strip(_CURLY)
        return (
            "“curly” quotes (pasted from a word processor) are not TOML quotes; "
            f'use straight double quotes: {key} = "{inner}"'
        )
    if _GROUPED.match(value):
        digits = re.sub(r"[, ]", "", value)
        return f"numbers are written without thousands separators: {key} = {digits}"
    if match := _PERCENT.match(value):
        return (
            f"numbers are written without a percent sign: {key} = {match['number']} "
            "(the column or KPI unit says it is a percentage)"
        )
    if match := _POUNDS.match(value):
        digits = match["number"].replace(",", "")
        return f"amounts are written without £ or separators: {key} = {digits}"
    if match := _DMY.match(value):
        return _date(key, match["year"], match["month"], match["day"])
    if match := _SHORT_ISO.match(value):
        return _date(key, match["year"], match["month"], match["day"])
    if _CAPITALISED_BOOL.match(value):
        word = "true" if value.lower() in {"true", "yes"} else "false"
        return f"true and false are written in lower case without quotes: {key} = {word}"
    if value.startswith('"') and value.count('"') % 2 == 1 and not value.startswith('"""'):
        return (
            'the text is not closed on this line: end it with " '
            '(text over several lines goes between """ and """)'
        )
    return None


def _unclosed_triple_quote(text: str) -> int | None:
    """The line of a ``\"\"\"`` or ``'''`` that opens text never closed, or None."""
    opened: tuple[str, int] | None = None
    for match in _TRIPLE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if opened is None:
            opened = (match.group(), line)
        elif match.group() == opened[0]:
            opened = None
    return opened[1] if opened else None


def syntax_hint(text: str, message: str, line: int | None) -> Hint | None:
    """Return a hint for the syntax error ``message`` at ``line`` of ``text``, if one fits."""
    if "Unterminated string" in message or line is None:
        opened = _unclosed_triple_quote(text)
        if opened is not None:
            return Hint(
                opened,
                f"the text opened with triple quotes on line {opened} is never closed: "
                'end it with """ on a line of its own',
            )
        return None
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    assignment = _ASSIGNMENT.match(lines[line - 1])
    if assignment is None:
        return None
    advice = _value_hint(assignment["key"].strip(), assignment["value"])
    return Hint(line, advice) if advice else None
