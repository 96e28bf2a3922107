"""Pack CONS: the report's figures agree with each other.

Stated totals against their parts, percentages against their counts, breakdowns against the
whole, income against expenditure, period labels against the report's period, and percentages
within 0-100. Claims, chart references and duplicate ids are in ``consistency_refs``.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from boardreport import model
from boardreport.model import ColumnType
from boardreport.rules import _citations as cite
from boardreport.rules._content import all_blocks, blocks, tables
from boardreport.rules._numbers import (
    financial_year_label,
    financial_year_of,
    number,
    share_tolerance,
    show,
    sum_tolerance,
    years_of,
)
from boardreport.rules._registry import Finding, RuleContext, Severity, pack

PACK = pack("CONS", title="Consistency: figures agree with each other")


def _label(row: tuple[model.Cell, ...], index: int) -> str:
    return str(row[0]) if row else f"row {index + 1}"


def _cell(row: tuple[model.Cell, ...], col: int) -> Decimal | None:
    return number(row[col]) if 0 <= col < len(row) else None


def _withheld(row: tuple[model.Cell, ...], col: int) -> bool:
    """True when a cell holds something other than a number or nothing: a marker or an unknown."""
    if not 0 <= col < len(row):
        return False
    cell = row[col]
    return number(cell) is None and not (isinstance(cell, str) and not cell.strip())


def _is_total_label(label: str, total_label: str) -> bool:
    low = label.strip().lower()
    return low in {total_label.strip().lower(), "total"}


@PACK.rule(
    "CONS-001",
    name="table-totals",
    severity=Severity.ERROR,
    citations=(cite.PARA_17,),
)
def table_totals(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    Every published column total of a `table` (its `totals`) equals the sum of that column
    over all rows, or over the rows it names. Rows labelled like the total itself are not
    counted, and a column with a withheld cell (a suppression marker or a stated unknown) is
    not checked. Integers must add up exactly; rounded decimals may be half a unit out per row;
    percentages one point, except shares stated to add up to 100, which must do so at their
    printed precision (half a unit per share when the table's note says they were rounded).

    ## Why it matters

    A total that does not add up undermines the rigorous and transparent assessment the
    report must give (Working Together 2013, chapter 3, paragraph 17), and readers cannot
    tell which figure is right.

    ## How to fix

    Correct the figure that is wrong. If the published report itself does not add up, keep
    the figures as published and add a `[[suppressions]]` entry that says so.

    ## Example

    ```toml
    [[blocks]]
    type = "table"
    id = "referrals"
    caption = "Referrals by year"
    columns = [
      { key = "year", label = "Year" },
      { key = "n", label = "Referrals", type = "integer" },
    ]
    rows = [["2013-14", 120], ["2014-15", 88]]
    totals = [{ column = "n", value = 208 }]
    ```
    """
    for located in blocks(ctx, model.Table):
        table: model.Table = located.item
        for i, total in enumerate(table.totals):
            path = f"{located.path}.totals[{i}]"
            col = table.column_index(total.column)
            if col is None or col == 0:
                yield ctx.finding(
                    f"table {table.id!r}: the total names no numeric column {total.column!r}", path
                )
                continue
            if total.rows:
                indices = []
                for label in total.rows:
                    index = table.row_index(label)
                    if index is None:
                        yield ctx.finding(
                            f"table {table.id!r}: the total names no row {label!r}", path
                        )
                    else:
                        indices.append(index)
            else:
                indices = [
                    r
                    for r, row in enumerate(table.rows)
                    if not _is_total_label(_label(row, r), total.label)
                ]
            parts = [v for r in indices if (v := _cell(table.rows[r], col)) is not None]
            stated = number(total.value)
            if stated is None or any(_withheld(table.rows[r], col) for r in indices):
                continue
            percent = table.columns[col].type is ColumnType.PERCENT
            added = sum(parts, Decimal(0))
            if percent and stated == 100:
                tolerance = share_tolerance(parts, table.note)
            else:
                tolerance = sum_tolerance(parts, stated, percent=percent)
            if abs(added - stated) > tolerance:
                yield ctx.finding(
                    f"table {table.id!r}: column {table.columns[col].label!r} adds up to "
                    f"{show(added)} but its stated {total.label.lower() or 'total'} is "
                    f"{show(stated)}",
                    path,
                )


@PACK.rule(
    "CONS-002",
    name="row-sums",
    severity=Severity.ERROR,
    citations=(cite.PARA_17,),
)
def row_sums(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    In a `table` with `row_sums`, each row's total column equals the sum of its part columns.
    Rows whose total cell is empty or text are skipped.

    ## Why it matters

    Rows that do not add up undermine the rigorous and transparent assessment the report must
    give (Working Together 2013, chapter 3, paragraph 17).

    ## How to fix

    Correct the wrong cell, or keep the published figure and suppress the finding with the
    reason.

    ## Example

    ```toml
    columns = [
      { key = "service", label = "Service" },
      { key = "allegations", label = "Allegations", type = "integer" },
      { key = "queries", label = "Queries", type = "integer" },
      { key = "total", label = "Total", type = "integer" },
    ]
    rows = [["Education", 30, 12, 42]]
    row_sums = [{ total = "total", parts = ["allegations", "queries"] }]
    ```
    """
    for located in blocks(ctx, model.Table):
        table: model.Table = located.item
        for j, row_sum in enumerate(table.row_sums):
            total_col = table.column_index(row_sum.total)
            part_cols = [table.column_index(p) for p in row_sum.parts]
            unknown = [
                key
                for key, col in zip(
                    (row_sum.total, *row_sum.parts), (total_col, *part_cols), strict=True
                )
                if col is None
            ]
            if unknown or total_col is None:
                yield ctx.finding(
                    f"table {table.id!r}: row_sums names unknown columns {', '.join(unknown)}",
                    f"{located.path}.row_sums[{j}]",
                )
                continue
            percent = table.columns[total_col].type is ColumnType.PERCENT
            for r, row in enumerate(table.rows):
                stated = _cell(row, total_col)
                if stated is None:
                    continue
                if any(c is not None and _withheld(row, c) for c in part_cols):
                    continue
                parts = [v for c in part_cols if c is not None and (v := _cell(row, c)) is not None]
                added = sum(parts, Decimal(0))
                if abs(added - stated) > sum_tolerance(parts, stated, percent=percent):
                    yield ctx.finding(
                        f"table {table.id!r} row {_label(row, r)!r}: "
                        f"{' + '.join(row_sum.parts)} = {show(added)} but "
                        f"{row_sum.total!r} is {show(stated)}",
                        f"{located.path}.rows[{r}]",
                    )


@PACK.rule(
    "CONS-003",
    name="budget-totals",
    severity=Severity.ERROR,
    citations=(cite.PARA_18,),
)
def budget_totals(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    A budget's stated `income_total` equals the sum of its income lines, and its
    `expenditure_total` the sum of its expenditure lines. Where income is published as
    negative figures (`income_sign = -1`) the magnitudes are compared.

    ## Why it matters

    The report must list partner contributions and detail what the Board spent (Working
    Together 2013, chapter 3, paragraph 18); totals that do not add up make both unclear.

    ## How to fix

    Correct the wrong line or total. If the published statement does not add up, keep it as
    published and suppress the finding with the reason.

    ## Example

    ```toml
    [[blocks]]
    type = "budget"
    id = "budget-2014-15"
    period = "2014-15"
    income_sign = -1
    income = [{ contributor = "Police", amount = -14770 }, { contributor = "CCG", amount = -32470 }]
    income_total = -47240
    expenditure = [{ item = "Independent Chair", amount = 15000 }]
    expenditure_total = 15000
    ```
    """
    for located in blocks(ctx, model.Budget):
        budget: model.Budget = located.item
        sides = (
            ("income", budget.income_total, [line.amount for line in budget.income]),
            ("expenditure", budget.expenditure_total, [line.amount for line in budget.expenditure]),
        )
        for side, stated_raw, amounts in sides:
            stated = number(stated_raw)
            if stated is None:
                continue
            parts = [v for a in amounts if (v := number(a)) is not None]
            added = sum(parts, Decimal(0))
            if side == "income" and budget.income_sign == -1:
                ok = abs(abs(added) - abs(stated)) <= sum_tolerance(parts, stated)
            else:
                ok = abs(added - stated) <= sum_tolerance(parts, stated)
            if not ok:
                yield ctx.finding(
                    f"budget {budget.period or located.path}: the {side} lines add up to "
                    f"{show(added)} but the stated {side} total is {show(stated)} "
                    f"(difference {show(abs(abs(added) - abs(stated)))})",
                    f"{located.path}.{side}_total",
                )


def _row_total(counts: model.Table, row: tuple[model.Cell, ...]) -> Decimal | None:
    """The whole a row of counts breaks down: its row-sum total, else the sum of its numbers."""
    if counts.row_sums:
        col = counts.column_index(counts.row_sums[0].total)
        return _cell(row, col) if col is not None else None
    values = [v for c in range(1, len(row)) if (v := _cell(row, c)) is not None]
    return sum(values, Decimal(0)) if values else None


def _percent_tables(
    ctx: RuleContext,
) -> Iterator[tuple[model.Located, model.Table, model.Table | None]]:
    for located in blocks(ctx, model.Table):
        table: model.Table = located.item
        if table.percent_of:
            yield located, table, tables(ctx).get(table.percent_of)


@PACK.rule(
    "CONS-004",
    name="percent-of-counts",
    severity=Severity.ERROR,
    citations=(cite.PARA_17,),
)
def percent_of_counts(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    A table of percentages derived from a table of counts (`percent_of = "<count table id>"`)
    agrees with it: each percentage is 100 × count / row total within one point, where the
    row total is the count table's row-sum total (or the sum of the row's numbers). Rows are
    matched by label and columns by key; a missing count table or row is an error.

    ## Why it matters

    Percentages that do not match their counts mislead the reader about the size of a
    problem (Working Together 2013, chapter 3, paragraph 17: a rigorous and transparent
    assessment).

    ## How to fix

    Recompute the percentages, or keep the published figures and suppress with the reason.

    ## Example

    ```toml
    [[blocks]]
    type = "table"
    id = "allegations-percent"
    caption = "% received by service area"
    percent_of = "allegations"
    columns = [{ key = "service", label = "Service" }, { key = "n", label = "%", type = "percent" }]
    rows = [["Education", 45], ["Health", 55]]
    ```
    """
    for located, table, counts in _percent_tables(ctx):
        if counts is None:
            yield ctx.finding(
                f"table {table.id!r}: percent_of names no table {table.percent_of!r}",
                f"{located.path}.percent_of",
            )
            continue
        for r, row in enumerate(table.rows):
            label = _label(row, r)
            index = counts.row_index(label)
            if index is None:
                yield ctx.finding(
                    f"table {table.id!r} row {label!r} has no row in {counts.id!r}",
                    f"{located.path}.rows[{r}]",
                )
                continue
            count_row = counts.rows[index]
            whole = _row_total(counts, count_row)
            if whole is None or whole == 0:
                continue
            for c in range(1, len(table.columns)):
                stated = _cell(row, c)
                count_col = counts.column_index(table.columns[c].key)
                if stated is None or count_col is None:
                    continue
                count = _cell(count_row, count_col)
                if count is None:
                    continue
                expected = 100 * count / whole
                if abs(stated - expected) > 1:
                    yield ctx.finding(
                        f"table {table.id!r} row {label!r} column {table.columns[c].key!r}: "
                        f"{show(stated)}% but 100 × {show(count)} / {show(whole)} = "
                        f"{show(expected.quantize(Decimal('0.1')))}%",
                        f"{located.path}.rows[{r}]",
                    )


@PACK.rule(
    "CONS-005",
    name="percent-rows",
    severity=Severity.ERROR,
    citations=(cite.PARA_17,),
)
def percent_rows(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    In a table of percentages derived from counts (`percent_of`), the shares in each row add
    up to 100 at the precision they are printed to: whole points to exactly 100, one decimal
    place to 100.0. When the table's `note` says the shares were rounded ("may not add up to
    100 because of rounding"), each share may be half a unit out. The shares are the count
    table's row-sum parts where it has `row_sums`, else every percent column.

    ## Why it matters

    Shares of a whole that do not make 100% are a sign of a typing or rounding error
    (Working Together 2013, chapter 3, paragraph 17: a rigorous and transparent assessment).

    ## How to fix

    Correct the share that is wrong, or suppress with the reason.

    ## Example

    ```toml
    percent_of = "allegations"
    columns = [
      { key = "service", label = "Service" },
      { key = "allegations", label = "Allegations %", type = "percent" },
      { key = "queries", label = "Queries %", type = "percent" },
    ]
    rows = [["Education", 71, 29]]
    ```
    """
    for located, table, counts in _percent_tables(ctx):
        if counts is not None and counts.row_sums:
            keys = [k for k in counts.row_sums[0].parts if table.column_index(k) is not None]
        else:
            keys = [c.key for c in table.columns[1:] if c.type is ColumnType.PERCENT]
        cols = [i for k in keys if (i := table.column_index(k)) is not None]
        if len(cols) < 2:
            continue
        for r, row in enumerate(table.rows):
            shares = [v for c in cols if (v := _cell(row, c)) is not None]
            if not shares or all(s == 0 for s in shares):
                continue
            added = sum(shares, Decimal(0))
            note = f"{table.note} {counts.note if counts is not None else ''}"
            if abs(added - 100) > share_tolerance(shares, note):
                yield ctx.finding(
                    f"table {table.id!r} row {_label(row, r)!r}: the shares add up to "
                    f"{show(added)}%, not 100%",
                    f"{located.path}.rows[{r}]",
                )


@PACK.rule(
    "CONS-006",
    name="breakdown-totals",
    severity=Severity.ERROR,
    citations=(cite.CHAPTER_5, cite.PARA_17),
)
def breakdown_totals(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    Each breakdown of a child death review that breaks down the whole (`of_total = true`,
    the default) adds up to `deaths_reviewed`. A breakdown with a withheld count (a stated
    unknown, such as a suppressed small count) is not added up.

    ## Why it matters

    A breakdown by age, sex or place of death that does not add up to the deaths reviewed
    leaves readers unsure how many children died (Working Together 2013, chapter 5; chapter 3,
    paragraph 17).

    ## How to fix

    Correct the count, set `of_total = false` for a breakdown of part of the deaths, or keep
    the published figures and suppress with the reason.

    ## Example

    ```toml
    [[blocks]]
    type = "child_death_review"
    panel = "CDOP"
    deaths_reviewed = 22
    breakdowns = [{ label = "Sex", counts = [["male", 13], ["female", 9]] }]
    ```
    """
    for located in blocks(ctx, model.ChildDeathReview):
        review: model.ChildDeathReview = located.item
        whole = number(review.deaths_reviewed)
        if whole is None:
            continue
        for i, breakdown in enumerate(review.breakdowns):
            if not breakdown.of_total or any(
                len(entry) > 1 and number(entry[1]) is None for entry in breakdown.counts
            ):
                continue
            counts = [
                v
                for entry in breakdown.counts
                if len(entry) > 1 and (v := number(entry[1])) is not None
            ]
            added = sum(counts, Decimal(0))
            if added != whole:
                yield ctx.finding(
                    f"the {breakdown.label!r} breakdown adds up to {show(added)} but "
                    f"{show(whole)} deaths were reviewed",
                    f"{located.path}.breakdowns[{i}]",
                )


@PACK.rule(
    "CONS-007",
    name="income-expenditure",
    severity=Severity.WARNING,
    citations=(cite.PARA_18,),
)
def income_expenditure(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    A budget's stated income total and expenditure total are the same amount (magnitudes are
    compared, so income published as negative figures is fine), unless the budget states what
    it carries forward (`carried_forward`): then CONS-016 checks that the difference is it.

    ## Why it matters

    A gap between income and spending is either a surplus or deficit the report should
    explain, or a mistake (Working Together 2013, chapter 3, paragraph 18).

    ## How to fix

    State the carry-forward on the budget (`carried_forward`), so that it is checked, or
    correct the totals. Suppress the finding only for a published gap that stays unexplained.

    ## Example

    ```toml
    income_total = -165226
    income_sign = -1
    expenditure_total = 165226
    ```
    """
    for located in blocks(ctx, model.Budget):
        budget: model.Budget = located.item
        income, spend = number(budget.income_total), number(budget.expenditure_total)
        if income is None or spend is None or number(getattr(budget, "carried_forward", None)):
            continue
        if abs(income) != abs(spend):
            yield ctx.finding(
                f"budget {budget.period or located.path}: stated income {show(abs(income))} and "
                f"expenditure {show(abs(spend))} differ by {show(abs(abs(income) - abs(spend)))}",
                f"{located.path}.expenditure_total",
            )


@PACK.rule(
    "CONS-008",
    name="period-labels",
    severity=Severity.WARNING,
    citations=(cite.PARA_16,),
)
def period_labels(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    The `period` of a budget, KPI or attendance record that names a financial year names the
    report's own. Labels such as 2014-15, 2014/15, 2014-2015, 2014 - 2015 and 14/15 are
    recognised; labels that name no financial year are not checked.

    ## Why it matters

    The annual report covers the preceding financial year (Working Together 2013, chapter 3,
    paragraph 16); a figure labelled with another year is either stale or mislabelled.

    ## How to fix

    Correct the label, or move figures from other years into the KPI's `previous` values.

    ## Example

    ```toml
    # in a report for 2014-15
    [[blocks]]
    type = "kpi"
    label = "Children subject to a child protection plan"
    value = 352
    period = "2014-15"
    ```
    """
    fy = financial_year_of(ctx.report.period_start)
    for located in all_blocks(ctx):
        block = located.item
        if not isinstance(block, model.Budget | model.KPI | model.Attendance):
            continue
        if isinstance(block, model.Budget) and block.kind is not model.BudgetKind.ACTUAL:
            continue  # a planned or outline budget is for a year of its own
        label = str(block.period) if isinstance(block.period, str | model.Period) else ""
        years = years_of(block.period)
        if years and fy not in years:
            named = ", ".join(financial_year_label(y) for y in sorted(years))
            yield ctx.finding(
                f"the period {label!r} names {named}, not the report's financial year "
                f"{financial_year_label(fy)}",
                f"{located.path}.period",
            )


@PACK.rule(
    "CONS-009",
    name="percent-range",
    severity=Severity.ERROR,
    citations=(cite.PARA_17,),
)
def percent_range(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    Percentages lie between 0 and 100: attendance entries, cells of `percent` table columns,
    and KPIs whose unit is `%` (with their comparators and previous values).

    ## Why it matters

    A percentage outside 0-100 is a typing error (Working Together 2013, chapter 3,
    paragraph 17: a rigorous and transparent assessment).

    ## How to fix

    Correct the figure. A percentage change that can be negative or above 100 is not a share:
    give it a unit such as `% change` instead of `%`.

    ## Example

    ```toml
    [[blocks]]
    type = "attendance"
    body = "WSCB"
    entries = [{ name = "Youth Offending Team", percent = 100 }]
    ```
    """

    def outside(value: object) -> Decimal | None:
        n = number(value)
        return n if n is not None and not 0 <= n <= 100 else None

    for located in all_blocks(ctx):
        block = located.item
        if isinstance(block, model.Attendance):
            for i, entry in enumerate(block.entries):
                if (bad := outside(entry.percent)) is not None:
                    yield ctx.finding(
                        f"attendance of {entry.name!r} is {show(bad)}%, outside 0-100",
                        f"{located.path}.entries[{i}]",
                    )
        elif isinstance(block, model.Table):
            cols = [c for c, col in enumerate(block.columns) if col.type is ColumnType.PERCENT]
            for r, row in enumerate(block.rows):
                for c in cols:
                    if c < len(row) and (bad := outside(row[c])) is not None:
                        yield ctx.finding(
                            f"table {block.id!r} row {_label(row, r)!r} column "
                            f"{block.columns[c].key!r} is {show(bad)}%, outside 0-100",
                            f"{located.path}.rows[{r}]",
                        )
        elif (
            isinstance(block, model.KPI)
            and isinstance(block.unit, str)
            and block.unit.strip() == "%"
        ):
            values = [(f"{located.path}.value", "", block.value)]
            values += [
                (f"{located.path}.comparators[{i}]", f" ({c.label})", c.value)
                for i, c in enumerate(block.comparators)
            ]
            values += [
                (f"{located.path}.previous[{i}]", f" ({p.period})", p.value)
                for i, p in enumerate(block.previous)
            ]
            for path, what, value in values:
                if (bad := outside(value)) is not None:
                    yield ctx.finding(
                        f"KPI {block.label!r}{what} is {show(bad)}%, outside 0-100", path
                    )
