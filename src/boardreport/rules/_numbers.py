"""Numbers and period labels as the consistency rules read them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from boardreport.rules._content import is_number

_LONG_YEARS = re.compile(r"(?<![\d])((?:19|20)\d{2})\s*[-/–—]\s*(\d{4}|\d{2})(?![\d])")
_SHORT_YEARS = re.compile(r"(?<![\d/])(\d{2})\s*[/-]\s*(\d{2})(?![\d/])")


def number(value: Any) -> Decimal | None:
    """Return ``value`` as a Decimal when it is a number, else None."""
    return Decimal(value) if is_number(value) else None


def show(value: Decimal | int) -> str:
    """Format a number for a message: thousands separators, no needless decimals."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return f"{int(value):,}"
        return f"{value.normalize():,f}"
    return f"{value:,}"


def half_unit(values: Iterable[Decimal]) -> Decimal:
    """Half a unit in the last decimal place of the most precise of ``values`` (0 for integers)."""
    exponents = [v.as_tuple().exponent for v in values]
    places = [-e for e in exponents if isinstance(e, int) and e < 0]
    return Decimal(5).scaleb(-max(places) - 1) if places else Decimal(0)


def sum_tolerance(parts: list[Decimal], total: Decimal, *, percent: bool = False) -> Decimal:
    """How far a published total may be from the sum of its published parts.

    Integers must add up exactly. Rounded decimals may each be half a unit out. Percentages
    were each rounded (to whole points when no decimals are shown), so each may be half a
    unit out, and at least one point is allowed.
    """
    half = half_unit([*parts, total])
    if percent:
        return max(Decimal(1), (half or Decimal("0.5")) * len(parts))
    return half * max(1, len(parts))


def financial_years(label: str) -> set[int]:
    """Return the start years of the financial years a label names.

    Accepts ``2014-15``, ``2014/15``, ``2014-2015``, ``2014 - 2015`` and ``14/15``; a pair of
    years that are not consecutive (a date such as ``31/03``) is not a financial year.
    """
    years: set[int] = set()
    for first, second in _LONG_YEARS.findall(label):
        start = int(first)
        if len(second) == 4:
            end = int(second)
        else:
            end = start // 100 * 100 + int(second)
            if end < start:
                end += 100
        if end == start + 1:
            years.add(start)
    for first, second in _SHORT_YEARS.findall(label):
        start, end = int(first), int(second)
        if (start + 1) % 100 == end:
            years.add((1900 if start >= 70 else 2000) + start)
    return years


def financial_year_of(day: dt.date) -> int:
    """Return the start year of the financial year (1 April to 31 March) containing ``day``."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_label(start: int) -> str:
    """Return ``2014-15`` for 2014."""
    return f"{start}-{(start + 1) % 100:02d}"


def years_of(period: Any) -> set[int]:
    """The financial years a period names: a label (``2014-15``) or a span with start and end."""
    if isinstance(period, str):
        return financial_years(period)
    start, end = getattr(period, "start", None), getattr(period, "end", None)
    if isinstance(start, dt.date) and isinstance(end, dt.date):
        return set(range(financial_year_of(start), financial_year_of(end) + 1))
    label = getattr(period, "label", None)
    return financial_years(label) if isinstance(label, str) else set()


def printed_unit(values: Iterable[Decimal]) -> Decimal:
    """One unit in the last printed decimal place of the most precise of ``values`` (1 if whole)."""
    half = half_unit(values)
    return half * 2 if half else Decimal(1)


_ROUNDING_NOTE = re.compile(r"\brounding\b|\brounded\b|may not (?:add|sum|total)", re.IGNORECASE)


def share_tolerance(shares: list[Decimal], note: str = "") -> Decimal:
    """How far shares printed to a precision may add up from 100.

    Shares printed to whole points must add up to exactly 100 and shares to one decimal place
    to 100.0, unless a note says they were rounded: then each may be half a unit out.
    """
    unit = printed_unit(shares)
    if _ROUNDING_NOTE.search(note):
        return unit / 2 * max(1, len(shares))
    return unit / 2
