"""``boardreport build PATH``: render a report to Markdown, HTML and Vega-Lite files.

Writes ``DIR/report.md`` (with ``DIR/charts/<id>.svg``), ``DIR/index.html`` and
``DIR/charts/<id>.vl.json``; ``DIR`` defaults to ``build/<report folder name>`` under the current
folder. Everything is written into a temporary folder next to ``DIR`` and swapped in only when
complete, so a build that fails or is killed leaves the previous output as it was; files in
``DIR`` that the build did not write are kept (see :mod:`boardreport.output`). The build never
writes into the report's own folder.

Exit codes: 0 built; 2 the report cannot be loaded or rendered, or the command was used wrongly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from boardreport import model
from boardreport.errors import RenderError
from boardreport.model import Report
from boardreport.output import BuildError, check_output_folder, write_output
from boardreport.rules import CheckResult

if TYPE_CHECKING:
    from boardreport.io import SourceMap

EXIT_OK = 0
EXIT_USAGE = 2

FORMAT_NAMES = {"md": "md", "markdown": "md", "html": "html", "vega": "vega", "vega-lite": "vega"}
DEFAULT_FORMATS = "md,html,vega"


# ---------------------------------------------------------------------------------------------
# what to write


def parse_formats(text: str) -> tuple[str, ...]:
    """Parse ``md,html,vega`` into canonical format names, in that order.

    Raises:
        BuildError: for an unknown or empty format list.
    """
    chosen: set[str] = set()
    for token in (t.strip().lower() for t in text.split(",")):
        if not token:
            continue
        if token not in FORMAT_NAMES:
            msg = f"unknown format {token!r}; choose from md, html, vega (comma-separated)"
            raise BuildError(msg)
        chosen.add(FORMAT_NAMES[token])
    if not chosen:
        msg = "no format chosen; use --format md,html,vega (or a part of it)"
        raise BuildError(msg)
    return tuple(f for f in ("md", "html", "vega") if f in chosen)


def outputs(
    report: Report, result: CheckResult, formats: Sequence[str], *, use_cache: bool = True
) -> dict[str, str]:
    """Render every chosen format; return relative file path → file text.

    With ``use_cache``, chart specifications and drawings made by an earlier build are reused.

    Raises:
        ChartError: when a chart cannot be drawn; its ``path`` says which.
    """
    from boardreport.render import default_rules
    from boardreport.render.html import render_html
    from boardreport.render.markdown import render_markdown

    files: dict[str, str] = {}
    findings = result.findings
    evidence = result.evidence
    rules = default_rules()
    specs: dict[str, dict[str, object]] = {}
    svgs: dict[str, str] = {}
    if any(True for _ in model.iter_blocks(report, model.Chart)):
        from boardreport.render import vega

        specs = dict(vega.render_vega(report, use_cache=use_cache))
        if {"md", "html"} & set(formats):
            paths = {c.item.id: c.path for c in model.iter_blocks(report, model.Chart)}
            for chart_id, spec in specs.items():
                try:
                    svgs[chart_id] = vega.chart_svg(
                        spec, use_cache=use_cache, name=f"chart '{chart_id}'"
                    )
                except vega.ChartError:
                    raise
                except RenderError as exc:
                    raise vega.ChartError(str(exc), paths[chart_id]) from None
        if "vega" in formats:
            for chart_id, spec in specs.items():
                files[f"charts/{chart_id}.vl.json"] = vega.spec_json(spec)
    if "md" in formats:
        files["report.md"] = render_markdown(report, findings, evidence=evidence, rules=rules)
        for chart_id, svg in svgs.items():
            files[f"charts/{chart_id}.svg"] = svg
    if "html" in formats:
        files["index.html"] = render_html(
            report, findings, evidence=evidence, rules=rules, specs=specs, svgs=svgs
        )
    return files


# ---------------------------------------------------------------------------------------------
# the command


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _located(error: RenderError, sources: SourceMap) -> str:
    """A render error, led by the file, line and path of the chart it is about (if any)."""
    path = getattr(error, "path", None)
    if not isinstance(path, str):
        return str(error)
    file, line = sources.locate(path)
    where = f"{file}:{line}" if file is not None and line is not None else str(file or "")
    return f"{where}: {path}: {error}" if where else f"{path}: {error}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the build command's arguments."""
    parser.add_argument("path", metavar="PATH", help="report folder or its report.toml")
    parser.add_argument(
        "--out",
        metavar="DIR",
        help="output folder (default: build/<report folder name> in the current folder)",
    )
    parser.add_argument(
        "--format",
        default=DEFAULT_FORMATS,
        metavar="FORMATS",
        help=f"comma-separated formats to write: md, html, vega (default: {DEFAULT_FORMATS})",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="build into an output folder holding files that no build wrote (they are kept, "
        "except any at the paths the build writes)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="load, chart and draw everything afresh and keep nothing for next time "
        "(the script bundle is still read from the cache)",
    )


def run(args: argparse.Namespace) -> int:
    """Load, check and render the report, then write the output folder."""
    from boardreport.io import load_reusing, root_file
    from boardreport.render._fragments import remembering
    from boardreport.rules import check

    try:
        formats = parse_formats(args.format)
    except BuildError as exc:
        print(f"boardreport build: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    root = root_file(args.path)
    source = root.parent
    out = Path(args.out) if args.out else Path.cwd() / "build" / source.resolve().name
    try:
        check_output_folder(out, source)
    except BuildError as exc:
        print(f"boardreport build: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    report, sources = load_reusing(args.path, use_cache=not args.no_cache)
    result = check(report, sources=sources)
    try:
        if args.no_cache:
            files = outputs(report, result, formats, use_cache=False)
        else:
            with remembering(root):
                files = outputs(report, result, formats)
    except RenderError as exc:
        print(f"boardreport build: error: {_located(exc, sources)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        write_output(out, files, force=args.force)
    except (BuildError, OSError) as exc:
        print(f"boardreport build: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    charts = {Path(name).name.split(".")[0] for name in files if name.startswith("charts/")}
    written = ", ".join(n for n in ("report.md", "index.html") if n in files)
    parts = [written] if written else []
    if charts:
        parts.append(f"{len(charts)} chart{'s' * (len(charts) != 1)} in charts/")
    print(f"Built {_shown(out)}/ ({'; '.join(parts)})")
    print(f"Checks: {result.counts}; see the notes on the data in the output.")
    return EXIT_OK
