"""The Vega, Vega-Lite and vega-embed script bundle that every page with charts inlines.

vl-convert assembles the bundle in an embedded JavaScript runtime, which takes seconds, so the
bundle is kept in the cache. Its entry is keyed by the installed vl-convert: its version and
the identity of its library file (device, inode, size, modification time), which any
reinstall changes. The entry is read only as every entry is (this user's file in this
user's folders, see :mod:`boardreport.cache._files`), and a kept bundle is inlined only if
its SHA-256 is the one recorded here, in the package, for the installed vl-convert version:
the digest of the bundle that version makes, not one the entry carries. For a version not
recorded, nothing outside the cache could vouch for a kept copy, so the bundle is made afresh
by vl-convert in every process. Without a cache the bundle comes from vl-convert itself.

To record a new version, run ``python -c "import hashlib, vl_convert;
print(hashlib.sha256(vl_convert.javascript_bundle().encode()).hexdigest())"`` with it installed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from functools import cache
from pathlib import Path
from typing import Final

from boardreport.cache._store import Cache
from boardreport.cache._versions import installed_version
from boardreport.errors import RenderError

KIND = "script-bundle"
_UNSAFE_IN_SCRIPT = re.compile(r"</script|<!--", re.IGNORECASE)

#: The SHA-256 of the bundle each vl-convert version makes (the bundle is deterministic).
KNOWN_BUNDLE_SHA256: Final[dict[str, str]] = {
    "1.9.0.post1": "3425bd951a44d478d0505c6b5d1e8d57656b6e9a4da7bfe88a718ce61d76e572",
}


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


def _digest(bundle: str) -> str:
    return hashlib.sha256(bundle.encode("utf-8")).hexdigest()


def expected_digest() -> str | None:
    """The recorded SHA-256 of the installed vl-convert's bundle, if its version is recorded."""
    return KNOWN_BUNDLE_SHA256.get(installed_version("vl-convert-python", "vl_convert"))


def script_bundle(store: Cache | None) -> str:
    """Return the script bundle that defines ``vegaEmbed``, ``vega`` and ``vegaLite``.

    A kept bundle is used only when its digest is the installed version's recorded one; any
    other kept text is ignored and replaced by vl-convert's own bundle.

    Raises:
        RenderError: if the bundle could not be placed inside a ``<script>`` element safely.
    """
    expected = expected_digest()
    if store is None or expected is None or fresh_bundle.cache_info().currsize:
        return _checked(fresh_bundle())
    key = library_identity()
    kept = store.text(KIND, key)
    if kept is not None and _digest(kept) == expected:
        return _checked(kept)
    bundle = fresh_bundle()
    if _digest(bundle) == expected:
        store.put(KIND, key, bundle)
    return _checked(bundle)
