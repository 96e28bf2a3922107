"""What counts as real content: placeholders and empty blocks never do."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from boardreport import model
from boardreport.model import Located, Requirement


def text(value: Any) -> bool:
    """Return True when ``value`` is text with real (non-placeholder) content."""
    return isinstance(value, str) and model.has_content(value)


def any_text(values: Iterable[Any]) -> bool:
    """Return True when any of ``values`` is text with real content."""
    return any(text(v) for v in values)


def is_number(value: Any) -> bool:
    """Return True for an int or a finite Decimal (never a bool)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, Decimal):
        return value.is_finite()
    return isinstance(value, int)


def block_has_content(block: Any) -> bool:
    """Return True when ``block`` carries real content.

    Placeholders, empty or ``TODO`` text, and notes that a figure is missing never count.
    """
    if isinstance(block, model.Placeholder | model.MissingFigure):
        return False
    if isinstance(block, model.Prose | model.Quote):
        return text(block.text)
    if isinstance(block, model.CaseStudy):
        return text(block.text)
    if isinstance(block, model.KPI):
        return text(block.label) and is_number(block.value)
    if isinstance(block, model.Table):
        return bool(block.rows)
    if isinstance(block, model.Chart):
        return text(block.title)
    if isinstance(block, model.PriorityArea):
        return any_text((block.aim, block.progress, block.work_in_progress, block.next_year))
    if isinstance(block, model.AgencyReturn):
        return any_text(answer for _, answer in block.answers())
    if isinstance(block, model.Budget):
        return bool(block.income) or bool(block.expenditure)
    if isinstance(block, model.Membership):
        return any(text(m.name) or text(m.organisation) for m in block.members)
    if isinstance(block, model.Attendance):
        return bool(block.entries)
    if isinstance(block, model.Challenge):
        return any_text((block.title, block.description))
    if isinstance(block, model.Review):
        return review_has_content(block)
    if isinstance(block, model.ChildDeathReview):
        return True
    if isinstance(block, model.Glossary):
        return bool(block.entries)
    return False


def review_has_content(review: model.Review) -> bool:
    """Return True when a review says something: figures, summary, lessons, actions or none."""
    figures = (review.cases_considered, review.met_criteria, review.commissioned, review.published)
    return (
        review.none_in_period
        or any(f is not None for f in figures)
        or text(review.summary)
        or any_text(review.lessons)
        or any_text(review.actions)
    )


def section_has_content(section: model.Section) -> bool:
    """Return True when a section or any of its subsections holds real content."""
    if any(block_has_content(b) for b in section.blocks):
        return True
    return any(section_has_content(s) for s in section.sections)


def declaring(report: model.Report, requirement: Requirement) -> Iterator[Located]:
    """Yield the sections that declare they meet ``requirement``."""
    for located in model.iter_sections(report):
        if requirement in located.item.meets:
            yield located


def sections_meeting(
    report: model.Report, requirement: Requirement
) -> tuple[list[str], list[str]]:
    """Return (paths that meet ``requirement``, paths that declare it but are empty)."""
    met: list[str] = []
    empty: list[str] = []
    for located in declaring(report, requirement):
        (met if section_has_content(located.item) else empty).append(located.path)
    return met, empty


def walk_text(obj: Any, skip: frozenset[str] = frozenset()) -> Iterator[str]:
    """Yield every string held by an attrs object, recursively, except fields named in ``skip``."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, tuple | list):
        for item in obj:
            yield from walk_text(item, skip)
    elif attrs.has(type(obj)):
        for attribute in attrs.fields(type(obj)):
            if attribute.name not in skip:
                yield from walk_text(getattr(obj, attribute.name, None), skip)
