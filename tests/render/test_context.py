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
    """met without findings; not met with an open finding; accepted by the Board when every
    finding is suppressed (the duty is not met and the Board says why)."""
    context = build_context(fixture_report, FINDINGS, evidence=EVIDENCE, rules=RULES)
    statuses = {row.rule: row.status for row in context.compliance}
    assert statuses == {
        "WT13-001": "met",
        "WT13-002": "not met",
        "WT13-003": "accepted by the Board",
    }
    suppressed = next(r for r in context.compliance if r.rule == "WT13-003")
    assert suppressed.reasons == (
        "The published budget has no such line; it is reproduced as printed.",
    )


def test_a_duty_whose_open_findings_concern_unpublished_data_says_so(
    fixture_report: model.Report,
) -> None:
    """ "Data not published" when every open finding is about data the report states was not
    published (a declared duty's own finding, or a stated unknown at the finding's path);
    "not met" as soon as one open finding is about anything else."""
    declared = Finding(
        rule="WT13-002",
        severity=Severity.WARNING,
        message="declared, data not published: lessons from reviews",
        path="learning",
    )
    kpi = model.KPI(
        id="unpublished",
        label="Referrals",
        value=model.Unknown(reason=model.UnknownReason.NOT_PUBLISHED),
    )
    report = attrs.evolve(
        fixture_report,
        sections=(
            *fixture_report.sections,
            model.Section(id="figures", title="Figures", blocks=(kpi,)),
        ),
    )
    at_unknown = attrs.evolve(
        declared, message="no figure for referrals", path="figures/unpublished"
    )

    def status(*findings: Finding) -> str:
        context = build_context(report, findings, evidence=EVIDENCE, rules=RULES)
        return next(row.status for row in context.compliance if row.rule == "WT13-002")

    assert status(declared) == "data not published"
    assert status(at_unknown) == "data not published"
    assert status(declared, FINDINGS[0]) == "not met"
    assert status(attrs.evolve(declared, suppressed=True, reason="r")) == "accepted by the Board"


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


def test_notes_put_open_findings_first_and_number_them(fixture_report: model.Report) -> None:
    """Open errors, then warnings, then suppressed findings, numbered from 1; a finding's
    section is found from its path; author-only (info) findings are left out."""
    extra = Finding(rule="X-001", severity=Severity.WARNING, message="m", path="the-board/members")
    context = build_context(fixture_report, (*FINDINGS, extra), evidence={}, rules=RULES)
    notes = context.notes
    assert [(n.number, n.severity, n.suppressed) for n in notes] == [
        (1, "error", False),
        (2, "warning", False),
        (3, "warning", False),
        (4, "warning", True),
    ]
    assert [n.anchor for n in notes] == ["note-1", "note-2", "note-3", "note-4"]
    assert notes[3].section == ("Appendix: Budget and acronyms", "appendix")
    assert next(n for n in notes if n.rule == "X-001").section == (
        "The Board and its partners",
        "the-board",
    )
    assert context.hidden_notes == 1  # the info finding


def test_author_notes_are_included_when_asked(fixture_report: model.Report) -> None:
    """With author_notes, info findings are listed too, after the others of their kind."""
    context = build_context(fixture_report, FINDINGS, evidence={}, rules=RULES, author_notes=True)
    assert len(context.notes) == len(FINDINGS)
    assert context.hidden_notes == 0


def test_note_statuses_never_say_suppressed(fixture_report: model.Report) -> None:
    """A suppressed statutory finding is a duty not met, accepted by the Board; any other
    suppressed finding is kept as published; open findings say their severity."""
    notes = build_context(fixture_report, FINDINGS, evidence={}, rules=RULES).notes
    assert {n.rule: n.status for n in notes} == {
        "WT13-002": "Open error",
        "CONS-001": "Open warning",
        "WT13-003": "Duty not met, accepted by the Board",
    }
    other = attrs.evolve(FINDINGS[2], suppressed=True, reason="As published.")
    kept = build_context(fixture_report, (other,), evidence={}, rules=RULES).notes
    assert kept[0].status == "Kept as published"


def test_a_marker_sits_on_the_block_a_note_is_about(fixture_report: model.Report) -> None:
    """A finding at appendix/budget-2014-15.expenditure marks the budget block, and the note
    links back to it."""
    context = build_context(fixture_report, FINDINGS, evidence={}, rules=RULES)
    appendix = next(s for s in context.sections if s.anchor == "appendix")
    budget = next(b for b in appendix.blocks if b.kind == "budget")
    numbers = [m.number for m in budget.markers]
    assert numbers == [n.number for n in context.notes if n.path.startswith("appendix/budget")]
    assert all(n.concerns == budget.anchor for n in context.notes if n.number in numbers)


def test_plain_notes_drop_file_syntax() -> None:
    """Messages lose TOML hints such as (recipients role = "x") and 'add meets = [...]'."""
    from boardreport.render._appendices import plain

    assert plain('the report does not record X (recipients role = "chief_executive")') == (
        "The report does not record X."
    )
    assert plain('no section carries the duty; add meets = ["x"] to one') == (
        "No section carries the duty."
    )


def test_a_report_with_open_errors_is_a_draft(fixture_report: model.Report) -> None:
    """An unsuppressed error makes the context a draft; suppressing it does not."""
    assert build_context(fixture_report, FINDINGS, evidence={}, rules=RULES).draft
    settled = [attrs.evolve(f, suppressed=True, reason="r") for f in FINDINGS]
    assert not build_context(fixture_report, settled, evidence={}, rules=RULES).draft
    warnings = [f for f in FINDINGS if f.severity is not Severity.ERROR]
    assert not build_context(fixture_report, warnings, evidence={}, rules=RULES).draft


def test_contents_list_the_top_two_levels(fixture_report: model.Report) -> None:
    """Contents entries have children but no grandchildren."""
    deep = model.Section(id="c", title="C", sections=(model.Section(id="d", title="D"),))
    top = model.Section(id="a", title="A", sections=(model.Section(id="b", title="B"), deep))
    report = attrs.evolve(fixture_report, sections=(top,))
    contents = build_context(report, rules=RULES).contents
    assert [c.title for c in contents[0].children] == ["B", "C"]
    assert all(not c.children for c in contents[0].children)


def test_a_first_block_heading_that_repeats_the_section_title_is_dropped(
    fixture_report: model.Report,
) -> None:
    """An agency return in a section named after its agency prints one heading, not two."""
    answer = model.AgencyAnswer(question="What went well?", answer="Much.")
    agency = model.AgencyReturn(agency="West Midlands Police", questions=(answer,))
    section = model.Section(id="wmp", title="West Midlands Police", blocks=(agency,))
    report = attrs.evolve(fixture_report, sections=(section,))
    view = build_context(report, rules=RULES).sections[0].blocks[0]
    assert view.heading == ""
    assert view.extra == (("What went well?", "Much."),)


def test_a_later_return_of_the_sections_agency_puts_its_label_above_the_heading(
    fixture_report: model.Report,
) -> None:
    """The agency's paragraphs come first; its return's form label still heads the section."""
    answer = model.AgencyAnswer(question="What went well?", answer="Much.")
    agency = model.AgencyReturn(agency="Police", label="Agency", questions=(answer,))
    summary = model.Prose(text="**Executive Summary** The force was inspected.")
    section = model.Section(id="wmp", title="Police", blocks=(summary, agency))
    report = attrs.evolve(fixture_report, sections=(section,))
    view = build_context(report, rules=RULES).sections[0]
    assert view.overline == "Agency"
    assert (view.blocks[1].heading, view.blocks[1].overline) == ("", True)


def test_typed_texts_the_prose_already_says_are_not_repeated(
    fixture_report: model.Report,
) -> None:
    """A review whose summary is a paragraph of the prose is not printed again."""
    prose = model.Prose(text="The panel met twice. It found no new lessons.")
    review = model.Review(
        kind=model.ReviewKind.LEARNING_REVIEW,
        title="Learning review",
        summary="The panel met twice.",
        lessons=("A lesson the prose does not give.",),
    )
    section = model.Section(id="s", title="S", blocks=(prose, review))
    report = attrs.evolve(fixture_report, sections=(section,))
    view = build_context(report, rules=RULES).sections[0].blocks[1]
    assert view.item.summary == ""
    assert view.item.lessons == ("A lesson the prose does not give.",)
    only_said = attrs.evolve(review, lessons=())
    report = attrs.evolve(
        fixture_report, sections=(attrs.evolve(section, blocks=(prose, only_said)),)
    )
    assert build_context(report, rules=RULES).sections[0].blocks[1].kind == "restated"


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
    assert chart.target == "chart-plans-by-category-view"
    # the chart links to the table its figures are printed in, instead of printing them again
    assert chart.data[1] == "table-child-protection-plans"
    assert chart.tables == ()


def test_a_table_published_in_parts_prints_in_those_parts(fixture_report: model.Report) -> None:
    """Each part repeats the row labels; the later parts continue the caption under their own
    anchors; the source and note follow the last part; a column without signs is bare."""
    columns = [
        model.Column(key="year", label="Year"),
        model.Column(key="a", label="A", type=model.ColumnType.INTEGER),
        model.Column(key="b", label="B", type=model.ColumnType.PERCENT, signs=False),
        model.Column(key="c", label="C", type=model.ColumnType.PERCENT),
    ]
    table = model.Table(
        id="wide",
        caption="Wide",
        columns=columns,
        rows=[["2014/15", 4, 50, 25]],
        source="Council",
        bands=[["a", "b"], ["c"]],
    )
    section = model.Section(id="s", title="S", blocks=(table,))
    report = attrs.evolve(fixture_report, sections=(section,))
    first, second = build_context(report, rules=RULES).sections[0].blocks[0].tables
    assert [h.text for h in first.headers] == ["Year", "A", "B"]
    assert [c.text for c in first.rows[0]] == ["2014/15", "4", "50"]
    assert [h.text for h in second.headers] == ["Year", "C"]
    assert [c.text for c in second.rows[0]] == ["2014/15", "25%"]
    assert (first.caption, second.caption) == ("Wide", "Wide (continued)")
    assert (first.anchor, second.anchor) == ("table-wide", "table-wide-part-2")
    assert (first.source, second.source) == ("", "Council")


def test_a_priority_prints_its_number_and_lead_above_its_title(
    fixture_report: model.Report,
) -> None:
    """The line above a priority's title gives its number, plan and lead; in a section named
    after the priority, that line stands above the section's heading instead."""
    lead = model.Person(name="Alex Officer", role="Director")
    priority = model.PriorityArea(
        number=2, title="Early help", aim="Help early.", lead=lead, plan_period="2014-16"
    )
    line = "Priority 2 (2014-16 plan) · Lead: Alex Officer, Director"
    section = model.Section(id="s", title="Progress", blocks=(priority,))
    report = attrs.evolve(fixture_report, sections=(section,))
    view = build_context(report, rules=RULES).sections[0].blocks[0]
    assert (view.facts, view.heading, view.overline) == ((line,), "Early help", False)
    named = attrs.evolve(section, title="EARLY HELP")
    built = build_context(attrs.evolve(report, sections=(named,)), rules=RULES).sections[0]
    assert (built.overline, built.blocks[0].heading, built.blocks[0].overline) == (line, "", True)
    assert built.blocks[0].extra == (("Aim", "Help early."),)


def test_new_facts_are_said_in_words() -> None:
    """Stated unknowns, bounds, budget kinds, chairs' dates, shares and pages read as words."""
    from boardreport.blocks import _say, child_deaths
    from boardreport.blocks import budget as budget_kind
    from boardreport.blocks import kpi as kpi_kind
    from boardreport.render import _context as ctx

    assert _say.page_words("12-13") == "pages 12-13 of the published report"
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
    assert budget_kind.facts(budget) == (
        "Outline budget for 2016-17.",
        "Carried forward to the year after: not known.",
    )
    reviewed = model.Share(id="r", label="Reviewed", percent=86, of=171, of_label="deaths")
    expected = model.Share(label="Expected deaths", percent=63, within="r")
    assert child_deaths.share_text(reviewed, {"r": reviewed}) == "Reviewed: 86% of 171 deaths"
    assert (
        child_deaths.share_text(expected, {"r": reviewed})
        == "Expected deaths: 63% of those reviewed"
    )
    kpi = model.KPI(
        label="Contacts",
        value=model.Bound(relation=model.BoundRelation.MORE_THAN, value=5000),
        comparators=[model.Comparator(label="England", value=4000)],
    )
    assert kpi_kind.facts(kpi) == ("England: 4,000.",)
