"""``boardreport audit``: outputs, exit codes, progress only on a terminal."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from boardreport.cli import main
from boardreport.commands.audit import Progress

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SERIES = CORPUS / "series-harrowdene"


def test_audit_writes_html_csv_json_and_chart_specs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "audit"
    assert (
        main(
            [
                "audit",
                str(SERIES),
                str(CORPUS / "edition-wt18-ashcombe"),
                "--out",
                str(out),
                "--jobs",
                "1",
            ]
        )
        == 0
    )
    printed = capsys.readouterr()
    assert printed.out.startswith("Audited 4 reports (4 checked, 0 could not be loaded)")
    assert "[" not in printed.err  # no progress bar: standard error is not a terminal
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert {"index.html", "audit.csv", "audit.json"} <= set(names)
    assert "charts/spend_per_child.vl.json" in names
    data = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    assert len(data["reports"]) == 4
    lines = list(csv.DictReader(io.StringIO((out / "audit.csv").read_text(encoding="utf-8"))))
    last = next(line for line in lines if line["period"] == "2021-22")
    assert last["YOY-003"] == "not met"
    assert last["YOY-001"] == "met"
    first = next(line for line in lines if line["period"] == "2019-20")
    assert first["YOY-001"] == "does not apply"
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Boards year on year" in page
    assert "Re-referrals to children&#39;s social care within 12 months" in page


def test_only_the_chosen_formats_are_written(tmp_path: Path) -> None:
    out = tmp_path / "audit"
    assert main(["audit", str(SERIES), "--out", str(out), "--format", "csv", "--jobs", "1"]) == 0
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["audit.csv"]


def test_unknown_format_missing_folder_and_no_report_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "audit")
    assert main(["audit", str(SERIES), "--out", out, "--format", "pdf"]) == 2
    assert "--format takes html, csv, json" in capsys.readouterr().err
    assert main(["audit", str(tmp_path / "nowhere"), "--out", out]) == 2
    assert "no such folder" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["audit", str(tmp_path / "empty"), "--out", out]) == 2
    assert "no report.toml in" in capsys.readouterr().err  # from io.find_reports
    assert not Path(out).exists()


def test_the_output_folder_may_not_be_inside_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(SERIES, tmp_path / "series")
    inside = tmp_path / "series" / "2019-20" / "audit"
    assert main(["audit", str(tmp_path / "series"), "--out", str(inside), "--jobs", "1"]) == 2
    assert "error:" in capsys.readouterr().err
    assert not inside.exists()


def test_a_report_that_cannot_be_loaded_is_named_and_the_audit_still_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(SERIES / "2019-20", tmp_path / "reports" / "good")
    broken = tmp_path / "reports" / "broken"
    broken.mkdir()
    (broken / "report.toml").write_text("board = [\n", encoding="utf-8")
    out = tmp_path / "audit"
    assert main(["audit", str(tmp_path / "reports"), "--out", str(out), "--jobs", "1"]) == 0
    printed = capsys.readouterr()
    assert "broken: the report could not be loaded" in printed.err
    assert "report.toml:" in printed.err
    assert "(1 checked, 1 could not be loaded)" in printed.out
    assert "Reports that could not be read" in (out / "index.html").read_text(encoding="utf-8")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_a_bar_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    terminal = _Terminal()
    bar = Progress(terminal)
    bar(1, 2)
    bar(2, 2)
    assert terminal.getvalue().endswith("] 2/2 reports\n")
    assert "\r[" in terminal.getvalue()
    piped = io.StringIO()
    Progress(piped)(1, 1)
    assert piped.getvalue() == ""
    monkeypatch.setenv("CI", "true")
    in_ci = _Terminal()
    Progress(in_ci)(1, 1)
    assert in_ci.getvalue() == ""
