"""Finding the reports under folders: every folder holding a ``report.toml``."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from boardreport.io._paths import ROOT_FILE

_SKIPPED = frozenset({".git", ".hg", ".svn", ".venv", "node_modules", "__pycache__"})
"""Folders never searched: version control, environments, caches."""


def find_reports(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Return the folder of every report under ``paths``, in sorted order, each once.

    A path that is a report folder (it holds ``report.toml``) or a ``report.toml`` file is
    itself a report; its own subfolders are searched too, so a board's folder that holds a
    report and earlier years' reports gives them all. Hidden folders and the folders in
    ``_SKIPPED`` are not searched. A path that does not exist gives nothing; the caller says so.
    """
    found: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_file() and path.name == ROOT_FILE:
            found.add(path.parent)
            continue
        if not path.is_dir():
            continue
        for folder, subfolders, files in os.walk(path):
            subfolders[:] = sorted(
                name for name in subfolders if not name.startswith(".") and name not in _SKIPPED
            )
            if ROOT_FILE in files:
                found.add(Path(folder))
    return sorted(found)
