"""Every chart plots exactly its table's values: one mark per row and column, never a sum of
rows the table shows apart (two rows that share a name stay two bars).

Run on every report the tests hold: the reference report, the fixtures and tests/corpus/.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from boardreport import blocks, model
from boardreport.errors import LoadError
from boardreport.io import load
from boardreport.render.vega import CATEGORY, SERIES, VALUE, category_labels, render_vega

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = sorted(
    {
        p.parent
        for base in (ROOT / "reports", ROOT / "tests" / "fixtures", ROOT / "tests" / "corpus")
        if base.is_dir()
        for p in base.rglob("report.toml")
    }
)


def _loaded(folder: Path) -> model.Report | None:
    try:
        return load(folder)
    except LoadError:
        return None  # a fixture of bad input: it has no charts to draw


def _expected(chart: model.Chart, table: model.Table) -> list[tuple[str, str, float | None]]:
    x = table.column_index(chart.x)
    assert x is not None
    labels = category_labels(table, x)
    cells = []
    for row, label in zip(table.rows, labels, strict=True):
        for key in chart.y:
            index = table.column_index(key)
            assert index is not None
            value = row[index] if index < len(row) else ""
            number = None if isinstance(value, str) else float(Decimal(value))
            cells.append((label, table.columns[index].label, number))
    return cells


def test_the_reports_are_found() -> None:
    """The reference report and the fixture report are among the folders checked."""
    names = {f.name for f in FOLDERS}
    assert {"wolverhampton_2014_15", "report"} <= names


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: str(f.relative_to(ROOT)))
def test_every_chart_plots_its_tables_values(folder: Path) -> None:
    """The spec's data is the table's cells, row by row and column by column, each row's
    label unique, so nothing is stacked or summed that the table keeps apart."""
    report = _loaded(folder)
    if report is None:
        return
    tables = blocks.all_tables(report)
    specs = render_vega(report)
    for located in model.iter_blocks(report, model.Chart):
        chart = located.item
        values = specs[chart.id]["data"]["values"]
        plotted = [(v[CATEGORY], v[SERIES], v[VALUE]) for v in values]
        assert plotted == _expected(chart, tables[chart.table]), chart.id
        keys = [(category, series) for category, series, _ in plotted]
        assert len(keys) == len(set(keys)), chart.id


def test_rows_that_share_a_name_stay_two_bars() -> None:
    """The Board attendance table has two "City of Wolverhampton College" rows (50% and
    100%): the chart has two bars, never one of 150%."""
    report = load(ROOT / "reports" / "wolverhampton_2014_15")
    spec = render_vega(report)["board-attendance-2014-15-chart"]
    college = [v for v in spec["data"]["values"] if "City of Wolverhampton College" in v[CATEGORY]]
    assert sorted(v[VALUE] for v in college) == [50.0, 100.0]
    assert len({v[CATEGORY] for v in college}) == 2
