"""Finding the reports named on a command line: report folders, root files, folders of reports."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from boardreport.errors import UsageError
from boardreport.io._paths import ROOT_FILE

_SKIPPED = frozenset({"node_modules", "__pycache__", "site", "build"})
"""Folders never searched for reports: tools' folders and build output."""


def _search(folder: Path) -> list[Path]:
    """Every report folder under ``folder``; a report's own folder is not searched further."""
    if (folder / ROOT_FILE).is_file():
        return [folder]
    found: list[Path] = []
    for current, subfolders, _files in os.walk(folder):
        subfolders[:] = sorted(
            name for name in subfolders if not name.startswith(".") and name not in _SKIPPED
        )
        here = Path(current)
        reports = [name for name in subfolders if (here / name / ROOT_FILE).is_file()]
        found.extend(here / name for name in reports)
        subfolders[:] = [name for name in subfolders if name not in reports]
    return sorted(found)


def find_reports(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Return the reports that ``paths`` name, in order, each once.

    A path is a report folder (it holds ``report.toml``), a report's root file (any ``.toml``
    file, so single-file reports work), or a folder of reports, searched through its
    subfolders (hidden folders, ``node_modules`` and build output are skipped).

    Raises:
        UsageError: when a path does not exist, or a folder holds no report.
    """
    found: list[Path] = []
    for entry in paths:
        path = Path(entry)
        if path.is_file():
            reports = [path]
        elif path.is_dir():
            try:
                reports = _search(path)
            except OSError:  # an unreadable folder: loading it says so, with its path
                reports = [path]
            if not reports:
                msg = f"no {ROOT_FILE} in {path} or any folder below it"
                raise UsageError(msg)
        else:
            msg = f"no such file or folder: {path}"
            raise UsageError(msg)
        found.extend(r for r in reports if r not in found)
    return found
