"""One self-contained, accessible HTML page that works offline and makes no network request.

The Vega, Vega-Lite and vega-embed scripts are inlined once per page (from vl-convert's bundle);
each chart's specification sits in a JSON ``<script>`` that can never close its element early;
each chart's vl-convert SVG is the fallback shown until (or unless) the script draws the chart.
A Content-Security-Policy allows only the page's own scripts, by hash, and no network access.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from boardreport import wording
from boardreport.cache import Cache, Fragments, script_bundle
from boardreport.model import Report
from boardreport.render import _context, _markup
from boardreport.render._memo import memo_filter
from boardreport.render._views import ReportContext
from boardreport.rules._registry import Finding, Rule

_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")


def script_json(data: Any) -> Markup:
    """Serialise ``data`` as JSON that is safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` only occur inside JSON strings, where their ``\\u`` escapes mean the
    same, so ``</script>`` and ``<!--`` in report text cannot end or confuse the element.
    """
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return Markup(_SCRIPT_UNSAFE.sub(lambda m: _SCRIPT_ESCAPES[m.group(0)], text))


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@cache
def environment() -> jinja2.Environment:
    """The HTML environment: every value is escaped unless a filter marks it safe."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("boardreport.render", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["prose"] = memo_filter("prose_html", _markup.prose_html, Markup)
    env.filters["inline"] = memo_filter("inline_html", _markup.inline_html, Markup)
    env.globals["missing_label"] = wording.MISSING_FIGURE
    env.globals["compliance_title"] = wording.COMPLIANCE_TITLE
    env.globals["notes_title"] = wording.NOTES_TITLE
    return env


def _bootstrap() -> str:
    env = environment()
    assert env.loader is not None
    source: str = env.loader.get_source(env, "charts.js")[0]
    return source


def content_security_policy(scripts: Sequence[str], *, charts: bool) -> str:
    """The page's policy: only these inline scripts, inline styles, data: images, no network.

    Vega compiles chart expressions with ``Function``, so pages with charts allow eval.
    """
    script_src = " ".join([*(_sha256(s) for s in scripts), *(["'unsafe-eval'"] if charts else [])])
    return (
        "default-src 'none'; "
        f"script-src {script_src}; "
        "style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def svg_data_uri(svg: str) -> str:
    """Return an SVG document as a ``data:`` URI for an ``<img>`` (which never runs scripts)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def render_html(
    report: Report,
    findings: Sequence[Finding] = (),
    *,
    evidence: Mapping[str, Sequence[str]] | None = None,
    rules: Sequence[Rule] | None = None,
    author_notes: bool = False,
    specs: Mapping[str, dict[str, Any]] | None = None,
    svgs: Mapping[str, str] | None = None,
    context: ReportContext | None = None,
    cache: Cache | None = None,
    fragments: Fragments | None = None,
) -> str:
    """Render ``report`` to one self-contained HTML page.

    Args:
        report: the report.
        findings: findings of a check, for the notes on the data.
        evidence: where each rule is met, for the compliance appendix (None: not checked).
        rules: the rules whose framework is the report's make the compliance appendix
            (by default every registered rule).
        author_notes: also list the notes meant for the report's authors (information and
            suppression hygiene), which are left out by default.
        specs: the charts' Vega-Lite specifications, if already built (else built here).
        svgs: the charts' SVG drawings, if already drawn (else drawn here with vl-convert).
        context: the template data, if already built (:func:`build_context`); then
            ``findings``, ``evidence`` and ``rules`` are not used.
        cache: where chart drawings and the script bundle are kept between builds (None:
            everything is made afresh).
        fragments: prose rendered by an earlier build, to reuse.

    Raises:
        RenderError: when a chart cannot be drawn from its table.
    """
    from boardreport.render import vega

    if context is None:
        context = _context.build_context(
            report, findings, evidence=evidence, rules=rules, author_notes=author_notes
        )
    bootstrap = _bootstrap()
    charts: dict[str, dict[str, Markup | str]] = {}
    bundle = ""
    if context.charts:
        specs = vega.render_vega(report, cache=cache) if specs is None else specs
        drawn = dict(svgs or {})
        for view in context.charts:
            chart_id = view.item.id
            spec = specs[chart_id]
            svg = drawn.get(chart_id) or vega.chart_svg(spec, cache=cache)
            # the figure is named by its caption and described once, so the drawing has no alt
            charts[chart_id] = {"spec": script_json(spec), "image": svg_data_uri(svg), "alt": ""}
        bundle = script_bundle(cache)
    scripts = [bundle, bootstrap] if bundle else [bootstrap]
    template = environment().get_template("report.html.j2")
    page = template.render(
        r=context,
        fragments=fragments,
        charts=charts,
        bundle=Markup(bundle),
        bootstrap=Markup(bootstrap),
        csp=content_security_policy(scripts, charts=bool(bundle)),
    )
    return page.rstrip("\n") + "\n"
