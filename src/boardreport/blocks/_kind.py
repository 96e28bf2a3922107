"""What a block kind registers: its tables, its content tests and what it shows readers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from attrs import frozen

from boardreport import model


@frozen(kw_only=True)
class SimpleTable:
    """A table of texts a block shows readers; the renderer gives it its anchor."""

    anchor: str
    """The anchor wanted (the renderer makes it unique)."""
    caption: str
    headers: tuple[str, ...]
    numeric: tuple[bool, ...]
    """Per column: right-aligned figures."""
    rows: tuple[tuple[str, ...], ...]
    totals: tuple[tuple[str, ...], ...] = ()


@frozen(kw_only=True)
class ModelTable:
    """A model table a block shows readers, its cells formatted by column type."""

    anchor: str
    """The anchor wanted (the renderer makes it unique)."""
    table: model.Table


@frozen(kw_only=True)
class ReaderParts:
    """What a block shows readers besides its own fields, in reader words."""

    facts: tuple[str, ...] = ()
    """Short sentences: a KPI's value and comparisons, a review's counts."""
    extra: tuple[tuple[str, str], ...] = ()
    """Labelled texts: an agency's answers under their questions, a priority's progress."""
    tables: tuple[SimpleTable | ModelTable, ...] = ()
    shown_as: model.Block | None = None
    """Another block the reader sees in its place (prose still to be written: a placeholder)."""


Texts = Callable[[str], str]
"""Keeps what of one text the report's prose does not already say."""
TextList = Callable[[tuple[str, ...]], tuple[str, ...]]
"""Keeps the texts of a list the report's prose does not already say."""


def _no_tables(_: Any) -> dict[str, model.Table]:
    return {}


def _never(_: Any) -> bool:
    return False


def _no_texts(_: Any) -> tuple[str, ...]:
    return ()


def _unchanged(block: Any, _: Texts, __: TextList) -> Any:
    return block


def _nothing(_: Any, __: model.Report) -> ReaderParts:
    return ReaderParts()


def _no_heading(_: Any) -> str:
    return ""


@frozen(kw_only=True)
class BlockKind:
    """One block kind's behaviour, registered once by the module of that kind.

    The attrs class (in :mod:`boardreport.model`) is the data and the schema; this is what the
    rest of the house asks of it: the tables it presents to charts and checks, whether it has
    substance for a duty, what it shows readers and which of its texts may repeat the prose.
    """

    cls: type[Any]
    has_content: Callable[[Any], bool]
    """True when the block has substance (never for placeholders, zeros or "N/A")."""
    tables: Callable[[Any], dict[str, model.Table]] = _no_tables
    """The tables the block presents, by table id (what charts and checks find)."""
    states_not_published: Callable[[Any], bool] = _never
    """True when the block only states that its data was not published."""
    reader: Callable[[Any, model.Report], ReaderParts] = _nothing
    """What readers see besides the block's own fields."""
    heading: Callable[[Any], str] = _no_heading
    """The heading the block prints above itself, if any."""
    prose: Callable[[Any], tuple[str, ...]] = _no_texts
    """The texts it prints as written paragraphs, which other blocks need not repeat."""
    repeatable: Callable[[Any], tuple[str, ...]] = _no_texts
    """The texts the block prints that the report's prose may already say."""
    without_said: Callable[[Any, Texts, TextList], Any] = _unchanged
    """The block without the texts the prose already says (given the two filters)."""
    lists_in_prose: bool = False
    """When every repeatable text is in the prose, the block still shows its facts (its
    tables go): a membership whose members the prose names."""
    narrative: bool = False
    """Its repeatable texts are themselves printed narrative (a priority's aim and progress):
    only other prose counts as saying them first."""
    drawn: bool = False
    """The renderer draws it (a chart) instead of asking :attr:`reader`."""
    anchored_by_table: bool = False
    """The block is one table, whose anchor is the block's (a table)."""


KINDS: dict[type[Any], BlockKind] = {}
"""Every registered kind, by its model class."""


def register(kind: BlockKind) -> BlockKind:
    """Register ``kind`` for its class (each class once)."""
    if kind.cls in KINDS:
        msg = f"block kind {kind.cls.__name__} is registered twice"
        raise ValueError(msg)
    KINDS[kind.cls] = kind
    return kind
