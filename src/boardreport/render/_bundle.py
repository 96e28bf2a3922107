"""The Vega, Vega-Lite and vega-embed script bundle, cached on disk between builds.

vl-convert assembles the bundle in an embedded JavaScript runtime, which takes seconds. The
result depends only on the vl-convert version, so it is kept in the user's cache folder
(``$BOARDREPORT_CACHE``, else ``$XDG_CACHE_HOME/boardreport``, else ``~/.cache/boardreport``)
under a name that carries that version. A cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

from boardreport.errors import RenderError

CACHE_ENV = "BOARDREPORT_CACHE"
_UNSAFE_IN_SCRIPT = re.compile(r"</script|<!--", re.IGNORECASE)
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def cache_dir() -> Path:
    """Return the folder where boardreport keeps cached files."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "boardreport"


def bundle_path() -> Path:
    """Return the cache file of the bundle for the installed vl-convert version."""
    version = _SAFE_NAME.sub("_", metadata.version("vl-convert-python"))
    return cache_dir() / f"vl-convert-{version}-bundle.js"


def _check(bundle: str) -> str:
    if _UNSAFE_IN_SCRIPT.search(bundle):
        msg = "the vl-convert script bundle contains '</script' or '<!--' and cannot be inlined"
        raise RenderError(msg)
    return bundle


def _read(path: Path) -> str | None:
    """Return the cached bundle if it is whole: its last line is the SHA-256 of the rest."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    body, _, trailer = text.rpartition("\n//sha256:")
    if not body or hashlib.sha256(body.encode("utf-8")).hexdigest() != trailer.strip():
        return None
    return body


def _write(path: Path, bundle: str) -> None:
    digest = hashlib.sha256(bundle.encode("utf-8")).hexdigest()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(f"{bundle}\n//sha256:{digest}\n")
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return  # a read-only or full cache only costs time


@cache
def javascript_bundle() -> str:
    """Return the script bundle that defines ``vegaEmbed``, ``vega`` and ``vegaLite``.

    Raises:
        RenderError: if the bundle could not be placed inside a ``<script>`` element safely.
    """
    path = bundle_path()
    cached = _read(path)
    if cached is not None:
        return _check(cached)
    import vl_convert

    # the stub marks ``snippet`` as required; the function's own default (None) gives the bundle
    # that sets vegaEmbed, vega and vegaLite on window
    bundle: str = vl_convert.javascript_bundle()  # type: ignore[call-arg]
    _write(path, bundle)
    return _check(bundle)
