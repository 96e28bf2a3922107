"""WT13 behaviour beyond the fixtures: where findings point, and what counts as meeting a duty."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from boardreport import model
from boardreport.model import Requirement, ReviewKind, StatutoryPartner
from boardreport.rules import Finding, Severity, check

Make = Callable[..., model.Report]
MakeSection = Callable[..., model.Section]


def _run(report: model.Report, rule: str) -> list[Finding]:
    return [f for f in check(report, select=[rule]).findings if f.rule == rule]


@pytest.mark.parametrize(
    ("published", "errors"),
    [(dt.date(2015, 3, 30), 1), (dt.date(2015, 3, 31), 1), (dt.date(2015, 4, 1), 0)],
)
def test_publication_must_follow_the_period(
    make_report: Make, published: dt.date, errors: int
) -> None:
    """A report dated on or before the last day of its period is an error."""
    findings = _run(make_report(publication_date=published), "WT13-001")
    assert len(findings) == errors
    assert all(f.path == "publication_date" for f in findings)


def test_period_spanning_two_years_is_not_one_financial_year(make_report: Make) -> None:
    """1 April 2013 to 31 March 2015 is two financial years."""
    findings = _run(
        make_report(period_start=dt.date(2013, 4, 1), publication_date=dt.date(2015, 6, 1)),
        "WT13-001",
    )
    assert [(f.path, f.severity) for f in findings] == [("period_end", Severity.ERROR)]


def test_declared_but_empty_section_is_named(make_report: Make, make_section: MakeSection) -> None:
    """A section that declares a duty but holds only placeholders is where the finding points."""
    report = make_report(
        sections=(
            make_section(
                "training",
                model.Placeholder(prompt="Evaluate training"),
                model.Prose(text="TODO"),
                meets=(Requirement.TRAINING_EVALUATION,),
            ),
        )
    )
    [finding] = _run(report, "WT13-014")
    assert finding.path == "training.meets"
    assert "training declares it but holds only placeholders" in finding.message


def test_duty_met_in_a_subsection_counts(make_report: Make, make_section: MakeSection) -> None:
    """Content in a nested section meets the duty its parent declares."""
    inner = make_section("impact", model.Prose(text="85% changed their practice."))
    outer = model.Section(
        id="training", title="Training", sections=(inner,), meets=(Requirement.TRAINING_EVALUATION,)
    )
    result = check(make_report(sections=(outer,)), select=["WT13-014"])
    assert not result.findings
    assert result.evidence["WT13-014"] == ("training",)


def test_audits_evidence_monitoring(make_report: Make, make_section: MakeSection) -> None:
    """A section 11 audit meets function (c) without a declared section."""
    audit = model.Review(kind=ReviewKind.SECTION_11_AUDIT, title="Section 11", summary="Done.")
    findings = _run(make_report(sections=(make_section("q", audit),)), "WT13-013")
    assert len(findings) == 3
    assert not any("5(1)(c)" in f.message for f in findings)


def test_no_membership_means_every_partner_is_missing(make_report: Make) -> None:
    """Without a membership block each of the nine statutory partners is one warning."""
    findings = _run(make_report(), "WT13-009")
    assert len(findings) == len(StatutoryPartner)
    assert {f.severity for f in findings} == {Severity.WARNING}


def test_placeholder_lessons_do_not_count(make_report: Make, make_section: MakeSection) -> None:
    """Lessons that are only TODO are no lessons."""
    review = model.Review(kind=ReviewKind.SERIOUS_CASE_REVIEW, title="SCR", lessons=("TODO",))
    assert len(_run(make_report(sections=(make_section("r", review),)), "WT13-006")) == 1
    learned = model.Review(kind=ReviewKind.OTHER, title="Audit", lessons=("Check history.",))
    assert _run(make_report(sections=(make_section("r", learned),)), "WT13-006") == []


def test_partner_contribution_matched_by_name(make_report: Make, make_section: MakeSection) -> None:
    """An income line naming the member's organisation records its contribution."""
    budget = model.Budget(
        period="2014-15",
        income=(model.IncomeLine(contributor="Police", amount=100),),
        expenditure=(),
    )
    members = model.Membership(
        members=(
            model.Member(
                name="Ch Supt", organisation="West Midlands Police", partner=StatutoryPartner.POLICE
            ),
            model.Member(name="Lead", organisation="Cafcass", partner=StatutoryPartner.CAFCASS),
        )
    )
    findings = _run(make_report(sections=(make_section("b", budget, members),)), "WT13-007")
    assert [f.message for f in findings] == [
        "no contribution is recorded or explained for Cafcass (Cafcass)"
    ]
    assert findings[0].path == "b/blocks[1].members[1]"


def test_recipients_one_finding_each(make_report: Make) -> None:
    """Each missing recipient is its own warning."""
    findings = _run(make_report(), "WT13-003")
    assert len(findings) == 4
    assert all(f.path == "recipients" for f in findings)


def test_a_recipient_the_report_is_only_to_be_sent_to_is_not_met(make_report: Make) -> None:
    """'Should be submitted to' states an intention, not a submission: it is a finding."""
    roles = list(model.RecipientRole)[:4]
    sent = [model.Recipient(role=role) for role in roles[:3]]
    planned = model.Recipient(role=roles[3], status=model.SubmissionStatus.TO_BE_SUBMITTED)
    recipients = (*sent, planned)
    findings = _run(make_report(recipients=recipients), "WT13-003")
    assert [f.path for f in findings] == ["recipients[3]"]
    assert "only that it is to be sent to the Chair of the Health and Wellbeing Board" in (
        findings[0].message
    )
    submitted = tuple(model.Recipient(role=role) for role in roles)
    assert _run(make_report(recipients=submitted), "WT13-003") == []


def test_a_seat_may_represent_several_partners(
    make_report: Make, make_section: MakeSection
) -> None:
    """A council seat that also covers the youth offending team seats both partners."""
    seat = model.Member(
        name="Director",
        organisation="City Council",
        partner=StatutoryPartner.LOCAL_AUTHORITY,
        other_partners=(StatutoryPartner.YOUTH_OFFENDING_TEAM,),
    )
    members = model.Membership(members=(seat,))
    findings = _run(make_report(sections=(make_section("b", members),)), "WT13-009")
    named = " ".join(f.message for f in findings)
    assert len(findings) == len(StatutoryPartner) - 2
    assert "youth offending team" not in named
    assert "local authority" not in named
