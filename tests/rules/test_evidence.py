"""Duty evidence on copies of the reference report: placeholders and next year's data never count.

Each WT13 rule loses its supporting content in a copy of the reference report, replaced by a
placeholder ("TBC", "N/A", £0, 0 deaths) or by next year's data, and must then fire.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import boardreport
from boardreport import model
from boardreport.cli import main
from boardreport.model import Requirement
from boardreport.rules import Severity, check

REFERENCE = Path(__file__).resolve().parents[2] / "reports" / "wolverhampton_2014_15"
Mutation = Callable[[model.Report], model.Report]
PLACEHOLDER = "TBC"


@pytest.fixture(scope="module")
def reference() -> model.Report:
    """The reference report as loaded from reports/."""
    return boardreport.load(REFERENCE)


def _sections(
    report: model.Report, change: Callable[[model.Section], model.Section]
) -> model.Report:
    def walk(sections: tuple[model.Section, ...]) -> tuple[model.Section, ...]:
        return tuple(change(attrs.evolve(s, sections=walk(s.sections))) for s in sections)

    return attrs.evolve(report, sections=walk(report.sections))


def _blocks(report: model.Report, change: Callable[[model.Block], model.Block]) -> model.Report:
    return _sections(report, lambda s: attrs.evolve(s, blocks=tuple(change(b) for b in s.blocks)))


def _hollow(requirement: Requirement, text: str = PLACEHOLDER) -> Mutation:
    """Every section declaring ``requirement`` keeps its title but says only ``text``."""

    def change(section: model.Section) -> model.Section:
        if requirement not in section.meets:
            return section
        return attrs.evolve(section, blocks=(model.Prose(text=text),), sections=())

    return lambda report: _sections(report, change)


def _then(*mutations: Mutation) -> Mutation:
    def run(report: model.Report) -> model.Report:
        for mutation in mutations:
            report = mutation(report)
        return report

    return run


def _budget(change: Callable[[model.Budget], model.Budget]) -> Mutation:
    return lambda r: _blocks(r, lambda b: change(b) if isinstance(b, model.Budget) else b)


def _zero_lines(budget: model.Budget) -> model.Budget:
    return attrs.evolve(
        budget,
        income=tuple(attrs.evolve(i, amount=0) for i in budget.income),
        expenditure=tuple(attrs.evolve(e, amount=0) for e in budget.expenditure),
        income_total=0,
        expenditure_total=0,
    )


def _next_year(budget: model.Budget) -> model.Budget:
    return attrs.evolve(budget, period="2015-16")


def _typed(kind: type, **fields: object) -> Mutation:
    return lambda r: _blocks(r, lambda b: attrs.evolve(b, **fields) if isinstance(b, kind) else b)


def _members(**fields: object) -> Mutation:
    def change(block: model.Block) -> model.Block:
        if isinstance(block, model.Membership):
            members = tuple(attrs.evolve(m, **fields) for m in block.members)
            return attrs.evolve(block, members=members, lay_member_recruitment=PLACEHOLDER)
        return block

    return lambda r: _blocks(r, change)


CASES: list[tuple[str, Mutation]] = [
    (
        "WT13-001",
        lambda r: attrs.evolve(
            r,
            period_start=dt.date(2015, 4, 1),
            period_end=dt.date(2016, 3, 31),
            publication_date=dt.date(2015, 9, 30),
        ),
    ),
    ("WT13-002", _hollow(Requirement.CHAIR_STATEMENT)),
    ("WT13-002", lambda r: attrs.evolve(r, chair=model.Chair(name=PLACEHOLDER))),
    ("WT13-003", lambda r: attrs.evolve(r, recipients=())),
    ("WT13-004", _hollow(Requirement.EFFECTIVENESS_ASSESSMENT, "N/A")),
    (
        "WT13-005",
        _then(
            _typed(model.Challenge, title=PLACEHOLDER, description="", cause="", action=""),
            _hollow(Requirement.WEAKNESSES),
        ),
    ),
    (
        "WT13-006",
        _then(
            _typed(model.Review, lessons=("To follow",), none_in_period=False),
            _hollow(Requirement.LESSONS_FROM_REVIEWS),
        ),
    ),
    ("WT13-007", _then(_budget(_zero_lines), _hollow(Requirement.PARTNER_CONTRIBUTIONS))),
    ("WT13-007", _budget(_next_year)),
    ("WT13-008", _then(_budget(_zero_lines), _hollow(Requirement.EXPENDITURE))),
    ("WT13-008", _budget(_next_year)),
    ("WT13-008", _budget(lambda b: attrs.evolve(b, kind=model.BudgetKind.OUTLINE))),
    ("WT13-007", _budget(lambda b: attrs.evolve(b, kind=model.BudgetKind.PLANNED))),
    ("WT13-009", _members(name=PLACEHOLDER, organisation=PLACEHOLDER)),
    ("WT13-010", _members(name=PLACEHOLDER, organisation=PLACEHOLDER)),
    (
        "WT13-011",
        _then(
            _typed(
                model.ChildDeathReview,
                deaths_reviewed=0,
                modifiable=None,
                breakdowns=(),
                learning=(PLACEHOLDER,),
                actions=(),
            ),
            _hollow(Requirement.CHILD_DEATH_REVIEWS, "Not visible"),
        ),
    ),
    (
        "WT13-012",
        _then(
            _typed(
                model.Review,
                summary=PLACEHOLDER,
                cases_considered=None,
                met_criteria=None,
                commissioned=None,
                published=None,
                lessons=(),
                actions=(),
                none_in_period=False,
            ),
            _hollow(Requirement.SERIOUS_CASE_REVIEWS),
        ),
    ),
    (
        "WT13-013",
        _then(
            _typed(
                model.Review,
                summary=PLACEHOLDER,
                cases_considered=None,
                met_criteria=None,
                commissioned=None,
                published=None,
                lessons=(),
                actions=(),
                none_in_period=False,
            ),
            _hollow(Requirement.MONITORING_EFFECTIVENESS, "to follow"),
        ),
    ),
    ("WT13-014", _hollow(Requirement.TRAINING_EVALUATION, "TODO: evaluate training")),
]


def test_every_wt13_rule_has_a_case() -> None:
    """No WT13 rule is left without a placeholder mutation."""
    from boardreport.rules import all_rules

    assert {r.id for r in all_rules() if r.pack == "WT13"} == {rule for rule, _ in CASES}


def test_the_reference_report_meets_every_duty_it_declares(reference: model.Report) -> None:
    """Before any mutation, none of the rules below fires unsuppressed on the reference."""
    live = [f for f in check(reference, select=["WT13"]).findings if not f.suppressed]
    assert live == []


@pytest.mark.parametrize(
    ("rule", "mutation"), CASES, ids=[f"{r}-{i}" for i, (r, _) in enumerate(CASES)]
)
def test_placeholder_content_does_not_meet_the_duty(
    reference: model.Report, rule: str, mutation: Mutation
) -> None:
    """Replacing the supporting content with a placeholder or next year's data fires the rule."""
    mutated = attrs.evolve(mutation(reference), suppressions=())
    assert mutated.sections != reference.sections or mutated != reference
    live = [
        f for f in check(mutated, select=[rule]).findings if f.rule == rule and not f.suppressed
    ]
    assert live, f"{rule} passed on placeholder content"


def test_next_years_budget_fails_the_check(
    reference: model.Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A report whose only budget is next year's exits 1, and says what budget it has."""
    mutated = _budget(_next_year)(reference)
    boardreport.dump(mutated, tmp_path / "report")
    assert main(["check", "--select", "WT13-008", str(tmp_path / "report")]) == 1
    out = capsys.readouterr().out
    assert "WT13-008 error" in out and "a budget for 2015-16" in out


def test_declared_data_not_published_is_its_own_finding(reference: model.Report) -> None:
    """A declared section that says the data was not published is a warning, not 'missing'."""
    mutated = _then(
        _typed(
            model.ChildDeathReview,
            deaths_reviewed=0,
            modifiable=None,
            breakdowns=(),
            learning=(),
            actions=(),
        ),
        _hollow(Requirement.CHILD_DEATH_REVIEWS, "The data was not published."),
    )(reference)
    [finding] = [f for f in check(mutated, select=["WT13-011"]).findings if not f.suppressed]
    assert finding.severity is Severity.WARNING
    assert finding.message.startswith("declared, data not published")


def test_an_undeclared_section_gets_the_line_to_add(reference: model.Report) -> None:
    """The training section loses its `meets`: the finding names it and the exact line."""

    def undeclare(section: model.Section) -> model.Section:
        kept = tuple(m for m in section.meets if m is not Requirement.TRAINING_EVALUATION)
        return attrs.evolve(section, meets=kept)

    [finding] = check(_sections(reference, undeclare), select=["WT13-014"]).findings
    assert 'add `meets = ["training_evaluation"]` to it' in finding.message


def test_a_missing_duty_says_what_is_nearby(reference: model.Report) -> None:
    """With no child death review, the finding points at the CDOP spending in the budget."""

    def drop(section: model.Section) -> model.Section:
        blocks = tuple(b for b in section.blocks if not isinstance(b, model.ChildDeathReview))
        meets = tuple(m for m in section.meets if m is not Requirement.CHILD_DEATH_REVIEWS)
        return attrs.evolve(section, blocks=blocks, meets=meets)

    [finding] = check(_sections(reference, drop), select=["WT13-011"]).findings
    assert "£24,000" in finding.message and "CDOP" in finding.message


def test_a_count_stated_as_not_published_is_declared_not_published(reference: model.Report) -> None:
    """A child death review whose deaths reviewed are 'not published' is its own warning."""
    unknown = model.Unknown(reason=model.UnknownReason.NOT_PUBLISHED)
    mutated = _typed(
        model.ChildDeathReview,
        deaths_reviewed=unknown,
        modifiable=None,
        breakdowns=(),
        learning=(),
        actions=(),
    )(reference)
    [finding] = [f for f in check(mutated, select=["WT13-011"]).findings if not f.suppressed]
    assert finding.severity is Severity.WARNING
    assert "states that the data was not published" in finding.message


def test_unrelated_text_does_not_meet_the_duty(reference: model.Report) -> None:
    """A declared child death section whose text is about something else fails, and says so."""
    mutated = _then(
        _typed(
            model.ChildDeathReview,
            deaths_reviewed=0,
            modifiable=None,
            breakdowns=(),
            learning=(),
            actions=(),
        ),
        _hollow(Requirement.CHILD_DEATH_REVIEWS, "The Board met four times and agreed a budget."),
    )(reference)
    [finding] = [f for f in check(mutated, select=["WT13-011"]).findings if not f.suppressed]
    assert finding.severity is Severity.ERROR
    assert "says nothing of child death reviews" in finding.message


def test_meets_line_keeps_what_the_section_declares() -> None:
    """The line to add keeps the section's other duties and adds the missing one."""
    from boardreport.rules._evidence import meets_line

    section = model.Section(id="s", title="Training", meets=(Requirement.COMMUNICATION,))
    assert meets_line(section, Requirement.TRAINING_EVALUATION) == (
        'meets = ["communication", "training_evaluation"]'
    )
