"""The views templates receive: formatted tables, blocks, sections, appendix rows.

Everything here is plain, immutable data; ``_context.build_context`` builds it.
"""

from __future__ import annotations

from typing import Any

from attrs import field, frozen


@frozen
class Cell:
    """One formatted table cell; numeric cells are right-aligned."""

    text: str
    numeric: bool = False


@frozen(kw_only=True)
class TableView:
    """A table ready to print: a caption, header cells, body rows and published totals rows.

    The first cell of each body and totals row is the row's header.
    """

    anchor: str
    caption: str
    headers: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    totals: tuple[tuple[Cell, ...], ...] = ()
    source: str = ""
    note: str = ""


@frozen(kw_only=True)
class BlockView:
    """One block: ``kind`` is its TOML tag; ``level`` is the level of its own heading, if any."""

    kind: str
    anchor: str
    level: int
    item: Any
    """The model block, for its plain fields (titles, texts)."""
    tables: tuple[TableView, ...] = ()
    facts: tuple[str, ...] = ()
    """Short sentences: a KPI's value, comparisons and history; a review's counts."""
    extra: tuple[tuple[str, str], ...] = ()
    """Labelled texts: agency answers under their question, a priority's progress."""
    image: str = ""
    """For a chart: the relative path of its SVG image."""
    target: str = ""
    """For a chart: the id of the element the chart is drawn into."""


@frozen(kw_only=True)
class SectionView:
    """A section with its heading level, anchor and rendered blocks."""

    path: str
    anchor: str
    title: str
    level: int
    appendix: bool
    blocks: tuple[BlockView, ...]
    sections: tuple[SectionView, ...]
    byline: str = ""
    """Who signed the section, when the report names someone (a foreword by a vice-chair)."""


@frozen(kw_only=True)
class ContentsEntry:
    """One line of the contents list."""

    title: str
    anchor: str
    children: tuple[ContentsEntry, ...] = ()


@frozen(kw_only=True)
class ComplianceRow:
    """One rule of the report's statutory pack: where it is met and whether it is."""

    rule: str
    name: str
    citation: str
    status: str
    sections: tuple[tuple[str, str], ...]
    """(section title, anchor) pairs."""
    reasons: tuple[str, ...] = ()


@frozen(kw_only=True)
class NoteRow:
    """One finding, suppressed (with the board's reason) or still open."""

    rule: str
    severity: str
    message: str
    path: str
    section: tuple[str, str] | None
    suppressed: bool
    reason: str


@frozen(kw_only=True)
class ReportContext:
    """Everything a report template needs."""

    language: str
    title: str
    board: str
    area: str
    period: str
    period_label: str
    chair: str
    publication_date: str
    recipients: str
    contents: tuple[ContentsEntry, ...]
    sections: tuple[SectionView, ...]
    charts: tuple[BlockView, ...]
    checked: bool
    pack: str
    compliance: tuple[ComplianceRow, ...]
    notes: tuple[NoteRow, ...]
    draft: bool = False
    """True while the report has unsuppressed error findings: every format says it is a draft."""
    ids: dict[str, str] = field(factory=dict)
    """Fixed anchors: main, contents, compliance, notes."""
    people: tuple[str, ...] = ()
    """Other chairs, vice-chairs and the independent scrutineer, each as a sentence."""
