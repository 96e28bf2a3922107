"""The Vega, Vega-Lite and vega-embed script bundle, cached on disk between builds.

vl-convert assembles the bundle in an embedded JavaScript runtime, which takes seconds. The
result depends only on the vl-convert version, so it is kept in the user's cache folder
(``$BOARDREPORT_CACHE``, else ``$XDG_CACHE_HOME/boardreport``, else ``~/.cache/boardreport``)
under a name that carries that version. A cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from boardreport._cachedir import cache_dir, installed_version
from boardreport.errors import RenderError
from boardreport.render._cache import read_verified, write_verified

__all__ = ["bundle_path", "javascript_bundle"]

_UNSAFE_IN_SCRIPT = re.compile(r"</script|<!--", re.IGNORECASE)
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def bundle_path() -> Path:
    """Return the cache file of the bundle for the installed vl-convert version."""
    version = _SAFE_NAME.sub("_", installed_version("vl-convert-python", "vl_convert"))
    return cache_dir() / f"vl-convert-{version}-bundle.js"


def _check(bundle: str) -> str:
    if _UNSAFE_IN_SCRIPT.search(bundle):
        msg = "the vl-convert script bundle contains '</script' or '<!--' and cannot be inlined"
        raise RenderError(msg)
    return bundle


@cache
def javascript_bundle() -> str:
    """Return the script bundle that defines ``vegaEmbed``, ``vega`` and ``vegaLite``.

    Raises:
        RenderError: if the bundle could not be placed inside a ``<script>`` element safely.
    """
    path = bundle_path()
    cached = read_verified(path)
    if cached is not None:
        return _check(cached)
    import vl_convert

    # the stub marks ``snippet`` as required; the function's own default (None) gives the bundle
    # that sets vegaEmbed, vega and vegaLite on window
    bundle: str = vl_convert.javascript_bundle()  # type: ignore[call-arg]
    write_verified(path, bundle)
    return _check(bundle)
