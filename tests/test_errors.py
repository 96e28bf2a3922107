"""One exception hierarchy whose errors carry their exit code, printed once by the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from boardreport import errors
from boardreport.cli import main
from boardreport.errors import BoardReportError, ExitCode, LoadError, Problem, UsageError


def test_every_error_derives_from_one_base_and_carries_an_exit_code() -> None:
    """Each exception class boardreport defines is a BoardReportError with an exit code."""
    classes = [
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, Exception)
    ]
    assert len(classes) >= 6
    for cls in classes:
        assert issubclass(cls, BoardReportError), cls
        assert cls.exit_code == ExitCode.USAGE
    assert issubclass(errors.UnknownRuleError, UsageError)


def test_exit_codes_are_the_documented_ones() -> None:
    """0 success, 1 findings, 2 usage or load, 130 interrupted."""
    assert [int(code) for code in ExitCode] == [0, 1, 2, 130]


def test_main_prints_an_error_once_with_one_prefix(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A usage error raised by a command reaches stderr once, as `error: ...`, exit 2."""
    code = main(["check", str(tmp_path / "missing")])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"error: no such file or folder: {tmp_path / 'missing'}\n"
    code = main(["check", "--select", "NOPE", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("error:") == 1 and err.startswith("error: unknown rule or pack 'NOPE'")


def test_load_error_summary_counts_its_problems() -> None:
    """LoadError says how many problems it holds."""
    problem = Problem(file=None, line=None, path="", message="m")
    assert LoadError([problem]).summary() == "the report could not be loaded (1 problem)"
    assert LoadError([problem, problem]).summary().endswith("(2 problems)")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["build", "{tmp}", "--jobs", "-1"], "error: --jobs must be 0 (one per core) or more"),
        (["build", "{tmp}", "--framework", "WT1999"], "error: unknown --framework 'WT1999'"),
        (["audit", "{tmp}/missing", "--out", "{tmp}/out"], "error: {tmp}/missing: no such folder"),
        (["audit", "{tmp}", "--out", "{tmp}/out", "--format", "pdf"], "error: --format takes"),
        (["rules", "explain", "NOPE-999"], "error: unknown rule 'NOPE-999'"),
        (["serve", "{tmp}"], "error: no report at {tmp} (no report.toml)"),
    ],
)
def test_every_command_leaves_its_errors_to_main(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """build, audit, rules and serve raise; main prints the error once, with one prefix."""
    code = main([arg.replace("{tmp}", str(tmp_path)) for arg in argv])
    err = capsys.readouterr().err
    assert code == ExitCode.USAGE
    assert err.startswith(message.replace("{tmp}", str(tmp_path)))
    assert err.count("error:") == 1


def test_where_spells_every_location_one_way() -> None:
    """`file:line`, `file` without a line, the stand-in without a file."""
    assert errors.where("parts/a.toml", 12) == "parts/a.toml:12"
    assert errors.where(Path("parts/a.toml"), None) == "parts/a.toml"
    assert errors.where(None, 3, unknown="<report>") == "<report>"
    problem = Problem(file=Path("r.toml"), line=4, path="title", message="is missing")
    assert str(problem) == "r.toml:4: title: is missing"
