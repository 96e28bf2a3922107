"""``boardreport build PATH``: render a report to Markdown, HTML and Vega-Lite files.

Writes ``DIR/report.md`` (with ``DIR/charts/<id>.svg``), ``DIR/index.html`` and
``DIR/charts/<id>.vl.json``; ``DIR`` defaults to ``build/<report folder name>`` under the current
folder. Everything is written into a temporary folder next to ``DIR`` and swapped in only when
complete, so a build that fails or is killed leaves the previous output as it was. The build
never writes into the report's own folder.

Exit codes: 0 built; 2 the report cannot be loaded or rendered, or the command was used wrongly.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from boardreport import model
from boardreport.errors import BoardReportError
from boardreport.model import Report
from boardreport.rules import CheckResult

EXIT_OK = 0
EXIT_FINDINGS = 1
"""The report has unresolved errors: it was built, as a draft."""
EXIT_USAGE = 2

FORMAT_NAMES = {"md": "md", "markdown": "md", "html": "html", "vega": "vega", "vega-lite": "vega"}
DEFAULT_FORMATS = "md,html,vega"
MARKER = ".boardreport-build"
"""A file in every build folder, so that a build only ever replaces a folder it made."""
MARKER_TEXT = "Output of boardreport build. The next build replaces this whole folder.\n"


class BuildError(BoardReportError):
    """The output folder cannot be used (it overlaps the report, or holds other files)."""


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
    report: Report,
    result: CheckResult,
    formats: Sequence[str],
    *,
    use_cache: bool = True,
    author_notes: bool = False,
) -> dict[str, str]:
    """Render every chosen format; return relative file path → file text.

    With ``use_cache``, chart specifications and drawings made by an earlier build are reused.

    Raises:
        RenderError: when a chart cannot be drawn from its table.
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
            svgs = {
                chart_id: vega.chart_svg(spec, use_cache=use_cache)
                for chart_id, spec in specs.items()
            }
        if "vega" in formats:
            for chart_id, spec in specs.items():
                files[f"charts/{chart_id}.vl.json"] = vega.spec_json(spec)
    if "md" in formats:
        files["report.md"] = render_markdown(
            report, findings, evidence=evidence, rules=rules, author_notes=author_notes
        )
        for chart_id, svg in svgs.items():
            files[f"charts/{chart_id}.svg"] = svg
    if "html" in formats:
        files["index.html"] = render_html(
            report,
            findings,
            evidence=evidence,
            rules=rules,
            specs=specs,
            svgs=svgs,
            author_notes=author_notes,
        )
    return files


# ---------------------------------------------------------------------------------------------
# where to write it


def check_output_folder(out: Path, source: Path) -> None:
    """Refuse an output folder that is, contains or is inside the report's folder.

    Raises:
        BuildError: naming both folders.
    """
    target = out.resolve()
    folder = source.resolve()
    if target == folder:
        relation = "is"
    elif target.is_relative_to(folder):
        relation = "is inside"
    elif folder.is_relative_to(target):
        relation = "contains"
    else:
        return
    msg = (
        f"the output folder {out} {relation} the report folder {source}; a build never writes "
        "into a report's own folder, so choose another --out"
    )
    raise BuildError(msg)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2``); False where not supported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return bool(done == 0)


def _swap_in(new: Path, out: Path) -> None:
    """Put the complete folder ``new`` at ``out``; whatever was at ``out`` is removed."""
    if not out.exists():
        new.rename(out)
        return
    if _exchange(new, out):
        shutil.rmtree(new)  # now holds the previous output
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
    old.rmdir()
    out.rename(old)
    try:
        new.rename(out)
    except BaseException:
        old.rename(out)
        raise
    shutil.rmtree(old)


def write_output(out: Path, files: Mapping[str, str]) -> None:
    """Write ``files`` (relative path → text) as the folder ``out``, all or nothing.

    The files go into a temporary folder beside ``out``, which replaces ``out`` only once
    every file is written. An existing ``out`` is replaced only if it is empty or was made by
    a previous build.

    Raises:
        BuildError: when ``out`` is a file, or a folder holding files of something else.
    """
    if out.exists() and not out.is_dir():
        msg = f"the output path {out} is a file, not a folder"
        raise BuildError(msg)
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        msg = (
            f"the output folder {out} holds files that no build made; "
            "choose an empty or new folder with --out"
        )
        raise BuildError(msg)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        for relative, text in sorted({**files, MARKER: MARKER_TEXT}.items()):
            path = staging / relative
            if not path.resolve().is_relative_to(staging.resolve()):
                msg = f"refusing to write outside the output folder: {relative}"
                raise BuildError(msg)
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        staging.chmod(0o755)
        _swap_in(staging, out)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# the command


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


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
        "--author-notes",
        action="store_true",
        help="also list the notes meant for the report's authors (glossary suggestions and "
        "other information, suppression hygiene) in the notes on the data",
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
    if args.no_cache:
        files = outputs(report, result, formats, use_cache=False, author_notes=args.author_notes)
    else:
        with remembering(root):
            files = outputs(report, result, formats, author_notes=args.author_notes)
    try:
        write_output(out, files)
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
    if result.failed():
        print(
            "boardreport build: the report has unresolved errors, so it was built as a DRAFT "
            "(marked on every page); resolve or suppress them before publishing",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    return EXIT_OK
