"""Findings as text, JSON, SARIF 2.1.0, GitHub workflow annotations and a GitHub job summary.

A report that cannot be loaded is part of the output in every format: each of its load
problems becomes a finding of rule ``LOAD-001`` (located by file, line and data path), SARIF
adds a tool notification, and the text summary says which report could not be loaded.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from attrs import frozen

from boardreport._links import docs_page, docs_url, rule_url
from boardreport.errors import Problem, where
from boardreport.rules._editions import EditionChoice
from boardreport.rules._engine import Counts
from boardreport.rules._registry import Finding, Rule, Severity

FORMATS = ("text", "json", "sarif", "github")
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_ROOT = "SRCROOT"
"""The ``uriBaseId`` of every artifact location: the repository root."""
LOAD_RULE = "LOAD-001"
LOAD_RULE_NAME = "report-loads"
LOAD_RULE_SUMMARY = "The report's files are valid TOML and fit the report format."
LOAD_RULE_PAGE = "format/#load-errors"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


@frozen(kw_only=True)
class Unloaded:
    """A report that could not be loaded: the path it was named by, and its problems."""

    report: str
    problems: tuple[Problem, ...]

    @property
    def summary(self) -> str:
        """``<report>: the report could not be loaded (N problems)``."""
        count = len(self.problems)
        return (
            f"{self.report}: the report could not be loaded ({count} problem{'s' * (count != 1)})"
        )


def load_findings(unloaded: Sequence[Unloaded]) -> list[Finding]:
    """Every load problem as an error finding of rule ``LOAD-001``."""
    findings = []
    for report in unloaded:
        for problem in report.problems:
            message = problem.message
            if problem.hint:
                message += f". Hint: {problem.hint}"
            findings.append(
                Finding(
                    rule=LOAD_RULE,
                    severity=Severity.ERROR,
                    message=message,
                    path=problem.path,
                    file=Path(problem.file).as_posix() if problem.file else None,
                    line=problem.line,
                )
            )
    return findings


def shown(
    findings: Sequence[Finding], threshold: Severity = Severity.INFO, *, suppressed: bool = True
) -> list[Finding]:
    """The findings at or above ``threshold``; suppressed ones only when ``suppressed``."""
    floor = SEVERITY_RANK[threshold]
    return [
        f
        for f in findings
        if SEVERITY_RANK[f.severity] >= floor and (suppressed or not f.suppressed)
    ]


# ---------------------------------------------------------------------------------------------
# repository-relative paths


def repository_root(start: Path | None = None) -> Path | None:
    """The nearest folder at or above ``start`` (default: the working folder) holding ``.git``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _relative_to_root(file: str, root: Path | None) -> str:
    """``file`` relative to the repository root, with ``/``; unchanged when outside it."""
    if root is None:
        return Path(file).as_posix()
    try:
        return Path(file).resolve().relative_to(root).as_posix()
    except ValueError:
        return Path(file).as_posix()


# ---------------------------------------------------------------------------------------------
# text


def _where(finding: Finding) -> str:
    return where(finding.file or None, finding.line, unknown="<report>")


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def text_line(finding: Finding, *, colour: bool = False) -> str:
    """``file:line: ID severity message (citation)``, plus ``[suppressed: reason]``."""
    severity = _paint(finding.severity.value, _COLOURS[finding.severity], colour)
    rule = _paint(finding.rule, "1", colour)
    line = f"{_paint(_where(finding), '1', colour)}: {rule} {severity} {finding.message}"
    if finding.citation:
        line += f" ({finding.citation})"
    if finding.suppressed:
        line += _paint(f" [suppressed: {finding.reason}]", "2", colour)
    return line


Editions = Sequence[tuple[str, EditionChoice]]
"""For each report checked: its path and the statutory edition applied, with the reason."""


def edition_line(path: str, choice: EditionChoice) -> str:
    """``path: edition: period 2019-20, safeguarding partnership: WT2018``."""
    return f"{path}: edition: {choice}"


def to_text(
    findings: Sequence[Finding],
    *,
    editions: Editions = (),
    unloaded: Sequence[Unloaded] = (),
    threshold: Severity = Severity.INFO,
    show_suppressed: bool = True,
    quiet: bool = False,
    colour: bool = False,
) -> str:
    """One line per finding shown, then the summary (left out with ``quiet``).

    The summary counts every finding, shown or not; it names each report that could not be
    loaded, and says how to list findings the threshold or ``show_suppressed`` left out.
    """
    problems = load_findings(unloaded)
    listed = problems + shown(findings, threshold, suppressed=show_suppressed)
    lines = [] if quiet else [edition_line(path, choice) for path, choice in editions]
    lines += [text_line(f, colour=colour) for f in listed]
    if not quiet:
        lines.extend(_paint(f"error: {u.summary}", "31;1", colour) for u in unloaded)
        lines.append(str(Counts.of(findings)))
        hidden = _hidden(findings, threshold, show_suppressed)
        if hidden:
            lines.append(hidden)
    return "\n".join(lines) + "\n" if lines else ""


def _hidden(findings: Sequence[Finding], threshold: Severity, show_suppressed: bool) -> str:
    """``not shown: N below warning (--severity info lists them)``, or empty."""
    floor = SEVERITY_RANK[threshold]
    live = [f for f in findings if not f.suppressed]
    below = [f for f in live if SEVERITY_RANK[f.severity] < floor]
    notes = []
    if below:
        lowest = min((f.severity for f in below), key=SEVERITY_RANK.__getitem__)
        notes.append(f"{len(below)} below {threshold.value} (--severity {lowest.value} lists them)")
    suppressed = sum(f.suppressed for f in findings)
    if suppressed and not show_suppressed:
        notes.append(f"{suppressed} suppressed (--show-suppressed lists them)")
    return f"not shown: {'; '.join(notes)}" if notes else ""


# ---------------------------------------------------------------------------------------------
# JSON


def as_dict(finding: Finding, rules: dict[str, Rule] | None = None) -> dict[str, Any]:
    """A finding as the JSON object docs/schema/findings.schema.json describes."""
    rule = (rules or {}).get(finding.rule)
    name = rule.name if rule else (LOAD_RULE_NAME if finding.rule == LOAD_RULE else "")
    return {
        "rule": finding.rule,
        "name": name,
        "severity": finding.severity.value,
        "message": finding.message,
        "path": finding.path,
        "file": finding.file,
        "line": finding.line,
        "citation": finding.citation,
        "suppressed": finding.suppressed,
        "reason": finding.reason,
        "edition": finding.edition,
        "edition_reason": finding.edition_reason,
    }


def to_json(
    findings: Sequence[Finding], rules: Sequence[Rule] = (), *, unloaded: Sequence[Unloaded] = ()
) -> str:
    """A JSON array of findings, load problems first (rule ``LOAD-001``)."""
    by_id = {r.id: r for r in rules}
    entries = [as_dict(f, by_id) for f in [*load_findings(unloaded), *findings]]
    return json.dumps(entries, indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------------------------
# SARIF


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": f"{rule.id} {rule.name}"},
        "fullDescription": {"text": rule.summary},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"pack": rule.pack, "citation": rule.citation},
    }
    url = rule_url(rule.id)
    if url:
        descriptor["helpUri"] = url
    return descriptor


def _load_rule() -> dict[str, Any]:
    text = (
        f"{LOAD_RULE_SUMMARY} A report that cannot be loaded is not checked: fix each problem "
        "at the file and line given, then check again."
    )
    descriptor: dict[str, Any] = {
        "id": LOAD_RULE,
        "name": LOAD_RULE_NAME,
        "shortDescription": {"text": f"{LOAD_RULE} {LOAD_RULE_NAME}"},
        "fullDescription": {"text": LOAD_RULE_SUMMARY},
        "help": {"text": text, "markdown": text},
        "defaultConfiguration": {"level": "error"},
        "properties": {"pack": "LOAD", "citation": ""},
    }
    url = docs_page(LOAD_RULE_PAGE)
    if url:
        descriptor["helpUri"] = url
    return descriptor


def _physical(file: str, line: int | None, root: Path | None) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": _relative_to_root(file, root)}
    if root is not None:
        artifact["uriBaseId"] = SARIF_ROOT
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if line:
        physical["region"] = {"startLine": line}
    return physical


def _sarif_result(finding: Finding, index: dict[str, int], root: Path | None) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": _SARIF_LEVEL[finding.severity],
        "message": {
            "text": f"{finding.message} ({finding.citation})"
            if finding.citation
            else finding.message
        },
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    location: dict[str, Any] = {}
    if finding.file:
        location["physicalLocation"] = _physical(finding.file, finding.line, root)
    if finding.path:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.path, "kind": "member"}]
    if location:
        result["locations"] = [location]
    if finding.suppressed:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.reason}]
    if finding.edition:
        result["properties"] = {"edition": finding.edition}
    return result


def _notification(report: Unloaded, root: Path | None) -> dict[str, Any]:
    notification: dict[str, Any] = {
        "level": "error",
        "message": {"text": report.summary},
        "descriptor": {"id": LOAD_RULE},
    }
    first = next((p for p in report.problems if p.file), None)
    if first is not None and first.file is not None:
        notification["locations"] = [
            {"physicalLocation": _physical(str(first.file), first.line, root)}
        ]
    return notification


def to_sarif(
    findings: Sequence[Finding],
    rules: Sequence[Rule],
    version: str,
    *,
    editions: Editions = (),
    unloaded: Sequence[Unloaded] = (),
    root: Path | None = None,
) -> str:
    """A SARIF 2.1.0 log with one run: the rules that ran, their results, load problems and
    the edition each report was checked against (the run's ``properties``).

    Artifact URIs are relative to ``root`` (default: the repository holding the working
    folder) through the ``SRCROOT`` base id, as code scanning services expect.
    """
    root = root or repository_root()
    descriptors = [_sarif_rule(r) for r in rules]
    if unloaded:
        descriptors.append(_load_rule())
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    every = [*load_findings(unloaded), *findings]
    driver: dict[str, Any] = {"name": "boardreport", "version": version, "rules": descriptors}
    home = docs_url()
    if home:
        driver["informationUri"] = home
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [
            {
                "executionSuccessful": not unloaded,
                "toolExecutionNotifications": [_notification(u, root) for u in unloaded],
            }
        ],
        "results": [_sarif_result(f, index, root) for f in every],
        "properties": {
            "editions": [
                {"report": path, "edition": choice.name, "reason": choice.reason}
                for path, choice in editions
            ]
        },
    }
    if root is not None:
        run["originalUriBaseIds"] = {SARIF_ROOT: {"uri": root.as_uri() + "/"}}
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------------------------
# GitHub


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_line(finding: Finding, *, root: Path | None = None) -> str:
    """``::error file=F,line=L,title=ID::message (citation)``; F relative to ``root``."""
    props = []
    if finding.file:
        props.append(f"file={_escape_property(_relative_to_root(finding.file, root))}")
    if finding.line:
        props.append(f"line={finding.line}")
    props.append(f"title={_escape_property(finding.rule)}")
    message = f"{finding.message} ({finding.citation})" if finding.citation else finding.message
    return f"::{_GITHUB_LEVEL[finding.severity]} {','.join(props)}::{_escape_data(message)}"


def to_github(
    findings: Sequence[Finding],
    *,
    editions: Editions = (),
    unloaded: Sequence[Unloaded] = (),
    threshold: Severity = Severity.INFO,
    root: Path | None = None,
) -> str:
    """Annotations for load problems and unsuppressed findings at or above ``threshold``; then,
    as plain log lines (no annotation: GitHub shows only a few per step), the edition each
    report was checked against, one line per report that could not be loaded and the count.
    """
    listed = load_findings(unloaded) + shown(findings, threshold, suppressed=False)
    lines = [github_line(f, root=root) for f in listed]
    lines += [edition_line(path, choice) for path, choice in editions]
    lines.extend(f"error: {u.summary}" for u in unloaded)
    lines.append(str(Counts.of(findings)))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_step_summary(
    findings: Sequence[Finding],
    *,
    reports: int,
    unloaded: Sequence[Unloaded] = (),
    threshold: Severity = Severity.WARNING,
    limit: int = 50,
) -> str:
    """A Markdown job summary for GitHub Actions: the counts, then the failing findings."""
    counts = Counts.of(findings)
    lines = ["## boardreport check", ""]
    checked = reports - len(unloaded)
    lines.append(f"{checked} of {reports} report{'s' * (reports != 1)} checked: {counts}.")
    for report in unloaded:
        lines.append(f"\n**{_cell(report.summary)}**")
    listed = load_findings(unloaded) + shown(findings, threshold, suppressed=False)
    if listed:
        lines += ["", "| Where | Rule | Severity | Message |", "|---|---|---|---|"]
        for finding in listed[:limit]:
            lines.append(
                f"| `{_cell(_where(finding))}` | {finding.rule} | {finding.severity.value} "
                f"| {_cell(finding.message)} |"
            )
        if len(listed) > limit:
            lines.append(f"\n{len(listed) - limit} more findings are in the job's log.")
    return "\n".join(lines) + "\n"
