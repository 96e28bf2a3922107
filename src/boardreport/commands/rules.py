"""``boardreport rules``: list the rules, explain one, or regenerate docs/rules/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from boardreport.errors import ExitCode

DEFAULT_DOCS = Path("docs/rules")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the rules command's sub-commands."""
    sub = parser.add_subparsers(dest="rules_command", metavar="ACTION")
    listing = sub.add_parser("list", help="list the rules (the default)")
    listing.add_argument(
        "--select", action="append", default=[], metavar="IDS", help="only these ids or packs"
    )
    explain = sub.add_parser("explain", help="print one rule's documentation")
    explain.add_argument("rule_id", metavar="ID")
    docs = sub.add_parser("docs", help="regenerate the rule pages (docs/rules/)")
    docs.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_DOCS,
        help=f"folder to write (default: {DEFAULT_DOCS})",
    )
    docs.add_argument(
        "--check", action="store_true", help="only report whether the pages are up to date"
    )


def _list(select: list[str]) -> int:
    from boardreport.rules import all_rules, resolve_selection
    from boardreport.rules._docs import applies_to
    from boardreport.rules._registry import PACK_FRAMEWORK, PACKS

    chosen = resolve_selection(select)
    lines: list[str] = []
    current = ""
    for rule in all_rules():
        if chosen and rule.id not in chosen:
            continue
        if rule.pack != current:
            current = rule.pack
            applies = applies_to(PACK_FRAMEWORK.get(current)).replace("`", "")
            if lines:
                lines.append("")
            lines.append(f"{current}: {PACKS[current]}")
            lines.append(f"  applies to {applies}")
        lines.append(f"  {rule.id:<9} {rule.severity.value:<8} {rule.name:<26} {rule.citation}")
    sys.stdout.write("\n".join(lines) + "\n")
    return ExitCode.OK


def run(args: argparse.Namespace) -> int:
    """List, explain or write the rule documentation."""
    from boardreport import rules

    action = getattr(args, "rules_command", None)
    if action == "explain":
        sys.stdout.write(rules.explain(args.rule_id))
        return ExitCode.OK
    if action == "docs":
        if args.check:
            problems = rules.stale_docs(args.output)
            for problem in problems:
                print(problem, file=sys.stderr)
            if problems:
                print("run `boardreport rules docs` to regenerate", file=sys.stderr)
            return ExitCode.FINDINGS if problems else ExitCode.OK
        written = rules.write_docs(args.output)
        print(f"{len(written)} file(s) updated in {args.output}")
        return ExitCode.OK
    return _list(getattr(args, "select", []))
