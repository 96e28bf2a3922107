"""One home per block kind: what each kind of block does for the checks and for readers.

Each public module here registers one kind (or a family of small ones, such as the text
blocks) with :func:`register` and is found by listing the folder. A kind gives the tables it
presents, whether it has substance for a duty, whether it only states that its data was not
published, what it shows readers and which of its texts may repeat the report's prose. The
attrs classes themselves are in :mod:`boardreport.model` (they are the data, and the schema is
generated from them). The rules and the renderers ask this registry; neither has a ladder of
block types.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from boardreport import model
from boardreport.blocks._kind import (
    KINDS,
    BlockKind,
    ModelTable,
    ReaderParts,
    SimpleTable,
    register,
)

__all__ = [
    "KINDS",
    "BlockKind",
    "ModelTable",
    "ReaderParts",
    "SimpleTable",
    "all_tables",
    "derived_tables",
    "has_content",
    "kind_of",
    "register",
    "states_not_published",
]

for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_"):  # each public module registers its kinds
        importlib.import_module(f"{__name__}.{_module.name}")

_unregistered = [tag for tag, cls in model.BLOCK_TYPES.items() if cls not in KINDS]
if _unregistered:  # a kind added to the model without its module here
    msg = f"block kinds without a module in boardreport.blocks: {_unregistered}"
    raise ImportError(msg)


def kind_of(block: model.Block) -> BlockKind:
    """The registered behaviour of ``block``'s kind."""
    return KINDS[type(block)]


def derived_tables(block: model.Block) -> dict[str, model.Table]:
    """The tables a block presents, keyed by table id; blocks without an id present none.

    A Budget with id ``b`` gives ``b-income`` and ``b-expenditure`` (columns ``item``,
    ``amount``); an Attendance with id ``a`` gives ``a`` (``name``, ``percent``); a
    ChildDeathReview with id ``c`` gives ``c-<breakdown label>`` (``category``, ``count``).
    """
    if not getattr(block, "id", None):
        return {}
    return kind_of(block).tables(block)


def all_tables(report: model.Report) -> dict[str, model.Table]:
    """Every table of the report, written or derived, keyed by id (the first one wins)."""
    found: dict[str, model.Table] = {}
    for located in model.iter_blocks(report):
        for table_id, shown in derived_tables(located.item).items():
            found.setdefault(table_id, shown)
    return found


def has_content(block: Any) -> bool:
    """Return True when ``block`` has substance.

    Placeholders, empty, ``TODO``, "N/A" or "not published" text, notes that a figure is
    missing, and tables or budgets whose figures are all 0 never count.
    """
    kind = KINDS.get(type(block))
    return kind is not None and kind.has_content(block)


def states_not_published(block: Any) -> bool:
    """Return True when ``block`` only states that its data was not published."""
    kind = KINDS.get(type(block))
    return kind is not None and kind.states_not_published(block)
