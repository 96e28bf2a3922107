"""Loaded reports kept between runs: a report whose files are unchanged is not parsed again.

A board checks and builds its report again after every edit, and often with no edit at all.
After a load, the report, its source map (with the line index of every file) and the SHA-256
of the text of every file read are stored in the cache folder. The next load of the same report,
from the same folder, reuses them if every one of those files still holds exactly the text that
was read, at the same real path; anything else (an edited, moved or unreadable file, another
version of boardreport, attrs, cattrs or Python, a damaged or foreign entry) means an ordinary
load. Loads that fail are never stored, so every problem is always found afresh.

Entries are pickles: they are read only from a cache folder and files that belong to this user
and that no one else may write to (as for any cache of compiled code).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import cache
from pathlib import Path

import attrs

from boardreport import model
from boardreport._cachedir import cache_dir, code_version, is_private, write_private
from boardreport.io._files import read_text
from boardreport.io._sourcemap import SourceMap

KIND = "loaded"
_DIGEST_BYTES = 32

_Entry = tuple[tuple[tuple[str, str, bytes], ...], model.Report, SourceMap]
"""(display path, real path and SHA-256 of the text of every file read; the report; its source
map, with every line index built and no file texts)."""


@cache
def _code_version() -> str:
    """What a load depends on besides the report's files: this code, attrs, cattrs, Python."""
    package = Path(__file__).resolve().parents[1]
    sources = [*sorted((package / "io").glob("*.py")), package / "model.py", package / "errors.py"]
    return code_version(sources, [("attrs", "attrs"), ("cattrs", "cattrs")])


def entry_path(path: str | os.PathLike[str]) -> Path:
    """Return the cache file for loading ``path`` from the current folder.

    Problems and file names are shown relative to the current folder, so it is part of the key.
    """
    key = "\x00".join((_code_version(), str(Path.cwd()), os.fspath(path)))
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir() / KIND / digest[:2] / f"{digest}.pickle"


def _read(entry: Path) -> _Entry | None:
    if not is_private(entry):
        return None
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    payload, digest = data[:-_DIGEST_BYTES], data[-_DIGEST_BYTES:]
    if hashlib.sha256(payload).digest() != digest:
        return None
    try:
        loaded: _Entry = pickle.loads(payload)  # a private, verified cache file
    except Exception:  # an entry that cannot be read is an entry that is not there
        return None
    return loaded


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _unchanged(files: tuple[tuple[str, str, bytes], ...]) -> bool:
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


def reuse(path: str | os.PathLike[str]) -> tuple[model.Report, SourceMap] | None:
    """Return the report loaded earlier from ``path`` if none of its files has changed."""
    entry = _read(entry_path(path))
    if entry is None:
        return None
    files, report, sources = entry
    if not _unchanged(files):
        return None
    return report, sources


def store(path: str | os.PathLike[str], report: model.Report, sources: SourceMap) -> None:
    """Keep a report just loaded from ``path``; a cache that cannot be written only costs time.

    The line index of every file is built first, so later runs never build one.
    """
    for shown in sources.texts:
        sources.lines(shown)
    files = tuple(
        (os.fspath(shown), os.path.realpath(shown), _digest(text))
        for shown, text in sources.texts.items()
    )
    kept = attrs.evolve(sources, texts={})
    payload = pickle.dumps((files, report, kept), protocol=pickle.HIGHEST_PROTOCOL)
    write_private(entry_path(path), payload + hashlib.sha256(payload).digest())


def load_reusing(
    path: str | os.PathLike[str], *, use_cache: bool = True
) -> tuple[model.Report, SourceMap]:
    """Load a report and its source map, reusing the last load if its files are unchanged.

    With ``use_cache=False`` this is :func:`~boardreport.io.load_with_sources`.

    Raises:
        LoadError: listing every problem found in every file of the report.
    """
    if use_cache:
        reused = reuse(path)
        if reused is not None:
            return reused
    from boardreport.io._load import load_with_sources

    report, sources = load_with_sources(path)
    if use_cache:
        store(path, report, sources)
    return report, sources
