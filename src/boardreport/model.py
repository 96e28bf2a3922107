"""The typed components of an LSCB annual report.

Every class is an immutable attrs class with keyword-only arguments, so a report built in Python
reads like its TOML. Numbers are ``int`` or ``decimal.Decimal``, never binary floats. Text fields
hold Markdown. A text that starts with ``TODO`` (or ``TBC``, "to follow") is a placeholder: it
renders, but every check treats it as missing content (:func:`has_substance`).
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

from boardreport import wording

Number: TypeAlias = int | Decimal

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PLACEHOLDER_PREFIX = "TODO"

_STILL_TO_WRITE = re.compile(
    r"^(?:todo|tbc|tba|tbd|to follow|to be (?:confirmed|added|agreed|completed|written|"
    r"provided|inserted|updated)|\[?(?:insert|add)\b|placeholder\b|lorem ipsum|x{3,}|\?{2,})",
    re.IGNORECASE,
)
"""Text that opens like this is still to be written."""
_MARKER = re.compile(r"^(?:todo|tbc|tba|tbd)\b[\s:.\-–—]*", re.IGNORECASE)
"""A placeholder's leading marker, which readers see as a badge instead."""

_NO_STATEMENT = re.compile(
    r"^(?:n\s*/\s*a|na|nil|none|not visible|not applicable|not available|not known|unknown|"
    r"no data|no information|blank|empty|see above|see below|as above|[-–—.…\s]*|0+)$",
    re.IGNORECASE,
)
"""The whole of a text that says nothing (once trailing punctuation is taken off)."""

_NOT_PUBLISHED = re.compile(
    r"^(?:the\s+)?(?:data|figures?|information|numbers?|details?)?\s*"
    r"(?:(?:is|are|was|were)\s+)?(?:not\s+(?:yet\s+)?(?:published|reported|recorded|"
    r"collected|provided|held|supplied)|withheld|unpublished|redacted)\b",
    re.IGNORECASE,
)
"""Text that states that a figure or account exists but was not published."""
_SHORT_STATEMENT = 15
"""Longer texts say more than that the data is not published."""


def placeholder_prompt(text: str) -> str:
    """The words of a placeholder after its marker: ``"TODO: write the foreword"`` gives
    ``"write the foreword"`` (empty when only the marker is left)."""
    stripped = text.strip()
    if _MARKER.match(stripped):
        return _MARKER.sub("", stripped, count=1).strip()
    return stripped


def is_placeholder(text: str) -> bool:
    """Return True when ``text`` is empty or still to be written (``TODO``, ``TBC``, ...)."""
    stripped = text.strip()
    return not stripped or bool(_STILL_TO_WRITE.match(stripped))


def states_not_published(text: str | None) -> bool:
    """Return True when ``text`` only says that the data was not published or is withheld."""
    if text is None or len(text.split(maxsplit=_SHORT_STATEMENT)) > _SHORT_STATEMENT:
        return False
    return bool(_NOT_PUBLISHED.match(text.strip()))


def has_substance(text: str | None) -> bool:
    """Return True when ``text`` says something: the one test every check and renderer uses.

    Placeholders (``TODO``, ``TBC``, "to follow"), non-statements ("N/A", "not visible", "-"),
    and statements that the data was not published have no substance.
    """
    if text is None or is_placeholder(text):
        return False
    core = text.strip().rstrip(".!;:,").strip()
    return not _NO_STATEMENT.match(core) and not states_not_published(core)


has_content = has_substance
"""Earlier name of :func:`has_substance`."""


# ---------------------------------------------------------------------------------------------
# stated unknowns and bounds: figures a report gives without an exact number


class UnknownReason(enum.Enum):
    """Why a figure is not given as a number."""

    NOT_KNOWN = "not_known"
    NOT_PUBLISHED = "not_published"
    WITHHELD = "withheld"
    SUPPRESSED = "suppressed"


UNKNOWN_WORDS = {reason: wording.UNKNOWN_REASONS[reason.value] for reason in UnknownReason}
"""How each reason is said to readers."""


@frozen(kw_only=True)
class Unknown:
    """A figure the report states without a number: not known, not published, withheld.

    ``marker`` keeps what the published document prints in its place (``"x"``, ``"c"``,
    ``"fewer than 5"``). A stated unknown is never read as 0 and never dropped.
    """

    reason: UnknownReason
    """Why there is no number."""
    marker: str = ""
    """What the published document prints instead, for example `"x"`, `"c"` or `"fewer than 5"`."""
    note: str = ""
    """Anything else the reader should know, such as who holds the figure."""

    def __str__(self) -> str:
        words = UNKNOWN_WORDS[self.reason]
        marker = self.marker.strip()
        if not marker:
            return words
        if any(ch.isspace() for ch in marker) or len(marker) > 3:
            return marker
        return f"{words} ({marker})"


class BoundRelation(enum.Enum):
    """How a bounded figure relates to its limit."""

    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    FEWER_THAN = "fewer_than"
    AT_MOST = "at_most"


BOUND_WORDS = {relation: wording.BOUND_RELATIONS[relation.value] for relation in BoundRelation}
"""How each relation is said to readers (before the limit)."""


def _check_number(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        kind = type(value).__name__
        msg = f"'{attribute.name}' must be an integer or a decimal, not {kind}: {value!r}"
        raise TypeError(msg)


@frozen(kw_only=True)
class Bound:
    """A figure published only as a bound: ``"over 5,000"``, ``"fewer than 10"``.

    ``text`` keeps the published wording; without it readers see the relation and the limit.
    """

    relation: BoundRelation
    """Whether the figure is over, at least, fewer than or at most the limit."""
    value: Number = field(validator=_check_number)
    """The limit."""
    text: str = ""
    """The bound as published, for example `"over 5,000"`."""


Figure: TypeAlias = int | Decimal | Unknown | Bound
"""A figure: a number, a stated unknown or a bound."""
Count: TypeAlias = int | Unknown | Bound
"""A whole count, a stated unknown or a bound."""
Cell: TypeAlias = str | int | Decimal | Unknown | Bound
"""A table cell: text, a number, a stated unknown or a bound."""


def is_stated(value: Any) -> bool:
    """Return True for a stated unknown or a bound: a figure given, but not as one number."""
    return isinstance(value, Unknown | Bound)


# ---------------------------------------------------------------------------------------------
# dates known to the month, and periods


@frozen(kw_only=True, order=True)
class Month:
    """A date known only to the month ("September 2016"); written ``"2016-09"`` in TOML."""

    year: int = field(
        validator=attrs.validators.and_(
            attrs.validators.instance_of(int), attrs.validators.ge(1), attrs.validators.le(9999)
        )
    )
    """The year (the first part of `"2016-09"`)."""
    month: int = field(
        validator=attrs.validators.and_(
            attrs.validators.instance_of(int), attrs.validators.ge(1), attrs.validators.le(12)
        )
    )
    """The month, 1 to 12 (the second part of `"2016-09"`)."""

    def first_day(self) -> dt.date:
        """The first day of the month."""
        return dt.date(self.year, self.month, 1)

    def last_day(self) -> dt.date:
        """The last day of the month."""
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    def isoformat(self) -> str:
        """``"2016-09"``, as the month is written in TOML."""
        return f"{self.year:04d}-{self.month:02d}"


DateOrMonth: TypeAlias = dt.date | Month
"""A date, or a month where the day is not known."""

_MONTH_TEXT = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text: str) -> Month | None:
    """Return the Month written ``"2016-09"``, else None."""
    match = _MONTH_TEXT.match(text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return None
    return Month(year=int(match.group(1)), month=int(match.group(2)))


def _period(value: str | Period) -> Period:
    """Accept a financial-year text (``"2014-15"``) wherever a Period is expected."""
    if isinstance(value, str):
        period = Period.parse(value)
        if period is None:
            msg = f"{value!r} is not a financial year such as '2014-15' or '2016-19'"
            raise ValueError(msg)
        return period
    return value


def _optional_period(value: str | Period | None) -> Period | None:
    return None if value is None else _period(value)


def latest_day(value: DateOrMonth) -> dt.date:
    """The last day ``value`` can mean: the date itself, or a month's last day."""
    return value.last_day() if isinstance(value, Month) else value


_YEARS = re.compile(r"^\s*((?:19|20)\d{2})\s*[-/–]\s*(\d{2}|\d{4})\s*$")


def _check_period_end(instance: Any, attribute: attrs.Attribute[Any], value: dt.date) -> None:
    if (
        isinstance(value, dt.date)
        and isinstance(instance.start, dt.date)
        and value < instance.start
    ):
        msg = f"'{attribute.name}' ({value.isoformat()}) is before 'start' ({instance.start})"
        raise ValueError(msg)


@frozen(kw_only=True)
class Period:
    """A span of time a figure, budget or plan is for.

    In TOML, financial years are written as text (``"2014-15"``, ``"2016-19"`` for a plan over
    three years: 1 April 2016 to 31 March 2019); other spans as ``{ start = ..., end = ... }``.
    ``inferred`` marks a period the report does not state but that was read from its text.
    """

    start: dt.date
    """The first day of the period."""
    end: dt.date = field(validator=_check_period_end)
    """The last day; not before `start`."""
    inferred: bool = False
    """`true` when the report does not state the period and it was read from the text (for example
    from the dates of the accounts)."""
    label: str = ""
    """The period as the report writes it, when that is not the financial-year form."""

    @classmethod
    def financial_years(cls, first: int, last: int | None = None) -> Period:
        """The financial years starting 1 April ``first`` and ending 31 March after ``last``."""
        end_year = (first if last is None else last) + 1
        return cls(start=dt.date(first, 4, 1), end=dt.date(end_year, 3, 31))

    @classmethod
    def parse(cls, text: str) -> Period | None:
        """Read ``"2014-15"``, ``"2014/15"``, ``"2014-2015"`` or ``"2016-19"``; else None."""
        match = _YEARS.match(text)
        if not match:
            return None
        first, second = int(match.group(1)), match.group(2)
        end = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if end <= first and len(second) == 2:
            end += 100
        if end <= first or end - first > 10:
            return None
        period = cls.financial_years(first, end - 1)
        return period if text == period.financial_label else attrs.evolve(period, label=text)

    @property
    def is_financial_years(self) -> bool:
        """True when the period runs from 1 April to 31 March of a later year."""
        return (
            (self.start.month, self.start.day) == (4, 1)
            and (self.end.month, self.end.day) == (3, 31)
            and self.end.year > self.start.year
        )

    @property
    def financial_label(self) -> str:
        """``2014-15`` or ``2016-19`` for financial years, else ``""``."""
        if not self.is_financial_years:
            return ""
        return f"{self.start.year}-{str(self.end.year)[-2:]}"

    @property
    def financial_year_starts(self) -> tuple[int, ...]:
        """The start years of the financial years the period covers (empty if it is not whole)."""
        if not self.is_financial_years:
            return ()
        return tuple(range(self.start.year, self.end.year))

    def __str__(self) -> str:
        if self.label:
            return self.label
        if self.financial_label:
            return self.financial_label
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


# ---------------------------------------------------------------------------------------------
# validators


def _check_figure(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Unknown | Bound):
        _check_number(instance, attribute, value)


def _check_optional_figure(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _check_figure(instance, attribute, value)


def _check_count(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, Unknown | Bound):
        return
    if isinstance(value, bool) or not isinstance(value, int):
        kind = type(value).__name__
        msg = (
            f"'{attribute.name}' must be a whole number or a stated unknown, not {kind}: {value!r}"
        )
        raise TypeError(msg)


def _check_optional_count(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _check_count(instance, attribute, value)


def _check_optional_number(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _check_number(instance, attribute, value)


def _check_cells(_: Any, attribute: attrs.Attribute[Any], rows: Any) -> None:
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if isinstance(cell, bool | float) or not isinstance(
                cell, str | int | Decimal | Unknown | Bound
            ):
                msg = (
                    f"'{attribute.name}[{r}][{c}]' must be text, a number or a stated unknown, "
                    f"not {type(cell).__name__}: {cell!r}"
                )
                raise TypeError(msg)


def _check_bands(instance: Any, attribute: attrs.Attribute[Any], bands: Any) -> None:
    if not bands:
        return
    keys = [column.key for column in instance.columns[1:]]
    listed = [key for band in bands for key in band]
    if sorted(listed) != sorted(keys) or not all(bands):
        msg = (
            f"'{attribute.name}' must list each column after the first exactly once, in "
            f"non-empty parts: the columns are {', '.join(keys)}; the parts list "
            f"{', '.join(listed) or 'none'}"
        )
        raise ValueError(msg)


def _check_counts(_: Any, attribute: attrs.Attribute[Any], pairs: Any) -> None:
    for i, pair in enumerate(pairs):
        if len(pair) != 2 or not isinstance(pair[0], str):
            msg = f"'{attribute.name}[{i}]' must be a [category, count] pair: {pair!r}"
            raise TypeError(msg)
        count = pair[1]
        if not isinstance(count, Unknown | Bound) and (
            isinstance(count, bool) or not isinstance(count, int)
        ):
            msg = f"'{attribute.name}[{i}]' must count with a whole number or a stated unknown"
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


PAGE_PATTERN = re.compile(r"^(?:\d+|[ivxlcdm]+)(?:\s*[-–]\s*(?:\d+|[ivxlcdm]+))?$", re.IGNORECASE)


def _check_page(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value and (not isinstance(value, str) or not PAGE_PATTERN.match(value)):
        msg = (
            f"'{attribute.name}' must be a page number or range "
            f"(for example '12' or '12-13'): {value!r}"
        )
        raise ValueError(msg)


def _page() -> Any:
    """A ``page`` field: the page of the published document something appears on."""
    return field(default="", validator=_check_page)


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


NUMERIC_COLUMNS = frozenset(
    {ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.PERCENT, ColumnType.MONEY}
)
"""Column types whose cells are figures (right-aligned, chartable, checked)."""


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
    CHILD_SAFEGUARDING_PRACTICE_REVIEW_PANEL = "child_safeguarding_practice_review_panel"
    WHAT_WORKS_CENTRE = "what_works_centre"
    LOCAL_HEALTHWATCH = "local_healthwatch"
    OTHER = "other"


class ReviewKind(enum.Enum):
    """Kinds of case review and audit."""

    SERIOUS_CASE_REVIEW = "serious_case_review"
    RAPID_REVIEW = "rapid_review"
    CHILD_SAFEGUARDING_PRACTICE_REVIEW = "child_safeguarding_practice_review"
    LEARNING_REVIEW = "learning_review"
    MULTI_AGENCY_AUDIT = "multi_agency_audit"
    SINGLE_AGENCY_AUDIT = "single_agency_audit"
    SECTION_11_AUDIT = "section_11_audit"
    DOMESTIC_HOMICIDE_REVIEW = "domestic_homicide_review"
    SAFEGUARDING_ADULTS_REVIEW = "safeguarding_adults_review"
    OTHER = "other"


class ReviewStatus(enum.Enum):
    """Where a review stands at the end of the period."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    AWAITING_PUBLICATION = "awaiting_publication"
    PUBLISHED = "published"
    NOT_TO_BE_PUBLISHED = "not_to_be_published"


class BudgetKind(enum.Enum):
    """Whether a budget gives what happened, what is planned or an outline."""

    ACTUAL = "actual"
    PLANNED = "planned"
    OUTLINE = "outline"


class ChairRole(enum.Enum):
    """How a person chaired or signed for the Board."""

    CHAIR = "chair"
    INTERIM_CHAIR = "interim_chair"
    VICE_CHAIR = "vice_chair"


class Inspectorate(enum.Enum):
    """The body that inspected."""

    OFSTED = "ofsted"
    CQC = "cqc"
    HMIC = "hmic"
    HMI_PROBATION = "hmi_probation"
    HMI_PRISONS = "hmi_prisons"
    JOINT = "joint"
    OTHER = "other"


class Judgement(enum.Enum):
    """An inspection's overall judgement, on Ofsted's four-point scale."""

    OUTSTANDING = "outstanding"
    GOOD = "good"
    REQUIRES_IMPROVEMENT = "requires_improvement"
    INADEQUATE = "inadequate"
    NOT_JUDGED = "not_judged"


class ClaimKind(enum.Enum):
    """How a figure in prose is recomputed from data."""

    VALUE = "value"  # the stated figure equals the referenced value
    SUM = "sum"  # the stated figure equals the sum of the referenced values
    SHARE = "share"  # stated percent = 100 * sum(refs) / sum(of)
    CHANGE = "change"  # stated percent change from `of` to `refs`
    COMPARE = "compare"  # the comparative in `text` ("higher than") holds from `refs` to `of`


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
    ACTIVITY = "activity"
    IMPACT_EVIDENCE = "impact_evidence"
    LITTLE_OR_NO_PROGRESS = "little_or_no_progress"
    PRACTICE_REVIEW_ACTIONS = "practice_review_actions"
    FEEDBACK_FROM_CHILDREN_AND_FAMILIES = "feedback_from_children_and_families"
    INDEPENDENT_SCRUTINY = "independent_scrutiny"
    ACCESSIBLE_SUMMARY = "accessible_summary"
    STRATEGY = "strategy"
    MEMBER_CONTRIBUTIONS = "member_contributions"
    SAFEGUARDING_ADULTS_REVIEW_FINDINGS = "safeguarding_adults_review_findings"
    SAFEGUARDING_ADULTS_REVIEWS_ONGOING = "safeguarding_adults_reviews_ongoing"
    SAFEGUARDING_ADULTS_REVIEW_ACTIONS = "safeguarding_adults_review_actions"
    FINDINGS_NOT_IMPLEMENTED = "findings_not_implemented"


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
    start: DateOrMonth | None = None
    """When they took up the role, if during the period."""
    end: DateOrMonth | None = None
    """When they left it, if during the period."""


@frozen(kw_only=True)
class Chair:
    """A Chair of the Board; ``Report.chair`` is the one who publishes the report (s14A)."""

    name: str
    """The Chair's name."""
    independent: bool = False
    """Whether the Chair is independent of the Board's member agencies."""
    title: str = "Chair"
    """The Chair's title as printed in the report, for example `"Independent Chair"`."""
    role: ChairRole = ChairRole.CHAIR
    """Whether they chaired, chaired in the interim, or were vice-chair."""
    start: DateOrMonth | None = None
    """When they took up the role, if during the period."""
    end: DateOrMonth | None = None
    """When they left it, if during the period."""


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
    """Which recipient this is."""
    name: str = ""
    """The person's name, if you want it printed."""
    status: SubmissionStatus = SubmissionStatus.SUBMITTED
    """Whether the report says it was submitted to them, or only that it should be
    (`"to_be_submitted"`); the title page says which."""


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
    value: Figure = field(validator=_check_figure)
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
    value: Figure = field(validator=_check_figure)
    """The KPI's figure in that period."""


@frozen(kw_only=True)
class Claim:
    """A figure stated in prose that a check recomputes from data.

    ``text`` is the figure exactly as it appears in the prose (for example ``"58%"``), or for a
    ``compare`` claim the comparative words (``"higher than"``, ``"doubled"``); ``refs`` and
    ``of`` are data references (see docs/format.md, "References"). A ``compare`` claim states
    no figure.
    """

    kind: ClaimKind
    """How the figure is worked out from the data."""
    text: str
    """The figure as written in the prose."""
    stated: Number | None = field(default=None, validator=_check_optional_number)
    """Required except for `compare` claims. The figure as a number (`65` for "65%"; `-10` for
    "fell by 10%")."""
    refs: tuple[str, ...] = field(converter=_tuple)
    """References to the data the figure is about."""
    of: tuple[str, ...] = field(default=(), converter=_tuple)
    """For `share`, `change` and `compare`: references to the whole, to the earlier figure, or to
    the figure compared with."""
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
    page: str = _page()
    """The page (or pages, `"12-13"`) of the published document it appears on."""


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
    value: Figure = field(validator=_check_figure)
    """The figure for the period; a stated unknown (`{ reason = "not_published" }`) or a bound
    (`over 5,000`) when the report gives no exact number."""
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
    denominator: Figure | None = field(default=None, validator=_check_optional_figure)
    """The whole the figure is a share or rate of, for example the number of children
    in the area."""
    denominator_label: str = ""
    """What the denominator counts, for example `"children aged 0-17"`."""
    rate_per: int | None = field(
        default=None,
        validator=attrs.validators.optional(
            attrs.validators.and_(attrs.validators.instance_of(int), attrs.validators.gt(0))
        ),
    )
    """The figure is a rate per this many, for example `10000` for a rate per 10,000 children."""
    page: str = _page()
    """The page (or pages, `"12-13"`) of the published document it appears on."""


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
    signs: bool = True
    """Whether each cell prints its sign: the `%` of a percent column, the currency symbol of a
    money column. Set it to false where the published table states the unit once, in its
    caption or heading (`"% received by service area"`), and prints bare figures."""


@frozen(kw_only=True)
class ColumnTotal:
    """A published total of one column over all rows (or over the named rows)."""

    column: str
    """The key of the column totalled."""
    value: Figure = field(validator=_check_figure)
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
    """One list per row, one value per column; the first value is the row's label. A withheld cell
    is a stated unknown with the published marker: `{ reason = "suppressed", marker = "x" }`."""
    source: str = ""
    """Where the figures come from."""
    note: str = ""
    """A note printed under the table."""
    totals: tuple[ColumnTotal, ...] = field(default=(), converter=_tuple)
    """Published totals of columns."""
    row_sums: tuple[RowSum, ...] = field(default=(), converter=_tuple)
    """Columns that are published as the sum of other columns in each row."""
    bands: tuple[tuple[str, ...], ...] = field(default=(), converter=_rows, validator=_check_bands)
    """For a wide table published in parts, one under another, each repeating the row labels:
    the keys of the columns each part shows, part by part (`[["fostering", "education"],
    ["residential", "others"]]`). Every column after the first is in exactly one part. Leave it
    out to print the table whole."""
    percent_of: str = ""
    """For a table of percentages: the id of the table of counts it was worked out from (same row
    labels and column keys). Each percentage is checked against 100 × count ÷ row total."""
    page: str = _page()
    """The page (or pages, `"12-13"`) of the published document it appears on."""

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
    page: str = _page()
    """The page (or pages, `"12-13"`) of the published document it appears on."""


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
    plan_period: Period | None = field(default=None, converter=_optional_period)
    """The span of the plan the priority belongs to, for example `"2016-19"`, when it runs beyond
    the report's year."""


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
    """The question as the return words it; printed as the answer's heading."""
    answer: str
    """The agency's answer."""
    topic: AnswerTopic | None = None
    """The standard question it answers, for the checks."""


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
    under the standard questions of ``wording.AGENCY_RETURN_QUESTIONS`` in that order.
    """

    agency: str
    """The agency's name."""
    partner: StatutoryPartner | None = None
    """Which statutory Board partner the agency is, if it is one."""
    label: str = ""
    """The form's label printed before the agency's name, such as `"Agency"`."""
    questions: tuple[AgencyAnswer, ...] = field(
        default=(), converter=_tuple, validator=_no_mixed_answers
    )
    """The return's own questions and answers, in its order."""
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


"""The standard annual-return questions, as the Board's return form words them."""


def agency_return_question(field_name: str, period_start: dt.date) -> str:
    """Return the standard question for an AgencyReturn field, for a period starting then."""
    year = period_start.year
    return wording.AGENCY_RETURN_QUESTIONS[field_name].format(
        year=f"{year}/{str(year + 1)[-2:]}", next_year=f"{year + 1}/{str(year + 2)[-2:]}"
    )


@frozen(kw_only=True)
class IncomeLine:
    """Money or support a partner gave the Board."""

    contributor: str
    """The contributor as published; claims find the line by this text."""
    amount: Figure | None = field(default=None, validator=_check_optional_figure)
    """The amount as published (negative if the statement prints income that way). Leave it out
    only for a contribution in kind that the report gives no value for."""
    kind: IncomeKind = IncomeKind.CASH
    """What kind of income it is."""
    partner: StatutoryPartner | None = None
    """The statutory Board partner that gave it."""
    note: str = ""
    """A note printed beside the line."""

    def __attrs_post_init__(self) -> None:
        if self.amount is None and self.kind is not IncomeKind.IN_KIND:
            msg = "'amount' may be left out only for a contribution in kind (kind = \"in_kind\")"
            raise ValueError(msg)


@frozen(kw_only=True)
class ExpenditureLine:
    """One line of the Board's spending."""

    item: str
    """The item as published; claims find the line by this text."""
    amount: Figure = field(validator=_check_figure)
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

    period: Period = field(converter=_period)
    """The year the budget is for: a financial year such as `"2014-15"`, or `{ start = ..., end =
    ... }`."""
    income: tuple[IncomeLine, ...] = field(converter=_tuple)
    """The income lines, in the published order."""
    expenditure: tuple[ExpenditureLine, ...] = field(converter=_tuple)
    """The spending lines, in the published order."""
    income_total: Figure | None = field(default=None, validator=_check_optional_figure)
    """The income total as published."""
    expenditure_total: Figure | None = field(default=None, validator=_check_optional_figure)
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
    kind: BudgetKind = BudgetKind.ACTUAL
    """Whether it gives the year's actual figures, a planned budget or an outline."""
    brought_forward: Figure | None = field(default=None, validator=_check_optional_figure)
    """Reserves brought forward from the year before, as published."""
    carried_forward: Figure | None = field(default=None, validator=_check_optional_figure)
    """Reserves carried forward into the year after, as published."""
    page: str = _page()
    """The page (or pages, `"12-13"`) of the published document it appears on."""

    @property
    def description(self) -> str:
        """``"budget for 2014-15"``, ``"outline budget for 2016-17"``."""
        kind = "" if self.kind is BudgetKind.ACTUAL else f"{self.kind.value} "
        return f"{kind}budget for {self.period}"


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
    start: DateOrMonth | None = None
    """When the member joined, if during the period (a lay member appointed in December)."""
    end: DateOrMonth | None = None
    """When the member left, if during the period."""


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
    percent: Figure | None = field(default=None, validator=_check_optional_figure)
    """The share of meetings attended, from 0 to 100. Leave it out where nothing was published for
    the member, or state why (`{ reason = "not_published" }`)."""
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
    meetings: Count | None = field(default=None, validator=_check_optional_count)
    """How many meetings were held."""
    column_label: str = "% attendance"
    """The heading of the attendance column."""
    name_label: str = "Name"
    """The heading of the names column, as the report prints it."""
    note: str = ""
    """A note printed under the table."""
    id: str | None = field(default=None, validator=_check_id)
    """The block's id; it is also the id of its derived table."""
    page: str = _page()
    """The page (or pages, `"12-13"`) of the published document it appears on."""


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
    cases_considered: Count | None = field(default=None, validator=_check_optional_count)
    """How many cases were considered for review."""
    met_criteria: Count | None = field(default=None, validator=_check_optional_count)
    """How many met the criteria for a review."""
    commissioned: Count | None = field(default=None, validator=_check_optional_count)
    """How many reviews were commissioned."""
    published: Count | None = field(default=None, validator=_check_optional_count)
    """How many reviews were published."""
    lessons: tuple[str, ...] = field(default=(), converter=_tuple)
    """The lessons learnt, one per entry."""
    actions: tuple[str, ...] = field(default=(), converter=_tuple)
    """The actions taken or planned, one per entry."""
    none_in_period: bool = False
    """`true` to state that there was no review of this kind in the year."""
    id: str | None = field(default=None, validator=_check_id)
    """The block's id."""
    notified: Count | None = field(default=None, validator=_check_optional_count)
    """How many cases were notified (to Ofsted or the national panel) in the year."""
    unpublished: Count | None = field(default=None, validator=_check_optional_count)
    """How many completed reviews are not (yet) published."""
    status: ReviewStatus | None = None
    """Where the review stands at the end of the year."""
    page: str = _page()
    """The page (or pages, `"12-13"`) of the published document it appears on."""


@frozen(kw_only=True)
class Breakdown:
    """Counts of one total by category (for example deaths by place of death)."""

    label: str
    """What the deaths are broken down by; it also names the derived table."""
    counts: tuple[tuple[str, Count], ...] = field(converter=_rows, validator=_check_counts)
    """One `["category", count]` pair per category; a withheld count is a stated unknown."""
    of_total: bool = True
    """Whether the counts break down all the deaths reviewed."""


@frozen(kw_only=True)
class Share:
    """A figure published as a share of a whole: "86% of 171 deaths", "63% of those".

    ``of`` is the whole when the report gives it; ``within`` names the share (by id) whose part
    this is a share of, for "63% of those".
    """

    label: str
    """What the share is of, as a short phrase."""
    percent: Figure = field(validator=_check_figure)
    """The share, from 0 to 100, as published."""
    count: Count | None = field(default=None, validator=_check_optional_count)
    """The number the share stands for, where the report gives it."""
    of: Count | None = field(default=None, validator=_check_optional_count)
    """The whole, where the report gives it (171)."""
    of_label: str = ""
    """What the whole counts, for example `"deaths notified"`."""
    within: str = ""
    """The id of the share this one is a part of ("63% of those")."""
    id: str | None = field(default=None, validator=_check_id)
    """The share's id, for claims."""


@frozen(kw_only=True)
class ChildDeathReview:
    """Child Death Overview Panel activity for the period (LSCB Regulations 2006 reg 6)."""

    panel: str
    """The panel's name."""
    deaths_reviewed: Count = field(validator=_check_count)
    """How many deaths the panel reviewed in the year."""
    meetings: Count | None = field(default=None, validator=_check_optional_count)
    """How many times the panel met."""
    modifiable: Count | None = field(default=None, validator=_check_optional_count)
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
    deaths_notified: Count | None = field(default=None, validator=_check_optional_count)
    """How many deaths were notified to the panel in the year."""
    shares: tuple[Share, ...] = field(default=(), converter=_tuple)
    """Figures the report gives as shares: "86% of 171 deaths", "63% of those"."""
    page: str = _page()
    """The page (or pages, `"12-13"`) of the published document it appears on."""


@frozen(kw_only=True)
class Inspection:
    """An inspection of the area's services or of the Board, with its judgement."""

    inspectorate: Inspectorate
    """Who inspected."""
    title: str
    """The inspection's title as published."""
    date: DateOrMonth | None = None
    """When the inspection report was published (or, failing that, when the inspection
    took place)."""
    judgement: Judgement | None = None
    """The overall judgement on Ofsted's four-point scale."""
    judgement_text: str = ""
    """The judgement as published."""
    summary: str = ""
    """What the inspection found."""
    id: str | None = field(default=None, validator=_check_id)
    """The block's id."""
    page: str = _page()
    """The page (or pages, `"12-13"`) of the published document it appears on."""


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
    | Inspection
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
    "inspection": Inspection,
    "glossary": Glossary,
}
"""The ``type`` tag of each block kind in TOML."""

BLOCK_TAGS: dict[type[Any], str] = {cls: tag for tag, cls in BLOCK_TYPES.items()}


def block_tag(block: Block) -> str:
    """Return the TOML ``type`` tag of ``block``."""
    return BLOCK_TAGS[type(block)]


# ---------------------------------------------------------------------------------------------
# the arrangement: who publishes the report, which with the period selects the statutory edition


class ArrangementKind(enum.Enum):
    """The body that publishes the report; with the period it chooses the statutory edition."""

    LSCB = "lscb"
    SAFEGUARDING_PARTNERSHIP = "safeguarding_partnership"
    SAFEGUARDING_ADULTS_BOARD = "safeguarding_adults_board"


class PartnerBody(enum.Enum):
    """The safeguarding partners (Children Act 2004 s16E) and a board's core members."""

    LOCAL_AUTHORITY = "local_authority"
    POLICE = "police"
    CLINICAL_COMMISSIONING_GROUP = "clinical_commissioning_group"
    INTEGRATED_CARE_BOARD = "integrated_care_board"
    OTHER = "other"


@frozen(kw_only=True)
class Partner:
    """A safeguarding partner or board member, who leads for it and what it did in the year."""

    organisation: str
    """The organisation's name."""
    body: PartnerBody = PartnerBody.OTHER
    """Which safeguarding partner it is."""
    lead: str = ""
    """The lead safeguarding partner: the head of the organisation (Working Together 2023)."""
    delegate: str = ""
    """The delegated safeguarding partner, where the lead delegates."""
    activity: str = ""
    """What the organisation did in the year for the arrangements or the board's strategy."""


@frozen(kw_only=True)
class Scrutiny:
    """Independent scrutiny of the arrangements, and its contribution to this report."""

    scrutineer: str
    """Who scrutinises: a name and role, or a body."""
    arrangements: str = ""
    """How scrutiny is done: by whom, how often, with what access."""
    findings: str = ""
    """What the scrutiny found about how well the arrangements work."""
    contribution: str = ""
    """How the scrutineer evaluated and contributed to this report."""


@frozen(kw_only=True)
class Arrangement:
    """The local safeguarding arrangement that publishes the report."""

    kind: ArrangementKind
    """What publishes the report."""
    partners: tuple[Partner, ...] = field(default=(), converter=_tuple)
    """The safeguarding partners (for a partnership) or the Board's members (for an
    adults board)."""
    relevant_agencies: tuple[str, ...] = field(default=(), converter=_tuple)
    """The relevant agencies that take part in the arrangements."""
    education: str = ""
    """How schools, colleges, early years and childcare settings take part."""
    scrutiny: Scrutiny | None = None
    """The independent scrutiny of the arrangements."""
    changes: str = ""
    """Changes made to the arrangements in the period."""
    publication: str = ""
    """Where the report and the published arrangements can be read."""
    children: Count | None = field(default=None, validator=_check_optional_count)
    """How many children (aged 0 to 17) live in the area, as the report states it; `boardreport
    audit` divides the year's spend by it."""


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
    author: Person | None = None
    """Who signed the section, where the report names someone other than the Chair (a foreword by a
    vice-chair)."""
    page: str = _page()
    """The page (or pages, `"12-13"`) of the published document it appears on."""


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
    publication_date: DateOrMonth | None = None
    """The date the report is published; it must fall after the period ends. Where only the month
    is known, write it in quotes: `"2016-09"`."""
    framework: str = ""
    """The statutory edition the report is checked against: `"WT2013"`, `"WT2015"`, `"WT2018"`,
    `"WT2023"` or `"CA2014"` (older spellings such as `"wt2013"` work too). Leave it out and the
    edition follows from the period and the arrangement kind (what changed between editions)."""
    arrangement: Arrangement | None = None
    """The local arrangement that publishes the report: an LSCB, a safeguarding partnership or a
    Safeguarding Adults Board."""
    recipients: tuple[Recipient, ...] = field(default=(), converter=_tuple)
    """Who the report is submitted to."""
    sections: tuple[Section, ...] = field(default=(), converter=_tuple)
    """Sections written in `report.toml` itself (`[[sections]]`); they come before the sections of
    `parts`."""
    suppressions: tuple[Suppression, ...] = field(default=(), converter=_tuple)
    """Check findings the Board accepts, each with its reason."""
    language: str = "en-GB"
    """The language of the report's text, as a language tag."""
    other_chairs: tuple[Chair, ...] = field(default=(), converter=_tuple)
    """Others who chaired or signed for the Board in the period: a Chair who left during the year,
    an interim Chair, a vice-chair who wrote the foreword."""
    scrutineer: Person | None = None
    """The independent scrutineer of the arrangements, where there is one."""
    period_inferred: bool = False
    """`true` when the report does not state its period and `period_start` and `period_end` were
    read from its text."""
    source: str = ""
    """The published document this report encodes: its title or web address."""
    disclosure_threshold: int = 5
    """Counts of children from 1 to this are flagged by the disclosure-control checks (pack SDC);
    `0` turns them off."""
    previous: str = ""
    """The folder of the same board's report for the year before, relative to this report's folder
    (`"../2019-20"`): the year-on-year checks (pack YOY) compare the two reports."""

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
# ids and money (the tables typed blocks present are in boardreport.blocks)


def slug(text: str, *, empty: str = "") -> str:
    """``text`` in lower case with each run of other characters a hyphen: ids and anchors;
    ``empty`` when nothing of ``text`` is left (an anchor needs some name)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or empty
