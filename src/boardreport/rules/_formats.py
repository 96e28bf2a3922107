"""Findings as text, JSON, SARIF 2.1.0 and GitHub workflow annotations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from boardreport.rules._editions import EditionChoice
from boardreport.rules._engine import Counts
from boardreport.rules._registry import Finding, Rule, Severity

FORMATS = ("text", "json", "sarif", "github")
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _where(finding: Finding) -> str:
    file = finding.file or "<report>"
    return f"{file}:{finding.line}" if finding.line else file


def text_line(finding: Finding) -> str:
    """``file:line: ID severity message (citation)``, plus ``[suppressed: reason]``."""
    line = f"{_where(finding)}: {finding.rule} {finding.severity.value} {finding.message}"
    if finding.citation:
        line += f" ({finding.citation})"
    if finding.suppressed:
        line += f" [suppressed: {finding.reason}]"
    return line


Editions = Sequence[tuple[str, EditionChoice]]
"""For each report checked: its path and the statutory edition applied, with the reason."""


def edition_line(path: str, choice: EditionChoice) -> str:
    """``path: edition: period 2019-20, safeguarding partnership: WT2018``."""
    return f"{path}: edition: {choice}"


def to_text(findings: Sequence[Finding], editions: Editions = ()) -> str:
    """The edition each report was checked against, one line per finding, the count line."""
    lines = [edition_line(path, choice) for path, choice in editions]
    lines += [text_line(f) for f in findings]
    lines.append(str(Counts.of(findings)))
    return "\n".join(lines) + "\n"


def as_dict(finding: Finding, rules: dict[str, Rule] | None = None) -> dict[str, Any]:
    """A finding as the JSON object docs/schema/findings.schema.json describes."""
    rule = (rules or {}).get(finding.rule)
    return {
        "rule": finding.rule,
        "name": rule.name if rule else "",
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


def to_json(findings: Sequence[Finding], rules: Sequence[Rule] = ()) -> str:
    """A JSON array of findings."""
    by_id = {r.id: r for r in rules}
    import json

    return json.dumps([as_dict(f, by_id) for f in findings], indent=2, ensure_ascii=False) + "\n"


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": f"{rule.id} {rule.name}"},
        "fullDescription": {"text": rule.summary},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"pack": rule.pack, "citation": rule.citation},
    }


def _sarif_result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
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
        physical: dict[str, Any] = {"artifactLocation": {"uri": finding.file}}
        if finding.line:
            physical["region"] = {"startLine": finding.line}
        location["physicalLocation"] = physical
    if finding.path:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.path, "kind": "member"}]
    if location:
        result["locations"] = [location]
    if finding.suppressed:
        result["suppressions"] = [{"kind": "inSource", "justification": finding.reason}]
    if finding.edition:
        result["properties"] = {"edition": finding.edition}
    return result


def to_sarif(
    findings: Sequence[Finding], rules: Sequence[Rule], version: str, editions: Editions = ()
) -> str:
    """A SARIF 2.1.0 log with one run: the rules that ran, their results and the editions."""
    rule_list = list(rules)
    index = {r.id: i for i, r in enumerate(rule_list)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "boardreport",
                        "version": version,
                        "rules": [_sarif_rule(r) for r in rule_list],
                    }
                },
                "results": [_sarif_result(f, index) for f in findings],
                "properties": {
                    "editions": [
                        {"report": path, "edition": choice.name, "reason": choice.reason}
                        for path, choice in editions
                    ]
                },
            }
        ],
    }
    import json

    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_line(finding: Finding) -> str:
    """``::error file=F,line=L,title=ID::message (citation)``."""
    props = []
    if finding.file:
        props.append(f"file={_escape_property(finding.file)}")
    if finding.line:
        props.append(f"line={finding.line}")
    props.append(f"title={_escape_property(finding.rule)}")
    message = f"{finding.message} ({finding.citation})" if finding.citation else finding.message
    return f"::{_GITHUB_LEVEL[finding.severity]} {','.join(props)}::{_escape_data(message)}"


def to_github(findings: Sequence[Finding], editions: Editions = ()) -> str:
    """A notice naming each report's edition, annotations for unsuppressed findings, the count."""
    lines = [
        f"::notice title=edition::{_escape_data(edition_line(path, choice))}"
        for path, choice in editions
    ]
    lines += [github_line(f) for f in findings if not f.suppressed]
    lines.append(str(Counts.of(findings)))
    return "\n".join(lines) + "\n"
