"""Every count of the model can be the target of a claim: ``<type>:<id>.<key>`` and ``share:``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from boardreport import model
from boardreport.rules._refs import Index, RefError, count_fields

UNPUBLISHED = model.Unknown(reason=model.UnknownReason.NOT_PUBLISHED)


@pytest.fixture
def index() -> Index:
    """A report with a review, a child death review with shares, attendance and a budget."""
    blocks = [
        model.Review(
            id="scr",
            kind=model.ReviewKind.SERIOUS_CASE_REVIEW,
            title="SCRs",
            notified=4,
            commissioned=2,
            published=UNPUBLISHED,
        ),
        model.ChildDeathReview(
            id="cdop",
            panel="Panel",
            deaths_notified=171,
            deaths_reviewed=147,
            shares=[
                model.Share(id="reviewed", label="Reviewed", percent=86, of=171, count=147),
                model.Share(id="expected", label="Expected", percent=63, within="reviewed"),
            ],
        ),
        model.Attendance(id="board", body="Board", entries=[], meetings=6),
        model.Budget(
            id="b", period="2015-16", income=[], expenditure=[], carried_forward=Decimal("12.5")
        ),
        model.KPI(id="cpp", label="CPP", value=Decimal("41.2"), denominator=56353),
    ]
    report = model.Report(
        board="B",
        area="A",
        title="T",
        period_start=dt.date(2015, 4, 1),
        period_end=dt.date(2016, 3, 31),
        sections=[model.Section(id="s", title="S", blocks=blocks)],
    )
    return Index.of(report)


@pytest.mark.parametrize(
    ("ref", "value"),
    [
        ("review:scr.notified", 4),
        ("review:scr.commissioned", 2),
        ("child_death_review:cdop.deaths_notified", 171),
        ("child_death_review:cdop.deaths_reviewed", 147),
        ("attendance:board.meetings", 6),
        ("budget:b.carried_forward", Decimal("12.5")),
        ("kpi:cpp.denominator", 56353),
        ("kpi:cpp.value", Decimal("41.2")),
        ("share:reviewed", 86),
        ("share:reviewed.of", 171),
        ("share:reviewed.count", 147),
        ("share:expected", 63),
    ],
)
def test_counts_resolve(index: Index, ref: str, value: int | Decimal) -> None:
    """Each count or figure of a block with an id resolves to its value."""
    assert index.resolve(ref) == [Decimal(value)]


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("review:scr.published", "is stated as not published, not as a number"),
        ("review:scr.met_criteria", "review 'scr' states no met_criteria"),
        ("review:scr.title", "'title' is not a count or figure of a review"),
        ("review:nope.notified", "no review with id 'nope'"),
        ("reveiw:scr.notified", "'reveiw' is not a block type"),
        ("share:expected.of", "share 'expected' states no of"),
        ("share:missing", "no share with id 'missing'"),
    ],
)
def test_unresolvable_counts_say_why(index: Index, ref: str, message: str) -> None:
    """A count that is missing, unknown or not a count says why it cannot be checked."""
    with pytest.raises(RefError, match=message):
        index.resolve(ref)


def test_every_count_of_every_block_is_addressable() -> None:
    """Each block field that can hold a stated unknown is a count a claim can name."""
    assert count_fields(model.Review) == (
        "cases_considered",
        "met_criteria",
        "commissioned",
        "published",
        "notified",
        "unpublished",
    )
    assert "deaths_notified" in count_fields(model.ChildDeathReview)
    assert count_fields(model.Prose) == ()
