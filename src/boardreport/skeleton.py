"""Start a new board's report: a skeleton with a section for everything the statutory pack expects.

:func:`skeleton` returns the skeleton as a :class:`~boardreport.Report`; :func:`skeleton_files`
lays it out as report files (``report.toml``, one part file per section, one per agency return,
and the JSON Schemas editors use to complete keys); :func:`write_skeleton` writes them.

Everything a board must write is a placeholder: a text starting with ``TODO:`` or a
``placeholder`` block saying what to write. Checks treat placeholders as missing content, so
``boardreport check`` on a fresh skeleton lists exactly what is still to do.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import tomli_w

from boardreport import model
from boardreport.errors import DumpError
from boardreport.io import ROOT_FILE, write_atomic
from boardreport.io._converter import converter
from boardreport.model import (
    KPI,
    AgencyReturn,
    Attendance,
    AttendanceEntry,
    Budget,
    Chair,
    Challenge,
    ExpenditureCategory,
    ExpenditureLine,
    Glossary,
    GlossaryEntry,
    IncomeLine,
    Member,
    MemberRole,
    Membership,
    Placeholder,
    Polarity,
    PriorityArea,
    Prose,
    Recipient,
    RecipientRole,
    Report,
    Requirement,
    Review,
    ReviewKind,
    Section,
    StatutoryPartner,
)
from boardreport.schema import part_schema, report_schema

REPORT_SCHEMA_FILE = "report.schema.json"
PART_SCHEMA_FILE = "part.schema.json"
PARTS_FOLDER = "parts"
AGENCY_RETURNS_ID = "appendix-agency-returns"
"""The section whose subsections (one agency return each) are written as separate files."""

_PERIOD = re.compile(r"^(\d{4})[-/](\d{2})$")

PARTNERS: dict[StatutoryPartner, str] = {
    StatutoryPartner.LOCAL_AUTHORITY: "the local authority",
    StatutoryPartner.POLICE: "the police",
    StatutoryPartner.PROBATION: "probation",
    StatutoryPartner.YOUTH_OFFENDING_TEAM: "the youth offending team",
    StatutoryPartner.NHS_ENGLAND: "NHS England",
    StatutoryPartner.CLINICAL_COMMISSIONING_GROUP: "the clinical commissioning group",
    StatutoryPartner.NHS_TRUST: "the NHS trust or foundation trust",
    StatutoryPartner.CAFCASS: "Cafcass",
    StatutoryPartner.SECURE_ESTATE: "the secure training centre or prison",
}
"""The Board partners of Children Act 2004 s13(3), as the skeleton's prompts name them."""

INSTRUCTIONS = (
    'Replace every text that starts with "TODO:" and every `placeholder` block with your',
    "own content. `boardreport check` lists what is still missing; `boardreport serve` shows",
    "the draft.",
)


# ---------------------------------------------------------------------------------------------
# the reporting period


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """Return (1 April, 31 March) of the financial year ``text`` (``2015-16`` or ``2015/16``).

    Raises:
        ValueError: for any other form, or years that do not follow each other.
    """
    match = _PERIOD.match(text.strip())
    if match is None:
        msg = f"period must be a financial year such as 2015-16 or 2015/16, not {text!r}"
        raise ValueError(msg)
    start_year, end_short = int(match.group(1)), match.group(2)
    if f"{(start_year + 1) % 100:02d}" != end_short:
        msg = (
            f"period {text!r} is not one financial year "
            f"(did you mean {start_year}-{(start_year + 1) % 100:02d}?)"
        )
        raise ValueError(msg)
    return dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31)


def _label(start: dt.date) -> str:
    return f"{start.year}-{(start.year + 1) % 100:02d}"


@attrs.frozen(kw_only=True)
class _Context:
    board: str
    area: str
    start: dt.date
    end: dt.date

    @property
    def period(self) -> str:
        return _label(self.start)

    @property
    def next_period(self) -> str:
        return _label(dt.date(self.start.year + 1, 4, 1))

    @property
    def dates(self) -> str:
        return f"1 April {self.start.year} to 31 March {self.end.year}"


# ---------------------------------------------------------------------------------------------
# the sections, in reading order


def _foreword(c: _Context) -> Section:
    return Section(
        id="chair-foreword",
        title="Chair's foreword",
        meets=(Requirement.CHAIR_STATEMENT,),
        blocks=(
            Placeholder(
                prompt=f"TODO: The Chair's foreword: a short personal statement by the Chair on "
                f"how well children in {c.area} were safeguarded in {c.period}, what the Board "
                "achieved, where it is falling short and what it is doing about it. End with "
                "the Chair's name and title."
            ),
        ),
    )


def _introduction(c: _Context) -> Section:
    return Section(
        id="introduction",
        title="Introduction",
        blocks=(
            Prose(
                text=f"This is the annual report of the {c.board} for {c.dates}. Working "
                "Together to Safeguard Children 2013 (chapter 3, paragraphs 16 to 18) requires "
                "the Chair of a Local Safeguarding Children Board (LSCB) to publish an annual "
                "report on the effectiveness of child safeguarding and promoting the welfare of "
                "children in the local area."
            ),
            Prose(
                text="The report is submitted to the Chief Executive and the Leader of the "
                "Council, the local Police and Crime Commissioner and the Chair of the Health "
                "and Wellbeing Board."
            ),
            Placeholder(
                prompt="TODO: How this report was prepared (who contributed and which data it "
                "draws on), and how the Board and its partners will use it."
            ),
        ),
    )


def _local_context(c: _Context) -> Section:
    return Section(
        id="local-context",
        title=f"Local context: children and young people in {c.area}",
        blocks=(
            Placeholder(
                prompt=f"TODO: Describe {c.area}: how many children and young people live "
                "here, its diversity, deprivation and the other needs that shape safeguarding "
                "locally. Give each figure with its source and date."
            ),
        ),
    )


_KPIS = (
    (
        "kpi-referrals",
        "referrals to children's social care",
        "per 10,000 children",
        Polarity.NEUTRAL,
    ),
    ("kpi-re-referrals", "re-referrals within 12 months", "%", Polarity.LOWER_IS_BETTER),
    (
        "kpi-child-protection-plans",
        "children subject to a child protection plan",
        "per 10,000 children",
        Polarity.NEUTRAL,
    ),
    (
        "kpi-second-plans",
        "children becoming subject to a plan for a second or later time",
        "%",
        Polarity.LOWER_IS_BETTER,
    ),
    ("kpi-looked-after", "looked after children", "per 10,000 children", Polarity.NEUTRAL),
)


def _effectiveness(c: _Context) -> Section:
    kpis = tuple(
        KPI(
            id=kpi_id,
            label=f"TODO: {label} (or another indicator the Board monitors)",
            value=0,
            unit=unit,
            period=c.period,
            polarity=polarity,
        )
        for kpi_id, label, unit, polarity in _KPIS
    )
    return Section(
        id="effectiveness",
        title=f"How effective is safeguarding in {c.area}?",
        meets=(Requirement.EFFECTIVENESS_ASSESSMENT,),
        blocks=(
            Placeholder(
                prompt="TODO: A rigorous and transparent assessment of the performance and "
                "effectiveness of local services: what the indicators below show, how they "
                "compare with England and with statistical neighbours, and what the Board "
                "concludes. Replace each indicator's label and value; add or remove indicators."
            ),
            *kpis,
        ),
    )


def _the_board(c: _Context) -> Section:
    members = [
        Member(
            name="TODO: the Chair's name", organisation="Independent Chair", role=MemberRole.CHAIR
        )
    ]
    for partner, label in PARTNERS.items():
        note = ""
        if partner is StatutoryPartner.NHS_TRUST:
            note = "TODO: add one member for each NHS trust and foundation trust in the area."
        if partner is StatutoryPartner.SECURE_ESTATE:
            note = (
                "TODO: only where a secure training centre or prison in the area ordinarily "
                "detains children; otherwise move this partner to not_applicable with the reason."
            )
        members.append(
            Member(
                name=f"TODO: name and job title of the member for {label}",
                organisation=f"TODO: {label}",
                role=MemberRole.STATUTORY_PARTNER,
                partner=partner,
                note=note,
            )
        )
    members.extend(
        Member(name=f"TODO: lay member {n}'s name", role=MemberRole.LAY_MEMBER) for n in (1, 2)
    )
    return Section(
        id="the-board",
        title=f"The {c.board}",
        blocks=(
            Placeholder(
                prompt="TODO: How the Board is organised: its structure and committees, how "
                "often it met, who the Chair is accountable to, and how the Board works with "
                "the Health and Wellbeing Board and other partnerships."
            ),
            Membership(id="membership", members=tuple(members)),
            Placeholder(
                prompt='TODO: Add the Board\'s other members to the membership (role "invited" '
                'or "adviser"): schools and colleges, the voluntary sector, the designated '
                "doctor and nurse, the Board's legal adviser."
            ),
        ),
        sections=(
            Section(
                id="planning-services",
                title="Planning services with our partners",
                meets=(Requirement.PLANNING_SERVICES,),
                blocks=(
                    Placeholder(
                        prompt="TODO: How the Board took part in planning and commissioning "
                        "services for children: its challenge to the Health and Wellbeing "
                        "Board, the children and young people's plan, commissioning decisions."
                    ),
                ),
            ),
        ),
    )


def _priorities(c: _Context) -> Section:
    areas = tuple(
        PriorityArea(
            number=n,
            title=f"TODO: priority {n}",
            aim="TODO: What the Board set out to achieve.",
            progress="TODO: What was done and what difference it made to children.",
            work_in_progress="TODO: What is not finished yet.",
            next_year=f"TODO: What the Board will do in {c.next_period}.",
        )
        for n in (1, 2, 3)
    )
    return Section(
        id="priorities",
        title=f"Progress against our priorities for {c.period}",
        blocks=(
            Placeholder(
                prompt="TODO: How the Board chose its priorities; then one priority_area block "
                "for each priority (add or remove blocks to match)."
            ),
            *areas,
        ),
    )


def _child_deaths(c: _Context) -> Section:
    return Section(
        id="child-death-reviews",
        title="Child death reviews",
        meets=(Requirement.CHILD_DEATH_REVIEWS,),
        blocks=(
            Placeholder(
                prompt=f"TODO: The Child Death Overview Panel's work in {c.period}: how many "
                "deaths it reviewed and how often it met, how many deaths had modifiable "
                "factors, the learning and the actions taken. Replace this placeholder with a "
                "child_death_review block (the example at the end of this file)."
            ),
        ),
    )


def _case_reviews(c: _Context) -> Section:
    return Section(
        id="case-reviews",
        title="Serious case reviews and learning from reviews",
        meets=(Requirement.SERIOUS_CASE_REVIEWS, Requirement.LESSONS_FROM_REVIEWS),
        blocks=(
            Review(
                kind=ReviewKind.SERIOUS_CASE_REVIEW,
                title=f"Serious case reviews in {c.period}",
                summary="TODO: The cases the Board considered, which met the criteria for a "
                "serious case review, the reviews commissioned and published, and progress on "
                "their action plans. If there were none, say so and set none_in_period = true.",
            ),
            Review(
                kind=ReviewKind.LEARNING_REVIEW,
                title="TODO: the title of a serious case review, learning review or "
                "multi-agency audit undertaken in the year",
                summary="TODO: What the review looked at.",
                lessons=("TODO: A lesson the review identified.",),
                actions=("TODO: The action taken in response, and its progress.",),
            ),
        ),
    )


def _quality(c: _Context) -> Section:
    return Section(
        id="quality-assurance",
        title="Quality assurance and performance",
        meets=(Requirement.MONITORING_EFFECTIVENESS,),
        blocks=(
            Placeholder(
                prompt="TODO: How the Board monitored and evaluated what its partners do to "
                "safeguard children: the performance data it scrutinised, the multi-agency "
                "audits it ran, and what changed as a result."
            ),
            Review(
                kind=ReviewKind.SECTION_11_AUDIT,
                title=f"Section 11 audit {c.period}",
                summary="TODO: Which agencies completed the section 11 self-assessment, what it "
                "found, and the improvements the Board asked for.",
            ),
        ),
    )


def _learning(c: _Context) -> Section:
    return Section(
        id="learning-and-development",
        title="Learning and development",
        blocks=(
            Placeholder(
                prompt=f"TODO: The multi-agency training the Board provided or commissioned in "
                f"{c.period}: the courses, the number of places and attendance by agency (a "
                "table block works well here)."
            ),
        ),
        sections=(
            Section(
                id="training-evaluation",
                title="How effective was the training?",
                meets=(Requirement.TRAINING_EVALUATION,),
                blocks=(
                    Placeholder(
                        prompt="TODO: Evaluate the effectiveness of the training: what "
                        "participants and their managers reported some months later, the "
                        "changes in practice, and what the Board will change."
                    ),
                ),
            ),
        ),
    )


def _policies(c: _Context) -> Section:
    return Section(
        id="policies-and-procedures",
        title="Policies and procedures",
        meets=(Requirement.POLICIES_AND_PROCEDURES,),
        blocks=(
            Placeholder(
                prompt="TODO: The policies and procedures the Board developed or reviewed this "
                "year: thresholds for help, safe recruitment, training, and cooperation with "
                "neighbouring areas; how partners were told about them."
            ),
        ),
        sections=(
            Section(
                id="allegations",
                title="Allegations against people who work with children",
                blocks=(
                    Placeholder(
                        prompt="TODO: The work of the Local Authority Designated Officer "
                        "(LADO): the number of allegations, their outcomes and what was learnt."
                    ),
                ),
            ),
            Section(
                id="private-fostering",
                title="Private fostering",
                blocks=(
                    Placeholder(
                        prompt="TODO: The number of private fostering arrangements notified "
                        "and assessed, and how the Board raised awareness of the duty to notify."
                    ),
                ),
            ),
        ),
    )


def _communication(c: _Context) -> Section:
    return Section(
        id="communication",
        title="Communication and raising awareness",
        meets=(Requirement.COMMUNICATION,),
        blocks=(
            Placeholder(
                prompt=f"TODO: How the Board communicated the need to safeguard children in "
                f"{c.area}: its website, newsletters and campaigns, and how it listened to "
                "children, young people and families."
            ),
        ),
    )


def _challenges(c: _Context) -> Section:
    challenges = tuple(
        Challenge(
            title=f"TODO: area of weakness {n}",
            description="TODO: What is not working well enough, and the evidence for it.",
            cause="TODO: Why it is happening.",
            action="TODO: What is being done about it, and by when.",
            owner="TODO: Who leads the action.",
        )
        for n in (1, 2)
    )
    return Section(
        id="challenges",
        title=f"Challenges for {c.next_period}",
        meets=(Requirement.WEAKNESSES,),
        blocks=(
            Placeholder(
                prompt="TODO: The areas of weakness the Board has identified, each as a "
                "challenge block with its cause and the action being taken (add or remove "
                "blocks to match)."
            ),
            *challenges,
        ),
    )


def _attendance(c: _Context) -> Section:
    entries = [AttendanceEntry(name=f"TODO: {label}") for label in PARTNERS.values()]
    entries.extend(AttendanceEntry(name=f"TODO: lay member {n}") for n in (1, 2))
    return Section(
        id="appendix-attendance",
        title="Appendix 1: Attendance at Board meetings",
        appendix=True,
        blocks=(
            Attendance(
                id="board-attendance",
                body=f"the {c.board}",
                period=c.period,
                entries=tuple(entries),
                note="TODO: Each member's attendance as a percentage of the meetings they "
                "were due to attend (percent = 75); set the number of meetings.",
            ),
        ),
    )


_SPEND = (
    ("the Independent Chair", ExpenditureCategory.INDEPENDENT_CHAIR),
    ("Board staff salaries", ExpenditureCategory.STAFFING),
    ("Child Death Overview Panel (child death reviews)", ExpenditureCategory.CHILD_DEATH_REVIEW),
    ("serious case reviews", ExpenditureCategory.SERIOUS_CASE_REVIEW),
    ("multi-agency training and learning events", ExpenditureCategory.TRAINING),
)


def _budget(c: _Context) -> Section:
    income = tuple(
        IncomeLine(contributor=f"TODO: contribution from {label}", amount=0, partner=partner)
        for partner, label in PARTNERS.items()
    )
    spend = tuple(
        ExpenditureLine(item=f"TODO: spending on {item}", amount=0, category=category)
        for item, category in _SPEND
    )
    return Section(
        id="appendix-budget",
        title=f"Appendix 2: Budget {c.period}",
        appendix=True,
        blocks=(
            Placeholder(
                prompt="TODO: How the Board is funded and how partners share the cost. Give "
                "each contribution (set amount; 0 where a partner gave nothing, and explain "
                "why in its agency return) and each line of spending, then income_total and "
                "expenditure_total as published."
            ),
            Budget(
                id=f"budget-{c.period}",
                period=model.Period.financial_years(c.start.year),
                income=income,
                expenditure=spend,
            ),
        ),
    )


_RETURN_PROMPTS: dict[str, str] = {
    "commitment": "TODO: The agency's answer, in its own words.",
    "objectives": "TODO: The agency's safeguarding objectives for the year.",
    "achievements": "TODO: What the agency achieved against those objectives.",
    "improvement_plans": "TODO: Where the agency met barriers, and its plans to improve.",
    "impact": "TODO: The difference the agency's work made to children and families.",
    "priorities_next_year": "TODO: The agency's safeguarding priorities for next year.",
    "contribution_statement": "TODO: How effective the agency's contribution to the Board was, "
    "including its financial contribution (or why it made none).",
    "training": "TODO: The single-agency and multi-agency training the agency delivered and "
    "how it evaluated it.",
    "policy_and_procedures": "TODO: How the agency embedded the Board's policies and "
    "procedures in practice.",
    "communication": "TODO: How the agency shared safeguarding information with its workforce.",
    "improving_quality": "TODO: The agency's audits, supervision and section 11 work.",
    "performance_management": "TODO: The performance data and commentary the agency supplied "
    "to the Board.",
}


def _slug(partner: StatutoryPartner) -> str:
    return partner.value.replace("_", "-")


def _agency_returns(c: _Context) -> Section:
    returns = tuple(
        Section(
            id=f"return-{_slug(partner)}",
            title=label[0].upper() + label[1:],
            blocks=(
                AgencyReturn(
                    agency=f"TODO: the name of {label}",
                    partner=partner,
                    **_RETURN_PROMPTS,
                ),
            ),
        )
        for partner, label in PARTNERS.items()
    )
    return Section(
        id=AGENCY_RETURNS_ID,
        title="Appendix 3: Agency returns",
        appendix=True,
        blocks=(
            Placeholder(
                prompt="TODO: How the Board collected the partner agencies' annual returns. "
                "Send each agency its return file (parts/agencies/) to complete."
            ),
        ),
        sections=returns,
    )


_GLOSSARY = (
    ("CCG", "Clinical Commissioning Group"),
    ("CDOP", "Child Death Overview Panel"),
    ("LADO", "Local Authority Designated Officer"),
    ("LSCB", "Local Safeguarding Children Board"),
    ("NHS", "National Health Service"),
    ("YOT", "Youth Offending Team"),
)


def _glossary(c: _Context) -> Section:
    return Section(
        id="glossary",
        title="Appendix 4: Glossary",
        appendix=True,
        blocks=(
            Glossary(
                id="glossary",
                entries=tuple(GlossaryEntry(term=t, meaning=m) for t, m in _GLOSSARY),
            ),
        ),
    )


_SectionFn = Callable[[_Context], Section]
_SECTIONS: tuple[_SectionFn, ...] = (
    _foreword,
    _introduction,
    _local_context,
    _effectiveness,
    _the_board,
    _priorities,
    _child_deaths,
    _case_reviews,
    _quality,
    _learning,
    _policies,
    _communication,
    _challenges,
    _attendance,
    _budget,
    _agency_returns,
    _glossary,
)


# ---------------------------------------------------------------------------------------------
# the report


def skeleton(*, board: str, area: str, period: str) -> Report:
    """Return a report skeleton for ``board`` in ``area`` for the financial year ``period``.

    Every section the statutory pack expects is there, with placeholders saying what to write.

    Raises:
        ValueError: when ``board`` or ``area`` is blank, or ``period`` is not a financial year.
    """
    start, end = parse_period(period)
    for name, value in (("board", board), ("area", area)):
        if not value.strip():
            msg = f"{name} must not be blank"
            raise ValueError(msg)
    context = _Context(board=board.strip(), area=area.strip(), start=start, end=end)
    return Report(
        board=context.board,
        area=context.area,
        title=f"{context.board} Annual Report {context.period}",
        period_start=start,
        period_end=end,
        chair=Chair(name="TODO: the Chair's name", independent=True),
        recipients=tuple(
            Recipient(role=role) for role in RecipientRole if role is not RecipientRole.OTHER
        ),
        sections=tuple(build(context) for build in _SECTIONS),
    )


# ---------------------------------------------------------------------------------------------
# laying the skeleton out as files

_HEADERS: dict[str, str] = {
    "chair-foreword": "The Chair's statement (Children Act 2004 s14A; Working Together 2013 "
    "ch3 para 16).",
    "introduction": "Why the report is published and who receives it (Working Together 2013 "
    "ch3 para 16).",
    "local-context": "The area and its children: the context for the assessment that follows.",
    "effectiveness": "The assessment of the performance and effectiveness of local services "
    "(Working Together 2013 ch3 para 17).",
    "the-board": "Governance and membership: every Board partner of Children Act 2004 s13(3), "
    "and two lay members (s13(4A)).",
    "priorities": "The Board's priorities and the progress made on each.",
    "child-death-reviews": "Child Death Overview Panel activity (LSCB Regulations 2006 reg 6; "
    "Working Together 2013 ch5).",
    "case-reviews": "Serious case reviews and the lessons from reviews undertaken in the year "
    "(Working Together 2013 ch3 para 17, ch4; LSCB Regulations 2006 reg 5).",
    "quality-assurance": "Monitoring and evaluating effectiveness, including section 11 audits "
    "(LSCB Regulations 2006 reg 5(1)(c)).",
    "learning-and-development": "Multi-agency training and its evaluation (Working Together "
    "2013 ch3).",
    "policies-and-procedures": "Policies and procedures (LSCB Regulations 2006 reg 5(1)(a)).",
    "communication": "Communicating and raising awareness (LSCB Regulations 2006 reg 5(1)(b)).",
    "challenges": "Areas of weakness, their causes and the action being taken (Working "
    "Together 2013 ch3 para 17).",
    "appendix-attendance": "Attendance at Board meetings.",
    "appendix-budget": "Partner contributions and expenditure, including child death reviews, "
    "serious case reviews and training (Working Together 2013 ch3 para 18).",
    AGENCY_RETURNS_ID: "The partner agencies' annual returns; each return is its own file "
    "under agencies/.",
    "glossary": "Acronyms and terms used in the report.",
}

_AGENCY_HEADER = (
    "One partner agency's answers to the Board's annual return. Rename the title to the "
    "agency's name; leave a question out by deleting its line."
)

_EXAMPLES: dict[str, str] = {
    "effectiveness": """\
[[blocks]]
type = "kpi"
id = "kpi-re-referrals"
label = "Re-referrals to children's social care within 12 months"
value = 21.4
unit = "%"
period = "2015-16"
polarity = "lower_is_better"
source = "Children in need census"
comparators = [
  { label = "England", kind = "england", value = 24 },
  { label = "Statistical neighbours", kind = "statistical_neighbours", value = 22.9 },
]
previous = [{ period = "2014-15", value = 23.1 }]
""",
    "the-board": """\
[[blocks]]
type = "membership"
id = "membership"
members = [
  { name = "Jane Smith, Director of Children's Services", organisation = "Anytown Council", \
partner = "local_authority" },
  { name = "John Brown", role = "lay_member" },
]
not_applicable = [
  { partner = "secure_estate", reason = "There is no secure training centre or prison in \
the area." },
]
lay_member_recruitment = "A second lay member is being recruited; interviews are in May."
""",
    "child-death-reviews": """\
[[blocks]]
type = "child_death_review"
id = "cdop"
panel = "Anytown Child Death Overview Panel"
deaths_reviewed = 12
meetings = 6
modifiable = 2
learning = ["Safe sleeping advice must reach every family with a new baby."]
actions = ["Midwives and health visitors repeat the advice at every contact."]
breakdowns = [
  { label = "Age at death", counts = [["Under 1 year", 7], ["1 to 17 years", 5]] },
]
""",
    "case-reviews": """\
[[blocks]]
type = "review"
kind = "serious_case_review"
title = "Serious case reviews in 2015-16"
cases_considered = 3
met_criteria = 1
commissioned = 1
published = 0
summary = "One case met the criteria; the review will be published in the autumn."

[[blocks]]
type = "review"
kind = "serious_case_review"
title = "Serious case reviews in 2015-16"
none_in_period = true
summary = "No case met the criteria for a serious case review this year."
""",
}

_REPORT_HEADER = (
    "The report's root file: the board, the period, the Chair and the recipients, and the list",
    "of part files in reading order (one section each, under parts/).",
)
_PUBLICATION_HINT = (
    "TODO: add the date the report is published (on or after the end of the period), e.g.",
    "publication_date = {example}",
)


def _comment(lines: tuple[str, ...] | list[str]) -> str:
    return "".join(f"# {line}".rstrip() + "\n" for line in lines)


def _wrap(text: str, width: int = 96) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


def _toml(data: dict[str, Any]) -> str:
    return tomli_w.dumps(data, multiline_strings=True)


def _part_text(section: Section, *, schema: str, header: str, parts: list[str]) -> str:
    data: dict[str, Any] = converter().unstructure(section, Section)
    if parts:
        data["parts"] = parts
    text = f"#:schema {schema}\n" + _comment(_wrap(header)) + _comment(INSTRUCTIONS) + "\n"
    text += _toml(data)
    example = _EXAMPLES.get(section.id)
    if example:
        text += "\n" + _comment(["Example, to copy above and adapt:", ""])
        text += _comment(example.splitlines())
    return text


def _report_text(report: Report, parts: list[str]) -> str:
    conv = converter()
    data: dict[str, Any] = conv.unstructure(attrs.evolve(report, sections=()), Report)
    data.pop("sections", None)
    tables: dict[str, Any] = {key: data.pop(key) for key in ("chair", "recipients") if key in data}
    data["parts"] = parts
    example = dt.date(report.period_end.year, 9, 30).isoformat()
    hint = tuple(line.format(example=example) for line in _PUBLICATION_HINT)
    return (
        f"#:schema ./{REPORT_SCHEMA_FILE}\n"
        + _comment(_REPORT_HEADER)
        + _comment(INSTRUCTIONS)
        + "\n"
        + _toml(data)
        + "\n"
        + _comment(hint)
        + "\n"
        + _toml(tables)
    )


def _schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def skeleton_files(report: Report) -> dict[str, str]:
    """Return the files of ``report`` laid out as a skeleton: relative path -> text.

    ``report.toml`` lists one part file per top-level section (``parts/NN-<id>.toml``); the
    agency returns appendix includes one file per return (``parts/agencies/NN-<id>.toml``). The
    JSON Schemas sit beside ``report.toml`` and every TOML file names its schema on its first
    line (``#:schema``), so editors with TOML schema support complete and check keys.
    """
    files: dict[str, str] = {}
    names: list[str] = []
    for number, section in enumerate(report.sections, start=1):
        name = f"{PARTS_FOLDER}/{number:02d}-{section.id}.toml"
        names.append(name)
        header = _HEADERS.get(section.id, section.title)
        if section.id == AGENCY_RETURNS_ID and section.sections:
            children: list[str] = []
            for index, child in enumerate(section.sections, start=1):
                child_name = f"agencies/{index:02d}-{child.id}.toml"
                children.append(child_name)
                files[f"{PARTS_FOLDER}/{child_name}"] = _part_text(
                    child, schema=f"../../{PART_SCHEMA_FILE}", header=_AGENCY_HEADER, parts=[]
                )
            files[name] = _part_text(
                attrs.evolve(section, sections=()),
                schema=f"../{PART_SCHEMA_FILE}",
                header=header,
                parts=children,
            )
        else:
            files[name] = _part_text(
                section, schema=f"../{PART_SCHEMA_FILE}", header=header, parts=[]
            )
    files[ROOT_FILE] = _report_text(report, names)
    files[REPORT_SCHEMA_FILE] = _schema_text(report_schema())
    files[PART_SCHEMA_FILE] = _schema_text(part_schema())
    return dict(sorted(files.items(), key=lambda item: (item[0] != ROOT_FILE, item[0])))


def write_skeleton(
    folder: str | os.PathLike[str],
    *,
    board: str,
    area: str,
    period: str,
    force: bool = False,
) -> list[Path]:
    """Write a new report skeleton into ``folder`` and return the files written.

    The folder must not exist or be empty. With ``force``, the skeleton's files are written
    over any of the same name; other files are never touched, and nothing is ever deleted.
    Every file is written atomically.

    Raises:
        DumpError: when ``folder`` is a file, or holds files and ``force`` is false.
        ValueError: when ``board``, ``area`` or ``period`` is not valid (see :func:`skeleton`).
    """
    target = Path(folder)
    files = skeleton_files(skeleton(board=board, area=area, period=period))
    if target.exists() and not target.is_dir():
        msg = f"{target} exists and is not a folder"
        raise DumpError(msg)
    if target.is_dir() and any(target.iterdir()) and not force:
        msg = (
            f"{target} exists and is not empty; choose a new folder, or pass --force to write "
            "the skeleton's files into it (files of the same name are replaced, none deleted)"
        )
        raise DumpError(msg)
    written: list[Path] = []
    for name, text in files.items():
        path = target / name
        write_atomic(path, text, overwrite=True)
        written.append(path)
    return written


def placeholders(report: Report) -> list[str]:
    """Return the data path of every placeholder left in ``report``, in reading order.

    A placeholder is a ``placeholder`` block or any text field that starts with ``TODO``.
    """
    found: list[str] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, str):
            if value.strip().upper().startswith(model.PLACEHOLDER_PREFIX):
                found.append(path)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")
        elif attrs.has(type(value)):
            for attribute in attrs.fields(type(value)):
                walk(getattr(value, attribute.name), f"{path}.{attribute.name}")

    for attribute in ("board", "area", "title", "chair"):
        walk(getattr(report, attribute), attribute)
    for located in model.iter_blocks(report):
        if isinstance(located.item, Placeholder):
            found.append(located.path)
        else:
            walk(located.item, located.path)
    return found
