"""Attendance at the Board and its committees: each member's share of meetings."""

from __future__ import annotations

from boardreport import formatting as fmt
from boardreport import model
from boardreport.blocks._kind import BlockKind, ReaderParts, SimpleTable, register
from boardreport.blocks._substance import text


def tables(block: model.Attendance) -> dict[str, model.Table]:
    """``<id>`` (columns ``name``, ``percent``)."""
    table = model.Table(
        id=block.id or "",
        caption=f"Attendance: {block.body}",
        columns=(
            model.Column(key="name", label="Name"),
            model.Column(key="percent", label=block.column_label, type=model.ColumnType.PERCENT),
        ),
        rows=tuple((e.name, e.percent if e.percent is not None else "") for e in block.entries),
    )
    return {table.id: table}


def _reader(block: model.Attendance, _: model.Report) -> ReaderParts:
    notes = any(e.note for e in block.entries)
    headers = (block.name_label, block.column_label, *(["Note"] if notes else []))
    rows = tuple(
        (
            e.name,
            "Not published" if e.percent is None else fmt.percent(e.percent),
            *([e.note] if notes else []),
        )
        for e in block.entries
    )
    caption = ", ".join(
        part
        for part in (f"Attendance: {block.body}" if block.body else "Attendance", block.period)
        if part
    )
    table = SimpleTable(
        anchor=f"table-{block.id or 'attendance'}",
        caption=caption,
        headers=headers,
        numeric=(False, True, False)[: len(headers)],
        rows=rows,
    )
    facts = () if block.meetings is None else (f"Meetings held: {fmt.number(block.meetings)}",)
    return ReaderParts(tables=(table,), facts=facts)


ATTENDANCE = register(
    BlockKind(
        cls=model.Attendance,
        has_content=lambda block: any(
            text(e.name) and e.percent is not None for e in block.entries
        ),
        tables=tables,
        reader=_reader,
    )
)
