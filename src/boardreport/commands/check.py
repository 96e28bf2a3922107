"""``boardreport check [PATH...]``: run the rule packs and report the findings.

Exit codes: 0 no unsuppressed error (nor warning with ``--strict``); 1 findings that fail;
2 a report could not be loaded, or the command was used wrongly.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from boardreport.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from boardreport.rules import Finding, Rule, Severity
    from boardreport.rules._editions import EditionChoice
    from boardreport.rules._formats import Unloaded

FORMATS = ("text", "json", "sarif", "github")
SEVERITIES = ("info", "warning", "error")


class _FormatAction(argparse.Action):
    """``--format F``: one more output; the ``--output`` after it says where it goes."""

    def __call__(
        self, parser: argparse.ArgumentParser, ns: argparse.Namespace, value: Any, _: Any = None
    ) -> None:
        ns.outputs = [*(ns.outputs or []), [value, None]]


class _OutputAction(argparse.Action):
    """``--output FILE``: write the output of the ``--format`` before it to FILE."""

    def __call__(
        self, parser: argparse.ArgumentParser, ns: argparse.Namespace, value: Any, _: Any = None
    ) -> None:
        outputs = list(ns.outputs or [])
        if not outputs:
            outputs = [["text", None]]
        if outputs[-1][1] is not None:
            parser.error(f"--output {value}: give a --format before each --output")
        outputs[-1] = [outputs[-1][0], value]
        ns.outputs = outputs


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the check command's arguments."""
    parser.add_argument(
        "paths",
        nargs="*",
        default=["."],
        metavar="PATH",
        help="report folder, report.toml, or a folder of reports (default: the current folder)",
    )
    parser.add_argument(
        "--format",
        dest="outputs",
        action=_FormatAction,
        choices=FORMATS,
        help="output format: text (default), json, sarif or github; repeat it, each with its "
        "own --output, to write several in one run",
    )
    parser.add_argument(
        "--output",
        "-o",
        dest="outputs",
        action=_OutputAction,
        metavar="FILE",
        help="write the output of the --format before it to FILE instead of the screen",
    )
    parser.add_argument(
        "--severity",
        choices=SEVERITIES,
        default=None,
        help="list only findings of this severity or worse (default: warning for text and "
        "github, info for json and sarif); the summary still counts every finding",
    )
    parser.add_argument(
        "--show-suppressed",
        action="store_true",
        help="list suppressed findings in the text output too (json and sarif always have them)",
    )
    parser.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="print the findings only, without the summary lines",
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
        "--jobs",
        "-j",
        type=int,
        default=0,
        metavar="N",
        help="check up to N reports at once (default 0: one per core)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output: auto (default) on a terminal, honouring NO_COLOR and "
        "FORCE_COLOR",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="load every file afresh and keep nothing in the cache folder for next time",
    )


def use_colour(choice: str, stream: TextIO, environ: dict[str, str] | None = None) -> bool:
    """Whether to colour text written to ``stream``.

    ``always``/``never`` decide; otherwise a non-empty ``NO_COLOR`` turns colour off, a
    non-empty ``FORCE_COLOR`` turns it on, and else only a terminal (not ``TERM=dumb``) gets it.
    """
    env = os.environ if environ is None else environ
    if choice != "auto":
        return choice == "always"
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return stream.isatty() and env.get("TERM") != "dumb"


class _Run:
    """What one check run found across its reports."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.rules: dict[str, Rule] = {}
        self.unloaded: list[Unloaded] = []
        self.editions: list[tuple[str, EditionChoice]] = []
        self.failed = False

    @property
    def ordered_rules(self) -> list[Rule]:
        return sorted(self.rules.values(), key=lambda r: (r.framework is None, r.pack, r.id))


def _check_all(reports: Sequence[Path], args: argparse.Namespace) -> _Run:
    """Check every report, in this process or on ``--jobs`` worker processes."""
    from boardreport.batch import check_many, workers
    from boardreport.rules import check
    from boardreport.rules._formats import Unloaded

    outcome = _Run()
    if workers(args.jobs, len(reports)) > 1:
        checked_all = check_many(
            reports, args.jobs, select=args.select, ignore=args.ignore, framework=args.framework
        )
        for checked in checked_all:
            if checked.result is None:
                outcome.unloaded.append(Unloaded(report=checked.path, problems=checked.problems))
                continue
            if checked.result.edition is not None:
                outcome.editions.append((checked.path, checked.result.edition))
            outcome.findings.extend(checked.result.findings)
            outcome.rules.update((r.id, r) for r in checked.result.rules)
            outcome.failed = outcome.failed or checked.result.failed(strict=args.strict)
        return outcome
    from boardreport.cache import default_cache
    from boardreport.errors import LoadError
    from boardreport.io import load_reusing

    for path in reports:
        try:
            report, sources = load_reusing(path, cache=None if args.no_cache else default_cache())
        except LoadError as exc:
            outcome.unloaded.append(Unloaded(report=str(path), problems=tuple(exc.problems)))
            continue
        result = check(
            report,
            select=args.select,
            ignore=args.ignore,
            sources=sources,
            framework=args.framework,
        )
        if result.edition is not None:
            outcome.editions.append((str(path), result.edition))
        outcome.findings.extend(result.findings)
        outcome.rules.update((r.id, r) for r in result.rules)
        outcome.failed = outcome.failed or result.failed(strict=args.strict)
    return outcome


def _threshold(args: argparse.Namespace, fmt: str) -> Severity:
    from boardreport.rules import Severity

    if args.severity is not None:
        return Severity(args.severity)
    return Severity.WARNING if fmt in {"text", "github"} else Severity.INFO


def _render(fmt: str, run: _Run, args: argparse.Namespace, *, colour: bool) -> str:
    from boardreport.rules import _formats

    if fmt == "json":
        threshold = _threshold(args, fmt)
        return _formats.to_json(
            _formats.shown(run.findings, threshold), run.ordered_rules, unloaded=run.unloaded
        )
    if fmt == "sarif":
        from boardreport import __version__

        return _formats.to_sarif(
            _formats.shown(run.findings, _threshold(args, fmt)),
            run.ordered_rules,
            __version__,
            editions=run.editions,
            unloaded=run.unloaded,
        )
    if fmt == "github":
        return _formats.to_github(
            run.findings,
            editions=run.editions,
            unloaded=run.unloaded,
            threshold=_threshold(args, fmt),
            root=_formats.repository_root(),
        )
    return _formats.to_text(
        run.findings,
        editions=run.editions,
        unloaded=run.unloaded,
        threshold=_threshold(args, fmt),
        show_suppressed=args.show_suppressed,
        quiet=args.quiet,
        colour=colour,
    )


def _outputs(args: argparse.Namespace) -> list[tuple[str, str | None]]:
    pairs = [(fmt, out) for fmt, out in (args.outputs or [["text", None]])]
    to_screen = [fmt for fmt, out in pairs if out is None or out == "-"]
    if len(to_screen) > 1:
        msg = (
            f"{len(to_screen)} formats would be printed together ({', '.join(to_screen)}); "
            "give all but one of them an --output FILE"
        )
        raise UsageError(msg)
    return pairs


def _write_summary(run: _Run, reports: int) -> None:
    """Append a job summary when running in GitHub Actions."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if os.environ.get("GITHUB_ACTIONS") != "true" or not target:
        return
    from boardreport.rules._formats import to_step_summary

    text = to_step_summary(run.findings, reports=reports, unloaded=run.unloaded)
    with Path(target).open("a", encoding="utf-8") as summary:
        summary.write(text)


def run(args: argparse.Namespace) -> int:
    """Check every report named and write the findings in each chosen format."""
    from boardreport.io import find_reports
    from boardreport.rules import resolve_selection

    resolve_selection(args.select)
    resolve_selection(args.ignore)
    if args.framework is not None:
        from boardreport.rules._editions import find_edition, framework_names

        if find_edition(args.framework) is None:
            msg = f"unknown --framework {args.framework!r} (editions: {framework_names()})"
            raise UsageError(msg)
    if args.jobs < 0:
        msg = f"--jobs must be 0 (one per core) or more, not {args.jobs}"
        raise UsageError(msg)
    outputs = _outputs(args)
    reports = find_reports(args.paths)
    result = _check_all(reports, args)
    for fmt, target in outputs:
        if target is None or target == "-":
            colour = fmt == "text" and use_colour(args.color, sys.stdout)
            sys.stdout.write(_render(fmt, result, args, colour=colour))
        else:
            from boardreport.io import write_atomic

            write_atomic(Path(target), _render(fmt, result, args, colour=False), overwrite=True)
    _write_summary(result, len(reports))
    if result.unloaded:
        return ExitCode.USAGE
    return ExitCode.FINDINGS if result.failed else ExitCode.OK
