"""The JSON Schema for editors: generated from the model, valid, and kept up to date in docs/."""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from boardreport.cli import main
from boardreport.schema import part_schema, report_schema

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "reports" / "wolverhampton_2014_15"


def _jsonable(value: object) -> object:
    """TOML values as an editor's schema validator sees them (dates as strings)."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@pytest.mark.parametrize("schema", [report_schema(), part_schema()])
def test_schemas_are_valid_json_schema(schema: dict[str, object]) -> None:
    """Both schemas are valid Draft 2020-12 schemas."""
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize(
    ("name", "schema"),
    [("report.schema.json", report_schema()), ("part.schema.json", part_schema())],
)
def test_committed_schemas_are_up_to_date(name: str, schema: dict[str, object]) -> None:
    """docs/schema/*.json equal what `boardreport schema` prints now."""
    committed = json.loads((ROOT / "docs" / "schema" / name).read_text(encoding="utf-8"))
    assert committed == schema, f"regenerate with: boardreport schema > docs/schema/{name}"


def test_every_reference_report_file_validates_against_the_schema() -> None:
    """The reference report's root and part files satisfy the editor schemas."""
    report_validator = jsonschema.Draft202012Validator(report_schema())
    part_validator = jsonschema.Draft202012Validator(part_schema())
    root = tomllib.loads(
        (REFERENCE / "report.toml").read_text(encoding="utf-8"), parse_float=Decimal
    )
    assert list(report_validator.iter_errors(_jsonable(root))) == []
    parts = sorted((REFERENCE / "parts").rglob("*.toml"))
    assert parts
    for part in parts:
        data = tomllib.loads(part.read_text(encoding="utf-8"), parse_float=Decimal)
        errors = [e.message for e in part_validator.iter_errors(_jsonable(data))]
        assert errors == [], part


def test_a_schema_rejects_an_unknown_key() -> None:
    """additionalProperties is false, so editors flag misspelt keys too."""
    validator = jsonschema.Draft202012Validator(part_schema())
    assert list(validator.iter_errors({"id": "a", "title": "A", "titel": "x"}))


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """`boardreport schema` prints the root schema and `--part` the part schema."""
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == report_schema()
    assert main(["schema", "--part"]) == 0
    assert json.loads(capsys.readouterr().out) == part_schema()
