"""io.dump's layout options: comments around a file's data, and sections split into a folder."""

from __future__ import annotations

from pathlib import Path

import boardreport
from boardreport import model
from boardreport.io import dump


def _report() -> model.Report:
    import datetime as dt

    returns = tuple(
        model.Section(id=f"return-{n}", title=f"Return {n}", blocks=(model.Prose(text=f"R{n}"),))
        for n in (1, 2)
    )
    return model.Report(
        board="B",
        area="A",
        title="T",
        period_start=dt.date(2019, 4, 1),
        period_end=dt.date(2020, 3, 31),
        sections=(
            model.Section(id="intro", title="Intro", blocks=(model.Prose(text="Hello"),)),
            model.Section(id="returns", title="Returns", sections=returns),
        ),
    )


def test_split_writes_subsections_one_file_each(tmp_path: Path) -> None:
    """A split section lists its subsections' files; the folder loads back to the same report."""
    report = _report()
    dump(report, tmp_path / "r", split={"returns": "agencies"})
    parts = tmp_path / "r" / "parts"
    assert sorted(p.name for p in (parts / "agencies").iterdir()) == [
        "01-return-1.toml",
        "02-return-2.toml",
    ]
    assert '"agencies/01-return-1.toml"' in (parts / "02-returns.toml").read_text()
    assert boardreport.load(tmp_path / "r") == report


def test_headers_and_footers_surround_the_data(tmp_path: Path) -> None:
    """Comments go before and after the named files' data, and the files still load."""
    report = _report()
    dump(
        report,
        tmp_path / "r",
        headers={"report.toml": "# top\n", "parts/01-intro.toml": "# intro"},
        footers={"parts/01-intro.toml": "# example"},
    )
    root = (tmp_path / "r" / "report.toml").read_text()
    intro = (tmp_path / "r" / "parts" / "01-intro.toml").read_text()
    assert root.startswith("# top\nboard = ")
    assert intro.startswith("# intro\n") and intro.rstrip().endswith("# example")
    assert boardreport.load(tmp_path / "r") == report
