"""``boardreport check PATH...``: run the rule packs and report the findings.

Exit codes: 0 no unsuppressed error (nor warning with ``--strict``); 1 findings that fail;
2 a report could not be loaded, or the command was used wrongly.
"""

from __future__ import annotations

import argparse
import sys

from boardreport.errors import LoadError, UnknownRuleError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the check command's arguments."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help="report folder or report.toml")
    parser.add_argument(
        "--format",
        choices=("text", "json", "sarif", "github"),
        default="text",
        help="output format (default: text)",
    )
    parser.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="IDS",
        help="run only these rule ids or pack prefixes (repeatable or comma-separated)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="IDS",
        help="do not run these rule ids or pack prefixes (repeatable or comma-separated)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="fail on unsuppressed warnings as well as errors"
    )
    parser.add_argument(
        "--framework",
        metavar="EDITION",
        help="check against this edition (WT2013, WT2015, WT2018, WT2023, CA2014) instead of "
        "the one the report's period and arrangement select",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="load every file afresh and keep nothing in the cache folder for next time",
    )


def run(args: argparse.Namespace) -> int:
    """Check every report named and print the findings in the chosen format."""
    from boardreport.cache import default_cache
    from boardreport.io import load_reusing
    from boardreport.rules import _formats, check, resolve_selection
    from boardreport.rules._editions import EditionChoice, find_edition, framework_names
    from boardreport.rules._registry import Finding, Rule

    try:
        resolve_selection(args.select)
        resolve_selection(args.ignore)
    except UnknownRuleError as exc:
        print(f"boardreport check: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    framework = getattr(args, "framework", None)
    if framework is not None and find_edition(framework) is None:
        print(
            f"boardreport check: error: unknown --framework {framework!r} "
            f"(editions: {framework_names()})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    findings: list[Finding] = []
    editions: list[tuple[str, EditionChoice]] = []
    rules: dict[str, Rule] = {}
    load_failed = False
    failed = False
    for path in args.paths:
        try:
            report, sources = load_reusing(path, cache=None if args.no_cache else default_cache())
        except LoadError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(f"error: {path}: the report could not be loaded", file=sys.stderr)
            load_failed = True
            continue
        result = check(
            report, select=args.select, ignore=args.ignore, sources=sources, framework=framework
        )
        if result.edition is not None:
            editions.append((str(path), result.edition))
        findings.extend(result.findings)
        rules.update((r.id, r) for r in result.rules)
        failed = failed or result.failed(strict=args.strict)
    ordered = sorted(rules.values(), key=lambda r: (r.framework is None, r.pack, r.id))
    if args.format == "json":
        output = _formats.to_json(findings, ordered)
    elif args.format == "sarif":
        from boardreport import __version__

        output = _formats.to_sarif(findings, ordered, __version__, editions)
    elif args.format == "github":
        output = _formats.to_github(findings, editions)
    else:
        output = _formats.to_text(findings, editions)
    sys.stdout.write(output)
    if load_failed:
        return EXIT_USAGE
    return EXIT_FINDINGS if failed else EXIT_OK
