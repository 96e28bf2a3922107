"""Exceptions raised by boardreport. None of them depends on the command line."""

from __future__ import annotations

from pathlib import Path

from attrs import frozen


@frozen(kw_only=True)
class Problem:
    """One located problem in a report file."""

    file: Path | None
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = str(self.file) if self.file is not None else "<input>"
        if self.line is not None:
            where += f":{self.line}"
        data_path = f" {self.path}:" if self.path else ""
        return f"{where}:{data_path} {self.message}"


class BoardReportError(Exception):
    """Base class of every error boardreport raises on purpose."""


class UsageError(BoardReportError):
    """A command was used wrongly (a missing folder, options that do not go together)."""


class LoadError(BoardReportError):
    """A report could not be loaded; ``problems`` lists every problem found, with locations."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class DumpError(BoardReportError):
    """A report could not be written (for example the target exists and overwrite was not asked)."""


class RenderError(BoardReportError):
    """A report could not be rendered."""


class UnknownRuleError(BoardReportError):
    """A rule id or pack prefix that no registered rule matches."""
