"""The report as boards publish it: a tagged, accessible PDF (PDF/UA-1) drawn by WeasyPrint.

The PDF is laid out from the same template context as the HTML page, through a print template
(``report.pdf.html.j2``) and a paged-media stylesheet (``print.css``): a cover, a contents list
with page numbers, running headers and page numbers, bookmarks from the headings, charts as the
vector drawings vl-convert makes (with their text alternative) and tables whose header row
repeats on every page; running headers and page numbers are artifacts, outside the structure
(``_pdf_tags``). WeasyPrint fetches nothing: every image is a ``data:`` URI and any other
URL is refused. The same report gives the same bytes: the only dates written are the report's
publication date and ``SOURCE_DATE_EPOCH``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from typing import Any

from boardreport import wording
from boardreport.errors import RenderError
from boardreport.model import Report
from boardreport.render import _context, _pdf_draw
from boardreport.render._views import ContentsEntry, ReportContext, SectionView
from boardreport.rules._registry import Finding, Rule

CONTENTS_DEPTH = 3
"""How many levels of headings the printed contents lists: chapters, sections, subsections."""
"""The banner on every page of a report whose checks found unresolved errors."""
CHART_FONTS = "Liberation Sans, Arial, sans-serif"
"""The fonts chart text is drawn in: Arial's metrics, which vl-convert measured it with."""


def subject(report: Report) -> str:
    """The PDF's subject line: what the document is, for whom and for which period."""
    return (
        f"Annual report of {report.board} on safeguarding in {report.area}, {report.period_label}"
    )


def source_date(environ: Mapping[str, str]) -> dt.datetime | None:
    """The time ``SOURCE_DATE_EPOCH`` names (UTC), or None when it is unset or empty.

    Raises:
        RenderError: when it is set to something other than a whole number of seconds.
    """
    text = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not text:
        return None
    if not text.isdigit():
        msg = f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {text!r}"
        raise RenderError(msg)
    try:
        return dt.datetime.fromtimestamp(int(text), tz=dt.UTC)
    except (OverflowError, OSError, ValueError) as exc:
        msg = f"SOURCE_DATE_EPOCH is out of range: {text}"
        raise RenderError(msg) from exc


def pdf_dates(report: Report, environ: Mapping[str, str]) -> tuple[str, str]:
    """The PDF's creation and modification dates (W3C format), or two empty strings.

    Created is the report's publication date, else ``SOURCE_DATE_EPOCH``; modified is
    ``SOURCE_DATE_EPOCH``, else the creation date. Never the time of the build, so that two
    builds of one report give the same bytes.
    """
    epoch = source_date(environ)
    stamp = None if epoch is None else epoch.strftime("%Y-%m-%dT%H:%M:%SZ")
    created = report.publication_date.isoformat() if report.publication_date is not None else stamp
    if created is None:
        return "", ""
    return created, stamp or created


def chart_fonts(svg: str) -> str:
    """Name the font vl-convert measured a chart's text with, instead of the generic family.

    vl-convert lays out labels with Arial's metrics for ``sans-serif``; fontconfig would draw
    that family in DejaVu Sans, which is wider, so long labels would run out of the chart.
    Liberation Sans has Arial's metrics and is the body font of the PDF.
    """
    return svg.replace('font-family="sans-serif"', f'font-family="{CHART_FONTS}"')


def print_html(
    report: Report,
    findings: Sequence[Finding] = (),
    *,
    evidence: Mapping[str, Sequence[str]] | None = None,
    rules: Sequence[Rule] | None = None,
    specs: Mapping[str, dict[str, Any]] | None = None,
    svgs: Mapping[str, str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """Render the print page WeasyPrint turns into the PDF (arguments as for :func:`render_pdf`).

    Raises:
        RenderError: when a chart cannot be drawn from its table.
    """
    context = _context.build_context(report, findings, evidence=evidence, rules=rules)
    return _print_page(report, context, specs=specs, svgs=svgs, environ=environ)


def link_titles(context: ReportContext) -> dict[str, str]:
    """Anchor → title of what a link can lead to: the contents, every section and table, every
    note on the data, and what each note concerns (named by its section)."""
    titles = {context.ids["contents"]: "Contents"}

    def add(entries: Sequence[ContentsEntry]) -> None:
        for entry in entries:
            titles[entry.anchor] = entry.title
            add(entry.children)

    def add_sections(sections: Sequence[SectionView]) -> None:
        for section in sections:
            titles.setdefault(section.anchor, section.title)
            for block in section.blocks:
                for table in block.tables:
                    if table.anchor and table.caption:
                        titles.setdefault(table.anchor, table.caption)
            add_sections(section.sections)

    add(context.contents)
    add_sections(context.sections)
    for note in context.notes:
        if note.anchor:
            titles[note.anchor] = f"Note {note.number}"
        if note.concerns:
            where = note.section[0] if note.section else "what the note concerns"
            titles.setdefault(note.concerns, where)
    return titles


def _print_page(
    report: Report,
    context: ReportContext,
    *,
    specs: Mapping[str, dict[str, Any]] | None,
    svgs: Mapping[str, str] | None,
    environ: Mapping[str, str] | None,
) -> str:
    from markupsafe import Markup

    from boardreport.render import html, vega

    charts: dict[str, dict[str, Markup | str]] = {}
    if context.charts:
        specs = vega.render_vega(report) if specs is None else specs
        drawn = dict(svgs or {})
        for view in context.charts:
            chart_id = view.item.id
            svg = drawn.get(chart_id) or vega.chart_svg(specs[chart_id])
            # a tagged PDF figure needs its text alternative on the drawing itself
            charts[chart_id] = {
                "spec": Markup(""),
                "image": html.svg_data_uri(chart_fonts(svg)),
                "alt": view.item.description,
            }
    created, modified = pdf_dates(report, os.environ if environ is None else environ)
    template = html.environment().get_template("report.pdf.html.j2")
    page = template.render(
        r=context,
        charts=charts,
        subject=subject(report),
        created=created,
        modified=modified,
        draft_label=wording.DRAFT,
        contents_depth=CONTENTS_DEPTH,
    )
    return page.rstrip("\n") + "\n"


_fetcher = _pdf_draw.fetcher
_weasyprint = _pdf_draw.weasyprint_module


def render_pdf(
    report: Report,
    findings: Sequence[Finding] = (),
    *,
    evidence: Mapping[str, Sequence[str]] | None = None,
    rules: Sequence[Rule] | None = None,
    specs: Mapping[str, dict[str, Any]] | None = None,
    svgs: Mapping[str, str] | None = None,
    environ: Mapping[str, str] | None = None,
    context: ReportContext | None = None,
) -> bytes:
    """Render ``report`` as a tagged PDF/UA-1 document.

    Args:
        report: the report.
        findings: findings of a check, for the notes on the data and the draft banner.
        evidence: where each rule is met, for the compliance appendix (None: not checked).
        rules: the rules for the compliance appendix (by default every registered rule).
        specs: the charts' Vega-Lite specifications, if already built.
        svgs: the charts' SVG drawings, if already drawn.
        environ: where to read ``SOURCE_DATE_EPOCH`` (default: the process environment).
        context: the template context, if already built (the one the HTML page uses).

    Returns:
        The PDF file's bytes.

    Raises:
        RenderError: when a chart cannot be drawn, or WeasyPrint's libraries are missing.
    """
    if context is None:
        context = _context.build_context(report, findings, evidence=evidence, rules=rules)
    page = _print_page(report, context, specs=specs, svgs=svgs, environ=environ)
    return _pdf_draw.draw(page, link_titles(context))
