"""Pack SDC on the disclosure fixture: exactly the expected findings, and the threshold."""

from __future__ import annotations

from pathlib import Path

import attrs

import boardreport
from boardreport.rules import check

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "disclosure" / "report.toml"


def _found(report: boardreport.Report) -> set[tuple[str, str]]:
    return {(f.rule, f.path) for f in check(report, select=["SDC"]).findings}


def test_disclosure_fixture_gives_exactly_the_expected_findings() -> None:
    """Small counts, one recoverable cell and one unexplained marker; no zero, no meetings."""
    report = boardreport.loads(FIXTURE.read_text(encoding="utf-8"), name=str(FIXTURE))
    assert _found(report) == {
        ("SDC-001", "child-protection/cp-by-category.rows[1]"),
        ("SDC-001", "child-protection/blocks[4].value"),
        ("SDC-002", "child-protection/lac-by-placement.rows[2]"),
        ("SDC-003", "child-protection/lac-by-placement.note"),
    }


def test_threshold_is_the_reports_own() -> None:
    """A threshold of 2 keeps the 2 and drops the 3; 0 turns the small-count check off."""
    report = boardreport.loads(FIXTURE.read_text(encoding="utf-8"), name=str(FIXTURE))
    small = {p for r, p in _found(attrs.evolve(report, disclosure_threshold=2)) if r == "SDC-001"}
    assert small == {"child-protection/blocks[4].value"}
    off = _found(attrs.evolve(report, disclosure_threshold=0))
    assert not any(rule == "SDC-001" for rule, _ in off)


def test_what_counts_as_a_count_of_children() -> None:
    """Children counted by age in years are; meetings, courses and staff are not."""
    from boardreport.rules.packs.sdc import _about_children

    assert _about_children("Children", "Children in need by age in years", "Under 1")
    assert _about_children("Number", "Referrals by source", "Schools")
    assert not _about_children("Meetings", "Meetings held", "Board")
    assert not _about_children("Staff trained", "Training for staff working with children", "")
