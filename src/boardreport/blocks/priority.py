"""Priority areas: the Board's priorities with their aims, progress and next steps."""

from __future__ import annotations

import attrs

from boardreport import model
from boardreport.blocks._kind import BlockKind, ReaderParts, TextList, Texts, register
from boardreport.blocks._say import person, present
from boardreport.blocks._substance import any_text


def _narrative(block: model.PriorityArea) -> tuple[str, ...]:
    return (block.aim, block.progress, block.work_in_progress, block.next_year)


def _line(block: model.PriorityArea) -> str:
    """The line printed above a priority's title: its number, plan and lead."""
    plan = "" if block.plan_period is None else f" ({block.plan_period} plan)"
    lead = "" if block.lead is None else f" · Lead: {person(block.lead)}"
    return f"Priority {block.number}{plan}{lead}"


def _reader(block: model.PriorityArea, _: model.Report) -> ReaderParts:
    return ReaderParts(
        facts=(_line(block),),
        extra=present(
            ("Aim", block.aim),
            ("Progress", block.progress),
            ("Work in progress", block.work_in_progress),
            ("Next year", block.next_year),
        ),
    )


def _without_said(block: model.PriorityArea, keep: Texts, _: TextList) -> model.PriorityArea:
    return attrs.evolve(
        block,
        aim=keep(block.aim),
        progress=keep(block.progress),
        work_in_progress=keep(block.work_in_progress),
        next_year=keep(block.next_year),
    )


PRIORITY_AREA = register(
    BlockKind(
        cls=model.PriorityArea,
        has_content=lambda block: any_text(_narrative(block)),
        reader=_reader,
        heading=lambda block: block.title,
        repeatable=lambda block: tuple(t for t in _narrative(block) if t),
        without_said=_without_said,
        narrative=True,
    )
)
