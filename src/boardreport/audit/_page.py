"""The audit as files: an accessible self-contained HTML page, CSV and JSON.

The HTML page holds the matrix of reports × duties and the figures as plain tables
(``<th scope>``); a small script adds sort buttons to the headers (with ``aria-sort``) and a
labelled filter. Without script they stay plain tables. Charts are Vega-Lite specifications
(built with Altair) drawn to SVG by vl-convert and shown as images with a text alternative.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

from markupsafe import Markup

from boardreport.audit._audit import Audit, relative
from boardreport.audit._figures import Figure, State, Value
from boardreport.audit._matrix import Row, Status

CSS_CLASS = {
    Status.MET: "met",
    Status.NOT_MET: "not-met",
    Status.ACCEPTED: "accepted",
    Status.NOT_PUBLISHED: "not-published",
    Status.NOT_APPLICABLE: "not-applicable",
}
SHORT = {
    Status.MET: "Met",
    Status.NOT_MET: "Not met",
    Status.ACCEPTED: "Not met, accepted by the board",
    Status.NOT_PUBLISHED: "Data not published",
    Status.NOT_APPLICABLE: "Does not apply",
}
CHART_WIDTH = 560
BAR = 22


def _resource(name: str) -> str:
    return files("boardreport.audit").joinpath("templates", name).read_text(encoding="utf-8")


@cache
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("boardreport.audit", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def status_of(row: Row, rule_id: str) -> Status:
    """A row's status for a duty; a duty of another edition does not apply."""
    return row.statuses.get(rule_id, Status.NOT_APPLICABLE)


def shown(value: Value, figure: Figure) -> str:
    """A figure as readers see it: ``£150,000``, ``60.0%``, or the words in its place."""
    if value.state is not State.NUMBER:
        return value.text
    if figure.unit == "£":
        return f"£{value.text}"
    return f"{value.text}{figure.unit}"


def _number(value: Value) -> int | float | None:
    if value.state is not State.NUMBER or value.number is None:
        return None
    number = value.number
    return int(number) if number == number.to_integral_value() else float(number)


# ---------------------------------------------------------------------------------------------
# CSV and JSON


def to_csv(audit: Audit, bases: Sequence[str] = ()) -> str:
    """One line per report: its name, edition, each duty's status and each figure.

    A figure given as a number is written as the number; a stated unknown as its words
    (``not published``); a figure not given is left empty.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "report",
            "board",
            "period",
            "edition",
            *(d.id for d in audit.duties),
            *(f.key for f in audit.figures),
            "problems",
        ]
    )
    for row in audit.rows:
        figures = []
        for figure in audit.figures:
            value = row.figures.get(figure.key)
            if value is None or value.state is State.ABSENT:
                figures.append("")
            elif value.state is State.NUMBER:
                figures.append(str(value.number))
            else:
                figures.append(value.text)
        writer.writerow(
            [
                relative(row.path, bases),
                row.board,
                row.period,
                row.edition,
                *((status_of(row, d.id).value if row.loaded else "") for d in audit.duties),
                *figures,
                "; ".join(row.problems),
            ]
        )
    return out.getvalue()


def _value_json(value: Value) -> dict[str, Any]:
    return {"state": value.state.value, "value": _number(value), "text": value.text}


def to_data(audit: Audit, bases: Sequence[str] = ()) -> dict[str, Any]:
    """The audit as plain data (what :func:`to_json` writes)."""
    return {
        "reports": [
            {
                "path": relative(row.path, bases),
                "board": row.board,
                "area": row.area,
                "period": row.period,
                "edition": row.edition,
                "edition_reason": row.edition_reason,
                "previous": row.previous,
                "loaded": row.loaded,
                "problems": list(row.problems),
                "duties": {rule_id: s.value for rule_id, s in row.statuses.items()},
                "findings": {rule_id: list(m) for rule_id, m in row.messages.items()},
                "figures": {key: _value_json(v) for key, v in row.figures.items()},
                "kpis": [
                    {"key": k.key, "label": k.label, "unit": k.unit, **_value_json(k.value)}
                    for k in row.kpis
                ],
            }
            for row in audit.rows
        ],
        "duties": [
            {
                "rule": count.rule.id,
                "name": count.rule.name,
                "pack": count.rule.pack,
                "applies": count.applies,
                "counts": {s.value: count.of(s) for s in Status if s is not Status.NOT_APPLICABLE},
                "summary": count.sentence,
            }
            for count in audit.counts
        ],
        "figures": [{"key": f.key, "label": f.label, "unit": f.unit} for f in audit.figures],
    }


def to_json(audit: Audit, bases: Sequence[str] = ()) -> str:
    """The audit as JSON: every report's statuses, findings, figures and KPIs, and the counts."""
    return json.dumps(to_data(audit, bases), indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------------------------
# charts


def figure_chart(audit: Audit, figure: Figure) -> tuple[dict[str, Any], list[Row]] | None:
    """A bar chart of one figure across the reports giving it as a number, and the others.

    None when fewer than two reports give it as a number.
    """
    import altair as alt

    from boardreport.render.vega import PALETTE, spec_value

    given = [(row, row.figures[figure.key]) for row in audit.loaded]
    numbers = [(row, v) for row, v in given if v.state is State.NUMBER]
    if len(numbers) < 2:
        return None
    unknown = [row for row, v in given if v.state is State.UNKNOWN]
    values = [{"report": spec_value(row.name), "value": _number(v)} for row, v in numbers]
    title = f"{figure.label} ({figure.unit})" if figure.unit else figure.label
    chart = (
        alt.Chart(alt.Data(values=values))  # type: ignore[no-untyped-call]
        .mark_bar(color=PALETTE[0])
        .encode(
            y=alt.Y("report:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("value:Q", title=spec_value(title)),
            tooltip=[alt.Tooltip("report:N"), alt.Tooltip("value:Q", title=spec_value(title))],
        )
        .properties(width=CHART_WIDTH - 300, height=BAR * len(values), title=spec_value(title))
    )
    spec: dict[str, Any] = chart.to_dict()
    return spec, unknown


def _svg_image(spec: dict[str, Any]) -> str:
    from boardreport.render.vega import chart_svg

    svg = chart_svg(spec)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _alt(label: str, points: Iterable[tuple[str, Value]], unit: str) -> str:
    items = [f"{name}: {shown(v, Figure(key='', label='', unit=unit))}" for name, v in points]
    return f"{label}. " + "; ".join(items) + "."


def charts(audit: Audit) -> list[dict[str, Any]]:
    """Each figure's chart: its Vega-Lite specification, title and what it leaves out."""
    made = []
    for figure in audit.figures:
        found = figure_chart(audit, figure)
        if found is None:
            continue
        spec, unknown = found
        points = [
            (row.name, row.figures[figure.key])
            for row in audit.loaded
            if row.figures[figure.key].state is State.NUMBER
        ]
        made.append(
            {
                "key": figure.key,
                "spec": spec,
                "title": figure.label,
                "alt": _alt(f"Bar chart of {figure.label.lower()} by report", points, figure.unit),
                "missing": "; ".join(f"{r.name} ({r.figures[figure.key].text})" for r in unknown),
            }
        )
    return made


# ---------------------------------------------------------------------------------------------
# boards year on year


def _board_key(row: Row) -> str:
    return " ".join(row.board.lower().split())


def series(audit: Audit) -> list[dict[str, Any]]:
    """Boards with reports for two or more years, and each KPI that two or more years give."""
    boards: dict[str, list[Row]] = {}
    for row in audit.loaded:
        boards.setdefault(_board_key(row), []).append(row)
    found = []
    for rows in boards.values():
        years = sorted({r.period_start: r for r in rows}.values(), key=lambda r: r.period_start)
        if len(years) < 2:
            continue
        kpis: dict[str, dict[str, Any]] = {}
        for row in years:
            for kpi in row.kpis:
                entry = kpis.setdefault(kpi.key, {"label": kpi.label, "unit": kpi.unit, "by": {}})
                entry["by"].setdefault(row.period, kpi.value)
        shown_kpis = []
        for entry in kpis.values():
            if len(entry["by"]) < 2:
                continue
            unit = "%" if entry["unit"] == "%" else ""
            points = [(r.period, entry["by"].get(r.period)) for r in years]
            years_shown = [
                {
                    "period": period,
                    "text": "not given"
                    if value is None
                    else shown(value, Figure(key="", label="", unit=unit)),
                }
                for period, value in points
            ]
            numeric = [(p, v) for p, v in points if v is not None and v.state is State.NUMBER]
            shown_kpis.append(
                {
                    "label": entry["label"],
                    "years": years_shown,
                    "spec": _line_spec(entry["label"], numeric) if len(numeric) >= 2 else None,
                    "alt": _alt(f"Line chart of {entry['label']} by year", numeric, unit),
                }
            )
        if shown_kpis:
            found.append({"name": years[0].board, "kpis": shown_kpis})
    return found


def _line_spec(label: str, points: list[tuple[str, Value]]) -> dict[str, Any]:
    import altair as alt

    from boardreport.render.vega import PALETTE, spec_value

    values = [{"period": p, "value": _number(v)} for p, v in points]
    chart = (
        alt.Chart(alt.Data(values=values))  # type: ignore[no-untyped-call]
        .mark_line(point=True, color=PALETTE[0])
        .encode(
            x=alt.X("period:O", title="Year", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title=spec_value(label)[:60]),
        )
        .properties(width=CHART_WIDTH - 160, height=220, title=spec_value(label)[:80])
    )
    spec: dict[str, Any] = chart.to_dict()
    return spec


# ---------------------------------------------------------------------------------------------
# the page


def _cells(audit: Audit, row: Row) -> list[dict[str, str]]:
    cells = []
    for duty in audit.duties:
        state = status_of(row, duty.id)
        messages = row.messages.get(duty.id, ())
        cells.append(
            {
                "css": CSS_CLASS[state],
                "text": SHORT[state],
                "sort": str(list(Status).index(state)),
                "title": "; ".join(messages)[:300],
            }
        )
    return cells


def _figure_cells(audit: Audit, row: Row) -> list[dict[str, str]]:
    cells = []
    for figure in audit.figures:
        value = row.figures[figure.key]
        number = _number(value)
        cells.append(
            {
                "css": "num" if value.state is State.NUMBER else "unknown",
                "text": shown(value, figure),
                "sort": "" if number is None else str(Decimal(str(number))),
                "title": "",
            }
        )
    return cells


def to_html(
    audit: Audit,
    bases: Sequence[str] = (),
    *,
    drawn: dict[str, dict[str, Any]] | None = None,
    title: str = "",
) -> str:
    """The audit as one self-contained, accessible HTML page (no network, no external file).

    ``drawn`` are the charts from :func:`charts` (made here when not given).
    """
    from boardreport import __version__

    loaded = audit.loaded
    made = charts(audit) if drawn is None else list(drawn.values())
    page_charts = [{**c, "image": _svg_image(c["spec"]), "width": CHART_WIDTH} for c in made]
    boards = series(audit)
    for index, board in enumerate(boards, start=1):
        board["index"] = index
        for kpi in board["kpis"]:
            spec = kpi["spec"]
            kpi["chart"] = (
                {"image": _svg_image(spec), "alt": kpi["alt"], "width": CHART_WIDTH}
                if spec
                else None
            )
    count = len(audit.rows)
    intro = (
        f"{count} report{'s' * (count != 1)} found; {len(loaded)} checked, each against the "
        "edition that applies to it."
    )
    script = _resource("audit.js")
    csp = (
        f"default-src 'none'; script-src {_sha256(script)}; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    template = _environment().get_template("audit.html.j2")
    page: str = template.render(
        title=title or f"Audit of {count} safeguarding report{'s' * (count != 1)}",
        intro=intro,
        css=Markup(_resource("audit.css")),
        script=Markup(script),
        csp=csp,
        counts=audit.counts,
        duties=audit.duties,
        duty_columns=[{"label": d.id, "title": d.name, "abbr": True} for d in audit.duties],
        matrix_rows=[
            {"name": r.name, "path": relative(r.path, bases), "cells": _cells(audit, r)}
            for r in loaded
        ],
        figure_columns=[{"label": f.label, "abbr": False} for f in audit.figures],
        figure_rows=[
            {"name": r.name, "path": relative(r.path, bases), "cells": _figure_cells(audit, r)}
            for r in loaded
        ],
        charts=page_charts,
        series=boards,
        failed=[r for r in audit.rows if not r.loaded],
        version=__version__,
    )
    return page.rstrip("\n") + "\n"


def outputs(
    audit: Audit, bases: Sequence[str] = (), formats: Iterable[str] = ("html", "csv", "json")
) -> dict[str, str]:
    """Every chosen output: relative file path → text (``index.html``, ``audit.csv``,
    ``audit.json`` and ``charts/<figure>.vl.json``)."""
    from boardreport.render.vega import spec_json

    chosen = set(formats)
    files_out: dict[str, str] = {}
    if "csv" in chosen:
        files_out["audit.csv"] = to_csv(audit, bases)
    if "json" in chosen:
        files_out["audit.json"] = to_json(audit, bases)
    if "html" in chosen:
        made = {c["key"]: c for c in charts(audit)}
        files_out["index.html"] = to_html(audit, bases, drawn=made)
        for key, chart in made.items():
            files_out[f"charts/{key}.vl.json"] = spec_json(chart["spec"])
    return files_out
