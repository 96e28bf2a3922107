"""Pack YOY: one board's report read against its report for the year before.

A report names last year's report with ``previous = "../2019-20"`` (its folder, relative to this
report's folder). These rules run only for a report that names one; they compare the two.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

from boardreport import model
from boardreport.rules import _citations as cite
from boardreport.rules._content import blocks, is_number, text
from boardreport.rules._registry import Finding, RuleContext, Severity, pack

PACK = pack("YOY", title="Year on year: this year's report against last year's")

_PREVIOUS = "previous"
_GAP = dt.timedelta(days=92)
"""The longest gap between last year's period and this one that still makes them consecutive."""


def _last_year(ctx: RuleContext) -> model.Report | None:
    """Last year's report: the one ``previous`` names, or the one given to the check."""
    return ctx.previous


def _norm(value: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in value.lower()).split())


# ---------------------------------------------------------------------------------------------
# YOY-001


@PACK.rule(
    "YOY-001",
    name="previous-report",
    severity=Severity.ERROR,
    citations=(cite.GOOD_PRACTICE,),
)
def previous_report(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    The report that `previous` names loads, is the same board's (the same `board` or `area`,
    ignoring case and punctuation) and covers the period just before this one: it ends
    before this period starts, and this period starts within three months (92 days) of its end.
    The other YOY rules need it; without it they say nothing. (From Python, last year's report
    can also be given to `boardreport.rules.check(report, previous=...)`.)

    ## Why it matters

    Each year's report must say what became of last year's priorities and money; the link
    between the two reports is what lets those checks run. A link to the wrong board's or a
    much older year's report would make them compare the wrong things.

    ## How to fix

    Give the folder of last year's report, relative to this report's folder, and check that
    it loads (`boardreport check` of that folder).

    ## Example

    ```toml
    previous = "../2019-20"
    ```
    """
    if ctx.previous is None:
        if not ctx.report.previous.strip():
            return
        reason = ctx.previous_problem or "it was not given to the check"
        yield ctx.finding(
            f"the previous report {ctx.report.previous!r} could not be read ({reason})",
            _PREVIOUS,
        )
        return
    this, last = ctx.report, ctx.previous
    same = _norm(this.board) == _norm(last.board) or (
        bool(_norm(this.area)) and _norm(this.area) == _norm(last.area)
    )
    if not same:
        yield ctx.finding(
            f"the previous report is another board's: {last.board!r} ({last.area}), not "
            f"{this.board!r} ({this.area})",
            _PREVIOUS,
        )
    if last.period_end >= this.period_start:
        yield ctx.finding(
            f"the previous report's period {last.period_label} does not end before this "
            f"period {this.period_label} starts",
            _PREVIOUS,
        )
    elif this.period_start - last.period_end > _GAP:
        yield ctx.finding(
            f"the previous report's period {last.period_label} is not the year before "
            f"{this.period_label}: more than three months lie between them",
            _PREVIOUS,
            Severity.WARNING,
        )
    else:
        ctx.met(_PREVIOUS)


# ---------------------------------------------------------------------------------------------
# YOY-002


def _carried(priority: model.PriorityArea, report: model.Report) -> bool:
    """True when last year's priority runs on into ``report``'s period."""
    if text(priority.next_year):
        return True
    plan = priority.plan_period
    return plan is not None and plan.end >= report.period_start


def _same_priority(last: model.PriorityArea, this: model.PriorityArea) -> bool:
    if last.id and this.id:
        return last.id == this.id
    return _norm(last.title) == _norm(this.title)


@PACK.rule(
    "YOY-002",
    name="last-years-priorities-reported-on",
    severity=Severity.WARNING,
    citations=(cite.WT18_REPORTING, cite.GOOD_PRACTICE),
)
def priorities_reported_on(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    Each of last year's priorities that runs on into this year (its `next_year` says what
    is planned, or its `plan_period` reaches into this period) is a `priority_area` of this
    year's report, matched by `id` when both have one and by title otherwise, and its
    `progress` says what became of it. One finding per priority not reported on.

    ## Why it matters

    Readers judge a board by whether it did what it said it would. Working Together 2018 asks
    for an analysis of areas with little or no evidence of progress on agreed priorities;
    a priority that silently disappears hides exactly that.

    ## How to fix

    Add the priority to this year's report with its progress, or say in its progress that it
    was dropped and why.

    ## Example

    ```toml
    [[blocks]]
    type = "priority_area"
    id = "neglect"
    number = 1
    title = "Neglect"
    aim = "Earlier help for neglected children."
    progress = "The neglect toolkit is used in every assessment; re-referrals fell."
    ```
    """
    last = _last_year(ctx)
    if last is None:
        return
    current = blocks(ctx, model.PriorityArea)
    for located in model.iter_blocks(last, model.PriorityArea):
        priority: model.PriorityArea = located.item
        if not _carried(priority, ctx.report):
            continue
        match = next((loc for loc in current if _same_priority(priority, loc.item)), None)
        label = f"last year's priority {priority.number} {priority.title!r}"
        if match is None:
            yield ctx.finding(
                f"{label} ({last.period_label}) is not reported on this year: no priority "
                "area has its id or title",
                _PREVIOUS,
            )
        elif not text(match.item.progress):
            yield ctx.finding(
                f"{label} is in this year's report but its progress is not stated",
                f"{match.path}.progress",
            )
        else:
            ctx.met(match.path)


# ---------------------------------------------------------------------------------------------
# YOY-003


def _closing_budget(report: model.Report) -> model.Located | None:
    """The actual budget of the report's own year (else its last actual budget)."""
    actual = [
        loc
        for loc in model.iter_blocks(report, model.Budget)
        if loc.item.kind is model.BudgetKind.ACTUAL
    ]
    own = [loc for loc in actual if loc.item.period.start.year == report.period_start.year]
    chosen = own or actual
    return chosen[-1] if chosen else None


@PACK.rule(
    "YOY-003",
    name="balance-carries-forward",
    severity=Severity.ERROR,
    citations=(cite.GOOD_PRACTICE,),
)
def balance_carries(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    The reserve last year's actual budget carried forward is the reserve this year's actual
    budget brought forward (`carried_forward` of last year's, `brought_forward` of this
    year's; the budget of the report's own year, else its last actual budget). A balance
    stated as an unknown on either side cannot be compared: an info finding says so.

    ## Why it matters

    Money does not vanish between two years' accounts. A balance that does not carry means
    a figure was misprinted, or money moved without the report saying so.

    ## How to fix

    Correct the figure that is wrong, or, where the published reports differ, keep them as
    published and suppress the finding with the reason.

    ## Example

    ```toml
    # last year's budget: carried_forward = 12000
    [[blocks]]
    type = "budget"
    period = "2020-21"
    brought_forward = 12000
    ```
    """
    last = _last_year(ctx)
    if last is None:
        return
    before, now = _closing_budget(last), _closing_budget(ctx.report)
    if before is None or before.item.carried_forward is None or now is None:
        return
    carried, brought = before.item.carried_forward, now.item.brought_forward
    path = f"{now.path}.brought_forward"
    if brought is None:
        yield ctx.finding(
            f"last year's budget carried forward {_show(carried)}, but this year's budget "
            "states no balance brought forward",
            path,
            Severity.WARNING,
        )
    elif not (is_number(carried) and is_number(brought)):
        yield ctx.finding(
            f"the balance cannot be compared: last year carried forward {_show(carried)}, "
            f"this year brought forward {_show(brought)}",
            path,
            Severity.INFO,
        )
    elif (difference := _decimal(brought) - _decimal(carried)) != 0:
        yield ctx.finding(
            f"this year's budget brought forward {_show(brought)}, but last year's carried "
            f"forward {_show(carried)} (a difference of {_show(difference)})",
            path,
        )
    else:
        ctx.met(path)


def _decimal(value: object) -> Decimal:
    """A number of the model as a Decimal (callers have checked it is a number)."""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return Decimal(value)
    msg = f"not a number: {value!r}"
    raise TypeError(msg)


def _show(value: object) -> str:
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


# ---------------------------------------------------------------------------------------------
# KPIs of both years


def _same_kpi(last: model.KPI, this: model.KPI) -> bool:
    if last.id and this.id:
        return last.id == this.id
    return _norm(last.label) == _norm(this.label)


def kpi_pairs(
    report: model.Report, previous: model.Report
) -> list[tuple[model.Located, model.KPI]]:
    """This year's KPIs that last year's report also gives, each with last year's KPI."""
    earlier = [loc.item for loc in model.iter_blocks(previous, model.KPI)]
    pairs = []
    for located in model.iter_blocks(report, model.KPI):
        match = next((k for k in earlier if _same_kpi(k, located.item)), None)
        if match is not None:
            pairs.append((located, match))
    return pairs


_UP = r"rose|risen|rising|increased|increasing|grew|grown|went up|gone up|climbed"
_DOWN = r"fell|fallen|falling|decreased|decreasing|dropped|declined|reduced|went down|gone down"
_DIRECTION = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n{2,}")
_HEAD_END = re.compile(r"\s+(?:to|of|in|within|for|per|on|by|at|among|from)\s+|\s*[(,:;]")
_NEAR = 60
"""How many characters after a KPI's name its direction word may stand."""


def kpi_name(label: str) -> str:
    """The words a sentence uses for a KPI: its label up to the first preposition."""
    return _HEAD_END.split(label.strip(), maxsplit=1)[0].strip()


def _said_direction(sentence: str, name: str) -> int:
    """+1 or -1 when ``sentence`` says the KPI named ``name`` rose or fell; 0 otherwise."""
    words = re.escape(name).replace(r"\ ", r"\s+")
    mention = re.search(rf"\b{words}s?\b", sentence, re.IGNORECASE)
    if mention is None or len(name) < 4:
        return 0
    after = sentence[mention.end() : mention.end() + _NEAR]
    found = _DIRECTION.search(after)
    if found is None:
        return 0
    return 1 if found.group("up") else -1


@PACK.rule(
    "YOY-004",
    name="rose-or-fell",
    severity=Severity.ERROR,
    citations=(cite.GOOD_PRACTICE,),
)
def rose_or_fell(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    When a sentence of this year's prose names a KPI that last year's report also gives
    (matched by `id`, else by label) and says it rose or fell ("rose", "increased", "went
    up", "fell", "decreased", "dropped" … within a few words after its name), this year's
    value and last year's agree with that direction. A KPI is named by its label up to the
    first preposition ("Re-referrals to children's social care" is named "re-referrals").
    Values that are stated unknowns are not compared.

    ## Why it matters

    "Re-referrals fell" is the kind of sentence readers remember. When last year's report
    gives a lower figure than this year's, the sentence is wrong however it was meant.

    ## How to fix

    Correct the sentence or the figure; if last year's published figure was itself revised,
    say so in the prose and suppress the finding with the reason.

    ## Example

    ```toml
    # last year: re-referrals value = 24; this year value = 21
    [[blocks]]
    type = "prose"
    text = "Re-referrals fell from 24% to 21%."
    ```
    """
    last = _last_year(ctx)
    if last is None:
        return
    pairs = [
        (kpi.item, before)
        for kpi, before in kpi_pairs(ctx.report, last)
        if is_number(kpi.item.value) and is_number(before.value)
    ]
    if not pairs:
        return
    for located in blocks(ctx, model.Prose):
        for sentence in _SENTENCE.split(located.item.text):
            for kpi, before in pairs:
                said = _said_direction(sentence, kpi_name(kpi.label))
                if not said:
                    continue
                change = _decimal(kpi.value) - _decimal(before.value)
                actual = (change > 0) - (change < 0)
                if actual == said:
                    ctx.met(located.path)
                    continue
                words = "rose" if said > 0 else "fell"
                truth = {1: "rose", -1: "fell", 0: "did not change"}[actual]
                yield ctx.finding(
                    f"the prose says {kpi.label!r} {words} ({sentence.strip()!r}), but it "
                    f"{truth}: {_show(before.value)} in {last.period_label}, "
                    f"{_show(kpi.value)} in {ctx.report.period_label}",
                    located.path,
                )


@PACK.rule(
    "YOY-005",
    name="last-years-figures-agree",
    severity=Severity.WARNING,
    citations=(cite.GOOD_PRACTICE,),
)
def last_years_figures(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    A KPI's `previous` value for last year's period is the value last year's report gives
    for the same KPI (matched by `id`, else by label). Stated unknowns are not compared.

    ## Why it matters

    A comparison with last year is only as good as last year's figure: one quoted differently
    from the published report misleads, or hides a revision readers should be told about.

    ## How to fix

    Quote last year's published figure, or say in the KPI's `note` why it was revised and
    suppress the finding with that reason.

    ## Example

    ```toml
    [[blocks]]
    type = "kpi"
    id = "re-referrals"
    label = "Re-referrals within 12 months"
    value = 21
    previous = [{ period = "2019-20", value = 24 }]
    ```
    """
    last = _last_year(ctx)
    if last is None:
        return
    for located, before in kpi_pairs(ctx.report, last):
        for index, quoted in enumerate(located.item.previous):
            if quoted.period.strip() != last.period_label:
                continue
            if not (is_number(quoted.value) and is_number(before.value)):
                continue
            path = f"{located.path}.previous[{index}]"
            if _decimal(quoted.value) == _decimal(before.value):
                ctx.met(path)
            else:
                yield ctx.finding(
                    f"{located.item.label!r} gives {_show(quoted.value)} for "
                    f"{last.period_label}, but last year's report gives {_show(before.value)}",
                    path,
                )
