"""Tests of boardreport.batch: many reports at once, in parallel, same outcome as one by one."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import boardreport
from boardreport import batch
from boardreport.errors import UnknownRuleError
from boardreport.io import load_with_sources
from boardreport.model import ChartKind
from boardreport.rules import Finding, check

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def _module_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _private_cache(monkeypatch: pytest.MonkeyPatch, _module_cache: Path) -> None:
    """Builds here (and their worker processes) cache into a folder of this module's own."""
    monkeypatch.setenv("BOARDREPORT_CACHE", str(_module_cache))


def _report(board: str, *, chair: bool, income: int, chart: bool = False) -> boardreport.Report:
    """A small report; ``chair`` and ``income`` change what the checks find."""
    charts: tuple[boardreport.Chart, ...] = ()
    if chart:
        charts = (
            boardreport.Chart(
                id="spend-chart",
                table="budget-expenditure",
                kind=ChartKind.BAR,
                x="item",
                y=("amount",),
                title="Spending",
                description="Spending by item.",
            ),
        )
    budget = boardreport.Budget(
        id="budget",
        period="2014-15",
        income=(
            boardreport.IncomeLine(contributor="Council", amount=income),
            boardreport.IncomeLine(contributor="Police", amount=5000),
        ),
        expenditure=(boardreport.ExpenditureLine(item="Staffing", amount=15000),),
        income_total=15000,
        expenditure_total=15000,
    )
    return boardreport.Report(
        board=f"{board} Safeguarding Children Board",
        area=board,
        title=f"{board} Safeguarding Children Board Annual Report 2014-15",
        period_start=dt.date(2014, 4, 1),
        period_end=dt.date(2015, 3, 31),
        chair=boardreport.Chair(name="A Chair", independent=True) if chair else None,
        sections=(
            boardreport.Section(
                id="foreword",
                title="Foreword",
                blocks=(boardreport.Prose(text=f"The {board} Board had a busy year."),),
            ),
            boardreport.Section(id="budget", title="Budget", blocks=(budget, *charts)),
        ),
    )


@pytest.fixture
def two_reports(tmp_path: Path) -> list[Path]:
    """Two report folders whose checks find different things."""
    first = boardreport.dump(
        _report("Ashford", chair=True, income=10000, chart=True), tmp_path / "ashford"
    )
    second = boardreport.dump(_report("Bexley", chair=False, income=9000), tmp_path / "bexley")
    return [first.parent, second.parent]


def _one_by_one(paths: list[Path]) -> list[tuple[Finding, ...]]:
    outcomes = []
    for path in paths:
        report, sources = load_with_sources(path)
        outcomes.append(check(report, sources=sources).findings)
    return outcomes


def test_check_many_in_process_matches_one_by_one(two_reports: list[Path]) -> None:
    """With jobs=1, each report gets the same findings as checking it alone, in path order."""
    outcomes = batch.check_many(two_reports, jobs=1)
    expected = _one_by_one(two_reports)
    assert [o.path for o in outcomes] == [os.fspath(p) for p in two_reports]
    assert [o.result.findings if o.result else None for o in outcomes] == expected
    assert expected[0] != expected[1]  # the reports really differ


def test_check_many_two_workers_matches_one_by_one(two_reports: list[Path]) -> None:
    """With jobs=2 the findings, rules and evidence are those of the in-process check."""
    parallel = batch.check_many(two_reports, jobs=2)
    alone = batch.check_many(two_reports, jobs=1)
    assert [o.result.findings if o.result else None for o in parallel] == _one_by_one(two_reports)
    for one, other in zip(parallel, alone, strict=True):
        assert one.result is not None
        assert other.result is not None
        assert one.result.rules == other.result.rules
        assert dict(one.result.evidence) == dict(other.result.evidence)
        assert one.result.failed() == other.result.failed()


def test_check_many_keeps_going_past_a_report_that_cannot_load(
    two_reports: list[Path], tmp_path: Path
) -> None:
    """A broken report gives its located problems; the reports after it are still checked."""
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "report.toml").write_text('board = "X"\nboard = "Y"\n', encoding="utf-8")
    outcomes = batch.check_many([broken, *two_reports], jobs=2)
    assert outcomes[0].result is None
    assert outcomes[0].problems
    assert outcomes[0].error is not None
    assert "report.toml" in str(outcomes[0].problems[0].file)
    assert all(o.result is not None for o in outcomes[1:])


def test_check_many_selection_is_passed_to_every_report(two_reports: list[Path]) -> None:
    """``select`` limits every report's findings to the chosen pack."""
    outcomes = batch.check_many(two_reports, jobs=2, select=["WT13"])
    rules = {f.rule for o in outcomes if o.result for f in o.result.findings}
    assert rules
    assert all(rule.startswith("WT13-") for rule in rules)


def test_check_many_rejects_an_unknown_rule_before_any_work(two_reports: list[Path]) -> None:
    """An unknown rule in ``select`` raises UnknownRuleError, as the check command expects."""
    with pytest.raises(UnknownRuleError):
        batch.check_many(two_reports, jobs=2, select=["NOPE-999"])


def test_workers_counts_cores_and_caps_at_tasks() -> None:
    """jobs=0 means one worker per core; never more workers than tasks; negative is an error."""
    assert batch.workers(0, 10_000) == (os.cpu_count() or 1)
    assert batch.workers(8, 3) == 3
    assert batch.workers(2, 0) == 1
    with pytest.raises(ValueError, match="jobs"):
        batch.workers(-1, 5)


def test_the_separate_batch_command_line_is_gone() -> None:
    """Corpus runs use ``boardreport check`` and ``boardreport build`` with several reports."""
    done = subprocess.run(
        [sys.executable, "-m", "boardreport.batch", "build", "x"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert not hasattr(batch, "main")
    assert (done.returncode, done.stdout) == (0, "")  # importing it does nothing


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_build_many_two_workers_writes_what_one_build_writes(
    two_reports: list[Path], tmp_path: Path
) -> None:
    """jobs=2 writes each report's folder exactly as building it in this process does."""
    parallel = batch.build_many(two_reports, tmp_path / "parallel", jobs=2)
    alone = batch.build_many(two_reports, tmp_path / "alone", jobs=1)
    assert [o.ok for o in parallel] == [True, True], [o.error for o in parallel]
    assert [o.out.name for o in parallel] == ["ashford", "bexley"]
    for one, other in zip(parallel, alone, strict=True):
        assert one.files == other.files
        assert _files(one.out) == _files(other.out)
        assert one.counts == other.counts
    assert "charts/spend-chart.vl.json" in parallel[0].files
    assert "index.html" in parallel[1].files


def test_build_many_names_clashing_folders_apart(tmp_path: Path) -> None:
    """Two reports in folders of the same name get ``name`` and ``name-2``."""
    paths = []
    for parent in ("north", "south"):
        report = _report(parent.title(), chair=True, income=10000)
        paths.append(boardreport.dump(report, tmp_path / parent / "report").parent)
    outcomes = batch.build_many(paths, tmp_path / "out", jobs=1, formats=("md",))
    assert [o.out.name for o in outcomes] == ["report", "report-2"]
    assert all((o.out / "report.md").is_file() for o in outcomes)
    assert "South" in (outcomes[1].out / "report.md").read_text(encoding="utf-8")


def test_build_many_reports_a_broken_report_and_builds_the_rest(
    two_reports: list[Path], tmp_path: Path
) -> None:
    """A report that cannot load gives its problems; the other reports are still built."""
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "report.toml").write_text("board = \n", encoding="utf-8")
    outcomes = batch.build_many([*two_reports, broken], tmp_path / "out", jobs=2, formats=("vega",))
    assert [o.ok for o in outcomes] == [True, True, False]
    assert outcomes[2].problems
    assert not (tmp_path / "out" / "broken").exists()


def test_workers_do_not_fork_a_process_that_loaded_vl_convert(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Once vl-convert (a threaded engine) is imported, workers start from a fresh process."""
    monkeypatch.delitem(sys.modules, "vl_convert", raising=False)
    if "fork" in multiprocessing.get_all_start_methods():
        assert batch._context().get_start_method() == "fork"
    monkeypatch.setitem(sys.modules, "vl_convert", sys)
    assert batch._context().get_start_method() != "fork"


@pytest.mark.skipif(
    os.environ.get("BOARDREPORT_BENCH_SMOKE") != "1",
    reason="runs benchmarks/run.py for minutes; set BOARDREPORT_BENCH_SMOKE=1 to run it",
)
def test_benchmark_quick_run_writes_the_table(tmp_path: Path) -> None:
    """``benchmarks/run.py --quick --runs 1`` finishes and writes every budget line."""
    output = tmp_path / "performance.md"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--quick",
            "--runs",
            "1",
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=1800,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    text = output.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "<!-- generated by benchmarks/run.py; do not edit -->"
    for row in ("check, reference report", "mkdocs build", "build, corpus of 100", "--no-cache"):
        assert row in text
    assert "## Where the time goes" in text
    budget = text.split("## Budget", 1)[1]
    # check and build, each as a re-run and with nothing cached, and peak memory
    assert budget.count("| PASS |") + budget.count("| MISS |") == 5
    # --quick runs no 1,000-report corpus and is not the full run the time limit is about
    assert budget.count("| n/a |") == 3


def test_phase_profile_times_each_phase_of_a_check_and_build(tmp_path: Path) -> None:
    """``benchmarks/phases.py`` (the page's "where the time goes") times every phase it names."""
    fixture = ROOT / "tests" / "fixtures" / "render" / "report"
    env = {**os.environ, "BOARDREPORT_CACHE": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "phases.py"), str(fixture)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    phases = json.loads(done.stdout)
    names = [name for name, _, _ in phases]
    assert names[0].startswith("import boardreport")
    assert any(name.startswith("chart drawings (6 SVGs") for name in names)  # the fixture's 6
    assert names[-1].startswith("HTML page")
    assert all(seconds > 0 for _, seconds, _ in phases)
    peaks = [peak for _, _, peak in phases]
    assert peaks == sorted(peaks)  # the peak so far never falls
    assert 5 < peaks[0] < peaks[-1]


def _misses(kind: str, *arguments: Path, cache: Path) -> dict[str, Any]:
    env = {**os.environ, "BOARDREPORT_CACHE": str(cache)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "misses.py"), kind, *map(str, arguments)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def test_miss_profiles_find_every_step_they_name(tmp_path: Path) -> None:
    """``benchmarks/misses.py`` (the page's profiles of the misses) finds each step it names in
    a cold check and in a build after a prose edit, and no step outlasts the whole run."""
    fixture = tmp_path / "report"
    shutil.copytree(ROOT / "tests" / "fixtures" / "render" / "report", fixture)
    check = _misses("check", fixture, cache=tmp_path / "check-cache")
    assert check["unit"] == "ms"
    times = dict(check["rows"])
    assert all(times[step] > 0 for step in list(times)[:5])  # imports, load, its parts, rules
    out = tmp_path / "out"
    build = _misses("edit-build", fixture, out, cache=tmp_path / "build-cache")
    steps = dict(build["rows"])
    assert steps["run the rules"] > 0 and steps["Markdown page"] > 0 and steps["HTML page"] > 0
    assert all(0 <= ms <= build["total"] for ms in steps.values())
    assert "Profiled" in (out / "report.md").read_text(encoding="utf-8")  # the edit was built
