"""``boardreport schema``: print the JSON Schema of report files."""

from __future__ import annotations

import argparse
import json

from boardreport.errors import ExitCode
from boardreport.schema import part_schema, report_schema


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the schema command's options."""
    parser.add_argument(
        "--part",
        action="store_true",
        help="print the schema of a part file (one section) instead of report.toml",
    )


def run(args: argparse.Namespace) -> int:
    """Print the schema as JSON."""
    schema = part_schema() if args.part else report_schema()
    print(json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False))
    return ExitCode.OK
