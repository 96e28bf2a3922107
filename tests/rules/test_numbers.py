"""Numbers and period labels as the consistency rules read them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from boardreport.rules._numbers import (
    financial_year_label,
    financial_year_of,
    financial_years,
    half_unit,
    number,
    show,
    sum_tolerance,
)


@pytest.mark.parametrize(
    ("label", "years"),
    [
        ("2014-15", {2014}),
        ("2014/15", {2014}),
        ("2014-2015", {2014}),
        ("2014 - 2015", {2014}),
        ("2014 – 2015", {2014}),
        ("14/15", {2014}),
        ("April 2013/14", {2013}),
        ("1999/00", {1999}),
        ("2013-14 and 2014-15", {2013, 2014}),
        ("31/03/2015", set()),
        ("2014", set()),
        ("2012-2015", set()),
        ("mid-2014 estimate", set()),
        ("", set()),
    ],
)
def test_financial_years_recognises_the_usual_forms(label: str, years: set[int]) -> None:
    """Consecutive year pairs in the usual notations are financial years; dates are not."""
    assert financial_years(label) == years


def test_financial_year_of_a_date() -> None:
    """1 April starts a financial year; 31 March ends it."""
    assert financial_year_of(dt.date(2014, 4, 1)) == 2014
    assert financial_year_of(dt.date(2015, 3, 31)) == 2014
    assert financial_year_label(2014) == "2014-15"
    assert financial_year_label(1999) == "1999-00"


def test_number_accepts_only_finite_numbers() -> None:
    """Text, booleans and NaN are not numbers."""
    assert number(3) == Decimal(3)
    assert number(Decimal("2.5")) == Decimal("2.5")
    assert number("3") is None
    assert number(True) is None
    assert number(Decimal("NaN")) is None
    assert number(Decimal("Infinity")) is None


def test_show_formats_for_messages() -> None:
    """Thousands separators, no needless decimals."""
    assert show(165226) == "165,226"
    assert show(Decimal("-280725")) == "-280,725"
    assert show(Decimal("58.40")) == "58.4"
    assert show(Decimal("100.00")) == "100"


def test_tolerances() -> None:
    """Integers add up exactly, rounded decimals within half a unit each, percentages 1 point."""
    assert half_unit([Decimal(1), Decimal(2)]) == 0
    assert half_unit([Decimal("1.25"), Decimal("2.5")]) == Decimal("0.005")
    assert sum_tolerance([Decimal(1), Decimal(2)], Decimal(3)) == 0
    assert sum_tolerance([Decimal("1.5"), Decimal("2.5")], Decimal("4.0")) == Decimal("0.10")
    assert sum_tolerance([Decimal(50), Decimal(50)], Decimal(100), percent=True) == 1
    parts = [Decimal(10)] * 4
    assert sum_tolerance(parts, Decimal(100), percent=True) == 2


def test_share_tolerance_follows_the_printed_precision() -> None:
    """Whole points must make exactly 100, one decimal 100.0; a rounding note allows more."""
    from boardreport.rules._numbers import share_tolerance

    whole = [Decimal(58), Decimal(25), Decimal(18)]
    assert share_tolerance(whole) == Decimal("0.5")
    assert share_tolerance([Decimal("58.1"), Decimal("41.9")]) == Decimal("0.05")
    assert share_tolerance(whole, "May not add up to 100 because of rounding.") == Decimal("1.5")


def test_years_of_a_label_or_a_span() -> None:
    """A label names its year; a span names every financial year it touches."""
    import datetime as dt
    from types import SimpleNamespace

    from boardreport.rules._numbers import years_of

    assert years_of("2015-16") == {2015}
    span = SimpleNamespace(start=dt.date(2016, 4, 1), end=dt.date(2019, 3, 31))
    assert years_of(span) == {2016, 2017, 2018}
    assert years_of(None) == set()
