"""What counts as real content in sections, and the report's blocks and tables walked once per run.

Each block kind's own content test is in :mod:`boardreport.blocks`; the predicates on single
values (``text``, ``is_number``, ...) are the blocks' and are re-exported here for the rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from boardreport import blocks as block_kinds
from boardreport import model
from boardreport.blocks._substance import any_text, given, is_number, nonzero, text, unpublished
from boardreport.model import Located, Requirement
from boardreport.rules._registry import RuleContext

__all__ = [
    "all_blocks",
    "all_sections",
    "any_text",
    "blocks",
    "given",
    "is_number",
    "nonzero",
    "section_has_content",
    "section_states_not_published",
    "section_text",
    "sections_meeting",
    "tables",
    "text",
    "unpublished",
    "walk_text",
]


def section_has_content(section: model.Section) -> bool:
    """Return True when a section or any of its subsections holds substance."""
    if any(block_kinds.has_content(b) for b in section.blocks):
        return True
    return any(section_has_content(s) for s in section.sections)


def section_states_not_published(section: model.Section) -> bool:
    """Return True when a section holds no substance but says its data was not published."""
    if section_has_content(section):
        return False
    found = any(block_kinds.states_not_published(b) for b in section.blocks)
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
            for table_id, table in block_kinds.derived_tables(located.item).items():
                found.setdefault(table_id, table)
        ctx.cache["tables"] = found
    result: dict[str, model.Table] = ctx.cache["tables"]
    return result
