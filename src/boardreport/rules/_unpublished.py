"""Whether the part of a report a finding concerns states its data as not published.

A duty the report does not meet because it states the data as not published is told apart,
for readers and for the audit, from one the report is silent on.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from boardreport import model
from boardreport.io._paths import parse_path
from boardreport.rules._registry import Finding

NOT_PUBLISHED_MESSAGE = "declared, data not published"
"""How a rule's message begins when the report declares the duty but states its data as not
published."""

_NOT_PUBLISHED = frozenset(
    {
        model.UnknownReason.NOT_PUBLISHED,
        model.UnknownReason.WITHHELD,
        model.UnknownReason.SUPPRESSED,
    }
)


def _scan(value: Any) -> Iterator[Any]:
    """Every value inside ``value``: attrs fields, tuples and lists, depth first."""
    yield value
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _scan(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _scan(item)


def _states_unpublished(value: Any) -> bool:
    return any(
        (isinstance(v, model.Unknown) and v.reason in _NOT_PUBLISHED)
        or isinstance(v, model.MissingFigure)
        for v in _scan(value)
    )


def _within(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith((prefix + ".", prefix + "/", prefix + "["))


def not_published(report: model.Report, path: str) -> bool:
    """True when the part of ``report`` at ``path`` states its data as not published.

    The path is a finding's: a section or block path, optionally followed by a field path
    (``budget/b-2019-20.income[0].amount``); a path into a section's own keys (``s.meets``)
    means the whole section. Stated unknowns that were not published, withheld
    or suppressed, and missing-figure blocks, count; an unknown that is "not known" does not.
    """
    if not path:
        return False
    located = [*model.iter_sections(report), *model.iter_blocks(report)]
    holders = [loc for loc in located if _within(path, loc.path)]
    if not holders:
        return False
    holder = max(holders, key=lambda loc: len(loc.path))
    value: Any = holder.item
    if isinstance(value, model.Section):  # a section's own keys (its meets) hold no data
        return _states_unpublished(value)
    for key in parse_path(path[len(holder.path) :].lstrip(".")):
        try:
            value = value[key] if isinstance(key, int) else getattr(value, key)
        except (AttributeError, IndexError, TypeError):
            value = holder.item
            break
    return _states_unpublished(value)


def concerns_unpublished_data(report: model.Report, finding: Finding) -> bool:
    """True when ``finding`` is about data the report states as not published."""
    return finding.message.startswith(NOT_PUBLISHED_MESSAGE) or not_published(report, finding.path)
