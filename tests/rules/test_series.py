"""Pack YOY on a fictional board's three consecutive years, and on broken links."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import attrs
import pytest

from boardreport.io import load, load_with_sources
from boardreport.rules import check
from boardreport.series import load_series

SERIES = Path(__file__).resolve().parents[1] / "corpus" / "series-harrowdene"
ANSWERS = tomllib.loads((SERIES / "ANSWERS.toml").read_text(encoding="utf-8"))


def _yoy(folder: Path) -> list[tuple[str, str]]:
    report, sources = load_with_sources(folder)
    result = check(report, sources=sources)
    return sorted((f.rule, f.path) for f in result.findings if f.rule.startswith("YOY"))


def test_the_first_year_names_no_previous_report_and_gets_no_yoy_finding() -> None:
    assert load(SERIES / "2019-20").previous == ""
    assert _yoy(SERIES / "2019-20") == []


def test_the_second_year_links_cleanly_and_every_yoy_rule_is_met() -> None:
    report, sources = load_with_sources(SERIES / "2020-21")
    result = check(report, sources=sources)
    assert [f for f in result.findings if f.rule.startswith("YOY")] == []
    for rule in ("YOY-001", "YOY-002", "YOY-003", "YOY-004", "YOY-005"):
        assert result.evidence.get(rule), rule  # each rule found something to compare


def test_every_planted_break_is_found_by_its_rule_and_nothing_else() -> None:
    planted = sorted((p["rule"], p["path"]) for p in ANSWERS["planted"])
    assert _yoy(SERIES / "2021-22") == planted


def test_the_series_is_followed_back_to_the_first_year() -> None:
    report = load(SERIES / "2021-22")
    chain = load_series(report, SERIES / "2021-22")
    assert [r.period_label for _, r in chain] == ["2019-20", "2020-21"]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    shutil.copytree(SERIES, tmp_path / "series")
    return tmp_path / "series"


def test_a_previous_report_that_cannot_be_loaded_is_an_error(copy: Path) -> None:
    (copy / "2020-21" / "report.toml").write_text("board = \n", encoding="utf-8")
    report, sources = load_with_sources(copy / "2021-22")
    found = [f for f in check(report, sources=sources).findings if f.rule == "YOY-001"]
    assert len(found) == 1
    assert "could not be read" in found[0].message
    assert found[0].path == "previous"


def test_another_boards_report_or_an_older_year_is_not_a_previous_year(copy: Path) -> None:
    report, _sources = load_with_sources(copy / "2021-22")
    older = attrs.evolve(load(copy / "2019-20"), board="Elsewhere Partnership", area="Elsewhere")
    messages = [f.message for f in check(report, previous=older).findings if f.rule == "YOY-001"]
    assert any("another board's" in m for m in messages)
    assert any("is not the year before" in m for m in messages)


def test_without_files_a_named_previous_report_is_reported_not_guessed() -> None:
    report = load(SERIES / "2021-22")
    found = [f for f in check(report).findings if f.rule == "YOY-001"]
    assert len(found) == 1
    assert "without its files" in found[0].message


def test_a_true_rose_and_a_quoted_figure_that_differs(copy: Path) -> None:
    report, _sources = load_with_sources(copy / "2020-21")
    last = load(copy / "2019-20")
    kpi_changed = attrs.evolve(
        last,
        sections=tuple(
            attrs.evolve(
                s,
                blocks=tuple(
                    attrs.evolve(b, value=20) if getattr(b, "id", "") == "re-referrals" else b
                    for b in s.blocks
                ),
            )
            for s in last.sections
        ),
    )
    found = sorted(
        f.rule for f in check(report, previous=kpi_changed).findings if f.rule.startswith("YOY")
    )
    # 20 -> 21 is a rise, so "re-referrals fell" is wrong, and 2020-21 quotes 24 for 2019-20
    assert found == ["YOY-004", "YOY-005"]


def test_an_absolute_previous_path_is_refused(copy: Path) -> None:
    report, sources = load_with_sources(copy / "2021-22")
    absolute = attrs.evolve(report, previous=str((copy / "2020-21").resolve()))
    found = [f for f in check(absolute, sources=sources).findings if f.rule == "YOY-001"]
    assert len(found) == 1
    assert "not an absolute path" in found[0].message
