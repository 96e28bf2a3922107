"""Renderers: Markdown, self-contained HTML, Vega-Lite and PDF, from one report and its findings.

Every renderer is a pure function of the report: it returns a string (for Vega-Lite a dict of
specifications, for the PDF bytes) and never touches a file. ``boardreport build`` writes the files.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, overload

from boardreport.errors import RenderError
from boardreport.model import Report
from boardreport.rules._registry import Finding, Rule

if TYPE_CHECKING:
    from boardreport.render._appendices import default_rules
    from boardreport.render.html import render_html
    from boardreport.render.markdown import render_markdown
    from boardreport.render.vega import render_vega

_LAZY = {
    "default_rules": "_appendices",
    "render_html": "html",
    "render_markdown": "markdown",
    "render_vega": "vega",
}
"""Names imported on first use: a process that needs one renderer (the PDF's layout child)
does not import the others, nor Jinja2."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


FORMATS: dict[str, str] = {
    "md": "markdown",
    "markdown": "markdown",
    "html": "html",
    "vega": "vega",
    "vega-lite": "vega",
    "pdf": "pdf",
}
"""Accepted format names and the renderer each one selects."""

TextFormat: TypeAlias = Literal["md", "markdown", "html"]
"""Formats rendered as one document (a string)."""
SpecFormat: TypeAlias = Literal["vega", "vega-lite"]
"""Formats rendered as chart specifications (chart id → Vega-Lite spec)."""


def _markdown(report: Report, findings: Sequence[Finding], evidence: Any, rules: Any) -> str:
    from boardreport.render.markdown import render_markdown

    return render_markdown(report, findings, evidence=evidence, rules=rules)


def _html(report: Report, findings: Sequence[Finding], evidence: Any, rules: Any) -> str:
    from boardreport.render.html import render_html

    return render_html(report, findings, evidence=evidence, rules=rules)


def _vega(report: Report, findings: Sequence[Finding], evidence: Any, rules: Any) -> Any:
    from boardreport.render.vega import render_vega

    return render_vega(report)


def _pdf(report: Report, findings: Sequence[Finding], evidence: Any, rules: Any) -> bytes:
    from boardreport.render.pdf import render_pdf

    return render_pdf(report, findings, evidence=evidence, rules=rules)


RENDERERS: dict[str, Callable[..., str | bytes | dict[str, dict[str, Any]]]] = {
    "markdown": _markdown,
    "html": _html,
    "vega": _vega,
    "pdf": _pdf,
}


@overload
def render(
    report: Report,
    fmt: TextFormat,
    findings: Sequence[Finding] = (),
    *,
    evidence: Mapping[str, Sequence[str]] | None = None,
    rules: Sequence[Rule] | None = None,
) -> str: ...


@overload
def render(
    report: Report,
    fmt: SpecFormat,
    findings: Sequence[Finding] = (),
    *,
    evidence: Mapping[str, Sequence[str]] | None = None,
    rules: Sequence[Rule] | None = None,
) -> dict[str, dict[str, Any]]: ...


@overload
def render(
    report: Report,
    fmt: str,
    findings: Sequence[Finding] = (),
    *,
    evidence: Mapping[str, Sequence[str]] | None = None,
    rules: Sequence[Rule] | None = None,
) -> str | dict[str, dict[str, Any]]: ...


def render(
    report: Report,
    fmt: str,
    findings: Sequence[Finding] = (),
    *,
    evidence: Mapping[str, Sequence[str]] | None = None,
    rules: Sequence[Rule] | None = None,
) -> str | bytes | dict[str, dict[str, Any]]:
    """Render ``report`` as ``fmt``: ``"markdown"`` (``"md"``), ``"html"``, ``"vega"`` or ``"pdf"``.

    Args:
        report: the report.
        fmt: the output format.
        findings: findings of ``boardreport.rules.check``, suppressed ones included; they make
            the "Notes on the data" appendix.
        evidence: ``CheckResult.evidence`` (rule id → data paths where the rule is met); None
            means the report was not checked, and the compliance appendix says so.
        rules: the rules for the compliance appendix; by default every registered rule (only
            those whose framework is the report's are listed).

    Returns:
        The document as a string; for ``"vega"`` a dict of chart id → Vega-Lite spec; for
        ``"pdf"`` the PDF file's bytes. Type checkers see which: ``render(report, "html")`` is
        a ``str``.

    Raises:
        RenderError: for an unknown format, a chart that cannot be drawn, or (PDF) missing
            system libraries.
    """
    name = FORMATS.get(fmt.lower())
    if name is None:
        known = ", ".join(sorted(FORMATS))
        msg = f"unknown format {fmt!r}; choose one of {known}"
        raise RenderError(msg)
    return RENDERERS[name](report, findings, evidence, rules)


__all__ = [
    "FORMATS",
    "RENDERERS",
    "SpecFormat",
    "TextFormat",
    "default_rules",
    "render",
    "render_html",
    "render_markdown",
    "render_vega",
]
