"""Pack WT23: the safeguarding partners' yearly report under Working Together 2023 (chapter 2).

Duties the 2018 edition already had run the same shared checks as pack WT18. WT23-007 (no
fixed period, deadline or recipients was found), WT23-010 and WT23-011 (dates, the framework)
and WT23-012 (the child death review partners) are notes, not checks (docs/rules/editions.md).
"""

from __future__ import annotations

from boardreport.rules import _citations as cite
from boardreport.rules import _duties as duties
from boardreport.rules._registry import Severity, pack

PACK = pack(
    "WT23",
    title="Working Together 2023: the safeguarding partners' yearly report",
    framework="wt2023",
)

register = duties.register

register(
    PACK,
    "WT23-001",
    name="yearly-report",
    severity=Severity.ERROR,
    citations=(cite.WT23_REPORTING, cite.CSWA_PART_2),
    duty=duties.YEARLY_PERIOD,
    why="The safeguarding partners must jointly report on the activity they have undertaken "
    'in a 12-month period (Working Together 2023, chapter 2, "Reporting"). No fixed period '
    "or deadline was found, so none is assumed beyond 12 months.",
)
register(
    PACK,
    "WT23-002",
    name="transparent-and-accessible",
    severity=Severity.WARNING,
    citations=(cite.WT23_REPORTING,),
    duty=duties.ACCESSIBLE,
    why="Reporting should be transparent and easily accessible to families and professionals.",
)
register(
    PACK,
    "WT23-003",
    name="priorities-learning-impact",
    severity=Severity.WARNING,
    citations=(cite.WT23_REPORTING,),
    duty=duties.FOCUS,
    why="Reports should focus on multi-agency priorities, learning, impact, evidence and "
    "improvement.",
)
register(
    PACK,
    "WT23-004",
    name="activity-and-effectiveness",
    severity=Severity.ERROR,
    citations=(cite.WT23_REPORTING,),
    duty=duties.ACTIVITY_AND_EFFECTIVENESS,
    why="Reports must include what was done as a result of the arrangements, including on "
    "child safeguarding practice reviews, and how effective the arrangements have been in "
    "practice.",
)
register(
    PACK,
    "WT23-005",
    name="impact-progress-reviews-feedback",
    severity=Severity.WARNING,
    citations=(cite.WT23_SHOULD_LIST,),
    duty=duties.combined(
        duties.IMPACT_EVIDENCE,
        duties.LITTLE_OR_NO_PROGRESS,
        duties.PRACTICE_REVIEW_ACTIONS,
        duties.FEEDBACK,
    ),
    why="The should-list appears to keep the four Working Together 2018 items: impact "
    "including training, little or no progress, decisions and actions on practice reviews, "
    'and feedback from children and families; a local manual headed "WT December 2023" '
    "lists those four plus the response to learning from reviews, rapid reviews and child "
    "deaths.",
)
register(
    PACK,
    "WT23-006",
    name="contributions-agencies-scrutiny-changes",
    severity=Severity.WARNING,
    citations=(cite.WT23_NEW_CONTENT,),
    duty=duties.NEW_CONTENT,
    why="The DfE's summary of changes says chapter 2 clarifies expectations on "
    "information-sharing, independent scrutiny, funding and reporting. The content believed "
    "to be expected: each partner's contribution and funding, how education, childcare and "
    "relevant agencies were involved, the scrutineer's findings and changes to the "
    "arrangements.",
)
register(
    PACK,
    "WT23-008",
    name="independent-scrutiny",
    severity=Severity.ERROR,
    citations=(cite.WT23_SCRUTINY,),
    duty=duties.scrutiny_duty(contribution=True),
    why="The partners must ensure that effective independent scrutiny arrangements are in "
    "place (an error when none is named). Among its functions, the scrutiny should evaluate "
    "and contribute to the published arrangements and the annual report (warnings).",
)
register(
    PACK,
    "WT23-009",
    name="lead-partners-and-chair",
    severity=Severity.WARNING,
    citations=(cite.WT23_ROLES, cite.S16E),
    duty=duties.combined(duties.LEAD_PARTNERS, duties.AGENCIES_AND_EDUCATION),
    why="Working Together 2023 names lead safeguarding partners (the heads of the local "
    "authority, the police and the integrated care board) and delegated safeguarding "
    "partners, adds a partnership chair, and gives education and childcare a stronger role "
    "in strategic decisions.",
)
