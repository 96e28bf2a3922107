"""The ``boardreport`` command line: parses arguments, runs one command, maps errors to exit codes.

Each command lives in ``boardreport.commands.<name>`` and is imported only when run. Errors
boardreport raises carry their exit code (:mod:`boardreport.errors`); :func:`main` prints them
here, once, as ``error: ...``, never as tracebacks.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, Protocol

from boardreport.errors import BoardReportError, ExitCode, LoadError

DESCRIPTION = (
    "Write a Safeguarding Children Board's annual report as data, check it against the "
    "statutory guidance and build it as an accessible web page and Markdown."
)
EPILOG = """\
examples:
  boardreport new reports/exampleshire_2024_25    start a report from the statutory skeleton
  boardreport check reports/                      check every report in a folder
  boardreport build reports/exampleshire_2024_25  write Markdown, HTML and charts
  boardreport rules explain WT13-001              what a rule checks and why

Run `boardreport COMMAND --help` for a command's options.
Exit codes: 0 success, 1 findings that fail the check, 2 the report cannot be loaded
or the command was used wrongly."""

COMMANDS: dict[str, str] = {
    "check": "Check reports against their statutory rule pack and the consistency checks.",
    "build": "Render a report to Markdown, HTML and Vega-Lite.",
    "rules": "List the rules, explain one, or regenerate docs/rules/.",
    "schema": "Print the JSON Schema of report files, for editor completion.",
    "new": "Start a new board's report from the statutory skeleton.",
    "serve": "Build a report, serve it on localhost and rebuild on every change.",
    "audit": "Audit every report under some folders: a matrix of reports × duties, their figures.",
}

_INVALID_CHOICE = re.compile(r"argument (?P<arg>\S+): invalid choice: '(?P<value>[^']*)'")
_UNRECOGNISED = re.compile(r"unrecognized arguments: (?P<args>.+)")


class Command(Protocol):
    """What each ``boardreport.commands`` module provides."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def _close(word: str, candidates: Sequence[str]) -> str:
    """`` (did you mean 'x'?)`` for the nearest candidate, or an empty string."""
    match = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


class _Parser(argparse.ArgumentParser):
    """An argument parser that exits 2 on misuse and suggests the nearest command or option."""

    def error(self, message: str) -> NoReturn:
        message += self._suggestion(message)
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(ExitCode.USAGE)

    def _suggestion(self, message: str) -> str:
        choice = _INVALID_CHOICE.search(message)
        if choice:
            for action in self._actions:
                if action.choices and (
                    action.metavar == choice["arg"] or choice["arg"] in action.option_strings
                ):
                    return _close(choice["value"], [str(c) for c in action.choices])
        unknown = _UNRECOGNISED.search(message)
        if unknown:
            options = [o for a in self._every_action() for o in a.option_strings]
            for word in unknown["args"].split():
                if word.startswith("-"):
                    hint = _close(word.split("=", 1)[0], [o for o in options if o[1] == "-"])
                    if hint:
                        return hint
        return ""

    def _every_action(self) -> list[argparse.Action]:
        """This parser's actions and those of the commands it was given."""
        actions = list(self._actions)
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    actions.extend(sub._actions)
        return actions


def _command(name: str) -> Command:
    module: Any = importlib.import_module(f"boardreport.commands.{name}")
    command: Command = module
    return command


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """Build the parser; only the command named in ``argv`` is imported."""
    parser = _Parser(
        prog="boardreport",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if "--version" in argv:
        from boardreport import __version__

        parser.add_argument("--version", action="version", version=f"boardreport {__version__}")
    else:
        parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, title="commands"
    )
    chosen = next((a for a in argv if not a.startswith("-")), None)
    for name, help_text in COMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            _command(name).add_arguments(sub_parser)
    return parser


def _print_error(exc: BoardReportError) -> None:
    if isinstance(exc, LoadError):
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"error: {exc.summary()}", file=sys.stderr)
    else:
        print(f"error: {exc}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(args_list)
    args = parser.parse_args(args_list)
    if not args.command:
        parser.print_help()
        return ExitCode.USAGE
    try:
        return _command(args.command).run(args)
    except BoardReportError as exc:
        _print_error(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (for example `boardreport check ... | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.FINDINGS
