"""One board's reports year on year: the report a ``previous`` key names, and the chain of them.

A report names the same board's report for the year before with ``previous = "../2019-20"``
(a folder, relative to the report's own folder). :func:`load_previous` loads it for the
year-on-year checks (pack YOY); :func:`load_series` follows the keys back to the first year.
"""

from __future__ import annotations

import os
from pathlib import Path

from attrs import frozen

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
