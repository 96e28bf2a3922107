"""GitHub-flavoured Markdown output: one document with contents, tables, chart images and notes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

import jinja2

from boardreport import wording
from boardreport.cache import Fragments
from boardreport.model import Report
from boardreport.render import _context, _markup
from boardreport.render._memo import memo_filter
from boardreport.render._views import Cell, ReportContext
from boardreport.rules._registry import Finding, Rule


def _quote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in text.split("\n"))


PARAGRAPH_BREAK = "\x1e"
"""Separates paragraphs inside ``{% filter paragraphs %}``; empty paragraphs are dropped."""


def _paragraphs(text: str) -> str:
    chunks = (chunk.strip("\n") for chunk in text.split(PARAGRAPH_BREAK))
    return "\n\n".join(chunk for chunk in chunks if chunk.strip())


def _row(cells: Sequence[Cell], strong: bool = False) -> str:
    texts = [_markup.md_escape(c.text) for c in cells]
    if strong:
        texts = [f"**{t}**" if t else t for t in texts]
    return "| " + " | ".join(texts) + " |"


def _rule(cells: Sequence[Cell]) -> str:
    return "| " + " | ".join("---:" if c.numeric else "---" for c in cells) + " |"


MARKDOWN_ID_PREFIX = "r:"
"""Prefix of every id the Markdown sets. Renderers such as mkdocs and GitHub give headings ids
of their own (lower-case words and hyphens, never a colon), so the prefix keeps the report's ids
from ever repeating one of them."""


def markdown_id(anchor: str) -> str:
    """The id (and link target) of ``anchor`` in the Markdown output."""
    return MARKDOWN_ID_PREFIX + anchor


def _hashes(level: int) -> str:
    return "#" * max(1, min(level, _markup.MAX_HEADING))


@cache
def environment() -> jinja2.Environment:
    """The Markdown environment: no HTML autoescaping, explicit Markdown escaping filters."""
    # Markdown output: HTML autoescaping would be wrong; every value passes an escaping filter
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("boardreport.render", "templates"),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = _markup.md_escape
    env.filters["prose"] = memo_filter("prose_markdown", _markup.prose_markdown)
    env.filters["inline"] = memo_filter("inline_markdown", _markup.inline_markdown)
    env.filters["quote"] = _quote
    env.filters["hashes"] = _hashes
    env.filters["paragraphs"] = _paragraphs
    env.filters["md_row"] = _row
    env.filters["md_rule"] = _rule
    env.filters["mdid"] = markdown_id
    env.globals["br"] = PARAGRAPH_BREAK
    env.globals["missing_label"] = wording.MISSING_FIGURE
    env.globals["compliance_title"] = wording.COMPLIANCE_TITLE
    env.globals["notes_title"] = wording.NOTES_TITLE
    return env


def render_context(context: ReportContext, fragments: Fragments | None = None) -> str:
    """Render prepared template data to Markdown (prose through ``fragments``, if given)."""
    text = environment().get_template("report.md.j2").render(r=context, fragments=fragments)
    return text.rstrip("\n") + "\n"


def render_markdown(
    report: Report,
    findings: Sequence[Finding] = (),
    *,
    evidence: Mapping[str, Sequence[str]] | None = None,
    rules: Sequence[Rule] | None = None,
    context: ReportContext | None = None,
    fragments: Fragments | None = None,
    author_notes: bool = False,
) -> str:
    """Render ``report`` to GitHub-flavoured Markdown.

    Charts appear as images at ``charts/<chart-id>.svg`` (relative to the document), each
    followed by its data table; ``boardreport build`` writes those files.

    Args:
        report: the report.
        findings: findings of a check, for the notes on the data.
        evidence: where each rule is met, for the compliance appendix (None: not checked).
        rules: the rules whose framework is the report's make the compliance appendix
            (by default every registered rule).
        context: the template data, if already built (:func:`build_context`); then
            ``findings``, ``evidence``, ``rules`` and ``author_notes`` are not used.
        fragments: prose rendered by an earlier build, to reuse.
        author_notes: also list the notes meant for the report's authors (information and
            suppression hygiene), which are left out by default.
    """
    if context is None:
        context = _context.build_context(
            report, findings, evidence=evidence, rules=rules, author_notes=author_notes
        )
    return render_context(context, fragments)
