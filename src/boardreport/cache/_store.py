"""The cache object: JSON entries addressed by kind and the SHA-256 of their key."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from attrs import frozen

from boardreport.cache._files import read_entry, write_entry

CACHE_ENV = "BOARDREPORT_CACHE"
"""Names the cache folder, overriding ``$XDG_CACHE_HOME/boardreport``."""
ENTRY_FORMAT = 1


def cache_dir() -> Path:
    """Return the folder where boardreport keeps cached files.

    ``$BOARDREPORT_CACHE``, else ``$XDG_CACHE_HOME/boardreport``, else ``~/.cache/boardreport``.
    """
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "boardreport"


def digest(key: tuple[str, ...]) -> str:
    """Return the SHA-256 that names the entry of ``key``."""
    return hashlib.sha256("\x00".join(key).encode("utf-8", "surrogateescape")).hexdigest()


@frozen
class Cache:
    """Entries kept between runs under ``root``: ``root/<kind>/<xx>/<sha256>.json``.

    Every entry is one JSON document ``{"format", "kind", "key", "value"}``; it is read only as
    the trust policy of :mod:`boardreport.cache._files` allows, and only if it names the kind
    and key asked for. Values are data (text, numbers, lists, objects): reading an entry can
    never run code, and a value that is not what its user expects is rejected there.
    """

    root: Path

    def path(self, kind: str, key: tuple[str, ...]) -> Path:
        """Return where the entry of ``kind`` and ``key`` is kept."""
        return self.root.joinpath(*self._parts(kind, key))

    @staticmethod
    def _parts(kind: str, key: tuple[str, ...]) -> tuple[str, str, str]:
        name = digest((kind, *key))
        return kind, name[:2], f"{name}.json"

    def get(self, kind: str, key: tuple[str, ...]) -> Any | None:
        """Return the value kept for ``kind`` and ``key``, or None if there is no trusted one."""
        data = read_entry(self.root, self._parts(kind, key))
        if data is None:
            return None
        try:
            entry = json.loads(data)
        except (ValueError, RecursionError):
            return None
        if (
            not isinstance(entry, dict)
            or entry.get("format") != ENTRY_FORMAT
            or entry.get("kind") != kind
            or entry.get("key") != digest(key)
        ):
            return None
        return entry.get("value")

    def put(self, kind: str, key: tuple[str, ...], value: Any) -> bool:
        """Keep ``value`` (JSON data) for ``kind`` and ``key``; False if it could not be kept."""
        entry = {"format": ENTRY_FORMAT, "kind": kind, "key": digest(key), "value": value}
        data = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
        return write_entry(self.root, self._parts(kind, key), data.encode("utf-8"))

    def text(self, kind: str, key: tuple[str, ...]) -> str | None:
        """Return the text kept for ``kind`` and ``key``, or None."""
        value = self.get(kind, key)
        return value if isinstance(value, str) else None


def default_cache() -> Cache:
    """The cache in :func:`cache_dir`."""
    return Cache(cache_dir())
