"""Rendered prose kept between builds of one report: text that has not changed is not parsed again.

Turning prose into HTML and into safe Markdown is most of a build's own work, and a board
rebuilds after every small edit. Inside :func:`remembering`, the functions of
:mod:`boardreport.render._markup` marked :func:`remembered` look up what the previous build of
the same report made from the same text (with the same code and the same markdown-it-py);
afterwards the fragments this build used are stored, so the table holds one report's text only.
Outside it, nothing is remembered (library calls, batch builds).

The table is JSON carrying its own SHA-256, read only from a file and folder that belong to this
user and that no one else may write to: its fragments go into pages unescaped.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar, cast

from boardreport._cachedir import cache_dir, code_version, is_private
from boardreport.render._cache import read_verified, write_verified

KIND = "fragments"

F = TypeVar("F", bound=Callable[..., str])

_previous: dict[str, str] | None = None
"""The fragments of the previous build, while remembering; None otherwise."""
_used: dict[str, str] = {}
"""The fragments this build used, stored when it ends."""


def remembered(kind: str) -> Callable[[F], F]:
    """Mark a pure function of its (string or int) arguments as one whose results are kept."""

    def wrap(fn: F) -> F:
        @functools.wraps(fn)
        def inner(*args: str | int) -> str:
            if _previous is None:
                return fn(*args)
            key = "\x00".join((kind, *map(str, args)))
            found = _used.get(key)
            if found is None:
                found = _previous.get(key)
                if found is None:
                    found = fn(*args)
                _used[key] = found
            return found

        return cast(F, inner)

    return wrap


@functools.cache
def _code_version() -> str:
    here = Path(__file__).parent
    sources = [here / "_markup.py", here / "_fragments.py"]
    return code_version(sources, [("markdown-it-py", "markdown_it")])


def table_path(report_path: str | os.PathLike[str]) -> Path:
    """Return the file that keeps the fragments of the report at ``report_path``."""
    key = "\x00".join((_code_version(), os.path.realpath(report_path)))
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir() / KIND / f"{digest}.json"


def _read(path: Path) -> dict[str, str]:
    if not is_private(path):
        return {}
    body = read_verified(path)
    if body is None:
        return {}
    try:
        table = json.loads(body)
    except ValueError:
        return {}
    if not isinstance(table, dict):
        return {}
    return {k: v for k, v in table.items() if isinstance(k, str) and isinstance(v, str)}


@contextlib.contextmanager
def remembering(report_path: str | os.PathLike[str]) -> Iterator[None]:
    """Reuse the previous build's fragments of this report, and keep this build's for the next."""
    global _previous, _used
    path = table_path(report_path)
    _previous, _used = _read(path), {}
    try:
        yield
        if _used != _previous:
            write_verified(path, json.dumps(_used, ensure_ascii=False, sort_keys=True))
    finally:
        _previous, _used = None, {}
