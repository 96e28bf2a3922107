"""Pack SUP: suppressions written in the report are specific, used and explained.

These rules run after the others (``Phase.AUDIT``), on their findings.
"""

from __future__ import annotations

from collections.abc import Iterator

from boardreport import model
from boardreport.rules import _citations as cite
from boardreport.rules._registry import (
    REGISTRY,
    Finding,
    Phase,
    RuleContext,
    Severity,
    pack,
)
from boardreport.rules._suppress import is_valid, rule_id

PACK = pack("SUP", title="Suppressions: specific, used and explained")


@PACK.rule(
    "SUP-001",
    name="unused-suppression",
    severity=Severity.ERROR,
    citations=(cite.SUPPRESSIONS,),
    phase=Phase.AUDIT,
)
def unused_suppression(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    Every suppression matches at least one finding: a finding of its rule whose path is the
    target or lies under it (the target followed by `.`, `/` or `[`). A suppression of a rule
    that does not apply to the report's framework matches nothing. Suppressions of rules left
    out with `--select` or `--ignore` are not judged.

    ## Why it matters

    A suppression that matches nothing hides no problem today but may hide a new one later,
    and it tells readers of the report file something that is no longer true.

    ## How to fix

    Remove the suppression, or correct its `target` (the path the finding reports).

    ## Example

    ```toml
    [[suppressions]]
    rule = "CONS-003"
    target = "appendix-2/budget-2014-15.income_total"
    reason = "As published: the income lines add up to 280,725, not the printed total."
    ```
    """
    for index, suppression in enumerate(ctx.report.suppressions):
        if not is_valid(suppression):
            continue
        rid = rule_id(suppression)
        uses = ctx.suppression_uses[index] if index < len(ctx.suppression_uses) else 0
        if uses:
            continue
        if rid not in ctx.applicable:
            yield ctx.finding(
                f"the suppression of {rid} matches nothing: the rule does not apply to "
                f"framework {ctx.report.framework!r}",
                f"suppressions[{index}]",
            )
        elif rid in ctx.ran:
            yield ctx.finding(
                f"the suppression of {rid} at {suppression.target!r} matches no finding",
                f"suppressions[{index}]",
            )


@PACK.rule(
    "SUP-002",
    name="unknown-rule",
    severity=Severity.ERROR,
    citations=(cite.SUPPRESSIONS,),
    phase=Phase.AUDIT,
)
def unknown_rule(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    Every suppression names a rule that exists (`boardreport rules` lists them).

    ## Why it matters

    A suppression of an unknown rule suppresses nothing; usually the id is mistyped.

    ## How to fix

    Correct the rule id.

    ## Example

    ```toml
    [[suppressions]]
    rule = "CONS-006"
    target = "child-deaths/cdop-2014-15.breakdowns[3]"
    reason = "As published: the place-of-death figures add up to 21, not 22."
    ```
    """
    for index, suppression in enumerate(ctx.report.suppressions):
        rid = rule_id(suppression)
        if rid not in REGISTRY:
            yield ctx.finding(
                f"the suppression names no known rule: {suppression.rule!r}",
                f"suppressions[{index}].rule",
            )


@PACK.rule(
    "SUP-003",
    name="missing-reason",
    severity=Severity.ERROR,
    citations=(cite.SUPPRESSIONS,),
    phase=Phase.AUDIT,
)
def missing_reason(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    Every suppression gives a real reason (not empty, not TODO). A suppression without one
    suppresses nothing.

    ## Why it matters

    The reason is what readers and reviewers see beside the suppressed finding in every
    output; without it, a suppression is an unexplained silence.

    ## How to fix

    Say why the finding stands, for example that the figures are kept as published.

    ## Example

    ```toml
    [[suppressions]]
    rule = "CONS-007"
    target = "appendix-2/budget-2014-15.expenditure_total"
    reason = "The income lines include one-off contributions carried into 2015-16."
    ```
    """
    for index, suppression in enumerate(ctx.report.suppressions):
        reason = suppression.reason if isinstance(suppression.reason, str) else None
        if not model.has_substance(reason):
            yield ctx.finding(
                f"the suppression of {suppression.rule!r} at {suppression.target!r} gives "
                "no reason",
                f"suppressions[{index}].reason",
            )
