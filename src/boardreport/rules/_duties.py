"""Duties shared by several statutory editions: one check each, registered once per edition.

A :class:`Duty` is a check function with the edition-neutral parts of its documentation (what
it checks, how to fix, an example). An edition's pack registers a duty under its own rule id,
severity and citations with :func:`register`, adding why the duty matters in that edition, so a
duty two editions share is written once. The Working Together 2015 pack registers the 2013
pack's checks the same way (:func:`from_rule`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

from attrs import frozen

from boardreport import model, wording
from boardreport.model import (
    ArrangementKind,
    PartnerBody,
    RecipientRole,
    Requirement,
    ReviewKind,
    SubmissionStatus,
)
from boardreport.rules._content import any_text, blocks, is_number, sections_meeting, text
from boardreport.rules._editions import KIND_NAMES, LSCB_TRANSITION_END
from boardreport.rules._registry import (
    DOC_SECTIONS,
    CheckFn,
    Citation,
    Finding,
    Pack,
    Rule,
    RuleContext,
    Severity,
)

PRACTICE_REVIEWS = (ReviewKind.CHILD_SAFEGUARDING_PRACTICE_REVIEW, ReviewKind.RAPID_REVIEW)
"""Review kinds of the safeguarding partners' practice-review duty (Working Together 2018)."""

RECIPIENT_NAMES = {
    role: wording.RECIPIENTS[role.value] for role in RecipientRole if role.value != "other"
}

SAFEGUARDING_PARTNERS = (
    ((PartnerBody.LOCAL_AUTHORITY,), "the local authority", "local_authority"),
    ((PartnerBody.POLICE,), "the chief officer of police", "police"),
    (
        (PartnerBody.INTEGRATED_CARE_BOARD, PartnerBody.CLINICAL_COMMISSIONING_GROUP),
        "the integrated care board (a clinical commissioning group before July 2022)",
        "integrated_care_board",
    ),
)
"""The three safeguarding partners of Children Act 2004 s16E(3)."""


@frozen(kw_only=True)
class Duty:
    """A check and the parts of its documentation that do not depend on the edition."""

    check: CheckFn
    checks: str
    fix: str
    example: str


def _sections(doc: str) -> dict[str, str]:
    """Split a rule's Markdown documentation into its required sections."""
    found: dict[str, str] = {}
    for index, heading in enumerate(DOC_SECTIONS):
        start = doc.index(heading) + len(heading)
        end = doc.index(DOC_SECTIONS[index + 1]) if index + 1 < len(DOC_SECTIONS) else len(doc)
        found[heading] = doc[start:end].strip()
    return found


def from_rule(rule: Rule) -> Duty:
    """The duty another edition's rule checks: its check and its documentation."""
    parts = _sections(rule.doc)
    return Duty(
        check=rule.check,
        checks=f"{parts[DOC_SECTIONS[0]]}\n\nThis is the check of {rule.id} ({rule.name}).",
        fix=parts[DOC_SECTIONS[2]],
        example=parts[DOC_SECTIONS[3]],
    )


def combined(*duties: Duty) -> Duty:
    """One duty that runs several checks, for a requirement the guidance states as one."""

    def check(ctx: RuleContext) -> Iterator[Finding]:
        for duty in duties:
            yield from duty.check(ctx)

    return Duty(
        check=check,
        checks="\n\n".join(d.checks for d in duties),
        fix="\n\n".join(d.fix for d in duties),
        example="\n\n".join(d.example for d in duties),
    )


def _unsure(citations: Iterable[Citation]) -> str:
    notes = [f"{c} ({c.note})" if c.note else str(c) for c in citations if c.unsure]
    if not notes:
        return ""
    return (
        "\n\nHow sure the citation is: M (secondary, partial or inferred). "
        + " ".join(notes)
        + " Check the guidance itself before relying on this rule."
    )


def register(
    pack: Pack,
    rule_id: str,
    *,
    name: str,
    severity: Severity,
    citations: tuple[Citation, ...],
    duty: Duty,
    why: str,
) -> None:
    """Register ``duty`` as rule ``rule_id`` of ``pack``, documented for that edition."""
    doc = (
        f"{DOC_SECTIONS[0]}\n\n{duty.checks}\n\n"
        f"{DOC_SECTIONS[1]}\n\n{why.strip()}{_unsure(citations)}\n\n"
        f"{DOC_SECTIONS[2]}\n\n{duty.fix}\n\n"
        f"{DOC_SECTIONS[3]}\n\n{duty.example}\n"
    )
    pack.rule(rule_id, name=name, severity=severity, citations=citations, doc=doc)(duty.check)


# ---------------------------------------------------------------------------------------------
# helpers


def _met(ctx: RuleContext, requirement: Requirement) -> tuple[list[str], list[str]]:
    """Record the sections meeting ``requirement`` as evidence; return (met, empty)."""
    met, empty = sections_meeting(ctx, requirement)
    for path in met:
        ctx.met(path)
    return met, empty


def _missing(ctx: RuleContext, requirement: Requirement, what: str) -> Iterator[Finding]:
    """One finding when no section with real content declares ``requirement``."""
    met, empty = _met(ctx, requirement)
    if met:
        return
    note = f" ({empty[0]} declares it but holds only placeholders or nothing)" if empty else ""
    yield ctx.finding(
        f'the report gives no {what} (add meets = ["{requirement.value}"] to the section that '
        f"does){note}",
        f"{empty[0]}.meets" if empty else "",
    )


def _arrangement(ctx: RuleContext) -> model.Arrangement | None:
    return ctx.report.arrangement


def _reviews(ctx: RuleContext, kinds: tuple[ReviewKind, ...]) -> list[model.Located]:
    return [loc for loc in blocks(ctx, model.Review) if loc.item.kind in kinds]


# ---------------------------------------------------------------------------------------------
# the yearly report of the safeguarding partners (Working Together 2018 and 2023)


def _anniversary(day: dt.date) -> dt.date:
    """The same day a year later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def _yearly_period(ctx: RuleContext) -> Iterator[Finding]:
    report = ctx.report
    start, end = report.period_start, report.period_end
    if end < start:
        yield ctx.finding(f"the period ends on {end} before it starts on {start}", "period_end")
        return
    if end >= _anniversary(start):
        yield ctx.finding(
            f"the period {start} to {end} is longer than 12 months; the partners report at "
            "least once in every 12-month period",
            "period_end",
        )
    published = report.publication_date
    if published is None:
        yield ctx.finding(
            "no publication date is given (add publication_date)",
            "publication_date",
            Severity.WARNING,
        )
        return
    # a month-only date is early only if the whole month is, late only if the whole month is
    latest = published.last_day() if isinstance(published, model.Month) else published
    earliest = published.first_day() if isinstance(published, model.Month) else published
    if latest <= end:
        yield ctx.finding(
            f"the report is dated {published.isoformat()}, before the period it covers ends "
            f"on {end}",
            "publication_date",
        )
    elif earliest > _anniversary(end):
        yield ctx.finding(
            f"the report is dated {published.isoformat()}, more than 12 months after its "
            f"period ends on {end}",
            "publication_date",
            Severity.WARNING,
        )


YEARLY_PERIOD = Duty(
    check=_yearly_period,
    checks="The period covers no more than 12 months and the report is published after it "
    "ends and within the next 12 months. A report without a publication date gets a warning.",
    fix="Give `period_start`, `period_end` and `publication_date`.",
    example="```toml\nperiod_start = 2019-04-01\nperiod_end = 2020-03-31\n"
    "publication_date = 2020-09-30\n```",
)


def _activity_and_effectiveness(ctx: RuleContext) -> Iterator[Finding]:
    yield from _missing(
        ctx, Requirement.ACTIVITY, "account of what was done as a result of the arrangements"
    )
    yield from _missing(
        ctx,
        Requirement.EFFECTIVENESS_ASSESSMENT,
        "assessment of how effective the arrangements have been in practice",
    )
    reviews = [
        loc
        for loc in _reviews(ctx, PRACTICE_REVIEWS)
        if loc.item.none_in_period
        or any_text((loc.item.summary, *loc.item.lessons, *loc.item.actions))
        or loc.item.commissioned is not None
        or loc.item.published is not None
    ]
    for loc in reviews:
        ctx.met(loc.path)
    if not reviews:
        yield ctx.finding(
            "the report says nothing of child safeguarding practice reviews or rapid reviews "
            'in the period (add review blocks of kind "child_safeguarding_practice_review" or '
            '"rapid_review", or one with none_in_period = true)',
        )


ACTIVITY_AND_EFFECTIVENESS = Duty(
    check=_activity_and_effectiveness,
    checks="The report sets out what the partners did as a result of the arrangements (a "
    'section with `meets = ["activity"]`), how effective the arrangements have been in '
    'practice (`meets = ["effectiveness_assessment"]`), and what was done on child '
    "safeguarding practice reviews: a `review` block of kind "
    "`child_safeguarding_practice_review` or `rapid_review` that says something, or one with "
    "`none_in_period = true`. One finding for each part missing.",
    fix="Mark the sections that report the year's work and the assessment of effectiveness, "
    "and record the practice reviews and rapid reviews of the year.",
    example='```toml\nid = "what-we-did"\ntitle = "What we did"\nmeets = ["activity"]\n\n'
    '[[blocks]]\ntype = "review"\nkind = "rapid_review"\ntitle = "Rapid reviews"\n'
    'commissioned = 4\nsummary = "Four rapid reviews were held; one led to a local child '
    'safeguarding practice review."\n```',
)


def _impact(ctx: RuleContext) -> Iterator[Finding]:
    yield from _missing(
        ctx,
        Requirement.IMPACT_EVIDENCE,
        "evidence of the impact of the partners' and relevant agencies' work on outcomes for "
        "children and families",
    )
    met, _ = _met(ctx, Requirement.TRAINING_EVALUATION)
    if not met:
        yield ctx.finding(
            "the report gives no evidence of the impact of training (add "
            'meets = ["training_evaluation"] to the section that evaluates it)',
        )


IMPACT_EVIDENCE = Duty(
    check=_impact,
    checks="A section gives evidence of impact on outcomes for children and families (`meets "
    '= ["impact_evidence"]`), kept apart from the account of activity, and a section '
    'evaluates the impact of training (`meets = ["training_evaluation"]`), beyond attendance '
    "and attendee feedback.",
    fix="Say what changed for children and families, with the evidence, and how training "
    "changed practice.",
    example='```toml\nid = "impact"\ntitle = "What difference it made"\nmeets = '
    '["impact_evidence"]\n```',
)


def _little_progress(ctx: RuleContext) -> Iterator[Finding]:
    challenges = [loc for loc in blocks(ctx, model.Challenge) if text(loc.item.title)]
    for loc in challenges:
        ctx.met(loc.path)
    if challenges:
        return
    yield from _missing(
        ctx,
        Requirement.LITTLE_OR_NO_PROGRESS,
        "analysis of the areas where there has been little or no evidence of progress on "
        "agreed priorities",
    )


LITTLE_OR_NO_PROGRESS = Duty(
    check=_little_progress,
    checks="The report analyses the areas where there has been little or no evidence of "
    "progress on agreed priorities: a `challenge` block, or a section with `meets = "
    '["little_or_no_progress"]`.',
    fix="Name each priority where progress fell short, why, and what happens next.",
    example='```toml\n[[blocks]]\ntype = "challenge"\ntitle = "Neglect strategy"\n'
    'cause = "The new assessment tool was introduced late."\n'
    'action = "Training for all social workers by September."\n```',
)


def _review_actions(ctx: RuleContext) -> Iterator[Finding]:
    met, _ = _met(ctx, Requirement.PRACTICE_REVIEW_ACTIONS)
    reviews = _reviews(ctx, PRACTICE_REVIEWS)
    acted = [loc for loc in reviews if any_text(loc.item.actions)]
    for loc in acted:
        ctx.met(loc.path)
    if not met and not acted:
        yield ctx.finding(
            "the report records no decisions or actions taken to implement the "
            "recommendations of local and national child safeguarding practice reviews (give "
            'each review its actions, or add meets = ["practice_review_actions"])',
        )
        return
    for loc in reviews:
        review: model.Review = loc.item
        if review.kind is ReviewKind.CHILD_SAFEGUARDING_PRACTICE_REVIEW and (
            not review.none_in_period and not any_text(review.actions) and not met
        ):
            yield ctx.finding(
                f"the review {review.title!r} records no actions taken or planned",
                f"{loc.path}.actions",
            )


PRACTICE_REVIEW_ACTIONS = Duty(
    check=_review_actions,
    checks="The report records the decisions and actions taken or planned in the period to "
    "implement the recommendations of local and national child safeguarding practice "
    "reviews: the `actions` of each `review` block of kind `child_safeguarding_practice_"
    'review` or `rapid_review`, or a section with `meets = ["practice_review_actions"]`. '
    "A practice review with no actions is a finding of its own.",
    fix="List the actions each review led to, and what improved.",
    example='```toml\n[[blocks]]\ntype = "review"\nkind = "child_safeguarding_practice_review"\n'
    'title = "Child C"\nactions = ["A single pathway for bruising in non-mobile babies."]\n```',
)


def _feedback(ctx: RuleContext) -> Iterator[Finding]:
    yield from _missing(
        ctx,
        Requirement.FEEDBACK_FROM_CHILDREN_AND_FAMILIES,
        "account of how feedback from children and families was sought and used",
    )


FEEDBACK = Duty(
    check=_feedback,
    checks="A section says how the partners sought and used feedback from children and "
    'families to inform their work and influence services (`meets = ["feedback_from_'
    'children_and_families"]`, with prose or `quote` blocks).',
    fix="Say how children and families were heard, what they said, and what changed.",
    example='```toml\nid = "voice"\ntitle = "What children and families told us"\nmeets = '
    '["feedback_from_children_and_families"]\n```',
)


def _publication(ctx: RuleContext) -> Iterator[Finding]:
    arrangement = _arrangement(ctx)
    if arrangement is None or not text(arrangement.publication):
        yield ctx.finding(
            "the report does not say where it is published (arrangement.publication)",
            "arrangement.publication" if arrangement else "arrangement",
        )
    else:
        ctx.met("arrangement.publication")


PUBLICATION = Duty(
    check=_publication,
    checks="The arrangement says where the report (and the published arrangements) can be "
    "read: `publication` in the `[arrangement]` table.",
    fix="Give the address where the report is published.",
    example='```toml\n[arrangement]\nkind = "safeguarding_partnership"\n'
    'publication = "https://www.example.org/annual-reports"\n```',
)


def submission_findings(ctx: RuleContext, names: Mapping[RecipientRole, str]) -> Iterator[Finding]:
    """One finding per recipient in ``names`` the report does not record sending itself to.

    A recipient the report says it only should or will be sent to is not a record that it was.
    """
    status = {r.role: r.status for r in ctx.report.recipients}
    for role, who in names.items():
        found = status.get(role)
        if found is SubmissionStatus.SUBMITTED:
            ctx.met("recipients")
        elif found is SubmissionStatus.TO_BE_SUBMITTED:
            at = next(i for i, r in enumerate(ctx.report.recipients) if r.role is role)
            yield ctx.finding(
                f"the report says only that it is to be sent to {who}, not that it was "
                f'(recipients role = "{role.value}", status = "to_be_submitted")',
                f"recipients[{at}]",
            )
        else:
            yield ctx.finding(
                f"the report does not record that it is sent to {who} "
                f'(recipients role = "{role.value}")',
                "recipients",
            )


def submitted_to(*roles: RecipientRole) -> Duty:
    """The duty to send the report to each of ``roles``."""

    def check(ctx: RuleContext) -> Iterator[Finding]:
        yield from submission_findings(ctx, {role: RECIPIENT_NAMES[role] for role in roles})

    listed = "; ".join(f"{RECIPIENT_NAMES[r]} (`{r.value}`)" for r in roles)
    example = "\n\n".join(f'[[recipients]]\nrole = "{r.value}"' for r in roles)
    return Duty(
        check=check,
        checks=f"The report records that it is sent to each of: {listed}. One finding per "
        "missing recipient, and one per recipient the report says only that it should or will "
        'be sent to (`status = "to_be_submitted"`).',
        fix="Add one `[[recipients]]` table for each.",
        example=f"```toml\n{example}\n```",
    )


def scrutiny_duty(*, contribution: bool) -> Duty:
    """Independent scrutiny is in place; with ``contribution``, it also evaluates the report."""

    def check(ctx: RuleContext) -> Iterator[Finding]:
        arrangement = _arrangement(ctx)
        scrutiny = arrangement.scrutiny if arrangement else None
        met, _ = _met(ctx, Requirement.INDEPENDENT_SCRUTINY)
        named = ctx.report.scrutineer
        if scrutiny is None and named is not None and text(named.name):
            scrutiny = model.Scrutiny(scrutineer=named.name)
        if scrutiny is None or not text(scrutiny.scrutineer):
            if not met:
                yield ctx.finding(
                    "the report names no independent scrutiny of the arrangements "
                    "([arrangement.scrutiny] with the scrutineer)",
                    "arrangement.scrutiny" if arrangement else "arrangement",
                )
            return
        ctx.met("arrangement.scrutiny")
        if not (text(scrutiny.findings) or met):
            yield ctx.finding(
                f"the report does not say what the independent scrutiny by "
                f"{scrutiny.scrutineer} found (arrangement.scrutiny.findings)",
                "arrangement.scrutiny.findings",
                Severity.WARNING,
            )
        if contribution and not text(scrutiny.contribution):
            yield ctx.finding(
                f"the report does not say how {scrutiny.scrutineer} evaluated and contributed "
                "to this report (arrangement.scrutiny.contribution)",
                "arrangement.scrutiny.contribution",
                Severity.WARNING,
            )

    more = (
        " The scrutineer also evaluates and contributes to the annual report: "
        "`contribution` says how (a warning when absent)."
        if contribution
        else ""
    )
    return Duty(
        check=check,
        checks="The arrangement names its independent scrutiny (`[arrangement.scrutiny]` with "
        "the `scrutineer`, the report's `[scrutineer]`, or a section with `meets = "
        '["independent_scrutiny"]`) and says what it found (`findings`; a warning when '
        f"absent).{more}",
        fix="Name the scrutineer, how scrutiny is done and what it found.",
        example='```toml\n[arrangement.scrutiny]\nscrutineer = "Independent Scrutineer"\n'
        'arrangements = "Quarterly challenge sessions and two themed reviews."\n'
        'findings = "The partners know their priorities; data on early help is weak."\n'
        'contribution = "The scrutineer read and commented on a draft of this report."\n```',
    )


def _local_scrutiny_contribution(ctx: RuleContext) -> Iterator[Finding]:
    arrangement = _arrangement(ctx)
    scrutiny = arrangement.scrutiny if arrangement else None
    if scrutiny is not None and text(scrutiny.contribution):
        ctx.met("arrangement.scrutiny.contribution")
        return
    yield ctx.finding(
        "the report does not say whether the independent scrutineer contributed to it (some "
        "local arrangements ask for this; arrangement.scrutiny.contribution)",
        "arrangement.scrutiny" if arrangement else "arrangement",
    )


LOCAL_SCRUTINY_CONTRIBUTION = Duty(
    check=_local_scrutiny_contribution,
    checks="The report says how the independent scrutineer contributed to it "
    "(`[arrangement.scrutiny]` `contribution`). Information only: this is local practice, "
    "not a national requirement.",
    fix="Say whether and how the scrutineer contributed.",
    example='```toml\n[arrangement.scrutiny]\nscrutineer = "Independent Scrutineer"\n'
    'contribution = "The scrutineer wrote the foreword."\n```',
)


def _agencies_and_education(ctx: RuleContext) -> Iterator[Finding]:
    arrangement = _arrangement(ctx)
    if arrangement is None:
        yield ctx.finding("the report describes no arrangement ([arrangement])", "arrangement")
        return
    agencies = [a for a in arrangement.relevant_agencies if text(a)]
    if agencies:
        ctx.met("arrangement.relevant_agencies")
    else:
        yield ctx.finding(
            "the arrangement lists no relevant agencies (arrangement.relevant_agencies)",
            "arrangement.relevant_agencies",
        )
    if text(arrangement.education):
        ctx.met("arrangement.education")
    else:
        yield ctx.finding(
            "the arrangement does not say how schools, colleges, early years and childcare "
            "settings take part (arrangement.education)",
            "arrangement.education",
        )


AGENCIES_AND_EDUCATION = Duty(
    check=_agencies_and_education,
    checks="The arrangement lists the relevant agencies that take part "
    "(`relevant_agencies`) and says how schools, colleges, early years and childcare settings "
    "are included (`education`). One finding for each missing.",
    fix="List the relevant agencies and describe how education takes part.",
    example='```toml\n[arrangement]\nkind = "safeguarding_partnership"\n'
    'relevant_agencies = ["Schools and colleges", "Probation Service", "Cafcass"]\n'
    'education = "Two head teachers sit on the executive group."\n```',
)


def _matches(organisation: str, contributor: str) -> bool:
    def norm(value: str) -> str:
        return " ".join("".join(c if c.isalnum() else " " for c in value.lower()).split())

    left, right = norm(organisation), norm(contributor)
    return bool(left and right) and (left in right or right in left)


_BODY_TO_PARTNER = {
    PartnerBody.LOCAL_AUTHORITY: model.StatutoryPartner.LOCAL_AUTHORITY,
    PartnerBody.POLICE: model.StatutoryPartner.POLICE,
    PartnerBody.CLINICAL_COMMISSIONING_GROUP: model.StatutoryPartner.CLINICAL_COMMISSIONING_GROUP,
}


def _funding(ctx: RuleContext) -> Iterator[Finding]:
    budgets = blocks(ctx, model.Budget)
    lines = [
        line
        for loc in budgets
        for line in loc.item.income
        if text(line.contributor) and is_number(line.amount)
    ]
    if not lines:
        yield ctx.finding(
            "the report gives no funding: no budget block with the partners' contributions",
            budgets[0].path if budgets else "",
        )
        return
    for loc in budgets:
        ctx.met(loc.path)
    arrangement = _arrangement(ctx)
    for index, partner in enumerate(arrangement.partners if arrangement else ()):
        if not text(partner.organisation):
            continue
        wanted = _BODY_TO_PARTNER.get(partner.body)
        paid = any(
            _matches(partner.organisation, line.contributor)
            or (wanted is not None and line.partner is wanted)
            for line in lines
        )
        if not paid:
            yield ctx.finding(
                f"the budget shows no contribution from the partner {partner.organisation}",
                f"arrangement.partners[{index}]",
            )


PARTNER_FUNDING = Duty(
    check=_funding,
    checks="The report gives the funding of the arrangements (income lines in a `budget` "
    "block), and each partner listed in the arrangement has a contribution (an income line "
    "naming its organisation, or with its `partner`). One finding per partner without one.",
    fix="Give each partner's contribution as an income line.",
    example='```toml\n[[blocks]]\ntype = "budget"\nperiod = "2019-20"\nincome = [\n'
    '  { contributor = "Anytown Council", amount = 120000, partner = "local_authority" },\n'
    '  { contributor = "Anytown Police", amount = 40000, partner = "police" },\n]\n'
    "expenditure = []\n```",
)


def _partners(ctx: RuleContext) -> Iterator[Finding]:
    arrangement = _arrangement(ctx)
    if arrangement is None:
        yield ctx.finding(
            "the report describes no arrangement: add [arrangement] with its safeguarding partners",
            "arrangement",
        )
        return
    if arrangement.kind is not ArrangementKind.SAFEGUARDING_PARTNERSHIP:
        yield ctx.finding(
            f"the arrangement's kind is {KIND_NAMES[arrangement.kind]}, not safeguarding "
            "partnership",
            "arrangement.kind",
        )
    bodies = {p.body for p in arrangement.partners if text(p.organisation)}
    for wanted, name, value in SAFEGUARDING_PARTNERS:
        if bodies.intersection(wanted):
            ctx.met("arrangement.partners")
        else:
            yield ctx.finding(
                f'{name} is not among the safeguarding partners (a partner with body = "{value}")',
                "arrangement.partners",
            )


SAFEGUARDING_PARTNERS_DUTY = Duty(
    check=_partners,
    checks="The report names the three safeguarding partners: the local authority, the chief "
    "officer of police and the integrated care board (a clinical commissioning group before "
    "July 2022), as `partners` of a `safeguarding_partnership` arrangement. One finding per "
    "partner missing.",
    fix="List each partner with its `body`.",
    example='```toml\n[[arrangement.partners]]\norganisation = "Anytown Council"\n'
    'body = "local_authority"\nlead = "Chief Executive"\n```',
)


def _leads(ctx: RuleContext) -> Iterator[Finding]:
    yield from _partners(ctx)
    arrangement = _arrangement(ctx)
    for index, partner in enumerate(arrangement.partners if arrangement else ()):
        if partner.body in _LEAD_BODIES and text(partner.organisation) and not text(partner.lead):
            yield ctx.finding(
                f"no lead safeguarding partner is named for {partner.organisation}",
                f"arrangement.partners[{index}].lead",
            )
    chair = ctx.report.chair
    if chair is None or not text(chair.name):
        yield ctx.finding("no partnership chair is named ([chair])", "chair")


_LEAD_BODIES = frozenset(b for wanted, _, _ in SAFEGUARDING_PARTNERS for b in wanted)

LEAD_PARTNERS = Duty(
    check=_leads,
    checks="The report names the three safeguarding partners (as for the partners' duty), "
    "the lead safeguarding partner of each (`lead`: the head of the local authority, the "
    "chief constable and the chief executive of the integrated care board), and the "
    "partnership chair (`[chair]`). One finding per gap.",
    fix="Give each partner its `lead` (and `delegate` where the lead delegates), and name "
    "the chair.",
    example='```toml\n[chair]\nname = "Sam Patel"\n\n[[arrangement.partners]]\n'
    'organisation = "Anytown Police"\nbody = "police"\nlead = "Chief Constable"\n'
    'delegate = "Detective Chief Superintendent, Public Protection"\n```',
)


def _new_content(ctx: RuleContext) -> Iterator[Finding]:
    yield from _funding(ctx)
    arrangement = _arrangement(ctx)
    if arrangement is None:
        return
    if not any(text(a) for a in arrangement.relevant_agencies):
        yield ctx.finding(
            "the arrangement lists no relevant agencies (arrangement.relevant_agencies)",
            "arrangement.relevant_agencies",
        )
    scrutiny = arrangement.scrutiny
    if scrutiny is None or not text(scrutiny.findings):
        yield ctx.finding(
            "the report gives no findings of the independent scrutineer "
            "(arrangement.scrutiny.findings)",
            "arrangement.scrutiny",
        )
    if not text(arrangement.changes):
        yield ctx.finding(
            "the report does not say what changed in the arrangements in the period (say "
            "so when nothing did; arrangement.changes)",
            "arrangement.changes",
        )


NEW_CONTENT = Duty(
    check=_new_content,
    checks="The report gives each partner's contribution and the funding (as for the funding "
    "duty), the relevant agencies involved, the independent scrutineer's findings and the "
    "changes made to the arrangements in the period (`changes`). One finding per gap.",
    fix="Complete the `[arrangement]` table and the budget.",
    example='```toml\n[arrangement]\nkind = "safeguarding_partnership"\n'
    'changes = "Education joined the executive group in January."\n```',
)


def _focus(ctx: RuleContext) -> Iterator[Finding]:
    priorities = [loc for loc in blocks(ctx, model.PriorityArea) if text(loc.item.title)]
    for loc in priorities:
        ctx.met(loc.path)
    if not priorities:
        yield ctx.finding("the report sets out no multi-agency priorities (priority_area blocks)")
    lessons = [
        loc
        for loc in blocks(ctx, model.Review)
        if any_text(loc.item.lessons) or loc.item.none_in_period
    ]
    met, _ = _met(ctx, Requirement.LESSONS_FROM_REVIEWS)
    for loc in lessons:
        ctx.met(loc.path)
    if not lessons and not met:
        yield ctx.finding(
            "the report gives no learning (review lessons, or a section with "
            'meets = ["lessons_from_reviews"])'
        )
    yield from _missing(ctx, Requirement.IMPACT_EVIDENCE, "evidence of impact")


FOCUS = Duty(
    check=_focus,
    checks="The report focuses on multi-agency priorities (`priority_area` blocks), learning "
    '(review `lessons`, or `meets = ["lessons_from_reviews"]`) and impact, evidence and '
    'improvement (`meets = ["impact_evidence"]`). One finding per gap.',
    fix="Report against the priorities, with the learning and the evidence of impact.",
    example='```toml\n[[blocks]]\ntype = "priority_area"\nnumber = 1\ntitle = "Neglect"\n'
    'aim = "Earlier help for neglected children."\nprogress = "The neglect toolkit is used '
    'in 80% of assessments."\n```',
)


def _accessible(ctx: RuleContext) -> Iterator[Finding]:
    yield from _publication(ctx)
    yield from _missing(
        ctx,
        Requirement.ACCESSIBLE_SUMMARY,
        "summary written for children, families and practitioners",
    )


ACCESSIBLE = Duty(
    check=_accessible,
    checks="The report says where it is published (`[arrangement]` `publication`) and has a "
    "summary written for children, families and practitioners (a section with `meets = "
    '["accessible_summary"]`).',
    fix="Publish the report where families find it and add a plain-language summary.",
    example='```toml\nid = "summary"\ntitle = "Our year on a page"\nmeets = '
    '["accessible_summary"]\n```',
)


def _later_model(ctx: RuleContext) -> Iterator[Finding]:
    report = ctx.report
    end = LSCB_TRANSITION_END
    if report.period_start >= end:
        yield ctx.finding(
            f"an LSCB report for a period starting {report.period_start}: LSCBs were replaced "
            f"by safeguarding partner arrangements by {end}; check it against WT2018 "
            '(arrangement kind = "safeguarding_partnership")',
            "period_start",
        )
    elif report.period_end > end:
        yield ctx.finding(
            f"the period runs past {end}, when the transition to safeguarding partner "
            "arrangements was complete: say when the LSCB's arrangements ended (legacy model)",
            "period_end",
            Severity.WARNING,
        )


LEGACY_MODEL = Duty(
    check=_later_model,
    checks="An LSCB report covers a period before the transition to safeguarding partner "
    "arrangements was complete (29 September 2019). A period starting after it is an error; "
    "a period that runs past it is a warning (legacy model).",
    fix="Check a report of the new arrangements against WT2018, or say when the LSCB ended.",
    example="```toml\nperiod_start = 2018-04-01\nperiod_end = 2019-03-31\n```",
)


def _burden(ctx: RuleContext) -> Iterator[Finding]:
    budgets = blocks(ctx, model.Budget)
    contributors = {
        line.contributor.strip().lower()
        for loc in budgets
        for line in loc.item.income
        if text(line.contributor)
        and is_number(line.amount)
        and line.amount != 0
        and line.kind is model.IncomeKind.CASH
    }
    if len(contributors) >= 2:
        for loc in budgets:
            ctx.met(loc.path)
        return
    if budgets:
        yield ctx.finding(
            f"the Board's cash income comes from {len(contributors)} partner(s); members share "
            "the financial burden so that it does not fall on a few",
            f"{budgets[0].path}.income",
        )
    else:
        yield ctx.finding("the report gives no budget, so how the funding is shared is unknown")


SHARED_BURDEN = Duty(
    check=_burden,
    checks="Cash income comes from at least two partners (income lines of kind `cash` with an "
    "amount other than 0 from different contributors).",
    fix="Give every partner's cash contribution as an income line.",
    example='```toml\nincome = [\n  { contributor = "Council", amount = 90000 },\n'
    '  { contributor = "Police", amount = 15000 },\n]\n```',
)


# ---------------------------------------------------------------------------------------------
# the Safeguarding Adults Board (Care Act 2014 Schedule 2 paragraph 4)


def requirement_duty(requirement: Requirement, what: str, checks: str, fix: str) -> Duty:
    """A duty met only by a section that declares ``requirement`` and holds real content."""

    def check(ctx: RuleContext) -> Iterator[Finding]:
        yield from _missing(ctx, requirement, what)

    title = requirement.value.replace("_", " ").capitalize()
    return Duty(
        check=check,
        checks=f'{checks} (a section with `meets = ["{requirement.value}"]` and real content).',
        fix=fix,
        example=f'```toml\nid = "{requirement.value.replace("_", "-")}"\ntitle = "{title}"\n'
        f'meets = ["{requirement.value}"]\n\n[[blocks]]\ntype = "prose"\n'
        'text = "..."\n```',
    )


def _strategy(ctx: RuleContext) -> Iterator[Finding]:
    priorities = [loc for loc in blocks(ctx, model.PriorityArea) if text(loc.item.progress)]
    for loc in priorities:
        ctx.met(loc.path)
    if not priorities:
        yield from _missing(
            ctx, Requirement.STRATEGY, "account of what the Board did to implement its strategy"
        )


STRATEGY = Duty(
    check=_strategy,
    checks="The report says what the Board did in the year to implement its strategy: "
    '`priority_area` blocks with their `progress`, or a section with `meets = ["strategy"]`.',
    fix="Report the progress made on each strategic priority.",
    example='```toml\n[[blocks]]\ntype = "priority_area"\nnumber = 1\ntitle = "Self-neglect"\n'
    'aim = "A multi-agency self-neglect pathway."\nprogress = "The pathway launched in '
    'June."\n```',
)


def _members(ctx: RuleContext) -> Iterator[Finding]:
    met, _ = _met(ctx, Requirement.MEMBER_CONTRIBUTIONS)
    if met:
        return
    arrangement = _arrangement(ctx)
    members = [p for p in (arrangement.partners if arrangement else ()) if text(p.organisation)]
    returns = [loc for loc in blocks(ctx, model.AgencyReturn) if text(loc.item.agency)]
    if not members and not returns:
        yield ctx.finding(
            "the report does not say what each member did to implement the strategy (list "
            "the members in [[arrangement.partners]] with their activity)",
            "arrangement",
        )
        return
    answered = [loc for loc in returns if any_text(a for _, a in loc.item.answers())]
    for loc in answered:
        ctx.met(loc.path)
    for index, member in enumerate(arrangement.partners if arrangement else ()):
        if not text(member.organisation):
            continue
        if text(member.activity) or any(
            _matches(member.organisation, loc.item.agency) for loc in answered
        ):
            ctx.met(f"arrangement.partners[{index}]")
            continue
        yield ctx.finding(
            f"the report does not say what {member.organisation} did in the year to implement "
            "the strategy",
            f"arrangement.partners[{index}].activity",
        )


MEMBER_CONTRIBUTIONS = Duty(
    check=_members,
    checks="For each member of the Board (`[[arrangement.partners]]`), the report says what it "
    "did in the year to implement the strategy: its `activity`, or an answered "
    '`agency_return` of the same organisation; or a section with `meets = ["member_'
    'contributions"]` covers every member. One finding per member without.',
    fix="Give each member's `activity`, or its agency return.",
    example='```toml\n[[arrangement.partners]]\norganisation = "Anytown Police"\n'
    'body = "police"\nactivity = "Trained 300 officers in recognising coercive control."\n```',
)


def _sar_findings(ctx: RuleContext) -> Iterator[Finding]:
    reviews = [
        loc
        for loc in _reviews(ctx, (ReviewKind.SAFEGUARDING_ADULTS_REVIEW,))
        if loc.item.none_in_period or any_text(loc.item.lessons)
    ]
    for loc in reviews:
        ctx.met(loc.path)
    if not reviews:
        yield from _missing(
            ctx,
            Requirement.SAFEGUARDING_ADULTS_REVIEW_FINDINGS,
            "findings of the safeguarding adults reviews concluded in the year",
        )


SAR_FINDINGS = Duty(
    check=_sar_findings,
    checks="The report gives the findings of the safeguarding adults reviews (Care Act s44) "
    "that concluded in the year, whenever they began: `review` blocks of kind "
    "`safeguarding_adults_review` with their findings in `lessons`, one with "
    '`none_in_period = true`, or a section with `meets = ["safeguarding_adults_review_'
    'findings"]`.',
    fix="Give each concluded review and its findings.",
    example='```toml\n[[blocks]]\ntype = "review"\nkind = "safeguarding_adults_review"\n'
    'title = "SAR: Mr A"\nlessons = ["Mental capacity was assumed, not assessed."]\n```',
)


def _sar_actions(ctx: RuleContext) -> Iterator[Finding]:
    reviews = [
        loc
        for loc in _reviews(ctx, (ReviewKind.SAFEGUARDING_ADULTS_REVIEW,))
        if loc.item.none_in_period or any_text(loc.item.actions)
    ]
    for loc in reviews:
        ctx.met(loc.path)
    if not reviews:
        yield from _missing(
            ctx,
            Requirement.SAFEGUARDING_ADULTS_REVIEW_ACTIONS,
            "account of what the Board did to implement the findings of its safeguarding "
            "adults reviews",
        )


SAR_ACTIONS = Duty(
    check=_sar_actions,
    checks="The report says what the Board did in the year to implement the findings of its "
    "safeguarding adults reviews: the `actions` of `review` blocks of kind "
    '`safeguarding_adults_review`, or a section with `meets = ["safeguarding_adults_review_'
    'actions"]`.',
    fix="List the actions taken on each review's findings.",
    example='```toml\n[[blocks]]\ntype = "review"\nkind = "safeguarding_adults_review"\n'
    'title = "SAR: Mr A"\nactions = ["Capacity assessment training for all care staff."]\n```',
)
