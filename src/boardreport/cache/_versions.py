"""What a cached result depends on besides its input: code, library and Python versions."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path


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
