"""Pack CONS, continued: columns of shares add up to 100 at the precision they are printed to."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from boardreport import model
from boardreport.model import ColumnType
from boardreport.rules import _citations as cite
from boardreport.rules._content import blocks
from boardreport.rules._numbers import number, share_tolerance, show
from boardreport.rules._registry import Finding, RuleContext, Severity
from boardreport.rules.packs.consistency import PACK

_SHARE_WORDS = re.compile(
    r"\bshares?\b|\bproportion|%\s*of\s*(?:the\s*)?total|\bpercentage of\b|\bsplit\b|"
    r"\bbreakdown\b|\bmake-?up\b|\bcomposition\b|\bdistribution\b",
    re.IGNORECASE,
)
_NOT_SHARES = re.compile(
    r"\battend|\brates?\b|\bchange\b|\bincrease|\bdecrease|\bgrowth\b|\bper\b|\bwithin\b|"
    r"\btimescales?\b|\btarget\b|\bsatisf|\bcomplet|\bcompliance\b",
    re.IGNORECASE,
)
_COUNTS = (ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.MONEY)
_MATCH = Decimal("1.5")
"""How close each share must be to its count's share for a column to be read as shares."""


def _is_total(row: tuple[model.Cell, ...]) -> bool:
    return bool(row) and str(row[0]).strip().lower() in {"total", "totals", "all"}


def _column(table: model.Table, col: int) -> list[tuple[int, Decimal]]:
    return [
        (r, v)
        for r, row in enumerate(table.rows)
        if not _is_total(row) and col < len(row) and (v := number(row[col])) is not None
    ]


def _shares_of_counts(table: model.Table, col: int, values: list[tuple[int, Decimal]]) -> bool:
    """True when a sibling column of counts gives each row the share this column prints."""
    rows = {r for r, _ in values}
    for other, column in enumerate(table.columns):
        if other == col or column.type not in _COUNTS:
            continue
        counts = dict(_column(table, other))
        if not rows <= counts.keys():
            continue
        whole = sum((counts[r] for r in rows), Decimal(0))
        if whole and all(abs(v - 100 * counts[r] / whole) <= _MATCH for r, v in values):
            return True
    return False


def share_columns(table: model.Table) -> Iterator[tuple[int, list[tuple[int, Decimal]]]]:
    """The percent columns of ``table`` that hold shares of one whole, with their values.

    A column holds shares when its total row prints 100, when each value is its row's share of
    a column of counts beside it, or when its label or the caption says so ("share", "% of
    total", "breakdown"); never when it reads as a rate, a change or an attendance. A column
    with a published total is left to CONS-001.
    """
    totalled = {t.column for t in table.totals}
    for col, column in enumerate(table.columns):
        if col == 0 or column.type is not ColumnType.PERCENT or column.key in totalled:
            continue
        words = f"{table.caption} {column.label}"
        if _NOT_SHARES.search(words):
            continue
        values = _column(table, col)
        if len(values) < 2:
            continue
        total_rows = [
            v
            for row in table.rows
            if _is_total(row) and col < len(row) and (v := number(row[col])) is not None
        ]
        if (
            total_rows == [Decimal(100)]
            or _SHARE_WORDS.search(words)
            or _shares_of_counts(table, col, values)
        ):
            yield col, values


@PACK.rule(
    "CONS-019",
    name="share-columns",
    severity=Severity.ERROR,
    citations=(cite.PARA_17,),
)
def share_column_totals(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    A column of percentages that are shares of one whole adds up to 100 at the precision it is
    printed to: whole points to exactly 100, one decimal place to 100.0; when the table's
    `note` says the shares were rounded, each may be half a unit out. A column holds shares
    when its "Total" row prints 100, when each value is its row's share of a column of counts
    or amounts beside it, or when its label or the caption says so ("share", "% of total",
    "breakdown", "proportion"). Rates, changes and attendance are not shares.

    ## Why it matters

    Shares that make 101% are a typing or rounding error that readers notice (Working
    Together 2013, chapter 3, paragraph 17: a rigorous and transparent assessment).

    ## How to fix

    Correct the share that is wrong; if the shares were rounded, say so in the table's `note`.

    ## Example

    ```toml
    columns = [
      { key = "partner", label = "Partner" },
      { key = "amount", label = "Contribution", type = "money" },
      { key = "share", label = "Share", type = "percent" },
    ]
    rows = [["Council", 58000, 58], ["CCG", 25000, 25], ["Police", 17000, 17]]
    ```
    """
    for located in blocks(ctx, model.Table):
        table: model.Table = located.item
        for col, values in share_columns(table):
            shares = [v for _, v in values]
            added = sum(shares, Decimal(0))
            if abs(added - 100) > share_tolerance(shares, table.note):
                yield ctx.finding(
                    f"table {table.id!r}: the shares in column {table.columns[col].label!r} add "
                    f"up to {show(added)}%, not 100%",
                    f"{located.path}.rows",
                )
