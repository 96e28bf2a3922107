"""What counts as substance in a block's fields: the predicates every kind's content test uses."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from boardreport import model


def text(value: Any) -> bool:
    """Return True when ``value`` is text with substance (``model.has_substance``)."""
    return isinstance(value, str) and model.has_substance(value)


def any_text(values: Iterable[Any]) -> bool:
    """Return True when any of ``values`` is text with substance."""
    return any(text(v) for v in values)


def is_number(value: Any) -> bool:
    """Return True for an int or a finite Decimal (never a bool)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, Decimal):
        return value.is_finite()
    return isinstance(value, int)


def nonzero(value: Any) -> bool:
    """Return True for a number other than 0."""
    return is_number(value) and value != 0


def given(value: Any) -> bool:
    """Return True for a figure the report gives: a number other than 0, or a bound ("over 20")."""
    return nonzero(value) or isinstance(value, model.Bound)


_NOT_PUBLISHED = (model.UnknownReason.NOT_PUBLISHED, model.UnknownReason.WITHHELD)


def unpublished(value: Any) -> bool:
    """Return True for a stated unknown whose reason is that it was not published or withheld."""
    return isinstance(value, model.Unknown) and value.reason in _NOT_PUBLISHED
