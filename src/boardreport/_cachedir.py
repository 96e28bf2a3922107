"""Where boardreport keeps the files it caches between runs, and whether it may use them."""

from __future__ import annotations

import importlib.util
import os
from functools import cache
from pathlib import Path

CACHE_ENV = "BOARDREPORT_CACHE"
"""Names the cache folder, overriding ``$XDG_CACHE_HOME/boardreport``."""


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


def is_private(path: Path) -> bool:
    """Return True if ``path`` belongs to this user and no one else may write to it.

    Cached files that are run or unpickled come only from such files and folders.
    """
    try:
        info = path.stat()
    except OSError:
        return False
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


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
    from importlib import metadata

    return metadata.version(distribution)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, readable by this user only; failures are ignored.

    A cache that cannot be written only costs time.
    """
    import tempfile  # only when writing: reading a cache never needs it

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return
