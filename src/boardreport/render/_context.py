"""The data every renderer gives its templates, built once from a report and its findings.

Numbers are formatted here, headings get their levels here and every element that a link can
point at gets its (unique, stable) anchor here, so the Markdown and HTML templates only loop and
branch. Text stays raw: plain labels are escaped by each template's environment, and Markdown
fields go through the safe prose filters of that environment.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from boardreport import model, wording
from boardreport.errors import RenderError
from boardreport.model import (
    KPI,
    AgencyReturn,
    Attendance,
    Budget,
    Challenge,
    Chart,
    ChildDeathReview,
    Column,
    Membership,
    MissingFigure,
    Placeholder,
    PriorityArea,
    Prose,
    Report,
    Review,
    Section,
    Table,
)
from boardreport.render import _format as fmt
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
COMPLIANCE_TITLE = wording.COMPLIANCE_TITLE
NOTES_TITLE = wording.NOTES_TITLE
MISSING_FIGURE_LABEL = wording.MISSING_FIGURE


# ---------------------------------------------------------------------------------------------
# anchors


def _slug(text: str) -> str:
    return model.slug(text) or "item"


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
        cells.append(
            Cell(
                fmt.cell(value, column.type, currency),
                column.type in model.NUMERIC_COLUMNS and i > 0,
            )
        )
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
            text = "" if value is None else fmt.cell(value, column.type, currency)
            cells.append(Cell(text, column.type in model.NUMERIC_COLUMNS))
        totals.append(tuple(cells))
    return TableView(
        anchor=anchor,
        caption=table.caption,
        headers=tuple(_header(c) for c in columns),
        rows=tuple(_cells(row, columns, currency) for row in table.rows),
        totals=tuple(totals),
        source=_with_page(table.source, table.page),
        note=table.note,
    )


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


def _amount(line: model.IncomeLine, currency: str) -> str:
    if line.amount is None:
        return "In kind (no value given)"
    return fmt.money(line.amount, currency)


def _budget_caption(budget: Budget, caption: str) -> str:
    kind = "" if budget.kind is model.BudgetKind.ACTUAL else f" ({budget.kind.value} budget)"
    return f"{caption} {budget.period}{kind}".strip()


def budget_facts(budget: Budget) -> tuple[str, ...]:
    """What a budget says besides its lines: its kind and year, reserves in and out."""
    facts = []
    if budget.kind is not model.BudgetKind.ACTUAL:
        facts.append(_sentence_case(budget.description) + ".")
    if budget.brought_forward is not None:
        money = fmt.money(budget.brought_forward, budget.currency)
        facts.append(f"Brought forward from the year before: {money}.")
    if budget.carried_forward is not None:
        money = fmt.money(budget.carried_forward, budget.currency)
        facts.append(f"Carried forward to the year after: {money}.")
    return tuple(facts)


def _budget_tables(budget: Budget, anchors: Anchors) -> tuple[TableView, TableView]:
    base = budget.id or "budget"
    # the kind of a line (cash, one-off, carried forward) is data for the checks; the table
    # shows only what the report prints, so a kind is never a column of its own
    kinds = False
    notes = any(line.note for line in budget.income)
    headers = ["Contributor", *(["Type"] if kinds else []), "Amount", *(["Note"] if notes else [])]
    numeric = [False, *([False] if kinds else []), True, *([False] if notes else [])]
    rows = [
        [
            line.contributor,
            *([fmt.words(line.kind)] if kinds else []),
            _amount(line, budget.currency),
            *([line.note] if notes else []),
        ]
        for line in budget.income
    ]
    totals = []
    if budget.income_total is not None:
        totals.append(
            [
                budget.income_total_label,
                *([""] if kinds else []),
                fmt.money(budget.income_total, budget.currency),
                *([""] if notes else []),
            ]
        )
    income = _simple_table(
        anchors.take(f"table-{base}-income"),
        _budget_caption(budget, budget.income_caption),
        headers,
        numeric,
        rows,
        totals,
    )
    notes = any(line.note for line in budget.expenditure)
    headers = ["Item", "Amount", *(["Note"] if notes else [])]
    numeric = [False, True, *([False] if notes else [])]
    rows = [
        [line.item, fmt.money(line.amount, budget.currency), *([line.note] if notes else [])]
        for line in budget.expenditure
    ]
    totals = []
    if budget.expenditure_total is not None:
        totals.append(
            [
                budget.expenditure_total_label,
                fmt.money(budget.expenditure_total, budget.currency),
                *([""] if notes else []),
            ]
        )
    spend = _simple_table(
        anchors.take(f"table-{base}-expenditure"),
        _budget_caption(budget, budget.expenditure_caption),
        headers,
        numeric,
        rows,
        totals,
    )
    return income, spend


# ---------------------------------------------------------------------------------------------
# blocks


def _compared(kpi: KPI, where: str, other: model.Figure) -> str:
    """One comparison of a KPI: the other figure, and how the KPI's value stands against it."""
    value = fmt.with_unit(kpi.value, kpi.unit)
    shown = f"{where}: {fmt.with_unit(other, kpi.unit)}."
    if model.is_stated(kpi.value) or model.is_stated(other):
        return shown  # a stated unknown or a bound is never compared as if it were a number
    assert not isinstance(kpi.value, model.Unknown | model.Bound)
    assert not isinstance(other, model.Unknown | model.Bound)
    judged = fmt.judgement(kpi.value, other, kpi.polarity)
    return f"{shown} {value} is {fmt.comparison(kpi.value, other)} this" + (
        f", which is {judged}." if judged else "."
    )


def _kpi_facts(kpi: KPI) -> tuple[str, ...]:
    facts: list[str] = []
    if kpi.rate_per is not None:
        facts.append(f"A rate per {fmt.number(kpi.rate_per)}.")
    if isinstance(kpi.denominator, model.Unknown):
        of = f" ({kpi.denominator_label})" if kpi.denominator_label else ""
        facts.append(f"Denominator{of}: {kpi.denominator}.")
    elif kpi.denominator is not None:
        of = f" {kpi.denominator_label}" if kpi.denominator_label else ""
        facts.append(f"Out of {fmt.number(kpi.denominator)}{of}.")
    for comparator in kpi.comparators:
        where = comparator.label + (f" ({comparator.period})" if comparator.period else "")
        facts.append(_compared(kpi, where, comparator.value))
    for previous in kpi.previous:
        facts.append(_compared(kpi, previous.period, previous.value))
    return tuple(facts)


def _count(label: str, value: model.Count | None) -> list[str]:
    return [] if value is None else [f"{label}: {fmt.number(value)}"]


def _review_facts(review: Review) -> tuple[str, ...]:
    facts = [f"Kind: {fmt.words(review.kind)}"]
    if review.status is not None:
        facts.append(f"Status: {fmt.words(review.status).lower()}")
    if review.none_in_period:
        facts.append("None in this period.")
    facts += _count("Notified", review.notified)
    facts += _count("Cases considered", review.cases_considered)
    facts += _count("Met the criteria", review.met_criteria)
    facts += _count("Commissioned", review.commissioned)
    facts += _count("Published", review.published)
    facts += _count("Completed but not published", review.unpublished)
    return tuple(facts)


def share_text(share: model.Share, shares: Mapping[str, model.Share]) -> str:
    """``Reviewed within a year: 86% of 171 deaths notified (147)``; "of those" names the share."""
    if isinstance(share.percent, model.Unknown):
        whole = f" (a share of {share.of_label})" if share.of_label else ""
        return f"{share.label}: {share.percent}{whole}"
    text = f"{share.label}: {fmt.percent(share.percent)}"
    if share.of is not None:
        text += f" of {fmt.number(share.of)}" + (f" {share.of_label}" if share.of_label else "")
    elif share.within and share.within in shares:
        text += (
            f" of those {shares[share.within].label[:1].lower()}{shares[share.within].label[1:]}"
        )
    elif share.of_label:
        text += f" of {share.of_label}"
    if share.count is not None:
        text += f" ({fmt.number(share.count)})"
    return text


def page_words(page: str) -> str:
    """``page 12 of the published report`` (``pages 12-13``), or ``""``."""
    if not page:
        return ""
    plural = "pages" if any(mark in page for mark in "-–") else "page"
    return f"{plural} {page} of the published report"


def _with_page(source: str, page: str) -> str:
    where = page_words(page)
    if not where:
        return source
    return f"{source} ({where})" if source else where[:1].upper() + where[1:]


def _page_fact(page: str) -> tuple[str, ...]:
    where = page_words(page)
    return (f"{where[:1].upper()}{where[1:]}.",) if where else ()


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _person(person: model.Person) -> str:
    words = ", ".join(p for p in (person.name, person.role, person.organisation) if p)
    when = fmt.span(person.start, person.end)
    return f"{words} ({when})" if when else words


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
        people.append(f"Independent scrutiny: {_person(report.scrutineer)}")
    return tuple(people)


def _inspection_facts(inspection: model.Inspection) -> tuple[str, ...]:
    facts = [f"Inspectorate: {fmt.words(inspection.inspectorate)}"]
    if inspection.date is not None:
        facts.append(f"Published {fmt.on_date(inspection.date)}")
    judgement = inspection.judgement_text or (
        fmt.words(inspection.judgement) if inspection.judgement is not None else ""
    )
    if judgement:
        facts.append(f"Judgement: {judgement}")
    return tuple(facts)


def _present(*pairs: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    """Keep the (label, text) pairs that have text."""
    return tuple((label, text) for label, text in pairs if text)


def _lead(lead: model.Person | None) -> tuple[str, ...]:
    if lead is None:
        return ()
    return ("Lead: " + _person(lead),)


def _todo(prompt: str) -> str:
    """The words of a placeholder without its leading TODO marker (the template shows one)."""
    return model.placeholder_prompt(prompt) or wording.STILL_TO_BE_WRITTEN


def _missing_reason(reason: str) -> str:
    text = reason.strip()
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        text = text[0].lower() + text[1:]
    return text


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
        self.tables = model.all_tables(report) if tables is None else tables
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
        for table_id, view in zip(model.derived_tables(block), views, strict=False):
            self.table_anchors.setdefault(table_id, (view.caption, view.anchor))

    def block(self, block: model.Block, level: int, path: str = "") -> BlockView:
        """Build the view of one block at data path ``path`` in a section whose heading is at
        ``level``; the notes on the data about it become its markers.

        A typed block whose every text the report's prose already says (a review, challenge,
        priority, membership... encoded beside the paragraphs that describe it, for the checks)
        is not printed again: its view has kind ``"restated"`` and shows only its markers.
        """
        printed = self.printed if isinstance(block, PriorityArea) else self.printed_with_narrative
        texts = _texts(block)
        if isinstance(block, Membership) and all(_said(t, printed) for t in texts):
            # the members are listed in the prose: the table would only add the roles,
            # which are data for the checks, not what the report says
            view = attrs.evolve(self._block(_unsaid(block, printed), level), tables=())
        elif texts and all(_said(text, printed) for text in texts):
            view = BlockView(kind="restated", anchor="", level=level, item=block)
        else:
            view = self._block(_unsaid(block, printed), level)
        self._printed(block, view.tables)
        if not view.anchor and self.markers.get(path):
            view = attrs.evolve(view, anchor=self.anchors.take(_slug(path.rpartition("/")[2])))
        markers = self._mark(path, view.anchor)
        return attrs.evolve(view, markers=markers, heading=_heading(block))

    def _block(self, block: model.Block, level: int) -> BlockView:
        inner = min(level + 1, MAX_HEADING)
        kind = model.block_tag(block)
        if isinstance(block, Table):
            table = table_view(block, self.anchors.take(f"table-{block.id}"))
            return BlockView(
                kind=kind, anchor=table.anchor, level=inner, item=block, tables=(table,)
            )
        if isinstance(block, Chart):
            return self.chart(block, inner)
        block_id = getattr(block, "id", None)
        anchor = self.anchors.take(f"{kind.replace('_', '-')}-{block_id}") if block_id else ""
        view = BlockView(kind=kind, anchor=anchor, level=inner, item=block)
        if isinstance(block, Prose) and model.is_placeholder(block.text):
            prompt = Placeholder(prompt=block.text, id=block.id)
            return attrs.evolve(view, kind="placeholder", item=prompt, facts=(_todo(block.text),))
        if isinstance(block, Placeholder):
            return attrs.evolve(view, facts=(_todo(block.prompt),))
        if isinstance(block, MissingFigure):
            return attrs.evolve(view, facts=(_missing_reason(block.reason),))
        if isinstance(block, KPI):
            value = fmt.with_unit(block.value, block.unit)
            return attrs.evolve(view, facts=(value, *_kpi_facts(block), *_page_fact(block.page)))
        if isinstance(block, PriorityArea):
            plan = "" if block.plan_period is None else str(block.plan_period)
            return attrs.evolve(
                view,
                facts=_lead(block.lead),
                extra=_present(
                    ("Plan period", plan),
                    ("Aim", block.aim),
                    ("Progress", block.progress),
                    ("Work in progress", block.work_in_progress),
                    ("Next year", block.next_year),
                ),
            )
        if isinstance(block, AgencyReturn):
            answers = tuple(
                (item.question, item.answer) for item in block.published(self.report.period_start)
            )
            # the partner is data for the checks: the return prints only what the agency wrote
            return attrs.evolve(view, extra=answers)
        if isinstance(block, Budget):
            return attrs.evolve(
                view,
                tables=_budget_tables(block, self.anchors),
                facts=(*budget_facts(block), *_page_fact(block.page)),
            )
        if isinstance(block, model.Inspection):
            return attrs.evolve(view, facts=(*_inspection_facts(block), *_page_fact(block.page)))
        if isinstance(block, Membership):
            return self.membership(block, view)
        if isinstance(block, Attendance):
            return self.attendance(block, view)
        if isinstance(block, Challenge):
            return attrs.evolve(
                view,
                extra=_present(
                    ("Cause", block.cause), ("Action", block.action), ("Owner", block.owner)
                ),
            )
        if isinstance(block, Review):
            return attrs.evolve(view, facts=(*_review_facts(block), *_page_fact(block.page)))
        if isinstance(block, ChildDeathReview):
            return self.child_deaths(block, view)
        return view  # prose, quote, case study, placeholder, glossary: the template needs no more

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

    def membership(self, block: Membership, view: BlockView) -> BlockView:
        notes = any(m.note for m in block.members)
        dates = any(m.start or m.end for m in block.members)
        headers = [
            "Name",
            "Organisation",
            "Role",
            *(["Dates"] if dates else []),
            *(["Note"] if notes else []),
        ]
        rows = [
            [
                m.name,
                m.organisation,
                fmt.words(m.role),
                *([_sentence_case(fmt.span(m.start, m.end))] if dates else []),
                *([m.note] if notes else []),
            ]
            for m in block.members
        ]
        table = _simple_table(
            self.anchors.take(f"table-{block.id or 'membership'}"),
            "Board members",
            headers,
            [False] * len(headers),
            rows,
        )
        facts = tuple(f"{fmt.words(p.partner)}: {p.reason}" for p in block.not_applicable)
        return attrs.evolve(view, tables=(table,), facts=facts)

    def attendance(self, block: Attendance, view: BlockView) -> BlockView:
        notes = any(e.note for e in block.entries)
        headers = [block.name_label, block.column_label, *(["Note"] if notes else [])]
        rows = [
            [
                e.name,
                "Not published" if e.percent is None else fmt.percent(e.percent),
                *([e.note] if notes else []),
            ]
            for e in block.entries
        ]
        caption = ", ".join(
            part
            for part in (f"Attendance: {block.body}" if block.body else "Attendance", block.period)
            if part
        )
        table = _simple_table(
            self.anchors.take(f"table-{block.id or 'attendance'}"),
            caption,
            headers,
            [False, True, False][: len(headers)],
            rows,
        )
        facts = () if block.meetings is None else (f"Meetings held: {fmt.number(block.meetings)}",)
        return attrs.evolve(view, tables=(table,), facts=facts)

    def child_deaths(self, block: ChildDeathReview, view: BlockView) -> BlockView:
        facts = _count("Deaths notified", block.deaths_notified)
        facts.append(f"Deaths reviewed: {fmt.number(block.deaths_reviewed)}")
        facts += _count("Panel meetings", block.meetings)
        facts += _count("Reviews that found modifiable factors", block.modifiable)
        by_id = {s.id: s for s in block.shares if s.id}
        facts += [share_text(share, by_id) for share in block.shares]
        facts += _page_fact(block.page)
        base = block.id or "child-deaths"
        tables = tuple(
            _simple_table(
                self.anchors.take(f"table-{base}-{_slug(b.label)}"),
                b.label,
                ["Category", "Number"],
                [False, True],
                [[category, fmt.number(count)] for category, count in b.counts],
            )
            for b in block.breakdowns
        )
        return attrs.evolve(view, tables=tables, facts=tuple(facts))

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
            overline = first.item.label if isinstance(first.item, AgencyReturn) else ""
            blocks = (attrs.evolve(first, heading="", overline=bool(overline)), *blocks[1:])
        # a later block named like its section (an agency return after the agency's own
        # paragraphs) would otherwise be read as the same heading again
        blocks = tuple(
            attrs.evolve(b, heading="") if _same(b.heading, section.title) else b for b in blocks
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
            byline="" if section.author is None else f"By {_person(section.author)}",
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
    parts: list[str] = []
    for located in model.iter_blocks(report):
        item = located.item
        if isinstance(item, Prose | model.Quote | model.CaseStudy):
            parts.append(item.text)
        elif isinstance(item, AgencyReturn):
            parts.extend(answer for _, answer in item.answers())
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


def _texts(block: model.Block) -> tuple[str, ...]:
    """The sentences a typed block would print that could repeat the report's prose."""
    if isinstance(block, Review):
        return tuple(t for t in (block.summary, *block.lessons, *block.actions) if t)
    if isinstance(block, Challenge):
        return tuple(t for t in (block.description, block.cause, block.action) if t)
    if isinstance(block, PriorityArea):
        fields = (block.aim, block.progress, block.work_in_progress, block.next_year)
        return tuple(t for t in fields if t)
    if isinstance(block, ChildDeathReview):
        return tuple(t for t in (*block.learning, *block.actions, block.note) if t)
    if isinstance(block, Membership):
        return tuple(t for m in block.members for t in (m.name, m.organisation) if t)
    return ()


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

    if isinstance(block, Review):
        return attrs.evolve(
            block,
            summary=keep(block.summary),
            lessons=keep_all(block.lessons),
            actions=keep_all(block.actions),
        )
    if isinstance(block, Challenge):
        return attrs.evolve(
            block,
            description=keep(block.description),
            cause=keep(block.cause),
            action=keep(block.action),
        )
    if isinstance(block, PriorityArea):
        return attrs.evolve(
            block,
            aim=keep(block.aim),
            progress=keep(block.progress),
            work_in_progress=keep(block.work_in_progress),
            next_year=keep(block.next_year),
        )
    if isinstance(block, ChildDeathReview):
        return attrs.evolve(
            block,
            learning=keep_all(block.learning),
            actions=keep_all(block.actions),
            note=keep(block.note),
        )
    if isinstance(block, Membership):
        return attrs.evolve(block, lay_member_recruitment=keep(block.lay_member_recruitment))
    if isinstance(block, KPI):
        return attrs.evolve(block, note=keep(block.note))
    return block


def _same(first: str, second: str) -> bool:
    """True when two headings say the same: equal words, or equal after a "Priority 2:"-style
    prefix ("PRIORITY AREA 2: X" and "Priority 2: X")."""
    if not first:
        return False
    return _slug(first) == _slug(second) or (
        ":" in first
        and ":" in second
        and _slug(first.split(":", 1)[1]) == _slug(second.split(":", 1)[1])
    )


def _heading(block: model.Block) -> str:
    """The heading a block prints above itself, if it has one."""
    if isinstance(block, AgencyReturn):
        return block.agency
    if isinstance(block, PriorityArea):
        return f"Priority {block.number}: {block.title}"
    if isinstance(block, model.CaseStudy):
        return f"Case study: {block.title}"
    if isinstance(block, Challenge | Review):
        return block.title
    if isinstance(block, ChildDeathReview):
        return block.panel
    return ""


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
        tables: the report's tables (:func:`boardreport.model.all_tables`), if computed.
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
        ContentsEntry(title=COMPLIANCE_TITLE, anchor=COMPLIANCE_ID),
        ContentsEntry(title=NOTES_TITLE, anchor=NOTES_ID),
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
