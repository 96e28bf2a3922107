"""Budgets: income by contributor, expenditure by item, reserves brought and carried forward."""

from __future__ import annotations

from boardreport import formatting as fmt
from boardreport import model, wording
from boardreport.blocks._kind import BlockKind, ReaderParts, SimpleTable, register
from boardreport.blocks._say import page_fact, sentence_case
from boardreport.blocks._substance import given, text, unpublished


def _table_caption(budget: model.Budget, caption: str) -> str:
    kind = "" if budget.kind is model.BudgetKind.ACTUAL else f" ({budget.kind.value})"
    return f"{caption} {budget.period}{kind}".strip()


def tables(budget: model.Budget) -> dict[str, model.Table]:
    """``<id>-income`` and ``<id>-expenditure`` (columns ``item``, ``amount``)."""
    symbol = wording.CURRENCY_SYMBOLS.get(budget.currency, budget.currency)
    amount_label = f"Amount ({symbol})"
    money = model.ColumnType.MONEY
    income = model.Table(
        id=f"{budget.id}-income",
        caption=_table_caption(budget, budget.income_caption),
        columns=(
            model.Column(key="item", label="Contributor"),
            model.Column(key="amount", label=amount_label, type=money),
        ),
        rows=tuple(
            (line.contributor, "" if line.amount is None else line.amount) for line in budget.income
        ),
        totals=()
        if budget.income_total is None
        else (
            model.ColumnTotal(
                column="amount", value=budget.income_total, label=budget.income_total_label
            ),
        ),
    )
    spend = model.Table(
        id=f"{budget.id}-expenditure",
        caption=_table_caption(budget, budget.expenditure_caption),
        columns=(
            model.Column(key="item", label="Item"),
            model.Column(key="amount", label=amount_label, type=money),
        ),
        rows=tuple((line.item, line.amount) for line in budget.expenditure),
        totals=()
        if budget.expenditure_total is None
        else (
            model.ColumnTotal(
                column="amount",
                value=budget.expenditure_total,
                label=budget.expenditure_total_label,
            ),
        ),
    )
    return {income.id: income, spend.id: spend}


def has_content(budget: model.Budget) -> bool:
    """Return True when a budget has a named line with an amount other than 0."""
    lines = [(i.contributor, i.amount) for i in budget.income]
    lines += [(e.item, e.amount) for e in budget.expenditure]
    return any(text(label) and given(amount) for label, amount in lines)


def _states_not_published(budget: model.Budget) -> bool:
    amounts = [i.amount for i in budget.income] + [e.amount for e in budget.expenditure]
    totals = (budget.income_total, budget.expenditure_total)
    said = any(unpublished(a) for a in (*amounts, *totals))
    return said and not has_content(budget)


def facts(budget: model.Budget) -> tuple[str, ...]:
    """What a budget says besides its lines: its kind and year, reserves in and out."""
    found = []
    if budget.kind is not model.BudgetKind.ACTUAL:
        found.append(sentence_case(budget.description) + ".")
    if budget.brought_forward is not None:
        money = fmt.money(budget.brought_forward, budget.currency)
        found.append(f"Brought forward from the year before: {money}.")
    if budget.carried_forward is not None:
        money = fmt.money(budget.carried_forward, budget.currency)
        found.append(f"Carried forward to the year after: {money}.")
    return tuple(found)


def _reader_caption(budget: model.Budget, caption: str) -> str:
    kind = "" if budget.kind is model.BudgetKind.ACTUAL else f" ({budget.kind.value} budget)"
    return f"{caption} {budget.period}{kind}".strip()


def _amount(line: model.IncomeLine, currency: str) -> str:
    if line.amount is None:
        return "In kind (no value given)"
    return fmt.money(line.amount, currency)


def _lines_table(
    anchor: str,
    caption: str,
    label: str,
    lines: list[tuple[str, str, str]],
    total: tuple[str, str] | None,
) -> SimpleTable:
    """Lines of (label, amount, note) under ``label`` and Amount; a Note column if any has one."""
    notes = any(note for _, _, note in lines)
    rows = tuple((item, amount, *([note] if notes else [])) for item, amount, note in lines)
    totals = () if total is None else ((*total, *([""] if notes else [])),)
    return SimpleTable(
        anchor=anchor,
        caption=caption,
        headers=(label, "Amount", *(["Note"] if notes else [])),
        numeric=(False, True, *([False] if notes else [])),
        rows=rows,
        totals=totals,
    )


def _reader_tables(budget: model.Budget) -> tuple[SimpleTable, SimpleTable]:
    # the kind of a line (cash, one-off, carried forward) is data for the checks; the table
    # shows only what the report prints, so a kind is never a column of its own
    base, currency = budget.id or "budget", budget.currency
    income_total = expenditure_total = None
    if budget.income_total is not None:
        income_total = (budget.income_total_label, fmt.money(budget.income_total, currency))
    if budget.expenditure_total is not None:
        money = fmt.money(budget.expenditure_total, currency)
        expenditure_total = (budget.expenditure_total_label, money)
    income = _lines_table(
        f"table-{base}-income",
        _reader_caption(budget, budget.income_caption),
        "Contributor",
        [(i.contributor, _amount(i, currency), i.note) for i in budget.income],
        income_total,
    )
    spend = _lines_table(
        f"table-{base}-expenditure",
        _reader_caption(budget, budget.expenditure_caption),
        "Item",
        [(e.item, fmt.money(e.amount, currency), e.note) for e in budget.expenditure],
        expenditure_total,
    )
    return income, spend


def _reader(budget: model.Budget, _: model.Report) -> ReaderParts:
    return ReaderParts(
        tables=_reader_tables(budget),
        facts=(*facts(budget), *page_fact(budget.page)),
    )


BUDGET = register(
    BlockKind(
        cls=model.Budget,
        has_content=has_content,
        tables=tables,
        states_not_published=_states_not_published,
        reader=_reader,
    )
)
