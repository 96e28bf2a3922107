"""Vega-Lite specifications: built with Altair, validated, exact at the boundary, golden files."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from typing import Any

import attrs
import jsonschema  # type: ignore[import-untyped]  # no stubs installed
import pytest

from boardreport import model
from boardreport.errors import RenderError
from boardreport.model import Chart, ChartKind, Column, ColumnType, Table
from boardreport.render import render_vega
from boardreport.render.vega import chart_spec, chart_svg, chart_values, spec_json

from .support import FIXTURE, GOLDEN, assert_golden

TABLE = Table(
    id="t",
    caption="Contacts",
    columns=(
        Column(key="q", label="Quarter"),
        Column(key="a", label="2013-14", type=ColumnType.INTEGER),
        Column(key="b", label="Share", type=ColumnType.PERCENT),
        Column(key="c", label="Note"),
    ),
    rows=(("Q1", 10, Decimal("24.50"), "x"), ("Q2", 12, "", "y")),
)


def _chart(kind: ChartKind, y: tuple[str, ...] = ("a",), **changes: Any) -> Chart:
    return Chart(
        id="c", table="t", kind=kind, x="q", y=y, title="Contacts", description="Rising.", **changes
    )


def _schema() -> dict[str, Any]:
    from altair.vegalite.v6.schema import load_schema

    schema: dict[str, Any] = load_schema()
    return schema


def test_specs_match_their_golden_files(fixture_report: model.Report) -> None:
    """Each chart's specification (sorted keys, two-space indent) equals its golden file."""
    specs = render_vega(fixture_report)
    assert len(specs) == 6
    for chart_id, spec in specs.items():
        assert_golden(f"charts/{chart_id}.vl.json", spec_json(spec))
    stale = {p.name for p in (GOLDEN / "charts").glob("*.vl.json")} - {
        f"{c}.vl.json" for c in specs
    }
    assert stale == set()


def test_specs_validate_against_the_vega_lite_schema(fixture_report: model.Report) -> None:
    """Every specification is valid Vega-Lite (checked again here with jsonschema)."""
    validator = jsonschema.Draft7Validator(_schema())
    for spec in render_vega(fixture_report).values():
        validator.validate(spec)
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")


def test_each_spec_carries_the_chart_description(fixture_report: model.Report) -> None:
    """The chart's text alternative is the spec's description; its title is the spec's title."""
    specs = render_vega(fixture_report)
    for located in model.iter_blocks(fixture_report, Chart):
        chart = located.item
        assert specs[chart.id]["description"] == chart.description
        assert specs[chart.id]["title"] == chart.title


def test_decimals_become_floats_only_in_the_spec() -> None:
    """Decimals turn into floats, integers stay integers and blank cells become nulls."""
    values = chart_values(_chart(ChartKind.BAR, ("a", "b")), TABLE)
    assert [v["value"] for v in values] == [10, 24.5, 12, None]
    assert type(values[0]["value"]) is int and type(values[1]["value"]) is float
    assert isinstance(TABLE.rows[0][2], Decimal)  # the model keeps the exact value


def test_several_y_columns_become_one_folded_series() -> None:
    """Two y columns give one record per row and column, named by the column labels."""
    values = chart_values(_chart(ChartKind.GROUPED_BAR, ("a", "b")), TABLE)
    assert [(v["category"], v["series"]) for v in values] == [
        ("Q1", "2013-14"),
        ("Q1", "Share"),
        ("Q2", "2013-14"),
        ("Q2", "Share"),
    ]
    assert [(v["order"], v["series_order"]) for v in values] == [(0, 0), (0, 1), (1, 0), (1, 1)]


@pytest.mark.parametrize(
    ("kind", "mark", "offset"),
    [
        (ChartKind.BAR, "bar", "xOffset"),
        (ChartKind.GROUPED_BAR, "bar", "xOffset"),
        (ChartKind.STACKED_BAR, "bar", None),
        (ChartKind.HORIZONTAL_BAR, "bar", "yOffset"),
        (ChartKind.LINE, "line", None),
    ],
)
def test_each_kind_gets_its_mark_and_layout(kind: ChartKind, mark: str, offset: str | None) -> None:
    """Bars side by side use an offset channel; stacked bars stack; horizontal bars swap axes."""
    spec = chart_spec(_chart(kind, ("a", "b")), TABLE)
    assert spec["mark"]["type"] == mark
    encoding = spec["encoding"]
    assert encoding["color"]["field"] == "series"
    if offset:
        assert encoding[offset]["field"] == "series"
    else:
        assert "xOffset" not in encoding and "yOffset" not in encoding
    category = "y" if kind is ChartKind.HORIZONTAL_BAR else "x"
    assert encoding[category]["field"] == "category"
    assert encoding[category]["sort"] == {"field": "order", "op": "min", "order": "ascending"}
    if kind is ChartKind.STACKED_BAR:
        assert encoding["order"]["field"] == "series_order"


def test_one_series_has_no_legend() -> None:
    """A single y column needs no legend: the axis title names it."""
    spec = chart_spec(_chart(ChartKind.BAR), TABLE)
    assert spec["encoding"]["color"]["legend"] is None
    assert spec["encoding"]["y"]["title"] == "2013-14"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"x": "missing"}, "x column 'missing' is not in table 't'"),
        ({"y": ("c",)}, "y column 'c' holds text, not numbers"),
        ({"y": ()}, "names no y column"),
    ],
)
def test_a_bad_binding_is_a_render_error(changes: dict[str, Any], message: str) -> None:
    """A chart naming a missing column, a text column or no column fails with a clear message."""
    chart = attrs.evolve(_chart(ChartKind.BAR), **changes)
    with pytest.raises(RenderError, match=message):
        chart_spec(chart, TABLE)


def test_a_chart_bound_to_an_unknown_table_is_a_render_error(
    fixture_report: model.Report,
) -> None:
    """render_vega names the chart and the table it cannot find."""
    section = fixture_report.sections[0]
    broken = attrs.evolve(section, blocks=(*section.blocks, _chart(ChartKind.BAR)))
    report = attrs.evolve(fixture_report, sections=(broken, *fixture_report.sections[1:]))
    with pytest.raises(RenderError, match="chart 'c' is bound to table 't'"):
        render_vega(report)


@pytest.mark.parametrize("kind", list(ChartKind))
def test_labels_cannot_break_out_into_chart_expressions(kind: ChartKind) -> None:
    """Quotes, backslashes, line separators and control characters in titles, labels and
    categories neither break the chart nor reach Vega's expression code."""
    evil = 'x"\\" + (1) + "\\\u2028\n\u2029\x00\x1f\ud800 </script>'
    table = attrs.evolve(
        TABLE,
        columns=tuple(attrs.evolve(c, label=c.label + evil, unit=evil) for c in TABLE.columns),
        rows=tuple((str(r[0]) + evil, *r[1:]) for r in TABLE.rows),
    )
    chart = _chart(kind, ("a", "b"), x_title=evil, y_title=evil)
    chart = attrs.evolve(chart, title=evil, description=evil)
    spec = chart_spec(chart, table)
    svg = chart_svg(spec)
    assert svg.startswith("<svg") and "</script>" not in svg
    assert "\x00" not in json.dumps(spec) and "\\u0000" not in json.dumps(spec)


def test_drawing_a_chart_needs_no_network(fixture_report: model.Report) -> None:
    """vl-convert draws each chart as SVG with no base URL allowed for loading data."""
    for spec in render_vega(fixture_report).values():
        svg = chart_svg(spec)
        assert svg.startswith("<svg") and 'class="marks"' in svg


def test_importing_boardreport_or_checking_never_imports_altair() -> None:
    """Altair loads only when charts are rendered, not for import or `boardreport check`."""
    code = (
        "import sys, contextlib, io\n"
        "import boardreport, boardreport.render, boardreport.render.vega\n"
        "from boardreport.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', {str(FIXTURE)!r}])\n"
        "before = 'altair' in sys.modules\n"
        "boardreport.render.render_vega(boardreport.load(" + repr(str(FIXTURE)) + "))\n"
        "print(before, 'altair' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.split() == ["False", "True"]


def test_import_time_of_boardreport_has_no_altair() -> None:
    """`python -X importtime -c "import boardreport"` lists no altair module."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import boardreport, boardreport.render.vega"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()]
    assert "boardreport.render.vega" in imported
    assert not [m for m in imported if m.split(".")[0] == "altair"]
