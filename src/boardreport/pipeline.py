"""The build pipeline: load (reusing) → check → one template context → renderers → atomic write.

``boardreport build``, ``serve`` and the corpus driver (:mod:`boardreport.batch`) all build
through :func:`build`, so they share one load policy and one cache: an unchanged report is not
parsed again, an unchanged chart is not drawn again and unchanged prose is not rendered again.
Each output format is a renderer in :data:`RENDERERS`, given one :class:`RenderJob` holding
everything computed once per build (the report's tables, the template context, the chart
specifications and drawings); each returns the files it writes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from boardreport import blocks as block_kinds
from boardreport import model
from boardreport.errors import RenderError, UsageError, where

if TYPE_CHECKING:
    from boardreport.cache import Cache, Fragments
    from boardreport.io import SourceMap
    from boardreport.io._reuse_files import ParsedFiles
    from boardreport.render._views import ReportContext
    from boardreport.rules import CheckResult

__all__ = [
    "DEFAULT_FORMATS",
    "DRAWING_FORMATS",
    "FORMAT_ALIASES",
    "RENDERERS",
    "Built",
    "RenderJob",
    "build",
    "default_out",
    "located",
    "parse_formats",
    "register",
    "render_files",
]

DEFAULT_FORMATS = ("md", "html", "vega", "pdf")


class RenderJob:
    """What every renderer of one build shares; each part is made once, when first asked for."""

    def __init__(
        self,
        report: model.Report,
        result: CheckResult | None,
        *,
        cache: Cache | None = None,
        fragments: Fragments | None = None,
        author_notes: bool = False,
        draw_ahead: bool = False,
    ) -> None:
        self.report = report
        self.draw_ahead = draw_ahead
        """Start drawing each chart as soon as its specification is made (the build needs
        drawings): the worker draws while the pages are rendered."""
        self.author_notes = author_notes
        self.result = result
        """The report's check; a build sets it once the rules have run (the charts may be
        specified and drawn before)."""
        self.cache = cache
        self.fragments = fragments
        self.tables = block_kinds.all_tables(report)
        self._context: ReportContext | None = None
        self._specs: dict[str, dict[str, Any]] | None = None
        self._svgs: dict[str, str] | None = None
        self._drawings: dict[str, Callable[[], str]] = {}

    @property
    def context(self) -> ReportContext:
        """The template context, the same for every format."""
        if self._context is None:
            from boardreport.render import default_rules
            from boardreport.render._context import build_context

            if self.result is None:
                msg = "the report must be checked before its pages are rendered"
                raise RenderError(msg)

            self._context = build_context(
                self.report,
                self.result.findings,
                evidence=self.result.evidence,
                rules=default_rules(),
                tables=self.tables,
                author_notes=self.author_notes,
            )
        return self._context

    def render(self, formats: Sequence[str]) -> dict[str, str | bytes]:
        """Run the renderer of each of ``formats`` (canonical names); return path → content."""
        files: dict[str, str | bytes] = {}
        for name in formats:
            files.update(RENDERERS[name](self))
        return files

    def specs(self) -> dict[str, dict[str, Any]]:
        """Every chart's Vega-Lite specification, by chart id.

        Raises:
            ChartError: when a chart cannot be built; its ``path`` says which.
        """
        if self._specs is None:
            if any(True for _ in model.iter_blocks(self.report, model.Chart)):
                from boardreport.render import vega

                self._specs = vega.render_vega(
                    self.report,
                    cache=self.cache,
                    tables=self.tables,
                    drawings=self._drawings if self.draw_ahead else None,
                )
            else:
                self._specs = {}
        return self._specs

    def svgs(self) -> dict[str, str]:
        """Every chart's SVG drawing, by chart id.

        Raises:
            ChartError: when a chart cannot be drawn; its ``path`` says which.
        """
        if self._svgs is None:
            specs = self.specs()
            drawn: dict[str, str] = {}
            if specs:
                from boardreport.render import vega

                paths = {c.item.id: c.path for c in model.iter_blocks(self.report, model.Chart)}
                for chart_id, spec in specs.items():
                    try:
                        started = self._drawings.get(chart_id)
                        drawn[chart_id] = (
                            started()
                            if started is not None
                            else vega.chart_svg(spec, cache=self.cache, name=f"chart '{chart_id}'")
                        )
                    except vega.ChartError:
                        raise
                    except RenderError as exc:
                        raise vega.ChartError(str(exc), paths[chart_id]) from None
            self._svgs = drawn
        return self._svgs


Renderer = Callable[[RenderJob], dict[str, str | bytes]]
"""A format: the files it writes (relative path → text, or bytes for binary files) for one build."""

RENDERERS: dict[str, Renderer] = {}
"""The formats ``build`` can write, by canonical name, in the order they are listed."""
DRAWING_FORMATS: set[str] = set()
"""The formats that show chart drawings (SVG), not only their specifications."""
FORMAT_ALIASES: dict[str, str] = {}
"""Other accepted names of formats."""


def register(name: str, *aliases: str, draws: bool = False) -> Callable[[Renderer], Renderer]:
    """Register a renderer as the format ``name`` (also accepted as each of ``aliases``);
    ``draws``: it shows chart drawings (:meth:`RenderJob.svgs`)."""

    def add(renderer: Renderer) -> Renderer:
        RENDERERS[name] = renderer
        if draws:
            DRAWING_FORMATS.add(name)
        FORMAT_ALIASES.update(dict.fromkeys(aliases, name))
        return renderer

    return add


@register("md", "markdown", draws=True)
def _markdown(job: RenderJob) -> dict[str, str | bytes]:
    from boardreport.render.markdown import render_markdown

    job.specs()  # the charts are drawn while the page is rendered

    files: dict[str, str | bytes] = {
        "report.md": render_markdown(job.report, context=job.context, fragments=job.fragments)
    }
    files.update({f"charts/{chart_id}.svg": svg for chart_id, svg in job.svgs().items()})
    return files


@register("html", draws=True)
def _html(job: RenderJob) -> dict[str, str | bytes]:
    from boardreport.render.html import render_html

    specs = job.specs()
    context = job.context  # made while the charts are drawn
    page = render_html(
        job.report,
        specs=specs,
        svgs=job.svgs(),
        context=context,
        cache=job.cache,
        fragments=job.fragments,
    )
    return {"index.html": page}


@register("vega", "vega-lite")
def _vega(job: RenderJob) -> dict[str, str | bytes]:
    from boardreport.render.vega import spec_json

    return {f"charts/{chart_id}.vl.json": spec_json(spec) for chart_id, spec in job.specs().items()}


@register("pdf", draws=True)
def _pdf(job: RenderJob) -> dict[str, str | bytes]:
    from boardreport.render.pdf import render_pdf

    document = render_pdf(job.report, specs=job.specs(), svgs=job.svgs(), context=job.context)
    return {"report.pdf": document}


def parse_formats(text: str | Iterable[str]) -> tuple[str, ...]:
    """Parse ``md,html,vega`` (or a list of names) into canonical format names, in order.

    Raises:
        UsageError: for an unknown or empty format list.
    """
    tokens = text.split(",") if isinstance(text, str) else list(text)
    chosen: set[str] = set()
    known = ", ".join(RENDERERS)
    for token in (t.strip().lower() for t in tokens):
        if not token:
            continue
        name = FORMAT_ALIASES.get(token, token)
        if name not in RENDERERS:
            msg = f"unknown format {token!r}; choose from {known} (comma-separated)"
            raise UsageError(msg)
        chosen.add(name)
    if not chosen:
        msg = f"no format chosen; use --format {','.join(RENDERERS)} (or a part of it)"
        raise UsageError(msg)
    return tuple(name for name in RENDERERS if name in chosen)


def render_files(
    report: model.Report,
    result: CheckResult,
    formats: Sequence[str] = DEFAULT_FORMATS,
    *,
    cache: Cache | None = None,
    fragments: Fragments | None = None,
    author_notes: bool = False,
) -> dict[str, str | bytes]:
    """Run every chosen renderer on one shared :class:`RenderJob`; return path → text or bytes.

    Raises:
        ChartError: when a chart cannot be drawn; its ``path`` says which.
        RenderError: for any other rendering failure.
    """
    chosen = parse_formats(formats)
    job = RenderJob(
        report,
        result,
        cache=cache,
        fragments=fragments,
        author_notes=author_notes,
        draw_ahead=any(name in DRAWING_FORMATS for name in chosen),
    )
    return job.render(chosen)


@frozen(kw_only=True)
class Built:
    """One build: the report, its check result, the files and where they were written."""

    report: model.Report
    sources: SourceMap
    result: CheckResult
    files: Mapping[str, str | bytes]
    out: Path | None


def located(error: RenderError, sources: SourceMap) -> str:
    """A render error, led by the file, line and path of the chart it is about (if any)."""
    path = getattr(error, "path", None)
    if not isinstance(path, str):
        return str(error)
    file, line = sources.locate(path)
    location = where(file, line)
    return f"{location}: {path}: {error}" if location else f"{path}: {error}"


def default_out(path: str | os.PathLike[str]) -> Path:
    """``build/<report folder name>`` under the current folder."""
    from boardreport.io import root_file

    return Path.cwd() / "build" / root_file(path).parent.resolve().name


def build(
    path: str | os.PathLike[str],
    *,
    out: str | os.PathLike[str] | None = None,
    formats: Sequence[str] = DEFAULT_FORMATS,
    cache: Cache | None = None,
    force: bool = False,
    write: bool = True,
    framework: str | None = None,
    author_notes: bool = False,
    parsed: ParsedFiles | None = None,
) -> Built:
    """Load, check and render the report at ``path``, then write its output folder.

    Args:
        path: the report folder or its root file.
        out: the output folder (default :func:`default_out`).
        formats: the formats to write (names of :data:`RENDERERS` or their aliases).
        cache: where loads, chart specifications and drawings, rendered prose and the script
            bundle are kept between builds; None builds everything afresh.
        force: write into a folder holding files no build wrote (see
            :func:`boardreport.output.write_output`).
        write: False renders without writing (``Built.out`` is then None).
        framework: the edition to check and render against instead of the one the report
            selects (see :func:`boardreport.rules._editions.find_edition`).
        author_notes: also list the notes meant for the report's authors in the output.
        parsed: report files kept by a process that builds again (``serve``): a file whose
            text is unchanged since its last build is not parsed again.

    Raises:
        LoadError: when the report cannot be loaded.
        RenderError: when a chart cannot be drawn, led by its file, line and data path.
        BuildError: when the output folder cannot be used.
        UsageError: for an unknown format.
        OSError: when the output folder cannot be written.
    """
    from boardreport.cache import _fragments
    from boardreport.io import load_reusing, root_file
    from boardreport.output import check_output_folder, write_output
    from boardreport.rules import check

    chosen = parse_formats(formats)
    root = root_file(path)
    target = (Path(out) if out is not None else default_out(path)) if write else None
    if target is not None:
        check_output_folder(target, root.parent)
    report, sources = load_reusing(path, cache=cache, parsed=parsed)
    if framework is not None:  # the renderers name the edition from the report
        report = attrs.evolve(report, framework=framework)
    shown = report
    if report.previous.strip():  # earlier years' KPIs, shown to readers as a series
        from boardreport.series import with_kpi_series

        shown = with_kpi_series(report, root)
    fragments = _fragments.recall(cache, root) if cache is not None else None
    job = RenderJob(
        shown,
        None,
        cache=cache,
        fragments=fragments,
        author_notes=author_notes,
        draw_ahead=any(name in DRAWING_FORMATS for name in chosen),
    )
    try:
        if job.draw_ahead:
            job.specs()  # charts sent to be drawn first: the worker draws while the rules run
        job.result = result = check(report, sources=sources)
        files = job.render(chosen)
    except RenderError as exc:
        raise RenderError(located(exc, sources)) from None
    if cache is not None and fragments is not None:
        _fragments.keep(cache, root, fragments)
    if target is not None:
        write_output(target, files, force=force)
    return Built(report=shown, sources=sources, result=result, files=files, out=target)
