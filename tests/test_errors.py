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
