"""The model's own behaviour: exact numbers, placeholders and the tables typed blocks present."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from boardreport import blocks, model


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
    tables = blocks.derived_tables(budget)
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
    assert sorted(blocks.derived_tables(review)) == ["cdop-age", "cdop-age-2"]


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


def test_financial_years_are_read_as_periods() -> None:
    """ "2014-15", "2014/15", "2014-2015" and a plan's "2016-19" are periods of whole years."""
    assert model.Period.parse("2014-15") == model.Period.financial_years(2014)
    plan = model.Period.parse("2016-19")
    assert plan is not None
    assert (plan.start, plan.end) == (dt.date(2016, 4, 1), dt.date(2019, 3, 31))
    assert plan.financial_year_starts == (2016, 2017, 2018)
    written = model.Period.parse("2014/15")
    assert written is not None and str(written) == "2014/15"
    assert written.financial_label == "2014-15"
    for text in ("April 2014", "2014-13", "31/03", "2014-45"):
        assert model.Period.parse(text) is None, text


def test_a_period_ends_after_it_starts() -> None:
    """A period's end may not come before its start."""
    with pytest.raises(ValueError, match="before 'start'"):
        model.Period(start=dt.date(2015, 4, 1), end=dt.date(2015, 3, 31))


def test_a_month_has_a_first_and_last_day() -> None:
    """A month known only to the month spans its days; its last day is used for comparisons."""
    month = model.Month(year=2016, month=2)
    assert (month.first_day(), month.last_day()) == (dt.date(2016, 2, 1), dt.date(2016, 2, 29))
    assert model.Month(year=2015, month=12).last_day() == dt.date(2015, 12, 31)
    assert model.latest_day(month) == dt.date(2016, 2, 29)
    assert model.parse_month("2016-13") is None
    with pytest.raises(ValueError):
        model.Month(year=2016, month=0)


def test_budgets_say_their_kind_and_year() -> None:
    """A budget's period is a Period (text accepted in Python) and its kind is said in words."""
    line = model.ExpenditureLine(item="Staff", amount=1)
    budget = model.Budget(
        period="2016-17", kind=model.BudgetKind.OUTLINE, income=[], expenditure=[line]
    )
    assert budget.period == model.Period.financial_years(2016)
    assert budget.description == "outline budget for 2016-17"
    assert model.Budget(period="2015-16", income=[], expenditure=[]).description == (
        "budget for 2015-16"
    )
    with pytest.raises(ValueError, match="not a financial year"):
        model.Budget(period="next year", income=[], expenditure=[])


def test_only_a_contribution_in_kind_may_have_no_amount() -> None:
    """An in-kind line may leave out its amount; a cash line may not."""
    line = model.IncomeLine(contributor="Police", kind=model.IncomeKind.IN_KIND)
    assert line.amount is None
    with pytest.raises(ValueError, match="contribution in kind"):
        model.IncomeLine(contributor="Police")


def test_stated_unknowns_say_their_marker_or_reason() -> None:
    """A phrase marker is said as it is, a symbol with its reason, no marker as the reason."""
    suppressed = model.UnknownReason.SUPPRESSED
    assert str(model.Unknown(reason=suppressed, marker="fewer than 5")) == "fewer than 5"
    assert str(model.Unknown(reason=suppressed, marker="x")) == "suppressed (x)"
    assert str(model.Unknown(reason=model.UnknownReason.NOT_KNOWN)) == "not known"
    assert model.is_stated(model.Unknown(reason=suppressed))
    assert not model.is_stated(0)


def test_pages_are_page_numbers() -> None:
    """A page is a number, a roman numeral or a range."""
    for page in ("12", "12-13", "iv", "ii–iii"):
        assert model.Table(id="t", caption="T", columns=[], rows=[], page=page).page == page
    with pytest.raises(ValueError, match="page number"):
        model.Table(id="t", caption="T", columns=[], rows=[], page="see appendix")


def test_table_bands_list_each_column_once() -> None:
    """A table printed in parts names every column after the row labels in exactly one part."""
    columns = [model.Column(key=k, label=k.title()) for k in ("year", "a", "b", "c")]
    table = model.Table(id="t", caption="T", columns=columns, rows=[], bands=[["a", "b"], ["c"]])
    assert table.bands == (("a", "b"), ("c",))
    for bands in ([["a", "b"]], [["a", "b"], ["b", "c"]], [["a", "b", "c"], []], [["year", "a"]]):
        with pytest.raises(ValueError, match="each column after the first exactly once"):
            model.Table(id="t", caption="T", columns=columns, rows=[], bands=bands)


def test_breakdown_counts_are_whole_numbers_or_stated_unknowns() -> None:
    """A breakdown's count may be withheld, but never text."""
    suppressed = model.Unknown(reason=model.UnknownReason.SUPPRESSED, marker="x")
    breakdown = model.Breakdown(label="Sex", counts=[["Female", 9], ["Male", suppressed]])
    assert breakdown.counts[1][1] == suppressed
    with pytest.raises(TypeError, match="whole number or a stated unknown"):
        model.Breakdown(label="Sex", counts=[["Female", "x"]])


def test_a_slug_of_nothing_takes_the_name_it_is_given() -> None:
    """An anchor needs a name: a text with no letter or digit slugs to ``empty``."""
    assert model.slug("Review of Child Deaths") == "review-of-child-deaths"
    assert model.slug("—", empty="item") == "item"
    assert model.slug("—") == ""
