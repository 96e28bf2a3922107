"""Pack SDC: statistical disclosure control for counts of children.

Following DfE official statistics practice (counts from 1 to 5 suppressed as "c", secondary
suppression where a suppressed cell could be worked out, "0" a true zero) and the GSS guidance
on shorthand in tables (markers such as ``[c]``, each explained in the table's notes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from boardreport import model
from boardreport.rules._content import blocks, is_number
from boardreport.rules._registry import Citation, Finding, RuleContext, Severity, pack

PACK = pack("SDC", title="Disclosure control: small counts of children")

DFE_PRACTICE = Citation(
    document="DfE official statistics: Characteristics of children in need (2020 and 2021)",
    short="DfE children in need statistics",
    url="https://explore-education-statistics.service.gov.uk/find-statistics/children-in-need/2021/explore",
)
GSS_SYMBOLS = Citation(
    document="GSS guidance: symbols in tables, definitions and help (January 2022)",
    short="GSS symbols in tables",
    url="https://gss.civilservice.gov.uk/policy-store/symbols-in-tables-definitions-and-help/",
)

MARKERS = re.compile(
    r"^\s*(?:\[?[cx]\]?|\[low\]|<\s*\d+|fewer than \d+|less than \d+|under \d+|\*+|suppressed)\s*$",
    re.IGNORECASE,
)
"""Cells that print a suppression marker instead of a count."""
INACCESSIBLE = re.compile(r"^\s*\*+\s*$")
"""Markers the GSS guidance advises against (screen readers do not read them)."""
_CHILD_WORDS = re.compile(
    r"child|young (?:people|person)|pupils?|bab(?:y|ies)|infants?|boys?|girls?|cases?|"
    r"referrals?|deaths?|plans?|looked after|victims?|famil(?:y|ies)|\bcin\b|\bcp\b|\blac\b|"
    r"missing|exploit|offend|allegations?|contacts?|assessments?",
    re.IGNORECASE,
)
_NOT_CHILDREN = re.compile(
    r"\bmeetings?|\bsessions?|\bcourses?|\bevents?|\baudits?\b|\bstaff\b|\bmembers?\b|"
    r"\bagencies\b|\bprofessionals?\b|\bpractitioners?\b|\bcarers?\b|\bpremises\b|£|\bcosts?\b",
    re.IGNORECASE,
)


def is_marker(cell: object) -> bool:
    """True for a cell that stands for a suppressed count: ``c``, ``[c]``, ``<5``, a stated
    unknown with reason ``suppressed``."""
    if isinstance(cell, str):
        return bool(MARKERS.match(cell))
    reason = getattr(getattr(cell, "reason", None), "value", None)
    return reason == "suppressed"


def _marker_text(cell: object) -> str:
    return cell if isinstance(cell, str) else str(getattr(cell, "marker", "") or "suppressed")


def _says_itself(cell: object) -> bool:
    """True for a marker readers understand without a note: "fewer than 5", "<5", or a stated
    unknown, which readers see with its reason ("suppressed (c)")."""
    if not isinstance(cell, str):
        return True
    return any(ch.isdigit() for ch in cell) or bool(re.search(r"[a-z]{3,}", cell.lower()))


def _small(value: object, threshold: int) -> bool:
    return is_number(value) and isinstance(value, int | Decimal) and 0 < value <= threshold


def _about_children(counted: str, *context: str) -> bool:
    """True when a count is of children: what is counted (a column, a KPI) says so, or its
    context (caption, row) does and what is counted is not meetings, courses or staff."""
    if _CHILD_WORDS.search(counted):
        return not _NOT_CHILDREN.search(counted)
    return bool(_CHILD_WORDS.search(" ".join(context))) and not _NOT_CHILDREN.search(
        " ".join((counted, *context))
    )


_COUNT_TYPES = (model.ColumnType.INTEGER,)


@PACK.rule(
    "SDC-001",
    name="small-counts",
    severity=Severity.WARNING,
    citations=(DFE_PRACTICE,),
)
def small_counts(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    No count of children from 1 to 5 is published in a table, a child death review breakdown
    or a KPI. The threshold is the report's `disclosure_threshold` (5 by default; 0 turns the
    check off). A count is of children when its caption, column, row or label speaks of
    children, young people, pupils, cases, referrals, deaths or plans, and not of meetings,
    courses, staff or money. True zeros are not flagged, nor are cells that print a
    suppression marker ("c", "[c]", "<5", "fewer than 5", "x") or a stated unknown with
    reason `suppressed`.

    ## Why it matters

    A small count in a local report can identify a child. DfE official statistics suppress
    counts from 1 to 5 and print "c" in their place.

    ## How to fix

    Print the marker instead of the count, as a stated unknown, and explain it in the table's
    note.

    ## Example

    ```toml
    rows = [["Neglect", 150], ["Sexual abuse", { reason = "suppressed", marker = "c" }]]
    note = "c: fewer than 5 children, suppressed to protect their identity."
    ```
    """
    threshold = ctx.report.disclosure_threshold
    if threshold <= 0:
        return
    for located in blocks(ctx, model.Table):
        table: model.Table = located.item
        for c, column in enumerate(table.columns):
            if c == 0 or column.type not in _COUNT_TYPES:
                continue
            for r, row in enumerate(table.rows):
                label = str(row[0]) if row else ""
                small = c < len(row) and _small(row[c], threshold)
                if small and _about_children(column.label, table.caption, label):
                    yield ctx.finding(
                        f"table {table.id!r}: {column.label!r} for {label!r} is {row[c]}, a "
                        f"count of children from 1 to {threshold} (print a suppression "
                        "marker such as [c])",
                        f"{located.path}.rows[{r}]",
                    )
    for located in blocks(ctx, model.ChildDeathReview):
        review: model.ChildDeathReview = located.item
        for i, breakdown in enumerate(review.breakdowns):
            for category, count in breakdown.counts:
                if _small(count, threshold):
                    yield ctx.finding(
                        f"the {breakdown.label!r} breakdown gives {count} for {category!r}, a "
                        f"count of children from 1 to {threshold}",
                        f"{located.path}.breakdowns[{i}]",
                    )
    for located in blocks(ctx, model.KPI):
        kpi: model.KPI = located.item
        unit = kpi.unit.strip().lower() if isinstance(kpi.unit, str) else ""
        counted = unit in {"", "children", "cases", "young people", "referrals", "deaths"}
        small = isinstance(kpi.value, int) and _small(kpi.value, threshold)
        if counted and small and _about_children(kpi.label, unit):
            yield ctx.finding(
                f"KPI {kpi.label!r} is {kpi.value}, a count of children from 1 to {threshold}",
                f"{located.path}.value",
            )


def _recoverable_cells(table: model.Table) -> Iterator[tuple[int, int, str]]:
    """(row, column, how) for each suppressed cell that its row or column total gives away."""
    totals = {t.column: t for t in table.totals}
    for c, column in enumerate(table.columns):
        if c == 0:
            continue
        data_rows = [
            r
            for r, row in enumerate(table.rows)
            if row and str(row[0]).strip().lower() not in {"total", "totals", "all"}
        ]
        total_rows = [r for r in range(len(table.rows)) if r not in data_rows]
        column_total = column.key in totals and is_number(totals[column.key].value)
        printed_total = any(
            c < len(table.rows[r]) and is_number(table.rows[r][c]) for r in total_rows
        )
        if not (column_total or printed_total):
            continue
        hidden = [r for r in data_rows if c < len(table.rows[r]) and is_marker(table.rows[r][c])]
        if len(hidden) == 1:
            yield hidden[0], c, f"the total of column {column.label!r}"
    for row_sum in table.row_sums:
        total_col = table.column_index(row_sum.total)
        part_cols = [i for p in row_sum.parts if (i := table.column_index(p)) is not None]
        if total_col is None:
            continue
        for r, row in enumerate(table.rows):
            if total_col >= len(row) or not is_number(row[total_col]):
                continue
            hidden = [c for c in part_cols if c < len(row) and is_marker(row[c])]
            if len(hidden) == 1:
                yield r, hidden[0], f"the row's {row_sum.total!r}"


@PACK.rule(
    "SDC-002",
    name="secondary-suppression",
    severity=Severity.WARNING,
    citations=(DFE_PRACTICE,),
)
def secondary_suppression(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    A suppressed cell cannot be worked out from what is printed beside it: the only
    suppressed cell of a column with a published total (or a "Total" row), the only
    suppressed part of a row with a row sum, or the only suppressed count of a child death
    review breakdown of all the deaths reviewed.

    ## Why it matters

    Suppressing a small count protects nobody when the total minus the other cells gives it
    back. DfE practice applies secondary suppression: a second cell is suppressed too.

    ## How to fix

    Suppress a second cell of the same row or column (the next smallest), or round the
    total.

    ## Example

    ```toml
    rows = [["Neglect", 150], ["Physical abuse", "c"], ["Sexual abuse", "c"]]
    totals = [{ column = "n", value = 158 }]
    note = "c: fewer than 5 children, suppressed."
    ```
    """
    for located in blocks(ctx, model.Table):
        table: model.Table = located.item
        for r, c, how in _recoverable_cells(table):
            label = str(table.rows[r][0]) if table.rows[r] else f"row {r + 1}"
            yield ctx.finding(
                f"table {table.id!r}: the suppressed {table.columns[c].label!r} for {label!r} "
                f"can be worked out from {how} (suppress a second cell)",
                f"{located.path}.rows[{r}]",
            )
    for located in blocks(ctx, model.ChildDeathReview):
        review: model.ChildDeathReview = located.item
        if not is_number(review.deaths_reviewed):
            continue
        for i, breakdown in enumerate(review.breakdowns):
            hidden = [category for category, count in breakdown.counts if is_marker(count)]
            if breakdown.of_total and len(hidden) == 1:
                yield ctx.finding(
                    f"the {breakdown.label!r} breakdown suppresses only {hidden[0]!r}, which the "
                    "deaths reviewed minus the other counts give back (suppress a second count)",
                    f"{located.path}.breakdowns[{i}]",
                )


@PACK.rule(
    "SDC-003",
    name="markers-explained",
    severity=Severity.WARNING,
    citations=(GSS_SYMBOLS,),
)
def markers_explained(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    A table that prints bare suppression markers (`c`, `[c]`, `x`, `*`) as text explains each
    in its `note` (the marker, or the word "suppressed" or "fewer than"), and uses letters in
    brackets rather than symbols such as `*`. Markers that say themselves ("fewer than 5",
    "<5") and stated unknowns with reason `suppressed`, which readers see as "suppressed (c)",
    need no note.

    ## Why it matters

    The GSS guidance on symbols in tables asks for every shorthand to be explained in the
    table's notes, and for letters instead of symbols, which screen readers skip.

    ## How to fix

    Add a note such as "[c]: fewer than 5 children, suppressed to protect their identity",
    and print `[c]` instead of `*`.

    ## Example

    ```toml
    note = "[c]: fewer than 5 children, suppressed to protect their identity."
    ```
    """
    for located in blocks(ctx, model.Table):
        table: model.Table = located.item
        markers = {
            _marker_text(cell).strip()
            for row in table.rows
            for cell in row[1:]
            if is_marker(cell) and not _says_itself(cell)
        }
        if not markers:
            continue
        note = f"{table.note} {table.source}".lower()
        explained = "suppress" in note or "fewer than" in note or "confidential" in note
        unexplained = sorted(m for m in markers if not explained and m.lower() not in note)
        if unexplained:
            yield ctx.finding(
                f"table {table.id!r} prints {', '.join(repr(m) for m in unexplained)} without "
                "saying what it means in its note",
                f"{located.path}.note",
            )
        symbols = sorted(m for m in markers if INACCESSIBLE.match(m))
        if symbols:
            yield ctx.finding(
                f"table {table.id!r} marks suppressed cells with {symbols[0]!r}; use a letter in "
                "brackets such as [c], which screen readers read",
                f"{located.path}.rows",
            )
