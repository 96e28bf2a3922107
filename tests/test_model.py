"""The model's own behaviour: exact numbers, placeholders and the tables typed blocks present."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from boardreport import model


def test_binary_floats_are_refused() -> None:
    """Money and rates are exact: a float is a type error, an int or Decimal is accepted."""
    with pytest.raises(TypeError, match="integer or a decimal"):
        model.IncomeLine(contributor="Police", amount=14770.0)  # type: ignore[arg-type]
    assert model.IncomeLine(contributor="Police", amount=Decimal("14770.50")).amount == Decimal(
        "14770.50"
    )


def test_placeholders_are_not_content() -> None:
    """Empty text and TODO text are placeholders; anything else is content."""
    assert model.is_placeholder("   ")
    assert model.is_placeholder("TODO: write the foreword")
    assert model.is_placeholder("todo")
    assert not model.has_content(None)
    assert model.has_content("The Board met four times.")


def test_ids_must_be_lower_case_slugs() -> None:
    """Section ids are stable, lower-case and hyphenated."""
    with pytest.raises(ValueError, match="lower-case"):
        model.Section(id="Chair Foreword", title="Foreword")


def test_a_budget_presents_income_and_expenditure_tables_with_its_labels() -> None:
    """Derived tables carry the published total labels and the currency symbol."""
    budget = model.Budget(
        id="budget",
        period="2014-15",
        income=(model.IncomeLine(contributor="Police", amount=-100),),
        expenditure=(model.ExpenditureLine(item="Chair", amount=100),),
        income_total=-100,
        expenditure_total=100,
        income_total_label="Total Contributions",
        currency="EUR",
    )
    tables = model.derived_tables(budget)
    assert sorted(tables) == ["budget-expenditure", "budget-income"]
    income = tables["budget-income"]
    assert income.columns[1].label == "Amount (€)"
    assert income.totals[0].label == "Total Contributions"
    assert tables["budget-expenditure"].totals[0].label == "Total"


def test_breakdowns_with_the_same_slug_get_distinct_tables() -> None:
    """Two breakdowns whose labels differ only in case do not overwrite each other."""
    review = model.ChildDeathReview(
        id="cdop",
        panel="Panel",
        deaths_reviewed=3,
        breakdowns=(
            model.Breakdown(label="Age", counts=(("0-27 days", 2), ("older", 1))),
            model.Breakdown(label="age", counts=(("infant", 3),)),
        ),
    )
    assert sorted(model.derived_tables(review)) == ["cdop-age", "cdop-age-2"]


def test_agency_return_questions_follow_the_reporting_year() -> None:
    """The standard questions name the report's year and the next."""
    start = dt.date(2015, 4, 1)
    assert model.agency_return_question("objectives", start).endswith("for 2015/16?")
    assert model.agency_return_question("priorities_next_year", start).endswith("2016/17")


def test_iter_blocks_gives_stable_paths() -> None:
    """Blocks are addressed by section ids and their own id (or index)."""
    report = model.Report(
        board="B",
        area="A",
        title="T",
        period_start=dt.date(2014, 4, 1),
        period_end=dt.date(2015, 3, 31),
        sections=(
            model.Section(
                id="outer",
                title="Outer",
                blocks=(model.Prose(text="x"),),
                sections=(
                    model.Section(
                        id="inner", title="Inner", blocks=(model.Prose(id="p", text="y"),)
                    ),
                ),
            ),
        ),
    )
    assert [b.path for b in model.iter_blocks(report)] == ["outer/blocks[0]", "outer/inner/p"]
    assert report.period_label == "2014-15"
