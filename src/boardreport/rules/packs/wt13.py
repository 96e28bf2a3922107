"""Pack WT13: the statutory content of an LSCB annual report under Working Together 2013.

A duty is met by evidence, not by a declaration (``rules/_evidence.py``): the typed blocks that
carry it for the reporting period (a child death review with its counts, the year's actual budget
with its lines, reviews with their lessons, challenges), or a section that declares it
(``meets = [...]``) whose text has substance and speaks of the duty's subject. Placeholders,
"N/A", "TBC", zero-only tables and another year's budget never count; a duty whose data is
stated as not published is a finding of its own; an undeclared section that looks like it
carries the duty is named with the line to add.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from boardreport import blocks as block_kinds
from boardreport import model, wording
from boardreport.model import (
    ExpenditureCategory,
    MemberRole,
    RecipientRole,
    Requirement,
    StatutoryPartner,
)
from boardreport.rules import _citations as cite
from boardreport.rules._content import (
    all_blocks,
    any_text,
    blocks,
    is_number,
    text,
    walk_text,
)
from boardreport.rules._duties import submission_findings
from boardreport.rules._evidence import (
    AUDITS,
    LEARNING_REVIEWS,
    Evidence,
    Status,
    evidence,
    own_budgets,
    record,
    reporting_year,
)
from boardreport.rules._registry import Finding, RuleContext, Severity, pack
from boardreport.rules._unpublished import NOT_PUBLISHED_MESSAGE

PACK = pack(
    "WT13",
    title="Working Together 2013: statutory content of the annual report",
    framework="wt2013",
)

_RECIPIENTS = {
    role: wording.RECIPIENTS[role.value]
    for role in (
        RecipientRole.CHIEF_EXECUTIVE,
        RecipientRole.LEADER_OF_THE_COUNCIL,
        RecipientRole.POLICE_AND_CRIME_COMMISSIONER,
        RecipientRole.HEALTH_AND_WELLBEING_BOARD_CHAIR,
    )
}
"""The recipients Working Together 2013 names (ch3 para 16)."""

PARTNER_NAMES = {partner: wording.STATUTORY_PARTNERS[partner.value] for partner in StatutoryPartner}
"""Board partners under Children Act 2004 s13(3), as the messages name them."""

__all__ = ["AUDITS", "LEARNING_REVIEWS", "PACK", "PARTNER_NAMES"]


def _meets_hint(requirement: Requirement) -> str:
    return f'meets = ["{requirement.value}"]'


def _missing(ctx: RuleContext, found: Evidence, message: str) -> Finding:
    """The finding for a duty the report does not carry: missing, or declared but not published.

    A duty whose data the report states was not published is a warning of its own, so that a
    board that says so is told apart from one that is silent.
    """
    if found.status is Status.NOT_PUBLISHED:
        return ctx.finding(
            f"{NOT_PUBLISHED_MESSAGE}: {message.split(' (')[0]}{found.explain()}",
            found.where,
            Severity.WARNING,
        )
    return ctx.finding(message + found.explain(), found.where)


def _first_path(located: list[model.Located], suffix: str = "") -> str:
    return f"{located[0].path}{suffix}" if located else ""


_CAUSE_WORDS = re.compile(
    r"\b(?:because|due to|caused by|as a result of|owing to|the cause|reflects|stems from)\b",
    re.IGNORECASE,
)
_ACTION_WORDS = re.compile(
    r"\b(?:we will|will be|is being|are being|has been asked|action plan|plans? to|"
    r"in response|to address|has agreed|have agreed|is now|are now)\b",
    re.IGNORECASE,
)
_LINK = re.compile(r"\]\(#([a-z0-9][a-z0-9-]*)\)|(?<![\w&])#([a-z0-9][a-z0-9-]*)\b")


class _Elsewhere(NamedTuple):
    """Where else a challenge's cause or action may be given."""

    by_title: dict[str, list[tuple[str, model.Challenge]]]
    linked: dict[str, list[tuple[str, str]]]
    """Challenge id → (path, text) of blocks with substance that link to it (``#id``)."""


def _answers_elsewhere(ctx: RuleContext) -> _Elsewhere:
    by_title: dict[str, list[tuple[str, model.Challenge]]] = {}
    for located in blocks(ctx, model.Challenge):
        by_title.setdefault(_normal(located.item.title), []).append((located.path, located.item))
    linked: dict[str, list[tuple[str, str]]] = {}
    for located in all_blocks(ctx):
        links = [
            (match.group(1) or match.group(2), value)
            for value in walk_text(located.item)
            if "#" in value  # every link has one
            for match in _LINK.finditer(value)
        ]
        if links and block_kinds.has_content(located.item):
            for target, value in links:
                linked.setdefault(target, []).append((located.path, value))
    return _Elsewhere(by_title, linked)


def _given_elsewhere(
    path: str, challenge: model.Challenge, part: str, elsewhere: _Elsewhere
) -> bool:
    """True when a challenge's cause or action is given outside its own field.

    In its description ("because ...", "we will ..."), in another challenge of the same title,
    or in a block elsewhere that links to the challenge's id (``#id``): any such block gives
    the action; one whose linking text gives a reason ("because ...") gives the cause.
    """
    words = _CAUSE_WORDS if part == "cause" else _ACTION_WORDS
    if text(challenge.description) and words.search(challenge.description):
        return True
    for other_path, other in elsewhere.by_title.get(_normal(challenge.title), []):
        if other_path != path and text(getattr(other, part)):
            return True
    if challenge.id:
        links = [t for p, t in elsewhere.linked.get(challenge.id, []) if p != path]
        return any(part == "action" or _CAUSE_WORDS.search(t) for t in links)
    return False


# ---------------------------------------------------------------------------------------------


@PACK.rule(
    "WT13-001",
    name="reporting-period",
    severity=Severity.ERROR,
    citations=(cite.PARA_16,),
)
def reporting_period(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    The report covers one complete financial year, 1 April to 31 March, and is not published
    before that year ends. A report without a publication date gets a warning.

    ## Why it matters

    The annual report covers the preceding financial year so that it fits local planning,
    commissioning and budget cycles (Working Together 2013, chapter 3, paragraph 16).

    ## How to fix

    Set `period_start` to 1 April and `period_end` to 31 March of the next year, and give the
    `publication_date` on or after the end of the period.

    ## Example

    ```toml
    period_start = 2014-04-01
    period_end = 2015-03-31
    publication_date = 2015-09-30
    ```
    """
    report = ctx.report
    start, end = report.period_start, report.period_end
    if (start.month, start.day) != (4, 1):
        yield ctx.finding(
            f"the reporting period starts on {start.isoformat()}; a financial year starts on "
            "1 April",
            "period_start",
        )
    if (end.month, end.day) != (3, 31):
        yield ctx.finding(
            f"the reporting period ends on {end.isoformat()}; a financial year ends on 31 March",
            "period_end",
        )
    elif end.year != start.year + 1:
        yield ctx.finding(
            f"the reporting period {start.isoformat()} to {end.isoformat()} is not one "
            "financial year",
            "period_end",
        )
    published = report.publication_date
    if published is None:
        yield ctx.finding(
            "no publication date is given (add publication_date)",
            "publication_date",
            Severity.WARNING,
        )
    elif model.latest_day(published) <= end:
        yield ctx.finding(
            f"the report is dated {published.isoformat()}, before the period it covers ends "
            f"on {end.isoformat()}",
            "publication_date",
        )


@PACK.rule(
    "WT13-002",
    name="chair-publishes",
    severity=Severity.ERROR,
    citations=(cite.children_act("14A"), cite.PARA_16),
)
def chair_publishes(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    A Chair is named as the report's author and publisher, and a section holds a statement by
    the Chair (a section whose `author` is the Chair, or a section with `meets =
    ["chair_statement"]`, whose text has substance: not empty, TODO, TBC, "N/A" or "to
    follow"). A section titled like a foreword that does not
    declare it is named, with the line to add. A Chair not
    recorded as independent gets a warning.

    ## Why it matters

    The Chair of the LSCB must publish the annual report (Children Act 2004 section 14A;
    Working Together 2013, chapter 3, paragraph 16). Working Together 2013 chapter 3 expects
    the Chair to be independent of the local agencies, so that the Board can exercise its
    challenge role.

    ## How to fix

    Add a `[chair]` table with the Chair's name and `independent = true`, and mark the Chair's
    foreword with `meets = ["chair_statement"]`.

    ## Example

    ```toml
    # report.toml
    [chair]
    name = "Alan Coe"
    independent = true

    # parts/01-foreword.toml
    id = "foreword"
    title = "Chair's foreword"
    meets = ["chair_statement"]

    [[blocks]]
    type = "prose"
    text = "This is my second annual report as Independent Chair..."
    ```
    """
    chair = ctx.report.chair
    if chair is None or not text(chair.name):
        yield ctx.finding("no Chair is named as the publisher of the report", "chair")
    elif not chair.independent:
        yield ctx.finding(
            f"the Chair, {chair.name}, is not recorded as independent (independent = true)",
            "chair.independent",
            Severity.WARNING,
        )
    found = record(ctx, evidence(ctx, Requirement.CHAIR_STATEMENT))
    if found.status is not Status.MET:
        yield _missing(
            ctx,
            found,
            "the report has no statement by the Chair (mark the foreword with "
            f"{_meets_hint(Requirement.CHAIR_STATEMENT)})",
        )


@PACK.rule(
    "WT13-003",
    name="report-recipients",
    severity=Severity.WARNING,
    citations=(cite.PARA_16,),
)
def report_recipients(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    The report records that it is submitted to each of the Chief Executive, the Leader of the
    Council, the local Police and Crime Commissioner and the Chair of the Health and
    Wellbeing Board. Each missing recipient is one finding, and so is each recipient the
    report says only that it should or will be submitted to (`status = "to_be_submitted"`):
    that states an intention, not a submission.

    ## Why it matters

    Working Together 2013, chapter 3, paragraph 16 names these four recipients of the annual
    report.

    ## How to fix

    Add one `[[recipients]]` table for each.

    ## Example

    ```toml
    [[recipients]]
    role = "chief_executive"

    [[recipients]]
    role = "leader_of_the_council"

    [[recipients]]
    role = "police_and_crime_commissioner"

    [[recipients]]
    role = "health_and_wellbeing_board_chair"
    ```
    """
    yield from submission_findings(ctx, _RECIPIENTS)


@PACK.rule(
    "WT13-004",
    name="effectiveness-assessment",
    severity=Severity.ERROR,
    citations=(cite.PARA_17,),
)
def effectiveness_assessment(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    A section carries the assessment of the performance and effectiveness of local services
    (`meets = ["effectiveness_assessment"]`) and holds indicators (KPIs, tables) or narrative
    with substance that speaks of performance, effectiveness, quality or outcomes.

    ## Why it matters

    The annual report should provide a rigorous and transparent assessment of the performance
    and effectiveness of local services (Working Together 2013, chapter 3, paragraph 17).

    ## How to fix

    Mark the section that assesses local services and give it KPIs, tables or prose.

    ## Example

    ```toml
    id = "summary"
    title = "Summary and final remarks"
    meets = ["effectiveness_assessment"]

    [[blocks]]
    type = "kpi"
    label = "Re-referrals within 12 months"
    value = 22
    unit = "%"
    ```
    """
    found = record(ctx, evidence(ctx, Requirement.EFFECTIVENESS_ASSESSMENT))
    if found.status is not Status.MET:
        yield _missing(
            ctx,
            found,
            "no section assesses the performance and effectiveness of local services (add "
            f"{_meets_hint(Requirement.EFFECTIVENESS_ASSESSMENT)} to it)",
        )


@PACK.rule(
    "WT13-005",
    name="weaknesses-causes-actions",
    severity=Severity.ERROR,
    citations=(cite.PARA_17,),
)
def weaknesses_causes_actions(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    The report identifies at least one area of weakness or challenge (a `challenge` block, or
    a section with `meets = ["weaknesses"]`); this is an error when absent. Each challenge
    states its cause and the action being taken; each gap is a warning. A cause or action
    counts where it is given elsewhere: in the challenge's description ("because ...", "we
    will ..."), in another challenge of the same title, or in a block that links to the
    challenge's id (`[...](#challenge-id)`), which gives the action, and the cause where it
    says why ("because ...").

    ## Why it matters

    The report should identify areas of weakness, the causes of those weaknesses and the
    action being taken to address them (Working Together 2013, chapter 3, paragraph 17).

    ## How to fix

    Add a `challenge` block for each weakness, with `cause` and `action`.

    ## Example

    ```toml
    [[blocks]]
    type = "challenge"
    title = "Attendance at the Board"
    cause = "Changes of senior staff in two agencies."
    action = "The Chair writes to agencies whose attendance is below 75%."
    owner = "Independent Chair"
    ```
    """
    elsewhere = _answers_elsewhere(ctx)
    for located in blocks(ctx, model.Challenge):
        challenge: model.Challenge = located.item
        if not (text(challenge.title) or text(challenge.description)):
            continue
        name = challenge.title if text(challenge.title) else located.path
        for part, missing in (
            ("cause", "states no cause"),
            ("action", "states no action being taken"),
        ):
            if text(getattr(challenge, part)) or _given_elsewhere(
                located.path, challenge, part, elsewhere
            ):
                continue
            yield ctx.finding(
                f"the challenge {name!r} {missing}", f"{located.path}.{part}", Severity.WARNING
            )
    found = record(ctx, evidence(ctx, Requirement.WEAKNESSES))
    if found.status is not Status.MET:
        yield _missing(
            ctx,
            found,
            "the report identifies no area of weakness or challenge (add challenge blocks "
            "with cause and action)",
        )


@PACK.rule(
    "WT13-006",
    name="lessons-from-reviews",
    severity=Severity.ERROR,
    citations=(cite.PARA_17, cite.CHAPTER_4),
)
def lessons_from_reviews(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    The report gives lessons from reviews undertaken in the period: a `review` block of kind
    serious_case_review, learning_review, multi_agency_audit or other with at least one
    lesson that has substance, or a section with `meets = ["lessons_from_reviews"]` whose
    text has substance. An explicit statement that none were undertaken (`none_in_period =
    true`) also meets it. A declared section that states the lessons were not published is a
    warning ("declared, data not published"), not an error.

    ## Why it matters

    The report should include lessons from reviews undertaken within the reporting period
    (Working Together 2013, chapter 3, paragraph 17; chapter 4).

    ## How to fix

    List the lessons of each review in its `lessons`, or say that no review was undertaken.

    ## Example

    ```toml
    [[blocks]]
    type = "review"
    kind = "learning_review"
    title = "Learning review: Child B"
    lessons = ["Professionals must check the history held by other agencies."]
    ```
    """
    found = record(ctx, evidence(ctx, Requirement.LESSONS_FROM_REVIEWS))
    if found.status is not Status.MET:
        yield _missing(
            ctx,
            found,
            "the report gives no lessons from reviews undertaken in the period and does not "
            "say that none were undertaken",
        )


def _normal(name: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in name.lower()).split())


def _names_match(a: str, b: str) -> bool:
    """Loose organisation-name match: one normalised name contains the other."""
    left, right = _normal(a), _normal(b)
    return bool(left and right) and (left in right or right in left)


@PACK.rule(
    "WT13-007",
    name="partner-contributions",
    severity=Severity.ERROR,
    citations=(cite.PARA_18,),
)
def partner_contributions(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    The report lists the contributions partner agencies made to the Board in its own year:
    income lines other than 0 (and other than money carried forward) in an actual budget for
    the report's financial year, or a section with `meets = ["partner_contributions"]` whose
    text has substance (an error when neither). A budget for another year, or a planned or
    outline budget, does not count, and a declared section holding only such a budget does
    not either; the finding names the budgets the report has. For each statutory partner
    with a member on the Board (`role = "statutory_partner"` and a `partner`), a
    contribution is recorded (an income line for that partner or organisation) or explained
    (`contribution_statement` in its agency return); each gap is a warning.

    ## Why it matters

    The report should list the contributions made to the LSCB by partner agencies; members
    share the financial responsibility so that no disproportionate burden falls on a few
    partners (Working Together 2013, chapter 3, paragraph 18).

    ## How to fix

    Give each contribution as an income line with its `partner`, or explain in the agency's
    return why it made none.

    ## Example

    ```toml
    [[blocks]]
    type = "budget"
    id = "budget-2014-15"
    period = "2014-15"
    income = [
      { contributor = "West Midlands Police", amount = 14770, partner = "police" },
      { contributor = "CCG", amount = 32470, partner = "clinical_commissioning_group" },
    ]
    expenditure = [{ item = "Independent Chair", amount = 15000, category = "independent_chair" }]
    ```
    """
    found = record(ctx, evidence(ctx, Requirement.PARTNER_CONTRIBUTIONS))
    if found.status is not Status.MET:
        yield _missing(
            ctx,
            found,
            f"the report lists no contributions from partner agencies for {reporting_year(ctx)} "
            "(add income lines to the year's actual budget)",
        )
        return
    lines: list[model.IncomeLine] = [
        line
        for located in own_budgets(ctx)
        for line in located.item.income
        if text(line.contributor) and is_number(line.amount)
    ]
    explained = {
        r.item.partner
        for r in blocks(ctx, model.AgencyReturn)
        if r.item.partner is not None and text(r.item.answer("contribution_statement"))
    }
    explained_names = [
        r.item.agency
        for r in blocks(ctx, model.AgencyReturn)
        if text(r.item.answer("contribution_statement"))
    ]
    paid = {line.partner for line in lines if line.partner is not None}
    members: dict[StatutoryPartner, list[tuple[str, model.Member]]] = {}
    for located in blocks(ctx, model.Membership):
        for index, member in enumerate(located.item.members):
            if member.role is MemberRole.STATUTORY_PARTNER and member.partner is not None:
                members.setdefault(member.partner, []).append(
                    (f"{located.path}.members[{index}]", member)
                )
    for partner, seats in members.items():
        if partner in paid or partner in explained:
            continue
        organisations = [m.organisation or m.name for _, m in seats]
        named = any(
            _names_match(org, other)
            for org in organisations
            for other in [line.contributor for line in lines] + explained_names
        )
        if named:
            continue
        shown = ", ".join(sorted({o for o in organisations if o})) or PARTNER_NAMES[partner]
        yield ctx.finding(
            f"no contribution is recorded or explained for {PARTNER_NAMES[partner]} ({shown})",
            seats[0][0],
            Severity.WARNING,
        )


_SPEND_CATEGORIES = (
    ((ExpenditureCategory.CHILD_DEATH_REVIEW,), "Child Death Review"),
    ((ExpenditureCategory.SERIOUS_CASE_REVIEW,), "Serious Case Review"),
    (
        (ExpenditureCategory.TRAINING, ExpenditureCategory.LEARNING_EVENTS),
        "learning events or training",
    ),
)


@PACK.rule(
    "WT13-008",
    name="expenditure",
    severity=Severity.ERROR,
    citations=(cite.PARA_18,),
)
def expenditure(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    The report details what the Board spent in its own year: expenditure lines other than 0
    in an actual budget for the report's financial year, or a section with `meets =
    ["expenditure"]` whose text has substance (an error when neither; next year's or an
    outline budget does not count). The spend shows Child
    Death Review, Serious Case Review, and learning events or training (an expenditure line of
    category `child_death_review`, `serious_case_review`, `training` or `learning_events`);
    each missing category is a warning.

    ## Why it matters

    The report should detail what the LSCB has spent, including on Child Death Reviews,
    Serious Case Reviews and other specific expenditure such as learning events or training
    (Working Together 2013, chapter 3, paragraph 18).

    ## How to fix

    Give the expenditure as budget lines with a `category`; a category with no spend can be
    shown as a line of amount 0.

    ## Example

    ```toml
    expenditure = [
      { item = "CDOP co-ordinator", amount = 24000, category = "child_death_review" },
      { item = "Serious Case Review", amount = 9000, category = "serious_case_review" },
      { item = "Training expenses", amount = 31600, category = "training" },
    ]
    ```
    """
    found = record(ctx, evidence(ctx, Requirement.EXPENDITURE))
    if found.status is not Status.MET:
        yield _missing(
            ctx,
            found,
            f"the report gives no expenditure for {reporting_year(ctx)} (add expenditure lines "
            "to the year's actual budget)",
        )
        return
    budgets = own_budgets(ctx)
    lines = [
        line
        for located in budgets
        for line in located.item.expenditure
        if text(line.item) and is_number(line.amount)
    ]
    if not budgets:
        return  # carried by a declared section: its categories cannot be read
    categories = {line.category for line in lines}
    path = f"{budgets[0].path}.expenditure"
    for wanted, label in _SPEND_CATEGORIES:
        if not categories.intersection(wanted):
            names = " or ".join(c.value for c in wanted)
            yield ctx.finding(
                f"the expenditure shows no {label} spending (no line of category {names})",
                path,
                Severity.WARNING,
            )


@PACK.rule(
    "WT13-009",
    name="statutory-partners",
    severity=Severity.WARNING,
    citations=(cite.children_act("13(3)"), cite.CHAPTER_3),
)
def statutory_partners(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    Each statutory Board partner has a member on the Board, or is declared not applicable
    with a reason: the local authority; the chief officer of police; probation; the youth
    offending team; NHS England; the clinical commissioning group(s); NHS trusts and
    foundation trusts in the area; Cafcass; the governor or director of any secure training
    centre or prison in the area that ordinarily detains children. One finding per partner.

    ## Why it matters

    Children Act 2004 section 13(3) names the Board partners that must be represented on the
    LSCB; Working Together 2013 chapter 3 describes the membership.

    ## How to fix

    Give each member their `partner` (and `other_partners` for a seat that also represents,
    say, the council's youth offending team), or list the partner under `not_applicable`
    with the reason (for example, no prison in the area).

    ## Example

    ```toml
    [[blocks]]
    type = "membership"
    members = [
      { name = "Chief Superintendent", organisation = "West Midlands Police", partner = "police" },
    ]
    not_applicable = [
      { partner = "secure_estate", reason = "No secure training centre or prison in the area." },
    ]
    ```
    """
    memberships = blocks(ctx, model.Membership)
    seated = {
        partner
        for located in memberships
        for m in located.item.members
        if text(m.name) or text(m.organisation)
        for partner in (m.partner, *m.other_partners)
        if partner is not None
    }
    excused: dict[StatutoryPartner, bool] = {}
    for located in memberships:
        for entry in located.item.not_applicable:
            excused[entry.partner] = excused.get(entry.partner, False) or text(entry.reason)
    if seated or excused:
        for located in memberships:
            ctx.met(located.path)
    path = _first_path(memberships)
    for partner, name in PARTNER_NAMES.items():
        if partner in seated or excused.get(partner):
            continue
        if partner in excused:
            yield ctx.finding(f"{name} is declared not applicable without a reason", path)
            continue
        yield ctx.finding(
            f"{name} has no member on the Board and is not declared not applicable "
            f'(partner = "{partner.value}")',
            path,
        )


@PACK.rule(
    "WT13-010",
    name="lay-members",
    severity=Severity.ERROR,
    citations=(cite.children_act("13(4A)"), cite.CHAPTER_3),
)
def lay_members(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    The Board has at least two lay members (`role = "lay_member"`). With fewer, the report
    must record the steps being taken to recruit them (`lay_member_recruitment`): an error
    when it does not, a warning when it does.

    ## Why it matters

    The local authority must take reasonable steps to ensure that the LSCB includes two lay
    members representing the local community (Children Act 2004 section 13(4A); Working
    Together 2013 chapter 3).

    ## How to fix

    Record the lay members in the membership, or the steps being taken to recruit them.

    ## Example

    ```toml
    [[blocks]]
    type = "membership"
    members = [{ name = "David Perrin", role = "lay_member" }]
    lay_member_recruitment = "A second lay member is being recruited; interviews are in May 2015."
    ```
    """
    memberships = blocks(ctx, model.Membership)
    names = {
        _normal(m.name) or f"seat {i}"
        for located in memberships
        for i, m in enumerate(located.item.members)
        if m.role is MemberRole.LAY_MEMBER and (text(m.name) or text(m.organisation))
    }
    recruiting = any(text(located.item.lay_member_recruitment) for located in memberships)
    path = _first_path(memberships)
    count = len(names)
    if count >= 2:
        for located in memberships:
            ctx.met(located.path)
        return
    plural = "lay member" if count == 1 else "lay members"
    if recruiting:
        yield ctx.finding(
            f"the Board has {count} {plural}; steps to recruit are recorded",
            f"{path}.lay_member_recruitment" if path else "",
            Severity.WARNING,
        )
    else:
        yield ctx.finding(
            f"the Board has {count} {plural} and the report records no steps to recruit two "
            "(lay_member_recruitment)",
            path,
        )


@PACK.rule(
    "WT13-011",
    name="child-death-reviews",
    severity=Severity.ERROR,
    citations=(cite.regulations("6"), cite.CHAPTER_5),
)
def child_death_reviews(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    The report gives the Child Death Overview Panel's activity for the period: a
    `child_death_review` block with deaths reviewed (other than 0) or learning or actions, or
    a section with `meets = ["child_death_reviews"]` whose text has substance and speaks of
    child deaths. A child death review that gives no modifiable factors, learning or actions
    is a warning. When the duty is missing the finding says what the report has nearby (for
    example Child Death Review spending in the budget).

    ## Why it matters

    Reviewing the deaths of all children normally resident in the area is a statutory
    function of the LSCB (LSCB Regulations 2006 regulation 6; Working Together 2013 chapter 5).

    ## How to fix

    Add a `child_death_review` block with the panel's figures, learning and actions.

    ## Example

    ```toml
    [[blocks]]
    type = "child_death_review"
    id = "cdop-2014-15"
    panel = "Walsall and Wolverhampton Child Death Overview Panel"
    deaths_reviewed = 22
    meetings = 4
    modifiable = 2
    learning = ["Safer sleeping advice reaches every family with a new baby."]
    ```
    """
    found = record(ctx, evidence(ctx, Requirement.CHILD_DEATH_REVIEWS))
    for path in found.met:
        located = next((b for b in blocks(ctx, model.ChildDeathReview) if b.path == path), None)
        if located is None:
            continue
        review: model.ChildDeathReview = located.item
        if review.modifiable is None and not any_text((*review.learning, *review.actions)):
            yield ctx.finding(
                "the child death review gives no modifiable factors, learning or actions",
                located.path,
                Severity.WARNING,
            )
    if found.status is not Status.MET:
        yield _missing(
            ctx,
            found,
            f"the report gives no child death review (CDOP) activity for {reporting_year(ctx)}",
        )


@PACK.rule(
    "WT13-012",
    name="serious-case-reviews",
    severity=Severity.ERROR,
    citations=(cite.regulations("5(1)(e) and 5(2)"), cite.CHAPTER_4),
)
def serious_case_reviews(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    The report accounts for serious case review activity in the period: cases considered,
    which met the criteria, reviews commissioned or published, progress on action plans, or
    an explicit statement that there were none. A `review` block of kind
    `serious_case_review` that says something (figures, or a summary, lessons or actions with
    substance: a summary of "TBC" is not), or a section with
    `meets = ["serious_case_reviews"]` whose text has substance, meets it.

    ## Why it matters

    Undertaking serious case reviews and advising on lessons learned is a statutory function
    of the LSCB (LSCB Regulations 2006 regulation 5(1)(e) and 5(2); Working Together 2013
    chapter 4).

    ## How to fix

    Add a `review` block of kind `serious_case_review` with the figures, or
    `none_in_period = true`.

    ## Example

    ```toml
    [[blocks]]
    type = "review"
    kind = "serious_case_review"
    title = "Serious case reviews 2014-15"
    cases_considered = 3
    met_criteria = 1
    commissioned = 1
    published = 0
    ```
    """
    found = record(ctx, evidence(ctx, Requirement.SERIOUS_CASE_REVIEWS))
    if found.status is not Status.MET:
        yield _missing(
            ctx,
            found,
            "the report gives no account of serious case review activity in the period "
            "(or an explicit none)",
        )


_FUNCTIONS = (
    (Requirement.POLICIES_AND_PROCEDURES, "5(1)(a)", "developing policies and procedures"),
    (Requirement.COMMUNICATION, "5(1)(b)", "communicating and raising awareness"),
    (
        Requirement.MONITORING_EFFECTIVENESS,
        "5(1)(c)",
        "monitoring and evaluating the effectiveness of what is done",
    ),
    (Requirement.PLANNING_SERVICES, "5(1)(d)", "participating in the planning of services"),
)


@PACK.rule(
    "WT13-013",
    name="board-functions",
    severity=Severity.WARNING,
    citations=(cite.regulations("5(1)(a)–(d)"),),
)
def board_functions(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    The report gives evidence for each of the Board's functions under regulation 5(1)(a) to
    (d): (a) policies and procedures (thresholds, training, safe recruitment, allegations
    against people who work with children, private fostering, cooperation with neighbouring
    areas); (b) communicating and raising awareness; (c) monitoring and evaluating
    effectiveness, including section 11 audits; (d) participating in the planning of services.
    A section meets a function with `meets = [...]` and text with substance on the function's
    subject; a `review` block of kind section_11_audit, multi_agency_audit or
    single_agency_audit that says something also evidences (c). One finding per function
    without evidence, naming any undeclared section that looks like it reports it.

    ## Why it matters

    These are the statutory functions of an LSCB (LSCB Regulations 2006 regulation 5(1)); the
    annual report is where the Board shows it performed them.

    ## How to fix

    Mark the sections that report each function.

    ## Example

    ```toml
    id = "law-policy-procedure"
    title = "Law, Policy and Procedure Committee"
    meets = ["policies_and_procedures"]
    ```
    """
    for requirement, letter, label in _FUNCTIONS:
        found = record(ctx, evidence(ctx, requirement))
        if found.status is Status.MET:
            continue
        yield _missing(
            ctx,
            found,
            f"the report gives no evidence of the Board's function {letter}, {label} (add "
            f"{_meets_hint(requirement)} to the section that reports it)",
        )


@PACK.rule(
    "WT13-014",
    name="training-evaluation",
    severity=Severity.WARNING,
    citations=(cite.CHAPTER_3,),
)
def training_evaluation(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    A section evaluates the effectiveness of the multi-agency training the Board provides or
    oversees (`meets = ["training_evaluation"]` with text of substance about training). An
    undeclared section titled like training is named in the finding, with the line to add.

    ## Why it matters

    Working Together 2013 chapter 3 expects the LSCB to monitor and evaluate the
    effectiveness of training, including multi-agency training; the annual report is where it
    shows the result.

    ## How to fix

    Mark the section that evaluates training (its impact, not only the number of courses).

    ## Example

    ```toml
    id = "impact-of-training"
    title = "Impact of WSCB training"
    meets = ["training_evaluation"]

    [[blocks]]
    type = "prose"
    text = "Three months after each course, 85% of staff said they had changed their practice."
    ```
    """
    found = record(ctx, evidence(ctx, Requirement.TRAINING_EVALUATION))
    if found.status is not Status.MET:
        yield _missing(
            ctx,
            found,
            "the report does not evaluate the effectiveness of multi-agency training (add "
            f"{_meets_hint(Requirement.TRAINING_EVALUATION)} to the section that does)",
        )
