"""Whether a report carries a content duty: evidence, not declarations.

A duty is met by content with substance for the reporting period: the typed blocks that carry
it (a child death review with its counts, a budget for the report's own year with its lines,
reviews with their lessons), or a section that declares the duty (``meets``) and whose text has
substance and speaks of the duty's subject. Every statutory pack asks here, with the report (in
its rule context) and the duty, so the evidence logic is the same in every edition.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator

from attrs import frozen

from boardreport import blocks as block_kinds
from boardreport import model, wording
from boardreport.blocks.budget import has_content as budget_has_content
from boardreport.blocks.child_deaths import has_content as child_death_review_has_content
from boardreport.blocks.review import has_content as review_has_content
from boardreport.model import ExpenditureCategory, IncomeKind, Requirement, ReviewKind
from boardreport.rules._content import (
    all_sections,
    any_text,
    blocks,
    nonzero,
    section_has_content,
    section_states_not_published,
    section_text,
    text,
)
from boardreport.rules._numbers import (
    financial_year_label,
    financial_year_of,
    number,
    years_of,
)
from boardreport.rules._numbers import show as show_number
from boardreport.rules._registry import RuleContext


class Status(enum.Enum):
    """How far a report carries a duty."""

    MET = "met"
    NOT_PUBLISHED = "not_published"
    """Declared, but the report states that the data was not published."""
    MISSING = "missing"


LEARNING_REVIEWS = (
    ReviewKind.SERIOUS_CASE_REVIEW,
    ReviewKind.LEARNING_REVIEW,
    ReviewKind.MULTI_AGENCY_AUDIT,
    ReviewKind.OTHER,
)
"""Review kinds whose lessons count as lessons from reviews."""

AUDITS = (
    ReviewKind.SECTION_11_AUDIT,
    ReviewKind.MULTI_AGENCY_AUDIT,
    ReviewKind.SINGLE_AGENCY_AUDIT,
)
"""Review kinds that evidence monitoring and evaluating effectiveness."""


@frozen(kw_only=True)
class Topic:
    """How a duty's content shows itself: words in a section title, and words in its text."""

    title: re.Pattern[str]
    text: re.Pattern[str] | None
    """Words a declared section's text must use; None where any text with substance will do."""
    subject: str


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


TOPICS: dict[Requirement, Topic] = {
    Requirement.CHAIR_STATEMENT: Topic(
        title=_words(
            r"\bforeword\b|\bchair(?:'s|’s|man's|person's)?\s+(?:introduction|statement|message|"
            r"foreword|welcome|overview|report)|(?:introduction|message|statement|welcome)\s+"
            r"(?:from|by)\s+(?:the\s+)?(?:independent\s+)?chair"
        ),
        text=None,
        subject="a statement by the Chair",
    ),
    Requirement.EFFECTIVENESS_ASSESSMENT: Topic(
        title=_words(
            r"\beffective|\bperformance\b|\bassess|\bhow (?:well|effective|safe)|"
            r"\bstate of safeguarding|\boverall (?:summary|judgement)"
        ),
        text=None,
        subject="the performance and effectiveness of local services",
    ),
    Requirement.LESSONS_FROM_REVIEWS: Topic(
        title=_words(r"\blessons?\b|\blearning (?:from|review|and improvement)|\bcase reviews?\b"),
        text=_words(r"lesson|learn|review|finding|recommend"),
        subject="lessons from reviews",
    ),
    Requirement.CHILD_DEATH_REVIEWS: Topic(
        title=_words(r"\bchild(?:ren)?(?:'s|’s)? deaths?\b|\bcdop\b|\bdeath overview|\bcdr\b"),
        text=_words(r"death|died|cdop|mortality|bereave|\bcdr\b"),
        subject="child death reviews",
    ),
    Requirement.SERIOUS_CASE_REVIEWS: Topic(
        title=_words(r"\bserious case|\bscrs?\b|\bcase reviews?\b|\bsafeguarding practice review"),
        text=_words(r"serious case|\bscrs?\b|case review|review"),
        subject="serious case reviews",
    ),
    Requirement.POLICIES_AND_PROCEDURES: Topic(
        title=_words(
            r"\bpolic(?:y|ies)\b|\bprocedures?\b|\bthresholds?\b|\bprivate fostering\b|"
            r"\blado\b|\ballegations?\b|\bsafer? recruitment\b"
        ),
        text=_words(
            r"polic|procedur|threshold|guidance|protocol|fostering|allegation|recruit|practice|"
            r"standard|pathway|framework|toolkit"
        ),
        subject="policies and procedures",
    ),
    Requirement.COMMUNICATION: Topic(
        title=_words(
            r"\bcommunicat|\bawareness\b|\bengag|\bvoice of|\bwebsite\b|\bnewsletter|\bcampaign"
        ),
        text=_words(
            r"communicat|aware|website|newsletter|campaign|engag|publici|social media|leaflet"
        ),
        subject="communicating and raising awareness",
    ),
    Requirement.MONITORING_EFFECTIVENESS: Topic(
        title=_words(
            r"\baudits?\b|\bquality\b|\bperformance\b|\bmonitor|\bsection 11\b|\bscrutiny\b|"
            r"\bassurance\b"
        ),
        text=_words(
            r"audit|monitor|quality|performance|section 11|evaluat|assur|scrutin|data|indicator|"
            r"review|inspect|challeng"
        ),
        subject="monitoring and evaluating effectiveness",
    ),
    Requirement.PLANNING_SERVICES: Topic(
        title=_words(r"\bplanning\b|\bcommission|\bstrateg|\bbusiness plan\b"),
        text=_words(r"plan|commission|strateg|service|priorit|provision"),
        subject="the planning of services",
    ),
    Requirement.TRAINING_EVALUATION: Topic(
        title=_words(r"\btraining\b|\blearning and development\b|\bworkforce development\b"),
        text=_words(r"train|course|learning|development|evaluat|impact"),
        subject="the effectiveness of training",
    ),
    Requirement.PARTNER_CONTRIBUTIONS: Topic(
        title=_words(r"\bbudget\b|\bfinanc|\bcontributions?\b|\bincome\b|\bfunding\b"),
        text=_words(r"contribut|income|fund|£|budget|grant"),
        subject="partner contributions",
    ),
    Requirement.EXPENDITURE: Topic(
        title=_words(r"\bbudget\b|\bfinanc|\bexpenditure\b|\bspend"),
        text=_words(r"spend|spent|expenditure|cost|budget|£"),
        subject="what the Board spent",
    ),
    Requirement.WEAKNESSES: Topic(
        title=_words(
            r"\bchallenges?\b|\bweakness|\bareas? (?:for|of) (?:development|improvement|concern)|"
            r"\brisks?\b|\bgaps?\b|\bconcerns?\b"
        ),
        text=None,
        subject="areas of weakness or challenge",
    ),
}
"""The subject of each duty, as titles and texts show it."""


def topic_of(requirement: Requirement) -> Topic:
    """The duty's topic; a duty without one is carried by any declared text with substance."""
    return TOPICS.get(requirement) or Topic(
        title=re.compile(r"(?!)"), text=None, subject=requirement.value.replace("_", " ")
    )


@frozen(kw_only=True)
class Lookalike:
    """A section that seems to carry a duty but does not declare it, and the line to add."""

    path: str
    line: str


@frozen(kw_only=True)
class Evidence:
    """What the report holds for one duty."""

    requirement: Requirement
    met: tuple[str, ...] = ()
    """Paths of typed blocks and declared sections that carry the duty with substance."""
    empty: tuple[str, ...] = ()
    """Declared sections with no substance (placeholders, "N/A", nothing)."""
    off_topic: tuple[str, ...] = ()
    """Declared sections whose text has substance but never speaks of the duty's subject."""
    not_published: tuple[str, ...] = ()
    """Declared sections or blocks that state the data was not published."""
    not_for_period: tuple[str, ...] = ()
    """Declared sections whose typed content for the duty is for another year, or is empty."""
    lookalikes: tuple[Lookalike, ...] = ()
    nearby: tuple[str, ...] = ()
    declared: tuple[str, ...] = ()
    """Paths of the sections that declare the duty."""
    """What the report holds near the duty, in words, for a finding that helps."""

    @property
    def status(self) -> Status:
        """Met, declared with the data not published, or missing."""
        if self.met:
            return Status.MET
        return Status.NOT_PUBLISHED if self.not_published else Status.MISSING

    @property
    def where(self) -> str:
        """The data path a finding about a missing duty points at."""
        for paths in (self.not_published, self.not_for_period, self.empty, self.off_topic):
            if paths:
                declared = paths[0] in self.declared
                return f"{paths[0]}.meets" if declared else paths[0]
        return self.lookalikes[0].path if self.lookalikes else ""

    def explain(self) -> str:
        """The notes a finding about a missing duty adds: why declared content fails, hints."""
        notes: list[str] = []
        if self.not_published:
            notes.append(f"{', '.join(self.not_published)} states that the data was not published")
        if self.not_for_period:
            notes.append(
                f"{', '.join(self.not_for_period)} declares it, but what it holds for it is not "
                "for the reporting period or has no figures"
            )
        if self.empty:
            notes.append(
                f"{', '.join(self.empty)} declares it but holds only placeholders or nothing"
            )
        if self.off_topic:
            subject = topic_of(self.requirement).subject
            notes.append(f"{', '.join(self.off_topic)} declares it but says nothing of {subject}")
        for lookalike in self.lookalikes:
            notes.append(
                f"section {lookalike.path!r} looks like it carries it but does not declare it: "
                f"add `{lookalike.line}` to it"
            )
        if self.nearby:
            notes.append("the report has " + "; ".join(self.nearby))
        return f" ({'; '.join(notes)})" if notes else ""


def meets_line(section: model.Section, requirement: Requirement) -> str:
    """The exact ``meets`` line a section needs to declare ``requirement`` too."""
    values = [r.value for r in section.meets if r is not requirement] + [requirement.value]
    return "meets = [" + ", ".join(f'"{v}"' for v in values) + "]"


# ---------------------------------------------------------------------------------------------
# budgets and periods


class BudgetYear(enum.Enum):
    """How a budget relates to the reporting period."""

    OWN = "own"
    OTHER_YEAR = "other_year"
    NOT_ACTUAL = "not_actual"


def budget_kind(budget: model.Budget) -> str:
    """The budget's kind: ``actual``, ``planned`` or ``outline``."""
    return budget.kind.value


def budget_years(budget: model.Budget) -> set[int]:
    """The start years of the financial years a budget names (its year, else its period label)."""
    for value in (getattr(budget, "year", None), budget.period):
        found = years_of(value)
        if found:
            return found
    return set()


def budget_year(ctx: RuleContext, budget: model.Budget) -> BudgetYear:
    """Whether ``budget`` is the actual budget of the report's own financial year."""
    years = budget_years(budget)
    if years and financial_year_of(ctx.report.period_start) not in years:
        return BudgetYear.OTHER_YEAR
    if budget_kind(budget) != "actual":
        return BudgetYear.NOT_ACTUAL
    return BudgetYear.OWN


def own_budgets(ctx: RuleContext) -> list[model.Located]:
    """The report's actual budgets for its own financial year, in reading order."""
    return [b for b in blocks(ctx, model.Budget) if budget_year(ctx, b.item) is BudgetYear.OWN]


def _describe_budget(ctx: RuleContext, located: model.Located) -> str:
    budget: model.Budget = located.item
    status = budget_year(ctx, budget)
    years = sorted(budget_years(budget))
    named = ", ".join(financial_year_label(y) for y in years) or str(budget.period) or "no year"
    if status is BudgetYear.OTHER_YEAR:
        return f"a budget for {named} at {located.path}, not the report's year"
    if status is BudgetYear.NOT_ACTUAL:
        return f"a {budget_kind(budget)} budget for {named} at {located.path}, not an actual one"
    return f"a budget at {located.path} with no amounts other than 0"


def block_period_ok(ctx: RuleContext, block: object) -> bool:
    """False when a block names a financial year (``period``) other than the report's own."""
    years = years_of(getattr(block, "period", None))
    return not years or financial_year_of(ctx.report.period_start) in years


def money(amount: object, currency: str = "GBP") -> str:
    """An amount as a message shows it: ``£8,500`` (income shown as negative: its magnitude)."""
    symbol = wording.CURRENCY_SYMBOLS.get(currency, currency + " ")
    value = number(amount)
    return f"{symbol}{show_number(abs(value))}" if value is not None else str(amount)


# ---------------------------------------------------------------------------------------------
# typed evidence per duty


def _reviews(ctx: RuleContext, kinds: tuple[ReviewKind, ...]) -> Iterator[model.Located]:
    for located in blocks(ctx, model.Review):
        if located.item.kind in kinds and block_period_ok(ctx, located.item):
            yield located


def _typed_lessons(ctx: RuleContext) -> list[str]:
    return [
        r.path
        for r in _reviews(ctx, LEARNING_REVIEWS)
        if r.item.none_in_period or any_text(r.item.lessons)
    ]


def _typed_child_deaths(ctx: RuleContext) -> list[str]:
    return [
        r.path
        for r in blocks(ctx, model.ChildDeathReview)
        if block_period_ok(ctx, r.item) and child_death_review_has_content(r.item)
    ]


def _typed_serious_case_reviews(ctx: RuleContext) -> list[str]:
    return [
        r.path
        for r in _reviews(ctx, (ReviewKind.SERIOUS_CASE_REVIEW,))
        if review_has_content(r.item)
    ]


def _typed_audits(ctx: RuleContext) -> list[str]:
    return [r.path for r in _reviews(ctx, AUDITS) if review_has_content(r.item)]


def _typed_income(ctx: RuleContext) -> list[str]:
    return [
        b.path
        for b in own_budgets(ctx)
        if any(
            text(line.contributor) and nonzero(line.amount)
            for line in b.item.income
            if line.kind is not IncomeKind.CARRIED_FORWARD
        )
    ]


def _typed_spending(ctx: RuleContext) -> list[str]:
    return [
        b.path
        for b in own_budgets(ctx)
        if any(text(line.item) and nonzero(line.amount) for line in b.item.expenditure)
    ]


def _typed_challenges(ctx: RuleContext) -> list[str]:
    return [
        c.path
        for c in blocks(ctx, model.Challenge)
        if text(c.item.title) or text(c.item.description)
    ]


CARRIED_BY: dict[Requirement, type] = {
    Requirement.PARTNER_CONTRIBUTIONS: model.Budget,
    Requirement.EXPENDITURE: model.Budget,
    Requirement.CHILD_DEATH_REVIEWS: model.ChildDeathReview,
    Requirement.SERIOUS_CASE_REVIEWS: model.Review,
}
"""The block kind whose figures a declared section must hold for the period, where it holds one."""


def _carries(block: object, requirement: Requirement) -> bool:
    """True when ``block`` is the kind of block that carries ``requirement``."""
    if isinstance(block, model.Review):
        return block.kind is ReviewKind.SERIOUS_CASE_REVIEW
    return True


def _chairs_own_words(ctx: RuleContext) -> list[str]:
    """Sections with substance whose author is a Chair of the report (or another who chaired)."""
    report = ctx.report
    chairs = [report.chair, *getattr(report, "other_chairs", ())]
    names = {" ".join(c.name.lower().split()) for c in chairs if c is not None and text(c.name)}
    found = []
    for located in all_sections(ctx):
        author = getattr(located.item, "author", None)
        name = " ".join(getattr(author, "name", "").lower().split())
        if name and name in names and section_has_content(located.item):
            found.append(located.path)
    return found


TYPED: dict[Requirement, Callable[[RuleContext], list[str]]] = {
    Requirement.CHAIR_STATEMENT: _chairs_own_words,
    Requirement.LESSONS_FROM_REVIEWS: _typed_lessons,
    Requirement.CHILD_DEATH_REVIEWS: _typed_child_deaths,
    Requirement.SERIOUS_CASE_REVIEWS: _typed_serious_case_reviews,
    Requirement.MONITORING_EFFECTIVENESS: _typed_audits,
    Requirement.PARTNER_CONTRIBUTIONS: _typed_income,
    Requirement.EXPENDITURE: _typed_spending,
    Requirement.WEAKNESSES: _typed_challenges,
}
"""The typed blocks that carry a duty without any ``meets`` declaration."""


# ---------------------------------------------------------------------------------------------
# what the report has nearby


_SPEND_FOR: dict[Requirement, tuple[ExpenditureCategory, ...]] = {
    Requirement.CHILD_DEATH_REVIEWS: (ExpenditureCategory.CHILD_DEATH_REVIEW,),
    Requirement.SERIOUS_CASE_REVIEWS: (ExpenditureCategory.SERIOUS_CASE_REVIEW,),
    Requirement.LESSONS_FROM_REVIEWS: (ExpenditureCategory.SERIOUS_CASE_REVIEW,),
    Requirement.TRAINING_EVALUATION: (
        ExpenditureCategory.TRAINING,
        ExpenditureCategory.LEARNING_EVENTS,
    ),
}


def _nearby(ctx: RuleContext, requirement: Requirement) -> list[str]:
    found: list[str] = []
    categories = _SPEND_FOR.get(requirement, ())
    for located in blocks(ctx, model.Budget):
        budget: model.Budget = located.item
        for line in budget.expenditure:
            if line.category in categories and nonzero(line.amount):
                found.append(
                    f"the budget at {located.path} spending {money(line.amount, budget.currency)} "
                    f"on {line.item!r}"
                )
    if requirement in (Requirement.PARTNER_CONTRIBUTIONS, Requirement.EXPENDITURE):
        for located in blocks(ctx, model.Budget):
            status = budget_year(ctx, located.item)
            if status is not BudgetYear.OWN or not budget_has_content(located.item):
                found.append(_describe_budget(ctx, located))
    if requirement is Requirement.CHILD_DEATH_REVIEWS:
        for located in blocks(ctx, model.ChildDeathReview):
            if not block_period_ok(ctx, located.item):
                found.append(f"a child death review for {located.item.period} at {located.path}")
            elif not child_death_review_has_content(located.item):
                found.append(
                    f"a child death review at {located.path} with no deaths reviewed or learning"
                )
    if requirement in (Requirement.SERIOUS_CASE_REVIEWS, Requirement.LESSONS_FROM_REVIEWS):
        kinds = (
            (ReviewKind.SERIOUS_CASE_REVIEW,)
            if requirement is Requirement.SERIOUS_CASE_REVIEWS
            else LEARNING_REVIEWS
        )
        for located in blocks(ctx, model.Review):
            review: model.Review = located.item
            if review.kind not in kinds:
                continue
            if not block_period_ok(ctx, review):
                found.append(f"a review for {getattr(review, 'period', '')} at {located.path}")
            elif requirement is Requirement.LESSONS_FROM_REVIEWS and not any_text(review.lessons):
                found.append(
                    f"the review {review.title!r} at {located.path}, which gives no lessons"
                )
            elif not review_has_content(review):
                found.append(f"the review {review.title!r} at {located.path}, which says nothing")
    return found


# ---------------------------------------------------------------------------------------------


_FIGURES = (model.KPI, model.Table, model.Chart)


def _holds_figures(section: model.Section) -> bool:
    if any(isinstance(b, _FIGURES) and block_kinds.has_content(b) for b in section.blocks):
        return True
    return any(_holds_figures(s) for s in section.sections)


def all_blocks_of(ctx: RuleContext, kind: type | None) -> list[model.Located]:
    """The blocks of ``kind`` (none when there is no kind)."""
    return blocks(ctx, kind) if kind is not None else []


def _on_topic(section: model.Section, requirement: Requirement) -> bool:
    """True when a section's text speaks of the duty's subject (its title alone does not).

    Figures (KPIs, tables, charts) under a title that names the subject count.
    """
    topic = topic_of(requirement)
    if topic.text is None:
        return True
    if topic.title.search(section.title) and _holds_figures(section):
        return True
    return bool(topic.text.search(section_text(section, title=False)))


def evidence(ctx: RuleContext, requirement: Requirement) -> Evidence:
    """What the report holds for ``requirement``, worked out once per check run."""
    key = f"evidence:{requirement.value}"
    if key not in ctx.cache:
        ctx.cache[key] = _evidence(ctx, requirement)
    found: Evidence = ctx.cache[key]
    return found


def _evidence(ctx: RuleContext, requirement: Requirement) -> Evidence:
    met = list(TYPED[requirement](ctx)) if requirement in TYPED else []
    empty: list[str] = []
    off_topic: list[str] = []
    not_published: list[str] = []
    declared_paths: list[str] = []
    not_for_period: list[str] = []
    kind = CARRIED_BY.get(requirement)
    for located in all_sections(ctx):
        section: model.Section = located.item
        if requirement not in section.meets:
            continue
        declared_paths.append(located.path)
        inside = (
            [
                b.path
                for b in blocks(ctx, kind)
                if b.path.startswith(located.path + "/") and _carries(b.item, requirement)
            ]
            if kind is not None
            else []
        )
        if inside and not set(inside) & set(met):
            stated = all(
                block_kinds.states_not_published(b.item)
                for b in all_blocks_of(ctx, kind)
                if b.path in inside
            )
            (not_published if stated else not_for_period).append(located.path)
        elif section_has_content(section):
            (met if _on_topic(section, requirement) else off_topic).append(located.path)
        elif section_states_not_published(section):
            not_published.append(located.path)
        else:
            empty.append(located.path)
    if not met and kind is not None:
        not_published += [
            b.path
            for b in blocks(ctx, kind)
            if _carries(b.item, requirement)
            and block_kinds.states_not_published(b.item)
            and not any(b.path.startswith(p + "/") for p in not_published)
        ]
    lookalikes: list[Lookalike] = []
    nearby: list[str] = []
    if not met:
        title = topic_of(requirement).title
        for located in all_sections(ctx):
            section = located.item
            if requirement in section.meets or not title.search(section.title):
                continue
            if any(located.path.startswith(p + "/") for p in declared_paths):
                continue
            if section_has_content(section) and _on_topic(section, requirement):
                lookalikes.append(
                    Lookalike(path=located.path, line=meets_line(section, requirement))
                )
        named = [
            re.compile(rf"\bat {re.escape(p)}(?=[\s,;)]|$)")
            for p in (*not_published, *not_for_period, *empty)
        ]
        nearby = [n for n in _nearby(ctx, requirement) if not any(r.search(n) for r in named)]
    return Evidence(
        requirement=requirement,
        met=tuple(met),
        empty=tuple(empty),
        off_topic=tuple(off_topic),
        not_published=tuple(not_published),
        not_for_period=tuple(not_for_period),
        declared=tuple(declared_paths),
        lookalikes=tuple(lookalikes),
        nearby=tuple(dict.fromkeys(nearby)),
    )


def record(ctx: RuleContext, found: Evidence) -> Evidence:
    """Record ``found.met`` as the running rule's evidence and return ``found``."""
    for path in found.met:
        ctx.met(path)
    return found


def reporting_year(ctx: RuleContext) -> str:
    """The report's financial year as a label, for messages."""
    return financial_year_label(financial_year_of(ctx.report.period_start))


__all__ = [
    "AUDITS",
    "LEARNING_REVIEWS",
    "TOPICS",
    "TYPED",
    "BudgetYear",
    "Evidence",
    "Lookalike",
    "Status",
    "budget_kind",
    "budget_year",
    "budget_years",
    "evidence",
    "meets_line",
    "money",
    "own_budgets",
    "record",
    "reporting_year",
    "topic_of",
]
