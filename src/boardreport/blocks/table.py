"""Tables, and the charts drawn from them."""

from __future__ import annotations

from boardreport import model
from boardreport.blocks._kind import BlockKind, ModelTable, ReaderParts, register
from boardreport.blocks._substance import any_text, is_number, text


def table_has_content(table: model.Table) -> bool:
    """Return True when a table has a row with a non-zero figure or, lacking figures, text.

    A table whose figures are all 0, or whose cells are all placeholders, says nothing.
    """
    numeric = [c for row in table.rows for c in row[1:] if is_number(c)]
    if numeric:
        return any(c != 0 for c in numeric)
    return any(any_text(row[1:]) or (len(row) == 1 and text(row[0])) for row in table.rows)


def _reader(table: model.Table, _: model.Report) -> ReaderParts:
    return ReaderParts(tables=(ModelTable(anchor=f"table-{table.id}", table=table),))


TABLE = register(
    BlockKind(
        cls=model.Table,
        has_content=table_has_content,
        tables=lambda table: {table.id: table},
        reader=_reader,
        anchored_by_table=True,
    )
)
CHART = register(
    BlockKind(cls=model.Chart, has_content=lambda chart: text(chart.title), drawn=True)
)
