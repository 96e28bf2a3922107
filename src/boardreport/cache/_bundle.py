"""The Vega, Vega-Lite and vega-embed script bundle that every page with charts inlines.

vl-convert assembles the bundle in an embedded JavaScript runtime, which takes seconds, so the
bundle is kept in the cache. Its entry is keyed by the installed vl-convert: its version and
the identity of its library file (device, inode, size, modification time), which any
reinstall changes. The entry is trusted only as every entry is (this user's file in this
user's folders, see :mod:`boardreport.cache._files`); nothing in the entry vouches for
itself. Without a cache the bundle comes from vl-convert itself.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

from boardreport.cache._store import Cache
from boardreport.cache._versions import installed_version
from boardreport.errors import RenderError

KIND = "script-bundle"
_UNSAFE_IN_SCRIPT = re.compile(r"</script|<!--", re.IGNORECASE)


def library_identity() -> tuple[str, ...]:
    """The installed vl-convert: version and library file identity (empty if not found)."""
    version = installed_version("vl-convert-python", "vl_convert")
    spec = importlib.util.find_spec("vl_convert")
    if spec is None or not spec.submodule_search_locations:
        return (version,)
    folder = Path(next(iter(spec.submodule_search_locations)))
    found: list[str] = [version]
    for library in sorted(folder.iterdir()):
        if library.name.startswith("vl_convert") and library.suffix in (".so", ".pyd", ".dylib"):
            info = library.stat()
            found.append(
                f"{library.name}:{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}"
            )
    return tuple(found)


@cache
def fresh_bundle() -> str:
    """Return the bundle as the installed vl-convert makes it (seconds, once per process)."""
    import vl_convert

    # the stub marks ``snippet`` as required; the function's own default (None) gives the bundle
    # that sets vegaEmbed, vega and vegaLite on window
    bundle: str = vl_convert.javascript_bundle()  # type: ignore[call-arg]
    return bundle


def _checked(bundle: str) -> str:
    if _UNSAFE_IN_SCRIPT.search(bundle):
        msg = "the vl-convert script bundle contains '</script' or '<!--' and cannot be inlined"
        raise RenderError(msg)
    return bundle


def script_bundle(store: Cache | None) -> str:
    """Return the script bundle that defines ``vegaEmbed``, ``vega`` and ``vegaLite``.

    Raises:
        RenderError: if the bundle could not be placed inside a ``<script>`` element safely.
    """
    if store is None or fresh_bundle.cache_info().currsize:
        return _checked(fresh_bundle())
    key = library_identity()
    kept = store.text(KIND, key)
    if kept is not None:
        return _checked(kept)
    bundle = fresh_bundle()
    store.put(KIND, key, bundle)
    return _checked(bundle)
