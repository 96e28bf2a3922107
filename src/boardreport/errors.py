"""Exceptions raised by boardreport, and the exit code each one stands for.

Every error boardreport raises on purpose derives from :class:`BoardReportError` and carries the
exit code the command line ends with (as click's exceptions do); ``boardreport.cli.main`` prints
it once, with one prefix. None of them depends on the command line.
"""

from __future__ import annotations

import enum
import os
from pathlib import Path
from typing import ClassVar

from attrs import frozen


class ExitCode(enum.IntEnum):
    """The exit codes of the ``boardreport`` command."""

    OK = 0
    """Success: no unsuppressed error finding (nor warning, with ``--strict``)."""
    FINDINGS = 1
    """The report has findings that fail the check."""
    USAGE = 2
    """The report cannot be loaded, or the command was used wrongly."""
    INTERRUPTED = 130
    """Stopped by the user (Ctrl-C)."""


def where(file: str | os.PathLike[str] | None, line: int | None, *, unknown: str = "") -> str:
    """``file:line``, or ``file`` without a line, or ``unknown`` without a file.

    The one spelling of a location in every message boardreport prints (load problems,
    findings, render errors), so editors and CI logs can jump to it.
    """
    if file is None or str(file) == "":
        return unknown
    return f"{file}:{line}" if line else str(file)


@frozen(kw_only=True)
class Problem:
    """One located problem in a report file.

    ``hint`` says how to fix a common mistake, when the problem is one (for example a number
    written with a thousands separator).
    """

    file: Path | None
    line: int | None
    path: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        data_path = f" {self.path}:" if self.path else ""
        text = f"{where(self.file, self.line, unknown='<input>')}:{data_path} {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text


class BoardReportError(Exception):
    """Base class of every error boardreport raises on purpose.

    ``exit_code`` is what the command line exits with when this error ends a command.
    """

    exit_code: ClassVar[int] = ExitCode.USAGE


class UsageError(BoardReportError):
    """A command was used wrongly (a missing folder, options that do not go together)."""


class LoadError(BoardReportError):
    """A report could not be loaded; ``problems`` lists every problem found, with locations."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def summary(self) -> str:
        """``the report could not be loaded (N problems)``."""
        count = len(self.problems)
        return f"the report could not be loaded ({count} problem{'s' * (count != 1)})"


class DumpError(BoardReportError):
    """A report could not be written (for example the target exists and overwrite was not asked)."""


class RenderError(BoardReportError):
    """A report could not be rendered."""


class UnknownRuleError(UsageError):
    """A rule id or pack prefix that no registered rule matches."""
