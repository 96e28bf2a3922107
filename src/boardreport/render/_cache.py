"""Files cached on disk between builds, addressed by the SHA-256 of what they are made from.

Drawing a chart costs Altair's import and validation and a vl-convert call; an unchanged chart is
drawn once and read back afterwards. Every entry carries the SHA-256 of its own text, so a
truncated or altered file is ignored and made again; a cache that cannot be written only costs
time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from boardreport._cachedir import cache_dir, is_private, write_private

TRAILER = "\n//sha256:"

__all__ = ["cached", "read_verified", "template_cache", "write_verified"]


def read_verified(path: Path) -> str | None:
    """Return the cached text if it is whole (its last line is the SHA-256 of the rest)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    body, _, trailer = text.rpartition(TRAILER)
    if not body or hashlib.sha256(body.encode("utf-8")).hexdigest() != trailer.strip():
        return None
    return body


def write_verified(path: Path, body: str) -> None:
    """Write ``body`` and its SHA-256 atomically; failures are ignored (the cache is optional)."""
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    write_private(path, f"{body}{TRAILER}{digest}\n".encode())


def cached(kind: str, key_parts: tuple[str, ...], produce: Callable[[], str]) -> str:
    """Return the text cached under ``kind`` for ``key_parts``, producing and storing it once."""
    digest = hashlib.sha256("\x00".join(key_parts).encode("utf-8")).hexdigest()
    path = cache_dir() / kind / digest[:2] / f"{digest}.txt"
    text = read_verified(path)
    if text is None:
        text = produce()
        write_verified(path, text)
    return text


def template_cache(name: str) -> Any:
    """Return a Jinja2 bytecode cache for the environment ``name``, or None if it cannot be made.

    Compiled templates are checked against their source by Jinja2, so an edited template is
    compiled again; ``name`` keeps environments with different options apart. Compiled code is
    run, so the folder is used only if it belongs to this user and no one else may write to it.
    """
    import jinja2

    folder = cache_dir() / "jinja" / name
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    if not is_private(folder):
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))
