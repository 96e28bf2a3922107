"""``boardreport build PATH...``: render reports to Markdown, HTML, Vega-Lite and PDF files.

Writes ``DIR/report.md`` (with ``DIR/charts/<id>.svg``), ``DIR/index.html``,
``DIR/charts/<id>.vl.json`` and ``DIR/report.pdf``; ``DIR`` defaults to
``build/<report folder name>`` under the current
folder. With several reports (or a folder of reports) each gets its own folder under ``--out``
(default ``build/``), named after its folder. The build itself is
:func:`boardreport.pipeline.build`; this module parses the arguments and prints.

Exit codes: 0 built; 1 built as a draft (unresolved errors); 2 a report cannot be loaded or
rendered, or the command was used wrongly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from boardreport.errors import ExitCode, UsageError
from boardreport.output import BuildError
from boardreport.pipeline import DEFAULT_FORMATS, RENDERERS, parse_formats


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the build command's arguments."""
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="report folder, its report.toml, or a folder holding report folders",
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        help="output folder (default: build/<report folder name> in the current folder); "
        "with several reports, the folder that gets one output folder per report",
    )
    names = ",".join(RENDERERS) or ",".join(DEFAULT_FORMATS)
    parser.add_argument(
        "--format",
        default=",".join(DEFAULT_FORMATS),
        metavar="FORMATS",
        help=f"comma-separated formats to write: {names.replace(',', ', ')} "
        f"(default: {','.join(DEFAULT_FORMATS)})",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="build into an output folder holding files that no build wrote (they are kept, "
        "except any at the paths the build writes)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="build several reports on N worker processes (0: one per core; default 1)",
    )
    parser.add_argument(
        "--author-notes",
        action="store_true",
        help="also list the notes meant for the report's authors (glossary suggestions and "
        "other information, suppression hygiene) in the notes on the data",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="load, chart, draw and fetch the script bundle afresh and keep nothing for next time",
    )
    parser.add_argument(
        "--framework",
        metavar="EDITION",
        help="check against this edition (WT2013, WT2015, WT2018, WT2023, CA2014) instead of "
        "the one the report's period and arrangement select",
    )


def _summary(out: Path, files: list[str] | tuple[str, ...]) -> str:
    charts = {Path(name).name.split(".")[0] for name in files if name.startswith("charts/")}
    written = ", ".join(n for n in ("report.md", "index.html", "report.pdf") if n in files)
    parts = [written] if written else []
    if charts:
        parts.append(f"{len(charts)} chart{'s' * (len(charts) != 1)} in charts/")
    return f"Built {_shown(out)}/ ({'; '.join(parts)})"


def _build_one(path: Path, out: Path, formats: tuple[str, ...], args: argparse.Namespace) -> int:
    from boardreport.cache import default_cache
    from boardreport.pipeline import build

    cache = None if args.no_cache else default_cache()
    try:
        built = build(
            path,
            out=out,
            formats=formats,
            cache=cache,
            force=args.force,
            framework=args.framework,
            author_notes=args.author_notes,
        )
    except OSError as exc:  # the output folder could not be written
        raise BuildError(str(exc)) from exc
    print(_summary(out, sorted(built.files)))
    if built.result.edition is not None:
        print(f"Edition: {built.result.edition}")
    print(f"Checks: {built.result.counts}; see the notes on the data in the output.")
    if built.result.failed():
        _draft_warning()
        return ExitCode.FINDINGS
    return ExitCode.OK


def _draft_warning() -> None:
    print(
        "boardreport build: the report has unresolved errors, so it was built as a DRAFT "
        "(marked on every page); resolve or suppress them before publishing",
        file=sys.stderr,
    )


def _build_many(
    paths: list[Path], out_root: Path, formats: tuple[str, ...], args: argparse.Namespace
) -> int:
    from boardreport.batch import build_many

    outcomes = build_many(
        paths,
        out_root,
        args.jobs,
        formats=formats,
        use_cache=not args.no_cache,
        force=args.force,
        framework=args.framework,
        author_notes=args.author_notes,
    )
    for outcome in outcomes:
        for problem in outcome.problems:
            print(problem, file=sys.stderr)
        if outcome.ok:
            print(f"{_summary(outcome.out, outcome.files)}; checks: {outcome.counts}")
        else:
            reason = outcome.error or "the report could not be loaded"
            print(f"error: {outcome.path}: {reason}", file=sys.stderr)
    built = sum(outcome.ok for outcome in outcomes)
    print(f"Built {built} of {len(outcomes)} reports into {_shown(out_root)}/")
    if built != len(outcomes):
        return ExitCode.USAGE
    if any(outcome.counts is not None and outcome.counts.errors for outcome in outcomes):
        _draft_warning()
        return ExitCode.FINDINGS
    return ExitCode.OK


def run(args: argparse.Namespace) -> int:
    """Build every report named, then print where each went."""
    from boardreport.io import find_reports

    formats = parse_formats(args.format)
    if args.jobs < 0:
        msg = f"--jobs must be 0 (one per core) or more, not {args.jobs}"
        raise UsageError(msg)
    if args.framework is not None:
        from boardreport.rules._editions import find_edition, framework_names

        if find_edition(args.framework) is None:
            msg = f"unknown --framework {args.framework!r} (editions: {framework_names()})"
            raise UsageError(msg)
    try:
        reports = find_reports(args.paths)
    except OSError:  # a folder that cannot be read: loading it says so, with its path
        reports = [Path(p) for p in args.paths]
    single = len(args.paths) == 1 and len(reports) == 1 and args.jobs in (0, 1)
    if single:
        from boardreport.pipeline import default_out

        out = Path(args.out) if args.out else default_out(reports[0])
        return _build_one(reports[0], out, formats, args)
    out_root = Path(args.out) if args.out else Path.cwd() / "build"
    return _build_many(reports, out_root, formats, args)
