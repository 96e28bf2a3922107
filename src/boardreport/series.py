"""One board's reports year on year: the report a ``previous`` key names, and the chain of them.

A report names the same board's report for the year before with ``previous = "../2019-20"``
(a folder, relative to the report's own folder). :func:`load_previous` loads it for the
year-on-year checks (pack YOY); :func:`load_series` follows the keys back to the first year.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path

from attrs import frozen

from boardreport import blocks as block_kinds
from boardreport import model, wording
from boardreport.errors import LoadError
from boardreport.model import Report

MAX_YEARS = 50
"""The longest chain of earlier reports followed (a loop of ``previous`` keys stops here)."""


@frozen(kw_only=True)
class Previous:
    """The report a ``previous`` key names, or why it could not be loaded."""

    folder: Path
    report: Report | None = None
    problem: str = ""


def previous_folder(report: Report, root: str | os.PathLike[str]) -> Path | None:
    """The folder ``report.previous`` names, relative to the folder of ``root`` (its root file
    or its folder); None when the report names no previous report."""
    if not report.previous.strip():
        return None
    base = Path(root)
    if base.suffix == ".toml" or base.is_file():
        base = base.parent
    return (base / report.previous.strip()).resolve()


def load_previous(report: Report, root: str | os.PathLike[str]) -> Previous | None:
    """Load the report ``report.previous`` names; None when it names none.

    A previous report that cannot be loaded gives its problems as text, never an exception:
    the check of this year's report still runs.
    """
    from boardreport.io import load

    folder = previous_folder(report, root)
    if folder is None:
        return None
    if Path(report.previous.strip()).is_absolute():
        return Previous(
            folder=folder,
            problem="previous must name a folder relative to this report's folder, not an "
            "absolute path, so that the reports can move together",
        )
    try:
        return Previous(folder=folder, report=load(folder))
    except LoadError as exc:
        first = exc.problems[0] if exc.problems else None
        detail = f": {first}" if first is not None else ""
        count = len(exc.problems)
        return Previous(
            folder=folder,
            problem=f"{count} problem{'s' * (count != 1)} loading {folder}{detail}",
        )


def load_series(report: Report, root: str | os.PathLike[str]) -> list[tuple[Path, Report]]:
    """Return the earlier reports ``previous`` keys lead to, oldest first (this one excluded).

    The chain stops at a report that names none, one that cannot be loaded, a folder already
    seen, or after :data:`MAX_YEARS` reports.
    """
    chain: list[tuple[Path, Report]] = []
    start = Path(root).resolve()
    start = start.parent if start.is_file() else start
    seen = {start}
    current, where = report, start
    while len(chain) < MAX_YEARS:
        found = load_previous(current, where)
        if found is None or found.report is None or found.folder in seen:
            break
        seen.add(found.folder)
        chain.append((found.folder, found.report))
        current, where = found.report, found.folder
    chain.reverse()
    return chain


SERIES_SECTION = "year-on-year"
"""The id of the appendix that shows a report's KPIs year on year."""


def _kpi_key(kpi: model.KPI) -> str:
    return kpi.id or " ".join(kpi.label.lower().split())


def _column_type(kpi: model.KPI) -> model.ColumnType:
    if kpi.unit.strip() == "%":
        return model.ColumnType.PERCENT
    if kpi.unit.strip() in wording.CURRENCY_SYMBOLS.values():
        return model.ColumnType.MONEY
    numbers = [kpi.value] if isinstance(kpi.value, int | Decimal) else []
    whole = all(isinstance(n, int) or n == n.to_integral_value() for n in numbers)
    return model.ColumnType.INTEGER if whole else model.ColumnType.DECIMAL


def _free_id(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def kpi_series_section(report: Report, earlier: list[tuple[Path, Report]]) -> model.Section | None:
    """An appendix with a table and a line chart for each KPI this report and an earlier year
    give (matched by id, else by label); None when no KPI is in two years.

    The values are each year's published figures, stated unknowns kept as they are.
    """
    years = [r for _, r in earlier] + [report]
    taken = set(block_kinds.all_tables(report))
    blocks: list[model.Block] = []
    for located in model.iter_blocks(report, model.KPI):
        kpi: model.KPI = located.item
        key = _kpi_key(kpi)
        rows: list[tuple[model.Cell, ...]] = []
        for year in years:
            match = next(
                (k.item for k in model.iter_blocks(year, model.KPI) if _kpi_key(k.item) == key),
                None,
            )
            if match is not None:
                rows.append((year.period_label, match.value))
        if len(rows) < 2:
            continue
        table_id = _free_id("yoy-" + "-".join(re.findall(r"[a-z0-9]+", key.lower())), taken)
        taken.add(table_id)
        periods = f"{rows[0][0]} to {rows[-1][0]}"
        blocks.append(
            model.Table(
                id=table_id,
                caption=f"{kpi.label}, {periods}",
                columns=(
                    model.Column(key="year", label="Year"),
                    model.Column(
                        key="value", label=kpi.label, type=_column_type(kpi), unit=kpi.unit
                    ),
                ),
                rows=tuple(rows),
                source=f"The board's yearly reports for {periods}.",
            )
        )
        blocks.append(
            model.Chart(
                id=f"{table_id}-chart",
                table=table_id,
                kind=model.ChartKind.LINE,
                x="year",
                y=("value",),
                title=f"{kpi.label}, year on year",
                description=f"A line chart of {kpi.label.lower()} in each year from "
                f"{periods}, as each year's report gives it; the table above holds the values.",
                x_title="Year",
            )
        )
    if not blocks:
        return None
    intro = model.Prose(
        text="The figures below appear in this report and in the board's reports for earlier "
        "years; each year's value is the one that year's report gives."
    )
    return model.Section(
        id=SERIES_SECTION, title="Year on year", blocks=(intro, *blocks), appendix=True
    )


def with_kpi_series(report: Report, root: str | os.PathLike[str]) -> Report:
    """``report`` with an appendix showing its KPIs year on year, when earlier years' reports
    (found through ``previous`` keys) give them too; else ``report`` unchanged."""
    import attrs

    if not report.previous.strip():
        return report
    section = kpi_series_section(report, load_series(report, root))
    if section is None or any(s.id == SERIES_SECTION for s in report.sections):
        return report
    return attrs.evolve(report, sections=(*report.sections, section))
