"""find_reports: every folder holding a report.toml, once, sorted; hidden folders skipped."""

from __future__ import annotations

from pathlib import Path

from boardreport.io import find_reports


def _report(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.toml").write_text("", encoding="utf-8")
    return folder


def test_reports_are_found_under_folders_once_and_sorted(tmp_path: Path) -> None:
    b = _report(tmp_path / "region" / "b")
    a = _report(tmp_path / "region" / "a")
    year = _report(tmp_path / "region" / "a" / "2019-20")
    _report(tmp_path / "region" / ".git" / "x")
    _report(tmp_path / "region" / "node_modules" / "y")
    (tmp_path / "region" / "notes").mkdir()
    found = find_reports([tmp_path / "region", a, a / "report.toml"])
    assert found == [a, year, b]


def test_a_missing_path_or_another_file_gives_nothing(tmp_path: Path) -> None:
    (tmp_path / "notes.toml").write_text("", encoding="utf-8")
    assert find_reports([tmp_path / "nowhere", tmp_path / "notes.toml"]) == []
