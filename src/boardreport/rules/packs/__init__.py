"""The rule packs. Each module here declares one pack; adding a module adds a pack.

Modules are found by listing this package, so the engine never names a pack.
"""

from __future__ import annotations

import importlib
import pkgutil

_LOADED: list[str] = []


def load_packs() -> tuple[str, ...]:
    """Import every pack module in this package once; return their names."""
    if not _LOADED:
        names = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
        for name in names:
            importlib.import_module(f"{__name__}.{name}")
        _LOADED.extend(names)
    return tuple(_LOADED)
