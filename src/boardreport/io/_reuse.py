"""Loaded reports kept between runs: a report whose files are unchanged is not parsed again.

A board checks and builds its report again after every edit, and often with no edit at all.
After a load, the report, its source map (with the line index of every file) and the SHA-256
of the text of every file read are kept in the cache (:mod:`boardreport.cache`) as JSON data.
The next load of the same report, from the same folder, reuses them if every one of those
files still holds exactly the text that was read, at the same real path; anything else (an
edited, moved or unreadable file, another version of boardreport, attrs, cattrs or Python, an
entry that is not exactly a report) means an ordinary load. Loads that fail are never kept, so
every problem is always found afresh.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from boardreport import model
from boardreport.cache import Cache, code_version
from boardreport.io._files import read_text
from boardreport.io._sourcemap import SourceMap

if TYPE_CHECKING:
    from boardreport.io._reuse_files import ParsedFiles

KIND = "loaded"

_Files = list[tuple[str, str, str]]
"""(display path, real path, SHA-256 of the text) of every file read."""


@cache
def _code_version() -> str:
    """What a load depends on besides the report's files: this code, attrs, cattrs, Python."""
    package = Path(__file__).resolve().parents[1]
    sources = [
        *sorted((package / "io").glob("*.py")),
        *sorted((package / "cache").glob("*.py")),
        package / "model.py",
        package / "errors.py",
    ]
    return code_version(sources, [("attrs", "attrs"), ("cattrs", "cattrs")])


def entry_key(path: str | os.PathLike[str]) -> tuple[str, ...]:
    """Return the cache key for loading ``path`` from the current folder.

    Problems and file names are shown relative to the current folder, so it is part of the key.
    """
    return (_code_version(), str(Path.cwd()), os.fspath(path))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _files(value: Any) -> _Files | None:
    if not isinstance(value, list):
        return None
    files: _Files = []
    for item in value:
        if not (
            isinstance(item, list) and len(item) == 3 and all(isinstance(s, str) for s in item)
        ):
            return None
        files.append((item[0], item[1], item[2]))
    return files


def _unchanged(files: _Files) -> bool:
    """True if every file still holds the text that was read, at the same real path."""
    for shown, real, digest in files:
        try:
            if os.path.realpath(shown) != real:
                return False
            if _digest(read_text(Path(shown))) != digest:
                return False
        except (OSError, UnicodeDecodeError):
            return False
    return True


def reuse(store: Cache, path: str | os.PathLike[str]) -> tuple[model.Report, SourceMap] | None:
    """Return the report loaded earlier from ``path`` if none of its files has changed."""
    from boardreport.cache import CodecError, structure_report, structure_sources

    entry = store.get(KIND, entry_key(path))
    if not isinstance(entry, dict) or set(entry) != {"files", "report", "sources"}:
        return None
    files = _files(entry["files"])
    if files is None or not _unchanged(files):
        return None
    try:
        return structure_report(entry["report"]), structure_sources(entry["sources"])
    except CodecError:
        return None


def keep(
    store: Cache, path: str | os.PathLike[str], report: model.Report, sources: SourceMap
) -> None:
    """Keep a report just loaded from ``path``; a cache that cannot be written only costs time.

    The line index of every file is built first, so later runs never build one.
    """
    from boardreport.cache import unstructure_report, unstructure_sources

    for shown in sources.texts:
        sources.lines(shown)
    files = [
        [os.fspath(shown), os.path.realpath(shown), _digest(text)]
        for shown, text in sources.texts.items()
    ]
    value = {
        "files": files,
        "report": unstructure_report(report),
        "sources": unstructure_sources(sources),
    }
    store.put(KIND, entry_key(path), value)


def load_reusing(
    path: str | os.PathLike[str], *, cache: Cache | None = None, parsed: ParsedFiles | None = None
) -> tuple[model.Report, SourceMap]:
    """Load a report and its source map, reusing the load kept in ``cache`` if its files are
    unchanged.

    With no cache this is :func:`~boardreport.io.load_with_sources`; ``parsed`` is passed to
    it (files kept by a process that loads again: only the changed ones are parsed).

    Raises:
        LoadError: listing every problem found in every file of the report.
    """
    if cache is not None:
        reused = reuse(cache, path)
        if reused is not None:
            return reused
    from boardreport.io._load import load_with_sources

    report, sources = (
        load_with_sources(path) if parsed is None else load_with_sources(path, parsed=parsed)
    )
    if cache is not None:
        keep(cache, path, report, sources)
    return report, sources
