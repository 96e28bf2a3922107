"""The template data: anchors, heading levels, compliance statuses and notes."""

from __future__ import annotations

import attrs
import pytest

from boardreport import model
from boardreport.errors import RenderError
from boardreport.render._context import Anchors, build_context
from boardreport.rules import Finding, Severity

from .support import EVIDENCE, FINDINGS, RULES


def test_anchors_are_unique_in_reading_order() -> None:
    """A taken id gets -2, -3…; reserved ids are never handed out."""
    anchors = Anchors(reserved=["main"])
    assert [anchors.take(w) for w in ["main", "a", "a", "a-2", "a"]] == [
        "main-2",
        "a",
        "a-2",
        "a-2-2",
        "a-3",
    ]


def test_sections_get_levels_below_the_title(fixture_report: model.Report) -> None:
    """Top-level sections are h2, nested ones h3; a block's own heading is one deeper."""
    context = build_context(fixture_report, rules=RULES)
    performance = context.sections[1]
    assert (performance.level, performance.sections[0].level) == (2, 3)
    challenge = performance.sections[0].blocks[0]
    assert (challenge.kind, challenge.level) == ("challenge", 4)


def test_headings_stop_at_level_six(fixture_report: model.Report) -> None:
    """Sections nested deeper than h6 stay at h6."""
    deep = model.Section(id="d5", title="Deep", blocks=(model.Prose(text="x"),))
    for depth in range(4, 0, -1):
        deep = model.Section(id=f"d{depth}", title="Deep", sections=(deep,))
    report = attrs.evolve(fixture_report, sections=(deep,))
    view = build_context(report, rules=RULES).sections[0]
    levels = []
    while True:
        levels.append(view.level)
        if not view.sections:
            break
        view = view.sections[0]
    assert levels == [2, 3, 4, 5, 6]
    assert view.blocks[0].level == 6


def test_compliance_statuses(fixture_report: model.Report) -> None:
    """met without findings; not met with an open finding; suppressed when all are suppressed."""
    context = build_context(fixture_report, FINDINGS, evidence=EVIDENCE, rules=RULES)
    statuses = {row.rule: row.status for row in context.compliance}
    assert statuses == {"WT13-001": "met", "WT13-002": "not met", "WT13-003": "suppressed"}
    suppressed = next(r for r in context.compliance if r.rule == "WT13-003")
    assert suppressed.reasons == (
        "The published budget has no such line; it is reproduced as printed.",
    )


def test_evidence_paths_become_the_sections_that_hold_them(fixture_report: model.Report) -> None:
    """Block and field paths map to their innermost section, each listed once, in order."""
    evidence = {
        "WT13-001": (
            "performance/challenges/front-line-messages.cause",
            "performance/challenges",
            "performance/referral-rate",
            "nowhere/at-all",
        )
    }
    context = build_context(fixture_report, evidence=evidence, rules=RULES)
    row = next(r for r in context.compliance if r.rule == "WT13-001")
    assert row.sections == (
        ("Challenges", "challenges"),
        ("How well are children safeguarded?", "performance"),
    )


def test_without_a_check_every_rule_is_not_checked(fixture_report: model.Report) -> None:
    """No evidence means no check ran: statuses say so rather than claim the rules are met."""
    context = build_context(fixture_report, rules=RULES)
    assert not context.checked
    assert {row.status for row in context.compliance} == {"not checked"}


def test_only_rules_of_the_reports_framework_are_listed(fixture_report: model.Report) -> None:
    """A report on another framework lists none of the wt2013 rules."""
    other = attrs.evolve(fixture_report, framework="wt2015")
    assert build_context(other, evidence={}, rules=RULES).compliance == ()


def test_notes_put_suppressed_findings_first(fixture_report: model.Report) -> None:
    """Suppressed findings lead; a finding's section is found from its path."""
    extra = Finding(rule="X-001", severity=Severity.INFO, message="m", path="the-board/members")
    notes = build_context(fixture_report, (*FINDINGS, extra), evidence={}, rules=RULES).notes
    assert [n.suppressed for n in notes] == [True, False, False, False, False]
    assert notes[0].section == ("Appendix: Budget and acronyms", "appendix")
    assert next(n for n in notes if n.rule == "X-001").section == (
        "The Board and its partners",
        "the-board",
    )


def test_duplicate_chart_ids_are_refused(fixture_report: model.Report) -> None:
    """Chart ids name output files, so two charts with one id are a render error."""
    section = fixture_report.sections[1]
    chart = next(b for b in section.blocks if isinstance(b, model.Chart))
    doubled = attrs.evolve(section, blocks=(*section.blocks, chart))
    report = attrs.evolve(fixture_report, sections=(fixture_report.sections[0], doubled))
    with pytest.raises(RenderError, match="two charts have the id 'plans-by-category'"):
        build_context(report, rules=RULES)


def test_placeholder_prose_is_shown_as_a_placeholder(fixture_report: model.Report) -> None:
    """Prose that starts with TODO renders as a visible TODO marker, like a placeholder."""
    blocks = build_context(fixture_report, rules=RULES).sections[1].blocks
    kinds = [b.kind for b in blocks]
    assert kinds.count("placeholder") == 2


def test_tables_and_charts_are_anchored_by_their_own_ids(fixture_report: model.Report) -> None:
    """A table's anchor is table-<id> and a chart's chart-<id>, with no numbering added."""
    performance = build_context(fixture_report, rules=RULES).sections[1]
    anchors = {b.kind: b.anchor for b in reversed(performance.blocks) if b.anchor}
    assert anchors["table"] == "table-child-protection-plans"
    assert anchors["chart"] == "chart-plans-by-category"
    chart = next(b for b in performance.blocks if b.kind == "chart")
    assert (chart.target, chart.tables[0].anchor) == (
        "chart-plans-by-category-view",
        "chart-plans-by-category-data",
    )


def test_new_facts_are_said_in_words() -> None:
    """Stated unknowns, bounds, budget kinds, chairs' dates, shares and pages read as words."""
    from boardreport.render import _context as ctx

    assert ctx.page_words("12-13") == "pages 12-13 of the published report"
    chair = model.Chair(
        name="Helen Ashdown", title="Independent Chair", start=model.Month(year=2015, month=9)
    )
    assert ctx.chair_text(chair) == "Helen Ashdown, Independent Chair (Chair from September 2015)"
    budget = model.Budget(
        period="2016-17",
        kind=model.BudgetKind.OUTLINE,
        income=[],
        expenditure=[],
        carried_forward=model.Unknown(reason=model.UnknownReason.NOT_KNOWN),
    )
    assert ctx.budget_facts(budget) == (
        "Outline budget for 2016-17.",
        "Carried forward to the year after: not known.",
    )
    reviewed = model.Share(id="r", label="Reviewed", percent=86, of=171, of_label="deaths")
    expected = model.Share(label="Expected deaths", percent=63, within="r")
    assert ctx.share_text(reviewed, {"r": reviewed}) == "Reviewed: 86% of 171 deaths"
    assert ctx.share_text(expected, {"r": reviewed}) == "Expected deaths: 63% of those reviewed"
    kpi = model.KPI(
        label="Contacts",
        value=model.Bound(relation=model.BoundRelation.MORE_THAN, value=5000),
        comparators=[model.Comparator(label="England", value=4000)],
    )
    assert ctx._kpi_facts(kpi) == ("England: 4,000.",)
