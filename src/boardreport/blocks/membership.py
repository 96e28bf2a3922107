"""Board membership: the members, their organisations and roles, partners not on the Board."""

from __future__ import annotations

import attrs

from boardreport import formatting as fmt
from boardreport import model
from boardreport.blocks._kind import BlockKind, ReaderParts, SimpleTable, TextList, Texts, register
from boardreport.blocks._say import sentence_case
from boardreport.blocks._substance import text


def _reader(block: model.Membership, _: model.Report) -> ReaderParts:
    notes = any(m.note for m in block.members)
    dates = any(m.start or m.end for m in block.members)
    headers = (
        "Name",
        "Organisation",
        "Role",
        *(["Dates"] if dates else []),
        *(["Note"] if notes else []),
    )
    rows = tuple(
        (
            m.name,
            m.organisation,
            fmt.words(m.role),
            *([sentence_case(fmt.span(m.start, m.end))] if dates else []),
            *([m.note] if notes else []),
        )
        for m in block.members
    )
    table = SimpleTable(
        anchor=f"table-{block.id or 'membership'}",
        caption="Board members",
        headers=headers,
        numeric=(False,) * len(headers),
        rows=rows,
    )
    facts = tuple(f"{fmt.words(p.partner)}: {p.reason}" for p in block.not_applicable)
    return ReaderParts(tables=(table,), facts=facts)


def _without_said(block: model.Membership, keep: Texts, _: TextList) -> model.Membership:
    return attrs.evolve(block, lay_member_recruitment=keep(block.lay_member_recruitment))


MEMBERSHIP = register(
    BlockKind(
        cls=model.Membership,
        has_content=lambda block: any(text(m.name) or text(m.organisation) for m in block.members),
        reader=_reader,
        repeatable=lambda block: tuple(
            t for m in block.members for t in (m.name, m.organisation) if t
        ),
        without_said=_without_said,
        lists_in_prose=True,
    )
)
