"""``boardreport build``: the files it writes, where, and that a failed build changes nothing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from boardreport import output, pipeline
from boardreport.cli import main
from boardreport.errors import RenderError

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "render" / "report"
CHARTS = {
    "attendance-chart",
    "contacts-by-quarter",
    "deaths-by-age",
    "plans-by-category",
    "plans-stacked",
    "spending",
}


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build of the fixture report, shared by the read-only tests."""
    out = tmp_path_factory.mktemp("built") / "out"
    assert main(["build", str(FIXTURE), "--out", str(out)]) == 0
    return out


def test_build_writes_markdown_html_pdf_and_one_spec_and_svg_per_chart(built: Path) -> None:
    """DIR/report.md, DIR/index.html, DIR/report.pdf and DIR/charts/<id>.vl.json and .svg for
    every chart."""
    files = set(_tree(built))
    expected = {"report.md", "index.html", "report.pdf", output.MARKER}
    expected |= {f"charts/{c}.vl.json" for c in CHARTS} | {f"charts/{c}.svg" for c in CHARTS}
    assert files == expected


def test_the_markdown_references_the_svg_files_relatively(built: Path) -> None:
    """Each image in report.md is a relative path to a file the build wrote."""
    text = (built / "report.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\((charts/[a-z0-9-]+\.svg)\)", text)
    assert {Path(i).stem for i in images} == CHARTS
    assert all((built / image).is_file() for image in images)


def test_the_build_includes_the_check_results(built: Path) -> None:
    """The appendices are filled from a real check: statuses, and the suppression's reason."""
    text = (built / "report.md").read_text(encoding="utf-8")
    assert "has not been checked" not in text
    assert "| WT13-002 |" in text
    assert "| Kept as published |" in text and "it is reproduced as printed. | CONS-007 |" in text


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    """Building the same report again, in another process with another hash seed, gives the
    same bytes in every file."""
    again = tmp_path / "again"
    command = [sys.executable, "-m", "boardreport", "build", str(FIXTURE), "--out", str(again)]
    environment = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(command, check=True, capture_output=True, env=environment, timeout=300)
    assert _tree(again) == _tree(built)


def test_the_default_output_is_build_slash_the_report_folder_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --out the output goes to build/<report folder name>/ and the command says so."""
    monkeypatch.chdir(tmp_path)
    assert main(["build", str(FIXTURE), "--format", "md"]) == 0
    out = tmp_path / "build" / "report"
    assert (out / "report.md").is_file()
    assert not (out / "index.html").exists()
    assert not list(out.glob("charts/*.vl.json"))
    printed = capsys.readouterr().out
    assert printed.startswith("Built build/report/ (report.md; 6 charts in charts/)")


@pytest.mark.parametrize(
    ("formats", "present", "absent"),
    [
        ("html", {"index.html"}, {"report.md", "report.pdf", "charts/spending.svg"}),
        ("pdf", {"report.pdf"}, {"report.md", "index.html", "charts/spending.vl.json"}),
        ("vega", {"charts/spending.vl.json"}, {"report.md", "index.html", "charts/spending.svg"}),
    ],
)
def test_format_chooses_the_outputs(
    tmp_path: Path, formats: str, present: set[str], absent: set[str]
) -> None:
    """--format writes only the chosen outputs."""
    out = tmp_path / "out"
    assert main(["build", str(FIXTURE), "--out", str(out), "--format", formats]) == 0
    files = set(_tree(out))
    assert present <= files and not absent & files


def test_an_unknown_format_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format docx exits 2 and names the formats there are."""
    assert main(["build", str(FIXTURE), "--out", str(tmp_path / "o"), "--format", "docx"]) == 2
    assert "unknown format 'docx'; choose from md, html, vega, pdf" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("where", "relation"),
    [("report", "is"), ("report/out", "is inside"), (".", "contains")],
)
def test_the_build_never_writes_into_the_report_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str, relation: str
) -> None:
    """An output folder that is, is inside or contains the report folder is refused (exit 2)."""
    source = tmp_path / "report"
    shutil.copytree(FIXTURE, source)
    before = _tree(tmp_path)
    assert main(["build", str(source), "--out", str(tmp_path / where)]) == 2
    message = capsys.readouterr().err
    assert f"{relation} the report folder" in message and "choose another --out" in message
    assert _tree(tmp_path) == before


def test_a_folder_the_build_did_not_make_is_never_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An existing folder with other files is left alone and the build exits 2."""
    out = tmp_path / "documents"
    out.mkdir()
    (out / "letter.txt").write_text("keep me", encoding="utf-8")
    assert main(["build", str(FIXTURE), "--out", str(out)]) == 2
    message = capsys.readouterr().err
    assert "holds files that no build made (such as letter.txt)" in message
    assert "--force" in message
    assert _tree(out) == {"letter.txt": b"keep me"}


def test_files_a_user_added_survive_a_rebuild(built: Path, tmp_path: Path) -> None:
    """A GitHub Pages checkout (``.git``, ``CNAME``) made in a built folder is kept by the next
    build, which replaces only its own files."""
    out = tmp_path / "site"
    shutil.copytree(built, out)
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (out / "CNAME").write_text("report.example.org\n", encoding="utf-8")
    (out / "report.md").write_text("stale\n", encoding="utf-8")
    assert main(["build", str(FIXTURE), "--out", str(out)]) == 0
    assert _tree(out) == {
        **_tree(built),
        ".git/HEAD": b"ref: refs/heads/gh-pages\n",
        "CNAME": b"report.example.org\n",
    }
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no temporary folder is left


def test_force_builds_into_a_folder_of_other_files_and_keeps_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--force builds into a folder no build made; the files already there stay."""
    out = tmp_path / "documents"
    out.mkdir()
    (out / "letter.txt").write_text("keep me", encoding="utf-8")
    assert main(["build", str(FIXTURE), "--out", str(out), "--format", "md", "--force"]) == 0
    assert (out / "letter.txt").read_text(encoding="utf-8") == "keep me"
    assert (out / "report.md").is_file()


def test_an_output_folder_reached_by_a_symbolic_link_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--out naming a link to a folder builds into that folder; the link stays a link and
    nothing temporary is left beside either."""
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "linkout"
    link.symlink_to(real, target_is_directory=True)
    for _ in range(2):
        assert main(["build", str(FIXTURE), "--out", str(link), "--format", "md"]) == 0
    assert link.is_symlink() and (real / "report.md").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["linkout", "real"]


def test_a_failed_render_leaves_the_previous_output_intact(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When rendering fails the command exits 2 and the old output is untouched."""
    out = tmp_path / "out"
    shutil.copytree(built, out)

    def fail(*_: object, **__: object) -> dict[str, str]:
        msg = "chart 'spending' cannot be drawn"
        raise RenderError(msg)

    monkeypatch.setattr(pipeline.RenderJob, "render", fail)
    assert main(["build", str(FIXTURE), "--out", str(out)]) == 2
    assert _tree(out) == _tree(built)


def test_a_chart_that_cannot_be_drawn_is_named_with_its_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A chart whose y column holds text: build exits 2 with the chart's file and line."""
    source = tmp_path / "report"
    shutil.copytree(FIXTURE, source)
    part = source / "parts" / "02-performance.toml"
    text = part.read_text(encoding="utf-8")
    part.write_text(text.replace('y = ["contacts"]', 'y = ["quarter"]'), encoding="utf-8")
    before = text[: text.index('id = "contacts-by-quarter"')]
    line = before.count("\n") - 1  # the chart's [[blocks]] line, above its type line
    assert before.splitlines()[line - 1] == "[[blocks]]"
    assert main(["build", str(source), "--out", str(tmp_path / "out"), "--no-cache"]) == 2
    error = capsys.readouterr().err
    assert f"02-performance.toml:{line}: " in error
    assert "chart 'contacts-by-quarter': y column 'quarter' holds text, not numbers" in error


def test_several_reports_each_get_a_folder_under_out(tmp_path: Path) -> None:
    """Two report folders, or the folder holding them, build into out/<name> each."""
    reports = tmp_path / "reports"
    for name in ("one", "two"):
        shutil.copytree(FIXTURE, reports / name)
    out = tmp_path / "out"
    assert main(["build", str(reports / "one"), str(reports / "two"), "--out", str(out)]) == 0
    assert (out / "one" / "index.html").is_file() and (out / "two" / "report.md").is_file()
    again = tmp_path / "again"
    assert main(["build", str(reports), "--out", str(again), "--jobs", "2"]) == 0
    assert _tree(again / "one") == _tree(out / "one")
    assert _tree(again / "two") == _tree(out / "two")


def test_a_folder_with_no_report_or_negative_jobs_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["build", str(tmp_path / "empty"), "--out", str(tmp_path / "o")]) == 2
    assert "no report.toml in" in capsys.readouterr().err
    assert main(["build", str(FIXTURE), "--jobs", "-1", "--out", str(tmp_path / "o")]) == 2
    assert "--jobs must be 0" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_one_broken_report_among_several_is_exit_2_and_the_others_are_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = tmp_path / "reports"
    shutil.copytree(FIXTURE, reports / "good")
    (reports / "broken").mkdir()
    (reports / "broken" / "report.toml").write_text("board = \n", encoding="utf-8")
    assert main(["build", str(reports), "--out", str(tmp_path / "out")]) == 2
    captured = capsys.readouterr()
    assert "report.toml:1" in captured.err
    assert "Built 1 of 2 reports" in captured.out
    assert (tmp_path / "out" / "good" / "index.html").is_file()


def test_write_output_refuses_paths_outside_the_folder(tmp_path: Path) -> None:
    """A file name that climbs out of the output folder is refused before anything changes."""
    with pytest.raises(output.BuildError, match="outside the output folder"):
        output.write_output(tmp_path / "out", {"../escape.txt": "x"})
    assert list(tmp_path.iterdir()) == []


def test_a_report_with_open_errors_builds_as_a_draft_and_exits_1(tmp_path: Path) -> None:
    """A new board's skeleton has unresolved errors: it still builds (so authors can read it),
    marked as a draft on the page and in print, and exits 1 so CI cannot publish it."""
    report = tmp_path / "report"
    assert (
        main(
            [
                "new",
                str(report),
                "--board",
                "Example Board",
                "--area",
                "Example",
                "--period",
                "2014-15",
            ]
        )
        == 0
    )
    out = tmp_path / "out"
    assert main(["build", str(report), "--out", str(out)]) == 1
    page = (out / "index.html").read_text(encoding="utf-8")
    assert 'class="draft-banner"' in page and ".draft-banner { border: 4pt solid" in page
    assert (out / "report.md").read_text(encoding="utf-8").startswith("> **Draft:")


def test_the_fixture_without_errors_is_not_a_draft(built: Path) -> None:
    """A report whose errors are all resolved or suppressed builds with no draft banner."""
    assert "Draft: not for publication" not in (built / "index.html").read_text(encoding="utf-8")


def test_author_notes_are_listed_only_when_asked(tmp_path: Path) -> None:
    """--author-notes adds the information findings (glossary suggestions and the like) of
    the reference report to its notes on the data; without it they are counted, not listed."""
    reference = ROOT / "reports" / "wolverhampton_2014_15"
    plain, full = tmp_path / "plain", tmp_path / "full"
    assert main(["build", str(reference), "--out", str(plain), "--format", "md"]) == 0
    assert (
        main(["build", str(reference), "--out", str(full), "--format", "md", "--author-notes"]) == 0
    )

    def notes(folder: Path) -> int:
        text = (folder / "report.md").read_text(encoding="utf-8")
        return len(re.findall(r'(?m)^\| <a id="r:note-\d+"></a>', text))

    assert 0 < notes(plain) < notes(full)
    assert "is used but is not in the glossary" not in (plain / "report.md").read_text(
        encoding="utf-8"
    )
