"""Pack WT18: the safeguarding partners' yearly report under Working Together 2018 (chapter 3).

The duties the 2023 edition keeps are shared checks (:mod:`boardreport.rules._duties`),
registered here under their 2018 ids. WT18-014 and WT18-015 are the catalogue's dates and the
December 2020 update (see docs/rules/editions.md).
"""

from __future__ import annotations

from boardreport.model import RecipientRole
from boardreport.rules import _citations as cite
from boardreport.rules import _duties as duties
from boardreport.rules._registry import Severity, pack

PACK = pack(
    "WT18",
    title="Working Together 2018: the safeguarding partners' yearly report",
    framework="wt2018",
)

register = duties.register

register(
    PACK,
    "WT18-001",
    name="yearly-report",
    severity=Severity.ERROR,
    citations=(cite.WT18_REPORTING, cite.CSWA_PART_2),
    duty=duties.YEARLY_PERIOD,
    why="The three safeguarding partners must publish a report at least once in every "
    "12-month period, so that children, families and practitioners can see what was done "
    '(Working Together 2018, chapter 3, "Reporting").',
)
register(
    PACK,
    "WT18-002",
    name="activity-and-effectiveness",
    severity=Severity.ERROR,
    citations=(cite.WT18_REPORTING,),
    duty=duties.ACTIVITY_AND_EFFECTIVENESS,
    why="The report must set out what the partners have done as a result of the arrangements, "
    "including on child safeguarding practice reviews, and how effective the arrangements "
    'have been in practice (Working Together 2018, chapter 3, "Reporting").',
)
register(
    PACK,
    "WT18-003",
    name="impact-evidence",
    severity=Severity.WARNING,
    citations=(cite.WT18_REPORTING,),
    duty=duties.IMPACT_EVIDENCE,
    why="The report should include evidence of the impact of the work of the partners and "
    "relevant agencies, including training, on outcomes for children and families, from "
    "early help to looked-after children and care leavers. The Panel's analysis of 2020-21 "
    "reports found 11 of 18 gave no information on impact, and training evaluation was "
    "mostly attendee feedback.",
)
register(
    PACK,
    "WT18-004",
    name="little-or-no-progress",
    severity=Severity.WARNING,
    citations=(cite.WT18_REPORTING,),
    duty=duties.LITTLE_OR_NO_PROGRESS,
    why="The report should include an analysis of any areas where there has been little or "
    "no evidence of progress on agreed priorities.",
)
register(
    PACK,
    "WT18-005",
    name="practice-review-actions",
    severity=Severity.WARNING,
    citations=(cite.WT18_REPORTING,),
    duty=duties.PRACTICE_REVIEW_ACTIONS,
    why="The report should include a record of decisions and actions taken by the partners in "
    "the report's period, or planned, to implement the recommendations of any local and "
    "national child safeguarding practice reviews, including any resulting improvements.",
)
register(
    PACK,
    "WT18-006",
    name="feedback-from-children-and-families",
    severity=Severity.WARNING,
    citations=(cite.WT18_REPORTING,),
    duty=duties.FEEDBACK,
    why="The report should describe how the partners sought and used feedback from children "
    "and families to inform their work and influence service provision.",
)
register(
    PACK,
    "WT18-007",
    name="widely-available",
    severity=Severity.WARNING,
    citations=(cite.WT18_PUBLICATION,),
    duty=duties.PUBLICATION,
    why="The report should be made widely available, and the published arrangements say "
    "where reports will be published.",
)
register(
    PACK,
    "WT18-008",
    name="sent-to-panel-and-what-works-centre",
    severity=Severity.WARNING,
    citations=(cite.WT18_SENDING,),
    duty=duties.submitted_to(
        RecipientRole.CHILD_SAFEGUARDING_PRACTICE_REVIEW_PANEL, RecipientRole.WHAT_WORKS_CENTRE
    ),
    why="A copy of the report goes to the Child Safeguarding Practice Review Panel and the "
    "What Works Centre for Children's Social Care within seven days of publication. The "
    "seven days cannot be checked from the report; only the recipients are.",
)
register(
    PACK,
    "WT18-009",
    name="independent-scrutiny",
    severity=Severity.WARNING,
    citations=(cite.WT18_SCRUTINY,),
    duty=duties.scrutiny_duty(contribution=False),
    why="Independent scrutiny gives assurance in judging how effective the multi-agency "
    "arrangements are, including those for identifying and reviewing serious cases. How it "
    "is done is decided locally, but it should be objective, act as a constructive critical "
    "friend and promote reflection.",
)
register(
    PACK,
    "WT18-010",
    name="scrutineer-contribution",
    severity=Severity.INFO,
    citations=(cite.WT18_LOCAL_SCRUTINY,),
    duty=duties.LOCAL_SCRUTINY_CONTRIBUTION,
    why="Working Together 2018 does not, as far as read, ask the scrutineer to contribute to "
    "the yearly report; some local arrangements chose to (Bexley; Kingston and Richmond), and "
    "Working Together 2023 asks for it. This rule only informs.",
)
register(
    PACK,
    "WT18-011",
    name="published-arrangements",
    severity=Severity.WARNING,
    citations=(cite.WT18_ARRANGEMENTS,),
    duty=duties.AGENCIES_AND_EDUCATION,
    why="The published arrangements name the partners, say which relevant agencies take part "
    "and why, and how early years settings, schools and other educational establishments "
    "are included; the yearly report is cross-checked against them.",
)
register(
    PACK,
    "WT18-012",
    name="funding",
    severity=Severity.WARNING,
    citations=(cite.WT18_FUNDING,),
    duty=duties.PARTNER_FUNDING,
    why="The partners agree each partner's level of funding; it should be equitable and "
    "proportionate, with contributions from relevant agencies, and transparent.",
)
register(
    PACK,
    "WT18-013",
    name="safeguarding-partners",
    severity=Severity.ERROR,
    citations=(cite.S16E,),
    duty=duties.SAFEGUARDING_PARTNERS_DUTY,
    why="The safeguarding partners are the local authority, the clinical commissioning group "
    "(an integrated care board after the 2022 amendment) and the chief officer of police; "
    "they must make arrangements to work together, with the relevant agencies they consider "
    "appropriate (Children Act 2004 section 16E(1) to (3)).",
)
