"""One report's row of the audit: the status of each duty, its figures and its KPIs."""

from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs
from attrs import frozen

from boardreport import model
from boardreport.audit._figures import Value, figures
from boardreport.errors import LoadError
from boardreport.rules import CheckResult, Finding, check
from boardreport.rules._registry import Rule
from boardreport.rules._unpublished import concerns_unpublished_data


class Status(enum.Enum):
    """How a report stands against one duty."""

    MET = "met"
    NOT_MET = "not met"
    ACCEPTED = "not met, accepted by the board"
    """Every finding is suppressed, with the board's reason."""
    NOT_PUBLISHED = "data not published"
    """Not met, and the report states the data behind the duty as not published."""
    NOT_APPLICABLE = "does not apply"


SERIES_PACK = "YOY"
"""The year-on-year pack: its rules apply only to a report that names last year's."""


@frozen(kw_only=True)
class Kpi:
    """A KPI as one report gives it: its key across years (id, else label), label and value."""

    key: str
    label: str
    unit: str
    value: Value


@frozen(kw_only=True)
class Row:
    """One report in the audit. Only plain, picklable data: rows come back from workers.

    ``problems`` are why the report could not be loaded (then it has no statuses).
    """

    path: str
    board: str = ""
    area: str = ""
    period: str = ""
    period_start: str = ""
    edition: str = ""
    edition_reason: str = ""
    previous: str = ""
    statuses: dict[str, Status] = attrs.field(factory=dict)
    messages: dict[str, tuple[str, ...]] = attrs.field(factory=dict)
    figures: dict[str, Value] = attrs.field(factory=dict)
    kpis: tuple[Kpi, ...] = ()
    problems: tuple[str, ...] = ()

    @property
    def loaded(self) -> bool:
        """True when the report loaded and was checked."""
        return not self.problems

    @property
    def name(self) -> str:
        """How the report is named in the audit: board and period, else its folder."""
        return f"{self.board} {self.period}".strip() if self.loaded else self.path


def is_duty(rule: Rule) -> bool:
    """True for a rule the audit shows as a duty: statutory packs and the year-on-year pack."""
    return rule.framework is not None or rule.pack == SERIES_PACK


def status(report: model.Report, findings: Sequence[Finding]) -> Status:
    """The status of one duty from its findings (already suppressed where the board accepts)."""
    live = [f for f in findings if not f.suppressed]
    if not findings:
        return Status.MET
    if not live:
        return Status.ACCEPTED
    if all(concerns_unpublished_data(report, f) for f in live):
        return Status.NOT_PUBLISHED
    return Status.NOT_MET


def _kpis(report: model.Report) -> tuple[Kpi, ...]:
    return tuple(
        Kpi(
            key=loc.item.id or " ".join(loc.item.label.lower().split()),
            label=loc.item.label,
            unit=loc.item.unit,
            value=Value.of(loc.item.value),
        )
        for loc in model.iter_blocks(report, model.KPI)
    )


def row_of(path: str, report: model.Report, result: CheckResult) -> Row:
    """The audit row of a report checked with ``result``."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    statuses: dict[str, Status] = {}
    messages: dict[str, tuple[str, ...]] = {}
    for rule in result.rules:
        if not is_duty(rule) or (rule.pack == SERIES_PACK and not report.previous.strip()):
            continue
        found = by_rule.get(rule.id, [])
        statuses[rule.id] = status(report, found)
        if found:
            messages[rule.id] = tuple(f.message for f in found)
    edition = result.edition
    return Row(
        path=path,
        board=report.board,
        area=report.area,
        period=report.period_label,
        period_start=report.period_start.isoformat(),
        edition=edition.name if edition else "",
        edition_reason=edition.reason if edition else "",
        previous=report.previous.strip(),
        statuses=statuses,
        messages=messages,
        figures=figures(report),
        kpis=_kpis(report),
    )


def audit_one(path: str) -> Row:
    """Load, check and read one report; a report that cannot be loaded gives its problems."""
    from boardreport.io import load_with_sources

    try:
        report, sources = load_with_sources(path)
    except LoadError as exc:
        return Row(path=path, problems=tuple(str(p) for p in exc.problems) or ("not loaded",))
    return row_of(path, report, check(report, sources=sources))
