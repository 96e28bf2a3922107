"""Data paths: the ``blocks[2].income[3].amount`` notation used in every message."""

from __future__ import annotations

import os
import re
from pathlib import Path

from boardreport.io._lines import DataPath

_TOKEN = re.compile(r"\.?([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]")
ROOT_FILE = "report.toml"
"""The file of a report folder that names its parts."""

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _quoted(key: str) -> str:
    """Quote an unusual key as a TOML basic string (JSON syntax); most reports have none."""
    import json

    return json.dumps(key, ensure_ascii=False)


def format_path(path: DataPath) -> str:
    """Format ``("blocks", 2, "amount")`` as ``blocks[2].amount``; odd keys are quoted."""
    out = ""
    for key in path:
        if isinstance(key, int):
            out += f"[{key}]"
        else:
            shown = key if _BARE_KEY.fullmatch(key) else _quoted(key)
            out += f".{shown}" if out else shown
    return out


def parse_path(text: str) -> DataPath:
    """Parse ``blocks[2].amount`` into ``("blocks", 2, "amount")``; unknown text is dropped."""
    return tuple(int(index) if index else name for name, index in _TOKEN.findall(text))


def root_file(path: str | os.PathLike[str]) -> Path:
    """Return the ``report.toml`` of a report folder, or ``path`` itself when it is a file."""
    candidate = Path(path)
    return candidate / ROOT_FILE if candidate.is_dir() else candidate
