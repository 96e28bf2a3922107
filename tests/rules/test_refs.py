"""Claim references resolve to numbers, or say exactly why not."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from boardreport import model
from boardreport.rules._refs import Index, RefError


@pytest.fixture
def index(
    make_report: Callable[..., model.Report], make_section: Callable[..., model.Section]
) -> Index:
    """A report with a table, a KPI and a budget published with negative income."""
    table = model.Table(
        id="referrals",
        caption="Referrals",
        columns=(
            model.Column(key="year", label="Year"),
            model.Column(key="n", label="Referrals", type=model.ColumnType.INTEGER),
            model.Column(key="note", label="Note"),
        ),
        rows=(("2013-14", 218, "x"), ("2014-15", 161, ""), ("Row [a]", 5, "")),
    )
    budget = model.Budget(
        id="b",
        period="2014-15",
        income_sign=-1,
        income=(
            model.IncomeLine(contributor="Council", amount=-60),
            model.IncomeLine(contributor="Police", amount=-40),
        ),
        income_total=-100,
        expenditure=(model.ExpenditureLine(item="Chair", amount=70),),
    )
    kpi = model.KPI(id="cpp", label="CPP", value=Decimal("352.5"))
    return Index.of(make_report(sections=(make_section("s", table, budget, kpi),)))


@pytest.mark.parametrize(
    ("ref", "values"),
    [
        ("table:referrals[2014-15].n", [161]),
        ("table:referrals[*].n", [218, 161, 5]),
        ("table:referrals[Row [a]].n", [5]),
        ("kpi:cpp", [Decimal("352.5")]),
        ("budget:b.income[Council]", [60]),
        ("budget:b.income[*]", [60, 40]),
        ("budget:b.income_total", [100]),
        ("budget:b.expenditure[Chair]", [70]),
        ("budget:b.expenditure[*]", [70]),
        ("table:b-income[Police].amount", [-40]),
        ("  kpi:cpp ", [Decimal("352.5")]),
    ],
)
def test_references_resolve(index: Index, ref: str, values: list[int | Decimal]) -> None:
    """Every reference form resolves; income through budget: is a magnitude."""
    assert index.resolve(ref) == [Decimal(v) for v in values]


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("table:nope[x].n", "no table with id 'nope'"),
        ("table:referrals[2015-16].n", "no row labelled '2015-16'"),
        ("table:referrals[2013-14].count", "no column 'count'"),
        ("table:referrals[2013-14].note", "is not a number"),
        ("table:referrals[*].year", "is not a number"),
        ("kpi:missing", "no KPI with id 'missing'"),
        ("budget:c.income[*]", "no budget with id 'c'"),
        ("budget:b.income[Health]", "no income contributor 'Health'"),
        ("budget:b.expenditure[Venue]", "no expenditure item 'Venue'"),
        ("budget:b.expenditure_total", "states no expenditure_total"),
        ("referrals[2014-15].n", "is not a reference"),
        ("", "is not a reference"),
    ],
)
def test_unresolvable_references_say_why(index: Index, ref: str, message: str) -> None:
    """A bad reference raises RefError naming what is missing."""
    with pytest.raises(RefError, match=message.replace("[", r"\[").replace("(", r"\(")):
        index.resolve(ref)


def test_every_count_can_be_referred_to(
    make_report: Callable[..., model.Report], make_section: Callable[..., model.Section]
) -> None:
    """Review and child death counts, attendance, breakdowns and KPI history resolve."""
    review = model.Review(
        kind=model.ReviewKind.SERIOUS_CASE_REVIEW, title="SCRs", commissioned=2, id="scr"
    )
    cdop = model.ChildDeathReview(
        panel="CDOP",
        deaths_reviewed=22,
        id="cdop",
        breakdowns=(model.Breakdown(label="Sex", counts=(("male", 13), ("female", 9))),),
    )
    attendance = model.Attendance(
        body="Board", entries=(model.AttendanceEntry(name="Police", percent=75),), id="att"
    )
    kpi = model.KPI(
        label="Referrals",
        value=161,
        id="referrals",
        previous=(model.PreviousValue(period="2013-14", value=218),),
    )
    report = make_report(sections=(make_section("s", review, cdop, attendance, kpi),))
    index = Index.of(report)
    assert index.resolve("review:scr.commissioned") == [Decimal(2)]
    assert index.resolve("child_death_review:cdop.deaths_reviewed") == [Decimal(22)]
    assert index.resolve("attendance:att[Police]") == [Decimal(75)]
    assert index.resolve("breakdown:cdop.Sex[*]") == [Decimal(13), Decimal(9)]
    assert index.resolve("kpi:referrals.previous[2013-14]") == [Decimal(218)]
    with pytest.raises(RefError, match="no entry 'Fire'"):
        index.resolve("attendance:att[Fire]")
    with pytest.raises(RefError, match="has no previous '2012-13'"):
        index.resolve("kpi:referrals.previous[2012-13]")
