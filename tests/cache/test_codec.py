"""Loaded reports as JSON data: exact round trips, and anything else rejected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from boardreport.cache import (
    CodecError,
    structure_report,
    structure_sources,
    unstructure_report,
    unstructure_sources,
)
from boardreport.io import load_with_sources

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "report"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _corpus_reports() -> list[Path]:
    return sorted(root.parent for root in CORPUS.rglob("report.toml"))


@pytest.mark.parametrize("which", ["reference", "fixture"])
def test_a_report_and_its_source_map_survive_json(which: str, reference_report_path: Path) -> None:
    report, sources = load_with_sources(reference_report_path if which == "reference" else FIXTURE)
    for stable in sources.anchors:
        sources.locate(stable)
    data = json.loads(json.dumps(unstructure_report(report)))
    assert structure_report(data) == report
    kept = structure_sources(json.loads(json.dumps(unstructure_sources(sources))))
    for stable in sources.anchors:
        assert kept.locate(stable) == sources.locate(stable)


@pytest.mark.parametrize("folder", _corpus_reports(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_corpus_report_survives_json(folder: Path) -> None:
    """Stated unknowns, bounds, months and periods (unions of values and classes) keep their
    types through a cache entry."""
    report, _ = load_with_sources(folder)
    assert structure_report(json.loads(json.dumps(unstructure_report(report)))) == report


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(extra=1),
        lambda d: d.update(title=7),
        lambda d: d.update(sections=[{"$kind": "Nothing"}]),
        lambda d: d.update(period_start="not a date"),
        lambda d: d.pop("title"),
    ],
)
def test_data_that_is_not_exactly_a_report_is_rejected(
    change: object, reference_report_path: Path
) -> None:
    report, _ = load_with_sources(reference_report_path)
    data = json.loads(json.dumps(unstructure_report(report)))
    change(data)  # type: ignore[operator]
    with pytest.raises(CodecError):
        structure_report(data)


def test_decimals_stay_decimals_and_text_stays_text(reference_report_path: Path) -> None:
    report, _ = load_with_sources(reference_report_path)
    text = json.dumps(unstructure_report(report))
    assert '"$decimal"' in text
    with pytest.raises(CodecError):
        structure_sources({"root": None, "anchors": {"a": ["f", [1.5]]}, "indexes": []})
