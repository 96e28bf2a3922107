"""The cache: results kept between runs, as data, read only from this user's private files.

One entry type (:class:`Cache`: a JSON document per entry) and one trust policy for every
entry (:mod:`boardreport.cache._files`): loaded reports, chart specifications and drawings,
rendered prose and the chart script bundle. No entry is ever run or unpickled, so the worst a
planted entry can do is be rejected. Code that uses the cache is given a :class:`Cache` object;
``None`` means "use no cache".
"""

from __future__ import annotations

from boardreport.cache._bundle import script_bundle
from boardreport.cache._codec import (
    CodecError,
    structure_report,
    structure_sources,
    unstructure_report,
    unstructure_sources,
)
from boardreport.cache._fragments import Fragments
from boardreport.cache._store import CACHE_ENV, Cache, cache_dir, default_cache
from boardreport.cache._versions import code_version, installed_version

__all__ = [
    "CACHE_ENV",
    "Cache",
    "CodecError",
    "Fragments",
    "cache_dir",
    "code_version",
    "default_cache",
    "installed_version",
    "script_bundle",
    "structure_report",
    "structure_sources",
    "unstructure_report",
    "unstructure_sources",
]
