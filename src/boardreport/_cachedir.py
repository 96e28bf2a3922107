"""Where boardreport keeps the files it caches between runs, and whether it may use them."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from collections.abc import Iterable
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
    """Return True if ``path`` and its folder belong to this user and no one else may write them.

    Cached files that are run or unpickled come only from such files and folders.
    """
    for item in (path, path.parent):
        try:
            info = item.stat()
        except OSError:
            return False
        if info.st_uid != os.getuid() or info.st_mode & 0o022:
            return False
    return True


def code_version(sources: Iterable[Path], libraries: Iterable[tuple[str, str]]) -> str:
    """Return the SHA-256 of what a cached result depends on besides its input.

    ``sources`` are the files of the code that makes it; ``libraries`` are (distribution,
    module) pairs whose installed versions count too, as does the Python version.
    """
    digest = hashlib.sha256(sys.version.encode())
    for source in sources:
        digest.update(source.read_bytes())
    for distribution, module in libraries:
        digest.update(f"\x00{distribution} {installed_version(distribution, module)}".encode())
    return digest.hexdigest()


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
