"""Build a small annual report in Python with boardreport's model classes, and write it as TOML.

Usage: python docs/examples/build_in_python.py OUT [--overwrite]

OUT becomes a report folder (report.toml and one part file per section) that
``boardreport check OUT`` passes and ``boardreport build OUT`` renders. Python is handy where
content repeats: here the membership, the attendance and the partners' contributions all come
from one list of partners.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from decimal import Decimal

import boardreport
from boardreport import (
    KPI,
    Attendance,
    AttendanceEntry,
    Budget,
    Chair,
    Challenge,
    ChildDeathReview,
    ExpenditureLine,
    Glossary,
    GlossaryEntry,
    IncomeLine,
    Member,
    Membership,
    PartnerNotApplicable,
    Prose,
    Recipient,
    Report,
    Review,
    Section,
)
from boardreport.model import (
    ExpenditureCategory,
    MemberRole,
    RecipientRole,
    Requirement,
    ReviewKind,
    StatutoryPartner,
)

BOARD = "Eastmere Safeguarding Children Board"
AREA = "Eastmere"

# (partner, organisation, member, contribution in £, attendance in %)
PARTNERS = [
    (
        StatutoryPartner.LOCAL_AUTHORITY,
        "Eastmere Council",
        "Director of Children's Services",
        61000,
        100,
    ),
    (StatutoryPartner.POLICE, "Eastmere Police", "Head of Public Protection", 9000, 80),
    (
        StatutoryPartner.PROBATION,
        "National Probation Service",
        "Head of Eastmere Probation",
        1200,
        60,
    ),
    (
        StatutoryPartner.YOUTH_OFFENDING_TEAM,
        "Eastmere Youth Offending Team",
        "Head of Service",
        1500,
        100,
    ),
    (StatutoryPartner.NHS_ENGLAND, "NHS England", "Head of Safeguarding", 0, 40),
    (StatutoryPartner.CLINICAL_COMMISSIONING_GROUP, "Eastmere CCG", "Chief Nurse", 18000, 100),
    (StatutoryPartner.NHS_TRUST, "Eastmere NHS Foundation Trust", "Director of Nursing", 4000, 80),
    (StatutoryPartner.CAFCASS, "Cafcass", "Service Manager", 550, 60),
]

SPENDING = [
    ("Independent Chair", 12000, ExpenditureCategory.INDEPENDENT_CHAIR),
    ("Business unit salaries", 55000, ExpenditureCategory.STAFFING),
    ("Child Death Overview Panel", 8000, ExpenditureCategory.CHILD_DEATH_REVIEW),
    ("Serious case reviews", 0, ExpenditureCategory.SERIOUS_CASE_REVIEW),
    ("Multi-agency training", 20250, ExpenditureCategory.TRAINING),
]


def prose_section(section_id: str, title: str, text: str, *meets: Requirement) -> Section:
    """A section of one paragraph that meets the given statutory duties."""
    return Section(id=section_id, title=title, blocks=(Prose(text=text),), meets=meets)


def membership() -> Section:
    """The Board's members: one seat per partner, the Chair and two lay members."""
    members = [Member(name="Sam Patel", organisation="Independent Chair", role=MemberRole.CHAIR)]
    members += [
        Member(name=who, organisation=organisation, partner=partner)
        for partner, organisation, who, _, _ in PARTNERS
    ]
    members += [Member(name=name, role=MemberRole.LAY_MEMBER) for name in ("Jo Reid", "Ali Khan")]
    not_applicable = PartnerNotApplicable(
        partner=StatutoryPartner.SECURE_ESTATE,
        reason="No secure training centre or prison in Eastmere detains children.",
    )
    return Section(
        id="the-board",
        title="The Board",
        blocks=(
            Membership(id="membership", members=tuple(members), not_applicable=(not_applicable,)),
        ),
        sections=(
            prose_section(
                "planning",
                "Planning services",
                "The Board agreed the Children and Young People's Plan with the Health and "
                "Wellbeing Board.",
                Requirement.PLANNING_SERVICES,
            ),
        ),
    )


def budget() -> Section:
    """Contributions from the partners and the Board's spending, with totals as published."""
    income = tuple(
        IncomeLine(contributor=organisation, amount=amount, partner=partner)
        for partner, organisation, _, amount, _ in PARTNERS
    )
    spending = tuple(
        ExpenditureLine(item=item, amount=amount, category=category)
        for item, amount, category in SPENDING
    )
    return Section(
        id="budget",
        title="Appendix: Budget 2015-16",
        appendix=True,
        blocks=(
            Budget(
                id="budget-2015-16",
                period="2015-16",
                income=income,
                expenditure=spending,
                income_total=sum(line.amount for line in income),
                expenditure_total=sum(line.amount for line in spending),
            ),
        ),
    )


def attendance() -> Section:
    """Attendance at the Board's six meetings."""
    entries = tuple(
        AttendanceEntry(name=organisation, percent=percent)
        for _, organisation, _, _, percent in PARTNERS
    )
    return Section(
        id="attendance",
        title="Appendix: Attendance",
        appendix=True,
        blocks=(
            Attendance(
                id="attendance", body="the Board", period="2015-16", meetings=6, entries=entries
            ),
        ),
    )


def build_report() -> Report:
    """The whole report."""
    return Report(
        board=BOARD,
        area=AREA,
        title=f"{BOARD} Annual Report 2015-16",
        period_start=dt.date(2015, 4, 1),
        period_end=dt.date(2016, 3, 31),
        publication_date=dt.date(2016, 9, 30),
        chair=Chair(name="Sam Patel", independent=True),
        recipients=tuple(
            Recipient(role=role) for role in RecipientRole if role is not RecipientRole.OTHER
        ),
        sections=(
            prose_section(
                "foreword",
                "Chair's foreword",
                "Children in Eastmere are safer than a year ago, but neglect is found too late.",
                Requirement.CHAIR_STATEMENT,
            ),
            Section(
                id="effectiveness",
                title="How effective is safeguarding in Eastmere?",
                meets=(Requirement.EFFECTIVENESS_ASSESSMENT,),
                blocks=(
                    Prose(text="Re-referrals fell, and are now below the England rate."),
                    KPI(
                        id="re-referrals",
                        label="Re-referrals within 12 months",
                        value=Decimal("20.5"),
                        unit="%",
                        period="2015-16",
                    ),
                ),
            ),
            membership(),
            Section(
                id="reviews",
                title="Child deaths and case reviews",
                meets=(Requirement.LESSONS_FROM_REVIEWS,),
                blocks=(
                    ChildDeathReview(
                        panel="Eastmere Child Death Overview Panel",
                        deaths_reviewed=9,
                        modifiable=1,
                        learning=("Safe sleeping advice must be repeated at every contact.",),
                    ),
                    Review(
                        kind=ReviewKind.SERIOUS_CASE_REVIEW,
                        title="Serious case reviews",
                        none_in_period=True,
                        summary="No case met the criteria for a serious case review.",
                    ),
                    Review(
                        kind=ReviewKind.SECTION_11_AUDIT,
                        title="Section 11 audit",
                        summary="All eight partners completed the audit.",
                    ),
                ),
            ),
            prose_section(
                "policies",
                "Policies and procedures",
                "The Board revised its threshold document in July 2015.",
                Requirement.POLICIES_AND_PROCEDURES,
            ),
            prose_section(
                "communication",
                "Communication",
                "The Board's newsletter reaches 1,500 practitioners.",
                Requirement.COMMUNICATION,
            ),
            prose_section(
                "training",
                "Training and its effectiveness",
                "Three months after training, 80% of participants had changed their practice.",
                Requirement.TRAINING_EVALUATION,
            ),
            Section(
                id="challenges",
                title="Challenges",
                blocks=(
                    Challenge(
                        title="Neglect is recognised late",
                        cause="Practitioners wait for a single serious incident.",
                        action="Neglect training for every school by March 2017.",
                    ),
                ),
            ),
            attendance(),
            budget(),
            Section(
                id="glossary",
                title="Appendix: Glossary",
                appendix=True,
                blocks=(
                    Glossary(
                        entries=(
                            GlossaryEntry(term="CCG", meaning="Clinical Commissioning Group"),
                            GlossaryEntry(term="NHS", meaning="National Health Service"),
                        )
                    ),
                ),
            ),
        ),
    )


def main(argv: list[str] | None = None) -> int:
    """Write the report to the folder named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", help="folder to write the report to")
    parser.add_argument("--overwrite", action="store_true", help="replace existing files")
    args = parser.parse_args(argv)
    try:
        root = boardreport.dump(build_report(), args.out, overwrite=args.overwrite)
    except boardreport.DumpError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"Wrote {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
