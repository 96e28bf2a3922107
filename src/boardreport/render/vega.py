"""Vega-Lite specifications of a report's charts, built with Altair.

This is the only module that imports Altair, and it does so inside functions: importing
boardreport, or running ``boardreport check``, never pays Altair's start-up time. Values are exact
``Decimal``s in the model; they become floats here, at the boundary, and nowhere else.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from boardreport import blocks as block_kinds
from boardreport import model
from boardreport.cache import Cache, code_version, installed_version
from boardreport.errors import RenderError
from boardreport.model import Chart, ChartKind, ColumnType, Report, Table

CATEGORY = "category"
SERIES = "series"
VALUE = "value"
ORDER = "order"
SERIES_ORDER = "series_order"

WIDTH = 560
HEIGHT = 300
BAND = 26
"""Height in pixels of one category (or one bar of a group) in a horizontal bar chart."""

MAX_CHART_TEXT = 200
"""Longest title or label drawn in a chart: vl-convert's time grows with the square of a text's
length (60,000 characters take 20 seconds). Longer text is cut short in the drawing; the page
shows it whole in the chart's caption, description and table."""
MAX_CHART_ID = 100
"""Longest chart id: it names the chart's files, and file names are limited (255 bytes)."""
MAX_CHART_VALUES = 2000
"""Most values (rows times series) one chart draws; a larger table is shown as a table."""

PALETTE = ("#610924", "#504272", "#3a6f31", "#a57101", "#44a2a0")
"""Series colours, darkest first: each at least 3:1 against white (WCAG 1.4.11), and every pair
at least 8 CIEDE2000 apart in normal vision, in protanopia and deuteranopia (Machado 2009) and
in greyscale (a test checks this). A chart with more series repeats colours; its dash patterns
still tell the series apart."""

DASHES = ((1, 0), (6, 3), (2, 2), (8, 3, 2, 3), (1, 3), (10, 2), (4, 4))
"""Outline (bars) and line dash patterns, one per series, so series differ without colour."""

OUTLINE = "#1a1a1a"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def spec_value(text: str) -> str:
    """Remove characters that SVG (XML) cannot hold; vl-convert aborts the process on them."""
    return _NOT_XML.sub("", text)


def spec_text(text: str) -> str:
    """Make text safe for the places Vega-Lite copies into chart expressions (axis titles).

    Vega-Lite quotes those strings but does not escape backslashes or line breaks, so a title
    could end its string early: line breaks become spaces and backslashes a look-alike.
    """
    return " ".join(spec_value(text).replace("\\", "\u29f5").split())


def drawn_text(text: str) -> str:
    """``text`` as a chart draws it: safe for Vega-Lite (see :func:`spec_text`), and cut short
    past MAX_CHART_TEXT characters."""
    safe = spec_text(text)
    return safe if len(safe) <= MAX_CHART_TEXT else safe[: MAX_CHART_TEXT - 1].rstrip() + "\u2026"


def _drawn_labels(labels: list[str]) -> dict[str, str]:
    """Each distinct label as drawn: cut short like :func:`drawn_text`, and still distinct."""
    drawn: dict[str, str] = {}
    taken: set[str] = set()
    for label in dict.fromkeys(labels):
        short = spec_value(label)
        if len(short) > MAX_CHART_TEXT:
            short = short[: MAX_CHART_TEXT - 1] + "\u2026"
        candidate, number = short, 1
        while candidate in taken:
            number += 1
            candidate = f"{short} ({number})"
        taken.add(candidate)
        drawn[label] = candidate
    return drawn


_EXACT = 2**53
"""Largest integer a chart (drawn in doubles) holds exactly; larger ones are drawn as floats."""


def _float(value: model.Cell) -> int | float | None:
    """Convert a cell to a JSON number: ints stay ints, Decimals become floats.

    Text, stated unknowns and bounds are missing values: never drawn as 0.
    """
    if isinstance(value, bool | str | model.Unknown | model.Bound):
        return None
    if isinstance(value, int) and abs(value) <= _EXACT:
        return value
    try:  # beyond the loader's limits only in a report built in Python
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _column(table: Table, key: str, chart: Chart, role: str) -> int:
    index = table.column_index(key)
    if index is None:
        known = ", ".join(c.key for c in table.columns)
        msg = f"chart '{chart.id}': {role} column '{key}' is not in table '{table.id}' ({known})"
        raise RenderError(msg)
    return index


def _axis_title(table: Table, keys: tuple[str, ...], given: str) -> str:
    if given:
        return given
    columns = [c for c in table.columns if c.key in keys]
    if len(columns) == 1:
        column = columns[0]
        return f"{column.label} ({column.unit})" if column.unit else column.label
    units = {c.unit or c.type.value for c in columns}
    if units == {ColumnType.PERCENT.value}:
        return "Percentage"
    if units == {ColumnType.MONEY.value}:
        return "Amount (£)"
    return "Value"


def category_labels(table: Table, x_index: int) -> list[str]:
    """The chart label of each table row: its x cell, numbered when rows share it.

    Vega-Lite draws one bar per distinct category and stacks the values of rows that share
    one, so a name the table shows in two rows becomes "name (1)" and "name (2)".
    """
    texts = [spec_value(str(row[x_index])) if x_index < len(row) else "" for row in table.rows]
    counts = Counter(texts)
    seen: Counter[str] = Counter()
    labels = []
    for text in texts:
        if counts[text] > 1:
            seen[text] += 1
            labels.append(f"{text} ({seen[text]})")
        else:
            labels.append(text)
    return labels


def chart_values(chart: Chart, table: Table) -> list[dict[str, Any]]:
    """Return the chart's data in long form: one record per row and y column (a folded series).

    ``order`` and ``series_order`` keep the table's row and column order; sorting by them (not
    by lists of labels, which Vega-Lite would copy into expression code) keeps labels as data.

    Raises:
        RenderError: when a named column is missing or a y column does not hold numbers.
    """
    x_index = _column(table, chart.x, chart, "x")
    if not chart.y:
        msg = f"chart '{chart.id}' names no y column"
        raise RenderError(msg)
    y_columns: list[tuple[int, model.Column]] = []
    for key in chart.y:
        index = _column(table, key, chart, "y")
        column = table.columns[index]
        if column.type not in model.NUMERIC_COLUMNS:
            msg = f"chart '{chart.id}': y column '{key}' holds {column.type.value}, not numbers"
            raise RenderError(msg)
        y_columns.append((index, column))
    if len(table.rows) * len(y_columns) > MAX_CHART_VALUES:
        msg = (
            f"chart '{chart.id}' would draw {len(table.rows) * len(y_columns):,} values; a chart "
            f"draws at most {MAX_CHART_VALUES:,}, so show this table without a chart"
        )
        raise RenderError(msg)
    labels = category_labels(table, x_index)
    categories = _drawn_labels(labels)
    series = _drawn_labels([column.label for _, column in y_columns])
    records: list[dict[str, Any]] = []
    for order, (row, label) in enumerate(zip(table.rows, labels, strict=True)):
        for series_order, (index, column) in enumerate(y_columns):
            records.append(
                {
                    CATEGORY: categories[label],
                    SERIES: series[column.label],
                    VALUE: _float(row[index]) if index < len(row) else None,
                    ORDER: order,
                    SERIES_ORDER: series_order,
                }
            )
    return records


def _value_format(table: Table, keys: tuple[str, ...]) -> str:
    kinds = {c.type for c in table.columns if c.key in keys}
    return ",.2~f" if kinds & {ColumnType.DECIMAL, ColumnType.PERCENT, ColumnType.MONEY} else ",d"


def chart_spec(chart: Chart, table: Table) -> dict[str, Any]:
    """Build and validate the Vega-Lite specification of ``chart`` drawn from ``table``.

    Raises:
        RenderError: when the chart names a column the table does not have, or a text column.
    """
    import altair as alt

    values = chart_values(chart, table)
    categories = list(dict.fromkeys(r[CATEGORY] for r in values))
    series = list(dict.fromkeys(r[SERIES] for r in values))
    many = len(series) > 1
    x_column = table.columns[_column(table, chart.x, chart, "x")]
    category_title = drawn_text(chart.x_title or x_column.label)
    value_title = drawn_text(_axis_title(table, chart.y, chart.y_title))
    value_format = _value_format(table, chart.y)
    long_labels = len(categories) > 6 or any(len(c) > 12 for c in categories)
    in_order = alt.EncodingSortField(field=ORDER, op="min", order="ascending")
    series_in_order = alt.EncodingSortField(field=SERIES_ORDER, op="min", order="ascending")
    series_scale = alt.Scale(domain=series)
    legend = alt.Legend(orient="bottom") if many else None
    dashes = alt.StrokeDash(
        f"{SERIES}:N",
        title=None,
        scale=alt.Scale(domain=series, range=[list(d) for d in DASHES]),
        legend=legend,
    )

    colour = alt.Color(
        f"{SERIES}:N",
        title=None,
        scale=alt.Scale(domain=series, range=list(PALETTE)),
        legend=legend,
    )
    # Vega-Lite writes tooltip titles into expression code without escaping backslashes, so
    # they are fixed words here, never report text
    tooltip = [
        alt.Tooltip(f"{CATEGORY}:N", title="Category"),
        alt.Tooltip(f"{SERIES}:N", title="Series"),
        alt.Tooltip(f"{VALUE}:Q", title="Value", format=value_format),
    ]
    data = alt.Data(values=values)  # type: ignore[no-untyped-call]  # untyped in altair 6
    base = alt.Chart(data, title=drawn_text(chart.title), description=spec_text(chart.description))
    category_axis = alt.Axis(labelAngle=-40 if long_labels else 0)
    value_axis = alt.Axis(format=value_format, tickMinStep=1)

    if chart.kind is ChartKind.HORIZONTAL_BAR:
        per_category = len(series) if many else 1
        encoded = base.mark_bar(stroke=OUTLINE, strokeWidth=1.5).encode(
            y=alt.Y(
                f"{CATEGORY}:N",
                sort=in_order,
                title=category_title,
            ),
            x=alt.X(f"{VALUE}:Q", title=value_title, axis=value_axis),
            color=colour,
            tooltip=tooltip,
        )
        if many:
            encoded = encoded.encode(
                yOffset=alt.YOffset(f"{SERIES}:N", sort=series_in_order), strokeDash=dashes
            )
        spec = encoded.properties(width=WIDTH, height=BAND * per_category * len(categories))
    elif chart.kind is ChartKind.LINE:
        spec = (
            base.mark_line(point=True, strokeWidth=2)
            .encode(
                x=alt.X(f"{CATEGORY}:O", sort=in_order, title=category_title, axis=category_axis),
                y=alt.Y(f"{VALUE}:Q", title=value_title, axis=value_axis),
                color=colour,
                strokeDash=dashes,
                shape=alt.Shape(f"{SERIES}:N", scale=series_scale, legend=None),
                tooltip=tooltip,
            )
            .properties(width=WIDTH, height=HEIGHT)
        )
    else:
        encoded = base.mark_bar(stroke=OUTLINE, strokeWidth=1.5).encode(
            x=alt.X(f"{CATEGORY}:N", sort=in_order, title=category_title, axis=category_axis),
            y=alt.Y(f"{VALUE}:Q", title=value_title, axis=value_axis),
            color=colour,
            tooltip=tooltip,
        )
        if many and chart.kind is ChartKind.STACKED_BAR:
            encoded = encoded.encode(
                order=alt.Order(f"{SERIES_ORDER}:Q", sort="ascending"), strokeDash=dashes
            )
        elif many:
            encoded = encoded.encode(
                xOffset=alt.XOffset(f"{SERIES}:N", sort=series_in_order), strokeDash=dashes
            )
        spec = encoded.properties(width=WIDTH, height=HEIGHT)

    # labels are never cut short (limit 0): a truncated agency name loses its meaning, and
    # vl-convert measures a label again for every character it tries to drop
    # the page describes each chart once, in words and in its table; Vega's own ARIA labels
    # would read it again and name internal fields ("series_order: 0") on every mark
    configured = (
        spec.configure(aria=False)
        .configure_axis(labelFontSize=12, titleFontSize=12, labelLimit=0)
        .configure_legend(labelLimit=0)
        .configure_title(fontSize=14, anchor="start")
        .configure_view(stroke=None)
    )
    result: dict[str, Any] = configured.to_dict(validate=True)
    return result


class ChartError(RenderError):
    """A chart that cannot be drawn; ``path`` is its stable report path (for file and line)."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


def chart_table(report: Report, chart: Chart, tables: dict[str, Table] | None = None) -> Table:
    """Return the table ``chart`` is bound to.

    Raises:
        RenderError: when no table (written or derived from a typed block) has that id.
    """
    known = block_kinds.all_tables(report) if tables is None else tables
    table = known.get(chart.table)
    if table is None:
        msg = (
            f"chart '{chart.id}' is bound to table '{chart.table}', which the report does not have"
        )
        raise RenderError(msg)
    return table


def render_vega(
    report: Report,
    *,
    cache: Cache | None = None,
    tables: dict[str, Table] | None = None,
    drawings: dict[str, Callable[[], str]] | None = None,
) -> dict[str, dict[str, Any]]:
    """Return the validated Vega-Lite specification of every chart, keyed by chart id.

    With a ``cache``, a chart whose definition, data and drawing code are unchanged since an
    earlier build is read from it instead of being built with Altair again. ``tables`` are the
    report's tables (:func:`boardreport.blocks.all_tables`) when already computed. Given
    ``drawings``, each chart's drawing is started (:func:`start_svg`) as soon as its
    specification is made, and the chart engine before Altair is first needed, so that the
    worker draws while the rest is built; the function that waits for each chart's SVG is
    put in ``drawings`` under its id.
    """
    tables = block_kinds.all_tables(report) if tables is None else tables
    specs: dict[str, dict[str, Any]] = {}
    for located in model.iter_blocks(report, Chart):
        chart: Chart = located.item
        if len(chart.id) > MAX_CHART_ID:
            msg = (
                f"chart id of {len(chart.id):,} characters; a chart's id names its files, so "
                f"it may have at most {MAX_CHART_ID}"
            )
            raise ChartError(msg, located.path)
        try:
            table = chart_table(report, chart, tables)
            specs[chart.id] = _spec(chart, table, cache, ahead=drawings is not None)
            if drawings is not None:
                drawings[chart.id] = start_svg(
                    specs[chart.id], cache=cache, name=f"chart '{chart.id}'"
                )
        except ChartError:
            raise
        except RenderError as exc:
            raise ChartError(str(exc), located.path) from None
    return specs


def _spec(chart: Chart, table: Table, cache: Cache | None, *, ahead: bool) -> dict[str, Any]:
    """The chart's specification, from ``cache`` if kept; ``ahead``: a chart built afresh will
    be drawn, so the chart engine is started first (a new specification is a new drawing)."""
    key = (_code_version(), repr(chart), repr(table)) if cache is not None else ()
    kept = cache.get("vega-lite", key) if cache is not None else None
    if isinstance(kept, dict):
        return kept
    if ahead:
        from boardreport.render import _draw

        _draw.prestart()
    spec = chart_spec(chart, table)
    if cache is not None:
        cache.put("vega-lite", key, spec)
    return spec


@functools.cache
def _code_version() -> str:
    """What a cached spec depends on besides its chart and table: this module and Altair."""
    return code_version([Path(__file__)], [("altair", "altair")])


def spec_json(spec: dict[str, Any]) -> str:
    """Serialise a specification the same way every time: sorted keys, two-space indent."""
    return json.dumps(spec, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


_SVG_OPEN = re.compile(r"<svg\b[^>]*>")


def labelled_svg(svg: str, spec: dict[str, Any]) -> str:
    """Give a standalone SVG drawing a ``<title>`` and ``<desc>`` (the chart's title and
    description) that screen readers announce, with ``role="img"`` on the root element."""
    from xml.sax.saxutils import escape

    title = spec.get("title", "")
    title = title.get("text", "") if isinstance(title, dict) else str(title)
    description = str(spec.get("description", ""))
    match = _SVG_OPEN.search(svg)
    if match is None or "<title" in svg[: match.end() + 20]:
        return svg
    opening = match.group(0)
    opened = opening[:-1].rstrip("/") + ' role="img" aria-labelledby="chart-title chart-desc">'
    labels = (
        f'<title id="chart-title">{escape(spec_value(title))}</title>'
        f'<desc id="chart-desc">{escape(spec_value(description))}</desc>'
    )
    return svg[: match.start()] + opened + labels + svg[match.end() :]


def chart_svg(spec: dict[str, Any], *, cache: Cache | None = None, name: str = "a chart") -> str:
    """Draw a specification as SVG with vl-convert (no browser, no network), in a worker
    process under a time limit; ``name`` says which chart in an error.

    With a ``cache``, an SVG drawn earlier from the same specification by the same vl-convert
    version is read from it.

    Raises:
        RenderError: when vl-convert refuses the specification, fails or takes too long.
    """
    return start_svg(spec, cache=cache, name=name)()


def start_svg(
    spec: dict[str, Any], *, cache: Cache | None = None, name: str = "a chart"
) -> Callable[[], str]:
    """Start drawing a specification as :func:`chart_svg` does, and return at once a function
    that waits for the SVG (and raises :class:`RenderError` as :func:`chart_svg` does).

    The worker draws while the caller goes on; a drawing kept in ``cache`` is not drawn again.
    """
    key: tuple[str, ...] = ()
    if cache is not None:
        version = installed_version("vl-convert-python", "vl_convert")
        key = (version, _code_version(), spec_json(spec))
        kept = cache.text("svg", key)
        if kept is not None:
            return lambda: kept
    from boardreport.render import _draw  # only when a chart is drawn

    drawing = _draw.start(spec, name)
    drawn: list[str] = []

    def finished() -> str:
        if not drawn:
            drawn.append(labelled_svg(_draw.finish(drawing), spec))
            if cache is not None:
                cache.put("svg", key, drawn[0])
        return drawn[0]

    return finished
