"""The JSON Schema for editors: generated from the model, valid, and kept up to date in docs/.

taplo (the validator of Even Better TOML) checks every report file in the repository against
it; `sh scripts/install-taplo.sh` installs it. Without taplo those tests are skipped, except in
CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tomllib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from boardreport import model
from boardreport.cli import main
from boardreport.errors import LoadError
from boardreport.io import load, load_with_sources
from boardreport.schema import field_docs, part_schema, report_schema

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "reports" / "wolverhampton_2014_15"
SCHEMAS = ROOT / "docs" / "schema"
NOT_SEARCHED = {".git", ".venv", ".tools", "node_modules", "site", "build"}
NOT_REPORTS = {
    "pyproject.toml",
    ".taplo.toml",
    "ANSWERS.toml",  # a corpus report's answer key (planted error → rule id), not report data
    "editions.toml",  # the editions catalogue and skeleton wording, package data
}
SKELETONS = ROOT / "src" / "boardreport" / "skeletons"
"""Skeleton templates hold ${...} tokens; what `boardreport new` writes from them is tested."""


def _not_a_report(file: Path) -> bool:
    return file.name in NOT_REPORTS or file.resolve().is_relative_to(SKELETONS)


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
    """Both schemas are valid draft-07 schemas, the dialect TOML editors read."""
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)


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
    report_validator = jsonschema.Draft7Validator(report_schema())
    part_validator = jsonschema.Draft7Validator(part_schema())
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
    validator = jsonschema.Draft7Validator(part_schema())
    assert list(validator.iter_errors({"id": "a", "title": "A", "titel": "x"}))


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """`boardreport schema` prints the root schema and `--part` the part schema."""
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == report_schema()
    assert main(["schema", "--part"]) == 0
    assert json.loads(capsys.readouterr().out) == part_schema()


def _properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of every object in the schema, named ``Definition.key``."""
    objects = [(schema.get("title", "root"), schema)]
    objects += list(schema["definitions"].items())
    for name, definition in objects:
        for key, value in definition.get("properties", {}).items():
            yield f"{name}.{key}", value


@pytest.mark.parametrize("schema", [report_schema(), part_schema()])
def test_every_property_has_a_description(schema: dict[str, Any]) -> None:
    """Hovering any key in an editor explains it: no property lacks a description."""
    properties = list(_properties(schema))
    assert len(properties) > 150
    missing = [name for name, value in properties if not value.get("description")]
    assert missing == []


def test_descriptions_are_the_models_field_docs() -> None:
    """A property's description is its field's docstring in the model, one source for both."""
    schema = part_schema()
    kpi = schema["definitions"]["KPIBlock"]["properties"]
    assert kpi["polarity"]["description"] == field_docs(model.KPI)["polarity"]
    prose = schema["definitions"]["ProseBlock"]["properties"]
    assert prose["claims"]["description"] == field_docs(model.Prose)["claims"]
    assert report_schema()["properties"]["period_end"]["description"].startswith(
        field_docs(model.Report)["period_end"]
    )


def test_tuples_are_fixed_length_arrays_draft_07_reads() -> None:
    """No 2020-12 keyword (prefixItems, $defs) that draft-07 validators misread."""
    text = json.dumps([report_schema(), part_schema()])
    assert "prefixItems" not in text
    assert "$defs" not in text


def test_blocks_are_matched_by_their_type_tag() -> None:
    """An error inside a block is reported against that block's definition, not a bare oneOf."""
    validator = jsonschema.Draft7Validator(part_schema())
    section = {"id": "a", "title": "A", "blocks": [{"type": "kpi", "label": "L", "valu": 1}]}
    errors = list(validator.iter_errors(section))
    assert errors
    messages = [e.message for e in errors]
    assert not any("oneOf" in m for m in messages)
    titles = {e.schema.get("title") for e in errors}
    assert "KPI block" in titles
    assert any("'valu' was unexpected" in m for m in messages)


# ---------------------------------------------------------------------------------------------
# mistakes the loader rejects, the schema rejects too

ROOT_KEYS = (
    'board = "B"\narea = "A"\ntitle = "T"\nperiod_start = 2014-04-01\nperiod_end = 2015-03-31\n'
)
MISTAKES = {
    "unknown key": ('id = "a"\ntitle = "A"\ntitel = "x"\n', "part"),
    "unknown block type": (
        'id = "a"\ntitle = "A"\n[[blocks]]\ntype = "proze"\ntext = "x"\n',
        "part",
    ),
    "text for a number": (
        'id = "a"\ntitle = "A"\n[[blocks]]\ntype = "kpi"\nlabel = "L"\nvalue = "12"\n',
        "part",
    ),
    "unknown enumeration value": (
        'id = "a"\ntitle = "A"\n[[blocks]]\ntype = "kpi"\nlabel = "L"\nvalue = 1\n'
        'polarity = "up"\n',
        "part",
    ),
    "malformed id": ('id = "Chair Foreword"\ntitle = "A"\n', "part"),
    "missing required key": ('id = "a"\n', "part"),
    "key of another block type": (
        'id = "a"\ntitle = "A"\n[[blocks]]\ntype = "prose"\ntext = "x"\nlabel = "L"\n',
        "part",
    ),
    "date in day/month/year quotes": (
        ROOT_KEYS.replace("period_end = 2015-03-31", 'period_end = "31/03/2015"'),
        "report",
    ),
    "number for text": (ROOT_KEYS.replace('area = "A"', "area = 12"), "report"),
}


def _loads_as(text: str, kind: str, folder: Path) -> None:
    """Load ``text`` as a report's root file, or as its only part file."""
    folder.mkdir()
    if kind == "report":
        (folder / "report.toml").write_text(text, encoding="utf-8")
    else:
        (folder / "report.toml").write_text(ROOT_KEYS + 'parts = ["p.toml"]\n', encoding="utf-8")
        (folder / "p.toml").write_text(text, encoding="utf-8")
    load(folder)


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_schema_rejects_what_the_loader_rejects(name: str, tmp_path: Path) -> None:
    """Each mistake fails to load, and the editor schema flags it too."""
    text, kind = MISTAKES[name]
    with pytest.raises(LoadError):
        _loads_as(text, kind, tmp_path / "r")
    schema = report_schema() if kind == "report" else part_schema()
    data = _jsonable(tomllib.loads(text, parse_float=Decimal))
    assert list(jsonschema.Draft7Validator(schema).iter_errors(data)), name


# ---------------------------------------------------------------------------------------------
# taplo over every report file in the repository


def _taplo() -> str:
    found = ROOT / ".tools" / "taplo" / "node_modules" / ".bin" / "taplo"
    program = str(found) if found.is_file() else shutil.which("taplo")
    if program is None:
        if os.environ.get("CI"):
            pytest.fail("taplo is not installed: run `sh scripts/install-taplo.sh`")
        pytest.skip("taplo is not installed (sh scripts/install-taplo.sh installs it)")
    return program


def _taplo_check(files: list[Path], schema: Path | None, cwd: Path = ROOT) -> tuple[int, str]:
    command = [_taplo(), "check", "--no-auto-config", "--colors", "never"]
    if schema is not None:
        command += ["--schema", schema.as_uri()]
    done = subprocess.run(
        [*command, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env={**os.environ, "RUST_LOG": "error"},
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def _report_files() -> tuple[list[Path], list[Path]]:
    """Every root file and every part file of every report in the repository (each loads)."""
    roots: set[Path] = set()
    parts: set[Path] = set()
    for file in ROOT.rglob("*.toml"):
        relative = file.relative_to(ROOT)
        if set(relative.parts) & NOT_SEARCHED or _not_a_report(file):
            continue
        data = tomllib.loads(file.read_text(encoding="utf-8"))
        if file.name == "report.toml" or "board" in data:
            _, sources = load_with_sources(file)
            files = {Path(p).resolve() for p in sources.texts}
            roots.add(file.resolve())
            parts |= files - {file.resolve()}
    return sorted(roots), sorted(parts - roots)


def test_taplo_accepts_every_report_file_in_the_repository() -> None:
    """Every file of every report (reference, fixtures, corpus) passes taplo's validator."""
    roots, parts = _report_files()
    every = {p.resolve() for p in ROOT.rglob("*.toml") if not set(p.parts) & NOT_SEARCHED}
    every = {p for p in every if not _not_a_report(p)}
    assert set(roots) | set(parts) == every, "a TOML file that belongs to no report"
    assert len(roots) >= 2 and len(parts) >= 40
    for files, schema in (
        (roots, SCHEMAS / "report.schema.json"),
        (parts, SCHEMAS / "part.schema.json"),
    ):
        code, output = _taplo_check(files, schema)
        assert code == 0, output[-4000:]


def test_taplo_follows_the_reference_reports_schema_lines() -> None:
    """With no schema given, taplo finds each file's schema from its `#:schema` line."""
    files = sorted(REFERENCE.rglob("*.toml"))
    code, output = _taplo_check(files, None)
    assert code == 0, output[-4000:]


def test_taplo_rejects_what_the_loader_rejects(tmp_path: Path) -> None:
    """taplo flags every mistake of MISTAKES (one file each, checked in one run)."""
    for kind in ("report", "part"):
        files = []
        for number, (text, file_kind) in enumerate(MISTAKES.values()):
            if file_kind == kind:
                file = tmp_path / f"{kind}-{number}.toml"
                file.write_text(text, encoding="utf-8")
                files.append(file)
        code, output = _taplo_check(files, SCHEMAS / f"{kind}.schema.json", cwd=tmp_path)
        assert code != 0, output
        flagged = [f.name for f in files if f"{f.name}:" in output]
        assert flagged == [f.name for f in files], output[-4000:]


def test_every_reference_and_corpus_file_names_its_schema() -> None:
    """Each TOML file of the reference report and the corpus starts with a `#:schema` line
    naming the committed schema of its kind."""
    folders = [REFERENCE, *sorted((ROOT / "tests" / "corpus").glob("*/"))]
    checked = 0
    for folder in folders:
        for file in sorted(folder.rglob("*.toml")):
            if file.name in {".taplo.toml", "ANSWERS.toml"}:
                continue
            first = file.read_text(encoding="utf-8").split("\n", 1)[0]
            assert first.startswith("#:schema "), file
            kind = "report" if file.name == "report.toml" else "part"  # series years nest
            target = (file.parent / first.removeprefix("#:schema ")).resolve()
            assert target == SCHEMAS / f"{kind}.schema.json", file
            checked += 1
    assert checked >= 40
