"""One board's reports year on year: the previous chain and the KPIs shown as a series."""

from __future__ import annotations

from pathlib import Path

from boardreport import model
from boardreport.cli import main
from boardreport.io import load
from boardreport.series import SERIES_SECTION, load_previous, with_kpi_series

SERIES = Path(__file__).resolve().parent / "corpus" / "series-harrowdene"


def test_a_report_naming_no_previous_year_is_unchanged() -> None:
    report = load(SERIES / "2019-20")
    assert load_previous(report, SERIES / "2019-20") is None
    assert with_kpi_series(report, SERIES / "2019-20") is report


def test_kpis_of_several_years_become_a_table_and_a_line_chart() -> None:
    report = load(SERIES / "2021-22")
    shown = with_kpi_series(report, SERIES / "2021-22" / "report.toml")
    section = shown.sections[-1]
    assert section.id == SERIES_SECTION
    assert section.appendix
    tables = [b for b in section.blocks if isinstance(b, model.Table)]
    charts = [b for b in section.blocks if isinstance(b, model.Chart)]
    assert [t.id for t in tables] == ["yoy-re-referrals", "yoy-child-protection-plans"]
    assert tables[0].rows == (("2019-20", 24), ("2020-21", 21), ("2021-22", 19))
    assert tables[0].columns[1].type is model.ColumnType.PERCENT
    assert [c.kind for c in charts] == [model.ChartKind.LINE] * 2
    assert charts[0].table == "yoy-re-referrals"


def test_build_shows_the_series_to_readers(tmp_path: Path) -> None:
    out = tmp_path / "out"
    # 1: the year has planted breaks (errors), so it builds as a draft
    assert main(["build", str(SERIES / "2021-22"), "--out", str(out), "--format", "md,vega"]) == 1
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "## Year on year" in text
    assert "| 2019-20 | 24% |" in text
    assert (out / "charts" / "yoy-re-referrals-chart.vl.json").exists()
