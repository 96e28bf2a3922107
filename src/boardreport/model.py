"""The typed components of an LSCB annual report.

Every class is an immutable attrs class with keyword-only arguments, so a report built in Python
reads like its TOML. Numbers are ``int`` or ``decimal.Decimal``, never binary floats. Text fields
hold Markdown. A text that starts with ``TODO`` is a placeholder: it renders, but every check
treats it as missing content.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, TypeAlias

import attrs
from attrs import field, frozen

Number: TypeAlias = int | Decimal
Cell: TypeAlias = str | int | Decimal

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PLACEHOLDER_PREFIX = "TODO"


def is_placeholder(text: str) -> bool:
    """Return True when ``text`` is empty or a ``TODO`` placeholder."""
    stripped = text.strip()
    return not stripped or stripped.upper().startswith(PLACEHOLDER_PREFIX)


def has_content(text: str | None) -> bool:
    """Return True when ``text`` carries real (non-placeholder) content."""
    return text is not None and not is_placeholder(text)


# ---------------------------------------------------------------------------------------------
# validators


def _check_number(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        kind = type(value).__name__
        msg = f"'{attribute.name}' must be an integer or a decimal, not {kind}: {value!r}"
        raise TypeError(msg)


def _check_optional_number(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _check_number(instance, attribute, value)


def _check_cells(_: Any, attribute: attrs.Attribute[Any], rows: Any) -> None:
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if isinstance(cell, bool | float) or not isinstance(cell, str | int | Decimal):
                msg = (
                    f"'{attribute.name}[{r}][{c}]' must be text, an integer or a decimal, "
                    f"not {type(cell).__name__}: {cell!r}"
                )
                raise TypeError(msg)


def _check_id(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        msg = (
            f"'{attribute.name}' must be lower-case letters, digits and hyphens "
            f"(for example 'chair-foreword'): {value!r}"
        )
        raise ValueError(msg)


def _tuple(value: Any) -> Any:
    """Convert lists to tuples so reports stay immutable and hashable."""
    if isinstance(value, list):
        return tuple(_tuple(v) if isinstance(v, list) else v for v in value)
    return value


def _rows(value: Any) -> Any:
    return tuple(tuple(row) for row in value)


# ---------------------------------------------------------------------------------------------
# enumerations


class Polarity(enum.Enum):
    """Which direction of change is an improvement for a KPI."""

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    NEUTRAL = "neutral"


class ComparatorKind(enum.Enum):
    """What a KPI is compared with."""

    NATIONAL = "national"
    ENGLAND = "england"
    ENGLAND_AND_WALES = "england_and_wales"
    REGIONAL = "regional"
    STATISTICAL_NEIGHBOURS = "statistical_neighbours"
    TARGET = "target"
    OTHER = "other"


class ColumnType(enum.Enum):
    """The type of the values in a table column."""

    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    PERCENT = "percent"
    MONEY = "money"


class ChartKind(enum.Enum):
    """The chart types boardreport draws."""

    BAR = "bar"
    GROUPED_BAR = "grouped_bar"
    STACKED_BAR = "stacked_bar"
    HORIZONTAL_BAR = "horizontal_bar"
    LINE = "line"


class IncomeKind(enum.Enum):
    """The kind of an income line."""

    CASH = "cash"
    IN_KIND = "in_kind"
    ONE_OFF = "one_off"
    CARRIED_FORWARD = "carried_forward"
    GENERATED = "generated"
    GRANT = "grant"


class ExpenditureCategory(enum.Enum):
    """Spending categories; the statutory ones are named in WT2013 ch3 para 18."""

    STAFFING = "staffing"
    INDEPENDENT_CHAIR = "independent_chair"
    TRAINING = "training"
    LEARNING_EVENTS = "learning_events"
    CHILD_DEATH_REVIEW = "child_death_review"
    SERIOUS_CASE_REVIEW = "serious_case_review"
    VENUES_AND_CATERING = "venues_and_catering"
    TRAVEL = "travel"
    SUPPLIES = "supplies"
    IT = "it"
    INSURANCE = "insurance"
    OTHER = "other"


class MemberRole(enum.Enum):
    """How a member sits on the Board."""

    CHAIR = "chair"
    STATUTORY_PARTNER = "statutory_partner"
    LAY_MEMBER = "lay_member"
    INVITED = "invited"
    ADVISER = "adviser"
    OBSERVER = "observer"
    OFFICER = "officer"


class StatutoryPartner(enum.Enum):
    """Board partners named in Children Act 2004 s13(3)."""

    LOCAL_AUTHORITY = "local_authority"
    POLICE = "police"
    PROBATION = "probation"
    YOUTH_OFFENDING_TEAM = "youth_offending_team"
    NHS_ENGLAND = "nhs_england"
    CLINICAL_COMMISSIONING_GROUP = "clinical_commissioning_group"
    NHS_TRUST = "nhs_trust"
    CAFCASS = "cafcass"
    SECURE_ESTATE = "secure_estate"


class RecipientRole(enum.Enum):
    """Who the report is submitted to (WT2013 ch3 para 16)."""

    CHIEF_EXECUTIVE = "chief_executive"
    LEADER_OF_THE_COUNCIL = "leader_of_the_council"
    POLICE_AND_CRIME_COMMISSIONER = "police_and_crime_commissioner"
    HEALTH_AND_WELLBEING_BOARD_CHAIR = "health_and_wellbeing_board_chair"
    OTHER = "other"


class ReviewKind(enum.Enum):
    """Kinds of case review and audit."""

    SERIOUS_CASE_REVIEW = "serious_case_review"
    LEARNING_REVIEW = "learning_review"
    MULTI_AGENCY_AUDIT = "multi_agency_audit"
    SINGLE_AGENCY_AUDIT = "single_agency_audit"
    SECTION_11_AUDIT = "section_11_audit"
    DOMESTIC_HOMICIDE_REVIEW = "domestic_homicide_review"
    OTHER = "other"


class ClaimKind(enum.Enum):
    """How a figure in prose is recomputed from data."""

    VALUE = "value"  # the stated figure equals the referenced value
    SUM = "sum"  # the stated figure equals the sum of the referenced values
    SHARE = "share"  # stated percent = 100 * sum(refs) / sum(of)
    CHANGE = "change"  # stated percent change from `of` to `refs`


class Requirement(enum.Enum):
    """Content duties a section can declare it meets (see the rule packs)."""

    CHAIR_STATEMENT = "chair_statement"
    EFFECTIVENESS_ASSESSMENT = "effectiveness_assessment"
    LESSONS_FROM_REVIEWS = "lessons_from_reviews"
    CHILD_DEATH_REVIEWS = "child_death_reviews"
    SERIOUS_CASE_REVIEWS = "serious_case_reviews"
    POLICIES_AND_PROCEDURES = "policies_and_procedures"
    COMMUNICATION = "communication"
    MONITORING_EFFECTIVENESS = "monitoring_effectiveness"
    PLANNING_SERVICES = "planning_services"
    TRAINING_EVALUATION = "training_evaluation"
    PARTNER_CONTRIBUTIONS = "partner_contributions"
    EXPENDITURE = "expenditure"
    WEAKNESSES = "weaknesses"


# ---------------------------------------------------------------------------------------------
# small value objects


@frozen(kw_only=True)
class Person:
    """A named person with a role, for leads, authors and chairs."""

    name: str
    role: str = ""
    organisation: str = ""


@frozen(kw_only=True)
class Chair:
    """The Chair who publishes the report (Children Act 2004 s14A)."""

    name: str
    independent: bool = False
    title: str = "Chair"


class SubmissionStatus(enum.Enum):
    """Whether the report says it was submitted to a recipient, or only that it should be."""

    SUBMITTED = "submitted"
    TO_BE_SUBMITTED = "to_be_submitted"


@frozen(kw_only=True)
class Recipient:
    """A person or body the report is submitted to.

    ``status`` keeps what the report says: ``"submitted"`` (the default), or
    ``"to_be_submitted"`` when it says only that it should or will be submitted to them.
    """

    role: RecipientRole
    name: str = ""
    status: SubmissionStatus = SubmissionStatus.SUBMITTED


@frozen(kw_only=True)
class Suppression:
    """A finding the board accepts, with the reason it stands (for example a published error)."""

    rule: str
    target: str
    reason: str


@frozen(kw_only=True)
class Comparator:
    """A value a KPI is compared with."""

    label: str
    value: Number = field(validator=_check_number)
    kind: ComparatorKind = ComparatorKind.OTHER
    period: str = ""


@frozen(kw_only=True)
class PreviousValue:
    """An earlier value of a KPI."""

    period: str
    value: Number = field(validator=_check_number)


@frozen(kw_only=True)
class Claim:
    """A figure stated in prose that a check recomputes from data.

    ``text`` is the figure exactly as it appears in the prose (for example ``"58%"``); ``refs``
    and ``of`` are data references (see docs/format.md, "References").
    """

    kind: ClaimKind
    text: str
    stated: Number = field(validator=_check_number)
    refs: tuple[str, ...] = field(converter=_tuple)
    of: tuple[str, ...] = field(default=(), converter=_tuple)
    tolerance: Number = field(default=Decimal("0.5"), validator=_check_number)


# ---------------------------------------------------------------------------------------------
# blocks: the content of a section


@frozen(kw_only=True)
class Prose:
    """Markdown text, optionally with figures that checks recompute."""

    text: str
    id: str | None = field(default=None, validator=_check_id)
    claims: tuple[Claim, ...] = field(default=(), converter=_tuple)


@frozen(kw_only=True)
class Quote:
    """A quotation, such as feedback from a child, parent or practitioner."""

    text: str
    attribution: str = ""
    id: str | None = field(default=None, validator=_check_id)


@frozen(kw_only=True)
class CaseStudy:
    """A case study or practice example."""

    title: str
    text: str
    id: str | None = field(default=None, validator=_check_id)


@frozen(kw_only=True)
class MissingFigure:
    """A chart or picture in the original whose data is not available.

    Rendered as a clearly marked note, never as invented data.
    """

    title: str
    description: str
    reason: str = "The data behind this figure is not in the source document."
    id: str | None = field(default=None, validator=_check_id)


@frozen(kw_only=True)
class Placeholder:
    """Content still to be written; every check treats it as missing."""

    prompt: str
    id: str | None = field(default=None, validator=_check_id)


@frozen(kw_only=True)
class KPI:
    """A key performance indicator with its comparators and history."""

    label: str
    value: Number = field(validator=_check_number)
    unit: str = ""
    period: str = ""
    id: str | None = field(default=None, validator=_check_id)
    comparators: tuple[Comparator, ...] = field(default=(), converter=_tuple)
    previous: tuple[PreviousValue, ...] = field(default=(), converter=_tuple)
    polarity: Polarity = Polarity.NEUTRAL
    source: str = ""
    note: str = ""


@frozen(kw_only=True)
class Column:
    """A typed table column."""

    key: str
    label: str
    type: ColumnType = ColumnType.TEXT
    unit: str = ""


@frozen(kw_only=True)
class ColumnTotal:
    """A published total of one column over all rows (or over the named rows)."""

    column: str
    value: Number = field(validator=_check_number)
    label: str = "Total"
    rows: tuple[str, ...] = field(default=(), converter=_tuple)


@frozen(kw_only=True)
class RowSum:
    """In every row, ``total`` is published as the sum of the ``parts`` columns."""

    total: str
    parts: tuple[str, ...] = field(converter=_tuple)


@frozen(kw_only=True)
class Table:
    """A table of typed columns; the first column holds each row's label."""

    id: str = field(validator=_check_id)
    caption: str
    columns: tuple[Column, ...] = field(converter=_tuple)
    rows: tuple[tuple[Cell, ...], ...] = field(converter=_rows, validator=_check_cells)
    source: str = ""
    note: str = ""
    totals: tuple[ColumnTotal, ...] = field(default=(), converter=_tuple)
    row_sums: tuple[RowSum, ...] = field(default=(), converter=_tuple)
    percent_of: str = ""
    """Id of a table of counts with the same rows and columns; each cell here is a row share."""

    def column_index(self, key: str) -> int | None:
        """Return the position of the column ``key``, or None."""
        for i, column in enumerate(self.columns):
            if column.key == key:
                return i
        return None

    def row_index(self, label: str) -> int | None:
        """Return the position of the row whose first cell is ``label``, or None."""
        for i, row in enumerate(self.rows):
            if row and str(row[0]) == label:
                return i
        return None


@frozen(kw_only=True)
class Chart:
    """A chart drawn from a Table; ``description`` is its text alternative."""

    id: str = field(validator=_check_id)
    table: str
    kind: ChartKind
    x: str
    y: tuple[str, ...] = field(converter=_tuple)
    title: str
    description: str
    x_title: str = ""
    y_title: str = ""


@frozen(kw_only=True)
class PriorityArea:
    """One of the Board's priorities and the progress made on it."""

    number: int
    title: str
    aim: str
    lead: Person | None = None
    progress: str = ""
    work_in_progress: str = ""
    next_year: str = ""
    id: str | None = field(default=None, validator=_check_id)


class AnswerTopic(enum.Enum):
    """The standard question of an agency return that a published question answers."""

    COMMITMENT = "commitment"
    OBJECTIVES = "objectives"
    ACHIEVEMENTS = "achievements"
    IMPROVEMENT_PLANS = "improvement_plans"
    IMPACT = "impact"
    PRIORITIES_NEXT_YEAR = "priorities_next_year"
    CONTRIBUTION_STATEMENT = "contribution_statement"
    TRAINING = "training"
    POLICY_AND_PROCEDURES = "policy_and_procedures"
    COMMUNICATION = "communication"
    IMPROVING_QUALITY = "improving_quality"
    PERFORMANCE_MANAGEMENT = "performance_management"


@frozen(kw_only=True)
class AgencyAnswer:
    """One question of an agency return in the return's own wording, and its answer.

    ``question`` is printed as the answer's heading; an empty question prints none (text the
    return gives before its first question). ``topic`` says which standard question it
    answers, for the checks; None for a question outside the standard set.
    """

    question: str
    answer: str
    topic: AnswerTopic | None = None


def _no_mixed_answers(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value and any(getattr(instance, name) for name in AgencyReturn.ANSWER_FIELDS):
        used = [name for name in AgencyReturn.ANSWER_FIELDS if getattr(instance, name)]
        msg = (
            f"'{attribute.name}' cannot be combined with the standard answer fields "
            f"({', '.join(used)}): move each answer into a [[questions]] entry with its "
            f'question and topic = "{used[0]}"'
        )
        raise ValueError(msg)


@frozen(kw_only=True)
class AgencyReturn:
    """A partner agency's answers to the Board's annual return.

    A return is written either with ``questions``, in the return's own order and wording, or
    with the standard answer fields (``commitment`` ... ``performance_management``), printed
    under the standard questions of ``AGENCY_RETURN_QUESTIONS`` in that order.
    """

    agency: str
    partner: StatutoryPartner | None = None
    label: str = ""
    """The form's label before the agency's name ("Agency", "Partner Agency"), if printed."""
    questions: tuple[AgencyAnswer, ...] = field(
        default=(), converter=_tuple, validator=_no_mixed_answers
    )
    commitment: str = ""
    objectives: str = ""
    achievements: str = ""
    improvement_plans: str = ""
    impact: str = ""
    priorities_next_year: str = ""
    contribution_statement: str = ""
    training: str = ""
    policy_and_procedures: str = ""
    communication: str = ""
    improving_quality: str = ""
    performance_management: str = ""
    id: str | None = field(default=None, validator=_check_id)

    ANSWER_FIELDS = (
        "commitment",
        "objectives",
        "achievements",
        "improvement_plans",
        "impact",
        "priorities_next_year",
        "contribution_statement",
        "training",
        "policy_and_procedures",
        "communication",
        "improving_quality",
        "performance_management",
    )

    def answers(self) -> Iterator[tuple[str, str]]:
        """Yield (topic, answer) for each answered question, in the return's order.

        The topic is a standard field name, or "" for a question outside the standard set.
        """
        if self.questions:
            for item in self.questions:
                if item.answer:
                    yield ("" if item.topic is None else item.topic.value), item.answer
            return
        for name in self.ANSWER_FIELDS:
            value = getattr(self, name)
            if value:
                yield name, value

    def answer(self, topic: str) -> str:
        """The answers given to the standard question ``topic`` (a field name), joined."""
        return "\n\n".join(text for name, text in self.answers() if name == topic)

    def published(self, period_start: dt.date) -> tuple[AgencyAnswer, ...]:
        """Every answered question with its wording, in the return's order."""
        if self.questions:
            return tuple(item for item in self.questions if item.answer or item.question)
        return tuple(
            AgencyAnswer(
                question=agency_return_question(name, period_start),
                answer=text,
                topic=AnswerTopic(name),
            )
            for name, text in self.answers()
        )


AGENCY_RETURN_QUESTIONS: dict[str, str] = {
    "commitment": "How does your agency demonstrate its commitment to safeguarding children and "
    "the work of the Board?",
    "objectives": "What were the agreed safeguarding objectives for {year}?",
    "achievements": "Achievements against the above Objectives",
    "improvement_plans": "Improvement Plans where barriers have existed.",
    "impact": "Impact for Children, Young People and Families",
    "priorities_next_year": "In relation to safeguarding children, what are your "
    "priorities/objectives for {next_year}",
    "contribution_statement": "Provide a statement on the effectiveness of the contribution made "
    "by your organisation/service to the Board and/or its committees?",
    "training": "TRAINING - Promoting, delivering and evaluating single agency & multi-agency "
    "training",
    "policy_and_procedures": "POLICY AND PROCEDURES - embedding policy and procedure in practice",
    "communication": "COMMUNICATION - sharing all relevant information with the workforce",
    "improving_quality": "IMPROVING QUALITY - single agency audit, supervision, Section 11 etc.",
    "performance_management": "CONTRIBUTING TO PERFORMANCE MANAGEMENT - supplying performance "
    "data and commentary",
}
"""The standard annual-return questions, as the Board's return form words them."""


def agency_return_question(field_name: str, period_start: dt.date) -> str:
    """Return the standard question for an AgencyReturn field, for a period starting then."""
    year = period_start.year
    return AGENCY_RETURN_QUESTIONS[field_name].format(
        year=f"{year}/{str(year + 1)[-2:]}", next_year=f"{year + 1}/{str(year + 2)[-2:]}"
    )


@frozen(kw_only=True)
class IncomeLine:
    """Money or support a partner gave the Board."""

    contributor: str
    amount: Number = field(validator=_check_number)
    kind: IncomeKind = IncomeKind.CASH
    partner: StatutoryPartner | None = None
    note: str = ""


@frozen(kw_only=True)
class ExpenditureLine:
    """One line of the Board's spending."""

    item: str
    amount: Number = field(validator=_check_number)
    category: ExpenditureCategory = ExpenditureCategory.OTHER
    note: str = ""


@frozen(kw_only=True)
class Budget:
    """Income and expenditure with the totals as published.

    ``income_sign`` is -1 where the published statement shows income as negative figures
    (a common ledger convention); checks compare magnitudes.
    """

    period: str
    income: tuple[IncomeLine, ...] = field(converter=_tuple)
    expenditure: tuple[ExpenditureLine, ...] = field(converter=_tuple)
    income_total: Number | None = field(default=None, validator=_check_optional_number)
    expenditure_total: Number | None = field(default=None, validator=_check_optional_number)
    income_sign: int = field(default=1, validator=attrs.validators.in_((1, -1)))
    currency: str = "GBP"
    id: str | None = field(default=None, validator=_check_id)
    income_caption: str = "Income"
    expenditure_caption: str = "Expenditure"
    income_total_label: str = "Total"
    expenditure_total_label: str = "Total"


@frozen(kw_only=True)
class Member:
    """A seat on the Board."""

    name: str
    organisation: str = ""
    role: MemberRole = MemberRole.STATUTORY_PARTNER
    partner: StatutoryPartner | None = None
    other_partners: tuple[StatutoryPartner, ...] = field(default=(), converter=_tuple)
    """Further statutory partners this seat represents (a council seat covering its YOT)."""
    note: str = ""


@frozen(kw_only=True)
class PartnerNotApplicable:
    """A statutory partner that has no seat, with the reason (for example no prison in the area)."""

    partner: StatutoryPartner
    reason: str


@frozen(kw_only=True)
class Membership:
    """Who sits on the Board, in what role."""

    members: tuple[Member, ...] = field(converter=_tuple)
    not_applicable: tuple[PartnerNotApplicable, ...] = field(default=(), converter=_tuple)
    lay_member_recruitment: str = ""
    id: str | None = field(default=None, validator=_check_id)


@frozen(kw_only=True)
class AttendanceEntry:
    """One member's attendance; ``percent`` is None where none was published."""

    name: str
    percent: Number | None = field(default=None, validator=_check_optional_number)
    note: str = ""


@frozen(kw_only=True)
class Attendance:
    """Attendance at the Board or one of its committees."""

    body: str
    entries: tuple[AttendanceEntry, ...] = field(converter=_tuple)
    period: str = ""
    meetings: int | None = None
    column_label: str = "% attendance"
    name_label: str = "Name"
    """The heading of the names column, as the report prints it (for example "Organisation")."""
    note: str = ""
    id: str | None = field(default=None, validator=_check_id)


@frozen(kw_only=True)
class Challenge:
    """An area of weakness or challenge, its cause and the action being taken (para 17)."""

    title: str
    description: str = ""
    cause: str = ""
    action: str = ""
    owner: str = ""
    id: str | None = field(default=None, validator=_check_id)


@frozen(kw_only=True)
class Review:
    """A case review or audit undertaken in the period, with its lessons."""

    kind: ReviewKind
    title: str
    summary: str = ""
    cases_considered: int | None = None
    met_criteria: int | None = None
    commissioned: int | None = None
    published: int | None = None
    lessons: tuple[str, ...] = field(default=(), converter=_tuple)
    actions: tuple[str, ...] = field(default=(), converter=_tuple)
    none_in_period: bool = False
    id: str | None = field(default=None, validator=_check_id)


@frozen(kw_only=True)
class Breakdown:
    """Counts of one total by category (for example deaths by place of death)."""

    label: str
    counts: tuple[tuple[str, int], ...] = field(converter=_rows)
    of_total: bool = True
    """True when the counts are a breakdown of the whole ``deaths_reviewed``."""


@frozen(kw_only=True)
class ChildDeathReview:
    """Child Death Overview Panel activity for the period (LSCB Regulations 2006 reg 6)."""

    panel: str
    deaths_reviewed: int
    meetings: int | None = None
    modifiable: int | None = None
    breakdowns: tuple[Breakdown, ...] = field(default=(), converter=_tuple)
    learning: tuple[str, ...] = field(default=(), converter=_tuple)
    actions: tuple[str, ...] = field(default=(), converter=_tuple)
    note: str = ""
    id: str | None = field(default=None, validator=_check_id)


@frozen(kw_only=True)
class GlossaryEntry:
    """One acronym or term and its meaning."""

    term: str
    meaning: str


@frozen(kw_only=True)
class Glossary:
    """Acronyms and terms used in the report."""

    entries: tuple[GlossaryEntry, ...] = field(converter=_tuple)
    id: str | None = field(default=None, validator=_check_id)


Block: TypeAlias = (
    Prose
    | Quote
    | CaseStudy
    | MissingFigure
    | Placeholder
    | KPI
    | Table
    | Chart
    | PriorityArea
    | AgencyReturn
    | Budget
    | Membership
    | Attendance
    | Challenge
    | Review
    | ChildDeathReview
    | Glossary
)

BLOCK_TYPES: dict[str, type[Any]] = {
    "prose": Prose,
    "quote": Quote,
    "case_study": CaseStudy,
    "missing_figure": MissingFigure,
    "placeholder": Placeholder,
    "kpi": KPI,
    "table": Table,
    "chart": Chart,
    "priority_area": PriorityArea,
    "agency_return": AgencyReturn,
    "budget": Budget,
    "membership": Membership,
    "attendance": Attendance,
    "challenge": Challenge,
    "review": Review,
    "child_death_review": ChildDeathReview,
    "glossary": Glossary,
}
"""The ``type`` tag of each block kind in TOML."""

BLOCK_TAGS: dict[type[Any], str] = {cls: tag for tag, cls in BLOCK_TYPES.items()}


def block_tag(block: Block) -> str:
    """Return the TOML ``type`` tag of ``block``."""
    return BLOCK_TAGS[type(block)]


# ---------------------------------------------------------------------------------------------
# sections and the report


@frozen(kw_only=True)
class Section:
    """A titled part of the report holding blocks and nested sections.

    ``meets`` declares the content duties this section carries; a check then requires the
    section to have real (non-placeholder) content.
    """

    id: str = field(validator=_check_id)
    title: str
    blocks: tuple[Block, ...] = field(default=(), converter=_tuple)
    sections: tuple[Section, ...] = field(default=(), converter=_tuple)
    meets: tuple[Requirement, ...] = field(default=(), converter=_tuple)
    appendix: bool = False


@frozen(kw_only=True)
class Report:
    """A Local Safeguarding Children Board annual report."""

    board: str
    area: str
    title: str
    period_start: dt.date
    period_end: dt.date
    chair: Chair | None = None
    publication_date: dt.date | None = None
    framework: str = "wt2013"
    recipients: tuple[Recipient, ...] = field(default=(), converter=_tuple)
    sections: tuple[Section, ...] = field(default=(), converter=_tuple)
    suppressions: tuple[Suppression, ...] = field(default=(), converter=_tuple)
    language: str = "en-GB"

    @property
    def period_label(self) -> str:
        """The reporting period as a financial-year label, for example ``2014-15``."""
        return f"{self.period_start.year}-{str(self.period_end.year)[-2:]}"


# ---------------------------------------------------------------------------------------------
# walking a report


@frozen(kw_only=True)
class Located:
    """A block or section with its stable data path (``section-id/sub-id/block-id``)."""

    path: str
    item: Any
    section: Section


def block_key(block: Block, index: int) -> str:
    """Return the path segment of a block: its id, or ``blocks[i]``."""
    block_id = getattr(block, "id", None)
    return block_id if block_id else f"blocks[{index}]"


def iter_sections(report: Report) -> Iterator[Located]:
    """Yield every section, depth first in reading order, with its path."""

    def walk(sections: tuple[Section, ...], prefix: str) -> Iterator[Located]:
        for section in sections:
            path = f"{prefix}{section.id}"
            yield Located(path=path, item=section, section=section)
            yield from walk(section.sections, path + "/")

    yield from walk(report.sections, "")


def iter_blocks(report: Report, kind: type[Any] | None = None) -> Iterator[Located]:
    """Yield every block (optionally only of one class) in reading order, with its path."""
    for located in iter_sections(report):
        section = located.item
        for index, block in enumerate(section.blocks):
            if kind is None or isinstance(block, kind):
                yield Located(
                    path=f"{located.path}/{block_key(block, index)}", item=block, section=section
                )


# ---------------------------------------------------------------------------------------------
# tables derived from typed blocks, so that charts and checks can bind to them


CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}
"""Symbols printed for common ISO 4217 currency codes; other codes are printed as they are."""


def _unique(table_id: str, taken: dict[str, Table]) -> str:
    """Return ``table_id``, or ``table_id-2``, ``-3`` ... when it is already taken."""
    candidate, number = table_id, 1
    while candidate in taken:
        number += 1
        candidate = f"{table_id}-{number}"
    return candidate


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def derived_tables(block: Block) -> dict[str, Table]:
    """Return the tables a typed block presents, keyed by table id.

    A Budget with id ``b`` gives ``b-income`` and ``b-expenditure`` (columns ``item``,
    ``amount``); an Attendance with id ``a`` gives ``a`` (``name``, ``percent``); a
    ChildDeathReview with id ``c`` gives ``c-<breakdown label>`` (``category``, ``count``).
    Blocks without an id present no tables.
    """
    block_id = getattr(block, "id", None)
    if not block_id:
        return {}
    if isinstance(block, Budget):
        symbol = CURRENCY_SYMBOLS.get(block.currency, block.currency)
        amount_label = f"Amount ({symbol})"
        money = ColumnType.MONEY
        income = Table(
            id=f"{block_id}-income",
            caption=f"{block.income_caption} {block.period}".strip(),
            columns=(
                Column(key="item", label="Contributor"),
                Column(key="amount", label=amount_label, type=money),
            ),
            rows=tuple((line.contributor, line.amount) for line in block.income),
            totals=()
            if block.income_total is None
            else (
                ColumnTotal(
                    column="amount", value=block.income_total, label=block.income_total_label
                ),
            ),
        )
        spend = Table(
            id=f"{block_id}-expenditure",
            caption=f"{block.expenditure_caption} {block.period}".strip(),
            columns=(
                Column(key="item", label="Item"),
                Column(key="amount", label=amount_label, type=money),
            ),
            rows=tuple((line.item, line.amount) for line in block.expenditure),
            totals=()
            if block.expenditure_total is None
            else (
                ColumnTotal(
                    column="amount",
                    value=block.expenditure_total,
                    label=block.expenditure_total_label,
                ),
            ),
        )
        return {income.id: income, spend.id: spend}
    if isinstance(block, Attendance):
        table = Table(
            id=block_id,
            caption=f"Attendance: {block.body}",
            columns=(
                Column(key="name", label="Name"),
                Column(key="percent", label=block.column_label, type=ColumnType.PERCENT),
            ),
            rows=tuple((e.name, e.percent if e.percent is not None else "") for e in block.entries),
        )
        return {table.id: table}
    if isinstance(block, ChildDeathReview):
        tables: dict[str, Table] = {}
        for breakdown in block.breakdowns:
            table = Table(
                id=_unique(f"{block_id}-{_slug(breakdown.label)}", tables),
                caption=breakdown.label,
                columns=(
                    Column(key="category", label="Category"),
                    Column(key="count", label="Number", type=ColumnType.INTEGER),
                ),
                rows=breakdown.counts,
            )
            tables[table.id] = table
        return tables
    if isinstance(block, Table):
        return {block.id: block}
    return {}


def all_tables(report: Report) -> dict[str, Table]:
    """Return every table of the report, written or derived, keyed by id (first one wins)."""
    tables: dict[str, Table] = {}
    for located in iter_blocks(report):
        for table_id, table in derived_tables(located.item).items():
            tables.setdefault(table_id, table)
    return tables
