"""Pack CONS, continued: references between parts of the report, and figures stated in prose."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

from boardreport import blocks as block_kinds
from boardreport import model
from boardreport.model import ClaimKind
from boardreport.rules import _citations as cite
from boardreport.rules._comparatives import WORDS, Relation, direction_of_change, holds, relation_of
from boardreport.rules._content import all_blocks, blocks, tables
from boardreport.rules._numbers import number, show
from boardreport.rules._refs import Index, RefError
from boardreport.rules._registry import Finding, RuleContext, Severity
from boardreport.rules.packs.consistency import PACK

_FIGURE = re.compile(
    r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s*(k|m|bn|thousand|million|billion)?(?![\w])", re.IGNORECASE
)
_SCALE = {"k": 3, "thousand": 3, "m": 6, "million": 6, "bn": 9, "billion": 9}


def written_figure(text: str) -> Decimal | None:
    """The one figure ``text`` shows (``"£165,226"``, ``"58%"``, ``"£15.5k"``), else None.

    Text with no figure, or with several ("2 in 5", "16/22"), shows no single figure.
    """
    found = _FIGURE.findall(text)
    if len(found) != 1:
        return None
    digits, suffix = found[0]
    value = Decimal(digits.replace(",", ""))
    return value.scaleb(_SCALE[suffix.lower()]) if suffix else value


@PACK.rule(
    "CONS-010",
    name="chart-references",
    severity=Severity.ERROR,
    citations=(cite.FORMAT,),
)
def chart_references(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    Every `chart` names a table that exists (a written table, or one a budget, attendance or
    child death review presents) and column keys that the table has.

    ## Why it matters

    A chart bound to a missing table or column cannot be drawn, and its text alternative
    would describe data that is not there.

    ## How to fix

    Correct the `table`, `x` or `y` keys. Typed blocks name their tables `<budget id>-income`
    and `<budget id>-expenditure` (columns `item`, `amount`), `<attendance id>` (`name`,
    `percent`) and `<child death review id>-<breakdown label>` (`category`, `count`).

    ## Example

    ```toml
    [[blocks]]
    type = "chart"
    id = "expenditure-chart"
    table = "budget-2014-15-expenditure"
    kind = "horizontal_bar"
    x = "item"
    y = ["amount"]
    title = "Expenditure 2014-15"
    description = "Salaries were the largest cost, followed by training."
    ```
    """
    known = tables(ctx)
    for located in blocks(ctx, model.Chart):
        chart: model.Chart = located.item
        table = known.get(chart.table)
        if table is None:
            yield ctx.finding(
                f"chart {chart.id!r} names no table {chart.table!r}", f"{located.path}.table"
            )
            continue
        keys = {c.key for c in table.columns}
        if chart.x not in keys:
            yield ctx.finding(
                f"chart {chart.id!r}: table {table.id!r} has no column {chart.x!r} "
                f"(columns: {', '.join(sorted(keys))})",
                f"{located.path}.x",
            )
        for i, key in enumerate(chart.y):
            if key not in keys:
                yield ctx.finding(
                    f"chart {chart.id!r}: table {table.id!r} has no column {key!r} "
                    f"(columns: {', '.join(sorted(keys))})",
                    f"{located.path}.y[{i}]",
                )


@PACK.rule(
    "CONS-011",
    name="duplicate-ids",
    severity=Severity.ERROR,
    citations=(cite.FORMAT,),
)
def duplicate_ids(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    Ids are unique where they are looked up: section ids among siblings, block ids within a
    section, and table and KPI ids across the whole report (including the tables that
    budgets, attendance records and child death reviews present).

    ## Why it matters

    Paths, suppressions, chart bindings and claims find things by id; a duplicate makes them
    point at the wrong thing.

    ## How to fix

    Rename one of the two.

    ## Example

    ```toml
    [[sections]]
    id = "priority-1"
    title = "Priority 1"

    [[sections]]
    id = "priority-2"
    title = "Priority 2"
    ```
    """

    def siblings(sections: tuple[model.Section, ...], prefix: str) -> Iterator[Finding]:
        seen: Counter[str] = Counter()
        for section in sections:
            seen[section.id] += 1
            if seen[section.id] == 2:
                yield ctx.finding(
                    f"two sections have the id {section.id!r}", f"{prefix}{section.id}"
                )
            path = f"{prefix}{section.id}"
            block_ids = Counter(
                getattr(b, "id", None) for b in section.blocks if getattr(b, "id", None)
            )
            for block_id, n in block_ids.items():
                if n > 1:
                    yield ctx.finding(
                        f"{n} blocks in section {path!r} have the id {block_id!r}",
                        f"{path}/{block_id}",
                    )
            yield from siblings(section.sections, path + "/")

    yield from siblings(ctx.report.sections, "")
    tables: dict[str, str] = {}
    kpis: dict[str, str] = {}
    for located in all_blocks(ctx):
        block = located.item
        ids = [("table", t, tables) for t in block_kinds.derived_tables(block)]
        if isinstance(block, model.KPI) and block.id:
            ids.append(("KPI", block.id, kpis))
        for kind, item_id, seen in ids:
            if item_id in seen:
                yield ctx.finding(
                    f"the {kind} id {item_id!r} is used twice (also at {seen[item_id]})",
                    located.path,
                )
            else:
                seen[item_id] = located.path


# ---------------------------------------------------------------------------------------------
# claims


class Evaluation(NamedTuple):
    """One claim, checked: its path, problems with its text and references, and its value."""

    path: str
    claim: model.Claim
    text_problems: tuple[str, ...]
    ref_problems: tuple[str, ...]
    computed: Decimal | None
    working: str
    other: Decimal | None = None
    """For a compare or change claim: the sum of ``of``, the figure compared with."""
    subject: Decimal | None = None
    """For a compare or change claim: the sum of ``refs``."""


def _sum(values: list[Decimal]) -> Decimal:
    return sum(values, Decimal(0))


def _evaluate(index: Index, prose: model.Prose, claim: model.Claim, path: str) -> Evaluation:
    text_problems: list[str] = []
    shown = claim.text if isinstance(claim.text, str) else ""
    if not shown.strip():
        text_problems.append("the claim gives no text")
    elif shown not in prose.text:
        text_problems.append(f"the text {shown!r} does not occur in the prose")
    elif claim.kind is ClaimKind.COMPARE:
        if relation_of(shown) is None:
            text_problems.append(
                f"the text {shown!r} holds no comparative word (higher than, fell, doubled ...)"
            )
    elif claim.stated is None:
        text_problems.append(f"a {claim.kind.value} claim needs `stated`, the figure it shows")
    else:
        written = written_figure(shown)
        stated = number(claim.stated)
        if written is not None and stated is not None and written != abs(stated):
            text_problems.append(
                f"the text {shown!r} shows {show(written)} but the claim states {show(stated)}"
            )
    ref_problems: list[str] = []
    refs: list[Decimal] = []
    of: list[Decimal] = []
    for target, refs_list in ((refs, claim.refs), (of, claim.of)):
        for ref in refs_list:
            try:
                target.extend(index.resolve(ref))
            except RefError as exc:
                ref_problems.append(f"{ref!r} does not resolve: {exc}")
    kind = claim.kind
    if not claim.refs:
        ref_problems.append("the claim has no refs")
    if kind in (ClaimKind.SHARE, ClaimKind.CHANGE, ClaimKind.COMPARE) and not claim.of:
        ref_problems.append(f"a {kind.value} claim needs `of`")
    if ref_problems:
        return Evaluation(path, claim, tuple(text_problems), tuple(ref_problems), None, "")
    computed: Decimal | None = None
    working = ""
    if kind is ClaimKind.VALUE:
        if len(refs) != 1:
            ref_problems.append(f"a value claim needs exactly one value; its refs give {len(refs)}")
        else:
            computed, working = refs[0], show(refs[0])
    elif kind is ClaimKind.SUM:
        computed = _sum(refs)
        working = " + ".join(show(v) for v in refs)
    elif kind is ClaimKind.COMPARE:
        computed, other = _sum(refs), _sum(of)
        return Evaluation(path, claim, tuple(text_problems), (), computed, "", other, computed)
    else:
        whole = _sum(of)
        if whole == 0:
            ref_problems.append("the claim's `of` adds up to 0")
        elif kind is ClaimKind.SHARE:
            computed = 100 * _sum(refs) / whole
            working = f"100 × {show(_sum(refs))} / {show(whole)}"
        else:
            computed = 100 * (_sum(refs) - whole) / whole
            working = f"100 × ({show(_sum(refs))} - {show(whole)}) / {show(whole)}"
            return Evaluation(
                path,
                claim,
                tuple(text_problems),
                tuple(ref_problems),
                computed,
                working,
                whole,
                _sum(refs),
            )
    return Evaluation(path, claim, tuple(text_problems), tuple(ref_problems), computed, working)


def evaluations(ctx: RuleContext) -> list[Evaluation]:
    """Every claim in the report, evaluated once per check."""
    if "claims" not in ctx.cache:
        index = Index.of(ctx.report, tables(ctx), all_blocks(ctx))
        found = []
        for located in blocks(ctx, model.Prose):
            prose: model.Prose = located.item
            for i, claim in enumerate(prose.claims):
                found.append(_evaluate(index, prose, claim, f"{located.path}.claims[{i}]"))
        ctx.cache["claims"] = found
    result: list[Evaluation] = ctx.cache["claims"]
    return result


@PACK.rule(
    "CONS-012",
    name="claim-figures",
    severity=Severity.ERROR,
    citations=(cite.PARA_17,),
)
def claim_figures(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    A figure stated in prose (a `claims` entry of a `prose` block) agrees with the data it
    refers to, within its `tolerance` (default 0.5, i.e. within rounding): `value` equals
    the one referenced value, `sum` the sum of the references, `share` is 100 × sum(refs) /
    sum(of), and `change` the percentage change from sum(of) to sum(refs) (a fall is
    negative). Income read through `budget:` references is taken as a magnitude.

    ## Why it matters

    Prose that quotes a figure the tables contradict undermines the rigorous and transparent
    assessment the report must give (Working Together 2013, chapter 3, paragraph 17).

    ## How to fix

    Correct the figure, or keep the published wording and suppress with the reason.

    ## Example

    ```toml
    [[blocks]]
    type = "prose"
    text = "The LA is the largest contributor, totalling 58% of the combined income."
    claims = [
      { kind = "share", text = "58%", stated = 58,
        refs = ["budget:budget-2014-15.income[WCC]"], of = ["budget:budget-2014-15.income[*]"] },
    ]
    ```
    """
    for evaluation in evaluations(ctx):
        claim = evaluation.claim
        stated = number(claim.stated)
        tolerance = number(claim.tolerance)
        if evaluation.computed is None or stated is None or tolerance is None:
            continue
        if claim.kind is ClaimKind.COMPARE:
            continue
        if abs(stated - evaluation.computed) > tolerance:
            unit = "%" if claim.kind in (ClaimKind.SHARE, ClaimKind.CHANGE) else ""
            yield ctx.finding(
                f"the prose says {claim.text!r} ({claim.kind.value} {show(stated)}{unit}) but "
                f"the data give {show(evaluation.computed.quantize(Decimal('0.01')))}{unit} "
                f"({evaluation.working})",
                evaluation.path,
            )


@PACK.rule(
    "CONS-013",
    name="claim-text",
    severity=Severity.ERROR,
    citations=(cite.FORMAT,),
)
def claim_text(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    A claim's `text` occurs verbatim in its prose block, and when the text shows one figure
    (`£165,226`, `58%`, `£15.5k`) that figure is the claim's `stated` value, ignoring sign
    (so "a fall of 27%" can state -27). Text with several figures ("2 in 5") or none
    ("more than half") is only looked for in the prose.

    ## Why it matters

    The check of a figure is only worth something if it checks the figure the reader sees.

    ## How to fix

    Copy the figure exactly as the prose writes it into `text`, and give the same number as
    `stated`.

    ## Example

    ```toml
    text = "Referrals fell by 27% compared with last year."
    claims = [
      { kind = "change", text = "27%", stated = -27,
        refs = ["kpi:referrals-2014-15"], of = ["kpi:referrals-2013-14"] },
    ]
    ```
    """
    for evaluation in evaluations(ctx):
        for problem in evaluation.text_problems:
            yield ctx.finding(problem, evaluation.path)


@PACK.rule(
    "CONS-014",
    name="claim-references",
    severity=Severity.ERROR,
    citations=(cite.FORMAT,),
)
def claim_references(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    Every reference of a claim resolves to numbers: `table:<id>[<row label>].<column>` (or
    `[*]` for a whole column), `kpi:<id>`, `budget:<id>.income[<contributor>]`,
    `budget:<id>.expenditure[<item>]` (or `[*]`), `budget:<id>.income_total` and
    `budget:<id>.expenditure_total`; and every count of a typed block with an id as
    `<block type>:<id>.<field>` (`review:scr-2014-15.commissioned`,
    `child_death_review:cdop.deaths_reviewed`), `attendance:<id>[<name>]`,
    `breakdown:<child death review id>.<label>[<category>]` (or `[*]`),
    `kpi:<id>.previous[<period>]`, `kpi:<id>.comparators[<label>]` and `share:<id>` (a
    child death share). A claim must have refs; `share`, `change` and `compare` need `of`;
    `value` needs exactly one value.

    ## Why it matters

    A claim whose references do not resolve is not checked at all.

    ## How to fix

    Correct the id, row label, column key or contributor text; tables presented by typed
    blocks are named `<budget id>-income`, `<budget id>-expenditure`, `<attendance id>` and
    `<child death review id>-<breakdown label>`.

    ## Example

    ```toml
    text = "The panel reviewed 22 deaths."
    claims = [
      { kind = "sum", text = "22", stated = 22, refs = ["table:cdop-2014-15-sex[*].count"] },
    ]
    ```
    """
    for evaluation in evaluations(ctx):
        for problem in evaluation.ref_problems:
            yield ctx.finding(f"claim {evaluation.claim.text!r}: {problem}", evaluation.path)


@PACK.rule(
    "CONS-015",
    name="claim-comparisons",
    severity=Severity.ERROR,
    citations=(cite.PARA_17,),
)
def claim_comparisons(ctx: RuleContext) -> Iterator[Finding]:
    """
    ## What it checks

    A comparison stated in prose holds for the figures it is bound to. A `compare` claim's
    `text` is the comparative as the prose words it ("higher than", "lower than", "more than",
    "fewer than", "rose", "fell", "doubled", "halved", "the same as"; "not higher than" means
    at most), and it must hold from the sum of its `refs` to the sum of its `of`. "The same
    as" allows the claim's `tolerance`; "doubled", "halved" and "trebled" allow 10% of the
    exact ratio. The words of a `change` claim ("gone down by 27%", "a rise of 5%") must also
    go the way the figures went.

    ## Why it matters

    A comparison the figures contradict tells readers the opposite of what happened (Working
    Together 2013, chapter 3, paragraph 17: a rigorous and transparent assessment).

    ## How to fix

    Correct the words or the figures, or keep the published wording and suppress the finding
    with the reason.

    ## Example

    ```toml
    [[blocks]]
    type = "prose"
    text = "The number of referrals concluded was higher than those received."
    claims = [
      { kind = "compare", text = "higher than",
        refs = ["table:allegations[2014/15].concluded"],
        of = ["table:allegations[2014/15].received"] },
    ]
    ```
    """
    for evaluation in evaluations(ctx):
        claim = evaluation.claim
        subject, other = evaluation.subject, evaluation.other
        if subject is None or other is None:
            continue
        if claim.kind is ClaimKind.COMPARE:
            relation = relation_of(claim.text)
            tolerance = number(claim.tolerance) or Decimal(0)
            if relation is None or holds(relation, subject, other, tolerance):
                continue
            yield ctx.finding(
                f"the prose says {claim.text!r} but {show(subject)} is not {WORDS[relation]} "
                f"{show(other)}",
                evaluation.path,
            )
        elif claim.kind is ClaimKind.CHANGE:
            direction = direction_of_change(claim.text)
            latest = subject
            if direction is None or direction is Relation.EQUAL:
                continue
            if not holds(direction, latest, other, Decimal(0)):
                went = "rose" if latest > other else "did not change" if latest == other else "fell"
                yield ctx.finding(
                    f"the prose says {claim.text!r} but the figure {went}, from {show(other)} "
                    f"to {show(latest)}",
                    evaluation.path,
                )
