"""The figures an audit sets side by side: spend, partner shares, spend per child, reviews.

Every figure is read from typed fields only. A stated unknown stays one (``not published``),
never 0; a figure the report does not give at all is ``not given``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal

from attrs import frozen

from boardreport import model
from boardreport.model import BudgetKind, PartnerBody, ReviewKind, StatutoryPartner


class State(enum.Enum):
    """What a report gives for a figure."""

    NUMBER = "number"
    UNKNOWN = "unknown"
    """A stated unknown or a bound: given, but not as one number."""
    ABSENT = "absent"
    """Not given at all."""


@frozen(kw_only=True)
class Value:
    """One report's figure: an exact number, or the words that stand in its place."""

    state: State
    number: Decimal | None = None
    text: str = ""

    @classmethod
    def of(cls, figure: object) -> Value:
        """The value of a model figure (number, stated unknown, bound or None)."""
        if figure is None:
            return ABSENT
        if isinstance(figure, bool):
            return ABSENT
        if isinstance(figure, int | Decimal):
            return cls(state=State.NUMBER, number=Decimal(figure), text=f"{figure:,}")
        if isinstance(figure, model.Bound):
            words = figure.text or f"{model.BOUND_WORDS[figure.relation]} {figure.value:,}"
            return cls(state=State.UNKNOWN, text=words)
        return cls(state=State.UNKNOWN, text=str(figure))

    def __str__(self) -> str:
        return self.text


ABSENT = Value(state=State.ABSENT, text="not given")


@frozen(kw_only=True)
class Figure:
    """A column of the figures table."""

    key: str
    label: str
    unit: str = ""
    """``£`` (money, before the number), ``%`` (after it) or empty."""


FIGURES: tuple[Figure, ...] = (
    Figure(key="income", label="Income", unit="£"),
    Figure(key="spend", label="Spend", unit="£"),
    Figure(key="share_local_authority", label="Local authority share of income", unit="%"),
    Figure(key="share_police", label="Police share of income", unit="%"),
    Figure(key="share_health", label="Health share of income", unit="%"),
    Figure(key="spend_per_child", label="Spend per child", unit="£"),
    Figure(key="deaths_reviewed", label="Child deaths reviewed"),
    Figure(key="reviews_published", label="Reviews published"),
)
"""The figures every report is read for, in the order they are shown."""

PUBLISHED_REVIEWS = (
    ReviewKind.SERIOUS_CASE_REVIEW,
    ReviewKind.CHILD_SAFEGUARDING_PRACTICE_REVIEW,
    ReviewKind.LEARNING_REVIEW,
    ReviewKind.SAFEGUARDING_ADULTS_REVIEW,
)
"""Review kinds whose ``published`` counts are added up (rapid reviews are not published)."""

_HEALTH = (
    StatutoryPartner.CLINICAL_COMMISSIONING_GROUP,
    StatutoryPartner.NHS_ENGLAND,
    StatutoryPartner.NHS_TRUST,
)
_PARTNER_GROUPS = {
    "share_local_authority": (StatutoryPartner.LOCAL_AUTHORITY,),
    "share_police": (StatutoryPartner.POLICE,),
    "share_health": _HEALTH,
}
_BODY_GROUPS = {
    PartnerBody.LOCAL_AUTHORITY: "share_local_authority",
    PartnerBody.POLICE: "share_police",
    PartnerBody.CLINICAL_COMMISSIONING_GROUP: "share_health",
    PartnerBody.INTEGRATED_CARE_BOARD: "share_health",
}
_NOT_INCOME = (model.IncomeKind.IN_KIND, model.IncomeKind.CARRIED_FORWARD)
"""Income lines not added into the year's income when the report states no total."""
_CENT = Decimal("0.01")
_TENTH = Decimal("0.1")


def total(values: Iterable[Value]) -> Value:
    """The sum of values: a number when every one is a number, else the first stand-in."""
    items = [v for v in values if v.state is not State.ABSENT]
    if not items:
        return ABSENT
    stand_in = next((v for v in items if v.state is State.UNKNOWN), None)
    if stand_in is not None:
        return stand_in
    return _number(sum((v.number or Decimal(0) for v in items), Decimal(0)))


def _number(value: Decimal, places: Decimal | None = None) -> Value:
    shown = value if places is None else value.quantize(places, rounding=ROUND_HALF_EVEN)
    return Value(state=State.NUMBER, number=shown, text=f"{shown:,}")


def own_budget(report: model.Report) -> model.Budget | None:
    """The actual budget of the report's own year, else its last actual budget, else None."""
    actual = [
        loc.item
        for loc in model.iter_blocks(report, model.Budget)
        if loc.item.kind is BudgetKind.ACTUAL
    ]
    own = [b for b in actual if b.period.start.year == report.period_start.year]
    chosen = own or actual
    return chosen[-1] if chosen else None


def _signed(value: Value, sign: int) -> Value:
    """Income printed as negative numbers (``income_sign = -1``) read as positive."""
    if value.state is not State.NUMBER or value.number is None or sign == 1:
        return value
    return _number(value.number * sign)


def _income(budget: model.Budget) -> Value:
    if budget.income_total is not None:
        return _signed(Value.of(budget.income_total), budget.income_sign)
    counted = [line for line in budget.income if line.kind not in _NOT_INCOME]
    return _signed(total(Value.of(line.amount) for line in counted), budget.income_sign)


def _spend(budget: model.Budget) -> Value:
    if budget.expenditure_total is not None:
        return Value.of(budget.expenditure_total)
    return total(Value.of(line.amount) for line in budget.expenditure)


def _group(report: model.Report, line: model.IncomeLine) -> str:
    if line.partner is not None:
        return next((k for k, group in _PARTNER_GROUPS.items() if line.partner in group), "")
    arrangement = report.arrangement
    for partner in arrangement.partners if arrangement else ():
        left = " ".join(partner.organisation.lower().split())
        if left and left == " ".join(line.contributor.lower().split()):
            return _BODY_GROUPS.get(partner.body, "")
    return ""


def _shares(report: model.Report, budget: model.Budget, income: Value) -> dict[str, Value]:
    shares: dict[str, Value] = {}
    for key in _PARTNER_GROUPS:
        lines = [Value.of(line.amount) for line in budget.income if _group(report, line) == key]
        paid = _signed(total(lines), budget.income_sign)
        if paid.state is State.ABSENT:
            shares[key] = ABSENT
        elif paid.state is State.UNKNOWN:
            shares[key] = paid
        elif income.state is not State.NUMBER or not income.number:
            shares[key] = income if income.state is State.UNKNOWN else ABSENT
        else:
            assert paid.number is not None
            shares[key] = _number(100 * paid.number / income.number, _TENTH)
    return shares


def _per_child(spend: Value, children: object) -> Value:
    count = Value.of(children)
    if spend.state is State.ABSENT or count.state is State.ABSENT:
        return ABSENT
    if spend.state is State.UNKNOWN:
        return spend
    if count.state is State.UNKNOWN:
        return count
    assert spend.number is not None and count.number is not None
    if count.number == 0:
        return ABSENT
    return _number(spend.number / count.number, _CENT)


def figures(report: model.Report) -> dict[str, Value]:
    """Every figure of :data:`FIGURES` that ``report`` gives, keyed by :attr:`Figure.key`."""
    found: dict[str, Value] = {f.key: ABSENT for f in FIGURES}
    budget = own_budget(report)
    if budget is not None:
        found["income"] = _income(budget)
        found["spend"] = _spend(budget)
        found.update(_shares(report, budget, found["income"]))
    children = report.arrangement.children if report.arrangement else None
    found["spend_per_child"] = _per_child(found["spend"], children)
    found["deaths_reviewed"] = total(
        Value.of(loc.item.deaths_reviewed)
        for loc in model.iter_blocks(report, model.ChildDeathReview)
    )
    found["reviews_published"] = total(
        Value.of(loc.item.published)
        for loc in model.iter_blocks(report, model.Review)
        if loc.item.kind in PUBLISHED_REVIEWS
    )
    return found
