"""``boardreport new DIR --board NAME --area NAME --period 2015-16``: start a board's report.

Writes the skeleton of the report's edition (see :mod:`boardreport.skeleton`) into a new or
empty folder: ``--framework`` chooses it (``WT2023``, ``CA2014`` for an adults board), else the
period does.
Exit codes: 0 written; 2 bad usage, or the folder is not empty and ``--force`` was not given.
"""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from boardreport.errors import ExitCode
from boardreport.io import write_atomic
from boardreport.rules._editions import find_edition, framework_names
from boardreport.schema import TAPLO_CONFIG
from boardreport.skeleton import choose_edition, parse_period, write_skeleton

TAPLO_FILE = ".taplo.toml"


def _period(text: str) -> str:
    try:
        parse_period(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _framework(text: str) -> str:
    if find_edition(text) is None:
        msg = f"unknown edition {text!r} (choose from {framework_names()})"
        raise argparse.ArgumentTypeError(msg)
    return text


def _name(text: str) -> str:
    if not text.strip():
        msg = "must not be blank"
        raise argparse.ArgumentTypeError(msg)
    return text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the new command's arguments."""
    parser.add_argument("folder", metavar="DIR", help="folder to create the report in")
    parser.add_argument(
        "--board",
        required=True,
        type=_name,
        metavar="NAME",
        help='the board\'s name, for example "Brackenford Safeguarding Children Board"',
    )
    parser.add_argument(
        "--area", required=True, type=_name, metavar="NAME", help="the local area it serves"
    )
    parser.add_argument(
        "--period",
        required=True,
        type=_period,
        metavar="YEAR",
        help="the financial year reported on: 2015-16 (or 2015/16) is 1 April 2015 to "
        "31 March 2016",
    )
    parser.add_argument(
        "--framework",
        type=_framework,
        metavar="EDITION",
        help="the edition to write the report for: WT2013 or WT2015 (an LSCB), WT2018 or "
        "WT2023 (a safeguarding partnership), CA2014 (a Safeguarding Adults Board); by default "
        "the one the period selects",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="write into a folder that is not empty (files of the same name are replaced; "
        "nothing is deleted)",
    )


def run(args: argparse.Namespace) -> int:
    """Write the skeleton and say what to do next."""
    framework = getattr(args, "framework", None)
    written = write_skeleton(
        args.folder,
        board=args.board,
        area=args.area,
        period=args.period,
        framework=framework,
        force=args.force,
    )
    write_atomic(Path(args.folder) / TAPLO_FILE, TAPLO_CONFIG, overwrite=args.force)
    edition = choose_edition(args.period, framework)
    folder = shlex.quote(str(args.folder))
    print(
        f"Created {len(written) + 1} files in {args.folder} for {edition.title} ({edition.name})."
    )
    print("Next: replace every TODO and placeholder in the TOML files, then run")
    print(f"  boardreport check {folder}")
    print(f"  boardreport serve {folder}")
    return ExitCode.OK
