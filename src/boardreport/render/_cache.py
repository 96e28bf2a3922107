"""Files cached on disk between builds, addressed by the SHA-256 of what they are made from.

Drawing a chart costs Altair's import and validation and a vl-convert call; an unchanged chart is
drawn once and read back afterwards. Every entry carries the SHA-256 of its own text, so a
truncated or altered file is ignored and made again; a cache that cannot be written only costs
time.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

CACHE_ENV = "BOARDREPORT_CACHE"
TRAILER = "\n//sha256:"


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


@cache
def installed_version(distribution: str, module: str) -> str:
    """Return the installed version of ``distribution`` without importing ``module``.

    Reads the name of the ``.dist-info`` folder beside the module (fast), falling back to
    ``importlib.metadata`` (slow: it scans every installed distribution).
    """
    spec = importlib.util.find_spec(module)
    if spec is not None and spec.origin:
        site = Path(spec.origin).parent.parent
        prefix = distribution.replace("-", "_") + "-"
        for info in site.glob(f"{prefix}*.dist-info"):
            return info.name[len(prefix) : -len(".dist-info")]
    return metadata.version(distribution)


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
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(f"{body}{TRAILER}{digest}\n")
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return


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
    compiled again; ``name`` keeps environments with different options apart.
    """
    import jinja2

    folder = cache_dir() / "jinja" / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))
