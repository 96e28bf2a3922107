"""Numbers, money, percentages, dates and comparisons written out the same way everywhere."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from boardreport import formatting as fmt
from boardreport.model import ColumnType, ExpenditureCategory, Polarity, StatutoryPartner


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1234567, "1,234,567"),
        (Decimal("1500.50"), "1,500.50"),
        (Decimal("1E+3"), "1,000"),
        (-15000, "-15,000"),
        (0, "0"),
    ],
)
def test_numbers_keep_their_published_precision(value: int | Decimal, text: str) -> None:
    """Thousands are separated and a decimal keeps the digits it was published with."""
    assert fmt.number(value) == text


def test_money_percent_and_units() -> None:
    """Money gets its currency symbol (sign first), percentages a % and other units a space."""
    assert fmt.money(-15000) == "-£15,000"
    assert fmt.money(Decimal("6250.5"), "EUR") == "€6,250.5"
    assert fmt.money(10, "JPY") == "JPY 10"
    assert fmt.percent(Decimal("83.3")) == "83.3%"
    assert fmt.with_unit(18, "%") == "18%"
    assert fmt.with_unit(40, "£") == "£40"
    assert fmt.with_unit(512, "per 10,000 children") == "512 per 10,000 children"
    assert fmt.with_unit(5, "") == "5"


def test_cells_are_formatted_by_column_type() -> None:
    """Text stays text; numbers follow their column's type."""
    assert fmt.cell("Q1", ColumnType.MONEY) == "Q1"
    assert fmt.cell(1620, ColumnType.MONEY) == "£1,620"
    assert fmt.cell(Decimal("24.5"), ColumnType.PERCENT) == "24.5%"
    assert fmt.cell(1210, ColumnType.INTEGER) == "1,210"


def test_cells_without_signs_are_bare_figures() -> None:
    """A column whose heading states its unit prints its figures without % or currency sign."""
    assert fmt.cell(Decimal("24.5"), ColumnType.PERCENT, signs=False) == "24.5"
    assert fmt.cell(-1620, ColumnType.MONEY, signs=False) == "-1,620"
    assert fmt.cell("n/a", ColumnType.PERCENT, signs=False) == "n/a"


def test_dates_and_enumerations_read_as_words() -> None:
    """Dates are British; enumeration values are written as words with their acronyms."""
    assert fmt.date(dt.date(2015, 3, 31)) == "31 March 2015"
    assert (
        fmt.words(StatutoryPartner.CLINICAL_COMMISSIONING_GROUP) == "Clinical commissioning group"
    )
    assert fmt.words(StatutoryPartner.NHS_ENGLAND) == "NHS England"
    assert fmt.words(ExpenditureCategory.IT) == "IT"


@pytest.mark.parametrize(
    ("value", "other", "polarity", "comparison", "judgement"),
    [
        (18, 21, Polarity.LOWER_IS_BETTER, "lower than", "better"),
        (18, 21, Polarity.HIGHER_IS_BETTER, "lower than", "worse"),
        (25, 21, Polarity.LOWER_IS_BETTER, "higher than", "worse"),
        (25, 21, Polarity.NEUTRAL, "higher than", ""),
        (21, 21, Polarity.HIGHER_IS_BETTER, "the same as", ""),
    ],
)
def test_comparisons_are_words_with_a_judgement_only_when_meaningful(
    value: int, other: int, polarity: Polarity, comparison: str, judgement: str
) -> None:
    """Direction is said in words, and better or worse only when the KPI has a polarity."""
    assert fmt.comparison(value, other) == comparison
    assert fmt.judgement(value, other, polarity) == judgement


def test_stated_unknowns_and_bounds_are_never_shown_as_numbers() -> None:
    """An unknown shows its marker or reason in every format; a bound its words and limit."""
    from boardreport import formatting as fmt
    from boardreport import model

    unknown = model.Unknown(reason=model.UnknownReason.SUPPRESSED, marker="fewer than 5")
    assert fmt.number(unknown) == "fewer than 5"
    assert fmt.money(model.Unknown(reason=model.UnknownReason.NOT_PUBLISHED)) == "not published"
    assert fmt.with_unit(model.Unknown(reason=model.UnknownReason.WITHHELD), "%") == "withheld"
    bound = model.Bound(relation=model.BoundRelation.MORE_THAN, value=5000)
    assert fmt.number(bound) == "over 5,000"
    assert fmt.money(bound) == "over £5,000"
    assert fmt.percent(model.Bound(relation=model.BoundRelation.AT_MOST, value=5)) == "at most 5%"
    assert fmt.date(model.Month(year=2016, month=9)) == "September 2016"
    assert fmt.on_date(model.Month(year=2016, month=9)) == "in September 2016"
    assert fmt.span(model.Month(year=2015, month=9), None) == "from September 2015"
