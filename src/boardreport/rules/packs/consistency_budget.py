"""Pack CONS, continued: budget arithmetic, budgets that disagree, and surplus or deficit claims."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

from boardreport import model
from boardreport.model import IncomeKind
from boardreport.rules import _citations as cite
from boardreport.rules._content import all_blocks, blocks
from boardreport.rules._evidence import budget_kind, budget_years, own_budgets
from boardreport.rules._numbers import financial_year_label, half_unit, number, show
from boardreport.rules._registry import Finding, RuleContext, Severity
from boardreport.rules.packs.consistency import PACK


class Sums(NamedTuple):
    """A budget's figures as magnitudes: what it brought forward, took in, spent, carried on."""

    brought: Decimal
    income: Decimal
    spending: Decimal
    carried: Decimal | None
    precision: Decimal


def _magnitude(value: object) -> Decimal | None:
    n = number(value)
    return abs(n) if n is not None else None


def _field(budget: model.Budget, name: str) -> Decimal | None:
    return _magnitude(getattr(budget, name, None))


def sums(budget: model.Budget) -> Sums:
    """The budget's brought-forward, income, spending and carried-forward, as magnitudes.

    Brought forward is the budget's ``brought_forward``, else its income lines of kind
    ``carried_forward`` (money carried in from the year before); income is the stated income
    total less what was brought forward in it, else the other income lines; spending is the
    stated expenditure total, else the sum of its lines.
    """
    forward_lines = [
        v
        for line in budget.income
        if line.kind is IncomeKind.CARRIED_FORWARD and (v := _magnitude(line.amount)) is not None
    ]
    other_lines = [
        v
        for line in budget.income
        if line.kind is not IncomeKind.CARRIED_FORWARD
        and (v := _magnitude(line.amount)) is not None
    ]
    spend_lines = [v for line in budget.expenditure if (v := _magnitude(line.amount)) is not None]
    stated_brought = _field(budget, "brought_forward")
    brought = stated_brought if stated_brought is not None else sum(forward_lines, Decimal(0))
    stated_income = _magnitude(budget.income_total)
    if stated_income is not None:
        income = stated_income - (sum(forward_lines, Decimal(0)) if stated_brought is None else 0)
    else:
        income = sum(other_lines, Decimal(0))
    stated_spend = _magnitude(budget.expenditure_total)
    spending = stated_spend if stated_spend is not None else sum(spend_lines, Decimal(0))
    values = [*forward_lines, *other_lines, *spend_lines]
    return Sums(brought, income, spending, _field(budget, "carried_forward"), half_unit(values))


def _name(located: model.Located) -> str:
    budget: model.Budget = located.item
    return f"budget {budget.period or located.path}"


@PACK.rule(
    "CONS-016",
    name="budget-balance",
    severity=Severity.ERROR,
    citations=(cite.PARA_18,),
)
def budget_balance(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    Where a budget states what it carries forward (`carried_forward`, or a sentence of the
    budget's own section such as "£12,000 will be carried forward into 2015-16"), brought
    forward + income − spending = carried forward. Brought forward is the budget's
    `brought_forward`, else its income lines of kind `carried_forward`; income and spending
    are the stated totals, else the sums of the lines. Income printed as negative figures is
    read as its magnitude.

    ## Why it matters

    The report must list partner contributions and detail what the Board spent (Working
    Together 2013, chapter 3, paragraph 18); a carry-forward that does not follow from them
    hides money, or a mistake.

    ## How to fix

    Correct the figure that is wrong, or keep the published figures and suppress the finding
    with the reason.

    ## Example

    ```toml
    [[blocks]]
    type = "budget"
    period = "2014-15"
    brought_forward = 10000
    income = [{ contributor = "Council", amount = 90000 }]
    expenditure = [{ item = "Salaries", amount = 85000 }]
    carried_forward = 15000
    ```
    """
    for located in blocks(ctx, model.Budget):
        figures = sums(located.item)
        carried, path = figures.carried, f"{located.path}.carried_forward"
        if carried is None:
            stated = _carried_in_prose(ctx, located)
            if stated is None:
                continue
            carried, path = stated
        expected = figures.brought + figures.income - figures.spending
        if abs(expected - carried) > figures.precision * 4:
            yield ctx.finding(
                f"{_name(located)}: brought forward {show(figures.brought)} + income "
                f"{show(figures.income)} − spending {show(figures.spending)} = {show(expected)}, "
                f"but the stated carry-forward is {show(carried)}",
                path,
            )


_CARRIED = re.compile(
    r"\b(?:carr(?:y|ied|ying)|c/f)\s*(?:-\s*)?forward\b(?!\s+from)|"
    r"\breserves? at (?:the )?year end",
    re.IGNORECASE,
)
_BROUGHT = re.compile(
    r"\bbrought forward\b|\bforward from\b|\bfrom (?:the )?previous year", re.IGNORECASE
)


def _carried_in_prose(ctx: RuleContext, located: model.Located) -> tuple[Decimal, str] | None:
    """A carry-forward amount stated in a sentence of the budget's own section, with its path."""
    for index, block in enumerate(located.section.blocks):
        if not isinstance(block, model.Prose):
            continue
        for sentence in re.split(r"(?<=[.;!?])\s+", block.text):
            if not _CARRIED.search(sentence) or _BROUGHT.search(sentence):
                continue
            amounts = _AMOUNT.findall(sentence)
            if len(amounts) == 1:
                digits, scale = amounts[0]
                value = Decimal(digits.replace(",", "")).scaleb(
                    {"k": 3, "m": 6}.get(scale.lower(), 0)
                )
                prefix = located.path.rsplit("/", 1)[0]
                return value, f"{prefix}/{model.block_key(block, index)}"
    return None


def _lines(budget: model.Budget) -> dict[tuple[str, str], Decimal]:
    found: dict[tuple[str, str], Decimal] = {}
    for line in budget.income:
        if (v := _magnitude(line.amount)) is not None:
            found[("income", " ".join(line.contributor.lower().split()))] = v
    for spend in budget.expenditure:
        if (v := _magnitude(spend.amount)) is not None:
            found[("expenditure", " ".join(spend.item.lower().split()))] = v
    return found


def _whole(
    a: model.Budget,
    b: model.Budget,
    side: str,
    lines_a: dict[tuple[str, str], Decimal],
    lines_b: dict[tuple[str, str], Decimal],
) -> bool:
    """True when both budgets give the whole of a side: a stated total, or the same lines.

    A summary that shows only some lines is compared line by line, not by its sum.
    """
    total = "income_total" if side == "income" else "expenditure_total"
    if number(getattr(a, total)) is not None and number(getattr(b, total)) is not None:
        return True
    kind = "income" if side == "income" else "expenditure"
    return {k for k in lines_a if k[0] == kind} == {k for k in lines_b if k[0] == kind}


@PACK.rule(
    "CONS-017",
    name="budgets-agree",
    severity=Severity.ERROR,
    citations=(cite.PARA_18,),
)
def budgets_agree(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    Two budgets of the same kind (actual, planned, outline) for the same financial year agree:
    the same income and expenditure totals (where both state them, or both list the same
    lines), and the same amount on each line they both name.

    ## Why it matters

    A report that prints the year's accounts twice with different figures leaves readers
    unsure what the Board received and spent (Working Together 2013, chapter 3,
    paragraph 18).

    ## How to fix

    Correct the copy that is wrong, or keep the published figures and suppress the finding
    with the reason.

    ## Example

    ```toml
    # the summary's budget and the appendix's budget for 2014-15 give the same figures
    income_total = 165226
    expenditure_total = 165226
    ```
    """
    seen: dict[tuple[int, str], model.Located] = {}
    for located in blocks(ctx, model.Budget):
        budget: model.Budget = located.item
        years = budget_years(budget)
        if len(years) != 1:
            continue
        key = (next(iter(years)), budget_kind(budget))
        first = seen.setdefault(key, located)
        if first is located:
            continue
        a, b = sums(first.item), sums(budget)
        year = financial_year_label(key[0])
        lines_a, lines_b = _lines(first.item), _lines(budget)
        for side, x, y in (("income", a.income, b.income), ("spending", a.spending, b.spending)):
            if x != y and _whole(first.item, budget, side, lines_a, lines_b):
                yield ctx.finding(
                    f"two {key[1]} budgets for {year} disagree: {side} {show(x)} at "
                    f"{first.path}, {show(y)} here",
                    located.path,
                )
        for name in sorted(lines_a.keys() & lines_b.keys()):
            if lines_a[name] != lines_b[name]:
                yield ctx.finding(
                    f"two {key[1]} budgets for {year} disagree on the {name[0]} line "
                    f"{name[1]!r}: {show(lines_a[name])} at {first.path}, {show(lines_b[name])} "
                    "here",
                    located.path,
                )


_BALANCE_WORDS = re.compile(
    r"\b(?P<word>surplus|deficit|overspen[dt]|underspen[dt]|balanced budget|balanced|"
    r"broke even|break-even|breaking even|break even|in balance)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|predict\w*|forecast\w*|project\w*|expect\w*|anticipat\w*|"
    r"next year|longer term|long term|future|plan\w*|likely|may|might|could|aim\w*|"
    r"avoid\w*|risk)\b",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"£|\bfinance|\bbudget|\bincome\b|\bspen[dt]|\bexpenditure\b|\bfinanc|\bfund|\breserves?\b|"
    r"\baccounts?\b|\bcontribut|\bmoney\b|\bcosts?\b",
    re.IGNORECASE,
)
"""A block (or its section) must speak of money for a surplus or deficit to be the Board's."""
_NOT_MONEY = re.compile(r"\battention deficit|\bdeficits? (?:in|of) (?!£|funding|income)", re.I)
_CLAUSES = re.compile(r"(?<=[.;!?])\s+|\s+but\s+|\s+while\s+|\s+whereas\s+|,\s+(?=and\b)")
_AMOUNT = re.compile(r"£\s?(\d[\d,]*(?:\.\d+)?)\s*(k|m)?\b", re.IGNORECASE)


def _state(word: str) -> str:
    low = word.lower()
    if low.startswith(("surplus", "underspen")):
        return "surplus"
    if low.startswith(("deficit", "overspen")):
        return "deficit"
    return "balanced"


class BalanceClaim(NamedTuple):
    """A clause that says the year ended in surplus, deficit or balance."""

    path: str
    clause: str
    state: str
    amount: Decimal | None


def balance_claims(ctx: RuleContext) -> list[BalanceClaim]:
    """Past-tense surplus, deficit and balance statements in the report's prose."""
    found: list[BalanceClaim] = []
    for located in all_blocks(ctx):
        block = located.item
        if not isinstance(block, model.Prose | model.CaseStudy):
            continue
        if not _BALANCE_WORDS.search(block.text):  # then no clause of it has one either
            continue
        section = located.section
        about_money = (
            _MONEY.search(block.text)
            or _MONEY.search(section.title)
            or any(isinstance(b, model.Budget) for b in section.blocks)
        )
        if not about_money:
            continue
        for clause in _CLAUSES.split(block.text):
            match = _BALANCE_WORDS.search(clause)
            if not match or _FUTURE.search(clause) or _NOT_MONEY.search(clause):
                continue
            amounts = _AMOUNT.findall(clause)
            amount = None
            if len(amounts) == 1:
                digits, scale = amounts[0]
                amount = Decimal(digits.replace(",", "")).scaleb(
                    {"k": 3, "m": 6}.get(scale.lower(), 0)
                )
            found.append(
                BalanceClaim(located.path, clause.strip(), _state(match.group("word")), amount)
            )
    return found


@PACK.rule(
    "CONS-018",
    name="balance-claims",
    severity=Severity.ERROR,
    citations=(cite.PARA_18,),
)
def balance_claims_rule(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    A statement in prose that the year ended in surplus (or underspend), deficit (or
    overspend) or balance agrees with the year's actual budget: more money than was spent is
    a surplus, less a deficit, the same a balance, counting income either with or without
    what was brought forward from the year before. An amount given with the claim ("a surplus
    of £12,000") must be the difference. Statements
    about the future ("we are predicted to have a deficit"), and prose that does not speak of
    money (a "surplus of foster carers", "attention deficit"), are not checked. The stated
    totals are used where given, else the sums of the lines.

    ## Why it matters

    Readers take the words, not the table, as the Board's financial position (Working
    Together 2013, chapter 3, paragraph 18).

    ## How to fix

    Correct the words or the figures, or keep the published wording and suppress the finding
    with the reason.

    ## Example

    ```toml
    text = "In the past year income matched spending: the budget balanced."
    ```
    """
    budgets = own_budgets(ctx)
    if not budgets:
        return
    figures = sums(budgets[0].item)
    in_year = figures.income - figures.spending
    overall = figures.brought + in_year
    states = {_position(in_year), _position(overall)}
    for claim in balance_claims(ctx):
        if claim.state not in states:
            yield ctx.finding(
                f"the prose says {claim.clause!r} ({claim.state}) but the budget at "
                f"{budgets[0].path} has {_working(figures)} ({' or '.join(sorted(states))})",
                claim.path,
            )
        elif claim.amount is not None and claim.amount not in {abs(in_year), abs(overall)}:
            yield ctx.finding(
                f"the prose says {claim.clause!r} but the budget at {budgets[0].path} has "
                f"{_working(figures)}",
                claim.path,
            )


def _position(difference: Decimal) -> str:
    return "surplus" if difference > 0 else "deficit" if difference < 0 else "balanced"


def _working(figures: Sums) -> str:
    text = f"income {show(figures.income)} and spending {show(figures.spending)}"
    if figures.brought:
        text = f"brought forward {show(figures.brought)}, " + text
    return text
