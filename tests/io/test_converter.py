"""The converter: independent instances, stated unknowns and bounds in every figure field."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from cattrs.errors import ClassValidationError

import boardreport
from boardreport import model
from boardreport.errors import LoadError
from boardreport.io._converter import converter, make_converter

ROOT = """\
board = "Testshire Safeguarding Children Board"
area = "Testshire"
title = "Annual Report 2015-16"
period_start = 2015-04-01
period_end = 2016-03-31
"""


def test_make_converter_builds_an_independent_converter() -> None:
    """A hook changed on a new converter leaves the shared one, and blocks, to themselves."""
    mine = make_converter()
    mine.register_structure_hook(str, lambda value, _: str(value).upper())
    data = {"type": "prose", "text": "hello"}
    assert mine.structure(data, model.Block) == model.Prose(text="HELLO")
    assert converter().structure(data, model.Block) == model.Prose(text="hello")
    assert mine is not converter()


def test_block_hooks_use_their_own_converter() -> None:
    """Unstructuring a block through a new converter goes through that converter's hooks."""
    mine = make_converter()
    mine.register_unstructure_hook(str, lambda value: f"<{value}>")
    data = mine.unstructure(model.Prose(text="x"), model.Block)
    assert data == {"type": "prose", "text": "<x>"}


def test_a_figure_field_takes_a_number_an_unknown_or_a_bound() -> None:
    """KPI values, table cells and counts load as numbers, Unknowns and Bounds."""
    report = boardreport.loads(
        ROOT
        + """
[[sections]]
id = "figures"
title = "Figures"

[[sections.blocks]]
type = "kpi"
label = "Contacts"
value = { relation = "more_than", value = 5000, text = "over 5,000" }

[[sections.blocks]]
type = "table"
id = "plans"
caption = "Plans"
columns = [{ key = "c", label = "Category" }, { key = "n", label = "N", type = "integer" }]
rows = [["Neglect", 12], ["Sexual abuse", { reason = "suppressed", marker = "x" }]]

[[sections.blocks]]
type = "child_death_review"
panel = "Panel"
deaths_reviewed = { reason = "not_published" }
modifiable = 3
"""
    )
    kpi, table, deaths = report.sections[0].blocks
    assert kpi.value == model.Bound(
        relation=model.BoundRelation.MORE_THAN, value=5000, text="over 5,000"
    )
    assert table.rows[1][1] == model.Unknown(reason=model.UnknownReason.SUPPRESSED, marker="x")
    assert deaths.deaths_reviewed == model.Unknown(reason=model.UnknownReason.NOT_PUBLISHED)
    assert deaths.modifiable == 3


def test_a_bare_marker_where_a_count_goes_says_how_to_state_an_unknown() -> None:
    """'x' written as a count is rejected with the way to write a stated unknown."""
    with pytest.raises(LoadError) as caught:
        boardreport.loads(
            ROOT
            + """
[[sections]]
id = "deaths"
title = "Child deaths"

[[sections.blocks]]
type = "child_death_review"
panel = "Panel"
deaths_reviewed = "x"
"""
        )
    (problem,) = caught.value.problems
    assert problem.line == 14
    assert problem.path == "sections[0].blocks[0].deaths_reviewed"
    assert "expected a whole number or a stated unknown, got the text 'x'" in problem.message
    assert '{ reason = "not_published" }' in problem.message


def test_a_table_that_is_neither_unknown_nor_bound_is_refused() -> None:
    """A table in a figure field needs `reason` or `relation`."""
    with pytest.raises(LoadError) as caught:
        boardreport.loads(
            ROOT
            + """
[[sections]]
id = "kpis"
title = "KPIs"

[[sections.blocks]]
type = "kpi"
label = "Contacts"
value = { why = "not_published" }
"""
        )
    (problem,) = caught.value.problems
    assert problem.path == "sections[0].blocks[0].value"
    assert "'reason' key or a 'relation' key" in problem.message


def test_a_bad_reason_is_located_inside_the_unknown() -> None:
    """An unknown reason is reported at the reason key, with the allowed values."""
    with pytest.raises(LoadError) as caught:
        boardreport.loads(
            ROOT
            + """
[[sections]]
id = "kpis"
title = "KPIs"

[[sections.blocks]]
type = "kpi"
label = "Contacts"
value = { reason = "not_publishd" }
"""
        )
    (problem,) = caught.value.problems
    assert problem.path == "sections[0].blocks[0].value.reason"
    assert "did you mean 'not_published'?" in problem.message


def test_counts_refuse_decimals_and_python_refuses_text() -> None:
    """A count is whole; the model refuses a text count built in Python."""
    with pytest.raises(TypeError, match="whole number or a stated unknown"):
        model.ChildDeathReview(panel="P", deaths_reviewed="x")  # type: ignore[arg-type]
    with pytest.raises(ClassValidationError):
        converter().structure(
            {"panel": "P", "deaths_reviewed": Decimal("2.5")}, model.ChildDeathReview
        )


def test_unknowns_and_bounds_dump_back_losslessly() -> None:
    """io.dumps writes unknowns and bounds so that loading gives the same report."""
    unknown = model.Unknown(reason=model.UnknownReason.WITHHELD, marker="c", note="Police data")
    report = model.Report(
        board="B",
        area="A",
        title="T",
        period_start=dt.date(2015, 4, 1),
        period_end=dt.date(2016, 3, 31),
        sections=[
            model.Section(
                id="s",
                title="S",
                blocks=[
                    model.KPI(label="K", value=unknown),
                    model.Table(
                        id="t",
                        caption="T",
                        columns=[model.Column(key="a", label="A")],
                        rows=[
                            [
                                "r",
                                unknown,
                                model.Bound(relation=model.BoundRelation.FEWER_THAN, value=10),
                            ]
                        ],
                    ),
                ],
            )
        ],
    )
    text = boardreport.dumps(report)
    assert 'reason = "withheld"' in text
    assert boardreport.loads(text) == report


def test_a_budget_period_that_is_not_a_year_says_what_to_write() -> None:
    """An old free-text budget period is refused with the two ways to write a period."""
    with pytest.raises(LoadError) as caught:
        boardreport.loads(
            ROOT
            + """
[[sections]]
id = "budget"
title = "Budget"

[[sections.blocks]]
type = "budget"
period = "April 2015 to March 2016"
income = []
expenditure = []
"""
        )
    (problem,) = caught.value.problems
    assert problem.line == 13
    assert problem.path == "sections[0].blocks[0].period"
    assert '"2014-15"' in problem.message and "{ start = 2014-04-01" in problem.message


def test_months_periods_and_people_load_and_dump_back() -> None:
    """A month-only date, a plan period, chairs with dates and an in-kind line round-trip."""
    text = (
        ROOT
        + """publication_date = "2016-09"

[chair]
name = "New Chair"
start = "2015-09"

[[other_chairs]]
name = "Old Chair"
end = 2015-08-31

[[sections]]
id = "money"
title = "Money"

[[sections.blocks]]
type = "budget"
period = "2015/16"
brought_forward = 1000
income = [{ contributor = "Police", kind = "in_kind" }]
expenditure = []

[[sections.blocks]]
type = "budget"
period = { start = 2016-04-01, end = 2017-03-31, inferred = true }
kind = "planned"
income = []
expenditure = []

[[sections.blocks]]
type = "priority_area"
number = 1
title = "Neglect"
aim = "Aim"
plan_period = "2016-19"
"""
    )
    report = boardreport.loads(text)
    assert report.publication_date == model.Month(year=2016, month=9)
    assert report.chair is not None and report.chair.start == model.Month(year=2015, month=9)
    assert report.other_chairs[0].end == dt.date(2015, 8, 31)
    first, second, priority = report.sections[0].blocks
    assert str(first.period) == "2015/16" and first.income[0].amount is None
    assert second.period.inferred and second.kind is model.BudgetKind.PLANNED
    assert priority.plan_period == model.Period.financial_years(2016, 2018)
    dumped = boardreport.dumps(report)
    assert 'publication_date = "2016-09"' in dumped
    assert 'period = "2015/16"' in dumped and 'plan_period = "2016-19"' in dumped
    assert boardreport.loads(dumped) == report


def test_a_month_that_is_not_a_month_is_refused() -> None:
    """publication_date as free text says how to write a date or a month."""
    with pytest.raises(LoadError) as caught:
        boardreport.loads(ROOT + 'publication_date = "September 2016"\n')
    (problem,) = caught.value.problems
    assert problem.path == "publication_date"
    assert 'a month in quotes (for example "2016-09")' in problem.message
