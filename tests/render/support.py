"""Shared test data for the renderer tests: the fixture report, a check result, hostile text."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

from boardreport import blocks, model
from boardreport.rules import Citation, Finding, Rule, Severity

# ---------------------------------------------------------------------------------------------
# the browser (Chromium and its arguments are shared with every browser test: tests/conftest.py)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LOCAL = ("file:", "data:", "blob:")


@attrs.define
class Tab:
    """A page with everything that went wrong on it: console errors, page errors, requests."""

    page: Any
    errors: list[str] = attrs.field(factory=list)
    requests: list[str] = attrs.field(factory=list)

    def open(self, path: Path) -> int:
        """Open a local HTML file and wait until every chart is drawn; return the chart count."""
        self.page.goto(path.resolve().as_uri())
        count: int = self.page.evaluate("window.reportReady")
        return count


# ---------------------------------------------------------------------------------------------
# the fixture report and a check result

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "report"
GOLDEN = Path(__file__).resolve().parent / "golden"


def _never(_: Any) -> Iterator[Finding]:
    return iter(())


def rule(rule_id: str, name: str, framework: str | None, pack: str) -> Rule:
    """A registered-looking rule for rendering tests (it never runs)."""
    return Rule(
        id=rule_id,
        name=name,
        severity=Severity.WARNING,
        citations=(Citation(document="Working Together 2013", locator="ch3 para 16"),),
        doc="",
        check=_never,
        pack=pack,
        framework=framework,
    )


RULES = (
    rule("WT13-001", "chair statement", "wt2013", "WT13"),
    rule("WT13-002", "lessons from reviews", "wt2013", "WT13"),
    rule("WT13-003", "budget & contributions", "wt2013", "WT13"),
    rule("CONS-001", "totals add up", None, "CONS"),
)
"""Three rules of the report's framework (met, not met, suppressed) and one that always runs."""

FINDINGS = (
    Finding(
        rule="WT13-002",
        severity=Severity.ERROR,
        message="no lessons are recorded for the domestic homicide review",
        path="learning/dhr",
    ),
    Finding(
        rule="WT13-003",
        severity=Severity.WARNING,
        message="the budget shows no serious case review spending",
        path="appendix/budget-2014-15.expenditure",
        suppressed=True,
        reason="The published budget has no such line; it is reproduced as printed.",
    ),
    Finding(
        rule="CONS-001",
        severity=Severity.WARNING,
        message="stated income 60,000 and expenditure 58,250.50 differ by 1,749.50",
        path="appendix/budget-2014-15.expenditure_total",
    ),
    Finding(rule="CONS-001", severity=Severity.INFO, message="a whole-report note | with a pipe"),
)

EVIDENCE = {
    "WT13-001": ("foreword",),
    "WT13-002": ("learning/scr-2014", "learning"),
    "WT13-003": ("appendix/budget-2014-15.income[0]", "the-board/members"),
}


# ---------------------------------------------------------------------------------------------
# hostile text

PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>window.__pwned=1</script>",
    "[x](javascript:window.__pwned=1)",
    "[y](&#106;avascript:window.__pwned=1)",
    '<svg onload="window.__pwned=1"><circle r="5"/></svg>',
    '<!-- c --><a id="__injected" href="javascript:window.__pwned=1">x</a>',
    '\n\n<div id="__injected" onmouseover="window.__pwned=1">\n'
    "<script>window.__pwned=1</script>\n</div>\n\n",
    '\n\n<iframe src="javascript:window.__pwned=1"></iframe>\n\n',
)

REFERENCES = {
    (model.Chart, "table"),
    (model.Chart, "x"),
    (model.Chart, "y"),
    (model.Column, "key"),
    (model.ColumnTotal, "column"),
    (model.RowSum, "total"),
    (model.RowSum, "parts"),
    (model.Table, "percent_of"),
    (model.Report, "framework"),
    (model.Share, "within"),
}
"""Fields that name other parts of the report; they stay as they are so the report still binds."""


def hostile(text: str) -> str:
    """Return ``text`` with every payload appended."""
    return text + " " + " ".join(PAYLOADS)


def poison(value: Any, make: Callable[[str], str] = hostile, owner: type | None = None) -> Any:
    """Replace every text field of a model object (recursively, with attrs.evolve) by ``make``.

    Ids and page numbers are validated patterns that cannot hold markup, so they stay.
    """
    if isinstance(value, str):
        return make(value)
    if isinstance(value, tuple):
        return tuple(poison(v, make, owner) for v in value)
    cls = type(value)
    if attrs.has(cls):
        changes: dict[str, Any] = {}
        for field in attrs.fields(cls):
            if field.name in ("id", "page") or (cls, field.name) in REFERENCES:
                continue
            own_questions = isinstance(value, model.AgencyReturn) and bool(value.questions)
            if own_questions and field.name in model.AgencyReturn.ANSWER_FIELDS:
                continue  # a return with its own questions has no standard answers
            changes[field.name] = poison(getattr(value, field.name), make, cls)
        return attrs.evolve(value, **changes)
    return value


def poisoned_report(report: model.Report) -> model.Report:
    """Return ``report`` with hostile text in every text field, charts still bound to tables.

    A child death review's breakdown labels name its derived tables, so charts bound to those
    are re-bound to the renamed tables (same position in reading order).
    """
    bad = poison(report)
    assert isinstance(bad, model.Report)
    before = list(blocks.all_tables(report))
    after = list(blocks.all_tables(bad))
    renamed = dict(zip(before, after, strict=True))

    def rebind(section: model.Section) -> model.Section:
        blocks = tuple(
            attrs.evolve(b, table=renamed[b.table]) if isinstance(b, model.Chart) else b
            for b in section.blocks
        )
        return attrs.evolve(
            section, blocks=blocks, sections=tuple(rebind(s) for s in section.sections)
        )

    return attrs.evolve(bad, sections=tuple(rebind(s) for s in bad.sections))


# ---------------------------------------------------------------------------------------------
# golden files

UPDATE_GOLDEN = "BOARDREPORT_UPDATE_GOLDEN"


def assert_golden(name: str, text: str) -> None:
    """Compare ``text`` with ``golden/<name>``; with BOARDREPORT_UPDATE_GOLDEN=1, rewrite it."""

    path = GOLDEN / name
    if os.environ.get(UPDATE_GOLDEN) == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.is_file(), f"no golden file {path}; run the tests with {UPDATE_GOLDEN}=1"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden file; if intended: {UPDATE_GOLDEN}=1"
