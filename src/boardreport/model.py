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
    """The person's name (or post, if the report names posts)."""
    role: str = ""
    """Their role."""
    organisation: str = ""
    """Their organisation."""


@frozen(kw_only=True)
class Chair:
    """The Chair who publishes the report (Children Act 2004 s14A)."""

    name: str
    """The Chair's name."""
    independent: bool = False
    """Whether the Chair is independent of the Board's member agencies."""
    title: str = "Chair"
    """The Chair's title as printed in the report, for example `"Independent Chair"`."""


@frozen(kw_only=True)
class Recipient:
    """A person or body the report is submitted to."""

    role: RecipientRole
    """Which recipient this is."""
    name: str = ""
    """The person's name, if you want it printed."""


@frozen(kw_only=True)
class Suppression:
    """A finding the board accepts, with the reason it stands (for example a published error)."""

    rule: str
    """The rule id, for example `"CONS-007"` (see the rules)."""
    target: str
    """The data path of the finding, or of a section or block that contains it."""
    reason: str
    """Why the finding stands; it is printed with the finding."""


@frozen(kw_only=True)
class Comparator:
    """A value a KPI is compared with."""

    label: str
    """How the comparator is named in the report."""
    value: Number = field(validator=_check_number)
    """The comparator's figure."""
    kind: ComparatorKind = ComparatorKind.OTHER
    """What sort of comparator it is."""
    period: str = ""
    """The period the comparator's figure covers, if not the KPI's."""


@frozen(kw_only=True)
class PreviousValue:
    """An earlier value of a KPI."""

    period: str
    """The earlier period, for example `"2013-14"`."""
    value: Number = field(validator=_check_number)
    """The KPI's figure in that period."""


@frozen(kw_only=True)
class Claim:
    """A figure stated in prose that a check recomputes from data.

    ``text`` is the figure exactly as it appears in the prose (for example ``"58%"``); ``refs``
    and ``of`` are data references (see docs/format.md, "References").
    """

    kind: ClaimKind
    """How the figure is worked out from the data."""
    text: str
    """The figure as written in the prose."""
    stated: Number = field(validator=_check_number)
    """The figure as a number (`65` for "65%"; `-10` for "fell by 10%")."""
    refs: tuple[str, ...] = field(converter=_tuple)
    """References to the data the figure is about."""
    of: tuple[str, ...] = field(default=(), converter=_tuple)
    """For `share` and `change`: references to the whole, or to the earlier figure."""
    tolerance: Number = field(default=Decimal("0.5"), validator=_check_number)
    """How far the stated figure may be from the recomputed one (0.5 allows for rounding to a whole
    number)."""


# ---------------------------------------------------------------------------------------------
# blocks: the content of a section


@frozen(kw_only=True)
class Prose:
    """Markdown text, optionally with figures that checks recompute."""

    text: str
    """The text."""
    id: str | None = field(default=None, validator=_check_id)
    """The block's id."""
    claims: tuple[Claim, ...] = field(default=(), converter=_tuple)
    """Figures in the text that the checks recompute from data."""


@frozen(kw_only=True)
class Quote:
    """A quotation, such as feedback from a child, parent or practitioner."""

    text: str
    """The words quoted."""
    attribution: str = ""
    """Who said it, without identifying a child."""
    id: str | None = field(default=None, validator=_check_id)
    """The block's id."""


@frozen(kw_only=True)
class CaseStudy:
    """A case study or practice example."""

    title: str
    """The case study's title."""
    text: str
    """The case study."""
    id: str | None = field(default=None, validator=_check_id)
    """The block's id."""


@frozen(kw_only=True)
class MissingFigure:
    """A chart or picture in the original whose data is not available.

    Rendered as a clearly marked note, never as invented data.
    """

    title: str
    """The figure's title as published."""
    description: str
    """What the figure showed, as far as is known."""
    reason: str = "The data behind this figure is not in the source document."
    """Why the figure cannot be drawn."""
    id: str | None = field(default=None, validator=_check_id)
    """The block's id."""


@frozen(kw_only=True)
class Placeholder:
    """Content still to be written; every check treats it as missing."""

    prompt: str
    """What is to be written here."""
    id: str | None = field(default=None, validator=_check_id)
    """The block's id."""


@frozen(kw_only=True)
class KPI:
    """A key performance indicator with its comparators and history."""

    label: str
    """What is measured."""
    value: Number = field(validator=_check_number)
    """The figure for the period."""
    unit: str = ""
    """The unit shown after the figure, for example `"%"` or `"days"`. With `"%"`, the figure must
    lie between 0 and 100."""
    period: str = ""
    """The period the figure covers, for example `"2014-15"` or `"at 31 March 2015"`."""
    id: str | None = field(default=None, validator=_check_id)
    """The KPI's id; claims refer to it as `kpi:<id>`."""
    comparators: tuple[Comparator, ...] = field(default=(), converter=_tuple)
    """Figures it is compared with."""
    previous: tuple[PreviousValue, ...] = field(default=(), converter=_tuple)
    """Its figures in earlier periods."""
    polarity: Polarity = Polarity.NEUTRAL
    """Which direction of change is an improvement."""
    source: str = ""
    """Where the figure comes from."""
    note: str = ""
    """Anything the reader needs to know about the figure."""


@frozen(kw_only=True)
class Column:
    """A typed table column."""

    key: str
    """The column's short name, used by charts, totals and claims; unique within the table."""
    label: str
    """The heading printed above the column."""
    type: ColumnType = ColumnType.TEXT
    """What kind of values the column holds."""
    unit: str = ""
    """A unit added to the heading in brackets, for example `"hours"`."""


@frozen(kw_only=True)
class ColumnTotal:
    """A published total of one column over all rows (or over the named rows)."""

    column: str
    """The key of the column totalled."""
    value: Number = field(validator=_check_number)
    """The total as published."""
    label: str = "Total"
    """The label of the total row as published."""
    rows: tuple[str, ...] = field(default=(), converter=_tuple)
    """The labels of the rows this total covers; leave it out for all rows."""


@frozen(kw_only=True)
class RowSum:
    """In every row, ``total`` is published as the sum of the ``parts`` columns."""

    total: str
    """The key of the total column."""
    parts: tuple[str, ...] = field(converter=_tuple)
    """The keys of the columns it adds up."""


@frozen(kw_only=True)
class Table:
    """A table of typed columns; the first column holds each row's label."""

    id: str = field(validator=_check_id)
    """The table's id; charts and claims refer to it."""
    caption: str
    """The table's caption."""
    columns: tuple[Column, ...] = field(converter=_tuple)
    """The columns, left to right. The first holds the row labels."""
    rows: tuple[tuple[Cell, ...], ...] = field(converter=_rows, validator=_check_cells)
    """One list per row, one value per column; the first value is the row's label."""
    source: str = ""
    """Where the figures come from."""
    note: str = ""
    """A note printed under the table."""
    totals: tuple[ColumnTotal, ...] = field(default=(), converter=_tuple)
    """Published totals of columns."""
    row_sums: tuple[RowSum, ...] = field(default=(), converter=_tuple)
    """Columns that are published as the sum of other columns in each row."""
    percent_of: str = ""
    """For a table of percentages: the id of the table of counts it was worked out from (same row
    labels and column keys). Each percentage is checked against 100 × count ÷ row total."""

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
    """The chart's id."""
    table: str
    """The id of the table the chart is drawn from: a table's own id or a derived table id."""
    kind: ChartKind
    """The kind of chart."""
    x: str
    """The key of the column that gives the categories, usually the row labels."""
    y: tuple[str, ...] = field(converter=_tuple)
    """The keys of the columns of figures (integer, decimal, percent or money); each becomes one
    series."""
    title: str
    """The chart's title."""
    description: str
    """The text alternative: what the chart shows, with its figures."""
    x_title: str = ""
    """The category axis title; without it, the `x` column's heading."""
    y_title: str = ""
    """The value axis title; without it, one worked out from the `y` columns."""


@frozen(kw_only=True)
class PriorityArea:
    """One of the Board's priorities and the progress made on it."""

    number: int
    """The priority's number in the Board's plan."""
    title: str
    """The priority's title."""
    aim: str
    """What the priority sets out to achieve."""
    lead: Person | None = None
    """Who leads the priority."""
    progress: str = ""
    """What was achieved in the year."""
    work_in_progress: str = ""
    """What is still under way, and why."""
    next_year: str = ""
    """What happens next year."""
    id: str | None = field(default=None, validator=_check_id)
    """The block's id."""


@frozen(kw_only=True)
class AgencyReturn:
    """A partner agency's answers to the Board's standard annual return."""

    agency: str
    """The agency's name."""
    partner: StatutoryPartner | None = None
    """Which statutory Board partner the agency is, if it is one."""
    commitment: str = ""
    """How does your agency demonstrate its commitment to safeguarding children and the work of the
    Board?"""
    objectives: str = ""
    """What were the agreed safeguarding objectives for the year?"""
    achievements: str = ""
    """Achievements against the above objectives."""
    improvement_plans: str = ""
    """Improvement plans where barriers have existed."""
    impact: str = ""
    """Impact for children, young people and families."""
    priorities_next_year: str = ""
    """In relation to safeguarding children, what are your priorities for next year?"""
    contribution_statement: str = ""
    """A statement on the effectiveness of the contribution made by your organisation to the Board
    and its committees."""
    training: str = ""
    """Training: promoting, delivering and evaluating single-agency and multi-agency training."""
    policy_and_procedures: str = ""
    """Policy and procedures: embedding policy and procedure in practice."""
    communication: str = ""
    """Communication: sharing all relevant information with the workforce."""
    improving_quality: str = ""
    """Improving quality: single-agency audit, supervision, section 11 and so on."""
    performance_management: str = ""
    """Contributing to performance management: supplying performance data and commentary."""
    id: str | None = field(default=None, validator=_check_id)
    """The block's id."""

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
        """Yield (field name, answer) for each answered question, in the return's order."""
        for name in self.ANSWER_FIELDS:
            value = getattr(self, name)
            if value:
                yield name, value


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
    """The contributor as published; claims find the line by this text."""
    amount: Number = field(validator=_check_number)
    """The amount as published (negative if the statement prints income that way)."""
    kind: IncomeKind = IncomeKind.CASH
    """What kind of income it is."""
    partner: StatutoryPartner | None = None
    """The statutory Board partner that gave it."""
    note: str = ""
    """A note printed beside the line."""


@frozen(kw_only=True)
class ExpenditureLine:
    """One line of the Board's spending."""

    item: str
    """The item as published; claims find the line by this text."""
    amount: Number = field(validator=_check_number)
    """The amount spent."""
    category: ExpenditureCategory = ExpenditureCategory.OTHER
    """What the money was spent on."""
    note: str = ""
    """A note printed beside the line."""


@frozen(kw_only=True)
class Budget:
    """Income and expenditure with the totals as published.

    ``income_sign`` is -1 where the published statement shows income as negative figures
    (a common ledger convention); checks compare magnitudes.
    """

    period: str
    """The financial year, for example `"2014-15"`."""
    income: tuple[IncomeLine, ...] = field(converter=_tuple)
    """The income lines, in the published order."""
    expenditure: tuple[ExpenditureLine, ...] = field(converter=_tuple)
    """The spending lines, in the published order."""
    income_total: Number | None = field(default=None, validator=_check_optional_number)
    """The income total as published."""
    expenditure_total: Number | None = field(default=None, validator=_check_optional_number)
    """The expenditure total as published."""
    income_sign: int = field(default=1, validator=attrs.validators.in_((1, -1)))
    """`-1` when the published income figures are negative, else `1`."""
    currency: str = "GBP"
    """The currency of the amounts, as a three-letter code."""
    id: str | None = field(default=None, validator=_check_id)
    """The budget's id; claims and derived tables use it."""
    income_caption: str = "Income"
    """The caption of the income table."""
    expenditure_caption: str = "Expenditure"
    """The caption of the expenditure table."""
    income_total_label: str = "Total"
    """The label of the income total row as published."""
    expenditure_total_label: str = "Total"
    """The label of the expenditure total row as published."""


@frozen(kw_only=True)
class Member:
    """A seat on the Board."""

    name: str
    """The member's name, or their post."""
    organisation: str = ""
    """The organisation the member represents."""
    role: MemberRole = MemberRole.STATUTORY_PARTNER
    """How the member sits on the Board."""
    partner: StatutoryPartner | None = None
    """The statutory partner the seat represents."""
    other_partners: tuple[StatutoryPartner, ...] = field(default=(), converter=_tuple)
    """Further statutory partners the same seat represents, such as a council seat that also
    covers the youth offending team."""
    note: str = ""
    """A note printed beside the member."""


@frozen(kw_only=True)
class PartnerNotApplicable:
    """A statutory partner that has no seat, with the reason (for example no prison in the area)."""

    partner: StatutoryPartner
    """The partner without a seat."""
    reason: str
    """Why the partner has no seat."""


@frozen(kw_only=True)
class Membership:
    """Who sits on the Board, in what role."""

    members: tuple[Member, ...] = field(converter=_tuple)
    """The seats on the Board."""
    not_applicable: tuple[PartnerNotApplicable, ...] = field(default=(), converter=_tuple)
    """Statutory partners without a seat, with the reason."""
    lay_member_recruitment: str = ""
    """The steps being taken to recruit lay members, when the Board has fewer than two."""
    id: str | None = field(default=None, validator=_check_id)
    """The block's id."""


@frozen(kw_only=True)
class AttendanceEntry:
    """One member's attendance; ``percent`` is None where none was published."""

    name: str
    """The member or agency."""
    percent: Number | None = field(default=None, validator=_check_optional_number)
    """The share of meetings attended, from 0 to 100."""
    note: str = ""
    """A note printed beside the entry."""


@frozen(kw_only=True)
class Attendance:
    """Attendance at the Board or one of its committees."""

    body: str
    """The Board or committee."""
    entries: tuple[AttendanceEntry, ...] = field(converter=_tuple)
    """One entry per member or agency."""
    period: str = ""
    """The period covered, for example `"2014-15"`."""
    meetings: int | None = None
    """How many meetings were held."""
    column_label: str = "% attendance"
    """The heading of the attendance column."""
    note: str = ""
    """A note printed under the table."""
    id: str | None = field(default=None, validator=_check_id)
    """The block's id; it is also the id of its derived table."""


@frozen(kw_only=True)
class Challenge:
    """An area of weakness or challenge, its cause and the action being taken (para 17)."""

    title: str
    """The weakness or challenge in a few words."""
    description: str = ""
    """What the weakness is, with evidence."""
    cause: str = ""
    """Why it arose."""
    action: str = ""
    """What is being done about it."""
    owner: str = ""
    """Who is responsible for the action."""
    id: str | None = field(default=None, validator=_check_id)
    """The block's id."""


@frozen(kw_only=True)
class Review:
    """A case review or audit undertaken in the period, with its lessons."""

    kind: ReviewKind
    """What kind of review or audit it is."""
    title: str
    """The review's title."""
    summary: str = ""
    """What the review found."""
    cases_considered: int | None = None
    """How many cases were considered for review."""
    met_criteria: int | None = None
    """How many met the criteria for a review."""
    commissioned: int | None = None
    """How many reviews were commissioned."""
    published: int | None = None
    """How many reviews were published."""
    lessons: tuple[str, ...] = field(default=(), converter=_tuple)
    """The lessons learnt, one per entry."""
    actions: tuple[str, ...] = field(default=(), converter=_tuple)
    """The actions taken or planned, one per entry."""
    none_in_period: bool = False
    """`true` to state that there was no review of this kind in the year."""
    id: str | None = field(default=None, validator=_check_id)
    """The block's id."""


@frozen(kw_only=True)
class Breakdown:
    """Counts of one total by category (for example deaths by place of death)."""

    label: str
    """What the deaths are broken down by; it also names the derived table."""
    counts: tuple[tuple[str, int], ...] = field(converter=_rows)
    """One `["category", count]` pair per category."""
    of_total: bool = True
    """Whether the counts break down all the deaths reviewed."""


@frozen(kw_only=True)
class ChildDeathReview:
    """Child Death Overview Panel activity for the period (LSCB Regulations 2006 reg 6)."""

    panel: str
    """The panel's name."""
    deaths_reviewed: int
    """How many deaths the panel reviewed in the year."""
    meetings: int | None = None
    """How many times the panel met."""
    modifiable: int | None = None
    """How many of the deaths reviewed had modifiable factors."""
    breakdowns: tuple[Breakdown, ...] = field(default=(), converter=_tuple)
    """Counts of the deaths by category."""
    learning: tuple[str, ...] = field(default=(), converter=_tuple)
    """What was learnt, one per entry."""
    actions: tuple[str, ...] = field(default=(), converter=_tuple)
    """What was done as a result, one per entry."""
    note: str = ""
    """A note on the figures."""
    id: str | None = field(default=None, validator=_check_id)
    """The block's id; its breakdowns' derived tables are named after it."""


@frozen(kw_only=True)
class GlossaryEntry:
    """One acronym or term and its meaning."""

    term: str
    """The acronym or term."""
    meaning: str
    """What it stands for or means."""


@frozen(kw_only=True)
class Glossary:
    """Acronyms and terms used in the report."""

    entries: tuple[GlossaryEntry, ...] = field(converter=_tuple)
    """The terms, in the order to print them."""
    id: str | None = field(default=None, validator=_check_id)
    """The block's id."""


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
    """The section's id; it becomes part of every data path inside the section."""
    title: str
    """The heading printed in the report."""
    blocks: tuple[Block, ...] = field(default=(), converter=_tuple)
    """The content, one `[[blocks]]` table per block, each with its `type`."""
    sections: tuple[Section, ...] = field(default=(), converter=_tuple)
    """Subsections written in this file."""
    meets: tuple[Requirement, ...] = field(default=(), converter=_tuple)
    """The content duties this section carries."""
    appendix: bool = False
    """Whether the section is an appendix."""


@frozen(kw_only=True)
class Report:
    """A Local Safeguarding Children Board annual report."""

    board: str
    """The Board's full name, for example "Exampleshire Safeguarding Children Board"."""
    area: str
    """The local authority area the Board covers."""
    title: str
    """The report's title, as on its cover."""
    period_start: dt.date
    """First day of the reporting period: 1 April."""
    period_end: dt.date
    """Last day of the reporting period: 31 March of the next year."""
    chair: Chair | None = None
    """The Chair who publishes the report."""
    publication_date: dt.date | None = None
    """The date the report is published; it must fall after the period ends."""
    framework: str = "wt2013"
    """The statutory guidance the report is checked against; `"wt2013"` is Working Together to
    Safeguard Children 2013."""
    recipients: tuple[Recipient, ...] = field(default=(), converter=_tuple)
    """Who the report is submitted to."""
    sections: tuple[Section, ...] = field(default=(), converter=_tuple)
    """Sections written in `report.toml` itself (`[[sections]]`); they come before the sections of
    `parts`."""
    suppressions: tuple[Suppression, ...] = field(default=(), converter=_tuple)
    """Check findings the Board accepts, each with its reason."""
    language: str = "en-GB"
    """The language of the report's text, as a language tag."""

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
    """The item's data path."""
    item: Any
    """The block or section itself."""
    section: Section
    """The section the item is in (for a section, the section itself)."""


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
