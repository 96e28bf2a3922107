"""The generated appendices: statutory compliance by rule, and the notes on the data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from boardreport.model import Report
from boardreport.render._views import ComplianceRow, NoteRow, SectionView
from boardreport.rules._editions import select_edition
from boardreport.rules._registry import FRAMEWORK_PACKS, PACKS, Finding, Rule
from boardreport.rules.packs import load_packs


def sections_by_path(sections: Iterable[SectionView]) -> dict[str, SectionView]:
    """Index every section view, nested ones included, by its data path."""
    found: dict[str, SectionView] = {}
    for view in sections:
        found[view.path] = view
        found.update(sections_by_path(view.sections))
    return found


def section_of(path: str, by_path: Mapping[str, SectionView]) -> SectionView | None:
    """Return the innermost section that holds the item at data path ``path``."""
    head = path.partition(".")[0]
    while head:
        if head in by_path:
            return by_path[head]
        head = head.rpartition("/")[0]
    return None


def compliance_rows(
    report: Report,
    rules: Sequence[Rule],
    findings: Sequence[Finding],
    evidence: Mapping[str, Sequence[str]] | None,
    by_path: Mapping[str, SectionView],
) -> tuple[ComplianceRow, ...]:
    """One row per rule of the report's framework: where it is met and its status.

    The status is "not checked" without evidence (no check ran), "not met" while a finding of
    the rule is open, "suppressed" when every finding of it is suppressed, else "met".
    """
    rows: list[ComplianceRow] = []
    framework = select_edition(report).framework
    for rule in sorted(
        (r for r in rules if r.framework and r.framework == framework), key=lambda r: r.id
    ):
        own = [f for f in findings if f.rule == rule.id]
        if evidence is None:
            status = "not checked"
        elif any(not f.suppressed for f in own):
            status = "not met"
        elif own:
            status = "suppressed"
        else:
            status = "met"
        places: dict[str, tuple[str, str]] = {}
        for path in (evidence or {}).get(rule.id, ()):
            view = section_of(path, by_path)
            if view is not None:
                places.setdefault(view.path, (view.title, view.anchor))
        reasons = tuple(dict.fromkeys(f.reason for f in own if f.suppressed and f.reason))
        rows.append(
            ComplianceRow(
                rule=rule.id,
                name=rule.name,
                citation="; ".join(str(c) for c in rule.citations),
                status=status,
                sections=tuple(places.values()),
                reasons=reasons,
            )
        )
    return tuple(rows)


def note_rows(
    findings: Sequence[Finding], by_path: Mapping[str, SectionView]
) -> tuple[NoteRow, ...]:
    """Every finding, suppressed ones first, each with the section its path falls in."""
    rows = []
    for finding in sorted(findings, key=lambda f: (not f.suppressed, f.path, f.rule, f.message)):
        view = section_of(finding.path, by_path)
        rows.append(
            NoteRow(
                rule=finding.rule,
                severity=finding.severity.value,
                message=finding.message,
                path=finding.path,
                section=None if view is None else (view.title, view.anchor),
                suppressed=finding.suppressed,
                reason=finding.reason,
            )
        )
    return tuple(rows)


def pack_title(report: Report, rules: Sequence[Rule]) -> str:
    """The report's statutory pack and edition, and why that edition applies."""
    load_packs()  # the pack titles are registered when the packs are imported
    choice = select_edition(report)
    framework = choice.framework
    prefix = next((r.pack for r in rules if framework and r.framework == framework), "")
    prefix = prefix or FRAMEWORK_PACKS.get(framework, "")
    title = PACKS.get(prefix, "") or prefix or report.framework or "none"
    return f"{title} (edition: {choice})"


def default_rules() -> tuple[Rule, ...]:
    """Return every registered rule (importing the rule packs registers them)."""
    from boardreport.rules import all_rules

    return tuple(all_rules())
