"""Pack WT15: the LSCB annual report under Working Together 2015 (chapter 3).

No change to the annual report's content was found between the 2013 and 2015 editions, so each
rule here registers the WT13 pack's check under its 2015 id, citation and severity (a guidance
"should" is a warning, a "must" an error). The LSCB's statutory functions (Children Act 2004
s13, LSCB Regulations 2006) are unchanged too and keep their WT13 checks as WT15-013 to
WT15-018; WT15-009 to WT15-012 are the catalogue's dates and notes (see docs/rules/editions.md).
"""

from __future__ import annotations

from boardreport.rules import _citations as cite
from boardreport.rules._duties import LEGACY_MODEL, SHARED_BURDEN, combined, from_rule, register
from boardreport.rules._registry import REGISTRY, Severity, pack

PACK = pack(
    "WT15",
    title="Working Together 2015: statutory content of the LSCB annual report",
    framework="wt2015",
)

_SAME = (
    "Working Together 2015 keeps the 2013 text of this duty: no change to the annual report "
    "was found between the editions."
)
_SHOULD = (
    " The 2015 text says the report *should* do this, so in this pack every finding of the "
    "check is a warning."
)


register(
    PACK,
    "WT15-001",
    name="chair-publishes",
    severity=Severity.ERROR,
    citations=(cite.children_act("14A"), cite.WT15_CHAIR),
    duty=from_rule(REGISTRY["WT13-002"]),
    why="The LSCB Chair publishes an annual report on the effectiveness of child safeguarding "
    "and promoting the welfare of children in the local area; the 2015 text marks this as a "
    "statutory requirement under Children Act 2004 section 14A (Working Together 2015, "
    'chapter 3, "LSCB Chair, accountability and resourcing").',
)
register(
    PACK,
    "WT15-002",
    name="reporting-period",
    severity=Severity.WARNING,
    citations=(cite.WT15_CHAIR,),
    duty=from_rule(REGISTRY["WT13-001"]),
    why="The report should cover the preceding financial year and fit local planning, "
    f"commissioning and budget cycles. {_SAME}{_SHOULD}",
)
register(
    PACK,
    "WT15-003",
    name="report-recipients",
    severity=Severity.WARNING,
    citations=(cite.WT15_CHAIR,),
    duty=from_rule(REGISTRY["WT13-003"]),
    why="The report should be submitted to the Chief Executive, the Leader of the Council, the "
    "local Police and Crime Commissioner and the Chair of the Health and Wellbeing Board, the "
    f"same four as in 2013. {_SAME}",
)
register(
    PACK,
    "WT15-004",
    name="effectiveness-assessment",
    severity=Severity.WARNING,
    citations=(cite.WT15_CHAIR,),
    duty=from_rule(REGISTRY["WT13-004"]),
    why="The report should provide a rigorous and transparent assessment of the performance "
    f"and effectiveness of local services. {_SAME}{_SHOULD}",
)
register(
    PACK,
    "WT15-005",
    name="weaknesses-causes-actions",
    severity=Severity.WARNING,
    citations=(cite.WT15_CHAIR,),
    duty=from_rule(REGISTRY["WT13-005"]),
    why="The report should identify areas of weakness, their causes and the action being "
    f"taken to address them, as well as other proposals for action. {_SAME}{_SHOULD}",
)
register(
    PACK,
    "WT15-006",
    name="lessons-from-reviews",
    severity=Severity.WARNING,
    citations=(cite.WT15_CHAIR, cite.WT15_CHAPTER_4, cite.WT15_CHAPTER_5),
    duty=from_rule(REGISTRY["WT13-006"]),
    why="The report should include lessons from reviews undertaken within the reporting "
    "period; the text refers to chapter 4 (the learning and improvement framework) and "
    f"chapter 5 (child death reviews). {_SAME}{_SHOULD}",
)
register(
    PACK,
    "WT15-007",
    name="contributions-and-spending",
    severity=Severity.WARNING,
    citations=(cite.WT15_CHAIR_TAIL,),
    duty=combined(from_rule(REGISTRY["WT13-007"]), from_rule(REGISTRY["WT13-008"])),
    why="The report should list the contributions made to the LSCB by partner agencies and "
    "details of what the LSCB has spent, including on Child Death Reviews, Serious Case "
    f"Reviews and other specific expenditure such as learning events or training.{_SHOULD}",
)
register(
    PACK,
    "WT15-008",
    name="shared-financial-burden",
    severity=Severity.WARNING,
    citations=(cite.WT15_BURDEN,),
    duty=SHARED_BURDEN,
    why="All LSCB members have a responsibility to contribute to its funding, sharing the "
    "financial burden so that it does not fall disproportionately on a few partners.",
)
register(
    PACK,
    "WT15-010",
    name="legacy-model",
    severity=Severity.ERROR,
    citations=(cite.WT15_TRANSITION,),
    duty=LEGACY_MODEL,
    why="Working Together 2018 replaced the 2015 edition on 4 July 2018, but chapters 3 to 5 of "
    "the 2015 edition continued to apply to each LSCB until its local safeguarding partner "
    "arrangements were in place; these had to be published by 29 June 2019 and the "
    "transition completed by 29 September 2019 (Working Together: transitional guidance, "
    "2018).",
)

for _id, _from, _why in (
    (
        "WT15-013",
        "WT13-009",
        "The Board partners of Children Act 2004 section 13(3) are unchanged in 2015.",
    ),
    ("WT15-014", "WT13-010", "The two lay members of Children Act 2004 section 13(4A)."),
    (
        "WT15-015",
        "WT13-011",
        "The child death review function of LSCB Regulations 2006 regulation 6, with Working "
        "Together 2015 chapter 5.",
    ),
    (
        "WT15-016",
        "WT13-012",
        "The serious case review function of LSCB Regulations 2006 regulation 5(1)(e) and "
        "5(2), with Working Together 2015 chapter 4.",
    ),
    ("WT15-017", "WT13-013", "The LSCB's functions under LSCB Regulations 2006 regulation 5(1)."),
    (
        "WT15-018",
        "WT13-014",
        "Working Together 2015 chapter 3 keeps the 2013 expectation that the LSCB monitors and "
        "evaluates the effectiveness of training, including multi-agency training.",
    ),
):
    _base = REGISTRY[_from]
    _citations = tuple(
        {
            cite.CHAPTER_3: cite.WT15_CHAPTER_3,
            cite.CHAPTER_4: cite.WT15_CHAPTER_4,
            cite.CHAPTER_5: cite.WT15_CHAPTER_5,
        }.get(c, c)
        for c in _base.citations
    )
    register(
        PACK,
        _id,
        name=_base.name,
        severity=_base.severity,
        citations=_citations,
        duty=from_rule(_base),
        why=f"{_why} The statutory functions of an LSCB did not change in 2015.",
    )
