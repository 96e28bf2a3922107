"""Reading and writing report files (TOML), with located errors."""

from boardreport.io._dump import dump, dumps, write_atomic
from boardreport.io._load import ROOT_FILE, load, load_with_sources, loads, root_file
from boardreport.io._sourcemap import SourceMap

__all__ = [
    "ROOT_FILE",
    "SourceMap",
    "dump",
    "dumps",
    "load",
    "load_with_sources",
    "loads",
    "root_file",
    "write_atomic",
]
