"""Pack CA14: the Safeguarding Adults Board annual report (Care Act 2014 Schedule 2 para 4).

Every item of paragraph 4 is statute, so each is an error; SCIE's good-practice checklist
(CA14-010) gives warnings. CA14-011 (dates) is a note (docs/rules/editions.md).
"""

from __future__ import annotations

from boardreport.model import RecipientRole, Requirement
from boardreport.rules import _citations as cite
from boardreport.rules import _duties as duties
from boardreport.rules._registry import REGISTRY, Severity, pack
from boardreport.rules.packs import wt13 as _wt13  # noqa: F401 (registers WT13-001)

PACK = pack(
    "CA14",
    title="Care Act 2014: the Safeguarding Adults Board annual report",
    framework="ca2014",
)

register = duties.register

register(
    PACK,
    "CA14-001",
    name="after-each-financial-year",
    severity=Severity.ERROR,
    citations=(cite.care_act("4(1)"),),
    duty=duties.from_rule(REGISTRY["WT13-001"]),
    why="As soon as is feasible after the end of each financial year, the Board must publish "
    "a report (Care Act 2014, Schedule 2, paragraph 4(1)).",
)
register(
    PACK,
    "CA14-002",
    name="objective",
    severity=Severity.ERROR,
    citations=(cite.care_act("4(1)(a)"),),
    duty=duties.requirement_duty(
        Requirement.ACTIVITY,
        "account of what the Board did during the year to achieve its objective",
        "A section says what the Board did during the year to achieve its objective",
        "Say what the Board did in the year to help and protect adults with care and support "
        "needs in the area.",
    ),
    why="The report must say what the Board has done during the year to achieve its objective "
    "(paragraph 4(1)(a)).",
)
register(
    PACK,
    "CA14-003",
    name="strategy",
    severity=Severity.ERROR,
    citations=(cite.care_act("4(1)(b)"),),
    duty=duties.STRATEGY,
    why="The report must say what the Board has done during the year to implement its "
    "strategy (paragraph 4(1)(b)).",
)
register(
    PACK,
    "CA14-004",
    name="each-member",
    severity=Severity.ERROR,
    citations=(cite.care_act("4(1)(c)"),),
    duty=duties.MEMBER_CONTRIBUTIONS,
    why="The report must say what each member has done during the year to implement the "
    "strategy (paragraph 4(1)(c)).",
)
register(
    PACK,
    "CA14-005",
    name="review-findings",
    severity=Severity.ERROR,
    citations=(cite.care_act("4(1)(d)"),),
    duty=duties.SAR_FINDINGS,
    why="The report must give the findings of the reviews arranged under section 44 "
    "(safeguarding adults reviews) that concluded in the year, whenever they began "
    "(paragraph 4(1)(d)).",
)
register(
    PACK,
    "CA14-006",
    name="reviews-ongoing",
    severity=Severity.ERROR,
    citations=(cite.care_act("4(1)(e)"),),
    duty=duties.requirement_duty(
        Requirement.SAFEGUARDING_ADULTS_REVIEWS_ONGOING,
        "account of the safeguarding adults reviews still ongoing at the end of the year",
        "A section names the section 44 reviews still ongoing at the end of the year, "
        "whenever they began, or says there were none",
        "List the reviews in progress at 31 March, or say there were none.",
    ),
    why="The report must give the section 44 reviews which are ongoing at the end of the year, "
    "whenever they began (paragraph 4(1)(e)).",
)
register(
    PACK,
    "CA14-007",
    name="implementing-findings",
    severity=Severity.ERROR,
    citations=(cite.care_act("4(1)(f)"),),
    duty=duties.SAR_ACTIONS,
    why="The report must say what the Board has done during the year to implement the findings "
    "of its section 44 reviews (paragraph 4(1)(f)).",
)
register(
    PACK,
    "CA14-008",
    name="findings-not-implemented",
    severity=Severity.ERROR,
    citations=(cite.care_act("4(1)(g)"),),
    duty=duties.requirement_duty(
        Requirement.FINDINGS_NOT_IMPLEMENTED,
        "statement of the review findings the Board decided not to implement, with the "
        "reasons (or that it implemented every finding)",
        "A section gives each review finding the Board decided during the year not to "
        "implement, with the reasons, or says that there was none",
        "Give each finding not implemented and why, or say that every finding is being "
        "implemented.",
    ),
    why="Where the Board decided during the year not to implement a finding of a section 44 "
    "review, the report must give the reasons (paragraph 4(1)(g)). A report silent on it "
    "cannot be told apart from one that leaves the reasons out, so a statement is asked for.",
)
register(
    PACK,
    "CA14-009",
    name="copies-sent",
    severity=Severity.ERROR,
    citations=(cite.care_act("4(2)"),),
    duty=duties.submitted_to(
        RecipientRole.CHIEF_EXECUTIVE,
        RecipientRole.LEADER_OF_THE_COUNCIL,
        RecipientRole.POLICE_AND_CRIME_COMMISSIONER,
        RecipientRole.LOCAL_HEALTHWATCH,
        RecipientRole.HEALTH_AND_WELLBEING_BOARD_CHAIR,
    ),
    why="The Board must send a copy to the chief executive and the leader of the local "
    "authority that set it up, the local policing body, the Local Healthwatch organisation "
    "and the chair of the Health and Wellbeing Board (paragraph 4(2); the local policing "
    "body as in Police Act 1996 s101, paragraph 4(3)).",
)
register(
    PACK,
    "CA14-010",
    name="good-practice",
    severity=Severity.WARNING,
    citations=(cite.SCIE_CHECKLIST,),
    duty=duties.PUBLICATION,
    why="Good practice (SCIE, not statute): keep the report publicly available on the Board's "
    "and members' websites, in accessible formats; say how member agencies performed and "
    "worked together; send the strategic plan with it and use it to consult on next year's "
    "plan. Only where the report is published can be checked from the report.",
)
