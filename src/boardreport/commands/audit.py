"""``boardreport audit DIR...``: every report under the folders, as one matrix of duties.

Writes ``index.html`` (an accessible page: the matrix, the counts per duty, the figures side by
side, their charts and each board's KPIs year on year), ``audit.csv`` and ``audit.json`` into
``--out``. Exit codes: 0 the audit was written (whatever the reports' findings); 2 no report was
found, or the command was used wrongly.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from boardreport.errors import ExitCode, UsageError

FORMATS = ("html", "csv", "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the audit command's arguments."""
    parser.add_argument(
        "paths", nargs="+", metavar="DIR", help="folders searched for reports (report.toml)"
    )
    parser.add_argument(
        "--out", type=Path, required=True, help="folder the audit is written to (made or replaced)"
    )
    parser.add_argument(
        "--format",
        default=",".join(FORMATS),
        help="outputs to write, comma-separated (default: html,csv,json)",
    )
    parser.add_argument(
        "--jobs", type=int, default=0, help="worker processes (default 0: one per core)"
    )


class Progress:
    """A one-line progress bar on a terminal's standard error; silent when piped or in CI."""

    WIDTH = 30

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = stream.isatty() and not os.environ.get("CI")

    def __call__(self, done: int, total: int) -> None:
        """Show ``done`` of ``total``; end the line when all are done."""
        if not self.shown or total == 0:
            return
        filled = self.WIDTH * done // total
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        end = "\n" if done == total else ""
        self.stream.write(f"\r[{bar}] {done}/{total} reports{end}")
        self.stream.flush()


def _formats(text: str) -> tuple[str, ...] | None:
    chosen = tuple(t.strip().lower() for t in text.split(",") if t.strip())
    if not chosen or any(t not in FORMATS for t in chosen):
        return None
    return chosen


def run(args: argparse.Namespace) -> int:
    """Audit every report found and write the chosen outputs."""
    from boardreport.audit import audit
    from boardreport.audit._page import outputs
    from boardreport.output import check_output_folder, write_output

    formats = _formats(args.format)
    if formats is None:
        msg = f"--format takes {', '.join(FORMATS)} (comma-separated), not {args.format!r}"
        raise UsageError(msg)
    if args.jobs < 0:
        msg = f"--jobs must be 0 (every core) or more, not {args.jobs}"
        raise UsageError(msg)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        msg = "; ".join(f"{path}: no such folder" for path in missing)
        raise UsageError(msg)
    result = audit(args.paths, args.jobs, progress=Progress(sys.stderr))
    if not result.rows:
        msg = f"no report.toml found under {', '.join(args.paths)}"
        raise UsageError(msg)
    for row in result.rows:
        check_output_folder(args.out, Path(row.path))
    for row in result.rows:
        if not row.loaded:
            print(f"error: {row.path}: the report could not be loaded", file=sys.stderr)
            for problem in row.problems:
                print(problem, file=sys.stderr)
    write_output(args.out, outputs(result, args.paths, formats))
    loaded, count = len(result.loaded), len(result.rows)
    print(
        f"Audited {count} report{'s' * (count != 1)} ({loaded} checked, "
        f"{len(result.rows) - loaded} could not be loaded) against {len(result.duties)} duties "
        f"into {args.out}/"
    )
    return ExitCode.OK
