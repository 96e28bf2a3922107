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

from boardreport import model
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
    ColumnType,
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
    note_rows,
    pack_title,
    sections_by_path,
)
from boardreport.render._markup import MAX_HEADING
from boardreport.render._views import (
    BlockView,
    Cell,
    ContentsEntry,
    ReportContext,
    SectionView,
    TableView,
)
from boardreport.rules._registry import Finding, Rule

NUMERIC = frozenset({ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.PERCENT, ColumnType.MONEY})

CONTENTS_ID = "contents"
MAIN_ID = "main"
COMPLIANCE_ID = "statutory-compliance"
NOTES_ID = "notes-on-the-data"
COMPLIANCE_TITLE = "Statutory compliance"
NOTES_TITLE = "Notes on the data"
MISSING_FIGURE_LABEL = "Figure not reproduced"
_TODO = re.compile(r"^\s*TODO\b[\s:.\-–—]*", re.IGNORECASE)


RECIPIENT_WORDS = {
    model.RecipientRole.CHIEF_EXECUTIVE: "the Chief Executive",
    model.RecipientRole.LEADER_OF_THE_COUNCIL: "the Leader of the Council",
    model.RecipientRole.POLICE_AND_CRIME_COMMISSIONER: "the Police and Crime Commissioner",
    model.RecipientRole.HEALTH_AND_WELLBEING_BOARD_CHAIR: (
        "the Chair of the Health and Wellbeing Board"
    ),
}


# ---------------------------------------------------------------------------------------------
# anchors


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "item"


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
    return Cell(label, column.type in NUMERIC)


def _cells(row: Sequence[model.Cell], columns: Sequence[Column], currency: str) -> tuple[Cell, ...]:
    cells: list[Cell] = []
    for i, column in enumerate(columns):
        value: model.Cell = row[i] if i < len(row) else ""
        cells.append(Cell(fmt.cell(value, column.type, currency), column.type in NUMERIC and i > 0))
    return tuple(cells)


def table_view(table: Table, anchor: str, currency: str = "GBP") -> TableView:
    """Format a model table: cells by column type, published totals in their own rows."""
    columns = table.columns
    groups: dict[tuple[str, tuple[str, ...]], dict[str, model.Number]] = {}
    for total in table.totals:
        groups.setdefault((total.label, total.rows), {})[total.column] = total.value
    totals: list[tuple[Cell, ...]] = []
    for (label, rows), values in groups.items():
        title = f"{label} ({', '.join(rows)})" if rows else label
        cells = [Cell(title)]
        for column in columns[1:]:
            value = values.get(column.key)
            text = "" if value is None else fmt.cell(value, column.type, currency)
            cells.append(Cell(text, column.type in NUMERIC))
        totals.append(tuple(cells))
    return TableView(
        anchor=anchor,
        caption=table.caption,
        headers=tuple(_header(c) for c in columns),
        rows=tuple(_cells(row, columns, currency) for row in table.rows),
        totals=tuple(totals),
        source=table.source,
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


def _budget_tables(budget: Budget, anchors: Anchors) -> tuple[TableView, TableView]:
    base = budget.id or "budget"
    kinds = any(line.kind is not model.IncomeKind.CASH for line in budget.income)
    notes = any(line.note for line in budget.income)
    headers = ["Contributor", *(["Type"] if kinds else []), "Amount", *(["Note"] if notes else [])]
    numeric = [False, *([False] if kinds else []), True, *([False] if notes else [])]
    rows = [
        [
            line.contributor,
            *([fmt.words(line.kind)] if kinds else []),
            fmt.money(line.amount, budget.currency),
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
        f"{budget.income_caption} {budget.period}".strip(),
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
        f"{budget.expenditure_caption} {budget.period}".strip(),
        headers,
        numeric,
        rows,
        totals,
    )
    return income, spend


# ---------------------------------------------------------------------------------------------
# blocks


def _kpi_facts(kpi: KPI) -> tuple[str, ...]:
    value = fmt.with_unit(kpi.value, kpi.unit)
    facts: list[str] = []
    for comparator in kpi.comparators:
        where = comparator.label + (f" ({comparator.period})" if comparator.period else "")
        judged = fmt.judgement(kpi.value, comparator.value, kpi.polarity)
        facts.append(
            f"{where}: {fmt.with_unit(comparator.value, kpi.unit)}. {value} is "
            f"{fmt.comparison(kpi.value, comparator.value)} this"
            + (f", which is {judged}." if judged else ".")
        )
    for previous in kpi.previous:
        judged = fmt.judgement(kpi.value, previous.value, kpi.polarity)
        facts.append(
            f"{previous.period}: {fmt.with_unit(previous.value, kpi.unit)}. {value} is "
            f"{fmt.comparison(kpi.value, previous.value)} this"
            + (f", which is {judged}." if judged else ".")
        )
    return tuple(facts)


def _count(label: str, value: int | None) -> list[str]:
    return [] if value is None else [f"{label}: {fmt.number(value)}"]


def _review_facts(review: Review) -> tuple[str, ...]:
    facts = [f"Kind: {fmt.words(review.kind)}"]
    if review.none_in_period:
        facts.append("None in this period.")
    facts += _count("Cases considered", review.cases_considered)
    facts += _count("Met the criteria", review.met_criteria)
    facts += _count("Commissioned", review.commissioned)
    facts += _count("Published", review.published)
    return tuple(facts)


def _present(*pairs: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    """Keep the (label, text) pairs that have text."""
    return tuple((label, text) for label, text in pairs if text)


def _lead(lead: model.Person | None) -> tuple[str, ...]:
    if lead is None:
        return ()
    return ("Lead: " + ", ".join(p for p in (lead.name, lead.role, lead.organisation) if p),)


def _todo(prompt: str) -> str:
    """The words of a placeholder without its leading TODO marker (the template shows one)."""
    return _TODO.sub("", prompt, count=1).strip() or "content still to be written"


def _missing_reason(reason: str) -> str:
    text = reason.strip()
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        text = text[0].lower() + text[1:]
    return text


class _Builder:
    def __init__(
        self, report: Report, anchors: Anchors, tables: dict[str, Table] | None = None
    ) -> None:
        self.report = report
        self.anchors = anchors
        self.tables = model.all_tables(report) if tables is None else tables
        self.charts: list[BlockView] = []

    def block(self, block: model.Block, level: int) -> BlockView:
        """Build the view of one block in a section whose heading is at ``level``."""
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
            return attrs.evolve(view, facts=(value, *_kpi_facts(block)))
        if isinstance(block, PriorityArea):
            return attrs.evolve(
                view,
                facts=_lead(block.lead),
                extra=_present(
                    ("Aim", block.aim),
                    ("Progress", block.progress),
                    ("Work in progress", block.work_in_progress),
                    ("Next year", block.next_year),
                ),
            )
        if isinstance(block, AgencyReturn):
            start = self.report.period_start
            answers = tuple(
                (model.agency_return_question(name, start), text) for name, text in block.answers()
            )
            partner = (
                () if block.partner is None else (f"Statutory partner: {fmt.words(block.partner)}",)
            )
            return attrs.evolve(view, facts=partner, extra=answers)
        if isinstance(block, Budget):
            return attrs.evolve(view, tables=_budget_tables(block, self.anchors))
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
            return attrs.evolve(view, facts=_review_facts(block))
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
        data = table_view(table, self.anchors.take(f"chart-{chart.id}-data"))
        data = TableView(
            anchor=data.anchor,
            caption=f"Data for the chart: {chart.title}",
            headers=data.headers,
            rows=data.rows,
            totals=data.totals,
            source=data.source,
            note=data.note,
        )
        view = BlockView(
            kind="chart",
            anchor=anchor,
            level=level,
            item=chart,
            tables=(data,),
            image=f"charts/{chart.id}.svg",
            target=target,
        )
        self.charts.append(view)
        return view

    def membership(self, block: Membership, view: BlockView) -> BlockView:
        notes = any(m.note for m in block.members)
        headers = ["Name", "Organisation", "Role", *(["Note"] if notes else [])]
        rows = [
            [m.name, m.organisation, fmt.words(m.role), *([m.note] if notes else [])]
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
        headers = ["Name", block.column_label, *(["Note"] if notes else [])]
        rows = [
            [
                e.name,
                "Not published" if e.percent is None else fmt.percent(e.percent),
                *([e.note] if notes else []),
            ]
            for e in block.entries
        ]
        caption = f"Attendance: {block.body}" + (f", {block.period}" if block.period else "")
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
        facts = [f"Deaths reviewed: {fmt.number(block.deaths_reviewed)}"]
        facts += _count("Panel meetings", block.meetings)
        facts += _count("Reviews that found modifiable factors", block.modifiable)
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
        blocks = tuple(self.block(b, level) for b in section.blocks)
        children = tuple(self.section(s, f"{path}/{s.id}", depth + 1) for s in section.sections)
        return SectionView(
            path=path,
            anchor=anchor,
            title=section.title,
            level=level,
            appendix=section.appendix,
            blocks=blocks,
            sections=children,
        )


def _contents(sections: Iterable[SectionView]) -> tuple[ContentsEntry, ...]:
    return tuple(
        ContentsEntry(title=s.title, anchor=s.anchor, children=_contents(s.sections))
        for s in sections
    )


def build_context(
    report: Report,
    findings: Sequence[Finding] = (),
    *,
    evidence: Mapping[str, Sequence[str]] | None = None,
    rules: Sequence[Rule] | None = None,
    tables: dict[str, Table] | None = None,
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

    Raises:
        RenderError: when a chart is bound to a table the report does not have.
    """
    ids = {
        "main": MAIN_ID,
        "contents": CONTENTS_ID,
        "contents_heading": f"{CONTENTS_ID}-heading",
        "compliance": COMPLIANCE_ID,
        "notes": NOTES_ID,
    }
    rules = default_rules() if rules is None else rules
    anchors = Anchors(reserved=ids.values())
    builder = _Builder(report, anchors, tables)
    sections = tuple(builder.section(s, s.id, 0) for s in report.sections)
    by_path = sections_by_path(sections)
    contents = (
        *_contents(sections),
        ContentsEntry(title=COMPLIANCE_TITLE, anchor=COMPLIANCE_ID),
        ContentsEntry(title=NOTES_TITLE, anchor=NOTES_ID),
    )
    chair = report.chair
    recipients = [
        RECIPIENT_WORDS.get(r.role, "")
        + (f" ({r.name})" if r.name and r.role in RECIPIENT_WORDS else r.name)
        for r in report.recipients
    ]
    return ReportContext(
        language=report.language,
        title=report.title,
        board=report.board,
        area=report.area,
        period=f"{fmt.date(report.period_start)} to {fmt.date(report.period_end)}",
        period_label=report.period_label,
        chair="" if chair is None else f"{chair.name}, {chair.title}".strip(", "),
        publication_date=""
        if report.publication_date is None
        else fmt.date(report.publication_date),
        recipients=_join([r for r in recipients if r]),
        contents=contents,
        sections=sections,
        charts=tuple(builder.charts),
        checked=evidence is not None,
        pack=pack_title(report.framework, rules),
        compliance=compliance_rows(report, rules, findings, evidence, by_path),
        notes=note_rows(findings, by_path),
        ids=ids,
    )


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
