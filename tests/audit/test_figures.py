"""Figures read for the audit: stated unknowns stay unknown, income signs, shares, per child."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from boardreport import model
from boardreport.audit import State, figures
from boardreport.audit._figures import Value, total

NOT_PUBLISHED = model.Unknown(reason=model.UnknownReason.NOT_PUBLISHED)


def _report(*blocks: object, children: object = None) -> model.Report:
    return model.Report(
        board="B",
        area="A",
        title="T",
        period_start=dt.date(2020, 4, 1),
        period_end=dt.date(2021, 3, 31),
        arrangement=model.Arrangement(
            kind=model.ArrangementKind.SAFEGUARDING_PARTNERSHIP, children=children
        ),
        sections=(model.Section(id="s", title="S", blocks=blocks),),
    )


def _budget(sign: int = 1, **changes: object) -> model.Budget:
    income = (
        model.IncomeLine(
            contributor="Council", amount=sign * 60, partner=model.StatutoryPartner.LOCAL_AUTHORITY
        ),
        model.IncomeLine(
            contributor="Police", amount=sign * 40, partner=model.StatutoryPartner.POLICE
        ),
    )
    fields: dict[str, object] = {
        "period": "2020-21",
        "income": income,
        "expenditure": (model.ExpenditureLine(item="Unit", amount=90),),
        "income_sign": sign,
    }
    fields.update(changes)
    return model.Budget(**fields)  # type: ignore[arg-type]


def test_shares_spend_and_spend_per_child() -> None:
    found = figures(_report(_budget(), children=45))
    assert found["income"].number == 100
    assert found["spend"].number == 90
    assert found["share_local_authority"].number == 60
    assert found["share_police"].number == 40
    assert found["share_health"].state is State.ABSENT
    assert found["spend_per_child"].number == Decimal("2.00")


def test_income_printed_as_negative_numbers_reads_as_positive() -> None:
    found = figures(_report(_budget(sign=-1)))
    assert found["income"].number == 100
    assert found["share_police"].number == 40


def test_a_stated_unknown_is_never_zero() -> None:
    found = figures(
        _report(
            _budget(expenditure_total=NOT_PUBLISHED),
            model.ChildDeathReview(panel="CDOP", deaths_reviewed=NOT_PUBLISHED),
            children=1000,
        )
    )
    assert found["spend"].state is State.UNKNOWN
    assert found["spend"].text == "not published"
    assert found["spend_per_child"].text == "not published"
    assert found["deaths_reviewed"].text == "not published"
    assert total([Value.of(3), Value.of(NOT_PUBLISHED)]).state is State.UNKNOWN


def test_reviews_published_add_up_and_rapid_reviews_do_not_count() -> None:
    kinds = model.ReviewKind
    found = figures(
        _report(
            model.Review(kind=kinds.CHILD_SAFEGUARDING_PRACTICE_REVIEW, title="a", published=2),
            model.Review(kind=kinds.SERIOUS_CASE_REVIEW, title="b", published=1),
            model.Review(kind=kinds.RAPID_REVIEW, title="c", published=5),
        )
    )
    assert found["reviews_published"].number == 3
    assert found["income"].state is State.ABSENT  # no budget: not given, not 0
