"""Reading and writing report files (TOML), with located errors.

The names below are imported on first use: reusing a cached load needs neither TOML parsing
nor cattrs, so ``boardreport check`` of an unchanged report starts without them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from boardreport.io._dump import dump, dumps, write_atomic
    from boardreport.io._find import find_reports
    from boardreport.io._load import load, load_with_sources, loads
    from boardreport.io._paths import ROOT_FILE, root_file
    from boardreport.io._reuse import load_reusing
    from boardreport.io._sourcemap import SourceMap

_HOMES = {
    "ROOT_FILE": "_paths",
    "SourceMap": "_sourcemap",
    "dump": "_dump",
    "dumps": "_dump",
    "find_reports": "_find",
    "load": "_load",
    "load_reusing": "_reuse",
    "load_with_sources": "_load",
    "loads": "_load",
    "root_file": "_paths",
    "write_atomic": "_dump",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        msg = f"module 'boardreport.io' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(import_module(f"boardreport.io.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "ROOT_FILE",
    "SourceMap",
    "dump",
    "dumps",
    "find_reports",
    "load",
    "load_reusing",
    "load_with_sources",
    "loads",
    "root_file",
    "write_atomic",
]
