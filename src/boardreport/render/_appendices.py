"""The generated appendices: statutory compliance by rule, and the notes on the data."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from boardreport import wording
from boardreport.model import Report
from boardreport.render._views import ComplianceRow, NoteRow, SectionView
from boardreport.rules._editions import select_edition
from boardreport.rules._registry import FRAMEWORK_PACKS, PACKS, Finding, Rule, Severity
from boardreport.rules._unpublished import concerns_unpublished_data
from boardreport.rules.packs import load_packs

AUTHOR_PACKS = frozenset({"SUP"})
"""Packs whose findings are about the report's source files, for its authors only."""

_FILE_HINT = re.compile(r"\s*\((?=[^()]*(?:=|`|\[\]))[^()]*\)")
_FILE_ADVICE = re.compile(r"[;,]?\s*\b(?:add|set|use|write|declare)\b[^.;]*(?:=|`)[^.;]*", re.I)


def for_authors(finding: Finding) -> bool:
    """True for a finding meant for the report's authors, not its readers: information
    (glossary suggestions and the like) and suppression hygiene."""
    return finding.severity is Severity.INFO or finding.rule.split("-")[0] in AUTHOR_PACKS


def plain(message: str) -> str:
    """A finding's message for readers: no file syntax (``meets = [...]``), a capital and a
    full stop."""
    text = _FILE_ADVICE.sub("", _FILE_HINT.sub("", message)).strip(" ;,")
    if not text:
        return message
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def duty_words(rule: Rule) -> str:
    """The rule's duty in plain words: its first documented sentence, else its name."""
    paragraph: list[str] = []
    for line in rule.doc.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            paragraph.append(line)
        elif paragraph:
            break
    if paragraph:
        sentence = re.split(r"(?<=\.)\s", " ".join(paragraph), maxsplit=1)[0]
        return plain(re.sub(r"`([^`]*)`", r"\1", sentence))
    return rule.name.replace("-", " ").capitalize()


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

    The status is "not checked" without evidence (no check ran), "data not published" while
    every open finding of the rule concerns data the report states as not published, "not
    met" while another finding of it is open, "accepted by the Board" when every finding of
    it is suppressed (the duty is not met and the Board says why), else "met".
    """
    rows: list[ComplianceRow] = []
    framework = select_edition(report).framework
    for rule in sorted(
        (r for r in rules if r.framework and r.framework == framework), key=lambda r: r.id
    ):
        own = [f for f in findings if f.rule == rule.id]
        if evidence is None:
            status = wording.NOT_CHECKED
        elif open_ := [f for f in own if not f.suppressed]:
            unpublished = all(concerns_unpublished_data(report, f) for f in open_)
            status = wording.DATA_NOT_PUBLISHED if unpublished else wording.NOT_MET
        elif own:
            status = wording.ACCEPTED
        else:
            status = wording.MET
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
                duty=duty_words(rule),
            )
        )
    return tuple(rows)


def ordered_notes(findings: Sequence[Finding], *, authors: bool) -> list[Finding]:
    """The findings the notes list, in order: open ones first (errors, then warnings), then
    the suppressed ones; author-only findings only when ``authors``."""
    rank = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    chosen = [f for f in findings if authors or not for_authors(f)]
    return sorted(chosen, key=lambda f: (f.suppressed, rank[f.severity], f.path, f.rule, f.message))


def note_anchor(number: int) -> str:
    """The anchor of note ``number``."""
    return f"note-{number}"


def note_status(finding: Finding, statutory: frozenset[str]) -> str:
    """A note's status in plain words; "suppressed" is never used, as it means two things."""
    if not finding.suppressed:
        return f"Open {finding.severity.value}"
    if finding.rule in statutory:
        return "Duty not met, accepted by the Board"
    return "Kept as published"


def note_rows(
    findings: Sequence[Finding],
    by_path: Mapping[str, SectionView],
    *,
    statutory: frozenset[str] = frozenset(),
    concerns: Mapping[int, str] | None = None,
) -> tuple[NoteRow, ...]:
    """One row per finding, in the order given, numbered from 1, with the section its path
    falls in and the anchor of the marker that points at it."""
    rows = []
    for number, finding in enumerate(findings, start=1):
        view = section_of(finding.path, by_path)
        rows.append(
            NoteRow(
                rule=finding.rule,
                severity=finding.severity.value,
                message=plain(finding.message),
                path=finding.path,
                section=None if view is None else (view.title, view.anchor),
                suppressed=finding.suppressed,
                reason=finding.reason,
                number=number,
                anchor=note_anchor(number),
                status=note_status(finding, statutory),
                concerns=(concerns or {}).get(number, ""),
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
