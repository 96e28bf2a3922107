"""Round trip: whatever a report holds survives dump and load unchanged."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

import boardreport
from boardreport import model

from .strategies import reports


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports)
def test_dumps_then_loads_gives_the_same_report(report: model.Report) -> None:
    """loads(dumps(r)) == r for generated reports (one TOML document)."""
    assert boardreport.loads(boardreport.dumps(report)) == report


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports)
def test_dump_folder_then_load_gives_the_same_report(report: model.Report) -> None:
    """load(dump(r, folder)) == r, with one part file per top-level section."""
    with tempfile.TemporaryDirectory() as tmp:
        root = boardreport.dump(report, Path(tmp) / "report")
        assert boardreport.load(root.parent) == report
        assert len(list((Path(tmp) / "report" / "parts").glob("*.toml"))) == len(report.sections)
