"""Numbers, dates and enumeration values written out as text, the same way in every format."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from decimal import Decimal

from boardreport import wording
from boardreport.model import (
    BOUND_WORDS,
    Bound,
    Cell,
    ColumnType,
    Figure,
    Month,
    Number,
    Polarity,
    Unknown,
)

_SPELLED_OUT = 40
"""Most digits a number is written out with; a loaded report never has more (the loader's
limits), and a larger one built in Python is written in scientific form rather than expanded
into millions of digits."""


def stated(value: Unknown | Bound, show: Callable[[Number], str]) -> str:
    """Say a stated unknown ("not published", "fewer than 5") or a bound ("over 5,000").

    A bound's published text is used as it is; otherwise its limit is shown with ``show``.
    """
    if isinstance(value, Unknown):
        return str(value)
    if value.text.strip():
        return value.text.strip()
    return f"{BOUND_WORDS[value.relation]} {show(value.value)}"


def _plain(value: Number) -> str:
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)  # finite
        if abs(value.adjusted()) > _SPELLED_OUT or -exponent > _SPELLED_OUT:
            return f"{value:.6E}"
        text = f"{value:,f}"
    elif value.bit_length() > _SPELLED_OUT * 4:
        return f"{Decimal(value):.6E}"
    else:
        text = f"{value:,}"
    return text


def number(value: Figure) -> str:
    """Format ``value`` with thousands separators, keeping a decimal's published precision."""
    if isinstance(value, Unknown | Bound):
        return stated(value, _plain)
    return _plain(value)


def money(value: Figure, currency: str = "GBP") -> str:
    """Format an amount of money, for example ``£1,250`` or ``-£15,000``."""
    if isinstance(value, Unknown | Bound):
        return stated(value, lambda limit: money(limit, currency))
    symbol = wording.CURRENCY_SYMBOLS.get(currency)
    magnitude = number(-value if value < 0 else value)
    sign = "-" if value < 0 else ""
    if symbol is None:
        return f"{sign}{currency} {magnitude}"
    return f"{sign}{symbol}{magnitude}"


def percent(value: Figure) -> str:
    """Format a percentage, for example ``58%``."""
    if isinstance(value, Unknown | Bound):
        return stated(value, percent)
    return f"{number(value)}%"


def cell(value: Cell, kind: ColumnType, currency: str = "GBP", *, signs: bool = True) -> str:
    """Format one table cell by its column type; text cells are returned as they are. Without
    ``signs``, percentages and amounts are bare figures (their unit is in a heading)."""
    if isinstance(value, str):
        return value
    if not signs:
        return number(value)
    if kind is ColumnType.MONEY:
        return money(value, currency)
    if kind is ColumnType.PERCENT:
        return percent(value)
    return number(value)


def with_unit(value: Figure, unit: str) -> str:
    """Format a value with its unit: ``58%``, ``£1,200`` or ``512 per 10,000 children``."""
    unit = unit.strip()
    if isinstance(value, Unknown):
        return str(value)
    if unit == "%":
        return percent(value)
    if unit in wording.CURRENCY_SYMBOLS.values():
        return money(value, next(k for k, v in wording.CURRENCY_SYMBOLS.items() if v == unit))
    if unit in wording.CURRENCY_SYMBOLS:
        return money(value, unit)
    return f"{number(value)} {unit}" if unit else number(value)


def date(value: dt.date | Month) -> str:
    """Format a date in British style, ``1 April 2014``, or a month, ``September 2016``."""
    if isinstance(value, Month):
        return f"{value.first_day():%B %Y}"
    return f"{value.day} {value:%B %Y}"


def on_date(value: dt.date | Month) -> str:
    """``on 1 April 2014``, or ``in September 2016`` for a month."""
    return f"{'in' if isinstance(value, Month) else 'on'} {date(value)}"


def span(start: dt.date | Month | None, end: dt.date | Month | None) -> str:
    """``from September 2015``, ``to 30 June 2014``, ``from … to …`` or ``""``."""
    parts = [*([f"from {date(start)}"] if start else []), *([f"to {date(end)}"] if end else [])]
    return " ".join(parts)


def words(value: enum.Enum | str) -> str:
    """Write an enumeration value as words: ``statutory_partner`` becomes ``Statutory partner``."""
    raw = value.value if isinstance(value, enum.Enum) else value
    text = str(raw)
    if text in wording.ENUM_WORDS:
        return wording.ENUM_WORDS[text]
    return text.replace("_", " ").capitalize()


def comparison(value: Number, other: Number) -> str:
    """Say how ``value`` compares with ``other``: higher than, lower than or the same as."""
    if value > other:
        return "higher than"
    if value < other:
        return "lower than"
    return "the same as"


def judgement(value: Number, other: Number, polarity: Polarity) -> str:
    """Say whether ``value`` is better or worse than ``other`` for a polarity ('' if neither)."""
    if polarity is Polarity.NEUTRAL or value == other:
        return ""
    better = value > other if polarity is Polarity.HIGHER_IS_BETTER else value < other
    return "better" if better else "worse"
