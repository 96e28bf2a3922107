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
class NoteMarker:
    """A link from a block or section to a note on the data about it."""

    number: int
    anchor: str
    """The note's anchor."""
    summary: str
    """The note in a few plain words (its status)."""


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
    heading: str = ""
    """The block's own heading; empty when it would repeat the heading just above it."""
    data: tuple[str, str] = ("", "")
    """For a chart: (caption, anchor) of the table that holds its figures."""
    markers: tuple[NoteMarker, ...] = ()
    """The notes on the data that concern this block."""
    overline: bool = False
    """True when the section prints this block's label before its heading instead."""


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
    markers: tuple[NoteMarker, ...] = ()
    """The notes on the data about the section as a whole."""
    overline: str = ""
    """A label printed just before the heading: an agency return's form label ("Agency")
    when the section is named after the agency."""


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
    """One of ``wording.DUTY_STATUSES``: "met", "not met", "accepted by the Board", "data not
    published", "not checked"."""
    sections: tuple[tuple[str, str], ...]
    """(section title, anchor) pairs."""
    reasons: tuple[str, ...] = ()
    duty: str = ""
    """The duty in plain words (the rule's name as a sentence)."""


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
    number: int = 0
    anchor: str = ""
    """The note's own anchor, linked from the marker beside what it concerns."""
    status: str = ""
    """In plain words: "Open error", "Duty not met, accepted by the Board", "Kept as published"."""
    concerns: str = ""
    """The anchor of the block or section the note is about (its marker), if any."""


@frozen(kw_only=True)
class ArrangementView:
    """The safeguarding arrangement that publishes the report, as readers see it."""

    anchor: str
    title: str
    facts: tuple[str, ...] = ()
    """Short plain sentences: what publishes the report, how many children live in the area."""
    partners: TableView | None = None
    """The partners or members: organisation, which partner, lead and delegate."""
    activities: tuple[tuple[str, str], ...] = ()
    """(organisation, what it did in the year) for each partner that says."""
    relevant_agencies: tuple[str, ...] = ()
    described: tuple[tuple[str, str], ...] = ()
    """(label, prose): education, independent scrutiny, changes, where it is published."""


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
    ids: dict[str, str] = field(factory=dict)
    """Fixed anchors: main, contents, compliance, notes."""
    people: tuple[str, ...] = ()
    """Other chairs, vice-chairs and the independent scrutineer, each as a sentence."""
    draft: bool = False
    """True while the report has unsuppressed error findings: it must not be published."""
    open_errors: int = 0
    """The number of unsuppressed error findings."""
    summary: tuple[str, str, str] = ("", "", "")
    """The report's own summary: (text, section title, section anchor); empty parts if none."""
    recipients_submitted: bool = True
    """False when the report says only that it should (or will) be submitted to them."""
    author_notes: bool = False
    """True when notes meant for authors (info, suppression hygiene) are included."""
    hidden_notes: int = 0
    """The number of author-only notes left out."""
    arrangement: ArrangementView | None = None
    """The arrangement (partners, scrutiny), when the report describes one."""
