"""The ``boardreport`` command line: parses arguments, runs one command, maps errors to exit codes.

Exit codes: 0 success; 1 the report has unsuppressed errors (``check``); 2 the report cannot be
loaded, or the command was used wrongly. Library errors are printed as located messages, never as
tracebacks. Each command lives in ``boardreport.commands.<name>`` and is imported only when run.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any, Protocol

from boardreport.errors import BoardReportError, LoadError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

COMMANDS: dict[str, str] = {
    "check": "Check a report against its statutory rule pack and the consistency checks.",
    "build": "Render a report to Markdown, HTML and Vega-Lite.",
    "rules": "List the rules, explain one, or regenerate docs/rules/.",
    "schema": "Print the JSON Schema of report files, for editor completion.",
    "new": "Start a new board's report from the statutory skeleton.",
    "serve": "Build a report, serve it on localhost and rebuild on every change.",
    "audit": "Audit every report under some folders: a matrix of reports × duties, their figures.",
}


class Command(Protocol):
    """What each ``boardreport.commands`` module provides."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def _command(name: str) -> Command:
    module: Any = importlib.import_module(f"boardreport.commands.{name}")
    command: Command = module
    return command


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """Build the parser; only the command named in ``argv`` is imported."""
    parser = _Parser(prog="boardreport", description=__doc__.splitlines()[0])
    if "--version" in argv:
        from boardreport import __version__

        parser.add_argument("--version", action="version", version=f"boardreport {__version__}")
    else:
        parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    chosen = next((a for a in argv if not a.startswith("-")), None)
    for name, help_text in COMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            _command(name).add_arguments(sub_parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(args_list)
    args = parser.parse_args(args_list)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    try:
        return _command(args.command).run(args)
    except LoadError as exc:
        for problem in exc.problems:
            print(f"{problem}", file=sys.stderr)
        count = len(exc.problems)
        print(
            f"error: the report could not be loaded ({count} problem{'s' * (count != 1)})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    except BoardReportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (for example `boardreport check ... | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FINDINGS
