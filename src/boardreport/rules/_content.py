"""What counts as real content: placeholders and empty blocks never do."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from boardreport import model
from boardreport.model import Located, Requirement
from boardreport.rules._registry import RuleContext


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


def table_has_content(table: model.Table) -> bool:
    """Return True when a table has a row with a non-zero figure or, lacking figures, text.

    A table whose figures are all 0, or whose cells are all placeholders, says nothing.
    """
    numeric = [c for row in table.rows for c in row[1:] if is_number(c)]
    if numeric:
        return any(c != 0 for c in numeric)
    return any(any_text(row[1:]) or (len(row) == 1 and text(row[0])) for row in table.rows)


def block_has_content(block: Any) -> bool:
    """Return True when ``block`` has substance.

    Placeholders, empty, ``TODO``, "N/A" or "not published" text, notes that a figure is
    missing, and tables or budgets whose figures are all 0 never count.
    """
    if isinstance(block, model.Placeholder | model.MissingFigure):
        return False
    if isinstance(block, model.Prose | model.Quote | model.CaseStudy):
        return text(block.text)
    if isinstance(block, model.KPI):
        return text(block.label) and (is_number(block.value) or given(block.value))
    if isinstance(block, model.Table):
        return table_has_content(block)
    if isinstance(block, model.Chart):
        return text(block.title)
    if isinstance(block, model.PriorityArea):
        return any_text((block.aim, block.progress, block.work_in_progress, block.next_year))
    if isinstance(block, model.AgencyReturn):
        return any_text(answer for _, answer in block.answers())
    if isinstance(block, model.Budget):
        return budget_has_content(block)
    if isinstance(block, model.Membership):
        return any(text(m.name) or text(m.organisation) for m in block.members)
    if isinstance(block, model.Attendance):
        return any(text(e.name) and e.percent is not None for e in block.entries)
    if isinstance(block, model.Challenge):
        return any_text((block.title, block.description))
    if isinstance(block, model.Review):
        return review_has_content(block)
    if isinstance(block, model.ChildDeathReview):
        return child_death_review_has_content(block)
    if isinstance(block, model.Glossary):
        return any(text(e.term) and text(e.meaning) for e in block.entries)
    return False


def block_states_not_published(block: Any) -> bool:
    """Return True when ``block`` only states that its data was not published."""
    if isinstance(block, model.Prose | model.Quote | model.CaseStudy):
        return model.states_not_published(block.text)
    if isinstance(block, model.Review):
        figures = (block.cases_considered, block.met_criteria, block.commissioned, block.published)
        said = model.states_not_published(block.summary) or any(unpublished(f) for f in figures)
        return said and not review_has_content(block)
    if isinstance(block, model.ChildDeathReview):
        said = model.states_not_published(block.note) or unpublished(block.deaths_reviewed)
        return said and not child_death_review_has_content(block)
    if isinstance(block, model.Budget):
        amounts = [i.amount for i in block.income] + [e.amount for e in block.expenditure]
        totals = (block.income_total, block.expenditure_total)
        said = any(unpublished(a) for a in (*amounts, *totals))
        return said and not budget_has_content(block)
    if isinstance(block, model.KPI):
        return unpublished(block.value)
    return False


def budget_has_content(budget: model.Budget) -> bool:
    """Return True when a budget has a named line with an amount other than 0."""
    lines = [(i.contributor, i.amount) for i in budget.income]
    lines += [(e.item, e.amount) for e in budget.expenditure]
    return any(text(label) and given(amount) for label, amount in lines)


def child_death_review_has_content(review: model.ChildDeathReview) -> bool:
    """Return True when a child death review gives deaths reviewed, or learning or actions."""
    counts = [review.deaths_reviewed, review.modifiable, review.deaths_notified]
    counts += [n for b in review.breakdowns for _, n in b.counts]
    counts += [getattr(share, "count", None) for share in review.shares]
    return any(given(n) for n in counts) or any_text((*review.learning, *review.actions))


def review_has_content(review: model.Review) -> bool:
    """Return True when a review says something: figures, summary, lessons, actions or none."""
    figures = (
        review.cases_considered,
        review.met_criteria,
        review.commissioned,
        review.published,
        review.notified,
        review.unpublished,
    )
    return (
        review.none_in_period
        or review.status is not None
        or any(is_number(f) or isinstance(f, model.Bound) for f in figures)
        or text(review.summary)
        or any_text(review.lessons)
        or any_text(review.actions)
    )


def section_has_content(section: model.Section) -> bool:
    """Return True when a section or any of its subsections holds substance."""
    if any(block_has_content(b) for b in section.blocks):
        return True
    return any(section_has_content(s) for s in section.sections)


def section_states_not_published(section: model.Section) -> bool:
    """Return True when a section holds no substance but says its data was not published."""
    if section_has_content(section):
        return False
    found = any(block_states_not_published(b) for b in section.blocks)
    return found or any(section_states_not_published(s) for s in section.sections)


def section_text(section: model.Section, *, title: bool = True) -> str:
    """All the text a section and its subsections hold as one string (with its own title, or
    only its subsections' titles)."""
    parts = [section.title] if title else []
    parts += [t for block in section.blocks for t in walk_text(block, _NOT_TEXT)]
    parts += [section_text(s) for s in section.sections]
    return "\n".join(parts)


_NOT_TEXT = frozenset({"id", "table", "x", "y", "key", "column", "percent_of", "claims"})


def sections_meeting(ctx: RuleContext, requirement: Requirement) -> tuple[list[str], list[str]]:
    """Return (paths that carry ``requirement``, declared sections that do not).

    The evidence of :func:`boardreport.rules._evidence.evidence`: typed blocks for the period
    and declared sections whose text has substance on the duty's subject; a declared section
    of placeholders, of another year's figures, of unrelated or unpublished text does not.
    """
    from boardreport.rules._evidence import evidence  # the evidence module builds on this one

    found = evidence(ctx, requirement)
    failed = (*found.not_published, *found.not_for_period, *found.empty, *found.off_topic)
    return list(found.met), list(dict.fromkeys(failed))


_FIELD_NAMES: dict[type[Any], tuple[str, ...] | None] = {}


def _field_names(cls: type[Any]) -> tuple[str, ...] | None:
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = tuple(a.name for a in attrs.fields(cls)) if attrs.has(cls) else None
    return _FIELD_NAMES[cls]


def walk_text(obj: Any, skip: frozenset[str] = frozenset()) -> Iterator[str]:
    """Yield every string held by an attrs object, recursively, except fields named in ``skip``."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, tuple | list):
        for item in obj:
            yield from walk_text(item, skip)
    elif (names := _field_names(type(obj))) is not None:
        for name in names:
            if name not in skip:
                yield from walk_text(getattr(obj, name, None), skip)


def all_sections(ctx: RuleContext) -> list[Located]:
    """Every section of the report in reading order, walked once per check run."""
    if "sections" not in ctx.cache:
        ctx.cache["sections"] = list(model.iter_sections(ctx.report))
    found: list[Located] = ctx.cache["sections"]
    return found


def all_blocks(ctx: RuleContext) -> list[Located]:
    """Every block of the report in reading order, walked once per check run."""
    if "blocks" not in ctx.cache:
        ctx.cache["blocks"] = [
            Located(path=f"{s.path}/{model.block_key(block, i)}", item=block, section=s.item)
            for s in all_sections(ctx)
            for i, block in enumerate(s.item.blocks)
        ]
    found: list[Located] = ctx.cache["blocks"]
    return found


def blocks(ctx: RuleContext, kind: type[Any]) -> list[Located]:
    """Every block of ``kind`` in reading order, cached for the check run."""
    key = f"blocks:{kind.__name__}"
    if key not in ctx.cache:
        ctx.cache[key] = [b for b in all_blocks(ctx) if isinstance(b.item, kind)]
    found: list[Located] = ctx.cache[key]
    return found


def tables(ctx: RuleContext) -> dict[str, model.Table]:
    """Every table of the report, written or derived, by id (first wins); cached per run."""
    if "tables" not in ctx.cache:
        found: dict[str, model.Table] = {}
        for located in all_blocks(ctx):
            for table_id, table in model.derived_tables(located.item).items():
                found.setdefault(table_id, table)
        ctx.cache["tables"] = found
    result: dict[str, model.Table] = ctx.cache["tables"]
    return result
