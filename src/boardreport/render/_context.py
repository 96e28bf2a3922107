"""The data every renderer gives its templates, built once from a report and its findings.

Numbers are formatted here, headings get their levels here and every element that a link can
point at gets its (unique, stable) anchor here, so the Markdown and HTML templates only loop and
branch. Text stays raw: plain labels are escaped by each template's environment, and Markdown
fields go through the safe prose filters of that environment.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs

from boardreport import blocks as block_kinds
from boardreport import formatting as fmt
from boardreport import model, wording
from boardreport.blocks import ModelTable, SimpleTable
from boardreport.blocks._say import person, with_page
from boardreport.errors import RenderError
from boardreport.model import (
    AgencyReturn,
    Chart,
    Column,
    PriorityArea,
    Report,
    Section,
    Table,
)
from boardreport.render._appendices import (
    compliance_rows,
    default_rules,
    for_authors,
    note_anchor,
    note_rows,
    note_status,
    ordered_notes,
    pack_title,
    sections_by_path,
)
from boardreport.render._arrangement import ARRANGEMENT_ID, arrangement_view
from boardreport.render._markup import MAX_HEADING
from boardreport.render._views import (
    BlockView,
    Cell,
    ContentsEntry,
    NoteMarker,
    ReportContext,
    SectionView,
    TableView,
)
from boardreport.rules._editions import select_edition
from boardreport.rules._registry import Finding, Rule, Severity

CONTENTS_DEPTH = 2
"""The contents list shows the top two levels of sections."""

CONTENTS_ID = "contents"
MAIN_ID = "main"
COMPLIANCE_ID = "statutory-compliance"
NOTES_ID = "notes-on-the-data"


# ---------------------------------------------------------------------------------------------
# anchors


class Anchors:
    """Hands out unique element ids, in reading order, so every build gives the same ones."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self._used: set[str] = set(reserved)

    def take(self, wanted: str) -> str:
        """Return ``wanted``, or ``wanted-2``, ``wanted-3``… if it is taken."""
        candidate = wanted
        for n in itertools.count(2):
            if candidate not in self._used:
                break
            candidate = f"{wanted}-{n}"
        self._used.add(candidate)
        return candidate


# ---------------------------------------------------------------------------------------------
# tables


def _header(column: Column) -> Cell:
    label = column.label
    if column.unit and column.unit not in label:
        label = f"{label} ({column.unit})"
    return Cell(label, column.type in model.NUMERIC_COLUMNS)


def _cells(row: Sequence[model.Cell], columns: Sequence[Column], currency: str) -> tuple[Cell, ...]:
    cells: list[Cell] = []
    for i, column in enumerate(columns):
        value: model.Cell = row[i] if i < len(row) else ""
        text = fmt.cell(value, column.type, currency, signs=column.signs)
        cells.append(Cell(text, column.type in model.NUMERIC_COLUMNS and i > 0))
    return tuple(cells)


def table_view(table: Table, anchor: str, currency: str = "GBP") -> TableView:
    """Format a model table: cells by column type, published totals in their own rows."""
    columns = table.columns
    groups: dict[tuple[str, tuple[str, ...]], dict[str, model.Figure]] = {}
    for total in table.totals:
        groups.setdefault((total.label, total.rows), {})[total.column] = total.value
    totals: list[tuple[Cell, ...]] = []
    for (label, rows), values in groups.items():
        title = f"{label} ({', '.join(rows)})" if rows else label
        cells = [Cell(title)]
        for column in columns[1:]:
            value = values.get(column.key)
            text = (
                "" if value is None else fmt.cell(value, column.type, currency, signs=column.signs)
            )
            cells.append(Cell(text, column.type in model.NUMERIC_COLUMNS))
        totals.append(tuple(cells))
    return TableView(
        anchor=anchor,
        caption=table.caption,
        headers=tuple(_header(c) for c in columns),
        rows=tuple(_cells(row, columns, currency) for row in table.rows),
        totals=tuple(totals),
        source=with_page(table.source, table.page),
        note=table.note,
    )


def _parts(view: TableView, table: Table, anchor: Callable[[str], str]) -> tuple[TableView, ...]:
    """The table in the parts it was published in (``Table.bands``), each with the row labels:
    the first has the caption, the others say they continue it, the last has source and note."""
    if not table.bands:
        return (view,)
    last = len(table.bands) - 1
    parts = []
    for n, keys in enumerate(table.bands):
        shown = [0, *(i for key in keys if (i := table.column_index(key)) is not None)]
        parts.append(
            attrs.evolve(
                view,
                anchor=view.anchor if n == 0 else anchor(f"{view.anchor}-part-{n + 1}"),
                caption=view.caption if n == 0 else f"{view.caption} (continued)",
                headers=tuple(view.headers[i] for i in shown),
                rows=tuple(tuple(row[i] for i in shown) for row in view.rows),
                totals=tuple(tuple(row[i] for i in shown) for row in view.totals),
                source=view.source if n == last else "",
                note=view.note if n == last else "",
            )
        )
    return tuple(parts)


def _simple_table(
    anchor: str,
    caption: str,
    headers: Sequence[str],
    numeric: Sequence[bool],
    rows: Iterable[Sequence[str]],
    totals: Iterable[Sequence[str]] = (),
    note: str = "",
) -> TableView:
    def line(cells: Sequence[str]) -> tuple[Cell, ...]:
        return tuple(Cell(text, numeric[i] and i > 0) for i, text in enumerate(cells))

    return TableView(
        anchor=anchor,
        caption=caption,
        headers=tuple(Cell(h, numeric[i]) for i, h in enumerate(headers)),
        rows=tuple(line(r) for r in rows),
        totals=tuple(line(r) for r in totals),
        note=note,
    )


# ---------------------------------------------------------------------------------------------
# blocks


def chair_text(chair: model.Chair) -> str:
    """``Alan Coe, Independent Chair (Chair from September 2015)``."""
    words = f"{chair.name}, {chair.title}".strip(", ")
    when = fmt.span(chair.start, chair.end)
    return f"{words} ({fmt.words(chair.role)} {when})" if when else words


def _people(report: Report) -> tuple[str, ...]:
    people = [
        f"Also chairing or signing for the Board: {chair_text(c)}" for c in report.other_chairs
    ]
    if report.scrutineer is not None:
        people.append(f"Independent scrutiny: {person(report.scrutineer)}")
    return tuple(people)


class _Builder:
    def __init__(
        self,
        report: Report,
        anchors: Anchors,
        tables: dict[str, Table] | None = None,
        markers: Mapping[str, Sequence[NoteMarker]] | None = None,
    ) -> None:
        self.report = report
        self.anchors = anchors
        self.tables = block_kinds.all_tables(report) if tables is None else tables
        self.charts: list[BlockView] = []
        self.table_anchors: dict[str, tuple[str, str]] = {}
        """Model table id → (caption, anchor) of the table where it is printed."""
        self.printed = _printed_prose(report)
        self.printed_with_narrative = self.printed + _printed_narrative(report)
        self.markers = markers or {}
        self.concerns: dict[int, str] = {}
        """Note number → anchor of the block or section it is marked on."""

    def _mark(self, path: str, anchor: str) -> tuple[NoteMarker, ...]:
        found = tuple(self.markers.get(path, ()))
        for marker in found:
            self.concerns.setdefault(marker.number, anchor)
        return found

    def _printed(self, block: model.Block, views: Sequence[TableView]) -> None:
        for table_id, view in zip(block_kinds.derived_tables(block), views, strict=False):
            self.table_anchors.setdefault(table_id, (view.caption, view.anchor))

    def block(self, block: model.Block, level: int, path: str = "") -> BlockView:
        """Build the view of one block at data path ``path`` in a section whose heading is at
        ``level``; the notes on the data about it become its markers.

        A typed block whose every text the report's prose already says (a review, challenge,
        priority, membership... encoded beside the paragraphs that describe it, for the checks)
        is not printed again: its view has kind ``"restated"`` and shows only its markers.
        """
        kind = block_kinds.kind_of(block)
        printed = self.printed if kind.narrative else self.printed_with_narrative
        texts = kind.repeatable(block)
        if kind.lists_in_prose and all(_said(t, printed) for t in texts):
            # the prose lists them (a membership's members): the table would only add what
            # is data for the checks (their roles), not what the report says
            view = attrs.evolve(self._block(_unsaid(block, printed), level), tables=())
        elif texts and all(_said(text, printed) for text in texts):
            view = BlockView(kind="restated", anchor="", level=level, item=block)
        else:
            view = self._block(_unsaid(block, printed), level)
        self._printed(block, view.tables)
        if not view.anchor and self.markers.get(path):
            wanted = model.slug(path.rpartition("/")[2], empty="item")
            view = attrs.evolve(view, anchor=self.anchors.take(wanted))
        markers = self._mark(path, view.anchor)
        return attrs.evolve(view, markers=markers, heading=kind.heading(block))

    def _block(self, block: model.Block, level: int) -> BlockView:
        inner = min(level + 1, MAX_HEADING)
        kind = block_kinds.kind_of(block)
        if kind.drawn:
            assert isinstance(block, Chart)
            return self.chart(block, inner)
        tag = model.block_tag(block)
        if kind.anchored_by_table:
            tables = self._tables(kind.reader(block, self.report).tables)
            return BlockView(
                kind=tag, anchor=tables[0].anchor, level=inner, item=block, tables=tables
            )
        block_id = getattr(block, "id", None)
        anchor = self.anchors.take(f"{tag.replace('_', '-')}-{block_id}") if block_id else ""
        parts = kind.reader(block, self.report)
        shown = block if parts.shown_as is None else parts.shown_as
        return BlockView(
            kind=model.block_tag(shown),
            anchor=anchor,
            level=inner,
            item=shown,
            tables=self._tables(parts.tables),
            facts=parts.facts,
            extra=parts.extra,
        )

    def _tables(self, shown: Iterable[SimpleTable | ModelTable]) -> tuple[TableView, ...]:
        views: list[TableView] = []
        for table in shown:
            anchor = self.anchors.take(table.anchor)
            if isinstance(table, ModelTable):
                view = table_view(table.table, anchor)
                views.extend(_parts(view, table.table, self.anchors.take))
            else:
                views.append(
                    _simple_table(
                        anchor,
                        table.caption,
                        table.headers,
                        table.numeric,
                        table.rows,
                        table.totals,
                    )
                )
        return tuple(views)

    def chart(self, chart: Chart, level: int) -> BlockView:
        table = self.tables.get(chart.table)
        if table is None:
            msg = f"chart '{chart.id}' is bound to table '{chart.table}', which no block presents"
            raise RenderError(msg)
        if any(c.item.id == chart.id for c in self.charts):
            msg = f"two charts have the id '{chart.id}'; chart ids name files and must be unique"
            raise RenderError(msg)
        anchor = self.anchors.take(f"chart-{chart.id}")
        target = self.anchors.take(f"chart-{chart.id}-view")
        # the chart's figures are the table's, printed where the report prints the table: the
        # chart links to it instead of printing the figures a second time
        view = BlockView(
            kind="chart",
            anchor=anchor,
            level=level,
            item=chart,
            image=f"charts/{chart.id}.svg",
            target=target,
            data=(table.caption, f"table:{chart.table}"),
        )
        self.charts.append(view)
        return view

    def section(self, section: Section, path: str, depth: int) -> SectionView:
        level = min(depth + 2, MAX_HEADING)
        anchor = self.anchors.take(section.id)
        markers = self._mark(path, anchor)
        blocks = tuple(
            self.block(b, level, f"{path}/{model.block_key(b, i)}")
            for i, b in enumerate(section.blocks)
        )
        overline = ""
        if blocks and _same(blocks[0].heading, section.title):
            # the first block's heading would repeat the section's, read twice in a row; an
            # agency return's form label then stands before the section's heading
            first = blocks[0]
            if isinstance(first.item, AgencyReturn):
                overline = first.item.label
            elif isinstance(first.item, PriorityArea) and first.facts:
                overline = first.facts[0]
            # what the block nests under its heading now nests under the section's
            first = attrs.evolve(first, heading="", overline=bool(overline), level=level)
            blocks = (first, *blocks[1:])
        # a later block named like its section (an agency return after the agency's own
        # paragraphs) would otherwise be read as the same heading again; its form label, as
        # on the published form, stands before the section's heading
        later = [b for b in blocks[1:] if _same(b.heading, section.title)]
        label = next((b.item.label for b in later if isinstance(b.item, AgencyReturn)), "")
        overline = overline or label
        blocks = tuple(
            attrs.evolve(b, heading="", overline=b.overline or bool(label), level=level)
            if b in later
            else b
            for b in blocks
        )
        children = tuple(self.section(s, f"{path}/{s.id}", depth + 1) for s in section.sections)
        return SectionView(
            path=path,
            anchor=anchor,
            title=section.title,
            level=level,
            appendix=section.appendix,
            blocks=blocks,
            sections=children,
            byline="" if section.author is None else f"By {person(section.author)}",
            markers=markers,
            overline=overline,
        )

    def resolve(self, view: BlockView) -> BlockView:
        """Point a chart at the printed table of its figures (known once every block is built)."""
        if view.kind != "chart":
            return view
        table_id = view.data[1].removeprefix("table:")
        return attrs.evolve(view, data=self.table_anchors.get(table_id, (view.data[0], "")))


_WORDS = re.compile(r"[^\w%]+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


def _plain_words(text: str) -> str:
    return " " + " ".join(_WORDS.sub(" ", text.lower()).split()) + " "


def _printed_prose(report: Report) -> str:
    """Every paragraph the report prints as prose, as plain lower-case words (a priority's
    narrative included: it is printed as written, never filtered)."""
    parts = [
        text
        for located in model.iter_blocks(report)
        for text in block_kinds.kind_of(located.item).prose(located.item)
    ]
    return _plain_words("\n".join(parts))


def _printed_narrative(report: Report) -> str:
    """The priorities' narrative texts, as plain lower-case words."""
    parts: list[str] = []
    for located in model.iter_blocks(report, PriorityArea):
        item = located.item
        parts.extend((item.aim, item.progress, item.work_in_progress, item.next_year))
    return _plain_words("\n".join(parts))


def _said(text: str, printed: str) -> bool:
    words = _plain_words(text)
    return bool(words.strip()) and words in printed


def _unsaid(block: model.Block, printed: str) -> model.Block:
    """The block without the texts the report's prose already says (printed there once)."""

    def keep(text: str) -> str:
        if _said(text, printed):
            return ""
        sentences = _SENTENCE.split(text.strip())
        if len(sentences) < 2 or "\n" in text.strip():
            return text
        return " ".join(s for s in sentences if not _said(s, printed))

    def keep_all(texts: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(t for t in texts if not _said(t, printed))

    unsaid: model.Block = block_kinds.kind_of(block).without_said(block, keep, keep_all)
    return unsaid


def _same(first: str, second: str) -> bool:
    """True when two headings say the same: equal words, or equal after a "Priority 2:"-style
    prefix ("PRIORITY AREA 2: X", "Priority 2: X" and "X")."""
    if not first:
        return False
    same_words = model.slug(first, empty="item") == model.slug(second, empty="item")
    return same_words or _unprefixed(first) == _unprefixed(second)


def _unprefixed(heading: str) -> str:
    return model.slug(heading.split(":", 1)[1] if ":" in heading else heading, empty="item")


def _resolve_sections(
    sections: Sequence[SectionView], builder: _Builder
) -> tuple[SectionView, ...]:
    return tuple(
        attrs.evolve(
            s,
            blocks=tuple(builder.resolve(b) for b in s.blocks),
            sections=_resolve_sections(s.sections, builder),
        )
        for s in sections
    )


def _contents(sections: Iterable[SectionView], depth: int = 1) -> tuple[ContentsEntry, ...]:
    return tuple(
        ContentsEntry(
            title=s.title,
            anchor=s.anchor,
            children=_contents(s.sections, depth + 1) if depth < CONTENTS_DEPTH else (),
        )
        for s in sections
    )


def _markers(findings: Sequence[Finding], statutory: frozenset[str]) -> dict[str, list[NoteMarker]]:
    """Data path of a block or section → the markers of the notes about it."""
    found: dict[str, list[NoteMarker]] = {}
    for number, finding in enumerate(findings, start=1):
        if not finding.path:
            continue
        target = finding.path.partition(".")[0]
        marker = NoteMarker(
            number=number, anchor=note_anchor(number), summary=note_status(finding, statutory)
        )
        found.setdefault(target, []).append(marker)
    return found


def _summary(report: Report, sections: Sequence[SectionView]) -> tuple[str, str, str]:
    text = str(getattr(report, "summary", "") or "")
    for view in sections:
        if view.title.lower().startswith("summary"):
            return text, view.title, view.anchor
    return text, "", ""


def build_context(
    report: Report,
    findings: Sequence[Finding] = (),
    *,
    evidence: Mapping[str, Sequence[str]] | None = None,
    rules: Sequence[Rule] | None = None,
    tables: dict[str, Table] | None = None,
    author_notes: bool = False,
) -> ReportContext:
    """Build the template data of ``report`` (the same for every format).

    Args:
        report: the report.
        findings: the findings of a check, suppressed ones included (marked as such).
        evidence: rule id → data paths where the rule's requirement is met; None when the
            report was not checked, which the compliance appendix then says.
        rules: the rules whose framework is the report's make the compliance table; by
            default every registered rule.
        tables: the report's tables (:func:`boardreport.blocks.all_tables`), if computed.
        author_notes: include the findings meant for the report's authors (information such
            as glossary suggestions, and suppression hygiene) in the notes on the data.

    Raises:
        RenderError: when a chart is bound to a table the report does not have.
    """
    ids = {
        "main": MAIN_ID,
        "contents": CONTENTS_ID,
        "contents_heading": f"{CONTENTS_ID}-heading",
        "compliance": COMPLIANCE_ID,
        "notes": NOTES_ID,
        "draft": "draft-notice",
        "arrangement": ARRANGEMENT_ID,
    }
    rules = default_rules() if rules is None else rules
    framework = select_edition(report).framework
    statutory = frozenset(r.id for r in rules if r.framework == framework)
    notes = ordered_notes(findings, authors=author_notes)
    anchors = Anchors(reserved=ids.values())
    builder = _Builder(report, anchors, tables, _markers(notes, statutory))
    sections = tuple(builder.section(s, s.id, 0) for s in report.sections)
    sections = _resolve_sections(sections, builder)
    by_path = sections_by_path(sections)
    arrangement = arrangement_view(report, said=lambda text: _said(text, builder.printed))
    contents = (
        *_contents(sections),
        *(
            [ContentsEntry(title=arrangement.title, anchor=arrangement.anchor)]
            if arrangement
            else []
        ),
        ContentsEntry(title=wording.COMPLIANCE_TITLE, anchor=COMPLIANCE_ID),
        ContentsEntry(title=wording.NOTES_TITLE, anchor=NOTES_ID),
    )
    chair = report.chair
    recipients = [_recipient(r) for r in report.recipients]
    open_errors = sum(1 for f in findings if f.severity is Severity.ERROR and not f.suppressed)
    return ReportContext(
        language=report.language,
        title=report.title,
        board=report.board,
        area=report.area,
        period=f"{fmt.date(report.period_start)} to {fmt.date(report.period_end)}"
        + (" (inferred from the report's text)" if report.period_inferred else ""),
        period_label=report.period_label,
        chair="" if chair is None else chair_text(chair),
        publication_date=""
        if report.publication_date is None
        else fmt.date(report.publication_date),
        people=_people(report),
        recipients=_join([r for r in recipients if r]),
        contents=contents,
        sections=sections,
        charts=tuple(builder.charts),
        checked=evidence is not None,
        pack=pack_title(report, rules),
        compliance=compliance_rows(report, rules, findings, evidence, by_path),
        notes=note_rows(notes, by_path, statutory=statutory, concerns=builder.concerns),
        ids=ids,
        draft=open_errors > 0,
        open_errors=open_errors,
        summary=_summary(report, sections),
        recipients_submitted=all(
            r.status is model.SubmissionStatus.SUBMITTED for r in report.recipients
        ),
        author_notes=author_notes,
        hidden_notes=sum(1 for f in findings if for_authors(f)) if not author_notes else 0,
        arrangement=arrangement,
    )


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _recipient(recipient: model.Recipient) -> str:
    """``the Chief Executive (Keith Ireland)``; a recipient of no standard role by its name."""
    role = wording.RECIPIENTS[recipient.role.value]
    if not role:
        return recipient.name
    return f"{role} ({recipient.name})" if recipient.name else role
